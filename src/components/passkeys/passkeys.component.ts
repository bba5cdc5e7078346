import { html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { resources } from '../../api/resources.js';
import { passkeysContract, type Passkey, type PasskeyStorage } from '../../api/contract/passkeys.js';
import { PASSKEY_NAME_MAX, PLAIN_LINE_PATTERN } from '../../api/contract/constants.js';
import { registerSchemas } from '../../api/validation.js';
import { formatDate } from '../../i18n/format.js';
import { registerStrings } from '../../i18n/i18n.js';
import passkeyStrings from '../../i18n/locales/passkeys/strings.js';
import type { DnConfirmDialog } from '../../internal/confirm-dialog.js';
import { DnElement, type Message } from '../../internal/dn-element.js';
import { heading } from '../../internal/heading.js';
import { baseStyles } from '../../internal/styles/host.styles.js';
import { buttonStyles } from '../../internal/styles/buttons.styles.js';
import { alertStyles } from '../../internal/styles/alerts.styles.js';
import { badgeStyles } from '../../internal/styles/badges.styles.js';
import { skeletonStyles } from '../../internal/styles/skeleton.styles.js';
import { layoutStyles } from '../../internal/styles/layout.styles.js';
import { fieldStyles } from '../../internal/styles/fields.styles.js';
import { visuallyHiddenStyles } from '../../internal/styles/utility.styles.js';
import { ReauthController } from '../../internal/reauth-controller.js';
import { ConfirmedActionController } from '../../internal/confirmed-action.js';
import { deviceListStyles, RefreshController } from '../../internal/device.js';
import { emit } from '../../internal/events.js';
import { ResourceController } from '../../internal/resource-controller.js';
import { renderRelativeTime, relativeTimeStyles } from '../../internal/time.js';
import { renderBusyButton } from '../../internal/controls.js';
import { CeremonyError, ceremonyMessageKey, createPasskey, passkeySupport } from '../../internal/webauthn.js';
import { uniqueId } from '../../internal/ids.js';
import { confirmIdentity } from '../reauth-dialog/confirm-identity.js';
import { passkeysStyles } from './passkeys.styles.js';

registerStrings(passkeyStrings);
registerSchemas(passkeysContract);

const STORAGE_KEYS: Record<PasskeyStorage, string> = {
  synced: 'passkeys.storageSynced',
  device: 'passkeys.storageDevice',
  'security-key': 'passkeys.storageSecurityKey',
};

/** The row whose name is being edited, what is typed, and why the last save failed. */
interface Renaming {
  id: string;
  value: string;
  /** Just added: the form invites a name instead of offering a rename. */
  fresh: boolean;
  fieldError?: Message;
  formError?: Message;
}

/**
 * @summary The user's passkeys, a section of the Security tab: the name they gave each,
 * when it was created and last used, where it lives when the server knows (synced to a
 * password manager, one device only, a security key), and the one used for this
 * session. Add a passkey (the browser's prompt, then a name: the server suggests
 * one from the authenticator or the browser), rename one, remove one.
 *
 * Adding fails clearly and saves nothing when the prompt is cancelled, not allowed or
 * times out, when the authenticator already holds a passkey of the account, and in a
 * browser without WebAuthn or on a page that is not secure (https). Removing asks to
 * confirm; when the server requires re-authentication, "Confirm it's you" opens first.
 * Removing the last way to sign in is refused with the server's reason.
 *
 * @event dn-passkey-added - A passkey was added. `detail.passkey`: as the server stored it (with its default name).
 * @event dn-passkey-renamed - A passkey was renamed. `detail.passkey`: with its new name; `detail.previousName`.
 * @event dn-passkey-removed - A passkey was removed. `detail.passkey`: as it was.
 * @event dn-unauthorized - The backend answered 401: send the user to sign in.
 *
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart intro - The sentence under the heading.
 * @csspart add - The "Add a passkey" button.
 * @csspart unsupported - Shown instead of the Add button when this browser or page cannot create passkeys.
 * @csspart add-error - Why adding failed (nothing was saved).
 * @csspart list - The list of passkeys.
 * @csspart passkey - One passkey.
 * @csspart icon - The passkey icon (decorative).
 * @csspart name - The passkey's name.
 * @csspart badge - The "Used for this session" badge.
 * @csspart storage - Where the passkey lives, when the server knows.
 * @csspart created - When it was created.
 * @csspart time - The relative "last used" time; focus or hover shows the exact time.
 * @csspart time-tip - The exact date and time shown on hover and focus.
 * @csspart rename - The Rename button of a passkey.
 * @csspart remove - The Remove button of a passkey.
 * @csspart rename-form - The form that names or renames a passkey.
 * @csspart empty - The sentence that explains passkeys when there are none.
 * @csspart action-error - Why removing failed (the server's reason for the last way to sign in).
 * @csspart status - The polite live region.
 * @csspart loading - The loading placeholder.
 * @csspart error - The load error with its retry button.
 *
 * @tagname dn-passkeys
 */
export class DnPasskeys extends DnElement {
  static override styles = [
    ...baseStyles,
    buttonStyles,
    alertStyles,
    badgeStyles,
    skeletonStyles,
    layoutStyles,
    fieldStyles,
    visuallyHiddenStyles,
    deviceListStyles,
    relativeTimeStyles,
    passkeysStyles,
  ];

  /** Keeps relative times ("5 minutes ago") current while the element is on the page. */
  protected readonly refresh = new RefreshController(this);

  @query('dn-confirm-dialog') private confirmDialog!: DnConfirmDialog;
  /** "Confirm it's you" around sensitive requests. */
  private readonly reauth = new ReauthController(this, confirmIdentity);
  /** Removal: confirmed first, one at a time. */
  private readonly action = new ConfirmedActionController(this, { reauth: this.reauth, say: (message) => this.say(message) });

  /** True from the click on Add until the passkey is stored or the attempt failed. */
  @state() private adding = false;
  @state() private addError?: Message;
  @state() private renaming?: Renaming;
  @state() private savingName = false;

  private readonly ids = { name: uniqueId('dn-passkey-name'), nameError: uniqueId('dn-passkey-name-error') };

  /** The passkeys, shared with every reader on the page. */
  private readonly list = new ResourceController(this, {
    resource: () => resources.passkeys,
    failed: (error) => this.handleFailure(error),
  });

  private get passkeys(): Passkey[] | undefined {
    return this.list.value?.items;
  }

  /** Writes through the store: every reader of the list shows the change. */
  private set passkeys(items: Passkey[]) {
    this.list.set({ ...this.list.value, items });
  }

  override render() {
    const passkeys = this.passkeys;
    return html`<section part="base" class="stack" aria-labelledby="title">
      <div class="header">
        ${heading(this.headingLevel, this.t('passkeys.title'), { id: 'title', part: 'title', focusable: true })}
        ${passkeys ? this.renderAdd() : nothing}
      </div>
      ${passkeys ? this.renderPasskeys(passkeys) : this.renderLoadState(this.list)}
      ${this.addError ? html`<div part="add-error" class="alert danger" role="alert"><p>${this.say(this.addError)}</p></div>` : nothing}
      ${this.action.renderError()}
      ${this.renderStatus()}
      <dn-confirm-dialog></dn-confirm-dialog>
    </section>`;
  }

  private renderAdd(): TemplateResult {
    const support = passkeySupport();
    if (support !== 'ok') {
      return html`<p part="unsupported" class="muted unsupported">${this.t(ceremonyMessageKey(support))}</p>`;
    }
    return renderBusyButton({
      part: 'add',
      variant: 'primary',
      label: this.t('passkeys.add'),
      busyLabel: this.t('passkeys.adding'),
      busy: this.adding,
      disabled: this.adding || Boolean(this.action.busy) || this.savingName,
      onClick: () => void this.handleAdd(),
    });
  }

  private renderPasskeys(passkeys: Passkey[]): TemplateResult {
    if (passkeys.length === 0) return html`<p part="empty" class="empty">${this.t('passkeys.empty')}</p>`;
    // The role is not redundant: Safari drops list semantics from restyled lists.
    // eslint-disable-next-line lit-a11y/no-redundant-role
    const list = html`<ul part="list" class="list plain" role="list" aria-label=${this.t('passkeys.listLabel')}>
      ${passkeys.map((passkey) => this.renderPasskey(passkey))}
    </ul>`;
    return html`<p part="intro" class="muted">${this.t('passkeys.intro')}</p>
      ${list}`;
  }

  private renderPasskey(passkey: Passkey): TemplateResult {
    const settings = this.userSettings;
    const name = { name: passkey.name };
    const blocked = Boolean(this.action.busy) || this.adding || this.savingName;
    const editing = this.renaming?.id === passkey.id ? this.renaming : undefined;
    return html`<li part="passkey" class="row passkey" data-id=${passkey.id}>
      <span part="icon" class="icon" aria-hidden="true">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" focusable="false">
          <circle cx="8" cy="9" r="4" /><path d="M11 12l9 9M17 18l2-2M15 16l2-2" />
        </svg>
      </span>
      <div class="details">
        <p class="name">
          <span part="name" dir="auto">${passkey.name}</span>
          ${passkey.current ? html`<span part="badge" class="badge info">${this.t('passkeys.current')}</span>` : nothing}
        </p>
        ${passkey.storage ? html`<p part="storage" class="meta">${this.t(STORAGE_KEYS[passkey.storage] ?? 'passkeys.storageUnknown')}</p>` : nothing}
        <p class="meta">
          <time part="created" datetime=${passkey.createdAt}>${this.t('passkeys.created', { date: formatDate(passkey.createdAt, settings) })}</time>
        </p>
        <p class="meta">
          ${passkey.lastUsedAt
            ? renderRelativeTime(passkey.lastUsedAt, settings, (when) => this.t('passkeys.lastUsed', { when }))
            : this.t('passkeys.neverUsed')}
        </p>
        ${editing ? this.renderRenameForm(passkey, editing) : nothing}
      </div>
      ${editing
        ? nothing
        : html`<div class="row-actions">
            ${renderBusyButton({
              part: 'rename',
              variant: 'secondary',
              data: { id: passkey.id },
              label: this.t('passkeys.rename'),
              ariaLabel: { idle: this.t('passkeys.renamePasskey', name), busy: this.t('passkeys.renamePasskey', name) },
              busy: false,
              disabled: blocked || Boolean(this.renaming),
              onClick: () => this.startRename(passkey, false),
            })}
            ${renderBusyButton({
              part: 'remove',
              variant: 'secondary',
              data: { id: passkey.id },
              label: this.t('passkeys.remove'),
              busyLabel: this.t('passkeys.removing'),
              ariaLabel: { idle: this.t('passkeys.removePasskey', name), busy: this.t('passkeys.removingPasskey', name) },
              busy: this.action.busy === passkey.id,
              disabled: blocked,
              onClick: () => void this.handleRemove(passkey),
            })}
          </div>`}
    </li>`;
  }

  private renderRenameForm(passkey: Passkey, editing: Renaming): TemplateResult {
    return html`<form part="rename-form" class="form rename" novalidate @submit=${(event: SubmitEvent) => void this.handleRename(event, passkey)}>
      ${editing.fresh ? html`<p class="hint">${this.t('passkeys.nameHint')}</p>` : nothing}
      <div class="field">
        <label for=${this.ids.name}>${this.t('passkeys.nameLabel')}</label>
        <input
          id=${this.ids.name}
          class="input"
          type="text"
          dir="auto"
          autocomplete="off"
          maxlength=${PASSKEY_NAME_MAX * 2}
          .value=${editing.value}
          aria-invalid=${editing.fieldError ? 'true' : 'false'}
          aria-describedby=${this.ids.nameError}
          @input=${(event: InputEvent) => this.handleNameInput((event.target as HTMLInputElement).value)}
          @keydown=${(event: KeyboardEvent) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              this.stopRename();
            }
          }}
        />
        <p id=${this.ids.nameError} class="error" ?hidden=${!editing.fieldError}>${this.say(editing.fieldError)}</p>
      </div>
      ${editing.formError ? html`<div class="alert danger" role="alert"><p>${this.say(editing.formError)}</p></div>` : nothing}
      <div class="actions">
        <button class="button secondary" type="button" @click=${() => this.stopRename()}>
          ${editing.fresh ? this.t('passkeys.keepName') : this.t('common.cancel')}
        </button>
        ${renderBusyButton({ variant: 'primary', type: 'submit', label: this.t('common.save'), busyLabel: this.t('common.saving'), busy: this.savingName })}
      </div>
    </form>`;
  }

  // ——— Add ———

  private async handleAdd(): Promise<void> {
    if (this.adding || this.action.busy || this.savingName) return;
    this.adding = true;
    this.addError = undefined;
    this.action.error = undefined;
    this.announce(undefined);
    /** The server is judging the credential: a refusal now is of this passkey. */
    let verifying = false;
    try {
      const options = await this.reauth.run(() => this.accountApi.startPasskeyRegistration({ signal: this.signal }));
      const credential = await createPasskey(options, this.signal);
      verifying = true;
      const passkey = await this.accountApi.finishPasskeyRegistration({ credential }, { signal: this.signal });
      this.passkeys = [...(this.passkeys ?? []).filter((p) => p.id !== passkey.id), passkey];
      this.announce({ key: 'passkeys.added', options: { name: passkey.name } });
      emit(this, 'dn-passkey-added', { passkey });
      this.startRename(passkey, true);
    } catch (error) {
      if (error instanceof CeremonyError) {
        if (error.reason !== 'aborted') this.addError = [{ key: 'passkeys.notAdded' }, { key: ceremonyMessageKey(error.reason) }];
        return;
      }
      const apiError = this.handleFailure(error);
      if (apiError.kind === 'aborted') return;
      this.addError =
        verifying && (apiError.kind === 'validation' || apiError.kind === 'conflict' || apiError.kind === 'gone')
          ? [{ key: 'passkeys.notAccepted' }, ...(apiError.problem?.detail ? [{ text: apiError.problem.detail }] : [])]
          : [{ key: 'passkeys.notAdded' }, this.describeError(apiError)];
    } finally {
      this.adding = false;
    }
  }

  // ——— Rename ———

  private startRename(passkey: Passkey, fresh: boolean): void {
    this.renaming = { id: passkey.id, value: passkey.name, fresh };
    void this.updateComplete.then(() => {
      const input = this.renderRoot.querySelector<HTMLInputElement>(`#${this.ids.name}`);
      input?.focus();
      input?.select();
    });
  }

  private stopRename(): void {
    const id = this.renaming?.id;
    this.renaming = undefined;
    if (id) this.focusSoon(`[part="rename"][data-id="${CSS.escape(id)}"]`);
  }

  private handleNameInput(value: string): void {
    if (!this.renaming) return;
    this.renaming = { ...this.renaming, value, fieldError: undefined };
  }

  private nameProblem(name: string): Message | undefined {
    if (!name) return { key: 'passkeys.nameRequired' };
    if ([...name].length > PASSKEY_NAME_MAX) return { key: 'passkeys.nameTooLong', options: { max: PASSKEY_NAME_MAX } };
    if (!PLAIN_LINE_PATTERN.test(name)) return { key: 'passkeys.nameInvalid' };
    return undefined;
  }

  private async handleRename(event: SubmitEvent, passkey: Passkey): Promise<void> {
    event.preventDefault();
    const editing = this.renaming;
    if (!editing || this.savingName) return;
    const name = editing.value.trim();
    const problem = this.nameProblem(name);
    if (problem) {
      this.renaming = { ...editing, fieldError: problem };
      this.renderRoot.querySelector<HTMLInputElement>(`#${this.ids.name}`)?.focus();
      return;
    }
    if (name === passkey.name) {
      this.stopRename();
      return;
    }
    this.savingName = true;
    this.renaming = { ...editing, formError: undefined };
    try {
      const renamed = await this.accountApi.renamePasskey(passkey.id, { name }, { signal: this.signal });
      this.passkeys = (this.passkeys ?? []).map((p) => (p.id === renamed.id ? renamed : p));
      this.stopRename();
      this.announce({ key: 'passkeys.renamed', options: { name: renamed.name } });
      emit(this, 'dn-passkey-renamed', { passkey: renamed, previousName: passkey.name });
    } catch (error) {
      const apiError = this.handleFailure(error);
      if (apiError.kind === 'aborted' || !this.renaming) return;
      if (apiError.kind === 'not-found') {
        this.renaming = undefined;
        this.removeFromList(passkey);
        this.announce({ key: 'passkeys.alreadyRemoved', options: { name: passkey.name } });
        return;
      }
      const fieldMessage = apiError.fieldErrors['name'];
      this.renaming = fieldMessage
        ? { ...this.renaming, fieldError: { text: fieldMessage } }
        : { ...this.renaming, formError: [{ key: 'errors.notSaved' }, this.describeError(apiError)] };
    } finally {
      this.savingName = false;
    }
  }

  // ——— Remove ———

  private async handleRemove(passkey: Passkey): Promise<void> {
    const name = { name: passkey.name };
    this.addError = undefined;
    const list = await this.action.run({
      dialog: this.confirmDialog,
      confirm: {
        title: this.t('passkeys.removeTitle', name),
        message: this.t('passkeys.removeMessage', name),
        confirmLabel: this.t('passkeys.remove'),
        danger: true,
      },
      busy: passkey.id,
      send: () => this.accountApi.deletePasskey(passkey.id, { signal: this.signal }),
      failed: (error) => {
        if (error.kind === 'not-found') {
          this.removeFromList(passkey);
          this.announce({ key: 'passkeys.alreadyRemoved', options: name });
          return true;
        }
        if (error.code === 'last-sign-in-method') {
          this.action.error = [{ key: 'passkeys.lastMethod', options: name }, ...(error.problem?.detail ? [{ text: error.problem.detail }] : [])];
          return true;
        }
        return false;
      },
    });
    if (!list) return;
    this.removeFromList(passkey, list.items);
    this.announce({ key: 'passkeys.removed', options: name });
    emit(this, 'dn-passkey-removed', { passkey });
  }

  /** Takes `passkey` off the list (or shows `items`, the server's list) and moves focus to the next Remove button (or the heading). */
  private removeFromList(passkey: Passkey, items?: Passkey[]): void {
    const before = this.passkeys ?? [];
    const index = before.findIndex((p) => p.id === passkey.id);
    const rest = items ?? before.filter((p) => p.id !== passkey.id);
    const next = rest[Math.min(Math.max(index, 0), rest.length - 1)];
    this.passkeys = rest;
    this.focusSoon(next ? `[part="remove"][data-id="${CSS.escape(next.id)}"]` : '.title');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dn-passkeys': DnPasskeys;
  }
}
