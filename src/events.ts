/**
 * Every event the elements dispatch: bubbling, composed `CustomEvent`s named
 * `dn-<noun>-<past-tense verb>`. Listen on the element or any ancestor:
 *
 * ```js
 * document.addEventListener('dn-profile-saved', (e) => console.log(e.detail.profile));
 * ```
 */
import type { ApiError } from './api/errors.js';
import type {
  BackupCodes,
  ConnectedAccount,
  ExportJob,
  NotificationChange,
  NotificationPreferences,
  BillingSummary,
  Passkey,
  Preferences,
  PrivacySettings,
  Profile,
  Session,
  TrustedDevice,
  TwoFactorStatus,
} from './api/schemas.js';

export interface DnEventMap {
  /** The profile was saved; `changed` lists the fields that were sent. */
  'dn-profile-saved': CustomEvent<{ profile: Profile; changed: string[] }>;
  /** A new avatar was uploaded. */
  'dn-avatar-uploaded': CustomEvent<{ profile: Profile }>;
  /** The avatar was removed. */
  'dn-avatar-removed': CustomEvent<{ profile: Profile }>;
  /** A verification link went to the new address. */
  'dn-email-change-requested': CustomEvent<{ newEmail: string; expiresAt: string }>;
  /** The verification link was sent again. */
  'dn-email-change-resent': CustomEvent<{ newEmail: string; expiresAt: string }>;
  /** The pending change was cancelled. */
  'dn-email-change-cancelled': CustomEvent<{ newEmail: string }>;
  /** The new address was verified and is now the login email. */
  'dn-email-changed': CustomEvent<{ email: string }>;
  /** The password was changed. `otherSessions`: how many other sessions are still signed in. */
  'dn-password-changed': CustomEvent<{ changedAt: string; otherSessions: number }>;
  /** Every session but the current one was signed out. */
  'dn-sessions-revoked': CustomEvent<{ revoked: number }>;
  /** One other session was signed out (revoked). */
  'dn-session-revoked': CustomEvent<{ session: Session }>;
  /**
   * The user chose "Sign out" on the session they are using. Signing out is the host's
   * job (its own sign-out flow): the element does not revoke the current session.
   */
  'dn-sign-out-requested': CustomEvent<{ session: Session }>;
  /**
   * The user followed a suggestion to change their password (e.g. after spotting a
   * session or sign-in they do not recognise) and the element has no `password-href`
   * to link to. `reason` says where the suggestion came from.
   */
  'dn-password-change-requested': CustomEvent<{ reason: 'unrecognized-session' | 'unrecognized-activity' }>;
  /** A reset link was requested (the answer never says whether the account exists). */
  'dn-password-reset-requested': CustomEvent<{ email: string }>;
  /** A new password was set with a reset link. */
  'dn-password-reset-completed': CustomEvent<{ completedAt: string }>;
  /** Two-factor authentication was turned on. The backup codes are not in the event: they never leave the element. */
  'dn-2fa-enabled': CustomEvent<{ status: TwoFactorStatus }>;
  /** Two-factor authentication was turned off. */
  'dn-2fa-disabled': CustomEvent<{ status: TwoFactorStatus }>;
  /** A new set of backup codes replaced the old one. */
  'dn-backup-codes-regenerated': CustomEvent<{ generatedAt: BackupCodes['generatedAt']; count: number }>;
  /**
   * The sign-in 2FA step passed (`<dn-2fa-challenge>`). `trusted`: the user chose "Trust this
   * device" and the server recorded it (`trustedDevice`, with its expiry); `backupCodesRemaining`:
   * set after a backup code. The host decides where to go next.
   */
  'dn-2fa-verified': CustomEvent<{
    method: 'totp' | 'backup';
    trusted: boolean;
    trustedDevice: TrustedDevice | null;
    backupCodesRemaining: number | null;
  }>;
  /** The sign-in 2FA challenge expired or was already used: the user must sign in again. */
  'dn-2fa-challenge-expired': CustomEvent<{ challengeId: string }>;
  /** One trusted device was revoked: it asks for a 2FA code at its next sign-in. */
  'dn-trusted-device-revoked': CustomEvent<{ device: TrustedDevice }>;
  /** Every trusted device was revoked. */
  'dn-trusted-devices-revoked': CustomEvent<{ revoked: number }>;
  /** A passkey was added (verified and stored by the server, under its default name until the user renames it). */
  'dn-passkey-added': CustomEvent<{ passkey: Passkey }>;
  /** A passkey was renamed. */
  'dn-passkey-renamed': CustomEvent<{ passkey: Passkey; previousName: string }>;
  /** A passkey was removed: it no longer signs in. */
  'dn-passkey-removed': CustomEvent<{ passkey: Passkey }>;
  /**
   * Notification settings were saved. `changes`: the cells that changed (one toggle, a whole
   * column, or every cell a reset touched); `preferences`: the server's state after the save.
   */
  'dn-notification-preferences-changed': CustomEvent<{ changes: NotificationChange[]; preferences: NotificationPreferences; reset: boolean }>;
  /** A privacy setting (anonymous analytics) was saved. */
  'dn-privacy-settings-changed': CustomEvent<{ settings: PrivacySettings }>;
  /** A data export was requested; the job is queued. */
  'dn-data-export-requested': CustomEvent<{ job: ExportJob }>;
  /** The data export is ready to download until `job.expiresAt`. */
  'dn-data-export-ready': CustomEvent<{ job: ExportJob }>;
  /** The account was deleted. The user is signed out; the host decides where to go. */
  'dn-account-deleted': CustomEvent<{ completedAt: string }>;
  /** A sign-in provider was connected (after its authorization page). */
  'dn-account-connected': CustomEvent<{ account: ConnectedAccount }>;
  /** A sign-in provider was disconnected. */
  'dn-account-disconnected': CustomEvent<{ account: ConnectedAccount }>;
  /**
   * Display preferences were saved. They already applied to every element under the
   * provider when the user chose them; `changed` names the ones this save sent.
   */
  'dn-preferences-changed': CustomEvent<{ preferences: Preferences; changed: (keyof Preferences)[] }>;
  /** "Manage billing" was chosen and the element has no `manage-href`: the host opens its billing portal. */
  'dn-manage-billing-requested': CustomEvent<{ summary: BillingSummary }>;
  /** `<dn-account-settings>` showed another tab (by a click, the keyboard, the `tab` property or the URL hash). */
  'dn-settings-tab-changed': CustomEvent<{ tab: string; previous: string | null }>;
  /** The user confirmed their identity in "Confirm it's you". */
  'dn-reauthenticated': CustomEvent<{ until: string }>;
  /** The backend answered 401: the host should send the user to sign in. */
  'dn-unauthorized': CustomEvent<{ error: ApiError }>;
  /** A failure the element could not show itself. */
  'dn-error': CustomEvent<{ error: ApiError; action: string }>;
}

/* eslint-disable @typescript-eslint/no-empty-object-type -- these merge the map into the DOM's own */
declare global {
  interface HTMLElementEventMap extends DnEventMap {}
  // The events are composed and bubble: hosts may listen on the document or the window.
  interface DocumentEventMap extends DnEventMap {}
  interface WindowEventMap extends DnEventMap {}
}
/* eslint-enable @typescript-eslint/no-empty-object-type */
