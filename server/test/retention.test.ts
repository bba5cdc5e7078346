/**
 * Retention: one pass deletes, in every table, what is past its time and keeps what is not; the
 * server runs the pass itself (started with it, stopped by close()), and two passes at once (two
 * instances on one database) do no harm.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountServer, type AccountServer } from '../src/index.js';
import { parseLoginHistoryDays, Retention } from '../src/retention.js';
import { testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
const DAY = 24 * 60 * 60 * 1000;

let server: AccountServer;
let userId: string;

beforeAll(async () => {
  // The server's own pass every 200 ms (the last test waits for it), keeping sign-in attempts long
  // enough that it never takes one the other tests look at.
  server = await createAccountServer({ ...testStorage(), baseUrl: ORIGIN, development: true, retention: { intervalMs: 200, periods: { loginHistoryDays: 1000 } } });
  ({ user: { id: userId } } = await server.auth.api.signUpEmail({ body: { email: 'retention@northwind-calls.example', password: 'Retention#2026', name: 'Retention' } }));
});

afterAll(async () => {
  await server?.close();
});

/** One row that is past its time and one that is not, in every table the cleanup looks at. */
async function seed(now: number): Promise<void> {
  const db = server.database.db;
  const at = (days: number) => new Date(now + days * DAY);
  const pair = async <T>(insert: (old: boolean, tag: string) => Promise<T>) => {
    await insert(true, 'old');
    await insert(false, 'new');
  };
  await pair((old, tag) => db.insertInto('session').values({ id: `s-${tag}`, token: `t-${tag}`, userId, expiresAt: at(old ? -1 : 1), ipAddress: null, userAgent: null, createdAt: at(-2), updatedAt: at(-2) }).execute());
  await pair((old, tag) => db.insertInto('verification').values({ id: `v-${tag}`, identifier: `trust-${tag}`, value: userId, expiresAt: at(old ? -1 : 1) }).execute());
  await pair((old, tag) =>
    db.insertInto('dn_trusted_device').values({ id: `d-${tag}`, user_id: userId, identifier: `trust-${tag}`, user_agent: null, trusted_at: at(-40), last_used_at: at(-31), expires_at: at(old ? -1 : 1) }).execute(),
  );
  await pair((old, tag) => db.insertInto('dn_used_token').values({ token_hash: `u-${tag}`, kind: 'password-reset', used_at: at(-2), forget_after: at(old ? -1 : 1) }).execute());
  await pair((old, tag) => db.insertInto('dn_oauth_state').values({ state_hash: `o-${tag}`, user_id: userId, provider: 'github', redirect_uri: ORIGIN, expires_at: at(old ? -1 : 1) }).execute());
  // A passkey challenge of the live session s-new (an expired session's would go with it by cascade).
  await pair((old, tag) => db.insertInto('dn_passkey_challenge').values({ challenge_hash: `c-${tag}`, session_id: 's-new', kind: 'reauth', expires_at: at(old ? -1 : 1) }).execute());
  await pair((old, tag) => db.insertInto('dn_rate_limit').values({ key: `reauth:${tag}`, count: 3, reset_at: at(old ? -1 : 1) }).execute());
  await pair((old, tag) => sql`insert into "rateLimit" (id, key, count, "lastRequest") values (${`r-${tag}`}, ${`127.0.0.1|/${tag}`}, 1, ${now - (old ? 2 : 0.5) * DAY})`.execute(db));
  // Exports: one whose archive just expired (kept, archive dropped), one expired 31 days ago (gone), one ready, one failed 31 days ago (gone).
  const job = (id: string, status: 'ready' | 'failed', expires: Date | null, requested: Date) =>
    db.insertInto('dn_export').values({ id, user_id: userId, status, progress: 100, requested_at: requested, ready_at: expires && requested, expires_at: expires, archive: status === 'ready' ? new Uint8Array([1, 2, 3]) : null }).execute();
  await job('x-expired', 'ready', at(-1), at(-8));
  await job('x-old', 'ready', at(-31), at(-38));
  await job('x-ready', 'ready', at(6), at(-1));
  await job('x-failed', 'failed', null, at(-31));
  await pair((old, tag) => db.insertInto('dn_export_link').values({ token_hash: `l-${tag}`, export_id: 'x-ready', created_at: at(-2), expires_at: at(old ? -1 : 1) }).execute());
  await pair((old, tag) => db.insertInto('dn_login_attempt').values({ id: `a-${tag}`, user_id: userId, at: at(old ? -91 : -89), success: true, failure_reason: null, user_agent: null }).execute());
  await pair((old, tag) => db.insertInto('dn_inbox_item').values({ id: `i-${tag}`, user_id: userId, kind: 'new-device', title: 't', body: 'b', created_at: at(old ? -91 : -89), read_at: null }).execute());
  await pair((old, tag) => db.insertInto('dn_outbox').values({ id: `m-${tag}`, to: 'retention@northwind-calls.example', subject: 's', text: 't', kind: 'notice', created_at: at(old ? -31 : -29), sent_at: at(old ? -31 : -29), status: 'sent' }).execute());
  // Still queued after 31 days (a transport down for a month): kept until it goes.
  await db.insertInto('dn_outbox').values({ id: 'm-queued', to: 'retention@northwind-calls.example', subject: 's', text: 't', kind: 'notice', created_at: at(-31), sent_at: null, status: 'queued' }).execute();
  await pair((old, tag) => db.insertInto('dn_known_device').values({ user_id: userId, device_hash: `k-${tag}`, browser: 'Chrome', os: 'macOS', first_seen_at: at(-500), last_seen_at: at(old ? -401 : -399) }).execute());
}

async function left(): Promise<Record<string, string[]>> {
  const db = server.database.db;
  const ids = async (query: Promise<{ id: string }[]>) => (await query).map((r) => r.id).sort();
  return {
    session: await ids(db.selectFrom('session').select('id').where('id', 'like', 's-%').execute()),
    verification: await ids(db.selectFrom('verification').select('id').where('id', 'like', 'v-%').execute()),
    trusted: await ids(db.selectFrom('dn_trusted_device').select('id').where('user_id', '=', userId).execute()),
    used: await ids(db.selectFrom('dn_used_token').select('token_hash as id').execute()),
    oauth: await ids(db.selectFrom('dn_oauth_state').select('state_hash as id').execute()),
    challenges: await ids(db.selectFrom('dn_passkey_challenge').select('challenge_hash as id').where('challenge_hash', 'like', 'c-%').execute()),
    limits: await ids(db.selectFrom('dn_rate_limit').select('key as id').where('key', 'like', 'reauth:%').execute()),
    engineLimits: (await sql<{ id: string }>`select id from "rateLimit" where id like 'r-%' order by id`.execute(db)).rows.map((r) => r.id),
    exports: await ids(db.selectFrom('dn_export').select('id').where('user_id', '=', userId).execute()),
    archives: await ids(db.selectFrom('dn_export').select('id').where('user_id', '=', userId).where('archive', 'is not', null).execute()),
    links: await ids(db.selectFrom('dn_export_link').select('token_hash as id').execute()),
    attempts: await ids(db.selectFrom('dn_login_attempt').select('id').where('user_id', '=', userId).execute()),
    inbox: await ids(db.selectFrom('dn_inbox_item').select('id').where('user_id', '=', userId).execute()),
    outbox: await ids(db.selectFrom('dn_outbox').select('id').where('id', 'like', 'm-%').execute()),
    devices: await ids(db.selectFrom('dn_known_device').select('device_hash as id').where('user_id', '=', userId).execute()),
  };
}

const KEPT = {
  session: ['s-new'],
  verification: ['v-new'],
  trusted: ['d-new'],
  used: ['u-new'],
  oauth: ['o-new'],
  challenges: ['c-new'],
  limits: ['reauth:new'],
  engineLimits: ['r-new'],
  exports: ['x-expired', 'x-ready'],
  archives: ['x-ready'],
  links: ['l-new'],
  attempts: ['a-new'],
  inbox: ['i-new'],
  outbox: ['m-new', 'm-queued'],
  devices: ['k-new'],
};

describe('retention', () => {
  it('deletes what is past its time in every table and keeps the rest; two passes at once do no harm', async () => {
    await seed(Date.now());
    const db = server.database.db;
    // The expired session's re-authentication row goes with it (ON DELETE CASCADE).
    await db.insertInto('dn_reauth').values({ session_id: 's-old', reauthenticated_at: new Date(Date.now() - 2 * DAY) }).execute();
    const one = new Retention(db, { intervalMs: 3_600_000 });
    const other = new Retention(db, { intervalMs: 3_600_000 });
    const [removed] = await Promise.all([one.runOnce(), other.runOnce()]);
    expect(await left()).toEqual(KEPT);
    expect(await db.selectFrom('dn_reauth').select('session_id').where('session_id', '=', 's-old').execute()).toEqual([]);
    expect(Object.keys(removed!)).toEqual(
      expect.arrayContaining(['session', 'verification', 'trusted-device', 'used-token', 'email-change', 'oauth-state', 'passkey-challenge', 'rate-limit', 'engine-rate-limit', 'export-link', 'export-archive', 'export-job', 'login-attempt', 'inbox-item', 'outbox', 'known-device']),
    );
    // Nothing left to do.
    expect(Object.values(await one.runOnce()).every((n) => n === 0)).toBe(true);
  });

  it('keeps sign-in attempts for LOGIN_HISTORY_DAYS', async () => {
    const db = server.database.db;
    await db.insertInto('dn_login_attempt').values({ id: 'a-200', user_id: userId, at: new Date(Date.now() - 200 * DAY), success: false, failure_reason: 'wrong-password', user_agent: null }).execute();
    await new Retention(db, { periods: { loginHistoryDays: 365 } }).runOnce();
    expect((await db.selectFrom('dn_login_attempt').select('id').where('id', '=', 'a-200').execute()).length).toBe(1);
    await new Retention(db, { periods: { loginHistoryDays: parseLoginHistoryDays('180') } }).runOnce();
    expect((await db.selectFrom('dn_login_attempt').select('id').where('id', '=', 'a-200').execute()).length).toBe(0);
    expect(parseLoginHistoryDays(undefined)).toBeUndefined();
    expect(new Retention(db, { periods: { loginHistoryDays: parseLoginHistoryDays('') } }).periods.loginHistoryDays).toBe(90);
    expect(() => parseLoginHistoryDays('0')).toThrow(/LOGIN_HISTORY_DAYS/);
    expect(() => parseLoginHistoryDays('ninety')).toThrow(/LOGIN_HISTORY_DAYS/);
  });

  it('runs in the server by itself, and close() stops it', async () => {
    const db = server.database.db;
    const id = randomUUID();
    await db.insertInto('dn_inbox_item').values({ id, user_id: userId, kind: 'new-device', title: 't', body: 'b', created_at: new Date(Date.now() - 100 * DAY), read_at: null }).execute();
    await expect.poll(async () => (await db.selectFrom('dn_inbox_item').select('id').where('id', '=', id).execute()).length, { timeout: 5000, interval: 100 }).toBe(0);
  });
});
