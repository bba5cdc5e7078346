import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { resources } from '../../api/resources.js';
import type { ResourceKey } from '../../api/resource-store.js';
import { loginActivityContract, type LoginActivityPage, type LoginAttempt } from '../../api/contract/login-activity.js';
import { registerSchemas } from '../../api/validation.js';
import { formatDateTime, formatNumber, formatRelative } from '../../i18n/format.js';
import { registerStrings } from '../../i18n/i18n.js';
import activityStrings from '../../i18n/locales/activity/strings.js';
import { DnElement, type Message } from '../../internal/dn-element.js';
import { heading } from '../../internal/heading.js';
import { baseStyles } from '../../internal/styles/host.styles.js';
import { buttonStyles } from '../../internal/styles/buttons.styles.js';
import { alertStyles } from '../../internal/styles/alerts.styles.js';
import { badgeStyles } from '../../internal/styles/badges.styles.js';
import { skeletonStyles } from '../../internal/styles/skeleton.styles.js';
import { layoutStyles } from '../../internal/styles/layout.styles.js';
import { visuallyHiddenStyles } from '../../internal/styles/utility.styles.js';
import { choiceStyles } from '../../internal/styles/choices.styles.js';
import { ResourceController } from '../../internal/resource-controller.js';
import { DEVICE_PATHS, deviceListStyles, deviceNames, deviceTypeKey, icon, RefreshController } from '../../internal/device.js';
import { emit } from '../../internal/events.js';
import { safeHref } from '../../internal/safe-url.js';
import { isWindowed, listRowStyles, listScrollerStyles, rowsRendered, virtualList, type VisibilityChangedEvent } from '../../internal/virtual-list.js';
import { renderBusyButton } from '../../internal/controls.js';
import { styles } from './login-activity.styles.js';

registerStrings(activityStrings);
registerSchemas(loginActivityContract);

/** Page size when `page-size` is missing or not a number. */
const DEFAULT_PAGE_SIZE = 50;
/** What the server accepts for `limit`. */
const MAX_PAGE_SIZE = 200;
/** The next page is fetched once the last visible row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 5;
/** Failed attempts in a row that make a burst. */
const BURST_MIN_LENGTH = 3;
/** At most this long between two attempts of a burst, so failures weeks apart do not group. */
const BURST_MAX_GAP_MS = 15 * 60_000;

/** The mark inside the outcome's circle: a tick or a cross (24 × 24, stroked). */
const SUCCESS_PATH = 'm8 12.5 2.6 2.6L16.2 9.5';
const FAILURE_PATH = 'm9 9 6 6M15 9l-6 6';
const WARNING_ICON = svg`<path d="M12 3.5 2.5 20h19L12 3.5Z" /><path d="M12 10v4.5M12 17.2v.1" />`;

/** Known `failureReason` codes; anything else reads as a plain "Failed". */
const REASONS: Record<string, string> = {
  'wrong-password': 'activity.reasonWrongPassword',
  'wrong-2fa-code': 'activity.reasonWrong2faCode',
  'two-factor-required': 'activity.reasonTwoFactorRequired',
  'wrong-passkey': 'activity.reasonWrongPasskey',
  'challenge-expired': 'activity.reasonChallengeExpired',
  blocked: 'activity.reasonBlocked',
  locked: 'activity.reasonLocked',
};

/** Translates a key, once per render; `deviceName` says "Chrome on macOS" for a row. */
type RowWords = ((key: string) => string) & { deviceName: (device: { browser: string; os: string }) => string };

/** A run of failed attempts next to each other in the list, close together in time. */
interface Burst {
  /** Index of its first (newest) row. */
  start: number;
  length: number;
  /** Where every attempt of it came from, when they share one known location. */
  location: string | null;
  /** From its oldest to its newest attempt. */
  spanMs: number;
}

interface BurstMember {
  burst: Burst;
  /** Its place in time: 1 for the oldest attempt, `burst.length` for the newest (the first row). */
  position: number;
}

/**
 * Runs of at least {@link BURST_MIN_LENGTH} failed attempts that follow each other
 * in `items` (a success in between ends a run) and are each at most
 * {@link BURST_MAX_GAP_MS} apart.
 */
function findBursts(items: readonly LoginAttempt[]): Burst[] {
  const bursts: Burst[] = [];
  let start = -1;
  const close = (end: number) => {
    const length = end - start;
    if (start >= 0 && length >= BURST_MIN_LENGTH) {
      const rows = items.slice(start, end);
      const first = rows[0]!.location;
      const location = first !== null && rows.every((row) => row.location === first) ? first : null;
      const spanMs = Math.abs(Date.parse(rows[0]!.at) - Date.parse(rows[rows.length - 1]!.at));
      bursts.push({ start, length, location, spanMs: Number.isFinite(spanMs) ? spanMs : 0 });
    }
    start = -1;
  };
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.success) {
      close(i);
      continue;
    }
    if (start >= 0) {
      const gap = Math.abs(Date.parse(items[i - 1]!.at) - Date.parse(item.at));
      if (!(gap <= BURST_MAX_GAP_MS)) close(i);
    }
    if (start < 0) start = i;
  }
  close(items.length);
  return bursts;
}

/**
 * @summary The history of sign-in attempts to the account, newest first: when
 * (the exact date and time in the user's time zone, and how long ago), the device,
 * the approximate location, the IP address, and whether it succeeded — or why it
 * failed. "Failed only" narrows the list on the server.
 *
 * More attempts load from the server's cursor as the user scrolls towards the end,
 * or with "Load more" (the keyboard and screen-reader path). Up to 200 attempts every
 * row is rendered (and so read, found and printed); above, the list is windowed: tens of
 * thousands of rows cost about what ten do. The list scrolls in a box of its own at any
 * length, so that loading on scroll never pushes what follows out of reach.
 *
 * Three or more failed attempts in a row, each within 15 minutes of the next,
 * stand out: the rows are marked, the newest one says how many and from where, and
 * a warning at the top suggests changing the password — a link to `password-href`,
 * or, without one, a button that emits `dn-password-change-requested`.
 *
 * @event dn-password-change-requested - The user chose "Change password" and no `password-href` is set. `detail.reason` is `unrecognized-activity`.
 * @event dn-unauthorized - The backend answered 401: send the user to sign in.
 *
 * @csspart device-type - The device icon with its text alternative ("Computer", "Phone", …).
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart intro - The sentence under the heading.
 * @csspart filter - The "Failed only" checkbox with its label.
 * @csspart burst-alert - The warning shown when several failed attempts came in a row.
 * @csspart change-password - The "Change password" link or button in that warning.
 * @csspart count - How many attempts are shown.
 * @csspart scroller - The box the list scrolls in (at most `--dn-list-max-block-size` tall, at any length since it loads more as it scrolls); it takes focus so the keyboard can scroll it.
 * @csspart list - The list of attempts.
 * @csspart attempt - One attempt.
 * @csspart burst-note - On the newest attempt of a burst: how many failed in a row, and from where.
 * @csspart time - The exact date and time of an attempt.
 * @csspart relative-time - How long ago an attempt was.
 * @csspart device - The browser and operating system of an attempt.
 * @csspart location - The approximate location of an attempt.
 * @csspart ip - The IP address of an attempt.
 * @csspart outcome - The "Succeeded" or "Failed" badge.
 * @csspart reason - Why an attempt failed.
 * @csspart burst-badge - "2 of 7 in a row" on each attempt of a burst.
 * @csspart load-more - The "Load more" button (it reads "Try again" after a failed page).
 * @csspart more-error - Why the next page could not be loaded.
 * @csspart end - "That's everything", once every attempt is loaded.
 * @csspart empty - The explanation shown when there is no attempt to list.
 * @csspart status - The polite live region.
 * @csspart loading - The loading placeholder.
 * @csspart error - The load error with its retry button.
 *
 * @tagname dn-login-activity
 */
export class DnLoginActivity extends DnElement {
  static override styles = [...baseStyles, buttonStyles, alertStyles, badgeStyles, skeletonStyles, layoutStyles, visuallyHiddenStyles, deviceListStyles, choiceStyles, listRowStyles, listScrollerStyles, styles];

  /** Keeps relative times (\"5 minutes ago\") current while the element is on the page. */
  protected readonly refresh = new RefreshController(this);

  /**
   * How many attempts each request asks the server for: 1 to 200 (other values
   * are clamped). Changing it loads the list again from the newest attempt.
   */
  @property({ type: Number, attribute: 'page-size' }) pageSize = DEFAULT_PAGE_SIZE;

  /**
   * Where "Change password" leads (the host's password page). Without it, the
   * button emits `dn-password-change-requested` instead.
   */
  @property({ attribute: 'password-href' }) passwordHref?: string;

  /** Whether only failed attempts are listed (the "Failed only" filter). */
  @state() private failedOnly = false;
  /** What is loaded, newest first (the first page and those loaded after it); undefined while the first page loads. */
  @state() private items?: LoginAttempt[];
  @state() private nextCursor: string | null = null;
  /** A next page is on its way. */
  @state() private loadingMore = false;
  /** Why the last next page failed (its retry is the same button). */
  @state() private moreError?: { message: Message; signedOut: boolean };

  private bursts: Burst[] = [];
  private burstMembers = new Map<string, BurstMember>();
  private ids = new Set<string>();
  /** Aborts the next-page request in flight (the filter changed, or a reload started). */
  private moreController?: AbortController;
  /** The filter changed: say what the list shows once the first page is in. */
  private filterChanged = false;

  /** Watches the rows near the end of a plain list (see {@link watchNearEnd}). */
  private nearEnd?: IntersectionObserver;

  /** The first page `items` shows (the filter and page size it was asked with). */
  private shownKey?: ResourceKey;

  /** The first page for the filter, from the store; later pages are added to `items` here. */
  private readonly firstPage = new ResourceController(this, {
    resource: () => {
      const resource = resources.loginActivity(this.failedOnly ? 'failed' : 'all', this.limit);
      if (resource.key !== this.shownKey) {
        // A new first page: whatever the previous filter was still fetching is moot.
        this.shownKey = resource.key;
        this.abortMore();
        this.setItems(undefined);
        this.nextCursor = null;
      }
      return resource;
    },
    failed: (error) => this.handleFailure(error),
    changed: (page: LoginActivityPage) => {
      this.abortMore();
      this.ids = new Set();
      this.setItems(this.fresh(page.items));
      this.nextCursor = page.nextCursor;
      if (this.filterChanged) {
        this.filterChanged = false;
        this.announce({ key: this.failedOnly ? 'activity.showingFailed' : 'activity.showingAll' });
      }
    },
  });

  /** `pageSize` as the server accepts it. */
  private get limit(): number {
    const size = Math.round(Number(this.pageSize));
    return Number.isFinite(size) ? Math.min(MAX_PAGE_SIZE, Math.max(1, size)) : DEFAULT_PAGE_SIZE;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abortMore();
    this.nearEnd?.disconnect();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page with the rows kept: watch them again.
    if (this.hasUpdated) this.watchNearEnd();
  }

  /** Also waits for the rows of a long plain list, which follow its first rows in the next frames. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    await rowsRendered(this);
    return complete;
  }

  override render() {
    return html`<section part="base" class="stack" aria-labelledby="title">
      <div class="header">
        ${heading(this.headingLevel, this.t('activity.title'), { id: 'title', part: 'title', focusable: true })}
        <label part="filter" class="choice filter">
          <input type="checkbox" .checked=${this.failedOnly} @change=${this.handleFilter} />
          ${this.t('activity.failedOnly')}
        </label>
      </div>
      <p part="intro" class="muted">${this.t('activity.intro')}</p>
      ${this.items
        ? this.renderActivity(this.items)
        : this.renderLoadState(this.firstPage, 4)}
      ${this.renderStatus()}
    </section>`;
  }

  private renderActivity(items: LoginAttempt[]): TemplateResult {
    if (items.length === 0) {
      return html`<p part="empty" class="empty">${this.t(this.failedOnly ? 'activity.emptyFailed' : 'activity.empty')}</p>`;
    }
    const total = items.length;
    const windowed = isWindowed(total);
    const words = this.rowWords();
    // The role is not redundant: Safari drops list semantics from restyled lists (see virtual-list.ts).
    // eslint-disable-next-line lit-a11y/no-redundant-role
    const list = html`<ul part="list" class=${windowed ? 'list' : 'list plain'} role="list" aria-label=${this.t('activity.listLabel')} @visibilityChanged=${windowed ? this.handleVisibility : nothing}>
      ${virtualList(
        items,
        (attempt) => attempt.id,
        (attempt, index) => this.renderAttempt(attempt, index, total, words),
      )}
    </ul>`;
    return html`${this.bursts.length > 0 ? this.renderBurstAlert() : nothing}
      <p part="count" class="muted count">
        ${this.t('activity.shown', { count: total, number: formatNumber(total, this.userSettings) })}
      </p>
      <div part="scroller" class="scroller" tabindex="0" role="region" aria-label=${this.t('activity.listLabel')}>${list}</div>
      ${this.renderMore()}`;
  }

  /** The words rows share, each translated once per render (a page has up to 200 rows). */
  private rowWords(): RowWords {
    const known = new Map<string, string>();
    const words = ((key: string) => {
      let text = known.get(key);
      if (text === undefined) known.set(key, (text = this.t(key)));
      return text;
    }) as RowWords;
    words.deviceName = (device) => {
      const key = `\u0000${device.browser}\u0000${device.os}`;
      let text = known.get(key);
      if (text === undefined) known.set(key, (text = this.t('activity.deviceName', deviceNames(device, words))));
      return text;
    };
    return words;
  }

  private renderBurstAlert(): TemplateResult {
    const label = this.t('activity.changePassword');
    return html`<div part="burst-alert" class="alert warning burst-alert">
      <span class="alert-icon" aria-hidden="true">${icon(WARNING_ICON)}</span>
      <p>${this.t('activity.burstAlert')}</p>
      ${safeHref(this.passwordHref)
        ? html`<a part="change-password" class="button secondary" href=${safeHref(this.passwordHref)!}>${label}</a>`
        : html`<button part="change-password" class="button secondary" type="button" @click=${this.handleChangePassword}>${label}</button>`}
    </div>`;
  }

  /**
   * One attempt. A page can hold 200 rows, every one rendered (see virtual-list.ts), so the
   * row is one template: the icons are inline drawings whose path is an attribute (nested icon
   * templates cost a clone and a marker each), no whitespace between tags where the layout
   * ignores it (every text node is cloned and inserted 200 times), and the words every row
   * shares come from `words`, translated once per render.
   */
  private renderAttempt(attempt: LoginAttempt, index: number, total: number, words: RowWords): TemplateResult {
    const settings = this.userSettings;
    const member = this.burstMembers.get(attempt.id);
    const reason = attempt.success ? undefined : REASONS[attempt.failureReason ?? ''];
    const newest = member !== undefined && member.position === member.burst.length;
    const outcome = attempt.success ? SUCCESS_PATH : FAILURE_PATH;
    const known = attempt.deviceType in DEVICE_PATHS ? attempt.deviceType : 'unknown';
    const classes = `attempt${attempt.success ? '' : ' failed'}${member ? ' burst' : ''}${newest ? ' burst-start' : ''}`;
    return html`<li part="attempt" class=${classes} data-id=${attempt.id} aria-posinset=${index + 1} aria-setsize=${total}>${member && newest ? this.renderBurstNote(member.burst) : nothing}<span class="outcome-icon" aria-hidden="true"><svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><circle cx="12" cy="12" r="9"></circle><path d=${outcome}></path></svg></span
      ><div class="details"
        ><p class="when"><time part="time" datetime=${attempt.at}>${formatDateTime(attempt.at, settings)}</time><span part="relative-time" class="relative">${formatRelative(attempt.at, settings)}</span></p
        ><p class="device"><span part="device-type" class="device-type"><svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d=${DEVICE_PATHS[known]}></path></svg><span class="visually-hidden">${words(deviceTypeKey(known))}</span></span><bdi part="device">${words.deviceName(attempt)}</bdi></p
        ><p class="meta"><bdi part="location">${attempt.location ?? words('activity.unknownLocation')}</bdi><span aria-hidden="true">·</span><span>${words('activity.ip')} <span part="ip" class="mono" dir="ltr">${attempt.ip}</span></span></p
      ></div
      ><div class="outcome"
        ><span part="outcome" class="badge ${attempt.success ? 'success' : 'danger'}"><svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><circle cx="12" cy="12" r="9"></circle><path d=${outcome}></path></svg>${words(attempt.success ? 'activity.succeeded' : 'activity.failed')}</span
        >${reason ? html`<span part="reason" class="reason">${words(reason)}</span>` : nothing}${member ? this.renderBurstBadge(member) : nothing}</div
    ></li>`;
  }

  private renderBurstNote(burst: Burst): TemplateResult {
    return html`<p part="burst-note" class="burst-note">
      <span class="note-icon" aria-hidden="true">${icon(WARNING_ICON)}</span>
      <span>${this.burstNote(burst)}</span>
    </p>`;
  }

  private renderBurstBadge(member: BurstMember): TemplateResult {
    const settings = this.userSettings;
    return html`<span part="burst-badge" class="badge warning">
      ${icon(WARNING_ICON)}
      ${this.t('activity.burstPosition', {
        position: formatNumber(member.position, settings),
        number: formatNumber(member.burst.length, settings),
      })}
    </span>`;
  }

  private renderMore(): TemplateResult {
    const error = this.moreError;
    if (!this.nextCursor) {
      return html`<p part="end" class="end muted" tabindex="-1">${this.t('activity.end')}</p>`;
    }
    const busy = this.loadingMore;
    return html`<div class="more">
      ${error
        ? html`<div part="more-error" class="alert danger" role="alert"><p>${this.say(error.message)}</p></div>`
        : nothing}
      ${error?.signedOut
        ? nothing
        : renderBusyButton({
            part: 'load-more',
            variant: 'secondary',
            label: this.t(error ? 'common.retry' : 'activity.loadMore'),
            busyLabel: this.t('activity.loadingMore'),
            busy,
            onClick: () => void this.loadMore(),
          })}
    </div>`;
  }

  /** "7 failed sign-in attempts in a row within 6 minutes, from São Paulo, Brazil". */
  private burstNote(burst: Burst): string {
    const settings = this.userSettings;
    const minutes = Math.max(1, Math.ceil(burst.spanMs / 60_000));
    const options = {
      count: burst.length,
      number: formatNumber(burst.length, settings),
      duration: formatNumber(minutes, settings, { style: 'unit', unit: 'minute', unitDisplay: 'long' }),
    };
    return burst.location
      ? this.t('activity.burstNoteFrom', { ...options, location: burst.location })
      : this.t('activity.burstNote', options);
  }

  private readonly handleFilter = (event: Event): void => {
    const checked = (event.target as HTMLInputElement).checked;
    if (checked === this.failedOnly) return;
    this.filterChanged = true;
    this.announce(undefined);
    // The next update reads the first page for the new filter (aborting what the old one fetches).
    this.failedOnly = checked;
  };

  private readonly handleVisibility = (event: VisibilityChangedEvent): void => {
    const items = this.items;
    if (!items || !this.nextCursor || this.loadingMore || this.moreError) return;
    if (event.last >= items.length - PREFETCH_ROWS) void this.loadMore();
  };

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Once every row is in (a long page adds its rows over a few frames).
    void rowsRendered(this).then(() => this.watchNearEnd());
  }

  /**
   * Plain lists only (a windowed one has the virtualizer's `visibilityChanged`): the last
   * {@link PREFETCH_ROWS} + 1 rows are watched in the box, and the next page loads once one of
   * them is in its view. Watched anew after every update, so a box not yet full (a small page
   * size) fills up page by page as it would by scrolling. An observer, not a measurement: reading
   * row positions right after rendering would lay out a 200-row page twice before its first frame.
   * A hidden list (an inactive tab, display: none) has nothing in view.
   */
  private watchNearEnd(): void {
    this.nearEnd?.disconnect();
    const items = this.items;
    if (!items || isWindowed(items.length) || !this.nextCursor || this.loadingMore || this.moreError || !this.isConnected) return;
    const box = this.renderRoot.querySelector<HTMLElement>('[part="scroller"]');
    const rows = box?.querySelector('[part="list"]')?.children;
    if (!box || !rows?.length || rows.length < items.length) return;
    if (this.nearEnd?.root !== box) {
      this.nearEnd = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting) && !this.moreError) void this.loadMore();
      }, { root: box });
    }
    for (let i = Math.max(0, rows.length - 1 - PREFETCH_ROWS); i < rows.length; i++) this.nearEnd.observe(rows[i]!);
  }

  private readonly handleChangePassword = (): void => {
    emit(this, 'dn-password-change-requested', { reason: 'unrecognized-activity' });
  };

  /** Fetches the page after what is loaded; one at a time, so a cursor is never asked for twice at once. */
  private async loadMore(): Promise<void> {
    const cursor = this.nextCursor;
    const items = this.items;
    if (!cursor || !items || this.loadingMore) return;
    const controller = new AbortController();
    this.moreController = controller;
    this.loadingMore = true;
    this.moreError = undefined;
    const hadFocus = this.shadowRoot?.activeElement?.matches('[part="load-more"]') ?? false;
    try {
      const page = await this.accountApi.listLoginActivity(
        { cursor, limit: this.limit, status: this.failedOnly ? 'failed' : 'all' },
        { signal: AbortSignal.any([controller.signal, this.signal]) },
      );
      if (controller.signal.aborted) return;
      const added = this.fresh(page.items);
      this.setItems([...(this.items ?? []), ...added]);
      this.nextCursor = page.nextCursor;
      this.announce({ key: 'activity.loadedMore', options: { count: added.length, number: formatNumber(added.length, this.userSettings) } });
      // "Load more" goes away with the last page: keep the keyboard user's place.
      if (!page.nextCursor && hadFocus) this.focusSoon('[part="end"]');
    } catch (error) {
      if (controller.signal.aborted) return;
      const apiError = this.handleFailure(error);
      if (apiError.kind === 'aborted') return;
      this.moreError = {
        message: [{ key: 'activity.loadMoreFailed' }, this.describeError(apiError)],
        signedOut: apiError.kind === 'unauthorized',
      };
    } finally {
      if (this.moreController === controller) {
        this.moreController = undefined;
        this.loadingMore = false;
      }
    }
  }

  /** Shows `items` and finds the bursts of failures in them. */
  private setItems(items: LoginAttempt[] | undefined): void {
    this.items = items;
    this.bursts = findBursts(items ?? []);
    this.burstMembers = new Map();
    for (const burst of this.bursts) {
      // Counted in time order: the list is newest first, the oldest attempt is the first of the run.
      for (let i = 0; i < burst.length; i++) this.burstMembers.set(items![burst.start + i]!.id, { burst, position: burst.length - i });
    }
  }

  private abortMore(): void {
    this.moreController?.abort();
    this.moreController = undefined;
    this.loadingMore = false;
    this.moreError = undefined;
  }

  /** `items` without attempts already listed (new sign-ins can shift a page by a row or two). */
  private fresh(items: readonly LoginAttempt[]): LoginAttempt[] {
    const out: LoginAttempt[] = [];
    for (const item of items) {
      if (this.ids.has(item.id)) continue;
      this.ids.add(item.id);
      out.push(item);
    }
    return out;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dn-login-activity': DnLoginActivity;
  }
}
