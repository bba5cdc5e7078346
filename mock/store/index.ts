/**
 * The mock backend's state and business rules, for the whole REST contract. No HTTP
 * here: `handlers.ts` validates requests with the endpoint table, asks `MockStore` and
 * turns a thrown `MockProblem` into `application/problem+json`. Tests may call the
 * store directly.
 *
 * One module per domain (profile.ts, email.ts, password.ts, two-factor.ts, sessions.ts,
 * notifications.ts, privacy.ts, connections.ts, preferences.ts, billing.ts) owns its slice of
 * the state, its seed and its rules; `MockStore` composes them into one API over one context.
 */
import type * as s from '../../src/api/schemas.js';
import * as billing from './billing.js';
import * as connections from './connections.js';
import { StoreContext, type MockOptions, type ResolvedOptions, type State } from './context.js';
import * as email from './email.js';
import * as notifications from './notifications.js';
import * as passkeys from './passkeys.js';
import type { RelyingParty } from './passkeys.js';
import * as password from './password.js';
import * as preferences from './preferences.js';
import * as privacy from './privacy.js';
import * as profile from './profile.js';
import * as sessions from './sessions.js';
import type { ClientInfo } from './sessions.js';
import * as twoFactor from './two-factor.js';

export type { MockOptions } from './context.js';
export { MockProblem, PROBLEM_TYPE_PREFIX, type MockProblemCode } from './problem.js';
export { assertDecodes, sniffImageType } from './profile.js';
export { passwordLength } from './password.js';
export { describeUserAgent, type ClientInfo } from './sessions.js';

/** Fresh state for every domain; sessions first, as their generator's sequence depends on it. */
function seedState(o: ResolvedOptions, now: number): State {
  return {
    ...sessions.seedSessionsState(o, now),
    ...profile.seedProfile(now),
    ...password.seedPassword(now),
    ...email.seedEmail(),
    ...twoFactor.seedTwoFactor(o, now),
    ...notifications.seedNotifications(),
    ...privacy.seedPrivacy(o),
    ...connections.seedConnections(now),
    ...passkeys.seedPasskeys(o.passkeys, now),
    ...preferences.seedPreferences(),
    ...billing.seedBilling(o, now),
  };
}

export class MockStore {
  readonly #ctx = new StoreContext();

  constructor(options: MockOptions = {}) {
    this.reset(options);
  }

  /** Back to fresh seed data (in place: references to this store stay valid). */
  reset(options: MockOptions = {}): void {
    this.#ctx.options = {
      sessions: 6,
      loginAttempts: 300,
      trustedDevices: 2,
      passkeys: 0,
      passwordless: false,
      reauth: 'when-stale',
      emailChangePasswordRequired: false,
      twoFactorEnabled: false,
      passwordPolicy: 'default',
      exportDurationMs: 6000,
      exportFails: false,
      ownsWorkspaceWithMembers: true,
      plan: 'growth',
      card: 'valid',
      hostile: false,
      seed: 1,
      ...options,
      now: options.now ?? (() => Date.now()),
    };
    this.#ctx.state = seedState(this.#ctx.options, this.now());
  }

  get options(): Readonly<Required<MockOptions>> {
    return this.#ctx.options;
  }

  /** The store's clock. */
  now(): number {
    return this.#ctx.now();
  }

  // ——— Session and re-authentication ———

  /** False once the account is deleted or `expireSession()` was called: non-public endpoints answer 401. */
  get signedIn(): boolean {
    return this.#ctx.state.signedIn;
  }

  /** Ends the session: every non-public endpoint answers 401 until `reset()`. */
  expireSession(): void {
    sessions.expireSession(this.#ctx);
  }

  assertSignedIn(): void {
    sessions.assertSignedIn(this.#ctx);
  }

  /** Methods accepted by "Confirm it's you". */
  reauthMethods(): ('password' | 'totp' | 'passkey')[] {
    return password.reauthMethods(this.#ctx);
  }

  /**
   * Throws 403 `reauth-required` unless a recent re-authentication covers a sensitive
   * request. In `always` mode, call `consumeReauth()` once the request succeeded.
   */
  assertReauthenticated(): void {
    password.assertReauthenticated(this.#ctx);
  }

  /** In `always` mode a re-authentication covers one successful sensitive request. */
  consumeReauth(): void {
    password.consumeReauth(this.#ctx);
  }

  /** Marks the user as just authenticated (as a successful reauth does). */
  markReauthenticated(): void {
    password.markReauthenticated(this.#ctx);
  }

  reauthenticate(request: s.ReauthRequest): Promise<s.ReauthResult> {
    return password.reauthenticate(this.#ctx, request);
  }

  /** A single-use challenge for "Confirm it's you" with a passkey (409 when the account has none). */
  startPasskeyReauth(rp: RelyingParty): s.PasskeyAuthenticationOptions {
    return passkeys.startPasskeyReauth(this.#ctx, rp);
  }

  async reauthenticateWithPasskey(request: s.PasskeyReauthRequest, rp: RelyingParty): Promise<s.ReauthResult> {
    await passkeys.verifyPasskeyAssertion(this.#ctx, request, rp);
    return password.reauthenticated(this.#ctx);
  }

  // ——— Profile ———

  getProfile(): s.Profile {
    return profile.getProfile(this.#ctx);
  }

  updateProfile(update: s.ProfileUpdate): s.Profile {
    return profile.updateProfile(this.#ctx, update);
  }

  /** Checks the bytes (not the name or Content-Type): JPEG, PNG or WebP built like one, at most 2 MB. */
  uploadAvatar(bytes: Uint8Array): s.Profile {
    return profile.uploadAvatar(this.#ctx, bytes);
  }

  removeAvatar(): s.Profile {
    return profile.removeAvatar(this.#ctx);
  }

  // ——— Email change ———

  getEmailChange(): s.EmailChangeState {
    return email.getEmailChange(this.#ctx);
  }

  requestEmailChange(request: s.EmailChangeRequest): s.EmailChangeState {
    return email.requestEmailChange(this.#ctx, request);
  }

  resendEmailChange(): s.EmailChangeState {
    return email.resendEmailChange(this.#ctx);
  }

  cancelEmailChange(): s.EmailChangeState {
    return email.cancelEmailChange(this.#ctx);
  }

  verifyEmailChange(request: s.TokenRequest): s.Profile {
    return email.verifyEmailChange(this.#ctx, request);
  }

  /** The token of the last verification link "sent" (the demo's and tests' inbox). */
  lastEmailVerificationToken(): string | null {
    return email.lastEmailVerificationToken(this.#ctx);
  }

  // ——— Password ———

  getPasswordPolicy(): s.PasswordPolicy {
    return password.getPasswordPolicy(this.#ctx);
  }

  changePassword(request: s.PasswordChangeRequest): s.PasswordChangeResult {
    return password.changePassword(this.#ctx, request);
  }

  /** The current password (after changes and resets). */
  currentPassword(): string {
    return password.currentPassword(this.#ctx);
  }

  requestPasswordReset(request: s.PasswordResetRequest): s.PasswordResetRequested {
    return password.requestPasswordReset(this.#ctx, request);
  }

  /** Issues a reset token as the reset email would carry (valid 1 hour, single use). Default: the account's email. */
  issuePasswordResetToken(email?: string): string {
    return password.issuePasswordResetToken(this.#ctx, email);
  }

  /** The token of the last reset link "sent". */
  lastPasswordResetToken(): string | null {
    return password.lastPasswordResetToken(this.#ctx);
  }

  completePasswordReset(request: s.PasswordResetComplete): s.Completed {
    return password.completePasswordReset(this.#ctx, request);
  }

  // ——— Two-factor authentication ———

  getTwoFactorStatus(): s.TwoFactorStatus {
    return twoFactor.getTwoFactorStatus(this.#ctx);
  }

  startTwoFactorSetup(): s.TwoFactorSetup {
    return twoFactor.startTwoFactorSetup(this.#ctx);
  }

  verifyTwoFactorSetup(request: s.TwoFactorVerifyRequest): Promise<s.TwoFactorEnabled> {
    return twoFactor.verifyTwoFactorSetup(this.#ctx, request);
  }

  disableTwoFactor(request: s.ReauthRequest): Promise<s.TwoFactorStatus> {
    return twoFactor.disableTwoFactor(this.#ctx, request);
  }

  regenerateBackupCodes(request: s.ReauthRequest): Promise<s.BackupCodes> {
    return twoFactor.regenerateBackupCodes(this.#ctx, request);
  }

  /** Starts a sign-in 2FA step (as the sign-in page would after the password); returns its id. */
  createSignInChallenge(options: { validForMs?: number } = {}): string {
    return twoFactor.createSignInChallenge(this.#ctx, options);
  }

  verifyTwoFactorChallenge(request: s.TwoFactorChallengeRequest, client: ClientInfo = {}): Promise<s.TwoFactorChallengeResult> {
    return twoFactor.verifyTwoFactorChallenge(this.#ctx, request, client);
  }

  /** The enabled TOTP key (null while 2FA is off): tests and the demo compute codes from it. */
  twoFactorSecret(): string | null {
    return twoFactor.twoFactorSecret(this.#ctx);
  }

  /**
   * The code the authenticator would show now. With a frozen clock, successive calls give
   * the same code — advance the clock 30 s between uses, or the store refuses it as reused.
   */
  currentTotp(offsetSteps = 0): Promise<string> {
    return twoFactor.currentTotp(this.#ctx, offsetSteps);
  }

  /** Backup codes not used yet. */
  unusedBackupCodes(): string[] {
    return twoFactor.unusedBackupCodes(this.#ctx);
  }

  /** The time step the last accepted TOTP code came from. */
  lastTotpStep(): number | null {
    return twoFactor.lastTotpStep(this.#ctx);
  }

  // ——— Sessions, login activity, trusted devices ———

  listSessions(): s.SessionList {
    return sessions.listSessions(this.#ctx);
  }

  revokeSession(id: string): s.Revoked {
    return sessions.revokeSession(this.#ctx, id);
  }

  revokeOtherSessions(): s.Revoked {
    return sessions.revokeOtherSessions(this.#ctx);
  }

  /** Newest first; `cursor` is opaque (it names the last attempt of the previous page). */
  listLoginActivity(query: s.LoginActivityQuery = {}): s.LoginActivityPage {
    return sessions.listLoginActivity(this.#ctx, query);
  }

  listTrustedDevices(): s.TrustedDeviceList {
    return sessions.listTrustedDevices(this.#ctx);
  }

  revokeTrustedDevice(id: string): s.Revoked {
    return sessions.revokeTrustedDevice(this.#ctx, id);
  }

  revokeAllTrustedDevices(): s.Revoked {
    return sessions.revokeAllTrustedDevices(this.#ctx);
  }

  // ——— Passkeys ———

  listPasskeys(): s.PasskeyList {
    return passkeys.listPasskeys(this.#ctx);
  }

  /** Options for `navigator.credentials.create()` on `rp` (the page's origin and host name). */
  startPasskeyRegistration(rp: RelyingParty): s.PasskeyRegistrationOptions {
    return passkeys.startPasskeyRegistration(this.#ctx, rp);
  }

  /** Verifies and stores the new credential under a default name (the authenticator's, else the browser's). */
  finishPasskeyRegistration(request: s.PasskeyRegistration, rp: RelyingParty, client: ClientInfo = {}): Promise<s.Passkey> {
    return passkeys.finishPasskeyRegistration(this.#ctx, request, rp, client);
  }

  renamePasskey(id: string, request: s.PasskeyRename): s.Passkey {
    return passkeys.renamePasskey(this.#ctx, id, request);
  }

  deletePasskey(id: string): s.PasskeyList {
    return passkeys.deletePasskey(this.#ctx, id);
  }

  // ——— Notifications ———

  getNotificationPreferences(): s.NotificationPreferences {
    return notifications.getNotificationPreferences(this.#ctx);
  }

  /** All or nothing: an unknown or locked cell refuses the whole update (422). */
  updateNotificationPreferences(update: s.NotificationUpdate): s.NotificationPreferences {
    return notifications.updateNotificationPreferences(this.#ctx, update);
  }

  resetNotificationPreferences(): s.NotificationPreferences {
    return notifications.resetNotificationPreferences(this.#ctx);
  }

  // ——— Privacy, export, deletion ———

  getPrivacySettings(): s.PrivacySettings {
    return privacy.getPrivacySettings(this.#ctx);
  }

  updatePrivacySettings(update: s.PrivacyUpdate): s.PrivacySettings {
    return privacy.updatePrivacySettings(this.#ctx, update);
  }

  getDataExport(): s.DataExportState {
    return privacy.getDataExport(this.#ctx);
  }

  requestDataExport(): s.DataExportState {
    return privacy.requestDataExport(this.#ctx);
  }

  getAccountDeletion(): s.AccountDeletionInfo {
    return privacy.getAccountDeletion(this.#ctx);
  }

  deleteAccount(request: s.AccountDeletionRequest): s.Completed {
    return privacy.deleteAccount(this.#ctx, request);
  }

  /** Replaces the workspaces (e.g. to let deletion through after "transferring" ownership). */
  setWorkspaces(workspaces: s.Workspace[]): void {
    privacy.setWorkspaces(this.#ctx, workspaces);
  }

  // ——— Connected accounts ———

  listConnectedAccounts(): s.ConnectedAccountList {
    return connections.listConnectedAccounts(this.#ctx);
  }

  /**
   * Starts connecting: the authorization URL points at the mock provider page
   * (`<authorizeBase>/__mock/oauth/<provider>?…`), which `handlers.ts` answers.
   */
  connectAccount(provider: string, request: s.ConnectRequest, authorizeBase = '/api/account'): s.ConnectStart {
    return connections.connectAccount(this.#ctx, provider, request, authorizeBase);
  }

  /**
   * The mock provider's consent: marks the provider connected and says where to go back.
   * Throws 400 for an unknown or expired `state`.
   */
  completeOAuth(provider: string, state: string): { redirectUri: string; mode: 'redirect' | 'popup' } {
    return connections.completeOAuth(this.#ctx, provider, state);
  }

  /** Connects a provider directly (as if the user consented at the provider). Default email: the account's. */
  markConnected(provider: string, email?: string): void {
    connections.markConnected(this.#ctx, provider, email);
  }

  disconnectAccount(provider: string): s.ConnectedAccountList {
    return connections.disconnectAccount(this.#ctx, provider);
  }

  // ——— Preferences, billing ———

  getPreferences(): s.Preferences {
    return preferences.getPreferences(this.#ctx);
  }

  updatePreferences(update: s.PreferencesUpdate): s.Preferences {
    return preferences.updatePreferences(this.#ctx, update);
  }

  getBillingSummary(): s.BillingSummary {
    return billing.getBillingSummary(this.#ctx);
  }

  // ——— Counts (for tests and stories) ———

  get counts(): { sessions: number; loginAttempts: number; trustedDevices: number } {
    const { state } = this.#ctx;
    return { sessions: state.sessions.length, loginAttempts: sessions.attemptCount(this.#ctx), trustedDevices: state.trusted.length };
  }
}
