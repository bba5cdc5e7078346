/**
 * The data export: a background job in the database (`dn_export`: queued → running → ready or
 * failed), run by a worker in the server's process that claims queued rows one at a time
 * (`FOR UPDATE SKIP LOCKED`, so several instances on one PostgreSQL never build the same job)
 * and picks up after a restart whatever was queued or left running. The result is a ZIP
 * archive (fflate) of the user's data, kept in the database for 7 days and downloaded through
 * a link whose token is random (node:crypto) and stored only as its SHA-256; the download also
 * needs the user's session, so a link that leaks is of no use to anyone else.
 */
import { Periodic } from './periodic.js';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { sql, type ColumnType, type Kysely } from 'kysely';
import type * as s from '../../src/api/schemas.js';
import { NOTIFICATION_CATALOG } from '../../mock/seed.js';
import { describeUserAgent } from './device.js';
import type { Feature } from './feature.js';
import { recipient, type Recipient } from './i18n.js';
import { HttpProblem, notFound, unauthorized } from './problem.js';
import type { Database } from './schema.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** The archive's files beside what each holds, as the README lists them. */
const README_FILES = [
  ['profile.json', 'exportReadme.profile'],
  ['settings.json', 'exportReadme.settings'],
  ['sessions.json', 'exportReadme.sessions'],
  ['sign-in-history.json', 'exportReadme.signInHistory'],
  ['trusted-devices.json', 'exportReadme.trustedDevices'],
  ['connected-accounts.json', 'exportReadme.connectedAccounts'],
] as const;

/** The archive's README.txt, in the user's language with the time in their zone. */
function readme({ t, when }: Recipient, exportedAt: Date, email: string): string {
  const width = Math.max(...README_FILES.map(([file]) => file.length)) + 2;
  return [t('exportReadme.intro', { when: when(exportedAt), email }), '', ...README_FILES.map(([file, key]) => `${file.padEnd(width)}${t(key)}`), ''].join('\n');
}

export interface ExportTable {
  id: string;
  user_id: string;
  status: 'queued' | 'running' | 'ready' | 'failed';
  progress: ColumnType<number, number | undefined, number>;
  requested_at: Timestamp;
  started_at: Timestamp | null;
  ready_at: Timestamp | null;
  expires_at: Timestamp | null;
  error: string | null;
  file_name: string | null;
  archive: Uint8Array | null;
}

export interface ExportLinkTable {
  token_hash: string;
  export_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

// The export's tables join the schema from here, so the module brings its own types.
declare module './schema.js' {
  interface Database {
    dn_export: ExportTable;
    dn_export_link: ExportLinkTable;
  }
}

/** How long a finished archive can be downloaded. */
export const EXPORT_VALID_MS = 7 * 24 * 60 * 60_000;
export const EXPORT_MEDIA_TYPE = 'application/zip';
/** A job "running" for longer than this was left by a process that stopped; it is queued again. */
const STALE_RUN_MS = 2 * 60_000;
/** Download links kept per export (each read of a ready job hands out a fresh one). */
const LINKS_KEPT = 5;

const iso = (d: Date | string): string => new Date(d).toISOString();
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface ExportRunnerOptions {
  /** How often the worker looks for queued jobs. Default 1 s. */
  pollMs?: number | undefined;
  now?: () => Date;
  /** Called with a job's error (the user sees a general message). */
  onError?: (error: unknown, jobId: string) => void;
}

/** The worker: claims queued jobs, builds their archives, and stops cleanly on shutdown. */
export class ExportRunner {
  readonly #db: Kysely<Database>;
  readonly #pollMs: number;
  readonly #now: () => Date;
  readonly #onError: (error: unknown, jobId: string) => void;
  readonly #loop: Periodic;

  constructor(db: Kysely<Database>, options: ExportRunnerOptions = {}) {
    this.#db = db;
    this.#pollMs = options.pollMs ?? 1000;
    this.#loop = new Periodic(() => this.runQueued(), this.#pollMs);
    this.#now = options.now ?? (() => new Date());
    this.#onError = options.onError ?? ((error, id) => console.error(`data export ${id} failed`, error));
  }

  start(): void {
    this.#loop.start();
  }

  /** Waits for the job in hand, then stops looking for more. */
  stop(): Promise<void> {
    return this.#loop.stop();
  }

  /** Builds every queued job (and any a stopped process left running); resolves when none is left. */
  async runQueued(): Promise<void> {
    const stale = new Date(this.#now().getTime() - STALE_RUN_MS);
    await this.#db.updateTable('dn_export').set({ status: 'queued', progress: 0 }).where('status', '=', 'running').where('started_at', '<', stale).execute();
    while (!this.#loop.stopped) {
      const job = await this.#claim();
      if (!job) return;
      try {
        await this.#build(job.id, job.user_id);
      } catch (error) {
        this.#onError(error, job.id);
        await this.#db
          .updateTable('dn_export')
          .set({ status: 'failed', progress: 100, error: 'The export could not be completed. Try again.', archive: null })
          .where('id', '=', job.id)
          .execute();
      }
    }
  }

  async #claim(): Promise<{ id: string; user_id: string } | undefined> {
    const result = await sql<{ id: string; user_id: string }>`
      update dn_export set status = 'running', progress = 1, started_at = ${this.#now()}
      where id = (select id from dn_export where status = 'queued' order by requested_at limit 1 for update skip locked)
      returning id, user_id`.execute(this.#db);
    return result.rows[0];
  }

  async #progress(id: string, progress: number): Promise<void> {
    await this.#db.updateTable('dn_export').set({ progress }).where('id', '=', id).execute();
  }

  async #build(id: string, userId: string): Promise<void> {
    const db = this.#db;
    const user = await db.selectFrom('user').select(['id', 'name', 'email', 'emailVerified', 'twoFactorEnabled', 'createdAt', 'updatedAt']).where('id', '=', userId).executeTakeFirstOrThrow();
    const profile = await db.selectFrom('dn_profile').selectAll().where('user_id', '=', userId).executeTakeFirst();
    const avatar = await db.selectFrom('dn_avatar').select(['content_type', 'bytes']).where('user_id', '=', userId).executeTakeFirst();
    await this.#progress(id, 20);
    const preferences = await db.selectFrom('dn_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst();
    const privacy = await db.selectFrom('dn_privacy').selectAll().where('user_id', '=', userId).executeTakeFirst();
    const notifications = await db.selectFrom('dn_notification_setting').selectAll().where('user_id', '=', userId).execute();
    await this.#progress(id, 40);
    const sessions = await db.selectFrom('session').select(['id', 'createdAt', 'updatedAt', 'expiresAt', 'ipAddress', 'userAgent']).where('userId', '=', userId).orderBy('createdAt', 'desc').execute();
    const attempts = await db.selectFrom('dn_login_attempt').selectAll().where('user_id', '=', userId).orderBy('at', 'desc').orderBy('id', 'desc').execute();
    const devices = await db.selectFrom('dn_trusted_device').selectAll().where('user_id', '=', userId).orderBy('trusted_at', 'desc').execute();
    await this.#progress(id, 70);
    const accounts = await db.selectFrom('account').select(['providerId', 'accountId']).select(sql<Date>`"createdAt"`.as('createdAt')).where('userId', '=', userId).execute();

    const exportedAt = this.#now();
    const json = (value: unknown): Uint8Array => strToU8(`${JSON.stringify(value, null, 2)}\n`);
    const files: Zippable = {
      'README.txt': strToU8(readme(recipient(profile), exportedAt, user.email)),
      'profile.json': json({
        id: user.id,
        displayName: user.name,
        email: user.email,
        emailVerified: user.emailVerified,
        phone: profile?.phone ?? null,
        timezone: profile?.timezone ?? 'UTC',
        language: profile?.language ?? 'en',
        company: profile?.company ?? null,
        bio: profile?.bio ?? null,
        role: profile?.role ?? 'member',
        twoFactorEnabled: user.twoFactorEnabled === true,
        createdAt: iso(user.createdAt),
        updatedAt: iso(user.updatedAt),
        avatar: avatar ? `avatar.${avatar.content_type.split('/')[1] ?? 'bin'}` : null,
      }),
      'settings.json': json({
        preferences: preferences
          ? { theme: preferences.theme, density: preferences.density, dateFormat: preferences.date_format, timeFormat: preferences.time_format }
          : null,
        privacy: { analyticsEnabled: privacy?.analytics_enabled ?? true },
        notifications: NOTIFICATION_CATALOG.types.map((type) => ({
          type: type.id,
          channels: Object.fromEntries(
            NOTIFICATION_CATALOG.channels.map((channel) => {
              const stored = type.locked[channel.id] === undefined ? notifications.find((n) => n.type_id === type.id && n.channel_id === channel.id) : undefined;
              return [channel.id, stored ? stored.enabled : (type.defaults[channel.id] ?? false)];
            }),
          ),
        })),
      }),
      'sessions.json': json(
        sessions.map((row) => ({
          createdAt: iso(row.createdAt),
          lastActiveAt: iso(row.updatedAt),
          expiresAt: iso(row.expiresAt),
          ...describeUserAgent(row.userAgent),
          ip: row.ipAddress ?? '',
        })),
      ),
      'sign-in-history.json': json(
        attempts.map((row) => ({ at: iso(row.at), success: row.success, failureReason: row.failure_reason, ...describeUserAgent(row.user_agent), ip: row.ip })),
      ),
      'trusted-devices.json': json(
        devices.map((row) => ({ trustedAt: iso(row.trusted_at), lastUsedAt: iso(row.last_used_at), expiresAt: iso(row.expires_at), ...describeUserAgent(row.user_agent), ip: row.ip })),
      ),
      'connected-accounts.json': json(accounts.filter((a) => a.providerId !== 'credential').map((a) => ({ provider: a.providerId, connectedAt: iso(a.createdAt) }))),
    };
    if (avatar) files[`avatar.${avatar.content_type.split('/')[1] ?? 'bin'}`] = [new Uint8Array(avatar.bytes), { level: 0 }];
    const archive = zipSync(files, { level: 6, mtime: exportedAt });
    const readyAt = this.#now();
    await db
      .updateTable('dn_export')
      .set({
        status: 'ready',
        progress: 100,
        ready_at: readyAt,
        expires_at: new Date(readyAt.getTime() + EXPORT_VALID_MS),
        file_name: `dialnexa-account-${readyAt.toISOString().slice(0, 10)}.zip`,
        archive,
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  }
}

/** `GET` / `POST /data-export` and the download they link to. */
export function dataExport() {
  return ({ app, route, db, auth, now, apiUrl }: Feature): void => {
    /** A fresh download link for a ready job: a random token, stored as its hash, valid while the archive is. */
    async function link(exportId: string, expiresAt: Date): Promise<string> {
      const token = randomBytes(32).toString('base64url');
      await db.insertInto('dn_export_link').values({ token_hash: hashToken(token), export_id: exportId, created_at: now(), expires_at: expiresAt }).execute();
      const kept = db.selectFrom('dn_export_link').select('token_hash').where('export_id', '=', exportId).orderBy('created_at', 'desc').limit(LINKS_KEPT);
      await db.deleteFrom('dn_export_link').where('export_id', '=', exportId).where('token_hash', 'not in', kept).execute();
      return `${apiUrl}/data-export/download/${token}`;
    }

    async function state(userId: string): Promise<s.DataExportState> {
      const row = await db
        .selectFrom('dn_export')
        .select(['id', 'status', 'progress', 'requested_at', 'ready_at', 'expires_at', 'error'])
        .where('user_id', '=', userId)
        .orderBy('requested_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!row) return { job: null };
      const base = { id: row.id, requestedAt: iso(row.requested_at), readyAt: null, expiresAt: null, downloadUrl: null, error: null };
      if (row.status === 'queued' || row.status === 'running') return { job: { ...base, status: row.status, progress: Math.min(row.progress, 99) } };
      if (row.status === 'failed') return { job: { ...base, status: 'failed', progress: 100, error: row.error } };
      const readyAt = iso(row.ready_at!);
      const expiresAt = new Date(row.expires_at!);
      if (expiresAt <= now()) {
        // The archive goes once its time is up; the job stays, so the element can say it expired.
        await db.updateTable('dn_export').set({ archive: null }).where('id', '=', row.id).where('archive', 'is not', null).execute();
        return { job: { ...base, status: 'expired', progress: 100, readyAt, expiresAt: iso(expiresAt) } };
      }
      return { job: { ...base, status: 'ready', progress: 100, readyAt, expiresAt: iso(expiresAt), downloadUrl: await link(row.id, expiresAt), mediaType: EXPORT_MEDIA_TYPE } };
    }

    route('getDataExport', ({ signed }) => state(signed.user.id));

    route('requestDataExport', async ({ signed }) => {
      const userId = signed.user.id;
      const inserted = await db.transaction().execute(async (tx) => {
        // One export at a time per user: the user's row is the lock two concurrent requests queue on.
        await tx.selectFrom('user').select('id').where('id', '=', userId).forUpdate().execute();
        const active = await tx.selectFrom('dn_export').select('id').where('user_id', '=', userId).where('status', 'in', ['queued', 'running']).executeTakeFirst();
        if (active) return false;
        // Older exports (and their archives) make way for the new one.
        await tx.deleteFrom('dn_export').where('user_id', '=', userId).execute();
        await tx.insertInto('dn_export').values({ id: `exp_${randomUUID()}`, user_id: userId, status: 'queued', progress: 0, requested_at: now() }).execute();
        return true;
      });
      if (!inserted) throw new HttpProblem(409, 'export-in-progress', 'Export in progress', 'An export is already being prepared. You can start another once it finishes.');
      return state(userId);
    });

    // The archive itself: the link's token and the owner's session, before it expires.
    app.get('/data-export/download/:token', async (c) => {
      const found = await auth.api.getSession({ headers: c.req.raw.headers });
      if (!found) throw unauthorized();
      const row = await db
        .selectFrom('dn_export_link')
        .innerJoin('dn_export', 'dn_export.id', 'dn_export_link.export_id')
        .select(['dn_export.user_id', 'dn_export.archive', 'dn_export.file_name', 'dn_export.expires_at'])
        .where('dn_export_link.token_hash', '=', hashToken(c.req.param('token')))
        .where('dn_export_link.expires_at', '>', now())
        .where('dn_export.status', '=', 'ready')
        .executeTakeFirst();
      if (!row || row.user_id !== found.user.id || !row.archive || !row.expires_at || new Date(row.expires_at) <= now()) throw notFound('That download');
      return new Response(new Uint8Array(row.archive), {
        headers: {
          'Content-Type': EXPORT_MEDIA_TYPE,
          'Content-Disposition': `attachment; filename="${row.file_name ?? 'dialnexa-account.zip'}"`,
          'X-Content-Type-Options': 'nosniff',
          'Content-Security-Policy': "default-src 'none'; sandbox",
          'Cache-Control': 'private, no-store',
          'Referrer-Policy': 'no-referrer',
        },
      });
    });
  };
}
