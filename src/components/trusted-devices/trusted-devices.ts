import { html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { DeviceType, TrustedDevice } from '../../api/schemas.js';
import { formatDate, formatDateTime, formatRelative } from '../../i18n/format.js';
import '../../internal/confirm-dialog.js';
import type { DnConfirmDialog } from '../../internal/confirm-dialog.js';
import { DnElement, baseStyles, type Message } from '../../internal/dn-element.js';
import { emit } from '../../internal/events.js';
import { styles } from './trusted-devices.styles.js';

/** How often relative times ("5 minutes ago") are brought up to date. */
const REFRESH_MS = 30_000;

const ICONS: Record<DeviceType, SVGTemplateResult> = {
  desktop: svg`<rect x="3" y="4" width="18" height="12" rx="1.5" /><path d="M8 20h8M12 16v4" />`,
  mobile: svg`<rect x="7" y="2.5" width="10" height="19" rx="2" /><path d="M11 18.5h2" />`,
  tablet: svg`<rect x="4" y="3" width="16" height="18" rx="2" /><path d="M11 18h2" />`,
  unknown: svg`<circle cx="12" cy="12" r="9" /><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5V14M12 17.2v.1" />`,
};

/**
 * @summary Devices trusted for 30 days after a two-factor sign-in: device,
 * IP address, location, last use and expiry. Revoke one or all of them (each
 * asks to confirm); a revoked device asks for a code at its next sign-in.
 *
 * When the server requires re-authentication, "Confirm it's you" opens and the
 * request is sent again once the user confirmed. Relative times ("5 minutes
 * ago") stay current while the page is open.
 *
 * @event dn-trusted-device-revoked - One device was revoked. `detail.device`.
 * @event dn-trusted-devices-revoked - Every device was revoked. `detail.revoked`: how many.
 * @event dn-unauthorized - The backend answered 401: send the user to sign in.
 *
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart intro - The sentence under the heading.
 * @csspart revoke-all - The "Revoke all" button.
 * @csspart list - The list of devices.
 * @csspart device - One device.
 * @csspart device-name - The browser and operating system of a device.
 * @csspart badge - The "This device" badge.
 * @csspart revoke - The "Revoke" button of a device.
 * @csspart empty - The explanation shown when no device is trusted.
 * @csspart action-error - Why revoking failed.
 * @csspart status - The polite live region.
 * @csspart loading - The loading placeholder.
 * @csspart error - The load error with its retry button.
 */
@customElement('dn-trusted-devices')
export class DnTrustedDevices extends DnElement {
  static override styles = [...baseStyles, styles];

  @state() private devices?: TrustedDevice[];
  /** The device being revoked, or `all`. */
  @state() private busy: string | null = null;
  @state() private actionError?: Message;

  @query('dn-confirm-dialog') private confirmDialog!: DnConfirmDialog;

  /** Guards against a second action while one is being confirmed or sent. */
  private acting = false;
  private timer?: number;
  private focusTarget?: string;

  private readonly loadTask = new Task(this, {
    task: async ([api], { signal }) => {
      const list = await api
        .listTrustedDevices({ signal: AbortSignal.any([signal, this.signal]) })
        // Once per failure, not once per render of the error state.
        .catch((error: unknown) => Promise.reject(this.handleFailure(error)));
      this.devices = list.items;
      return list;
    },
    args: () => [this.accountApi] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = window.setInterval(() => this.requestUpdate(), REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearInterval(this.timer);
    this.timer = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusTarget) {
      const selector = this.focusTarget;
      this.focusTarget = undefined;
      this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    }
  }

  override render() {
    const devices = this.devices;
    return html`<section part="base" class="stack" aria-labelledby="title">
      <div class="header">
        <h3 id="title" part="title" tabindex="-1">${this.t('devices.title')}</h3>
        ${devices && devices.length > 0
          ? html`<button
              part="revoke-all"
              class="button secondary"
              type="button"
              aria-disabled=${this.busy ? 'true' : 'false'}
              aria-busy=${this.busy === 'all' ? 'true' : 'false'}
              @click=${() => void this.handleRevokeAll()}
            >
              ${this.busy === 'all'
                ? html`<span class="spinner" aria-hidden="true"></span>${this.t('devices.revokingAll')}`
                : this.t('devices.revokeAll')}
            </button>`
          : nothing}
      </div>
      ${devices
        ? this.renderDevices(devices)
        : this.loadTask.render({
            initial: () => this.renderLoading(3),
            pending: () => this.renderLoading(3),
            complete: () => nothing,
            error: (error) => this.renderLoadError(error, () => void this.loadTask.run()),
          })}
      ${this.actionError
        ? html`<div part="action-error" class="alert danger" role="alert"><p>${this.say(this.actionError)}</p></div>`
        : nothing}
      ${this.renderStatus()}
      <dn-confirm-dialog></dn-confirm-dialog>
    </section>`;
  }

  private renderDevices(devices: TrustedDevice[]): TemplateResult {
    if (devices.length === 0) return html`<p part="empty" class="empty">${this.t('devices.empty')}</p>`;
    return html`<p part="intro" class="muted">${this.t('devices.intro')}</p>
      <ul part="list" class="list" aria-label=${this.t('devices.listLabel')}>
        ${devices.map((device) => this.renderDevice(device))}
      </ul>`;
  }

  private renderDevice(device: TrustedDevice): TemplateResult {
    const settings = this.userSettings;
    const names = { browser: device.browser, os: device.os };
    const exact = formatDateTime(device.lastUsedAt, settings);
    const busy = this.busy === device.id;
    return html`<li part="device" class="device">
      <span class="icon" aria-hidden="true">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">
          ${ICONS[device.deviceType]}
        </svg>
      </span>
      <div class="details">
        <p class="name">
          <span part="device-name">${this.t('devices.deviceName', names)}</span>
          ${device.current ? html`<span part="badge" class="badge info">${this.t('devices.thisDevice')}</span>` : nothing}
        </p>
        <p class="meta">
          <span>${this.t('devices.ip')}</span> <span class="mono" dir="ltr">${device.ip}</span> ·
          <span>${device.location ?? this.t('devices.unknownLocation')}</span>
        </p>
        <p class="meta">
          <time datetime=${device.lastUsedAt} title=${exact}
            >${this.t('devices.lastUsed', { when: formatRelative(device.lastUsedAt, settings) })}</time
          >
          <span class="visually-hidden">${this.t('devices.exactTime', { time: exact })}</span>
        </p>
        <p class="meta">
          <time datetime=${device.expiresAt}>${this.t('devices.trustedUntil', { date: formatDate(device.expiresAt, settings) })}</time>
        </p>
      </div>
      <button
        part="revoke"
        class="button secondary"
        type="button"
        data-id=${device.id}
        aria-label=${this.t('devices.revokeDevice', names)}
        aria-disabled=${this.busy ? 'true' : 'false'}
        aria-busy=${busy ? 'true' : 'false'}
        @click=${() => void this.handleRevoke(device)}
      >
        ${busy ? html`<span class="spinner" aria-hidden="true"></span>${this.t('devices.revoking')}` : this.t('devices.revoke')}
      </button>
    </li>`;
  }

  private async handleRevoke(device: TrustedDevice): Promise<void> {
    if (this.acting || this.busy) return;
    this.acting = true;
    const names = { browser: device.browser, os: device.os };
    try {
      const confirmed = await this.confirmDialog.confirm({
        title: this.t('devices.revokeTitle', names),
        message: this.t('devices.revokeMessage', names),
        confirmLabel: this.t('devices.revoke'),
        danger: true,
      });
      if (!confirmed) return;
      this.busy = device.id;
      this.actionError = undefined;
      try {
        await this.withReauth(() => this.accountApi.revokeTrustedDevice(device.id, { signal: this.signal }));
        this.removeDevice(device);
        this.announce({ key: 'devices.revoked', options: names });
        emit(this, 'dn-trusted-device-revoked', { device });
      } catch (error) {
        const apiError = this.handleFailure(error);
        if (apiError.kind === 'not-found') {
          // Already gone (revoked elsewhere or expired): the list catches up.
          this.removeDevice(device);
          this.announce({ key: 'devices.alreadyRevoked', options: names });
        } else if (apiError.kind !== 'aborted') {
          this.actionError = this.describeError(apiError);
        }
      }
    } finally {
      this.busy = null;
      this.acting = false;
    }
  }

  private async handleRevokeAll(): Promise<void> {
    const devices = this.devices ?? [];
    if (this.acting || this.busy || devices.length === 0) return;
    this.acting = true;
    try {
      const confirmed = await this.confirmDialog.confirm({
        title: this.t('devices.revokeAllTitle'),
        message: this.t('devices.revokeAllMessage', { number: devices.length }),
        confirmLabel: this.t('devices.revokeAll'),
        danger: true,
      });
      if (!confirmed) return;
      this.busy = 'all';
      this.actionError = undefined;
      try {
        const { revoked } = await this.withReauth(() => this.accountApi.revokeAllTrustedDevices({ signal: this.signal }));
        this.devices = [];
        this.focusTarget = 'h3';
        this.announce({ key: 'devices.allRevoked' });
        emit(this, 'dn-trusted-devices-revoked', { revoked });
      } catch (error) {
        const apiError = this.handleFailure(error);
        if (apiError.kind !== 'aborted') this.actionError = this.describeError(apiError);
      }
    } finally {
      this.busy = null;
      this.acting = false;
    }
  }

  /** Takes `device` off the list and moves focus to the next Revoke button (or the heading). */
  private removeDevice(device: TrustedDevice): void {
    const devices = this.devices ?? [];
    const index = devices.findIndex((d) => d.id === device.id);
    const rest = devices.filter((d) => d.id !== device.id);
    const next = rest[Math.min(Math.max(index, 0), rest.length - 1)];
    this.devices = rest;
    this.focusTarget = next ? `[part="revoke"][data-id="${CSS.escape(next.id)}"]` : 'h3';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dn-trusted-devices': DnTrustedDevices;
  }
}
