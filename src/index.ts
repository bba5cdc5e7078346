/**
 * DialNexa Account Elements: the element classes, their constants and types, the events, the API
 * client and the i18n helpers. Importing this module defines nothing; import
 * `@dialnexa/account-elements/<element>` (defines that element and the ones it renders) or
 * `@dialnexa/account-elements/define-all` (defines every element) to use the tags.
 *
 * No module imported here defines an element (scripts/build-package.mjs and
 * test/package/entry-points.test.ts check it): the classes come from the `.component.js` modules,
 * never from the defining ones. Their only effect on loading is registering the English strings
 * of what they show with i18next.
 */
export * from './api/schemas.js';
export type { AccountApi, RequestOptions, UploadOptions } from './api/account-api.js';
export { ApiError, isApiError, toApiError, type ApiErrorKind, type ReauthMethod } from './api/errors.js';
export { RestAccountApi, type RestAccountApiOptions } from './api/rest-client.js';
export { endpoints, type Endpoint, type EndpointName } from './api/endpoints.js';
export {
  apiContext,
  settingsContext,
  settingsControlContext,
  reauthContext,
  defaultSettings,
  directionOf,
  DEFAULT_API_BASE,
  type AccountSettings,
  type DisplayPreferences,
  type ReauthChallenge,
  type ReauthHandler,
  type SettingsControl,
} from './api/context.js';
export { i18n, addTranslations, registerLocale, availableLocales, type Messages } from './i18n/i18n.js';
export { pseudoLocalize, registerPseudoLocale } from './i18n/pseudo.js';
export type { DnEventMap } from './events.js';
export { DnAccountProvider } from './components/account-provider/account-provider.component.js';
export { DnProfileForm } from './components/profile-form/profile-form.component.js';
export { DnEmailChange } from './components/email-change/email-change.component.js';
export { Dn2faSetup } from './components/2fa-setup/2fa-setup.component.js';
export { Dn2faChallenge } from './components/2fa-challenge/2fa-challenge.component.js';
export { DnPasswordChange } from './components/password-change/password-change.component.js';
export { DnPasswordReset } from './components/password-reset/password-reset.component.js';
export { DnTrustedDevices } from './components/trusted-devices/trusted-devices.component.js';
export { DnPasskeys } from './components/passkeys/passkeys.component.js';
export { DnSessionList } from './components/session-list/session-list.component.js';
export { DnLoginActivity } from './components/login-activity/login-activity.component.js';
export { DnNotificationMatrix } from './components/notification-matrix/notification-matrix.component.js';
export { DnPrivacySettings } from './components/privacy-settings/privacy-settings.component.js';
export { DnDeleteAccount } from './components/delete-account/delete-account.component.js';
export { DnConnectedAccounts } from './components/connected-accounts/connected-accounts.component.js';
export { DnPreferences } from './components/preferences/preferences.component.js';
export { DnBillingSummary } from './components/billing-summary/billing-summary.component.js';
export {
  DnAccountSettings,
  SETTINGS_TABS,
  SETTINGS_SECTIONS,
  type SettingsTab,
  type SettingsSection,
} from './components/account-settings/account-settings.component.js';
// The re-auth dialog loads when an element first needs it; only its type is exported here.
export type { DnReauthDialog } from './components/reauth-dialog/reauth-dialog.component.js';
