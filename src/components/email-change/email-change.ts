/**
 * Defines `<dn-email-change>`: `import '@dialnexa/account-elements/email-change';`. The class is in
 * email-change.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it and defines the element.
 */
import { DnEmailChange } from './email-change.component.js';
import { defineElement } from '../../internal/define.js';

export * from './email-change.component.js';

defineElement('dn-email-change', DnEmailChange);
