/**
 * Defines `<dn-account-settings>`: `import '@dialnexa/account-elements/account-settings';`. The class is in
 * account-settings.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it, has it import each tab's elements when the tab first opens, and
 * defines the element.
 */
import { DnAccountSettings } from './account-settings.component.js';
import { defineElement } from '../../internal/define.js';

export * from './account-settings.component.js';

// Each tab's elements load the first time it opens (define-all defines them all instead).
DnAccountSettings.loaders = {
  profile: () => import('../profile-form/profile-form.js'),
  password: () => import('../password-change/password-change.js'),
  'two-factor': () => import('../2fa-setup/2fa-setup.js'),
  passkeys: () => import('../passkeys/passkeys.js'),
  sessions: () => import('../session-list/session-list.js'),
  'login-activity': () => import('../login-activity/login-activity.js'),
  'trusted-devices': () => import('../trusted-devices/trusted-devices.js'),
  notifications: () => import('../notification-matrix/notification-matrix.js'),
  privacy: () => import('../privacy-settings/privacy-settings.js'),
  'delete-account': () => import('../delete-account/delete-account.js'),
  'connected-accounts': () => import('../connected-accounts/connected-accounts.js'),
  preferences: () => import('../preferences/preferences.js'),
  billing: () => import('../billing-summary/billing-summary.js'),
};

defineElement('dn-account-settings', DnAccountSettings);
