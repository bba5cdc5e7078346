/**
 * Table types for Kysely: the DialNexa tables (`dn_*`, snake_case) and the columns of
 * Better Auth's own tables that the account API reads (Better Auth creates those itself,
 * with camelCase column names).
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  image: string | null;
  twoFactorEnabled: boolean | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface SessionTable {
  id: string;
  token: string;
  userId: string;
  expiresAt: Timestamp;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface AccountTable {
  id: string;
  userId: string;
  providerId: string;
  accountId: string;
  password: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface TwoFactorTable {
  id: string;
  userId: string;
  secret: string;
  backupCodes: string;
  verified: boolean | null;
}

export interface ProfileTable {
  user_id: string;
  phone: string | null;
  timezone: ColumnType<string, string | undefined, string>;
  language: ColumnType<string, string | undefined, string>;
  company: string | null;
  bio: string | null;
  role: ColumnType<'owner' | 'admin' | 'member', 'owner' | 'admin' | 'member' | undefined, 'owner' | 'admin' | 'member'>;
  updated_at: Timestamp;
}

export interface PreferencesTable {
  user_id: string;
  theme: string;
  density: string;
  date_format: string;
  time_format: string;
}

export interface PrivacyTable {
  user_id: string;
  analytics_enabled: boolean;
}

export interface NotificationSettingTable {
  user_id: string;
  type_id: string;
  channel_id: string;
  enabled: boolean;
}

/** Filled by the host (or its billing system); the API only reads it. */
export interface BillingTable {
  user_id: string;
  plan_id: string;
  plan_name: string;
  free: boolean;
  price_amount: number | null;
  price_currency: string | null;
  price_interval: 'month' | 'year' | null;
  card_brand: string | null;
  card_last4: string | null;
  card_exp_month: number | null;
  card_exp_year: number | null;
  next_renewal_at: Timestamp | null;
}

/** The last time a session proved its user again (password or 2FA code). */
export interface ReauthTable {
  session_id: string;
  reauthenticated_at: Timestamp;
}

export interface TwoFactorMetaTable {
  user_id: string;
  enabled_at: Timestamp | null;
  backup_codes_generated_at: Timestamp | null;
  setup_id: string | null;
  setup_expires_at: Timestamp | null;
  last_totp_step: number | null;
}

export interface VerificationTable {
  id: string;
  identifier: string;
  value: string;
  expiresAt: Timestamp;
}

/** One sign-in attempt, successful or not. */
export interface LoginAttemptTable {
  id: string;
  user_id: string;
  at: Timestamp;
  success: boolean;
  failure_reason: string | null;
  user_agent: string | null;
  ip: ColumnType<string, string | undefined, string>;
}

/** A device the user trusted at the two-factor step; `identifier` is the plugin's trust record. */
export interface TrustedDeviceTable {
  id: string;
  user_id: string;
  identifier: string;
  user_agent: string | null;
  ip: ColumnType<string, string | undefined, string>;
  trusted_at: Timestamp;
  last_used_at: Timestamp;
  expires_at: Timestamp;
}

export interface AvatarTable {
  user_id: string;
  /** Changes with every upload, so the URL of an old picture never serves the new one from a cache. */
  id: string;
  content_type: string;
  bytes: Uint8Array;
  updated_at: Timestamp;
}

export interface Database {
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
  twoFactor: TwoFactorTable;
  dn_profile: ProfileTable;
  dn_preferences: PreferencesTable;
  dn_privacy: PrivacyTable;
  dn_notification_setting: NotificationSettingTable;
  dn_billing: BillingTable;
  dn_reauth: ReauthTable;
  dn_two_factor_meta: TwoFactorMetaTable;
  dn_login_attempt: LoginAttemptTable;
  dn_trusted_device: TrustedDeviceTable;
  dn_avatar: AvatarTable;
  verification: VerificationTable;
  dn_outbox: OutboxTable;
  dn_email_change: EmailChangeTable;
  dn_used_token: UsedTokenTable;
}

export type { Generated };

/** Every message the server sends, newest last; `sent_at` is set once a transport delivered it. */
export interface OutboxTable {
  id: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  /** `mailbox` (no transport: kept for the development mailbox), `queued`, `sent` or `failed`. */
  status: Generated<string>;
  /** Delivery attempts made so far. */
  attempts: Generated<number>;
  /** When the next attempt is due; while one is under way, when it counts as abandoned. */
  next_attempt_at: Timestamp | null;
  /** What the last failed attempt answered (an error code, never the message or the address). */
  last_error: string | null;
}

/** The user's pending email change: the new address and the hash of the link's token. */
export interface EmailChangeTable {
  user_id: string;
  new_email: string;
  token_hash: string;
  requested_at: Timestamp;
  expires_at: Timestamp;
}

/** Hashes of link tokens already used, so a second use is told apart from an expired link. */
export interface UsedTokenTable {
  token_hash: string;
  kind: string;
  used_at: Timestamp;
  forget_after: Timestamp;
}
