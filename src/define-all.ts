/**
 * Defines every element: `import '@dialnexa/account-elements/define-all';`.
 *
 * Each element's defining module (`<element>.ts`, the `@dialnexa/account-elements/<element>`
 * entry) defines it when imported, so this is the same as importing every such entry (the re-auth
 * dialog still loads on demand) — except `<dn-account-settings>`, defined here with its class
 * alone: its entry would import each tab's elements on demand, and here they are all defined up
 * front, so the page's bundle keeps no split point per tab (a bundler splits the modules a
 * dynamic import shares with the rest into chunks of their own). Nothing is exported: import the
 * classes and helpers from `@dialnexa/account-elements`, which defines nothing.
 */
import { DnAccountSettings } from './components/account-settings/account-settings.component.js';
import { defineElement } from './internal/define.js';
import './components/account-provider/account-provider.js';
import './components/profile-form/profile-form.js';
import './components/email-change/email-change.js';
import './components/password-change/password-change.js';
import './components/password-reset/password-reset.js';
import './components/2fa-setup/2fa-setup.js';
import './components/2fa-challenge/2fa-challenge.js';
import './components/trusted-devices/trusted-devices.js';
import './components/passkeys/passkeys.js';
import './components/session-list/session-list.js';
import './components/login-activity/login-activity.js';
import './components/notification-matrix/notification-matrix.js';
import './components/privacy-settings/privacy-settings.js';
import './components/delete-account/delete-account.js';
import './components/connected-accounts/connected-accounts.js';
import './components/preferences/preferences.js';
import './components/billing-summary/billing-summary.js';

defineElement('dn-account-settings', DnAccountSettings);
