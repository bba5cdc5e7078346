/**
 * The account's own notifications: a sign-in from a browser not seen before (by password, and
 * after the 2FA step), a changed password (in the settings and by a reset link), a changed sign-in
 * email — each by email through the outbox and in the in-app inbox (`/api/inbox`), on the
 * channels the user's notification matrix has on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/api/endpoints.js';
import { totpCode } from '../../conformance/totp.js';
import { createAccountServer, type AccountServer } from '../src/index.js';
import { Notifier } from '../src/notify.js';
import { cookieClient } from './client.js';
import { tokenOfMail } from './conformance-hooks.js';
import { testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
const API = `${ORIGIN}/api/account`;
const INBOX = `${ORIGIN}/api/inbox`;
const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const CHROME_MAC_NEWER = CHROME_MAC.replace('Chrome/124', 'Chrome/125');
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0';

interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

let server: AccountServer;

beforeAll(async () => {
  // Behind one proxy: the browsers' requests carry its X-Forwarded-For.
  server = await createAccountServer({ ...testStorage(), baseUrl: ORIGIN, development: true, rateLimits: 'off', trustProxy: 1 });
});

afterAll(async () => {
  await server?.close();
});

const json = (body: unknown, method = 'POST'): RequestInit => ({ method, body: JSON.stringify(body) });

async function newUser(name: string) {
  const email = `${name}@northwind-calls.example`;
  const password = `${name}#Pass-2026`;
  const { user } = await server.auth.api.signUpEmail({ body: { email, password, name } });
  return { id: user.id, email, password };
}

/** A browser: its own cookies and User-Agent. */
function browser(userAgent: string) {
  const fetch = cookieClient(() => server, ORIGIN);
  return (url: string, init: RequestInit = {}) => fetch(url, { ...init, headers: { 'User-Agent': userAgent, 'X-Forwarded-For': '203.0.113.5', ...(init.headers as Record<string, string>) } });
}

async function signIn(fetch: ReturnType<typeof browser>, email: string, password: string): Promise<Response> {
  const response = await fetch(`${ORIGIN}/api/auth/sign-in/email`, json({ email, password }));
  expect(response.status).toBe(200);
  return response;
}

async function inbox(fetch: ReturnType<typeof browser>): Promise<{ items: InboxItem[]; unread: number }> {
  const response = await fetch(INBOX);
  expect(response.status).toBe(200);
  return (await response.json()) as { items: InboxItem[]; unread: number };
}

const mailsOf = async (to: string, kind: string) => (await server.outbox.list({ to })).filter((m) => m.kind === kind);

describe('a sign-in from a new device', () => {
  it('is recorded silently the first time, alerts by email and in-app from another browser, not again from a known one', async () => {
    const user = await newUser('new-device');
    const laptop = browser(CHROME_MAC);
    const first = await signIn(laptop, user.email, user.password);
    const device = first.headers.getSetCookie().find((c) => c.startsWith('dn-device='));
    expect(device).toMatch(/^dn-device=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    const id = device!.split(';')[0]!.slice('dn-device='.length);
    // Only the id's hash is stored.
    const rows = await server.database.db.selectFrom('dn_known_device').selectAll().where('user_id', '=', user.id).execute();
    expect(rows).toMatchObject([{ browser: 'Chrome', os: 'macOS' }]);
    expect(rows[0]!.device_hash).not.toContain(id);
    expect(await inbox(laptop)).toEqual({ items: [], unread: 0 });

    // The same browser again, after an update: known, no alert and no new cookie.
    const copycat = browser(CHROME_MAC_NEWER);
    const sameLaptop = async (url: string, init: RequestInit = {}) => laptop(url, { ...init, headers: { 'User-Agent': CHROME_MAC_NEWER } });
    expect((await signIn(sameLaptop, user.email, user.password)).headers.getSetCookie().some((c) => c.startsWith('dn-device='))).toBe(false);
    expect(await mailsOf(user.email, 'new-device')).toEqual([]);

    // Another browser: both channels.
    await signIn(browser(FIREFOX_WINDOWS), user.email, user.password);
    const [mail] = await mailsOf(user.email, 'new-device');
    expect(mail).toMatchObject({ subject: 'New sign-in to your DialNexa account' });
    expect(mail!.text).toContain('Firefox on Windows, address 203.0.113.5');
    const listed = await inbox(laptop);
    expect(listed.unread).toBe(1);
    expect(listed.items).toMatchObject([{ kind: 'new-device', title: 'New sign-in from an unrecognised device', readAt: null }]);
    expect(listed.items[0]!.body).toContain('Firefox on Windows (203.0.113.5)');

    // A browser without the cookie but with the laptop's User-Agent is a new device too.
    await signIn(copycat, user.email, user.password);
    expect(await mailsOf(user.email, 'new-device')).toHaveLength(2);
    expect((await inbox(laptop)).unread).toBe(2);
  });

  it('alerts after the 2FA step, and a locked cell stored off before the lock still delivers', async () => {
    const user = await newUser('two-factor-device');
    const laptop = browser(CHROME_MAC);
    await signIn(laptop, user.email, user.password);
    const setup = endpoints.startTwoFactorSetup.response.parse(await (await laptop(`${API}/two-factor/setup`, { method: 'POST' })).json());
    expect((await laptop(`${API}/two-factor/setup/verify`, json({ setupId: setup.setupId, code: totpCode(setup.secret) }))).status).toBe(200);
    // A stale row from before the security cells were locked.
    await server.database.db.insertInto('dn_notification_setting').values({ user_id: user.id, type_id: 'security-alerts', channel_id: 'email', enabled: false }).execute();

    const phone = browser(FIREFOX_WINDOWS);
    const started = await phone(`${ORIGIN}/api/auth/sign-in/email`, json({ email: user.email, password: user.password }));
    const { challengeId } = (await started.json()) as { challengeId: string };
    expect(await mailsOf(user.email, 'new-device')).toEqual([]);
    const code = totpCode(setup.secret, { timestamp: Date.now() + 30_000 });
    const passed = await phone(`${API}/two-factor/challenge`, json({ challengeId, method: 'totp', code, trustDevice: false }));
    expect(passed.status).toBe(200);
    expect(passed.headers.getSetCookie().some((c) => c.startsWith('dn-device='))).toBe(true);
    expect(await mailsOf(user.email, 'new-device')).toHaveLength(1);
    expect((await inbox(phone)).items.map((i) => i.kind)).toEqual(['new-device']);
  });

  it('forgets a device unseen for as long as its cookie lives, yet still alerts a dormant account', async () => {
    const user = await newUser('dormant');
    const db = server.database.db;
    const longAgo = new Date(Date.now() - 401 * 24 * 60 * 60_000);
    await db.insertInto('dn_known_device').values({ user_id: user.id, device_hash: 'an-old-browser', browser: 'Chrome', os: 'macOS', first_seen_at: longAgo, last_seen_at: longAgo }).execute();
    await signIn(browser(FIREFOX_WINDOWS), user.email, user.password);
    expect((await db.selectFrom('dn_known_device').select('browser').where('user_id', '=', user.id).execute()).map((d) => d.browser)).toEqual(['Firefox']);
    expect(await mailsOf(user.email, 'new-device')).toHaveLength(1);
  });
});

describe('password and email changes', () => {
  it('tells the user when the password changes in the settings and by a reset link', async () => {
    const user = await newUser('password-notice');
    const laptop = browser(CHROME_MAC);
    await signIn(laptop, user.email, user.password);
    const changed = await laptop(`${API}/password`, json({ currentPassword: user.password, newPassword: 'Changed#Pass-2027' }));
    expect(changed.status).toBe(200);
    expect(await mailsOf(user.email, 'password-changed')).toHaveLength(1);
    expect((await inbox(laptop)).items).toMatchObject([{ kind: 'password-changed', title: 'Your password was changed' }]);

    await server.fetch(new Request(`${API}/password-reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: user.email }) }));
    const token = tokenOfMail(await server.outbox.list({ to: user.email }), 'password-reset', user.email)!;
    const reset = await server.fetch(new Request(`${API}/password-reset/complete`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token, newPassword: 'Reset#Pass-2028' }) }));
    expect(reset.status).toBe(200);
    expect(await mailsOf(user.email, 'password-changed')).toHaveLength(2);
    // The reset signed every session out: sign in again (the same browser) to read the bell.
    await signIn(laptop, user.email, 'Reset#Pass-2028');
    expect((await inbox(laptop)).items.map((i) => [i.kind, i.title])).toEqual([
      ['password-changed', 'Your password was reset'],
      ['password-changed', 'Your password was changed'],
    ]);
  });

  it('tells the old address and the bell when the sign-in email changes', async () => {
    const user = await newUser('email-notice');
    const laptop = browser(CHROME_MAC);
    await signIn(laptop, user.email, user.password);
    const next = 'email-notice-new@northwind-calls.example';
    expect((await laptop(`${API}/email-change`, json({ newEmail: next }))).status).toBe(200);
    const token = tokenOfMail(await server.outbox.list({ to: next }), 'email-change', next)!;
    expect((await laptop(`${API}/email-change/verify`, json({ token }))).status).toBe(200);
    const [mail] = await mailsOf(user.email, 'email-changed');
    expect(mail!.text).toContain(`is now ${next}`);
    expect(await mailsOf(next, 'email-changed')).toEqual([]);
    expect((await inbox(laptop)).items).toMatchObject([{ kind: 'email-changed', body: `You now sign in with ${next} instead of ${user.email}.` }]);
  });
});

describe('the inbox', () => {
  it('needs a session, lists the newest 50 first with the unread count, and marks all read', async () => {
    const signedOut = await server.fetch(new Request(INBOX));
    expect(signedOut.status).toBe(401);
    expect(signedOut.headers.get('Content-Type')).toBe('application/problem+json');
    expect((await server.fetch(new Request(`${INBOX}/read`, { method: 'POST' }))).status).toBe(401);

    const user = await newUser('inbox-many');
    const start = Date.now() - 60 * 60_000;
    await server.database.db
      .insertInto('dn_inbox_item')
      .values(Array.from({ length: 55 }, (_, i) => ({ id: `item-${String(i).padStart(2, '0')}`, user_id: user.id, kind: 'password-changed' as const, title: `Notice ${i}`, body: 'Body', created_at: new Date(start + i * 1000), read_at: null })))
      .execute();
    const laptop = browser(CHROME_MAC);
    await signIn(laptop, user.email, user.password);
    const listed = await inbox(laptop);
    expect(listed.unread).toBe(55);
    expect(listed.items).toHaveLength(50);
    expect(listed.items[0]!.id).toBe('item-54');
    expect(listed.items.at(-1)!.id).toBe('item-05');
    expect(await (await laptop(`${INBOX}/read`, { method: 'POST' })).json()).toEqual({ unread: 0 });
    const after = await inbox(laptop);
    expect(after.unread).toBe(0);
    expect(after.items.every((i) => i.readAt !== null)).toBe(true);
    // Another user's bell is its own.
    const other = await newUser('inbox-other');
    const otherBrowser = browser(FIREFOX_WINDOWS);
    await signIn(otherBrowser, other.email, other.password);
    expect(await inbox(otherBrowser)).toEqual({ items: [], unread: 0 });
  });

  it('sends a notice only on the channels the matrix has on for its type', async () => {
    const user = await newUser('matrix');
    const laptop = browser(CHROME_MAC);
    await signIn(laptop, user.email, user.password);
    // Product updates: email on, in-app off.
    expect((await laptop(`${API}/notifications`, json({ changes: [{ typeId: 'product-updates', channelId: 'in-app', enabled: false }] }, 'PATCH'))).status).toBe(200);
    const notifier = new Notifier(server.database.db, server.outbox);
    const notice = { kind: 'password-changed' as const, title: 'Title', body: 'Body', mail: { subject: 'Product news', text: 'Text' } };
    await notifier.notify(user.id, { ...notice, typeId: 'product-updates' });
    expect((await server.outbox.list({ to: user.email })).map((m) => m.subject)).toEqual(['Product news']);
    expect((await inbox(laptop)).items).toEqual([]);
    // Marketing emails: both off by default: nothing at all.
    await notifier.notify(user.id, { ...notice, typeId: 'marketing-emails' });
    expect(await server.outbox.list({ to: user.email })).toHaveLength(1);
    expect((await inbox(laptop)).items).toEqual([]);
  });
});
