/**
 * DialNexa Account Elements. Importing this module defines the elements; import
 * `@dialnexa/account-elements/<element>` instead to load only the ones you use.
 */
export * from './api/schemas.js';
export type { AccountApi, RequestOptions, UploadOptions } from './api/account-api.js';
export { ApiError, isApiError, toApiError, type ApiErrorKind } from './api/errors.js';
export { RestAccountApi, type RestAccountApiOptions } from './api/rest-client.js';
export { endpoints, type Endpoint, type EndpointName } from './api/endpoints.js';
export {
  apiContext,
  settingsContext,
  settingsControlContext,
  defaultSettings,
  directionOf,
  DEFAULT_API_BASE,
  type AccountSettings,
  type DisplayPreferences,
  type SettingsControl,
} from './api/context.js';
export { i18n, addTranslations, registerLocale, availableLocales, type Messages } from './i18n/i18n.js';
export { pseudoLocalize, registerPseudoLocale } from './i18n/pseudo.js';
export type { DnEventMap } from './events.js';
export { DnAccountProvider } from './components/account-provider/account-provider.js';
export { DnProfileForm } from './components/profile-form/profile-form.js';
export { DnEmailChange } from './components/email-change/email-change.js';
export { Dn2faSetup } from './components/2fa-setup/2fa-setup.js';
export { DnPasswordChange } from './components/password-change/password-change.js';
export { DnPasswordReset } from './components/password-reset/password-reset.js';
export { DnTrustedDevices } from './components/trusted-devices/trusted-devices.js';
export { DnSessionList } from './components/session-list/session-list.js';
export { DnLoginActivity } from './components/login-activity/login-activity.js';
export { DnNotificationMatrix } from './components/notification-matrix/notification-matrix.js';
export { DnPrivacySettings } from './components/privacy-settings/privacy-settings.js';
export { DnDeleteAccount } from './components/delete-account/delete-account.js';
export { DnConnectedAccounts } from './components/connected-accounts/connected-accounts.js';
export { DnPreferences } from './components/preferences/preferences.js';
export { DnBillingSummary } from './components/billing-summary/billing-summary.js';
export {
  DnAccountSettings,
  SETTINGS_TABS,
  SETTINGS_SECTIONS,
  type SettingsTab,
  type SettingsSection,
} from './components/account-settings/account-settings.js';
// The re-auth dialog loads when an element first needs it; only its type is exported here.
export type { DnReauthDialog } from './components/reauth-dialog/reauth-dialog.js';
