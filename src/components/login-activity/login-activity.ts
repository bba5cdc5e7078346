/**
 * Defines `<dn-login-activity>`: `import '@dialnexa/account-elements/login-activity';`. The class is in
 * login-activity.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it and defines the element.
 */
import { DnLoginActivity } from './login-activity.component.js';
import { defineElement } from '../../internal/define.js';

export * from './login-activity.component.js';

defineElement('dn-login-activity', DnLoginActivity);
