/**
 * Defines `<dn-passkeys>`: `import '@dialnexa/account-elements/passkeys';`. The class is in
 * passkeys.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it and defines the element and the elements it renders.
 */
import { DnPasskeys } from './passkeys.component.js';
import '../../internal/define-confirm-dialog.js';
import { defineElement } from '../../internal/define.js';

export * from './passkeys.component.js';

defineElement('dn-passkeys', DnPasskeys);
