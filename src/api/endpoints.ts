/**
 * The REST contract by route, all of it: each endpoint's method and path (`routes.ts`), its
 * schemas (`contract/*.ts`) and what the documentation says about it. The mock backend and
 * the OpenAPI generator read this table, and the HTTP client loads it when it is asked for a
 * call whose schemas no element registered, so a path or a schema can never differ between them.
 * Paths are relative to the API base (`api-base`, e.g. `/api/account`).
 */
import type * as z from 'zod/mini';
import { routeOf, type EndpointName, type HttpMethod } from './routes.js';
import type { ContractPart, EndpointSchemas } from './contract/part.js';
// Importing the aggregate also names every component schema in zod's global registry (OpenAPI).
import { AVATAR_TYPES } from './schemas.js';
import { profileContract } from './contract/profile.js';
import { emailContract } from './contract/email.js';
import { reauthContract } from './contract/reauth.js';
import { passwordContract } from './contract/password.js';
import { twoFactorContract } from './contract/two-factor.js';
import { twoFactorChallengeContract } from './contract/two-factor-challenge.js';
import { sessionsContract } from './contract/sessions.js';
import { loginActivityContract } from './contract/login-activity.js';
import { trustedDevicesContract } from './contract/trusted-devices.js';
import { notificationsContract } from './contract/notifications.js';
import { privacyContract } from './contract/privacy.js';
import { deletionContract } from './contract/deletion.js';
import { connectedAccountsContract } from './contract/connected-accounts.js';
import { preferencesContract } from './contract/preferences.js';
import { billingContract } from './contract/billing.js';
import { passkeyReauthContract, passkeysContract } from './contract/passkeys.js';

export { buildPath, type EndpointName, type HttpMethod } from './routes.js';

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

/** What the documentation says of an endpoint, beyond its route and schemas. */
type Docs = Pick<Endpoint, 'summary' | 'upload' | 'sensitive' | 'public'>;

/** Documentation for exactly the endpoints of `P`. */
type DocsOf<P extends ContractPart, D> = { readonly [N in keyof P]: Docs } & { readonly [N in Exclude<keyof D, keyof P>]: never };

type Joined<P extends ContractPart, D> = {
  [N in keyof P & keyof D]: { method: HttpMethod; path: string; tag: string } & P[N] & D[N];
};

/** The endpoints of one part of the contract, under one tag, in the order of `docs`. */
function group<const P extends ContractPart, const D extends DocsOf<P, D>>(part: P, tag: string, docs: D): Joined<P, D> {
  const out: Record<string, Endpoint> = {};
  for (const name of Object.keys(docs) as (keyof P & keyof D & EndpointName)[]) {
    out[name] = { ...routeOf(name), ...(part[name] as EndpointSchemas), ...(docs[name] as Docs), tag };
  }
  return out as Joined<P, D>;
}

export const endpoints = {
  ...group(profileContract, 'Profile', {
    getProfile: { summary: 'Read the profile' },
    updateProfile: { summary: 'Change profile fields' },
    uploadAvatar: { summary: 'Upload an avatar (JPG, PNG or WebP that decodes as one, at most 2 MB)', upload: AVATAR_TYPES },
    removeAvatar: { summary: 'Remove the avatar' },
  }),

  ...group(emailContract, 'Email', {
    getEmailChange: { summary: 'Pending email change, if any' },
    requestEmailChange: {
      summary: 'Start an email change: a verification link valid 24 hours goes to the new address',
      sensitive: true,
    },
    resendEmailChange: { summary: 'Send the verification link again' },
    cancelEmailChange: { summary: 'Cancel the pending change' },
    verifyEmailChange: { summary: 'Confirm the new address with the token from the link', public: true },
  }),

  ...group(reauthContract, 'Security', {
    reauthenticate: { summary: "Confirm it's you: password or a 2FA code" },
  }),
  ...group(passkeyReauthContract, 'Security', {
    startPasskeyReauth: { summary: "Confirm it's you with a passkey: the options for navigator.credentials.get() (a new single-use challenge)" },
    reauthenticateWithPasskey: { summary: "Confirm it's you with a passkey: the assertion, verified like /reauth's password" },
  }),

  ...group(passwordContract, 'Password', {
    getPasswordPolicy: { summary: 'Password policy', public: true },
    changePassword: { summary: 'Change the password' },
    requestPasswordReset: {
      summary: 'Send a reset link (the same answer whether or not the account exists)',
      public: true,
    },
    completePasswordReset: {
      summary: 'Set a new password with the token from the link (valid 1 hour, single use)',
      public: true,
    },
  }),

  ...group(twoFactorContract, 'Two-factor', {
    getTwoFactorStatus: { summary: '2FA status' },
    startTwoFactorSetup: { summary: 'Create a TOTP secret for setup', sensitive: true },
    verifyTwoFactorSetup: { summary: 'Confirm setup with a code; returns the backup codes once' },
    disableTwoFactor: { summary: 'Turn 2FA off (confirmed with a code or the password)', sensitive: true },
    regenerateBackupCodes: { summary: 'Replace the backup codes (the old set stops working)', sensitive: true },
  }),
  ...group(twoFactorChallengeContract, 'Two-factor', {
    verifyTwoFactorChallenge: {
      summary: 'Sign-in step: verify a TOTP or backup code, optionally trusting the device for 30 days',
      public: true,
    },
  }),

  ...group(sessionsContract, 'Sessions', {
    listSessions: { summary: 'Active sessions' },
    revokeSession: { summary: 'Sign out one session', sensitive: true },
    revokeOtherSessions: { summary: 'Sign out every session but the current one', sensitive: true },
  }),
  ...group(loginActivityContract, 'Sessions', {
    listLoginActivity: { summary: 'Login attempts, newest first, one page per cursor' },
  }),
  ...group(trustedDevicesContract, 'Sessions', {
    listTrustedDevices: { summary: 'Devices trusted for 30 days' },
    revokeTrustedDevice: { summary: 'Stop trusting one device' },
    revokeAllTrustedDevices: { summary: 'Stop trusting every device' },
  }),

  ...group(passkeysContract, 'Passkeys', {
    listPasskeys: { summary: "The user's passkeys" },
    startPasskeyRegistration: {
      summary: 'Start adding a passkey: the options for navigator.credentials.create() (a new single-use challenge)',
      sensitive: true,
    },
    finishPasskeyRegistration: { summary: 'Finish adding a passkey: the attestation, verified and stored under a default name' },
    renamePasskey: { summary: 'Rename a passkey' },
    deletePasskey: {
      summary: 'Remove a passkey (409 last-sign-in-method when it is the only way left to sign in)',
      sensitive: true,
    },
  }),

  ...group(notificationsContract, 'Notifications', {
    getNotificationPreferences: { summary: 'Notification catalog, channels, defaults, locks and values' },
    updateNotificationPreferences: { summary: 'Change cells (locked cells are refused)' },
    resetNotificationPreferences: { summary: 'Back to the defaults' },
  }),

  ...group(privacyContract, 'Privacy', {
    getPrivacySettings: { summary: 'Privacy settings' },
    updatePrivacySettings: { summary: 'Change privacy settings' },
    getDataExport: { summary: 'The current or last export job' },
    requestDataExport: { summary: 'Start a GDPR export (one at a time: 409 while one runs)' },
  }),
  ...group(deletionContract, 'Privacy', {
    getAccountDeletion: { summary: 'What deleting the account removes, and what blocks it' },
    deleteAccount: {
      summary: 'Delete the account (409 workspace-owner while owned workspaces have members)',
      sensitive: true,
    },
  }),

  ...group(connectedAccountsContract, 'Connected accounts', {
    listConnectedAccounts: { summary: 'Sign-in providers and their state' },
    connectAccount: { summary: "Start connecting: returns the provider's authorization URL" },
    disconnectAccount: { summary: 'Disconnect a provider (409 last-sign-in-method when it is the only way left to sign in)', sensitive: true },
  }),

  ...group(preferencesContract, 'Preferences', {
    getPreferences: { summary: 'Display preferences' },
    updatePreferences: { summary: 'Change display preferences' },
  }),

  ...group(billingContract, 'Billing', {
    getBillingSummary: { summary: 'Plan, payment method, renewal' },
  }),
} satisfies Record<EndpointName, Endpoint>;
