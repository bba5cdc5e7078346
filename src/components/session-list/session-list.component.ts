import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { resources } from '../../api/resources.js';
import { sessionsContract, type Session, type SessionList } from '../../api/contract/sessions.js';
import { registerSchemas } from '../../api/validation.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { registerStrings } from '../../i18n/i18n.js';
import sessionStrings from '../../i18n/locales/sessions/strings.js';
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
import { safeHref } from '../../internal/safe-url.js';
import { renderRelativeTime, relativeTimeStyles } from '../../internal/time.js';
import { isWindowed, listRowStyles, listScrollerStyles, rowsRendered, virtualList } from '../../internal/virtual-list.js';
import { renderBusyButton } from '../../internal/controls.js';
import { styles } from './session-list.styles.js';
import { confirmIdentity } from '../reauth-dialog/confirm-identity.js';

registerStrings(sessionStrings);
registerSchemas(sessionsContract);

/**
 * The current session first, then the most recently active: the server's order is not relied
 * on, but it usually is this one already, so it is checked in one pass and sorted only if not
 * (10,000 sessions sort in milliseconds a first render would wait for). Times all written the
 * same way in UTC (`toISOString()`'s form: one length, ending in `Z`) compare as text, which
 * spares parsing each of them; any other mix is parsed.
 */
function sortSessions(items: readonly Session[]): Session[] {
  const length = items[0]?.lastActiveAt.length;
  const asText = items.every(({ lastActiveAt }) => lastActiveAt.length === length && lastActiveAt.endsWith('Z'));
  const at: readonly (string | number)[] = asText ? items.map((session) => session.lastActiveAt) : items.map((session) => Date.parse(session.lastActiveAt) || 0);
  const later = (a: number, b: number) => (at[b]! > at[a]! ? 1 : at[b]! < at[a]! ? -1 : 0);
  // Negative when the session at `a` comes before the one at `b`; ties keep the server's order.
  const order = (a: number, b: number) => Number(items[b]!.current) - Number(items[a]!.current) || later(a, b);
  let sorted = true;
  for (let i = 1; sorted && i < items.length; i++) sorted = order(i - 1, i) <= 0;
  if (sorted) return [...items];
  return items
    .map((_, index) => index)
    .sort(order)
    .map((index) => items[index]!);
}

/**
 * @summary The devices and browsers signed in to the account: device type,
 * browser and operating system, IP address, approximate location, last activity
 * and sign-in time, with the session in use marked and listed first. Sign out
 * one other session or all of them (each asks to confirm).
 *
 * Signing out of the session in use is the host's job: its "Sign out" button
 * only emits `dn-sign-out-requested`. When the server requires
 * re-authentication, "Confirm it's you" opens and the request is sent again
 * once the user confirmed. Relative times stay current while the page is open.
 * Every session is rendered (and so read, found and printed); only above
 * 200 sessions is the list windowed, in a scroll box of its own.
 *
 * @event dn-session-revoked - One other session was signed out. `detail.session`.
 * @event dn-sessions-revoked - Every other session was signed out. `detail.revoked`: how many, as the server counted.
 * @event dn-sign-out-requested - The user chose "Sign out" on the session in use; the host signs them out. `detail.session`.
 * @event dn-password-change-requested - The user followed the "change your password" suggestion and no `password-href` is set. `detail.reason` is `unrecognized-session`.
 * @event dn-unauthorized - The backend answered 401: send the user to sign in.
 *
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart intro - The sentence under the heading.
 * @csspart revoke-others - The "Sign out all other sessions" button.
 * @csspart scroller - The box a long (windowed) list scrolls in, at most `--dn-list-max-block-size` tall; short lists have none.
 * @csspart count - How many sessions there are, shown above a long (windowed) list.
 * @csspart list - The list of sessions.
 * @csspart session - One session.
 * @csspart device-type - The device icon with its text alternative ("Computer", "Phone", …).
 * @csspart session-name - The browser and operating system of a session.
 * @csspart badge - The "This device" badge of the session in use.
 * @csspart active-now - "Active now", the last activity of the session in use.
 * @csspart time - The relative "last active" time; focus or hover shows the exact time.
 * @csspart time-tip - The exact date and time shown on hover and focus.
 * @csspart signed-in - When the session signed in.
 * @csspart revoke - The "Sign out" button of another session.
 * @csspart sign-out - The "Sign out" button of the session in use.
 * @csspart only-device - The note shown when this device is the only session.
 * @csspart hint - The suggestion to change the password when a session is not recognised.
 * @csspart password-link - The "Change password" link (or button, without `password-href`).
 * @csspart empty - The message shown when the server lists no session.
 * @csspart action-error - Why signing out failed.
 * @csspart status - The polite live region.
 * @csspart loading - The loading placeholder.
 * @csspart error - The load error with its retry button.
 *
 * @tagname dn-session-list
 */
export class DnSessionList extends DnElement {
  static override styles = [...baseStyles, buttonStyles, alertStyles, badgeStyles, skeletonStyles, layoutStyles, visuallyHiddenStyles, deviceListStyles, relativeTimeStyles, listRowStyles, listScrollerStyles, styles];

  /** Keeps relative times (\"5 minutes ago\") current while the element is on the page. */
  protected readonly refresh = new RefreshController(this);

  /**
   * Where "Change password" leads (e.g. `/settings/security#password`). Without it,
   * the suggestion is a button that emits `dn-password-change-requested`.
   */
  @property({ attribute: 'password-href' }) passwordHref = '';

  /** A session was signed out during this visit: the password suggestion stays in view. */
  @state() private revokedAny = false;

  @query('dn-confirm-dialog') private confirmDialog!: DnConfirmDialog;
  /** "Confirm it's you" around sensitive requests. */
  private readonly reauth = new ReauthController(this, confirmIdentity);
  /** Confirmed destructive actions: which one is sent, why the last one failed. */
  private readonly action = new ConfirmedActionController(this, { reauth: this.reauth, say: (message) => this.say(message) });


  /** The sessions, shared with every reader on the page. */
  private readonly list = new ResourceController(this, {
    resource: () => resources.sessions,
    failed: (error) => this.handleFailure(error),
  });

  private sortedFor?: { list: SessionList; sessions: Session[] };

  /** The list in display order (sorted once per list, not per render). */
  private get sessions(): Session[] | undefined {
    const list = this.list.value;
    if (!list) return undefined;
    if (this.sortedFor?.list !== list) this.sortedFor = { list, sessions: sortSessions(list.items) };
    return this.sortedFor.sessions;
  }

  /** Also waits for the rows of a long plain list, which follow its first rows in the next frames. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    await rowsRendered(this);
    return complete;
  }

  override render() {
    const sessions = this.sessions;
    const others = sessions?.filter((session) => !session.current).length ?? 0;
    return html`<section part="base" class="stack" aria-labelledby="title">
      <div class="header">
        ${heading(this.headingLevel, this.t('sessions.title'), { id: 'title', part: 'title', focusable: true })}
        ${others > 0
          ? renderBusyButton({
              part: 'revoke-others',
              variant: 'secondary',
              label: this.t('sessions.revokeOthers'),
              busyLabel: this.t('sessions.revokingOthers'),
              busy: this.action.busy === 'others',
              disabled: Boolean(this.action.busy),
              onClick: () => void this.handleRevokeOthers(),
            })
          : nothing}
      </div>
      ${sessions
        ? this.renderSessions(sessions, others)
        : this.renderLoadState(this.list)}
      ${this.action.renderError()}
      ${this.renderStatus()}
      <dn-confirm-dialog></dn-confirm-dialog>
    </section>`;
  }

  private renderSessions(sessions: Session[], others: number): TemplateResult {
    if (sessions.length === 0) return html`<p part="empty" class="empty">${this.t('sessions.empty')}</p>`;
    const windowed = isWindowed(sessions.length);
    // The role is not redundant: Safari drops list semantics from restyled lists (see virtual-list.ts).
    // eslint-disable-next-line lit-a11y/no-redundant-role
    const list = html`<ul part="list" class=${windowed ? 'list' : 'list plain'} role="list" aria-label=${this.t('sessions.listLabel')}>
      ${virtualList(
        sessions,
        (session) => session.id,
        (session, index) => this.renderSession(session, index, sessions.length),
      )}
    </ul>`;
    const count = sessions.length;
    return html`<p part="intro" class="muted">${this.t('sessions.intro')}</p>
      ${windowed
        ? html`<p part="count" class="muted count">${this.t('sessions.count', { count, number: formatNumber(count, this.userSettings) })}</p>
            <div part="scroller" class="scroller">${list}</div>`
        : list}
      ${others === 0 && sessions.some((session) => session.current)
        ? html`<p part="only-device" class="muted">${this.t('sessions.onlyThisDevice')}</p>`
        : nothing}
      ${others > 0 || this.revokedAny ? this.renderHint() : nothing}`;
  }

  private renderSession(session: Session, index: number, total: number): TemplateResult {
    const settings = this.userSettings;
    const names = deviceNames(session, (key) => this.t(key));
    const busy = this.action.busy === session.id;
    return html`<li
      part="session"
      class=${session.current ? 'row session current' : 'row session'}
      aria-posinset=${index + 1}
      aria-setsize=${total}
    >
      ${renderDeviceType(session.deviceType, (key) => this.t(key))}
      <div class="details">
        <p class="name">
          <!-- A translated sentence: it follows the UI's direction (bdi would take the browser name's). -->
          <span part="session-name" class="session-name">${this.t('sessions.sessionName', names)}</span>
          ${session.current ? html`<span part="badge" class="badge info">${this.t('sessions.thisDevice')}</span>` : nothing}
        </p>
        <p class="meta">
          <span>${this.t('sessions.ip')}</span> <span class="mono" dir="ltr">${session.ip}</span> ·
          <bdi>${session.location ?? this.t('sessions.unknownLocation')}</bdi>
        </p>
        <p class="meta">
          ${session.current
            ? html`<span part="active-now" class="active-now">${this.t('sessions.activeNow')}</span>`
            : renderRelativeTime(session.lastActiveAt, settings, (when) => this.t('sessions.lastActive', { when }))}
        </p>
        <p class="meta">
          <time part="signed-in" datetime=${session.createdAt}
            >${this.t('sessions.signedIn', { date: formatDateTime(session.createdAt, settings) })}</time
          >
        </p>
      </div>
      ${session.current
        ? html`<button
            part="sign-out"
            class="button secondary"
            type="button"
            data-id=${session.id}
            aria-label=${this.t('sessions.signOutThisDevice')}
            aria-disabled=${this.action.busy ? 'true' : 'false'}
            @click=${() => this.handleSignOut(session)}
          >
            ${this.t('sessions.signOut')}
          </button>`
        : renderBusyButton({
            part: 'revoke',
            variant: 'secondary',
            data: { id: session.id },
            label: this.t('sessions.signOut'),
            busyLabel: this.t('sessions.signingOut'),
            ariaLabel: { idle: this.t('sessions.signOutSession', names), busy: this.t('sessions.signingOutSession', names) },
            busy,
            disabled: Boolean(this.action.busy),
            onClick: () => void this.handleRevoke(session),
          })}
    </li>`;
  }

  private renderHint(): TemplateResult {
    const label = this.t('sessions.changePassword');
    return html`<p part="hint" class="hint">
      ${this.t('sessions.hint')}
      ${safeHref(this.passwordHref)
        ? html`<a part="password-link" href=${safeHref(this.passwordHref)!}>${label}</a>`
        : html`<button part="password-link" class="button link" type="button" @click=${this.handlePasswordChange}>${label}</button>`}
    </p>`;
  }

  private handlePasswordChange = (): void => {
    emit(this, 'dn-password-change-requested', { reason: 'unrecognized-session' });
  };

  /** The session in use is not revoked here: the host runs its own sign-out. */
  private handleSignOut(session: Session): void {
    if (this.action.busy) return;
    emit(this, 'dn-sign-out-requested', { session });
  }

  private async handleRevoke(session: Session): Promise<void> {
    const names = deviceNames(session, (key) => this.t(key));
    const done = await this.action.run({
      dialog: this.confirmDialog,
      confirm: {
        title: this.t('sessions.revokeTitle', names),
        message: this.t('sessions.revokeMessage', names),
        confirmLabel: this.t('sessions.signOut'),
        danger: true,
      },
      busy: session.id,
      send: () => this.accountApi.revokeSession(session.id, { signal: this.signal }),
      failed: (error) => {
        if (error.kind !== 'not-found') return false;
        // Signed out elsewhere or expired meanwhile: the list catches up.
        this.removeSession(session);
        this.announce({ key: 'sessions.alreadyRevoked', options: names });
        return true;
      },
    });
    if (!done) return;
    this.removeSession(session);
    this.announce([{ key: 'sessions.revoked', options: names }, { key: 'sessions.revokedHint' }]);
    emit(this, 'dn-session-revoked', { session });
  }

  private async handleRevokeOthers(): Promise<void> {
    const others = (this.sessions ?? []).filter((session) => !session.current).length;
    if (others === 0) return;
    const done = await this.action.run({
      dialog: this.confirmDialog,
      confirm: {
        title: this.t('sessions.revokeOthersTitle'),
        message: this.t('sessions.revokeOthersMessage', { count: others, number: formatNumber(others, this.userSettings) }),
        confirmLabel: this.t('sessions.revokeOthers'),
        danger: true,
      },
      busy: 'others',
      send: () => this.accountApi.revokeOtherSessions({ signal: this.signal }),
    });
    if (!done) return;
    this.setSessions((this.sessions ?? []).filter((session) => session.current));
    this.revokedAny = true;
    this.focusSoon('.title');
    // The number as the server counted it (sessions may have come or gone since the list loaded).
    this.announce({ key: 'sessions.othersRevoked', options: { count: done.revoked, number: formatNumber(done.revoked, this.userSettings) } });
    emit(this, 'dn-sessions-revoked', { revoked: done.revoked });
  }

  /** Writes through the store: every session reader on the page shows the change. */
  private setSessions(items: Session[]): void {
    this.list.set({ ...this.list.value, items });
  }

  /** Takes `session` off the list and moves focus to the next row's button (or the heading). */
  private removeSession(session: Session): void {
    const sessions = this.sessions ?? [];
    const index = sessions.findIndex((s) => s.id === session.id);
    const rest = sessions.filter((s) => s.id !== session.id);
    const next = rest[Math.min(Math.max(index, 0), rest.length - 1)];
    this.setSessions(rest);
    this.revokedAny = true;
    this.focusSoon(next ? `button[data-id="${CSS.escape(next.id)}"]` : '.title');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dn-session-list': DnSessionList;
  }
}
