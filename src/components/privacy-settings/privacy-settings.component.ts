import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { resources } from '../../api/resources.js';
import { privacyContract, type ExportJob, type PrivacySettings } from '../../api/contract/privacy.js';
import { registerSchemas } from '../../api/validation.js';
import type { ApiError } from '../../api/errors.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { registerStrings } from '../../i18n/i18n.js';
import privacyStrings from '../../i18n/locales/privacy/strings.js';
import { DnElement, type Message } from '../../internal/dn-element.js';
import { heading } from '../../internal/heading.js';
import { baseStyles } from '../../internal/styles/host.styles.js';
import { buttonStyles } from '../../internal/styles/buttons.styles.js';
import { alertStyles } from '../../internal/styles/alerts.styles.js';
import { skeletonStyles } from '../../internal/styles/skeleton.styles.js';
import { layoutStyles } from '../../internal/styles/layout.styles.js';
import { visuallyHiddenStyles } from '../../internal/styles/utility.styles.js';
import { switchStyles } from '../../internal/styles/switch.styles.js';
import { ReauthController } from '../../internal/reauth-controller.js';
import { ResourceController } from '../../internal/resource-controller.js';
import { emit } from '../../internal/events.js';
import { safeDownloadUrl } from '../../internal/safe-url.js';
import { renderBusyButton, spinner } from '../../internal/controls.js';
import { styles } from './privacy-settings.styles.js';
import { confirmIdentity } from '../reauth-dialog/confirm-identity.js';

registerStrings(privacyStrings);
registerSchemas(privacyContract);

/** First wait between two checks on a running export, in ms. */
const POLL_FIRST_MS = 1000;
/** Each wait is this much longer than the one before… */
const POLL_FACTOR = 1.5;
/** …up to this (a 429 `Retry-After` may ask for longer). */
const POLL_MAX_MS = 10_000;

const isActive = (job: ExportJob | null | undefined): boolean => job?.status === 'queued' || job?.status === 'running';

/**
 * @summary Privacy settings: the anonymous usage analytics switch (saved at once,
 * rolled back with a message when the save fails) and the GDPR data export —
 * request it, follow its progress, and download it until the link expires.
 *
 * Only one export runs at a time: while one is queued or being prepared, the request
 * button is disabled and says why. The element asks the server for the export's state
 * when it loads, so a user who leaves and comes back sees the running export's progress
 * (no new request is sent). It checks on a running export after 1 s, then waits 1.5 times
 * longer each time, up to 10 s (longer when the server answers 429 with `Retry-After`),
 * and stops when the element leaves the page.
 *
 * **Linking to the export.** The export section is `part="export"`. To let other pages
 * (e.g. `dn-delete-account`'s "export your data first") lead here, give the element an
 * `id` and link to it (`<dn-privacy-settings id="data-export">` → `/settings/privacy#data-export`),
 * or call its `showExport()` method, which scrolls the
 * export section into view and focuses its heading.
 *
 * @event dn-privacy-settings-changed - The analytics setting was saved. `detail.settings`: the server's settings.
 * @event dn-data-export-requested - An export was requested. `detail.job`: the queued job.
 * @event dn-data-export-ready - An export this element was watching (requested here, or found queued or
 * running when it loaded) became ready to download; once per job. Not sent for an export that was already
 * ready when the element loaded. `detail.job` (with `downloadUrl` and `expiresAt`).
 * @event dn-unauthorized - The backend answered 401: send the user to sign in.
 *
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart analytics - The analytics setting: switch, label, description and its error.
 * @csspart switch - The analytics switch (`<input type="checkbox" role="switch">`).
 * @csspart analytics-label - The switch's label.
 * @csspart analytics-hint - What the analytics setting shares.
 * @csspart analytics-saving - "Saving…" next to the switch while it is saved.
 * @csspart analytics-error - Why the analytics setting was not saved.
 * @csspart export - The data export section (see "Linking to the export").
 * @csspart export-title - The export section's heading.
 * @csspart export-intro - What the export contains.
 * @csspart job - The state of the current or last export.
 * @csspart export-state - The export's state in words (queued, preparing n %, ready, failed, expired).
 * @csspart progress - The progress bar of a queued or running export.
 * @csspart download - The download link of a ready export, with its expiry.
 * @csspart failed - The message of a failed export, with the server's reason.
 * @csspart poll-error - Why checking on a running export failed.
 * @csspart request - The "Request data export" button.
 * @csspart request-reason - Why the request button is disabled (an export is running).
 * @csspart export-error - Why requesting an export failed.
 * @csspart status - The polite live region.
 * @csspart loading - The loading placeholder.
 * @csspart error - The load error with its retry button.
 *
 * @tagname dn-privacy-settings
 */
export class DnPrivacySettings extends DnElement {
  static override styles = [...baseStyles, buttonStyles, alertStyles, skeletonStyles, layoutStyles, visuallyHiddenStyles, switchStyles, styles];

  /** The current or last export (kept here: polling moves it on); `null` when there was none; `undefined` until loaded. */
  @state() private job?: ExportJob | null;
  /** The value being saved, shown on the switch until the server answered. */
  @state() private analyticsPending?: boolean;
  @state() private analyticsError?: Message;
  @state() private requesting = false;
  @state() private exportError?: Message;
  @state() private pollError?: Message;
  /** Checking stopped after a failure that waiting will not fix: offer "Check again". */
  @state() private pollStopped = false;

  private pollTimer?: ReturnType<typeof setTimeout>;
  private pollInFlight = false;
  private pollDelay = POLL_FIRST_MS;
  /** Jobs seen queued or running here: their turning ready is announced and emitted, once. */
  private readonly watched = new Set<string>();
  /** "Confirm it's you" around sensitive requests. */
  private readonly reauth = new ReauthController(this, confirmIdentity);

  /** The settings and the export's state, shared with every reader on the page. */
  private readonly page = new ResourceController(this, {
    resource: () => resources.privacy,
    failed: (error) => this.handleFailure(error),
    changed: (page, _previous, own) => {
      if (own) return;
      this.pollDelay = POLL_FIRST_MS;
      this.applyJob(page.dataExport.job);
    },
  });

  private get privacy(): PrivacySettings | undefined {
    return this.page.value?.settings;
  }

  /** Writes through the store: every reader of the settings shows the answer. */
  private set privacy(settings: PrivacySettings) {
    const page = this.page.value;
    if (page) this.page.set({ ...page, settings });
  }

  /** Scrolls the data export section into view and moves focus to its heading. */
  async showExport(): Promise<void> {
    await this.updateComplete;
    const heading = this.renderRoot.querySelector<HTMLElement>('#export-title');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) return;
    // Back on the page: carry on where the element left off (a load cut short starts again by itself).
    if (isActive(this.job) && !this.pollStopped) {
      this.pollDelay = POLL_FIRST_MS;
      this.schedulePoll();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopPolling();
  }

  override render() {
    return html`<section part="base" class="stack" aria-labelledby="title">
      ${heading(this.headingLevel, this.t('privacy.title'), { id: 'title', part: 'title', focusable: true })}
      ${this.privacy && this.job !== undefined
        ? html`${this.renderAnalytics(this.privacy)}${this.renderExport(this.job)}`
        : this.renderLoadState(this.page, 4)}
      ${this.renderStatus()}
    </section>`;
  }

  private renderAnalytics(privacy: PrivacySettings): TemplateResult {
    const saving = this.analyticsPending !== undefined;
    const checked = this.analyticsPending ?? privacy.analyticsEnabled;
    return html`<div part="analytics" class="setting">
      <div class="switch-row">
        <input
          id="analytics"
          part="switch"
          class="switch"
          type="checkbox"
          role="switch"
          .checked=${live(checked)}
          aria-checked=${checked ? 'true' : 'false'}
          aria-describedby="analytics-hint"
          aria-disabled=${saving ? 'true' : 'false'}
          aria-busy=${saving ? 'true' : 'false'}
          @click=${this.guardAnalytics}
          @change=${this.handleAnalyticsChange}
        />
        <label for="analytics" part="analytics-label">${this.t('privacy.analyticsLabel')}</label>
        ${saving
          ? html`<span part="analytics-saving" class="saving muted"
              >${spinner}${this.t('privacy.analyticsSaving')}</span
            >`
          : nothing}
      </div>
      <p id="analytics-hint" part="analytics-hint" class="hint">${this.t('privacy.analyticsHint')}</p>
      ${this.analyticsError
        ? html`<div part="analytics-error" class="alert danger" role="alert"><p>${this.say(this.analyticsError)}</p></div>`
        : nothing}
    </div>`;
  }

  private renderExport(job: ExportJob | null): TemplateResult {
    const active = isActive(job);
    return html`<section id="export" part="export" class="export stack" aria-labelledby="export-title">
      ${heading(this.headingLevel, this.t('privacy.exportTitle'), { id: 'export-title', part: 'export-title', sub: true, focusable: true })}
      <p part="export-intro" class="muted">${this.t('privacy.exportIntro')}</p>
      ${job ? this.renderJob(job) : nothing}
      ${this.pollError ? this.renderPollError(this.pollError) : nothing}
      ${this.exportError
        ? html`<div part="export-error" class="alert danger" role="alert"><p>${this.say(this.exportError)}</p></div>`
        : nothing}
      <div class="request">
        ${renderBusyButton({
          part: 'request',
          variant: job ? 'secondary' : 'primary',
          label: this.t(job ? 'privacy.exportRequestNew' : 'privacy.exportRequest'),
          busyLabel: this.t('privacy.exportRequesting'),
          busy: this.requesting,
          disabled: active || this.requesting,
          describedBy: active ? 'request-reason' : undefined,
          onClick: () => void this.requestExport(),
        })}
        ${active ? html`<p id="request-reason" part="request-reason" class="hint">${this.t('privacy.exportOneAtATime')}</p>` : nothing}
      </div>
    </section>`;
  }

  private renderJob(job: ExportJob): TemplateResult {
    const settings = this.userSettings;
    switch (job.status) {
      case 'queued':
      case 'running': {
        const text =
          job.status === 'queued'
            ? this.t('privacy.exportQueued')
            : this.t('privacy.exportRunning', { percent: formatNumber(job.progress / 100, settings, { style: 'percent' }) });
        return html`<div part="job" class="job">
          <p id="export-state" part="export-state">${text}</p>
          <progress
            part="progress"
            max="100"
            .value=${job.status === 'queued' ? 0 : job.progress}
            aria-label=${this.t('privacy.exportProgressLabel')}
            aria-describedby="export-state"
          ></progress>
        </div>`;
      }
      case 'ready': {
        const url = safeDownloadUrl(job.downloadUrl);
        const date = job.expiresAt ? formatDateTime(job.expiresAt, settings) : '';
        // Named only as the server says it: the file may be an archive, a JSON document, or anything else.
        const format = formatName(job.mediaType);
        return html`<div part="job" class="job">
          <p part="export-state">${this.t('privacy.exportReady')}</p>
          ${url
            ? html`<p>
                <a part="download" class="button primary download" href=${url} download>
                  ${format ? this.t('privacy.exportDownload', { date, format }) : this.t('privacy.exportDownloadFile', { date })}
                </a>
              </p>`
            : html`<p class="muted">${this.t('privacy.exportNoLink')}</p>`}
        </div>`;
      }
      case 'failed':
        return html`<div part="job failed" class="job alert danger" role="alert">
          <p part="export-state">${this.t('privacy.exportFailed')}</p>
          ${job.error
            ? html`<p class="reason">${this.t('privacy.exportServerSaid')} <span class="server-text" dir="auto">${job.error}</span></p>`
            : nothing}
        </div>`;
      case 'expired':
        return html`<div part="job" class="job">
          <p part="export-state">
            ${job.expiresAt
              ? this.t('privacy.exportExpired', { date: formatDateTime(job.expiresAt, settings) })
              : this.t('privacy.exportExpiredUndated')}
          </p>
        </div>`;
    }
  }

  private renderPollError(error: Message): TemplateResult {
    const offerCheck = this.pollStopped && this.canCheckAgain && isActive(this.job);
    return html`<div part="poll-error" class="alert warning" role="alert">
      <p>
        ${this.t('privacy.exportCheckFailed')} ${this.say(error)} ${this.pollStopped ? nothing : this.t('privacy.exportCheckingAgain')}
      </p>
      ${offerCheck
        ? html`<button class="button secondary" type="button" @click=${this.checkAgain}>${this.t('privacy.exportCheckAgain')}</button>`
        : nothing}
    </div>`;
  }

  /** False after a 401: the host sends the user to sign in. */
  private canCheckAgain = true;

  // ——— Analytics ———

  /** A click (or Space) while the last change is being saved changes nothing. */
  private readonly guardAnalytics = (event: Event): void => {
    if (this.analyticsPending !== undefined) event.preventDefault();
  };

  private readonly handleAnalyticsChange = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const privacy = this.privacy;
    if (!privacy || this.analyticsPending !== undefined) {
      input.checked = this.analyticsPending ?? privacy?.analyticsEnabled ?? false;
      return;
    }
    const enabled = input.checked;
    this.analyticsPending = enabled;
    this.analyticsError = undefined;
    this.announce(undefined);
    try {
      const settings = await this.accountApi.updatePrivacySettings({ analyticsEnabled: enabled }, { signal: this.signal });
      this.privacy = settings;
      this.announce({ key: settings.analyticsEnabled ? 'privacy.analyticsOn' : 'privacy.analyticsOff' });
      emit(this, 'dn-privacy-settings-changed', { settings });
    } catch (error) {
      const apiError = this.handleFailure(error);
      // Rolled back: the switch shows what the server still has.
      if (apiError.kind !== 'aborted') this.analyticsError = [{ key: 'privacy.analyticsNotSaved' }, this.describeError(apiError)];
    } finally {
      this.analyticsPending = undefined;
    }
  };

  // ——— Export ———

  private async requestExport(): Promise<void> {
    if (this.requesting || isActive(this.job)) return;
    this.requesting = true;
    this.exportError = undefined;
    this.pollError = undefined;
    this.pollStopped = false;
    this.announce(undefined);
    try {
      const { job } = await this.reauth.run(() => this.accountApi.requestDataExport({ signal: this.signal }));
      if (job) this.watched.add(job.id);
      this.pollDelay = POLL_FIRST_MS;
      if (job) {
        this.announce({ key: 'privacy.exportRequested' });
        emit(this, 'dn-data-export-requested', { job });
      }
      this.applyJob(job);
    } catch (error) {
      const apiError = this.handleFailure(error);
      if (apiError.kind === 'aborted') return;
      if (apiError.code === 'export-in-progress') {
        // Started elsewhere (another tab): follow that one.
        this.announce({ key: 'privacy.exportAlreadyRunning' });
        this.pollDelay = POLL_FIRST_MS;
        void this.poll();
        return;
      }
      this.exportError = this.describeError(apiError);
    } finally {
      this.requesting = false;
    }
  }

  /** Shows `job`; keeps checking while it runs; announces and emits when a watched job became ready. */
  private applyJob(job: ExportJob | null): void {
    this.job = job;
    // Written through, so an element arriving later starts from the export as it is now.
    const page = this.page.value;
    if (page && page.dataExport.job !== job) this.page.set({ ...page, dataExport: { job } });
    if (job && isActive(job)) {
      this.watched.add(job.id);
      this.schedulePoll();
      return;
    }
    this.stopPolling();
    if (!job || !this.watched.has(job.id)) return;
    this.watched.delete(job.id);
    if (job.status === 'ready') {
      this.announce({ key: 'privacy.exportReadyAnnounced' });
      emit(this, 'dn-data-export-ready', { job });
    }
  }

  private schedulePoll(): void {
    if (this.pollTimer !== undefined || this.pollInFlight || !this.isConnected) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      void this.poll();
    }, this.pollDelay);
  }

  private stopPolling(): void {
    if (this.pollTimer !== undefined) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  private async poll(): Promise<void> {
    if (this.pollInFlight || !this.isConnected) return;
    this.pollInFlight = true;
    let job: ExportJob | null;
    try {
      ({ job } = await this.accountApi.getDataExport({ signal: this.signal }));
    } catch (error) {
      this.pollInFlight = false;
      this.pollFailed(this.handleFailure(error));
      return;
    }
    this.pollInFlight = false;
    this.pollError = undefined;
    this.pollStopped = false;
    this.pollDelay = Math.min(this.pollDelay * POLL_FACTOR, POLL_MAX_MS);
    this.applyJob(job);
  }

  /** Keeps checking (later) after a failure that may pass; stops after one that will not. */
  private pollFailed(error: ApiError): void {
    if (error.kind === 'aborted' || !this.isConnected) return;
    this.pollError = this.describeError(error);
    if (!error.retryable) {
      this.pollStopped = true;
      this.canCheckAgain = error.kind !== 'unauthorized';
      return;
    }
    // Honour the server's Retry-After, even beyond the usual longest wait.
    const wait = error.kind === 'rate-limited' && error.retryAfter ? error.retryAfter * 1000 : 0;
    this.pollDelay = Math.max(Math.min(this.pollDelay * POLL_FACTOR, POLL_MAX_MS), wait);
    this.schedulePoll();
  }

  private readonly checkAgain = (): void => {
    this.pollStopped = false;
    this.pollError = undefined;
    this.canCheckAgain = true;
    this.pollDelay = POLL_FIRST_MS;
    void this.poll();
  };
}

/** Formats people know by name, by media type; any other type is not named. */
const FORMAT_NAMES: Record<string, string> = {
  'application/zip': 'ZIP',
  'application/json': 'JSON',
  'application/gzip': 'GZIP',
  'application/x-tar': 'TAR',
  'text/csv': 'CSV',
};

/** The short name of an export's format (`ZIP`, `JSON`), or '' when the server did not say or it is not one people know. */
function formatName(mediaType: string | null | undefined): string {
  return FORMAT_NAMES[(mediaType ?? '').split(';')[0]!.trim().toLowerCase()] ?? '';
}

declare global {
  interface HTMLElementTagNameMap {
    'dn-privacy-settings': DnPrivacySettings;
  }
}
