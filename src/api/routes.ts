/**
 * Where each REST call goes: its method and path, nothing else. The HTTP client needs only
 * this to send a request; what the request and its answer must look like is the contract
 * (`contract/*.ts`, all of it in `endpoints.ts`). Paths are relative to the API base
 * (`api-base`, e.g. `/api/account`); `:name` segments are URL parameters.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `METHOD /path`, one string per call: the table ships to every page. */
type Route = `${HttpMethod} /${string}`;

export const routes = {
  getProfile: 'GET /profile',
  updateProfile: 'PATCH /profile',
  uploadAvatar: 'PUT /profile/avatar',
  removeAvatar: 'DELETE /profile/avatar',

  getEmailChange: 'GET /email-change',
  requestEmailChange: 'POST /email-change',
  resendEmailChange: 'POST /email-change/resend',
  cancelEmailChange: 'DELETE /email-change',
  verifyEmailChange: 'POST /email-change/verify',

  reauthenticate: 'POST /reauth',
  startPasskeyReauth: 'POST /reauth/passkey/options',
  reauthenticateWithPasskey: 'POST /reauth/passkey',

  getPasswordPolicy: 'GET /password/policy',
  changePassword: 'POST /password',
  requestPasswordReset: 'POST /password-reset',
  completePasswordReset: 'POST /password-reset/complete',

  getTwoFactorStatus: 'GET /two-factor',
  startTwoFactorSetup: 'POST /two-factor/setup',
  verifyTwoFactorSetup: 'POST /two-factor/setup/verify',
  disableTwoFactor: 'POST /two-factor/disable',
  regenerateBackupCodes: 'POST /two-factor/backup-codes',
  verifyTwoFactorChallenge: 'POST /two-factor/challenge',

  listSessions: 'GET /sessions',
  revokeSession: 'DELETE /sessions/:id',
  revokeOtherSessions: 'POST /sessions/revoke-others',
  listLoginActivity: 'GET /login-activity',
  listTrustedDevices: 'GET /trusted-devices',
  revokeTrustedDevice: 'DELETE /trusted-devices/:id',
  revokeAllTrustedDevices: 'DELETE /trusted-devices',

  listPasskeys: 'GET /passkeys',
  startPasskeyRegistration: 'POST /passkeys/registration-options',
  finishPasskeyRegistration: 'POST /passkeys',
  renamePasskey: 'PATCH /passkeys/:id',
  deletePasskey: 'DELETE /passkeys/:id',

  getNotificationPreferences: 'GET /notifications',
  updateNotificationPreferences: 'PATCH /notifications',
  resetNotificationPreferences: 'POST /notifications/reset',

  getPrivacySettings: 'GET /privacy',
  updatePrivacySettings: 'PATCH /privacy',
  getDataExport: 'GET /data-export',
  requestDataExport: 'POST /data-export',
  getAccountDeletion: 'GET /deletion',
  deleteAccount: 'POST /deletion',

  listConnectedAccounts: 'GET /connected-accounts',
  connectAccount: 'POST /connected-accounts/:provider/connect',
  disconnectAccount: 'DELETE /connected-accounts/:provider',

  getPreferences: 'GET /preferences',
  updatePreferences: 'PATCH /preferences',

  getBillingSummary: 'GET /billing',
} as const satisfies Record<string, Route>;

export type EndpointName = keyof typeof routes;

/** The method and path of `name`. */
export function routeOf(name: EndpointName): { method: HttpMethod; path: string } {
  const [method, path] = routes[name].split(' ') as [HttpMethod, string];
  return { method, path };
}

/** Fills `:name` segments, encoding each value. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing URL parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}
