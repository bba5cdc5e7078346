/**
 * Defines `<dn-password-change>`: `import '@dialnexa/account-elements/password-change';`. The class is in
 * password-change.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it and defines the element.
 */
import { DnPasswordChange } from './password-change.component.js';
import { defineElement } from '../../internal/define.js';

export * from './password-change.component.js';

defineElement('dn-password-change', DnPasswordChange);
