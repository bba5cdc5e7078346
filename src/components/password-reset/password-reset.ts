/**
 * Defines `<dn-password-reset>`: `import '@dialnexa/account-elements/password-reset';`. The class is in
 * password-reset.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it and defines the element.
 */
import { DnPasswordReset } from './password-reset.component.js';
import { defineElement } from '../../internal/define.js';

export * from './password-reset.component.js';

defineElement('dn-password-reset', DnPasswordReset);
