import { css, html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import { DnElement } from './dn-element.js';
import { baseStyles } from './styles/host.styles.js';
import { buttonStyles } from './styles/buttons.styles.js';
import { dialogStyles } from './styles/dialogs.styles.js';
import { deepActiveElement } from './focus.js';

/** What `confirm()` asks; every string is already translated by the caller. */
export interface ConfirmOptions {
  title: string;
  message: string;
  /** The label of the confirming button, e.g. "Revoke". */
  confirmLabel: string;
  /** Styles the confirming button as destructive. */
  danger?: boolean;
}

const styles = css`
  p {
    color: var(--dn-color-text-muted);
    overflow-wrap: anywhere;
  }
`;

/**
 * @summary Internal: the confirmation for destructive actions ("Revoke this
 * device?"), rendered inside the shadow root of the element that asks. A native
 * modal `<dialog>`: focus stays inside, the page behind is inert, Escape cancels.
 * Cancel — the least destructive choice — has focus first; focus returns to
 * where it was when the dialog closes.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart title - The question.
 * @csspart message - What happens if the user confirms.
 * @csspart confirm-button - The button that confirms.
 * @csspart cancel-button - The button that cancels.
 *
 * @tagname dn-confirm-dialog
 */
export class DnConfirmDialog extends DnElement {
  static override styles = [...baseStyles, buttonStyles, dialogStyles, styles];

  @state() private options?: ConfirmOptions;

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('[part="cancel-button"]') private cancelButton!: HTMLButtonElement;

  private resolve?: (confirmed: boolean) => void;
  private returnFocus: HTMLElement | null = null;

  /** Whether the dialog is showing. */
  get isOpen(): boolean {
    return this.resolve !== undefined;
  }

  /**
   * Opens the dialog; resolves `true` when the user confirms, `false` on Cancel
   * or Escape. A second call while one is open cancels the first.
   */
  async confirm(options: ConfirmOptions): Promise<boolean> {
    if (this.resolve) this.finish(false);
    this.returnFocus = deepActiveElement();
    this.options = options;
    const result = new Promise<boolean>((resolve) => {
      this.resolve = resolve;
    });
    await this.updateComplete;
    if (this.resolve && !this.dialog.open) {
      this.dialog.returnValue = '';
      this.dialog.showModal();
      this.cancelButton.focus();
    }
    return result;
  }

  override disconnectedCallback(): void {
    this.finish(false);
    super.disconnectedCallback();
  }

  override render() {
    const options = this.options;
    return html`<dialog part="dialog" aria-labelledby="title" aria-describedby="message" @close=${this.handleClose}>
      ${options
        ? html`<h2 id="title" part="title">${options.title}</h2>
            <p id="message" part="message">${options.message}</p>
            <div class="dialog-footer">
              <button part="cancel-button" class="button secondary" type="button" @click=${() => this.dialog.close('cancel')}>
                ${this.t('common.cancel')}
              </button>
              <button
                part="confirm-button"
                class="button ${options.danger ? 'danger' : 'primary'}"
                type="button"
                @click=${() => this.dialog.close('confirm')}
              >
                ${options.confirmLabel}
              </button>
            </div>`
        : nothing}
    </dialog>`;
  }

  private handleClose(): void {
    // A close queued before the dialog was opened again is not an answer.
    if (this.dialog.open) return;
    this.finish(this.dialog.returnValue === 'confirm');
  }

  private finish(confirmed: boolean): void {
    const resolve = this.resolve;
    if (!resolve) return;
    this.resolve = undefined;
    if (this.dialog?.open) this.dialog.close();
    this.returnFocus?.focus();
    this.returnFocus = null;
    resolve(confirmed);
  }
}


declare global {
  interface HTMLElementTagNameMap {
    'dn-confirm-dialog': DnConfirmDialog;
  }
}
