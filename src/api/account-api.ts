import type * as s from './schemas.js';

/** Options every call takes. */
export interface RequestOptions {
  /** Aborts the request; elements pass their own so leaving the page cancels it. */
  signal?: AbortSignal;
}

export interface UploadOptions extends RequestOptions {
  /** Called with the fraction sent, 0 to 1. */
  onProgress?: (fraction: number) => void;
}

/**
 * What every element needs from a backend. The default implementation,
 * `RestAccountApi`, speaks the REST contract (`openapi.json`); a host may pass any
 * object with these methods instead (GraphQL, an SDK, a test double).
 *
 * Implementations reject with `ApiError` so elements can tell a 401 from a 422.
 */
export interface AccountApi {
  getProfile(options?: RequestOptions): Promise<s.Profile>;
  updateProfile(update: s.ProfileUpdate, options?: RequestOptions): Promise<s.Profile>;
  uploadAvatar(file: Blob, options?: UploadOptions): Promise<s.Profile>;
  removeAvatar(options?: RequestOptions): Promise<s.Profile>;

  getEmailChange(options?: RequestOptions): Promise<s.EmailChangeState>;
  requestEmailChange(request: s.EmailChangeRequest, options?: RequestOptions): Promise<s.EmailChangeState>;
  resendEmailChange(options?: RequestOptions): Promise<s.EmailChangeState>;
  cancelEmailChange(options?: RequestOptions): Promise<s.EmailChangeState>;
  verifyEmailChange(request: s.TokenRequest, options?: RequestOptions): Promise<s.Profile>;

  reauthenticate(request: s.ReauthRequest, options?: RequestOptions): Promise<s.ReauthResult>;
  startPasskeyReauth(options?: RequestOptions): Promise<s.PasskeyAuthenticationOptions>;
  reauthenticateWithPasskey(request: s.PasskeyReauthRequest, options?: RequestOptions): Promise<s.ReauthResult>;

  getPasswordPolicy(options?: RequestOptions): Promise<s.PasswordPolicy>;
  changePassword(request: s.PasswordChangeRequest, options?: RequestOptions): Promise<s.PasswordChangeResult>;
  requestPasswordReset(request: s.PasswordResetRequest, options?: RequestOptions): Promise<s.PasswordResetRequested>;
  completePasswordReset(request: s.PasswordResetComplete, options?: RequestOptions): Promise<s.Completed>;

  getTwoFactorStatus(options?: RequestOptions): Promise<s.TwoFactorStatus>;
  startTwoFactorSetup(options?: RequestOptions): Promise<s.TwoFactorSetup>;
  verifyTwoFactorSetup(request: s.TwoFactorVerifyRequest, options?: RequestOptions): Promise<s.TwoFactorEnabled>;
  disableTwoFactor(request: s.ReauthRequest, options?: RequestOptions): Promise<s.TwoFactorStatus>;
  regenerateBackupCodes(request: s.ReauthRequest, options?: RequestOptions): Promise<s.BackupCodes>;
  verifyTwoFactorChallenge(
    request: s.TwoFactorChallengeRequest,
    options?: RequestOptions,
  ): Promise<s.TwoFactorChallengeResult>;

  listSessions(options?: RequestOptions): Promise<s.SessionList>;
  revokeSession(id: string, options?: RequestOptions): Promise<s.Revoked>;
  revokeOtherSessions(options?: RequestOptions): Promise<s.Revoked>;
  listLoginActivity(query: s.LoginActivityQuery, options?: RequestOptions): Promise<s.LoginActivityPage>;
  listTrustedDevices(options?: RequestOptions): Promise<s.TrustedDeviceList>;
  revokeTrustedDevice(id: string, options?: RequestOptions): Promise<s.Revoked>;
  revokeAllTrustedDevices(options?: RequestOptions): Promise<s.Revoked>;

  listPasskeys(options?: RequestOptions): Promise<s.PasskeyList>;
  startPasskeyRegistration(options?: RequestOptions): Promise<s.PasskeyRegistrationOptions>;
  finishPasskeyRegistration(request: s.PasskeyRegistration, options?: RequestOptions): Promise<s.Passkey>;
  renamePasskey(id: string, request: s.PasskeyRename, options?: RequestOptions): Promise<s.Passkey>;
  deletePasskey(id: string, options?: RequestOptions): Promise<s.PasskeyList>;

  getNotificationPreferences(options?: RequestOptions): Promise<s.NotificationPreferences>;
  updateNotificationPreferences(
    update: s.NotificationUpdate,
    options?: RequestOptions,
  ): Promise<s.NotificationPreferences>;
  resetNotificationPreferences(options?: RequestOptions): Promise<s.NotificationPreferences>;

  getPrivacySettings(options?: RequestOptions): Promise<s.PrivacySettings>;
  updatePrivacySettings(update: s.PrivacyUpdate, options?: RequestOptions): Promise<s.PrivacySettings>;
  getDataExport(options?: RequestOptions): Promise<s.DataExportState>;
  requestDataExport(options?: RequestOptions): Promise<s.DataExportState>;
  getAccountDeletion(options?: RequestOptions): Promise<s.AccountDeletionInfo>;
  deleteAccount(request: s.AccountDeletionRequest, options?: RequestOptions): Promise<s.Completed>;

  listConnectedAccounts(options?: RequestOptions): Promise<s.ConnectedAccountList>;
  connectAccount(provider: string, request: s.ConnectRequest, options?: RequestOptions): Promise<s.ConnectStart>;
  disconnectAccount(provider: string, options?: RequestOptions): Promise<s.ConnectedAccountList>;

  getPreferences(options?: RequestOptions): Promise<s.Preferences>;
  updatePreferences(update: s.PreferencesUpdate, options?: RequestOptions): Promise<s.Preferences>;

  getBillingSummary(options?: RequestOptions): Promise<s.BillingSummary>;
}
