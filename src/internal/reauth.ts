import type { AccountApi } from '../api/account-api.js';

/** What `<dn-reauth-dialog>` offers; implemented by the element, kept here so callers need not import it. */
export interface ReauthDialogLike extends HTMLElement {
  confirm(options: ConfirmIdentityOptions): Promise<boolean>;
}

export interface ConfirmIdentityOptions {
  /** Methods the server accepts, first one preselected. */
  methods: readonly ('password' | 'totp')[];
  api: AccountApi;
  /**
   * The caller's lifetime: when it aborts (the element left the page), its wait ends with
   * `false`, and the dialog goes (closing, its check in flight aborted) unless another
   * caller still waits on it.
   */
  signal?: AbortSignal;
}

/** How many callers wait on each dialog (concurrent calls share one). */
const waiting = new WeakMap<ReauthDialogLike, number>();

const TAG = 'dn-reauth-dialog';

/**
 * Opens the one shared "Confirm it's you" dialog and resolves `true` once the
 * server accepted the password or code, `false` when the user closed it.
 *
 * The dialog lives in the light DOM of the nearest `<dn-account-provider>` (so it
 * inherits its theme, locale and API) or else of `<body>`, never inside a shadow
 * root: password managers can fill its password field.
 */
export async function confirmIdentity(from: Element, options: ConfirmIdentityOptions): Promise<boolean> {
  if (!customElements.get(TAG)) await import('../components/reauth-dialog/reauth-dialog.js');
  const { signal } = options;
  if (signal?.aborted) return false;
  const container = providerOf(from) ?? document.body;
  let dialog = container.querySelector<ReauthDialogLike>(`:scope > ${TAG}`);
  if (!dialog) {
    dialog = document.createElement(TAG) as ReauthDialogLike;
    container.append(dialog);
  }
  const shared = dialog;
  const answer = shared.confirm(options);
  waiting.set(shared, (waiting.get(shared) ?? 0) + 1);
  return new Promise<boolean>((resolve) => {
    let settled = false;
    const done = (confirmed: boolean): number => {
      if (settled) return -1;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      const left = Math.max(0, (waiting.get(shared) ?? 1) - 1);
      waiting.set(shared, left);
      resolve(confirmed);
      return left;
    };
    const onAbort = () => {
      if (done(false) === 0) shared.remove();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    void answer.then(done);
  });
}

/** The nearest `<dn-account-provider>` above `element`, crossing shadow roots. */
function providerOf(element: Element): Element | null {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const provider = node.closest('dn-account-provider');
      if (provider) return provider;
    }
    const root: Node = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}
