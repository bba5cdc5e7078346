/**
 * `POST /api/auth/sign-up/email`: the account's first sign-in, recorded in the login activity
 * and its device known (no alert: it is the first), the session token kept out of the answer.
 * Only the name, the address and the password are taken (no `image`: the avatar comes from the
 * upload); sign-ups are limited per client address; a refused one records nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/api/endpoints.js';
import { createAccountServer, type AccountServer } from '../src/index.js';
import { cookieClient } from './client.js';
import { testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
const AUTH = `${ORIGIN}/api/auth`;
const API = `${ORIGIN}/api/account`;
const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const PASSWORD = 'Sign#Up-2026';

let server: AccountServer;

beforeAll(async () => {
  server = await createAccountServer({ ...testStorage(), baseUrl: ORIGIN, development: true, trustProxy: 1, rateLimits: { 'sign-up-ip': { max: 100, windowSeconds: 3600 } } });
});

afterAll(async () => {
  await server?.close();
});

/** A browser of its own, at `address` behind the proxy. */
function browser(address = '198.51.100.7') {
  const fetch = cookieClient(() => server, ORIGIN);
  return (url: string, init: RequestInit = {}) => fetch(url, { ...init, headers: { 'User-Agent': CHROME_MAC, 'X-Forwarded-For': address, ...(init.headers as Record<string, string>) } });
}

const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
const db = () => server.database.db;
const userOf = async (email: string) => db().selectFrom('user').select(['id', 'image']).where('email', '=', email).executeTakeFirst();
const attemptsOf = async (userId: string) => db().selectFrom('dn_login_attempt').select(['success', 'failure_reason', 'ip', 'user_agent']).where('user_id', '=', userId).orderBy('at', 'asc').execute();
const devicesOf = async (userId: string) => db().selectFrom('dn_known_device').select(['browser', 'os']).where('user_id', '=', userId).execute();
/** The cookies of a sign-in an answer sets: the session's and the device's. */
const signedInBy = (response: Response) => response.headers.getSetCookie().filter((line) => /^(?:[\w.-]*session_(?:token|data)|dn-device)=/.test(line));
const newDeviceMails = async (email: string) => (await server.outbox.list({ to: email })).filter((m) => m.kind === 'new-device');

describe('sign-up', () => {
  it('is the first sign-in: recorded, its device known without an alert, so the next sign-in from the browser is no new device', async () => {
    const email = 'first-sign-in@northwind-calls.example';
    const laptop = browser();
    const csrfOf = (response: Response) => response.headers.getSetCookie().find((line) => line.startsWith('dn-csrf='))?.split(';')[0];
    const before = csrfOf(await laptop(`${API}/csrf`));
    expect(before).toBeDefined();
    const signedUp = await laptop(`${AUTH}/sign-up/email`, post({ name: 'First Sign-in', email, password: PASSWORD }));
    expect(signedUp.status).toBe(200);
    // Signed in: a new CSRF token, as after any sign-in.
    expect(csrfOf(signedUp)).toBeDefined();
    expect(csrfOf(signedUp)).not.toBe(before);
    const text = await signedUp.text();
    const body = JSON.parse(text) as { user?: { email?: string }; token?: unknown };
    expect(body.user?.email).toBe(email);
    expect(body).not.toHaveProperty('token');
    const [session] = await db().selectFrom('session').innerJoin('user', 'user.id', 'session.userId').select('session.token').where('user.email', '=', email).execute();
    expect(text).not.toContain(session!.token);
    const device = signedUp.headers.getSetCookie().find((line) => line.startsWith('dn-device='));
    expect(device).toMatch(/HttpOnly/i);

    const user = (await userOf(email))!;
    expect(await attemptsOf(user.id)).toEqual([{ success: true, failure_reason: null, ip: '198.51.100.7', user_agent: CHROME_MAC }]);
    expect(await devicesOf(user.id)).toEqual([{ browser: 'Chrome', os: 'macOS' }]);
    const activity = endpoints.listLoginActivity.response.parse(await (await laptop(`${API}/login-activity?limit=5`)).json());
    expect(activity.items).toHaveLength(1);
    expect(activity.items[0]).toMatchObject({ success: true, ip: '198.51.100.7', browser: expect.stringMatching(/^Chrome/) });
    expect(await newDeviceMails(email)).toEqual([]);

    // Signed out and in again from the same browser: the device is known, nothing is alerted.
    expect((await laptop(`${AUTH}/sign-out`, post({}))).status).toBe(200);
    const again = await laptop(`${AUTH}/sign-in/email`, post({ email, password: PASSWORD }));
    expect(again.status).toBe(200);
    expect(again.headers.getSetCookie().some((line) => line.startsWith('dn-device='))).toBe(false);
    expect(await newDeviceMails(email)).toEqual([]);
    const inbox = (await (await laptop(`${ORIGIN}/api/inbox`)).json()) as { items: unknown[] };
    expect(inbox.items).toEqual([]);
    expect(await attemptsOf(user.id)).toHaveLength(2);
    expect(await devicesOf(user.id)).toHaveLength(1);
  });

  it('refuses an image and every other field but the name, email and password, and creates nothing', async () => {
    const email = 'with-image@northwind-calls.example';
    const fields = {
      image: 'https://tracker.example/pixel.png',
      callbackURL: 'https://evil.example/',
      rememberMe: false,
      emailVerified: true,
      twoFactorEnabled: true,
    };
    for (const [field, value] of Object.entries(fields)) {
      const refused = await browser()(`${AUTH}/sign-up/email`, post({ name: 'With Image', email, password: PASSWORD, [field]: value }));
      expect(refused.status).toBe(422);
      expect(refused.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
      const problem = (await refused.json()) as { type: string; errors: { field: string }[] };
      expect(problem.type).toBe('urn:dialnexa:problem:validation');
      expect(problem.errors.map((e) => e.field)).toEqual([field]);
      expect(signedInBy(refused)).toEqual([]);
    }
    expect(await userOf(email)).toBeUndefined();

    // Without them the same sign-up passes, and the profile has no picture until one is uploaded.
    const laptop = browser();
    expect((await laptop(`${AUTH}/sign-up/email`, post({ name: 'With Image', email, password: PASSWORD }))).status).toBe(200);
    expect((await userOf(email))?.image).toBeNull();
    expect(endpoints.getProfile.response.parse(await (await laptop(`${API}/profile`)).json()).avatarUrl).toBeNull();
  });

  it('takes the name by the profile’s rules for a display name', async () => {
    const email = 'bidi-name@northwind-calls.example';
    const refused = await browser()(`${AUTH}/sign-up/email`, post({ name: 'Admin\u202Egnp.exe', email, password: PASSWORD }));
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['name']);
    expect((await browser()(`${AUTH}/sign-up/email`, post({ name: 'x', email, password: PASSWORD }))).status).toBe(422);
    expect((await browser()(`${AUTH}/sign-up/email`, post(['name', email]))).status).toBe(400);
    expect(await userOf(email)).toBeUndefined();
    // Trimmed, as the profile stores it.
    expect((await browser()(`${AUTH}/sign-up/email`, post({ name: '  Trimmed Name ', email, password: PASSWORD }))).status).toBe(200);
    expect(await db().selectFrom('user').select('name').where('email', '=', email).executeTakeFirst()).toEqual({ name: 'Trimmed Name' });
  });

  it('answers an address already taken as Better Auth does, and records nothing for it', async () => {
    const email = 'taken@northwind-calls.example';
    expect((await browser()(`${AUTH}/sign-up/email`, post({ name: 'Taken', email, password: PASSWORD }))).status).toBe(200);
    const user = (await userOf(email))!;
    const attemptsBefore = await attemptsOf(user.id);
    const sessionsBefore = await db().selectFrom('session').select('id').where('userId', '=', user.id).execute();

    const other = browser('198.51.100.99');
    const refused = await other(`${AUTH}/sign-up/email`, post({ name: 'Someone Else', email, password: 'Other#Pass-2026' }));
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { code?: string }).code).toBe('USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL');
    expect(signedInBy(refused)).toEqual([]);
    expect(await attemptsOf(user.id)).toEqual(attemptsBefore);
    expect(await devicesOf(user.id)).toHaveLength(1);
    expect(await db().selectFrom('session').select('id').where('userId', '=', user.id).execute()).toEqual(sessionsBefore);
    expect(await newDeviceMails(email)).toEqual([]);
  });

  it('takes the password by the password policy, as a change or a reset does', async () => {
    const email = 'weak-password@northwind-calls.example';
    const refusals = [
      ['Sh#1', 'validation', 'too-short'],
      ['no-number-here', 'validation', 'number'],
      ['nospecial2026', 'validation', 'special'],
      ['Password1!', 'password-rejected', 'breached'],
    ] as const;
    for (const [password, type, code] of refusals) {
      const refused = await browser()(`${AUTH}/sign-up/email`, post({ name: 'Weak Password', email, password }));
      expect(refused.status, password).toBe(422);
      const problem = (await refused.json()) as { type: string; errors: { field: string; code: string }[] };
      expect(problem.type).toBe(`urn:dialnexa:problem:${type}`);
      expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'password', code }));
    }
    expect(await userOf(email)).toBeUndefined();
  });

  it('is limited per client address', async () => {
    const limited = await createAccountServer({ ...testStorage(), baseUrl: ORIGIN, development: true, trustProxy: 1, rateLimits: { 'sign-up-ip': { max: 2, windowSeconds: 3600 } } });
    try {
      const from = (address: string, email: string) =>
        limited.fetch(
          new Request(`${AUTH}/sign-up/email`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'X-Forwarded-For': address },
            body: JSON.stringify({ name: 'Limited', email, password: PASSWORD }),
          }),
        );
      expect((await from('192.0.2.10', 'limited-1@northwind-calls.example')).status).toBe(200);
      // A refused attempt counts too.
      expect((await from('192.0.2.10', 'not an address')).status).toBe(422);
      const held = await from('192.0.2.10', 'limited-2@northwind-calls.example');
      expect(held.status).toBe(429);
      expect(Number(held.headers.get('Retry-After'))).toBeGreaterThan(0);
      expect(held.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
      expect(await limited.database.db.selectFrom('user').select('id').where('email', '=', 'limited-2@northwind-calls.example').executeTakeFirst()).toBeUndefined();
      // Another address is not held back.
      expect((await from('192.0.2.11', 'limited-3@northwind-calls.example')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
