/**
 * One request per endpoint that is valid by the contract and does no harm when a server
 * lets it through where it should not (no credentials, no CSRF header, no fresh
 * re-authentication): wrong passwords, unknown ids, empty updates. The few endpoints without
 * a body that change something (remove the avatar, reset notifications, revoke other sessions,
 * start an export or a 2FA setup) change only the test user's own data.
 */
import type { EndpointName } from '../src/api/endpoints.js';
import type { CallInput } from './http.js';

/** An id no server has. */
export const UNKNOWN_ID = 'dn-conformance-unknown-0000';
/** A password nobody has. */
export const WRONG_PASSWORD = 'dn-conformance-wrong-Password-0!';
/** An address at a domain that never receives mail (RFC 2606). */
export const NOBODY_EMAIL = 'dn-conformance@example.invalid';

/** A WebAuthn assertion of the contract's shape that no authenticator signed: any server refuses it. */
const PROBE_ASSERTION = {
  id: 'ZG4tY29uZm9ybWFuY2U',
  rawId: 'ZG4tY29uZm9ybWFuY2U',
  type: 'public-key',
  response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA' },
  clientExtensionResults: {},
};

/** A WebAuthn attestation of the contract's shape for no challenge the server issued: any server refuses it. */
const PROBE_ATTESTATION = {
  id: 'ZG4tY29uZm9ybWFuY2U',
  rawId: 'ZG4tY29uZm9ybWFuY2U',
  type: 'public-key',
  response: { clientDataJSON: 'e30', attestationObject: 'oA' },
  clientExtensionResults: {},
};

export function probeRequest(name: EndpointName, email: string | undefined): CallInput {
  const own = email ?? NOBODY_EMAIL;
  const probes: { [K in EndpointName]: CallInput } = {
    getProfile: {},
    updateProfile: { body: {} },
    uploadAvatar: { raw: { body: 'not an image', contentType: 'text/plain' } },
    removeAvatar: {},
    getEmailChange: {},
    requestEmailChange: { body: { newEmail: own } },
    resendEmailChange: {},
    cancelEmailChange: {},
    verifyEmailChange: { body: { token: UNKNOWN_ID } },
    reauthenticate: { body: { method: 'password', password: WRONG_PASSWORD } },
    startPasskeyReauth: {},
    reauthenticateWithPasskey: { body: { credential: PROBE_ASSERTION } },
    getPasswordPolicy: {},
    changePassword: { body: { currentPassword: WRONG_PASSWORD, newPassword: `${WRONG_PASSWORD}x` } },
    requestPasswordReset: { body: { email: NOBODY_EMAIL } },
    completePasswordReset: { body: { token: UNKNOWN_ID, newPassword: `${WRONG_PASSWORD}x` } },
    getTwoFactorStatus: {},
    startTwoFactorSetup: {},
    verifyTwoFactorSetup: { body: { setupId: UNKNOWN_ID, code: '000000' } },
    disableTwoFactor: { body: { method: 'password', password: WRONG_PASSWORD } },
    regenerateBackupCodes: { body: { method: 'password', password: WRONG_PASSWORD } },
    verifyTwoFactorChallenge: { body: { challengeId: UNKNOWN_ID, method: 'totp', code: '000000', trustDevice: false } },
    listSessions: {},
    revokeSession: { params: { id: UNKNOWN_ID } },
    revokeOtherSessions: {},
    listLoginActivity: { query: { limit: 1 } },
    listTrustedDevices: {},
    revokeTrustedDevice: { params: { id: UNKNOWN_ID } },
    revokeAllTrustedDevices: {},
    listPasskeys: {},
    startPasskeyRegistration: {},
    finishPasskeyRegistration: { body: { credential: PROBE_ATTESTATION } },
    renamePasskey: { params: { id: UNKNOWN_ID }, body: { name: 'Conformance' } },
    deletePasskey: { params: { id: UNKNOWN_ID } },
    getNotificationPreferences: {},
    updateNotificationPreferences: { body: { changes: [{ typeId: UNKNOWN_ID, channelId: UNKNOWN_ID, enabled: true }] } },
    resetNotificationPreferences: {},
    getPrivacySettings: {},
    updatePrivacySettings: { body: { analyticsEnabled: 'not a boolean' } },
    getDataExport: {},
    requestDataExport: {},
    getAccountDeletion: {},
    deleteAccount: { body: { email: own, password: WRONG_PASSWORD } },
    listConnectedAccounts: {},
    connectAccount: { params: { provider: UNKNOWN_ID }, body: { redirectUri: 'https://example.invalid/settings', mode: 'redirect' } },
    disconnectAccount: { params: { provider: UNKNOWN_ID } },
    getPreferences: {},
    updatePreferences: { body: {} },
    getBillingSummary: {},
  };
  return probes[name];
}
