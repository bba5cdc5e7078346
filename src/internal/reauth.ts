import type { AccountApi } from '../api/account-api.js';

/** What `<dn-reauth-dialog>` offers; implemented by the element, kept here so callers need not import it. */
export interface ReauthDialogLike extends HTMLElement {
  confirm(options: ConfirmIdentityOptions): Promise<boolean>;
}

export interface ConfirmIdentityOptions {
  /** Methods the server accepts, first one preselected. */
  methods: readonly ('password' | 'totp')[];
  api: AccountApi;
}

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
  const container = providerOf(from) ?? document.body;
  let dialog = container.querySelector<ReauthDialogLike>(`:scope > ${TAG}`);
  if (!dialog) {
    dialog = document.createElement(TAG) as ReauthDialogLike;
    container.append(dialog);
  }
  return dialog.confirm(options);
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
