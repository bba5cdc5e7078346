import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { AccountApi } from '../api/account-api.js';
import { reauthContext, type ReauthChallenge } from '../api/context.js';
import { defaultApi } from '../api/default-api.js';
import { ApiError, toApiError } from '../api/errors.js';

/** An element that sends sensitive requests: its `api` as `DnElement` has it. */
export type ReauthHost = ReactiveControllerHost & HTMLElement & { api?: AccountApi };

/**
 * The "Confirm it's you" to use when no provider supplies a `ReauthHandler`: the element that
 * asks and what the server wants. The shipped dialog's `confirmIdentity()` (in
 * src/components/reauth-dialog) is one; it is passed in so this module does not know the dialog.
 */
export type ConfirmIdentity = (from: Element, challenge: ReauthChallenge) => Promise<boolean>;

/**
 * Runs sensitive actions for its host: when the server answers that the user must
 * re-authenticate, asks them to confirm it's them (through the provider's `reauth` handler,
 * or else `fallback`, the shipped dialog) and sends the action once more.
 */
export class ReauthController implements ReactiveController {
  private readonly host: ReauthHost;
  private readonly fallback: ConfirmIdentity;
  private readonly handler: ContextConsumer<typeof reauthContext, ReauthHost>;
  private lifetime = new AbortController();

  constructor(host: ReauthHost, fallback: ConfirmIdentity) {
    this.host = host;
    this.fallback = fallback;
    this.handler = new ContextConsumer(host, { context: reauthContext, subscribe: true });
    host.addController(this);
  }

  hostConnected(): void {
    if (this.lifetime.signal.aborted) this.lifetime = new AbortController();
  }

  hostDisconnected(): void {
    // A confirmation still open for this element ends with it.
    this.lifetime.abort();
  }

  /**
   * Runs `action`; when the server asks to re-authenticate, asks the user to confirm it's them
   * and runs it once more. Rejects with kind `aborted` when they do not (closed the dialog, or
   * the host's handler answered `false`), so the element keeps what they typed and says nothing.
   */
  async run<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.kind !== 'reauth-required') throw apiError;
      const challenge: ReauthChallenge = {
        methods: apiError.methods,
        api: this.host.api ?? defaultApi(),
        signal: this.lifetime.signal,
      };
      const handler = this.handler.value;
      const confirmed = handler ? await handler.confirm(challenge) : await this.fallback(this.host, challenge);
      if (!confirmed || challenge.signal.aborted) throw new ApiError('aborted', 'Re-authentication cancelled');
      return action();
    }
  }
}
