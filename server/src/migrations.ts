/**
 * The DialNexa tables, as Kysely migrations (the same on PGlite and PostgreSQL). Better
 * Auth's own tables come first, from its schema (`getMigrations`), so these may refer to
 * `"user"`. Migrations are append-only: change the schema by adding one.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const migrations: Record<string, Migration> = {
  '0001_account_settings': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('dn_profile')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
        .addColumn('phone', 'text')
        .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('UTC'))
        .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
        .addColumn('company', 'text')
        .addColumn('bio', 'text')
        .addColumn('role', 'text', (c) => c.notNull().defaultTo('member'))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable('dn_preferences')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
        .addColumn('theme', 'text', (c) => c.notNull())
        .addColumn('density', 'text', (c) => c.notNull())
        .addColumn('date_format', 'text', (c) => c.notNull())
        .addColumn('time_format', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('dn_privacy')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
        .addColumn('analytics_enabled', 'boolean', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('dn_notification_setting')
        .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
        .addColumn('type_id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('enabled', 'boolean', (c) => c.notNull())
        .addPrimaryKeyConstraint('dn_notification_setting_pk', ['user_id', 'type_id', 'channel_id'])
        .execute();
      await db.schema
        .createTable('dn_billing')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
        .addColumn('plan_id', 'text', (c) => c.notNull())
        .addColumn('plan_name', 'text', (c) => c.notNull())
        .addColumn('free', 'boolean', (c) => c.notNull())
        .addColumn('price_amount', 'double precision')
        .addColumn('price_currency', 'text')
        .addColumn('price_interval', 'text')
        .addColumn('card_brand', 'text')
        .addColumn('card_last4', 'text')
        .addColumn('card_exp_month', 'integer')
        .addColumn('card_exp_year', 'integer')
        .addColumn('next_renewal_at', 'timestamptz')
        .execute();
      await db.schema
        .createTable('dn_reauth')
        .addColumn('session_id', 'text', (c) => c.primaryKey().references('session.id').onDelete('cascade'))
        .addColumn('reauthenticated_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('dn_two_factor_meta')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
        .addColumn('enabled_at', 'timestamptz')
        .addColumn('backup_codes_generated_at', 'timestamptz')
        .addColumn('setup_id', 'text')
        .addColumn('setup_expires_at', 'timestamptz')
        .execute();
    },
  },
  '0002_two_factor_activity_devices_avatar': {
    async up(db: Kysely<unknown>) {
      // The last TOTP time step accepted for the user: a code of that step or an earlier one is refused (RFC 6238 §5.2).
      await db.schema.alterTable('dn_two_factor_meta').addColumn('last_totp_step', 'integer').execute();
      await db.schema
        .createTable('dn_login_attempt')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
        .addColumn('at', 'timestamptz', (c) => c.notNull())
        .addColumn('success', 'boolean', (c) => c.notNull())
        .addColumn('failure_reason', 'text')
        .addColumn('user_agent', 'text')
        .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.createIndex('dn_login_attempt_user_at').on('dn_login_attempt').columns(['user_id', 'at desc', 'id desc']).execute();
      await db.schema
        .createTable('dn_trusted_device')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
        // The identifier of the two-factor plugin's trust record (its row in `verification`), which the plugin renews on each use.
        .addColumn('identifier', 'text', (c) => c.notNull().unique())
        .addColumn('user_agent', 'text')
        .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('trusted_at', 'timestamptz', (c) => c.notNull())
        .addColumn('last_used_at', 'timestamptz', (c) => c.notNull())
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('dn_avatar')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('bytes', 'bytea', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .execute();
    },
  },
  '0003_outbox_email_change_used_tokens': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('dn_outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('to', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('sent_at', 'timestamptz')
        .execute();
      await db.schema.createIndex('dn_outbox_created').on('dn_outbox').columns(['created_at desc']).execute();
      await db.schema
        .createTable('dn_email_change')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
        .addColumn('new_email', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('dn_used_token')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('used_at', 'timestamptz', (c) => c.notNull())
        .addColumn('forget_after', 'timestamptz', (c) => c.notNull())
        .execute();
    },
  },
  '0004_data_export': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('dn_export')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
        .addColumn('started_at', 'timestamptz')
        .addColumn('ready_at', 'timestamptz')
        .addColumn('expires_at', 'timestamptz')
        .addColumn('error', 'text')
        .addColumn('file_name', 'text')
        .addColumn('archive', 'bytea')
        .execute();
      await db.schema.createIndex('dn_export_user_requested').on('dn_export').columns(['user_id', 'requested_at desc']).execute();
      await db.schema.createIndex('dn_export_queued').on('dn_export').columns(['status', 'requested_at']).execute();
      await db.schema
        .createTable('dn_export_link')
        // SHA-256 of the link's token; the token itself is only ever in the answer that carries the link.
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('export_id', 'text', (c) => c.notNull().references('dn_export.id').onDelete('cascade'))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .execute();
    },
  },
  '0005_workspaces_usage': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('dn_workspace')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable('dn_workspace_member')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('dn_workspace.id').onDelete('cascade'))
        .addColumn('email', 'text', (c) => c.notNull())
        // Set when the member has an account on this server; its deletion removes the membership.
        .addColumn('user_id', 'text', (c) => c.references('user.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('dn_workspace_member_pk', ['workspace_id', 'email'])
        .execute();
      await db.schema.createIndex('dn_workspace_member_user').on('dn_workspace_member').column('user_id').execute();
      await db.schema
        .createTable('dn_usage')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
        .addColumn('agents', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('phone_numbers', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('recordings', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('transcripts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('wallet_amount', 'double precision', (c) => c.notNull().defaultTo(0))
        .addColumn('wallet_currency', 'text', (c) => c.notNull().defaultTo('USD'))
        .execute();
    },
  },
  '0006_connected_accounts': {
    async up(db: Kysely<unknown>) {
      // What the account API shows of a linked provider account beyond Better Auth's own row.
      await db.schema
        .createTable('dn_connection')
        .addColumn('account_id', 'text', (c) => c.primaryKey().references('account.id').onDelete('cascade'))
        .addColumn('email', 'text')
        .execute();
      // A started connection of the development provider: the state's SHA-256, single use, 10 minutes.
      await db.schema
        .createTable('dn_oauth_state')
        .addColumn('state_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('redirect_uri', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .execute();
    },
  },
  '0007_rate_limits_inbox': {
    async up(db: Kysely<unknown>) {
      // One row per limited key (`reauth:<user id>`, `sign-in-ip:<address>`): attempts in the window that ends at `reset_at`.
      await db.schema
        .createTable('dn_rate_limit')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('reset_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('dn_rate_limit_reset').on('dn_rate_limit').column('reset_at').execute();
      // The in-app channel of the account's notifications (the demo's bell).
      await db.schema
        .createTable('dn_inbox_item')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('read_at', 'timestamptz')
        .execute();
      await db.schema.createIndex('dn_inbox_item_user_created').on('dn_inbox_item').columns(['user_id', 'created_at desc', 'id desc']).execute();
      // Browsers a user signed in from: the SHA-256 of the device cookie's random id, with the browser and system seen.
      await db.schema
        .createTable('dn_known_device')
        .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
        .addColumn('device_hash', 'text', (c) => c.notNull())
        .addColumn('browser', 'text', (c) => c.notNull())
        .addColumn('os', 'text', (c) => c.notNull())
        .addColumn('first_seen_at', 'timestamptz', (c) => c.notNull())
        .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('dn_known_device_pk', ['user_id', 'device_hash'])
        .execute();
      // 2FA rows written by the account API's setup before it set the counter: the plugin's lock increments it, and NULL + 1 stays NULL.
      await sql`update "twoFactor" set "failedVerificationCount" = 0 where "failedVerificationCount" is null`.execute(db);
    },
  },
  '0008_outbox_delivery': {
    async up(db: Kysely<unknown>) {
      // Delivery from the outbox: attempts with backoff, then sent or failed, claimed by one instance at a time.
      await db.schema
        .alterTable('dn_outbox')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('mailbox'))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'timestamptz')
        .addColumn('last_error', 'text')
        .execute();
      await sql`update dn_outbox set status = 'sent' where sent_at is not null`.execute(db);
      await db.schema.createIndex('dn_outbox_due').on('dn_outbox').columns(['status', 'next_attempt_at']).execute();
    },
  },
  '0010_passkeys': {
    async up(db: Kysely<unknown>) {
      // A user's WebAuthn credentials: the COSE public key (base64url), the signature counter, and what tells where it lives.
      await db.schema
        .createTable('dn_passkey')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
        .addColumn('credential_id', 'text', (c) => c.notNull().unique())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('counter', 'bigint', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('transports', 'text', (c) => c.notNull())
        .addColumn('attachment', 'text')
        .addColumn('backed_up', 'boolean', (c) => c.notNull())
        .addColumn('aaguid', 'text')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('last_used_at', 'timestamptz')
        .execute();
      await db.schema.createIndex('dn_passkey_user').on('dn_passkey').column('user_id').execute();
      // A ceremony's challenge: its SHA-256, bound to the session that asked, single use, 5 minutes.
      await db.schema
        .createTable('dn_passkey_challenge')
        .addColumn('challenge_hash', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull().references('session.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .execute();
      // The passkey a session last confirmed with (the list marks it).
      await db.schema
        .createTable('dn_session_passkey')
        .addColumn('session_id', 'text', (c) => c.primaryKey().references('session.id').onDelete('cascade'))
        .addColumn('passkey_id', 'text', (c) => c.notNull().references('dn_passkey.id').onDelete('cascade'))
        .execute();
    },
  },
  '0011_passkey_sign_in': {
    async up(db: Kysely<unknown>) {
      // A passkey sign-in's challenge: its SHA-256, bound to the browser's cookie (hashed too), single use, 5 minutes.
      await db.schema
        .createTable('dn_passkey_sign_in')
        .addColumn('challenge_hash', 'text', (c) => c.primaryKey())
        .addColumn('browser_hash', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('dn_passkey_sign_in_expires').on('dn_passkey_sign_in').column('expires_at').execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/** Applies the DialNexa migrations not yet applied; throws with the first error. */
export async function migrateAccountTables<T>(db: Kysely<T>): Promise<void> {
  const migrator = new Migrator({ db: db as Kysely<unknown>, provider, migrationTableName: 'dn_migration', migrationLockTableName: 'dn_migration_lock' });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
