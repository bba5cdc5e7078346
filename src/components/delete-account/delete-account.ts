/**
 * Defines `<dn-delete-account>`: `import '@dialnexa/account-elements/delete-account';`. The class is in
 * delete-account.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it and defines the element and the elements it renders.
 */
import { DnDeleteAccount } from './delete-account.component.js';
import '../../internal/define-confirm-dialog.js';
import { defineElement } from '../../internal/define.js';

export * from './delete-account.component.js';

defineElement('dn-delete-account', DnDeleteAccount);
