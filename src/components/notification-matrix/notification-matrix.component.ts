import { html, nothing, svg, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { resources } from '../../api/resources.js';
import { notificationsContract, type NotificationChange, type NotificationPreferences } from '../../api/contract/notifications.js';
import { registerSchemas } from '../../api/validation.js';
import { registerStrings, translate } from '../../i18n/i18n.js';
import notificationStrings from '../../i18n/locales/notifications/strings.js';
import type { DnConfirmDialog } from '../../internal/confirm-dialog.js';
import { DnElement, type Message } from '../../internal/dn-element.js';
import { heading } from '../../internal/heading.js';
import { baseStyles } from '../../internal/styles/host.styles.js';
import { buttonStyles } from '../../internal/styles/buttons.styles.js';
import { alertStyles } from '../../internal/styles/alerts.styles.js';
import { skeletonStyles } from '../../internal/styles/skeleton.styles.js';
import { layoutStyles } from '../../internal/styles/layout.styles.js';
import { visuallyHiddenStyles } from '../../internal/styles/utility.styles.js';
import { ReauthController } from '../../internal/reauth-controller.js';
import { ConfirmedActionController } from '../../internal/confirmed-action.js';
import { ResourceController } from '../../internal/resource-controller.js';
import { emit } from '../../internal/events.js';
import { RovingFocusController } from '../../internal/roving-focus-controller.js';
import { renderBusyButton, spinner } from '../../internal/controls.js';
import { cardStyles, MAX_FITTED_CHANNELS, styles } from './notification-matrix.styles.js';
import { confirmIdentity } from '../reauth-dialog/confirm-identity.js';

registerStrings(notificationStrings);
registerSchemas(notificationsContract);

type Channel = NotificationPreferences['channels'][number];
type NotificationType = NotificationPreferences['types'][number];

interface Group {
  id: string;
  label: string;
  types: NotificationType[];
}

/** Where the arrow keys are in the grid: a row (notification type) and a column (channel). */
interface CellPosition {
  row: number;
  col: number;
}

/** One map key per cell; JSON keeps any id (the server's) unambiguous. */
const cellKey = (typeId: string, channelId: string) => JSON.stringify([typeId, channelId]);

const lockIcon = svg`<svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" focusable="false"><rect x="5" y="11" width="14" height="10" rx="2" /><path d="M8 11V7a4 4 0 0 1 8 0v4" /></svg>`;

/**
 * @summary Which notifications arrive by which channel: notification types in
 * rows (grouped), channels in columns (email and in-app, or whatever the server
 * lists), one switch per cell.
 *
 * The catalog, the defaults and the locks come from the server. A locked cell
 * (security alerts are always sent) shows as on, cannot be changed and says why.
 * A cell that differs from its default says what the default is; "Reset to
 * defaults" (after a confirmation) puts every cell back.
 *
 * There is no Save button: each change is saved as it is made, one request at a
 * time and in order; changes made while a save is under way are combined into the
 * next request, and a cell the user switched back before it was sent sends nothing.
 * A save that fails puts its cells back as they were, with a message in the row and
 * an alert. Once the queue is empty the screen shows what the server has.
 *
 * Keyboard: the grid is one tab stop (WAI-ARIA grid pattern). Arrow keys move
 * between switches (mirrored right to left), Home and End go to the first and last
 * switch of the row, Ctrl+Home and Ctrl+End to the first and last of the grid, Space
 * or Enter toggles. The grid stays a table while its columns fit the element's own
 * width (12rem for the notifications and 8rem per channel: 28rem with two channels);
 * narrower, each notification becomes a card with its switches stacked.
 *
 * @event dn-notification-preferences-changed - A save or a reset went through. `detail.changes`: the cells that
 * changed; `detail.preferences`: the server's state afterwards; `detail.reset`: true after "Reset to defaults".
 * @event dn-unauthorized - The backend answered 401: send the user to sign in.
 *
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart intro - The sentence under the heading.
 * @csspart toolbar - The whole-column buttons, "Reset to defaults" and the saving indicator.
 * @csspart column-toggle - A "turn all on" or "turn all off" button of one channel (locked cells are skipped).
 * @csspart reset - The "Reset to defaults" button.
 * @csspart saving - "Saving…", shown while changes are being sent.
 * @csspart grid - The table of notification types and channels.
 * @csspart channel - A column header (a channel).
 * @csspart group - The heading row of a group of notification types.
 * @csspart type - The row (a card on narrow containers) of one notification type.
 * @csspart type-label - The name of a notification type.
 * @csspart type-description - What triggers a notification type.
 * @csspart cell - A cell with its switch.
 * @csspart switch - A switch (`role="switch"`); `aria-checked` says whether it is on.
 * @csspart cell-label - The channel's name next to a switch, shown on narrow containers only.
 * @csspart default-note - "Default: off" under a switch that differs from its default.
 * @csspart lock-reason - Why locked cells cannot be changed.
 * @csspart cell-error - "… was not saved", in the row of a cell whose save failed.
 * @csspart save-error - The alert saying a save failed, and why.
 * @csspart action-error - Why the reset failed.
 * @csspart status - The polite live region.
 * @csspart loading - The loading placeholder.
 * @csspart error - The load error with its retry button.
 *
 * @tagname dn-notification-matrix
 */
export class DnNotificationMatrix extends DnElement {
  static override styles = [...baseStyles, buttonStyles, alertStyles, skeletonStyles, layoutStyles, visuallyHiddenStyles, styles, ...cardStyles];

  /** The server's state: the last answer to a load, a save or a reset. */
  /** Cells the user switched that the server has not confirmed yet: what the screen shows for them. */
  @state() private desired = new Map<string, boolean>();
  /** Cells whose save failed (rolled back), until the user changes them again. */
  @state() private failedCells = new Set<string>();
  /** Why the last save failed. */
  @state() private saveError?: Message;
  /** True while a request of the save queue is under way. */
  @state() private saving = false;
  /** The switch that is the grid's tab stop. */
  @state() private active: CellPosition = { row: 0, col: 0 };

  @query('dn-confirm-dialog') private confirmDialog!: DnConfirmDialog;
  /** "Confirm it's you" around sensitive requests. */
  private readonly reauth = new ReauthController(this, confirmIdentity);
  /** Confirmed destructive actions: which one is sent, why the last one failed. */
  private readonly action = new ConfirmedActionController(this, { reauth: this.reauth, say: (message) => this.say(message) });

  /** Arrow keys between the switches, row by row; held at the edges. */
  private readonly gridKeys = new RovingFocusController(this, {
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[part="switch"]')],
    orientation: () => 'grid',
    columns: () => this.preferences?.channels.length ?? 1,
    onMove: (index) => {
      const cols = this.preferences?.channels.length ?? 1;
      this.active = { row: Math.floor(index / cols), col: index % cols };
    },
  });

  /** The running save queue, if any (see {@link drain}). */
  private draining?: Promise<void>;

  /** The preferences as the server has them, shared with every reader on the page. */
  private readonly saved = new ResourceController(this, {
    resource: () => resources.notifications,
    failed: (error) => this.handleFailure(error),
    changed: (_value, _previous, own) => {
      if (own) return;
      // Loaded (or reloaded): the server's state replaces what was on screen.
      this.desired = new Map();
      this.failedCells = new Set();
    },
  });

  private get preferences(): NotificationPreferences | undefined {
    return this.saved.value;
  }

  /** Writes through the store: every reader of the preferences shows the answer. */
  private set preferences(preferences: NotificationPreferences) {
    this.saved.set(preferences);
  }

  override render() {
    const preferences = this.preferences;
    return html`<section part="base" class="stack" aria-labelledby="title">
      <div class="header">
        ${heading(this.headingLevel, this.t('notifications.title'), { id: 'title', part: 'title', focusable: true })}
        ${this.saving && !this.action.busy
          ? html`<span part="saving" class="saving muted">${spinner}${this.t('common.saving')}</span>`
          : nothing}
      </div>
      ${preferences
        ? this.renderMatrix(preferences)
        : this.renderLoadState(this.saved, 4)}
      ${this.saveError
        ? html`<div part="save-error" class="alert danger" role="alert"><p>${this.say(this.saveError)}</p></div>`
        : nothing}
      ${this.action.renderError()}
      ${this.renderStatus()}
      <dn-confirm-dialog></dn-confirm-dialog>
    </section>`;
  }

  // ——— Rendering ———

  private renderMatrix(preferences: NotificationPreferences): TemplateResult {
    const groups = this.groupsOf(preferences);
    const rows = groups.flatMap((group) => group.types);
    const channels = preferences.channels;
    const active = this.clamp(this.active, rows.length, channels.length);
    let index = 0;
    return html`<p id="intro" part="intro" class="muted">${this.t('notifications.intro')}</p>
      ${this.renderToolbar(rows, channels)}
      <div class="wrap">
        <table
          part="grid"
          class="grid c${Math.min(channels.length, MAX_FITTED_CHANNELS)}"
          role="grid"
          aria-labelledby="title"
          aria-describedby="intro"
          @keydown=${this.gridKeys.handleKeydown}
          @focusin=${this.handleFocusin}
        >
          <thead>
            <tr>
              <th scope="col" class="type-column">${this.t('notifications.typeColumn')}</th>
              ${channels.map((channel) => html`<th scope="col" part="channel" class="channel">${this.channelLabel(channel)}</th>`)}
            </tr>
          </thead>
          ${groups.map(
            (group, g) => html`<tbody class="group">
              <tr part="group" class="group-row">
                <th scope="colgroup" colspan=${channels.length + 1} id=${`g${g}`}>${group.label}</th>
              </tr>
              ${group.types.map((type) => this.renderRow(type, index++, channels, active))}
            </tbody>`,
          )}
        </table>
      </div>`;
  }

  private renderToolbar(rows: NotificationType[], channels: Channel[]): TemplateResult {
    const resetting = this.action.busy === 'reset';
    const atDefaults = this.atDefaults(this.preferences!);
    const resetDisabled = Boolean(this.action.busy) || atDefaults;
    return html`<div part="toolbar" class="toolbar">
      <div class="columns" role="group" aria-label=${this.t('notifications.columns')}>
        ${channels.map((channel) => {
          const open = rows.filter((type) => !this.isLocked(type, channel));
          if (open.length === 0) return nothing;
          return [true, false].map((enabled) => {
            // Nothing to do when every cell that can change already is so.
            const idle = open.every((type) => this.shownValue(type, channel) === enabled);
            return html`<button
              part="column-toggle"
              class="button secondary"
              type="button"
              aria-disabled=${this.action.busy || idle ? 'true' : 'false'}
              @click=${() => this.toggleColumn(channel, enabled)}
            >
              ${this.t(enabled ? 'notifications.columnOn' : 'notifications.columnOff', { channel: this.channelLabel(channel) })}
            </button>`;
          });
        })}
      </div>
      ${renderBusyButton({
        part: 'reset',
        variant: 'secondary',
        label: this.t('notifications.reset'),
        busyLabel: this.t('notifications.resetting'),
        busy: resetting,
        disabled: resetDisabled,
        describedBy: atDefaults ? 'all-default' : undefined,
        onClick: () => void this.handleReset(),
      })}
      ${atDefaults ? html`<span id="all-default" class="visually-hidden">${this.t('notifications.allDefault')}</span>` : nothing}
    </div>`;
  }

  private renderRow(type: NotificationType, row: number, channels: Channel[], active: CellPosition): TemplateResult {
    const label = this.typeLabel(type);
    // One sentence per distinct reason, shared by the row's locked cells.
    const reasons = [...new Set(channels.filter((c) => this.isLocked(type, c)).map((c) => this.lockReason(type, c)))];
    const failed = channels.filter((channel) => this.failedCells.has(cellKey(type.id, channel.id)));
    return html`<tr part="type" class="type-row" data-type=${type.id}>
      <th scope="row" class="type-header">
        <span part="type-label" class="type-label" id=${`t${row}`}>${label}</span>
        <span part="type-description" class="type-description muted" id=${`t${row}-d`}>${this.typeDescription(type)}</span>
        ${reasons.map(
          (reason, r) =>
            html`<span part="lock-reason" class="lock-reason" id=${`t${row}-l${r}`}
              ><span class="lock-icon" aria-hidden="true">${lockIcon}</span>${reason}</span
            >`,
        )}
        ${failed.map(
          (channel) =>
            html`<span part="cell-error" class="cell-error" id=${`t${row}-e${channels.indexOf(channel)}`}
              >${this.t(this.shownValue(type, channel) ? 'notifications.cellNotSavedOn' : 'notifications.cellNotSavedOff', {
                channel: this.channelLabel(channel),
              })}</span
            >`,
        )}
      </th>
      ${channels.map((channel, col) => this.renderCell(type, row, channel, col, reasons, active))}
    </tr>`;
  }

  private renderCell(
    type: NotificationType,
    row: number,
    channel: Channel,
    col: number,
    reasons: string[],
    active: CellPosition,
  ): TemplateResult {
    const key = cellKey(type.id, channel.id);
    const on = this.shownValue(type, channel);
    const locked = this.isLocked(type, channel);
    const differs = !locked && on !== this.defaultOf(type, channel);
    const describedBy = [
      locked ? `t${row}-l${reasons.indexOf(this.lockReason(type, channel))}` : '',
      differs ? `t${row}-c${col}-default` : '',
      this.failedCells.has(key) ? `t${row}-e${col}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const tabStop = active.row === row && active.col === col;
    return html`<td part="cell" class=${locked ? 'cell locked' : differs ? 'cell changed' : 'cell'}>
      <span class="cell-inner">
        <span part="cell-label" class="cell-label" aria-hidden="true">${this.channelLabel(channel)}</span>
        <button
          part="switch"
          class="switch"
          type="button"
          role="switch"
          data-row=${row}
          data-col=${col}
          tabindex=${tabStop ? '0' : '-1'}
          aria-checked=${on ? 'true' : 'false'}
          aria-label=${this.t('notifications.cellLabel', { channel: this.channelLabel(channel), type: this.typeLabel(type) })}
          aria-disabled=${locked || this.action.busy ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          @click=${() => this.toggleCell(type, channel)}
        >
          <span class="track" aria-hidden="true"><span class="thumb"></span></span>
          ${locked ? html`<span class="lock-icon" aria-hidden="true">${lockIcon}</span>` : nothing}
        </button>
      </span>
      ${differs
        ? html`<span part="default-note" class="default-note" id=${`t${row}-c${col}-default`}
            >${this.t(this.defaultOf(type, channel) ? 'notifications.defaultOn' : 'notifications.defaultOff')}</span
          >`
        : nothing}
    </td>`;
  }

  // ——— The catalog in the user's words ———

  /**
   * The server's text, translated when this library knows the entry: only while the
   * server still sends the English text the translation was made from.
   */
  private serverText(key: string, text: string): string {
    return translate('en', key) === text ? this.t(key) : text;
  }

  private channelLabel(channel: Channel): string {
    return this.serverText(`notifications.catalog.channels.${channel.id}`, channel.label);
  }

  private typeLabel(type: NotificationType): string {
    return this.serverText(`notifications.catalog.types.${type.id}.label`, type.label);
  }

  private typeDescription(type: NotificationType): string {
    return this.serverText(`notifications.catalog.types.${type.id}.description`, type.description);
  }

  private lockReason(type: NotificationType, channel: Channel): string {
    const reason = type.locked[channel.id]?.trim();
    return reason ? this.serverText(`notifications.catalog.types.${type.id}.locked`, reason) : this.t('notifications.lockedFallback');
  }

  /** The server's groups in its order, each with its types; types of an unknown group go last, under "Other". */
  private groupsOf(preferences: NotificationPreferences): Group[] {
    const groups: Group[] = preferences.groups.map((group) => ({
      id: group.id,
      label: this.serverText(`notifications.catalog.groups.${group.id}`, group.label),
      types: preferences.types.filter((type) => type.groupId === group.id),
    }));
    const known = new Set(preferences.groups.map((group) => group.id));
    const other = preferences.types.filter((type) => !known.has(type.groupId));
    if (other.length > 0) groups.push({ id: '', label: this.t('notifications.otherGroup'), types: other });
    return groups.filter((group) => group.types.length > 0);
  }

  // ——— Values ———

  private isLocked(type: NotificationType, channel: Channel): boolean {
    return Object.hasOwn(type.locked, channel.id);
  }

  private defaultOf(type: NotificationType, channel: Channel): boolean {
    return type.defaults[channel.id] ?? false;
  }

  /** The server's value of a cell. */
  private serverValueOf(typeId: string, channelId: string, preferences = this.preferences): boolean {
    const type = preferences?.types.find((t) => t.id === typeId);
    return preferences?.values[typeId]?.[channelId] ?? type?.defaults[channelId] ?? false;
  }

  /** Whether every cell on screen shows its default ("Reset to defaults" has nothing to do). */
  private atDefaults(preferences: NotificationPreferences): boolean {
    return preferences.types.every((type) =>
      preferences.channels.every((channel) => this.shownValue(type, channel) === this.defaultOf(type, channel)),
    );
  }

  /** What the screen shows: the user's pending choice, else the server's value. */
  private shownValue(type: NotificationType, channel: Channel): boolean {
    const key = cellKey(type.id, channel.id);
    return this.desired.has(key) ? this.desired.get(key)! : this.serverValueOf(type.id, channel.id);
  }

  // ——— Changes and the save queue ———

  private toggleCell(type: NotificationType, channel: Channel): void {
    // Locked cells are not operable; nothing changes while a reset is under way.
    if (this.isLocked(type, channel) || this.action.busy) return;
    this.want([[type, channel, !this.shownValue(type, channel)]]);
  }

  private toggleColumn(channel: Channel, enabled: boolean): void {
    if (this.action.busy || !this.preferences) return;
    const cells = this.preferences.types
      .filter((type) => !this.isLocked(type, channel) && this.shownValue(type, channel) !== enabled)
      .map((type) => [type, channel, enabled] as const);
    this.want(cells);
  }

  /** Records what the user asked for and lets the queue send it. */
  private want(cells: ReadonlyArray<readonly [NotificationType, Channel, boolean]>): void {
    if (cells.length === 0) return;
    const desired = new Map(this.desired);
    const failed = new Set(this.failedCells);
    for (const [type, channel, enabled] of cells) {
      const key = cellKey(type.id, channel.id);
      desired.set(key, enabled);
      failed.delete(key);
    }
    this.desired = desired;
    this.failedCells = failed;
    this.saveError = undefined;
    this.action.error = undefined;
    void this.drain();
  }

  /** Starts the save queue unless it runs already; resolves once it is empty. */
  private drain(): Promise<void> {
    return (this.draining ??= this.runQueue().finally(() => {
      this.draining = undefined;
    }));
  }

  /**
   * Sends the pending cells, one request at a time: each request carries every cell
   * that differs from the server when it leaves (so quick changes are combined and a
   * cell switched back sends nothing). A failure rolls its cells back; afterwards the
   * state is read again, so a save whose fate is unknown (a timeout) cannot leave the
   * screen and the server disagreeing.
   */
  private async runQueue(): Promise<void> {
    let reread = false;
    try {
      for (;;) {
        const changes = this.pendingChanges();
        if (changes.length === 0) {
          if (!reread) return;
          reread = false;
          try {
            const fresh = await this.accountApi.getNotificationPreferences({ signal: this.signal });
            // A change made meanwhile is sent first; the next answer brings the server's state.
            if (this.pendingChanges().length === 0) this.preferences = fresh;
          } catch {
            // The screen keeps the last state the server confirmed.
          }
          continue;
        }
        this.saving = true;
        try {
          const preferences = await this.accountApi.updateNotificationPreferences({ changes }, { signal: this.signal });
          this.preferences = preferences;
          this.settle(changes, false);
          this.announce(this.savedMessage(changes));
          emit(this, 'dn-notification-preferences-changed', { changes, preferences, reset: false });
        } catch (error) {
          const apiError = this.handleFailure(error);
          if (this.signal.aborted) return;
          this.settle(changes, true);
          this.saveError = [{ key: 'notifications.notSaved' }, this.describeError(apiError)];
          reread = true;
        }
      }
    } finally {
      this.saving = false;
    }
  }

  /** The cells whose pending value differs from the server's; drops those that match it. */
  private pendingChanges(): NotificationChange[] {
    const changes: NotificationChange[] = [];
    let dropped = false;
    const desired = new Map(this.desired);
    for (const [key, enabled] of desired) {
      const [typeId, channelId] = JSON.parse(key) as [string, string];
      if (this.serverValueOf(typeId, channelId) === enabled) {
        desired.delete(key);
        dropped = true;
      } else {
        changes.push({ typeId, channelId, enabled });
      }
    }
    if (dropped) this.desired = desired;
    return changes;
  }

  /**
   * After an answer: the sent cells are no longer pending. On failure, the ones the user
   * still wanted that way are marked as not saved (they show the server's value again).
   */
  private settle(changes: NotificationChange[], failed: boolean): void {
    const desired = new Map(this.desired);
    const failedCells = new Set(this.failedCells);
    for (const change of changes) {
      const key = cellKey(change.typeId, change.channelId);
      const stillWanted = desired.get(key) === change.enabled;
      if (failed) {
        // Rolled back: the cell shows the server's value. (A cell switched back meanwhile already matches it.)
        desired.delete(key);
        if (stillWanted) failedCells.add(key);
      } else if (stillWanted) {
        desired.delete(key);
      }
    }
    this.desired = desired;
    this.failedCells = failedCells;
  }

  private savedMessage(changes: NotificationChange[]): Message {
    const preferences = this.preferences!;
    const channelOf = (id: string) => preferences.channels.find((c) => c.id === id);
    const first = changes[0]!;
    const channel = channelOf(first.channelId);
    const type = preferences.types.find((t) => t.id === first.typeId);
    if (changes.length === 1 && channel && type) {
      return {
        key: first.enabled ? 'notifications.savedOn' : 'notifications.savedOff',
        options: { channel: this.channelLabel(channel), type: this.typeLabel(type) },
      };
    }
    const sameColumn = changes.every((c) => c.channelId === first.channelId && c.enabled === first.enabled);
    if (sameColumn && channel) {
      return {
        key: first.enabled ? 'notifications.columnSavedOn' : 'notifications.columnSavedOff',
        options: { channel: this.channelLabel(channel) },
      };
    }
    return { key: 'notifications.savedMany' };
  }

  private async handleReset(): Promise<void> {
    const before = this.preferences;
    if (!before || this.action.busy) return;
    if (this.atDefaults(before)) return;
    const previous = before.types.flatMap((type) =>
      before.channels.map((channel) => ({ typeId: type.id, channelId: channel.id, enabled: this.shownValue(type, channel) })),
    );
    const preferences = await this.action.run({
      dialog: this.confirmDialog,
      confirm: {
        title: this.t('notifications.resetTitle'),
        message: this.t('notifications.resetMessage'),
        confirmLabel: this.t('notifications.reset'),
        danger: true,
      },
      busy: 'reset',
      send: async () => {
        // The reset discards what is not sent yet; it goes after the save under way.
        this.desired = new Map();
        await this.draining;
        return this.accountApi.resetNotificationPreferences({ signal: this.signal });
      },
    });
    if (!preferences) return;
    this.preferences = preferences;
    this.desired = new Map();
    this.failedCells = new Set();
    this.saveError = undefined;
    const changes = previous
      .map((cell) => ({ ...cell, enabled: this.serverValueOf(cell.typeId, cell.channelId, preferences) }))
      .filter((cell, i) => cell.enabled !== previous[i]!.enabled);
    this.announce({ key: 'notifications.resetDone' });
    emit(this, 'dn-notification-preferences-changed', { changes, preferences, reset: true });
  }

  // ——— Keyboard: the grid pattern ———

  private clamp(position: CellPosition, rows: number, cols: number): CellPosition {
    return {
      row: Math.max(0, Math.min(position.row, rows - 1)),
      col: Math.max(0, Math.min(position.col, cols - 1)),
    };
  }

  private readonly handleFocusin = (event: FocusEvent): void => {
    const target = event.target as HTMLElement;
    if (!target.matches('[part="switch"]')) return;
    const row = Number(target.dataset.row);
    const col = Number(target.dataset.col);
    if (row !== this.active.row || col !== this.active.col) this.active = { row, col };
  };

}

declare global {
  interface HTMLElementTagNameMap {
    'dn-notification-matrix': DnNotificationMatrix;
  }
}
