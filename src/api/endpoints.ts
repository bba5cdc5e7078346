/**
 * The REST routes, once. The HTTP client, the mock backend and the OpenAPI generator
 * all read this table, so a path or a schema can never differ between them.
 * Paths are relative to the API base (`api-base`, e.g. `/api/account`).
 */
import type * as z from 'zod/mini';
import * as s from './schemas.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint {
  method: HttpMethod;
  /** Path relative to the base; `:name` segments are URL parameters. */
  path: string;
  summary: string;
  /** JSON request body. */
  body?: z.ZodMiniType;
  /** Query string parameters. */
  query?: z.ZodMiniType;
  /** Binary request body of one of these media types (avatar upload). */
  upload?: readonly string[];
  /** Successful JSON response. */
  response: z.ZodMiniType;
  /** The server may answer 403 `reauth-required`: the client shows "Confirm it's you" and retries. */
  sensitive?: boolean;
  /** Needs no session (sign-in and password-reset pages). */
  public?: boolean;
  tag: string;
}

function endpoint<const E extends Endpoint>(e: E): E {
  return e;
}

export const endpoints = {
  getProfile: endpoint({ method: 'GET', path: '/profile', summary: 'Read the profile', response: s.Profile, tag: 'Profile' }),
  updateProfile: endpoint({
    method: 'PATCH',
    path: '/profile',
    summary: 'Change profile fields',
    body: s.ProfileUpdate,
    response: s.Profile,
    tag: 'Profile',
  }),
  uploadAvatar: endpoint({
    method: 'PUT',
    path: '/profile/avatar',
    summary: 'Upload an avatar (JPG, PNG or WebP, at most 2 MB)',
    upload: s.AVATAR_TYPES,
    response: s.Profile,
    tag: 'Profile',
  }),
  removeAvatar: endpoint({ method: 'DELETE', path: '/profile/avatar', summary: 'Remove the avatar', response: s.Profile, tag: 'Profile' }),

  getEmailChange: endpoint({ method: 'GET', path: '/email-change', summary: 'Pending email change, if any', response: s.EmailChangeState, tag: 'Email' }),
  requestEmailChange: endpoint({
    method: 'POST',
    path: '/email-change',
    summary: 'Start an email change: a verification link valid 24 hours goes to the new address',
    body: s.EmailChangeRequest,
    response: s.EmailChangeState,
    sensitive: true,
    tag: 'Email',
  }),
  resendEmailChange: endpoint({
    method: 'POST',
    path: '/email-change/resend',
    summary: 'Send the verification link again',
    response: s.EmailChangeState,
    tag: 'Email',
  }),
  cancelEmailChange: endpoint({ method: 'DELETE', path: '/email-change', summary: 'Cancel the pending change', response: s.EmailChangeState, tag: 'Email' }),
  verifyEmailChange: endpoint({
    method: 'POST',
    path: '/email-change/verify',
    summary: 'Confirm the new address with the token from the link',
    body: s.TokenRequest,
    response: s.Profile,
    public: true,
    tag: 'Email',
  }),

  reauthenticate: endpoint({
    method: 'POST',
    path: '/reauth',
    summary: "Confirm it's you: password or a 2FA code",
    body: s.ReauthRequest,
    response: s.ReauthResult,
    tag: 'Security',
  }),

  getPasswordPolicy: endpoint({ method: 'GET', path: '/password/policy', summary: 'Password policy', response: s.PasswordPolicy, public: true, tag: 'Password' }),
  changePassword: endpoint({
    method: 'POST',
    path: '/password',
    summary: 'Change the password',
    body: s.PasswordChangeRequest,
    response: s.PasswordChangeResult,
    tag: 'Password',
  }),
  requestPasswordReset: endpoint({
    method: 'POST',
    path: '/password-reset',
    summary: 'Send a reset link (the same answer whether or not the account exists)',
    body: s.PasswordResetRequest,
    response: s.PasswordResetRequested,
    public: true,
    tag: 'Password',
  }),
  completePasswordReset: endpoint({
    method: 'POST',
    path: '/password-reset/complete',
    summary: 'Set a new password with the token from the link (valid 1 hour, single use)',
    body: s.PasswordResetComplete,
    response: s.Completed,
    public: true,
    tag: 'Password',
  }),

  getTwoFactorStatus: endpoint({ method: 'GET', path: '/two-factor', summary: '2FA status', response: s.TwoFactorStatus, tag: 'Two-factor' }),
  startTwoFactorSetup: endpoint({
    method: 'POST',
    path: '/two-factor/setup',
    summary: 'Create a TOTP secret for setup',
    response: s.TwoFactorSetup,
    sensitive: true,
    tag: 'Two-factor',
  }),
  verifyTwoFactorSetup: endpoint({
    method: 'POST',
    path: '/two-factor/setup/verify',
    summary: 'Confirm setup with a code; returns the backup codes once',
    body: s.TwoFactorVerifyRequest,
    response: s.TwoFactorEnabled,
    tag: 'Two-factor',
  }),
  disableTwoFactor: endpoint({
    method: 'POST',
    path: '/two-factor/disable',
    summary: 'Turn 2FA off (confirmed with a code or the password)',
    body: s.ReauthRequest,
    response: s.TwoFactorStatus,
    sensitive: true,
    tag: 'Two-factor',
  }),
  regenerateBackupCodes: endpoint({
    method: 'POST',
    path: '/two-factor/backup-codes',
    summary: 'Replace the backup codes (the old set stops working)',
    body: s.ReauthRequest,
    response: s.BackupCodes,
    sensitive: true,
    tag: 'Two-factor',
  }),
  verifyTwoFactorChallenge: endpoint({
    method: 'POST',
    path: '/two-factor/challenge',
    summary: 'Sign-in step: verify a TOTP or backup code, optionally trusting the device for 30 days',
    body: s.TwoFactorChallengeRequest,
    response: s.TwoFactorChallengeResult,
    public: true,
    tag: 'Two-factor',
  }),

  listSessions: endpoint({ method: 'GET', path: '/sessions', summary: 'Active sessions', response: s.SessionList, tag: 'Sessions' }),
  revokeSession: endpoint({
    method: 'DELETE',
    path: '/sessions/:id',
    summary: 'Sign out one session',
    response: s.Revoked,
    sensitive: true,
    tag: 'Sessions',
  }),
  revokeOtherSessions: endpoint({
    method: 'POST',
    path: '/sessions/revoke-others',
    summary: 'Sign out every session but the current one',
    response: s.Revoked,
    sensitive: true,
    tag: 'Sessions',
  }),
  listLoginActivity: endpoint({
    method: 'GET',
    path: '/login-activity',
    summary: 'Login attempts, newest first, one page per cursor',
    query: s.LoginActivityQuery,
    response: s.LoginActivityPage,
    tag: 'Sessions',
  }),
  listTrustedDevices: endpoint({ method: 'GET', path: '/trusted-devices', summary: 'Devices trusted for 30 days', response: s.TrustedDeviceList, tag: 'Sessions' }),
  revokeTrustedDevice: endpoint({
    method: 'DELETE',
    path: '/trusted-devices/:id',
    summary: 'Stop trusting one device',
    response: s.Revoked,
    tag: 'Sessions',
  }),
  revokeAllTrustedDevices: endpoint({
    method: 'DELETE',
    path: '/trusted-devices',
    summary: 'Stop trusting every device',
    response: s.Revoked,
    tag: 'Sessions',
  }),

  getNotificationPreferences: endpoint({
    method: 'GET',
    path: '/notifications',
    summary: 'Notification catalog, channels, defaults, locks and values',
    response: s.NotificationPreferences,
    tag: 'Notifications',
  }),
  updateNotificationPreferences: endpoint({
    method: 'PATCH',
    path: '/notifications',
    summary: 'Change cells (locked cells are refused)',
    body: s.NotificationUpdate,
    response: s.NotificationPreferences,
    tag: 'Notifications',
  }),
  resetNotificationPreferences: endpoint({
    method: 'POST',
    path: '/notifications/reset',
    summary: 'Back to the defaults',
    response: s.NotificationPreferences,
    tag: 'Notifications',
  }),

  getPrivacySettings: endpoint({ method: 'GET', path: '/privacy', summary: 'Privacy settings', response: s.PrivacySettings, tag: 'Privacy' }),
  updatePrivacySettings: endpoint({
    method: 'PATCH',
    path: '/privacy',
    summary: 'Change privacy settings',
    body: s.PrivacyUpdate,
    response: s.PrivacySettings,
    tag: 'Privacy',
  }),
  getDataExport: endpoint({ method: 'GET', path: '/data-export', summary: 'The current or last export job', response: s.DataExportState, tag: 'Privacy' }),
  requestDataExport: endpoint({
    method: 'POST',
    path: '/data-export',
    summary: 'Start a GDPR export (one at a time: 409 while one runs)',
    response: s.DataExportState,
    tag: 'Privacy',
  }),
  getAccountDeletion: endpoint({
    method: 'GET',
    path: '/deletion',
    summary: 'What deleting the account removes, and what blocks it',
    response: s.AccountDeletionInfo,
    tag: 'Privacy',
  }),
  deleteAccount: endpoint({
    method: 'POST',
    path: '/deletion',
    summary: 'Delete the account (409 workspace-owner while owned workspaces have members)',
    body: s.AccountDeletionRequest,
    response: s.Completed,
    sensitive: true,
    tag: 'Privacy',
  }),

  listConnectedAccounts: endpoint({
    method: 'GET',
    path: '/connected-accounts',
    summary: 'Sign-in providers and their state',
    response: s.ConnectedAccountList,
    tag: 'Connected accounts',
  }),
  connectAccount: endpoint({
    method: 'POST',
    path: '/connected-accounts/:provider/connect',
    summary: "Start connecting: returns the provider's authorization URL",
    body: s.ConnectRequest,
    response: s.ConnectStart,
    tag: 'Connected accounts',
  }),
  disconnectAccount: endpoint({
    method: 'DELETE',
    path: '/connected-accounts/:provider',
    summary: 'Disconnect a provider',
    response: s.ConnectedAccountList,
    sensitive: true,
    tag: 'Connected accounts',
  }),

  getPreferences: endpoint({ method: 'GET', path: '/preferences', summary: 'Display preferences', response: s.Preferences, tag: 'Preferences' }),
  updatePreferences: endpoint({
    method: 'PATCH',
    path: '/preferences',
    summary: 'Change display preferences',
    body: s.PreferencesUpdate,
    response: s.Preferences,
    tag: 'Preferences',
  }),

  getBillingSummary: endpoint({ method: 'GET', path: '/billing', summary: 'Plan, payment method, renewal', response: s.BillingSummary, tag: 'Billing' }),
} as const;

export type EndpointName = keyof typeof endpoints;

/** Fills `:name` segments, encoding each value. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing URL parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}
