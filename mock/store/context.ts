/**
 * What every domain module of the store shares: the options, the one state object (each
 * domain owns a slice of it) and the clock. `MockStore` holds one `StoreContext` and
 * passes it to the domain functions.
 */
import type { BillingState } from './billing.js';
import type { ConnectionsState } from './connections.js';
import type { EmailState } from './email.js';
import type { NotificationsState } from './notifications.js';
import type { PasskeysState } from './passkeys.js';
import type { PasswordState } from './password.js';
import type { PreferencesState } from './preferences.js';
import type { PrivacyState } from './privacy.js';
import type { ProfileState } from './profile.js';
import type { SessionsState } from './sessions.js';
import type { TwoFactorState } from './two-factor.js';

export interface MockOptions {
  /** Active sessions, the current one included. Default 6. */
  sessions?: number;
  /** Login attempts in the history. Default 300. */
  loginAttempts?: number;
  /** Trusted devices. Default 2. */
  trustedDevices?: number;
  /**
   * Seeded passkeys (listed, not usable: no authenticator holds their keys; passkeys added
   * through a real ceremony are). With any passkey, "Confirm it's you" offers one. Default 0.
   */
  passkeys?: number;
  /** The account has no password: removing its last passkey or disconnecting its last provider is refused while nothing else is left to sign in with. Default false. */
  passwordless?: boolean;
  /**
   * When sensitive endpoints answer 403 `reauth-required`:
   * - `when-stale` (default): unless the user re-authenticated in the last 10 minutes (the seeded session signed in days ago);
   * - `always`: every sensitive request needs its own fresh re-authentication (one reauth, one sensitive request);
   * - `never`.
   */
  reauth?: 'when-stale' | 'always' | 'never';
  /** The email change request must carry the current password. Default false. */
  emailChangePasswordRequired?: boolean;
  /** Start with 2FA on, keyed with `MOCK_TOTP_SECRET` and 10 backup codes (2 already used). Default false. */
  twoFactorEnabled?: boolean;
  /** `default`: ≥ 8, a number and a special character. `nist`: ≥ 15, no composition rules. */
  passwordPolicy?: 'default' | 'nist';
  /** How long a data export takes. Default 6 s. */
  exportDurationMs?: number;
  /** Exports end in `failed` instead of `ready`. Default false. */
  exportFails?: boolean;
  /** The user owns "Northwind Calls", which has other members (account deletion is refused). Default true. */
  ownsWorkspaceWithMembers?: boolean;
  /** `growth` (default): paid plan with a Visa card; `free`: no price, no card, no renewal. */
  plan?: 'growth' | 'free';
  /**
   * The card on file with the paid plan: `valid` (default; a Visa expiring in two years),
   * `expiring` (at the end of next month), `expired` (at the end of last month) or `none`
   * (no payment method on file). The free plan never has a card.
   */
  card?: 'valid' | 'expiring' | 'expired' | 'none';
  /** Adds a session, a login attempt and a trusted device whose text fields carry markup, RTL text and emoji. */
  hostile?: boolean;
  /** The clock. Default `Date.now`. */
  now?: () => number;
  /** Seed of the generator for lists. Default 1. */
  seed?: number;
}

/** `MockOptions` with every default filled in. */
export type ResolvedOptions = Required<Omit<MockOptions, 'now'>> & { now: () => number };

/** The whole mutable state: one slice per domain. */
export type State = ProfileState &
  EmailState &
  PasswordState &
  TwoFactorState &
  SessionsState &
  PasskeysState &
  NotificationsState &
  PrivacyState &
  ConnectionsState &
  PreferencesState &
  BillingState;

/** One per `MockStore`; `reset()` replaces its options and state in place. */
export class StoreContext {
  options!: ResolvedOptions;
  state!: State;

  /** The store's clock. */
  now(): number {
    return this.options.now();
  }
}

export const iso = (ms: number): string => new Date(ms).toISOString();

export function randomToken(bytes = 24): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes));
  let out = '';
  for (const b of raw) out += b.toString(16).padStart(2, '0');
  return out;
}

export function randomId(prefix: string): string {
  return `${prefix}_${randomToken(8)}`;
}
