/**
 * The shipped "Confirm it's you": what an element falls back to when no `<dn-account-provider>`
 * above it has a `reauth` handler. Small and eager; the dialog itself (./reauth-dialog.js) loads
 * the first time it is needed, as its own chunk.
 */
import type { ReauthChallenge } from '../../api/context.js';
import type { DnReauthDialog } from './reauth-dialog.component.js';

/** How many callers wait on each dialog (concurrent calls share one). */
const waiting = new WeakMap<DnReauthDialog, number>();

const TAG = 'dn-reauth-dialog';

/**
 * Opens the one shared "Confirm it's you" dialog and resolves `true` once the
 * server accepted the password or code, `false` when the user closed it.
 *
 * The dialog lives in the light DOM of the nearest `<dn-account-provider>` (so it
 * inherits its theme, locale and API) or else of `<body>`, never inside a shadow
 * root: password managers can fill its password field.
 */
export async function confirmIdentity(from: Element, options: ReauthChallenge): Promise<boolean> {
  if (!customElements.get(TAG)) await import('./reauth-dialog.js');
  const { signal } = options;
  if (signal.aborted) return false;
  const container = providerOf(from) ?? document.body;
  let dialog = container.querySelector<DnReauthDialog>(`:scope > ${TAG}`);
  if (!dialog) {
    dialog = document.createElement(TAG) as DnReauthDialog;
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
      signal.removeEventListener('abort', onAbort);
      const left = Math.max(0, (waiting.get(shared) ?? 1) - 1);
      waiting.set(shared, left);
      resolve(confirmed);
      return left;
    };
    // The caller left the page: its wait ends, and the dialog goes unless another caller still waits.
    const onAbort = () => {
      if (done(false) === 0) shared.remove();
    };
    signal.addEventListener('abort', onAbort, { once: true });
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
