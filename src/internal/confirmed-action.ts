import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { ApiError } from '../api/errors.js';
import type { ConfirmOptions, DnConfirmDialog } from './confirm-dialog.js';
import { describeError, handleFailure } from './errors.js';
import type { Message } from './message.js';
import type { ReauthController } from './reauth-controller.js';

/** One destructive action for {@link ConfirmedActionController.run}. */
export interface ConfirmedActionOptions<R> {
  /** The element's `<dn-confirm-dialog>`. */
  dialog: DnConfirmDialog;
  /** What the dialog asks. */
  confirm: ConfirmOptions;
  /** Which action is being sent (a row's id, `all`…), for its busy button. */
  busy: string;
  /** Sends the action; run through "Confirm it's you" when the server asks. */
  send: () => Promise<R>;
  /** Handles a failure itself and returns true (e.g. a 404 meaning "already gone"), or leaves it to {@link ConfirmedActionController.error}. */
  failed?: (error: ApiError) => boolean;
}

/**
 * Destructive actions the user confirms first ("Revoke this device?"), one at a time: which
 * one is being sent (`busy`), why the last one failed (`error`, rendered by `renderError()`).
 * It needs no lifecycle hooks: it only asks its host to render when its state changes.
 */
export class ConfirmedActionController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly reauth: ReauthController;
  private readonly say: (message: Message) => string;
  private busyId: string | null = null;
  private failure?: Message;
  /** True from the click until the action settled: a second one is ignored. */
  private acting = false;

  /** `say` puts a message in the host's language (its `say()`). */
  constructor(host: ReactiveControllerHost & HTMLElement, options: { reauth: ReauthController; say: (message: Message) => string }) {
    this.host = host;
    this.reauth = options.reauth;
    this.say = options.say;
  }

  /** The `busy` id of the action being sent, for busy buttons; `null` when none is. */
  get busy(): string | null {
    return this.busyId;
  }

  /** Why the last action failed; the host may also set (or clear) it for its own actions. */
  get error(): Message | undefined {
    return this.failure;
  }

  set error(message: Message | undefined) {
    if (message === this.failure) return;
    this.failure = message;
    this.host.requestUpdate();
  }

  /**
   * Ignored while another action is open; asks in `dialog`, marks `busy` while sending
   * through "Confirm it's you" (when the server asks), keeps the failure in `error` unless
   * `failed` handled it. Resolves to the answer, or `undefined` when cancelled or failed.
   */
  async run<R>(options: ConfirmedActionOptions<R>): Promise<R | undefined> {
    if (this.acting || this.busyId) return undefined;
    this.acting = true;
    try {
      if (!(await options.dialog.confirm(options.confirm))) return undefined;
      this.setBusy(options.busy);
      this.error = undefined;
      try {
        return await this.reauth.run(options.send);
      } catch (error) {
        const apiError = handleFailure(this.host, error);
        if (!options.failed?.(apiError) && apiError.kind !== 'aborted') this.error = describeError(apiError);
        return undefined;
      }
    } finally {
      this.setBusy(null);
      this.acting = false;
    }
  }

  /** Why the last action failed, as an alert (`part="action-error"`); nothing when it did not. */
  renderError(): unknown {
    return this.failure
      ? html`<div part="action-error" class="alert danger" role="alert"><p>${this.say(this.failure)}</p></div>`
      : nothing;
  }

  private setBusy(id: string | null): void {
    if (id === this.busyId) return;
    this.busyId = id;
    this.host.requestUpdate();
  }
}
