/**
 * Defines `<dn-connected-accounts>`: `import '@dialnexa/account-elements/connected-accounts';`. The class is in
 * connected-accounts.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it and defines the element and the elements it renders.
 */
import { DnConnectedAccounts } from './connected-accounts.component.js';
import '../../internal/define-confirm-dialog.js';
import { defineElement } from '../../internal/define.js';

export * from './connected-accounts.component.js';

defineElement('dn-connected-accounts', DnConnectedAccounts);
