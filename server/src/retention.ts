/**
 * Retention: a worker in the process deletes what has outlived its use, so nothing is kept
 * longer than the README's table "What it stores and for how long" says. Every step is one
 * `DELETE … WHERE <expired>` (or an `UPDATE` that drops an export's archive): idempotent, so
 * instances sharing a PostgreSQL may run it at the same time without harm, each finding what
 * the others left. A failed step is logged and the next one runs; the whole pass comes again
 * at the next interval.
 */
import { Periodic } from './periodic.js';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long things are kept past their use, in days (`LOGIN_HISTORY_DAYS` sets the first). */
export interface RetentionPeriods {
  /** Sign-in attempts (the login activity). Default 90. */
  loginHistoryDays: number;
  /** In-app notifications. Default 90. */
  inboxDays: number;
  /** Messages sent (or given up on) from the outbox. Default 30. */
  outboxDays: number;
  /** A data export's job row after its archive expired (so the page can still say it expired). Default 30. */
  exportJobDays: number;
  /** A device the user has not signed in from (the `dn-device` cookie's life). Default 400. */
  knownDeviceDays: number;
}

export const DEFAULT_RETENTION: RetentionPeriods = { loginHistoryDays: 90, inboxDays: 90, outboxDays: 30, exportJobDays: 30, knownDeviceDays: 400 };

/** Better Auth's limiter windows are seconds long; its rows are kept a day past their last request. */
const ENGINE_RATE_LIMIT_MS = DAY_MS;

export interface RetentionOptions {
  periods?: Partial<RetentionPeriods> | undefined;
  /** How often a pass runs, in ms. Default an hour; the first runs a minute after start (or sooner with a shorter interval). */
  intervalMs?: number | undefined;
  now?: () => Date;
  log?: (line: string) => void;
}

/** `LOGIN_HISTORY_DAYS`: a whole number of days, at least 1; unset, the default. */
export function parseLoginHistoryDays(value: string | undefined): number | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1) throw new Error(`LOGIN_HISTORY_DAYS must be a whole number of days (1 or more), not "${value}"`);
  return Number(text);
}

export class Retention {
  readonly #db: Kysely<Database>;
  readonly #periods: RetentionPeriods;
  readonly #intervalMs: number;
  readonly #now: () => Date;
  readonly #log: (line: string) => void;
  readonly #loop: Periodic;

  constructor(db: Kysely<Database>, options: RetentionOptions = {}) {
    this.#db = db;
    const set = Object.entries(options.periods ?? {}).filter(([, days]) => days !== undefined);
    this.#periods = { ...DEFAULT_RETENTION, ...Object.fromEntries(set) };
    this.#intervalMs = options.intervalMs ?? 60 * 60 * 1000;
    this.#now = options.now ?? (() => new Date());
    this.#log = options.log ?? ((line) => console.error(line));
    this.#loop = new Periodic(() => this.runOnce(), this.#intervalMs);
  }

  get periods(): RetentionPeriods {
    return { ...this.#periods };
  }

  start(): void {
    this.#loop.start(Math.min(60_000, this.#intervalMs));
  }

  /** Waits for a pass in hand, then runs no more. */
  stop(): Promise<void> {
    return this.#loop.stop();
  }

  /** One pass: every step, in order; returns the rows each removed (or changed), by step name. */
  async runOnce(): Promise<Record<string, number>> {
    const now = this.#now();
    const ago = (days: number): Date => new Date(now.getTime() - days * DAY_MS);
    const db = this.#db;
    const p = this.#periods;
    const steps: [string, () => Promise<{ numDeletedRows?: bigint; numUpdatedRows?: bigint; numAffectedRows?: bigint } | undefined>][] = [
      // Better Auth: sessions past their expiry (dn_reauth follows by cascade), and its verification
      // rows — reset links, 2FA challenges, the plugin's trust records, OAuth states — past theirs.
      ['session', () => db.deleteFrom('session').where('expiresAt', '<', now).executeTakeFirst()],
      ['verification', () => db.deleteFrom('verification').where('expiresAt', '<', now).executeTakeFirst()],
      ['trusted-device', () => db.deleteFrom('dn_trusted_device').where('expires_at', '<', now).executeTakeFirst()],
      ['used-token', () => db.deleteFrom('dn_used_token').where('forget_after', '<', now).executeTakeFirst()],
      ['email-change', () => db.deleteFrom('dn_email_change').where('expires_at', '<', now).executeTakeFirst()],
      ['oauth-state', () => db.deleteFrom('dn_oauth_state').where('expires_at', '<', now).executeTakeFirst()],
      ['passkey-challenge', () => db.deleteFrom('dn_passkey_challenge').where('expires_at', '<', now).executeTakeFirst()],
      ['rate-limit', () => db.deleteFrom('dn_rate_limit').where('reset_at', '<=', now).executeTakeFirst()],
      ['engine-rate-limit', async () => {
        const result = await sql`delete from "rateLimit" where "lastRequest" < ${now.getTime() - ENGINE_RATE_LIMIT_MS}`.execute(db);
        return { numAffectedRows: result.numAffectedRows ?? 0n };
      }],
      ['export-link', () => db.deleteFrom('dn_export_link').where('expires_at', '<', now).executeTakeFirst()],
      // The archive goes at expiry; the job row (dates only) a while later.
      ['export-archive', () => db.updateTable('dn_export').set({ archive: null }).where('expires_at', '<', now).where('archive', 'is not', null).executeTakeFirst()],
      [
        'export-job',
        () =>
          db
            .deleteFrom('dn_export')
            .where((eb) => eb.or([eb('expires_at', '<', ago(p.exportJobDays)), eb.and([eb('status', '=', 'failed'), eb('requested_at', '<', ago(p.exportJobDays))])]))
            .executeTakeFirst(),
      ],
      ['login-attempt', () => db.deleteFrom('dn_login_attempt').where('at', '<', ago(p.loginHistoryDays)).executeTakeFirst()],
      ['inbox-item', () => db.deleteFrom('dn_inbox_item').where('created_at', '<', ago(p.inboxDays)).executeTakeFirst()],
      // Sent, given up on after its attempts, or kept as the mailbox (no transport); a queued one is still to go.
      ['outbox', () => db.deleteFrom('dn_outbox').where('status', '!=', 'queued').where('created_at', '<', ago(p.outboxDays)).executeTakeFirst()],
      ['known-device', () => db.deleteFrom('dn_known_device').where('last_seen_at', '<', ago(p.knownDeviceDays)).executeTakeFirst()],
    ];
    const removed: Record<string, number> = {};
    for (const [name, step] of steps) {
      try {
        const result = await step();
        removed[name] = Number(result?.numDeletedRows ?? result?.numUpdatedRows ?? result?.numAffectedRows ?? 0);
      } catch (error) {
        this.#log(`retention: ${name} failed (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    return removed;
  }
}
