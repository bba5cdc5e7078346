import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { resources } from '../../api/resources.js';
import { connectedAccountsContract, type ConnectedAccount, type ConnectedAccountList } from '../../api/contract/connected-accounts.js';
import { registerSchemas } from '../../api/validation.js';
import { formatDate } from '../../i18n/format.js';
import { registerStrings } from '../../i18n/i18n.js';
import connectedStrings from '../../i18n/locales/connected/strings.js';
import type { DnConfirmDialog } from '../../internal/confirm-dialog.js';
import { DnElement } from '../../internal/dn-element.js';
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
import { deviceListStyles } from '../../internal/device.js';
import { emit } from '../../internal/events.js';
import { safeHref } from '../../internal/safe-url.js';
import { ApiError } from '../../api/errors.js';
import { providerMark } from './provider-marks.js';
import { connectedAccountsStyles } from './connected-accounts.styles.js';
import { renderBusyButton } from '../../internal/controls.js';
import { uniqueId } from '../../internal/ids.js';
import { confirmIdentity } from '../reauth-dialog/confirm-identity.js';

registerStrings(connectedStrings);
registerSchemas(connectedAccountsContract);

/** How Connect opens the provider's authorization page. */
export type ConnectMode = 'redirect' | 'popup';

/**
 * What the page at the end of the provider flow posts to `window.opener` in popup mode
 * (the mock provider sends it with `source: 'dn-mock-oauth'`).
 */
export interface ConnectedAccountMessage {
  type: 'dn-connected-account';
  provider: string;
  /** False when the user declined or the provider failed. */
  connected: boolean;
}

function isConnectedAccountMessage(data: unknown): data is ConnectedAccountMessage {
  const d = data as Partial<ConnectedAccountMessage> | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    d.type === 'dn-connected-account' &&
    typeof d.provider === 'string' &&
    typeof d.connected === 'boolean'
  );
}

/** How often an open popup is checked for having been closed, in ms. */
const POPUP_POLL_MS = 400;
/** After the popup closed, how long a late completion message may still arrive, in ms. */
const POPUP_CLOSE_GRACE_MS = 300;

interface PendingPopup {
  provider: string;
  popup: Window;
  timer: number;
}

/**
 * @summary Sign-in providers (Google, Microsoft, GitHub — the list comes from the
 * server): which are connected, with which email and since when; Connect and
 * Disconnect. Email and password sign-in always remains available.
 *
 * Connect asks the server for the provider's authorization URL and either goes
 * there (`mode="redirect"`, the default; the provider sends the user back to
 * `redirect-uri` with `connected=<provider>` in the query, which the element
 * announces once and removes from the address bar) or opens it in a popup
 * (`mode="popup"`; the page at the end of the flow posts
 * `{ type: 'dn-connected-account', provider, connected: true }` to its opener
 * from `message-origin`). Disconnect asks to confirm and, when the server
 * requires it, opens "Confirm it's you". When the provider is the last way to
 * sign in (no password, no other provider, no passkey: the server answers 409
 * `last-sign-in-method`), it stays connected and its row says why and what to
 * do first; a provider that was already disconnected elsewhere (404) is shown
 * as not connected.
 *
 * @event dn-account-connected - A provider was connected. `detail.account`: its new state.
 * @event dn-account-disconnected - A provider was disconnected. `detail.account`: the account as it was (with its email).
 * @event dn-unauthorized - The backend answered 401: send the user to sign in.
 *
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart intro - The sentence under the heading.
 * @csspart list - The list of providers.
 * @csspart account - One provider.
 * @csspart icon - The provider's mark (decorative): Google's, Microsoft's and GitHub's own, else the first letter of its name.
 * @csspart name - The provider's name.
 * @csspart email - The email of the connected account.
 * @csspart date - When the account was connected.
 * @csspart not-connected - "Not connected".
 * @csspart connect - The Connect button of a provider.
 * @csspart disconnect - The Disconnect button of a provider.
 * @csspart last-method - In a provider's row: why it stays connected (the only way left to sign in) and what to do first.
 * @csspart password-note - The sentence that email and password sign-in always remains available.
 * @csspart empty - Shown when the server lists no provider.
 * @csspart action-error - Why connecting or disconnecting failed.
 * @csspart status - The polite live region.
 * @csspart loading - The loading placeholder.
 * @csspart error - The load error with its retry button.
 *
 * @tagname dn-connected-accounts
 */
export class DnConnectedAccounts extends DnElement {
  static override styles = [...baseStyles, buttonStyles, alertStyles, skeletonStyles, layoutStyles, visuallyHiddenStyles, deviceListStyles, connectedAccountsStyles];

  /**
   * How Connect opens the provider: `redirect` leaves this page for the provider's
   * (the provider sends the user back to `redirect-uri`); `popup` opens it in a small window.
   */
  @property({ reflect: true }) mode: ConnectMode = 'redirect';

  /** Where the provider sends the user back after consenting. Default: the current page URL. */
  @property({ attribute: 'redirect-uri' }) redirectUri?: string;

  /**
   * The origin the popup's completion message must come from (the origin of the
   * backend's OAuth callback page). Messages from any other origin are ignored.
   * Default: this page's origin.
   */
  @property({ attribute: 'message-origin' }) messageOrigin?: string;

  /**
   * Goes to the provider's authorization URL in redirect mode. Default
   * `location.assign(url)`; a single-page app may route instead.
   */
  @property({ attribute: false }) navigate: (url: string) => void = (url) => window.location.assign(url);

  /** The provider whose Connect is under way (asking for the URL, in the popup, or redirecting). */
  @state() private connecting: string | null = null;

  /** The provider whose disconnect the server refused: the only way left to sign in. */
  @state() private lastMethod: string | null = null;

  private readonly ids = { lastMethod: uniqueId('dn-connected-last-method') };

  @query('dn-confirm-dialog') private confirmDialog!: DnConfirmDialog;
  /** "Confirm it's you" around sensitive requests. */
  private readonly reauth = new ReauthController(this, confirmIdentity);
  /** Confirmed destructive actions: which one is sent, why the last one failed. */
  private readonly action = new ConfirmedActionController(this, { reauth: this.reauth, say: (message) => this.say(message) });

  private pending?: PendingPopup;
  /** `connected=<provider>` found in the page URL on arrival (back from a redirect). */
  private returnedFrom: string | null = null;

  /** The accounts, shared with every reader on the page. */
  private readonly list = new ResourceController(this, {
    resource: () => resources.connectedAccounts,
    failed: (error) => this.handleFailure(error),
    changed: () => this.announceReturn(),
  });

  private get accounts(): ConnectedAccount[] | undefined {
    return this.list.value?.items;
  }

  private get passwordSignIn(): boolean {
    return this.list.value?.passwordSignIn ?? true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.returnedFrom = new URL(window.location.href).searchParams.get('connected');
    window.addEventListener('pageshow', this.handlePageShow);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.handlePageShow);
    const pending = this.pending;
    this.stopWatching();
    pending?.popup.close();
    this.connecting = null;
  }

  override render() {
    const accounts = this.accounts;
    return html`<section part="base" class="stack" aria-labelledby="title">
      ${heading(this.headingLevel, this.t('connected.title'), { id: 'title', part: 'title', focusable: true })}
      ${accounts
        ? this.renderAccounts(accounts)
        : this.renderLoadState(this.list)}
      ${this.action.renderError()}
      ${this.renderStatus()}
      <dn-confirm-dialog></dn-confirm-dialog>
    </section>`;
  }

  private renderAccounts(accounts: ConnectedAccount[]): TemplateResult {
    const note = this.passwordSignIn
      ? html`<p part="password-note" class="password-note muted">${this.t('connected.passwordSignIn')}</p>`
      : nothing;
    if (accounts.length === 0) return html`<p part="empty" class="empty">${this.t('connected.empty')}</p>${note}`;
    // The role is not redundant: Safari drops list semantics from restyled lists.
    // eslint-disable-next-line lit-a11y/no-redundant-role
    const list = html`<ul part="list" class="list" role="list" aria-label=${this.t('connected.listLabel')}>
      ${accounts.map((account) => this.renderAccount(account))}
    </ul>`;
    return html`<p part="intro" class="muted">${this.t('connected.intro')}</p>
      ${list} ${note}`;
  }

  private renderAccount(account: ConnectedAccount): TemplateResult {
    const provider = { provider: account.name };
    const busy = this.action.busy === account.provider || this.connecting === account.provider;
    const blocked = this.action.busy !== null || this.connecting !== null;
    const mark = providerMark(account.provider);
    const lastMethod = account.connected && this.lastMethod === account.provider;
    return html`<li part="account" class="row account" data-provider=${account.provider}>
      <span part="icon" class="icon" aria-hidden="true"
        >${mark ? html`<svg viewBox="0 0 24 24" focusable="false">${mark}</svg>` : ([...account.name.trim()][0]?.toUpperCase() ?? '?')}</span
      >
      <div class="details">
        <p part="name" class="name">${account.name}</p>
        ${account.connected
          ? html`${account.email ? html`<p class="meta"><span part="email" class="email">${account.email}</span></p>` : nothing}
              ${account.connectedAt
                ? html`<p class="meta">
                    <time part="date" datetime=${account.connectedAt}>
                      ${this.t('connected.connectedOn', { date: formatDate(account.connectedAt, this.userSettings) })}
                    </time>
                  </p>`
                : nothing}`
          : html`<p part="not-connected" class="meta">${this.t('connected.notConnected')}</p>`}
      </div>
      ${account.connected
        ? renderBusyButton({
            part: 'disconnect',
            variant: 'secondary',
            data: { provider: account.provider },
            label: this.t('connected.disconnect'),
            busyLabel: this.t('connected.disconnecting'),
            ariaLabel: { idle: this.t('connected.disconnectProvider', provider), busy: this.t('connected.disconnectingProvider', provider) },
            busy,
            disabled: blocked,
            describedBy: lastMethod ? this.ids.lastMethod : undefined,
            onClick: () => void this.handleDisconnect(account),
          })
        : renderBusyButton({
            part: 'connect',
            variant: 'primary',
            data: { provider: account.provider },
            label: this.t('connected.connect'),
            busyLabel: this.t('connected.connecting'),
            ariaLabel: { idle: this.t('connected.connectProvider', provider), busy: this.t('connected.connectingProvider', provider) },
            busy,
            disabled: blocked,
            onClick: () => void this.handleConnect(account),
          })}
      ${lastMethod
        ? html`<div id=${this.ids.lastMethod} part="last-method" class="alert danger last-method" role="alert">
            <p>${this.t('connected.lastMethod', provider)}</p>
          </div>`
        : nothing}
    </li>`;
  }

  /** Writes through the store: every reader of the list shows the change. */
  private setList(list: ConnectedAccountList): void {
    this.lastMethod = null;
    this.list.set(list);
  }

  /** Back from the provider (redirect mode): say so once and take `connected=` out of the address bar. */
  private announceReturn(): void {
    const provider = this.returnedFrom;
    if (!provider) return;
    this.returnedFrom = null;
    const url = new URL(window.location.href);
    if (url.searchParams.get('connected') === provider) {
      url.searchParams.delete('connected');
      window.history.replaceState(window.history.state, '', url.href);
    }
    const account = this.accounts?.find((a) => a.provider === provider);
    if (!account?.connected) return;
    this.announce({ key: 'connected.connected', options: { provider: account.name } });
    emit(this, 'dn-account-connected', { account });
  }

  private async handleConnect(account: ConnectedAccount): Promise<void> {
    if (this.connecting || this.action.busy) return;
    const mode = this.mode === 'popup' ? 'popup' : 'redirect';
    this.connecting = account.provider;
    this.action.error = undefined;
    this.lastMethod = null;
    this.announce(undefined);
    // Opened now, while the click still counts as the user's gesture: a popup opened
    // after the server's answer would be blocked.
    let popup: Window | null = null;
    if (mode === 'popup') {
      popup = window.open('about:blank', `dn-connect-${account.provider}`, 'popup,width=520,height=680');
      if (!popup) {
        this.connecting = null;
        this.action.error = { key: 'connected.popupBlocked', options: { provider: account.name } };
        return;
      }
    }
    try {
      const { authorizationUrl } = await this.accountApi.connectAccount(
        account.provider,
        { redirectUri: this.redirectUri || this.currentPageUrl(), mode },
        { signal: this.signal },
      );
      // Never navigate (or point the popup) to a `javascript:` or `data:` URL from the server.
      if (!safeHref(authorizationUrl)) throw new ApiError('invalid-response', 'Unsafe authorization URL');
      const url = new URL(authorizationUrl, window.location.href).href;
      if (!popup) {
        // Stays busy: the page is going away (a return through the back button resets it, see handlePageShow).
        this.navigate(url);
        return;
      }
      if (popup.closed) {
        this.connecting = null;
        return;
      }
      popup.location.href = url;
      this.watch(account.provider, popup);
    } catch (error) {
      popup?.close();
      this.connecting = null;
      const apiError = this.handleFailure(error);
      if (apiError.kind !== 'aborted') this.action.error = this.describeError(apiError);
    }
  }

  /** The page URL without a `connected=` left from an earlier return. */
  private currentPageUrl(): string {
    const url = new URL(window.location.href);
    url.searchParams.delete('connected');
    return url.href;
  }

  private watch(provider: string, popup: Window): void {
    this.stopWatching();
    window.addEventListener('message', this.handleMessage);
    const timer = window.setInterval(() => {
      if (!popup.closed || this.pending?.popup !== popup) return;
      window.clearInterval(timer);
      // The completion message may still be on its way from a popup that closed itself.
      window.setTimeout(() => {
        if (this.pending?.popup === popup) void this.handlePopupClosed(provider);
      }, POPUP_CLOSE_GRACE_MS);
    }, POPUP_POLL_MS);
    this.pending = { provider, popup, timer };
  }

  private stopWatching(): void {
    if (!this.pending) return;
    window.clearInterval(this.pending.timer);
    window.removeEventListener('message', this.handleMessage);
    this.pending = undefined;
  }

  private expectedOrigin(): string {
    if (!this.messageOrigin) return window.location.origin;
    try {
      return new URL(this.messageOrigin, window.location.href).origin;
    } catch {
      return this.messageOrigin;
    }
  }

  private readonly handleMessage = (event: MessageEvent): void => {
    const pending = this.pending;
    if (!pending || event.origin !== this.expectedOrigin()) return;
    if (!isConnectedAccountMessage(event.data) || event.data.provider !== pending.provider) return;
    this.stopWatching();
    if (!pending.popup.closed) pending.popup.close();
    if (event.data.connected) {
      void this.finishConnect(pending.provider, false);
    } else {
      this.connecting = null;
      const name = this.accounts?.find((a) => a.provider === pending.provider)?.name ?? pending.provider;
      this.action.error = { key: 'connected.notCompleted', options: { provider: name } };
    }
  };

  /** Closed without a message: connected after all (the list says so), or back to idle without an error. */
  private async handlePopupClosed(provider: string): Promise<void> {
    this.stopWatching();
    await this.finishConnect(provider, true);
  }

  /** Reloads the list after the provider flow; announces, emits and moves focus when `provider` is connected now. */
  private async finishConnect(provider: string, quiet: boolean): Promise<void> {
    try {
      const list = await this.accountApi.listConnectedAccounts({ signal: this.signal });
      this.setList(list);
      const account = list.items.find((a) => a.provider === provider);
      if (account?.connected) {
        this.announce({ key: 'connected.connected', options: { provider: account.name } });
        emit(this, 'dn-account-connected', { account });
        this.focusSoon(`[part="disconnect"][data-provider="${CSS.escape(provider)}"]`);
      }
    } catch (error) {
      const apiError = this.handleFailure(error);
      if (!quiet && apiError.kind !== 'aborted') this.action.error = this.describeError(apiError);
    } finally {
      this.connecting = null;
    }
  }

  /** A page restored from the back/forward cache after a redirect to the provider: Connect works again. */
  private readonly handlePageShow = (event: PageTransitionEvent): void => {
    if (event.persisted && !this.pending) this.connecting = null;
  };

  private async handleDisconnect(account: ConnectedAccount): Promise<void> {
    if (this.connecting) return;
    const provider = { provider: account.name };
    const list = await this.action.run({
      dialog: this.confirmDialog,
      confirm: {
        title: this.t('connected.disconnectTitle', provider),
        message: this.t(this.passwordSignIn ? 'connected.disconnectMessage' : 'connected.disconnectMessageNoPassword', provider),
        confirmLabel: this.t('connected.disconnect'),
        danger: true,
      },
      busy: account.provider,
      send: () => {
        this.lastMethod = null;
        return this.accountApi.disconnectAccount(account.provider, { signal: this.signal });
      },
      failed: (error) => {
        if (error.code === 'last-sign-in-method') {
          // It stays connected: its row says why, and focus stays on its Disconnect, which the message describes.
          this.lastMethod = account.provider;
          this.focusSoon(`[part="disconnect"][data-provider="${CSS.escape(account.provider)}"]`);
          return true;
        }
        if (error.kind === 'not-found') {
          this.showDisconnected(account);
          this.announce({ key: 'connected.alreadyDisconnected', options: provider });
          return true;
        }
        return false;
      },
    });
    if (!list) return;
    this.setList(list);
    this.focusSoon(`[part="connect"][data-provider="${CSS.escape(account.provider)}"]`);
    this.announce({ key: 'connected.disconnected', options: provider });
    emit(this, 'dn-account-disconnected', { account });
  }

  /** Disconnected elsewhere already: shown as not connected, focus on its Connect. */
  private showDisconnected(account: ConnectedAccount): void {
    const list = this.list.value;
    if (list) {
      const items = list.items.map((a) => (a.provider === account.provider ? { ...a, connected: false, email: null, connectedAt: null } : a));
      this.setList({ ...list, items });
    }
    this.focusSoon(`[part="connect"][data-provider="${CSS.escape(account.provider)}"]`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dn-connected-accounts': DnConnectedAccounts;
  }
}
