import { html, nothing, type TemplateResult } from 'lit';
import { query } from 'lit/decorators.js';
import { resources } from '../../api/resources.js';
import { trustedDevicesContract, type TrustedDevice } from '../../api/contract/trusted-devices.js';
import { twoFactorContract } from '../../api/contract/two-factor.js';
import { registerSchemas } from '../../api/validation.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { registerStrings } from '../../i18n/i18n.js';
import deviceStrings from '../../i18n/locales/devices/strings.js';
import type { DnConfirmDialog } from '../../internal/confirm-dialog.js';
import { DnElement } from '../../internal/dn-element.js';
import { heading } from '../../internal/heading.js';
import { baseStyles } from '../../internal/styles/host.styles.js';
import { buttonStyles } from '../../internal/styles/buttons.styles.js';
import { alertStyles } from '../../internal/styles/alerts.styles.js';
import { badgeStyles } from '../../internal/styles/badges.styles.js';
import { skeletonStyles } from '../../internal/styles/skeleton.styles.js';
import { layoutStyles } from '../../internal/styles/layout.styles.js';
import { visuallyHiddenStyles } from '../../internal/styles/utility.styles.js';
import { ReauthController } from '../../internal/reauth-controller.js';
import { ConfirmedActionController } from '../../internal/confirmed-action.js';
import { deviceListStyles, deviceNames, RefreshController, renderDeviceType } from '../../internal/device.js';
import { emit } from '../../internal/events.js';
import { ResourceController } from '../../internal/resource-controller.js';
import { renderRelativeTime, relativeTimeStyles } from '../../internal/time.js';
import { isWindowed, listRowStyles, listScrollerStyles, rowsRendered, virtualList } from '../../internal/virtual-list.js';
import { renderBusyButton } from '../../internal/controls.js';
import { confirmIdentity } from '../reauth-dialog/confirm-identity.js';

registerStrings(deviceStrings);
registerSchemas(trustedDevicesContract, { getTwoFactorStatus: twoFactorContract.getTwoFactorStatus });

/**
 * @summary Devices trusted for 30 days after a two-factor sign-in: device,
 * IP address, location, last use and expiry. Revoke one or all of them (each
 * asks to confirm); a revoked device asks for a code at its next sign-in.
 * While two-factor authentication is off (read from the same status
 * `<dn-2fa-setup>` shows, one request for both), the sentence above the list
 * says what the devices still mean: nothing until it is turned on again.
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
 * @csspart scroller - The box a long (windowed) list scrolls in, at most `--dn-list-max-block-size` tall; short lists have none.
 * @csspart count - How many devices there are, shown above a long (windowed) list.
 * @csspart list - The list of devices.
 * @csspart device - One device.
 * @csspart device-type - The device icon with its text alternative ("Computer", "Phone", …).
 * @csspart device-name - The browser and operating system of a device.
 * @csspart badge - The "This device" badge.
 * @csspart time - The relative "last used" time; focus or hover shows the exact time.
 * @csspart time-tip - The exact date and time shown on hover and focus.
 * @csspart revoke - The "Revoke" button of a device.
 * @csspart empty - The explanation shown when no device is trusted.
 * @csspart action-error - Why revoking failed.
 * @csspart status - The polite live region.
 * @csspart loading - The loading placeholder.
 * @csspart error - The load error with its retry button.
 *
 * @tagname dn-trusted-devices
 */
export class DnTrustedDevices extends DnElement {
  static override styles = [...baseStyles, buttonStyles, alertStyles, badgeStyles, skeletonStyles, layoutStyles, visuallyHiddenStyles, deviceListStyles, relativeTimeStyles, listRowStyles, listScrollerStyles];

  /** Keeps relative times (\"5 minutes ago\") current while the element is on the page. */
  protected readonly refresh = new RefreshController(this);

  @query('dn-confirm-dialog') private confirmDialog!: DnConfirmDialog;
  /** "Confirm it's you" around sensitive requests. */
  private readonly reauth = new ReauthController(this, confirmIdentity);
  /** Confirmed destructive actions: which one is sent, why the last one failed. */
  private readonly action = new ConfirmedActionController(this, { reauth: this.reauth, say: (message) => this.say(message) });


  /** The trusted devices, shared with every reader on the page. */
  private readonly list = new ResourceController(this, {
    resource: () => resources.trustedDevices,
    failed: (error) => this.handleFailure(error),
  });

  /** Whether two-factor authentication is on: trusted devices skip a step only then. A failure here changes nothing shown. */
  private readonly twoFactor = new ResourceController(this, { resource: () => resources.twoFactor });

  private get devices(): TrustedDevice[] | undefined {
    return this.list.value?.items;
  }

  /** Writes through the store: every reader of the list shows the change. */
  private set devices(items: TrustedDevice[]) {
    this.list.set({ ...this.list.value, items });
  }

  /** Also waits for the rows of a long plain list, which follow its first rows in the next frames. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    await rowsRendered(this);
    return complete;
  }

  override render() {
    const devices = this.devices;
    return html`<section part="base" class="stack" aria-labelledby="title">
      <div class="header">
        ${heading(this.headingLevel, this.t('devices.title'), { id: 'title', part: 'title', focusable: true })}
        ${devices && devices.length > 0
          ? renderBusyButton({
              part: 'revoke-all',
              variant: 'secondary',
              label: this.t('devices.revokeAll'),
              busyLabel: this.t('devices.revokingAll'),
              busy: this.action.busy === 'all',
              disabled: Boolean(this.action.busy),
              onClick: () => void this.handleRevokeAll(),
            })
          : nothing}
      </div>
      ${devices
        ? this.renderDevices(devices)
        : this.renderLoadState(this.list)}
      ${this.action.renderError()}
      ${this.renderStatus()}
      <dn-confirm-dialog></dn-confirm-dialog>
    </section>`;
  }

  private renderDevices(devices: TrustedDevice[]): TemplateResult {
    if (devices.length === 0) return html`<p part="empty" class="empty">${this.t('devices.empty')}</p>`;
    const off = this.twoFactor.value?.enabled === false;
    const intro = html`<p part="intro" class="muted">${this.t(off ? 'devices.introOff' : 'devices.intro')}</p>`;
    const windowed = isWindowed(devices.length);
    // The role is not redundant: Safari drops list semantics from restyled lists (see virtual-list.ts).
    // eslint-disable-next-line lit-a11y/no-redundant-role
    const list = html`<ul part="list" class=${windowed ? 'list' : 'list plain'} role="list" aria-label=${this.t('devices.listLabel')}>
      ${virtualList(
        devices,
        (device) => device.id,
        (device, index) => this.renderDevice(device, index, devices.length),
      )}
    </ul>`;
    if (!windowed) return html`${intro}${list}`;
    const count = devices.length;
    return html`${intro}
      <p part="count" class="muted count">${this.t('devices.count', { count, number: formatNumber(count, this.userSettings) })}</p>
      <div part="scroller" class="scroller">${list}</div>`;
  }

  private renderDevice(device: TrustedDevice, index: number, total: number): TemplateResult {
    const settings = this.userSettings;
    const names = deviceNames(device, (key) => this.t(key));
    const busy = this.action.busy === device.id;
    return html`<li part="device" class="row device" aria-posinset=${index + 1} aria-setsize=${total}>
      ${renderDeviceType(device.deviceType, (key) => this.t(key))}
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
          ${renderRelativeTime(device.lastUsedAt, settings, (when) => this.t('devices.lastUsed', { when }))}
        </p>
        <p class="meta">
          <time datetime=${device.expiresAt}>${this.t('devices.trustedUntil', { date: formatDate(device.expiresAt, settings) })}</time>
        </p>
      </div>
      ${renderBusyButton({
        part: 'revoke',
        variant: 'secondary',
        data: { id: device.id },
        label: this.t('devices.revoke'),
        busyLabel: this.t('devices.revoking'),
        ariaLabel: { idle: this.t('devices.revokeDevice', names), busy: this.t('devices.revokingDevice', names) },
        busy,
        disabled: Boolean(this.action.busy),
        onClick: () => void this.handleRevoke(device),
      })}
    </li>`;
  }

  private async handleRevoke(device: TrustedDevice): Promise<void> {
    const names = deviceNames(device, (key) => this.t(key));
    const done = await this.action.run({
      dialog: this.confirmDialog,
      confirm: {
        title: this.t('devices.revokeTitle', names),
        message: this.t('devices.revokeMessage', names),
        confirmLabel: this.t('devices.revoke'),
        danger: true,
      },
      busy: device.id,
      send: () => this.accountApi.revokeTrustedDevice(device.id, { signal: this.signal }),
      failed: (error) => {
        if (error.kind !== 'not-found') return false;
        // Already gone (revoked elsewhere or expired): the list catches up.
        this.removeDevice(device);
        this.announce({ key: 'devices.alreadyRevoked', options: names });
        return true;
      },
    });
    if (!done) return;
    this.removeDevice(device);
    this.announce({ key: 'devices.revoked', options: names });
    emit(this, 'dn-trusted-device-revoked', { device });
  }

  private async handleRevokeAll(): Promise<void> {
    const devices = this.devices ?? [];
    if (devices.length === 0) return;
    const done = await this.action.run({
      dialog: this.confirmDialog,
      confirm: {
        title: this.t('devices.revokeAllTitle'),
        message: this.t('devices.revokeAllMessage', { count: devices.length, number: formatNumber(devices.length, this.userSettings) }),
        confirmLabel: this.t('devices.revokeAll'),
        danger: true,
      },
      busy: 'all',
      send: () => this.accountApi.revokeAllTrustedDevices({ signal: this.signal }),
    });
    if (!done) return;
    this.devices = [];
    this.focusSoon('.title');
    this.announce({ key: 'devices.allRevoked' });
    emit(this, 'dn-trusted-devices-revoked', { revoked: done.revoked });
  }

  /** Takes `device` off the list and moves focus to the next Revoke button (or the heading). */
  private removeDevice(device: TrustedDevice): void {
    const devices = this.devices ?? [];
    const index = devices.findIndex((d) => d.id === device.id);
    const rest = devices.filter((d) => d.id !== device.id);
    const next = rest[Math.min(Math.max(index, 0), rest.length - 1)];
    this.devices = rest;
    this.focusSoon(next ? `[part="revoke"][data-id="${CSS.escape(next.id)}"]` : '.title');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dn-trusted-devices': DnTrustedDevices;
  }
}
