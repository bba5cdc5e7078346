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
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/** Applies the DialNexa migrations not yet applied; throws with the first error. */
export async function migrateAccountTables<T>(db: Kysely<T>): Promise<void> {
  const migrator = new Migrator({ db: db as Kysely<unknown>, provider, migrationTableName: 'dn_migration', migrationLockTableName: 'dn_migration_lock' });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
