/**
 * CSRF and rate limits, driven through the handler as a browser would: the `dn-csrf` cookie
 * and its header, the public endpoints' origin check, the limits' 429 with `Retry-After` and
 * the rows that count them, Better Auth's own 429 in the same shape, and the switches that
 * turn both off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/api/endpoints.js';
import { otherCode, totpCode } from '../../conformance/totp.js';
import { createAccountServer, DEMO_EMAIL, DEMO_PASSWORD, type AccountServer } from '../src/index.js';
import { engineRateLimit, parseRateLimits, RateLimiter } from '../src/rate-limit.js';
import { cookieClient } from './client.js';
import { testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
const API = `${ORIGIN}/api/account`;
const SIGN_IN = `${ORIGIN}/api/auth/sign-in/email`;

let server: AccountServer;
let offset = 0;

beforeAll(async () => {
  server = await createAccountServer({ ...testStorage(),
    baseUrl: ORIGIN,
    // The requests stand for ones through one proxy, which sets X-Forwarded-For.
    trustProxy: 1,
    development: true,
    seedDemo: true,
    now: () => new Date(Date.now() + offset),
    // Small limits keep the test short; the defaults are the same rules with larger numbers.
    rateLimits: {
      'sign-in': { max: 3, windowSeconds: 600 },
      'sign-in-account': { max: 5, windowSeconds: 600 },
      'sign-in-ip': { max: 6, windowSeconds: 600 },
      'password-reset': { max: 2, windowSeconds: 3600 },
      reauth: { max: 2, windowSeconds: 900 },
      'two-factor-setup': { max: 2, windowSeconds: 900 },
      'email-change': { max: 2, windowSeconds: 3600 },
    },
  });
});

afterAll(async () => {
  await server?.close();
});

const json = (body: unknown, method = 'POST'): RequestInit => ({ method, body: JSON.stringify(body) });
const cookiesOf = (response: Response): string[] => response.headers.getSetCookie();

async function signedIn(email = DEMO_EMAIL, password = DEMO_PASSWORD, headers: Record<string, string> = {}) {
  const fetch = cookieClient(() => server, ORIGIN);
  const response = await fetch(SIGN_IN, { ...json({ email, password }), headers });
  expect(response.status).toBe(200);
  return fetch;
}

/** A user of its own per test, so the counts of one test never reach another. */
async function newUser(name: string): Promise<{ id: string; email: string; password: string }> {
  const email = `${name}@northwind-calls.example`;
  const password = `${name}#Pass-2026`;
  const { user } = await server.auth.api.signUpEmail({ body: { email, password, name } });
  return { id: user.id, email, password };
}

async function expectRateLimited(response: Response): Promise<number> {
  expect(response.status).toBe(429);
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  const retryAfter = Number(response.headers.get('Retry-After'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(await response.json()).toMatchObject({ type: 'urn:dialnexa:problem:rate-limited', status: 429, retryAfter });
  return retryAfter;
}

describe('CSRF', () => {
  it('hands out a readable dn-csrf cookie on any answer that lacks it, and the same token at /api/account/csrf', async () => {
    const first = await server.fetch(new Request(`${API}/password/policy`));
    const [line] = cookiesOf(first).filter((c) => c.startsWith('dn-csrf='));
    expect(line).toMatch(/^dn-csrf=[A-Za-z0-9_-]{43}; Path=\/; SameSite=Lax; Max-Age=\d+$/);
    expect(line).not.toMatch(/HttpOnly|Secure/i);
    const token = line!.slice('dn-csrf='.length).split(';')[0]!;

    const again = await server.fetch(new Request(`${API}/csrf`, { headers: { Cookie: `dn-csrf=${token}` } }));
    expect(await again.json()).toEqual({ token });
    expect(cookiesOf(again)).toEqual([]);
    const fresh = await server.fetch(new Request(`${API}/csrf`));
    const { token: other } = (await fresh.json()) as { token: string };
    expect(other).not.toBe(token);
    expect(cookiesOf(fresh)[0]).toContain(`dn-csrf=${other};`);
    // Not on an answer a shared cache may keep (an avatar, cached for a year): every reader would get the same token.
    const avatarUser = await signedIn();
    const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
    const { avatarUrl } = endpoints.uploadAvatar.response.parse(await (await avatarUser(`${API}/profile/avatar`, { method: 'PUT', headers: { 'Content-Type': 'image/png' }, body: png })).json());
    const picture = await server.fetch(new Request(avatarUrl!));
    expect(picture.headers.get('Cache-Control')).toMatch(/public/);
    expect(cookiesOf(picture)).toEqual([]);
    // The sign-in answer sets it too, so a page that signs in has it before its first change.
    const signIn = await server.fetch(new Request(SIGN_IN, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN }, body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSWORD }) }));
    expect(cookiesOf(signIn).some((c) => c.startsWith('dn-csrf='))).toBe(true);
  });

  it('refuses a signed-in mutation without the header or with another token, before validation or re-authentication', async () => {
    const fetch = await signedIn();
    const before = endpoints.getProfile.response.parse(await (await fetch(`${API}/profile`)).json());
    for (const token of [undefined, 'x'.repeat(43)]) {
      const refused = await fetch(`${API}/profile`, { ...json({ displayName: 'Forged Name' }, 'PATCH'), headers: token ? { 'X-CSRF-Token': token } : { 'X-CSRF-Token': '' } });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('Content-Type')).toBe('application/problem+json');
      expect(await refused.json()).toMatchObject({ type: 'urn:dialnexa:problem:csrf-failed', status: 403 });
    }
    // An invalid body or a sensitive endpoint answers the same 403 first.
    expect(await (await fetch(`${API}/profile`, { ...json({ displayName: 'x' }, 'PATCH'), headers: { 'X-CSRF-Token': '' } })).json()).toMatchObject({ type: 'urn:dialnexa:problem:csrf-failed' });
    expect(await (await fetch(`${API}/two-factor/disable`, { ...json({ method: 'password', password: 'nope' }), headers: { 'X-CSRF-Token': '' } })).json()).toMatchObject({ type: 'urn:dialnexa:problem:csrf-failed' });
    expect(endpoints.getProfile.response.parse(await (await fetch(`${API}/profile`)).json()).displayName).toBe(before.displayName);
    // With the cookie's value in the header (what the client sends): through.
    const changed = await fetch(`${API}/profile`, json({ displayName: 'Amira Haddad' }, 'PATCH'));
    expect(changed.status).toBe(200);
  });

  it('answers 401 rather than 403 without a session, and checks the Origin on the public endpoints', async () => {
    const anonymous = await server.fetch(new Request(`${API}/profile`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{}' }));
    expect(anonymous.status).toBe(401);
    const reset = (origin?: string) =>
      server.fetch(new Request(`${API}/password-reset`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(origin && { Origin: origin }) }, body: JSON.stringify({ email: 'nobody-csrf@northwind-calls.example' }) }));
    const foreign = await reset('https://evil.example');
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ type: 'urn:dialnexa:problem:csrf-failed' });
    expect((await reset(ORIGIN)).status).toBe(200);
    expect((await reset()).status).toBe(200);
  });

  it('guards the inbox and leaves the development provider’s form to its state', async () => {
    const fetch = await signedIn();
    expect((await fetch(`${ORIGIN}/api/inbox/read`, { method: 'POST', headers: { 'X-CSRF-Token': '' } })).status).toBe(403);
    expect((await fetch(`${ORIGIN}/api/inbox/read`, { method: 'POST' })).status).toBe(200);
    // The authorization form cannot send a header; its single-use state is checked instead (unknown here: 400, not 403).
    const form = await fetch(`${API}/dev-oauth/github/authorize`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': '' },
      body: new URLSearchParams({ state: 'x'.repeat(43), decision: 'allow' }).toString(),
    });
    expect(form.status).toBe(400);
  });

  it('marks the cookie Secure outside development, and CSRF=off drops token and check', async () => {
    const production = await createAccountServer({ baseUrl: 'https://account.example.com', secret: 'a-secret-long-enough-for-better-auth-0123456789' });
    const off = await createAccountServer({ baseUrl: ORIGIN, development: true, seedDemo: true, csrf: false });
    try {
      const answer = await production.fetch(new Request('https://account.example.com/api/account/csrf'));
      expect(cookiesOf(answer)[0]).toMatch(/^dn-csrf=[^;]+; Path=\/; SameSite=Lax; Max-Age=\d+; Secure$/);

      const signIn = await off.fetch(new Request(SIGN_IN, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN }, body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSWORD }) }));
      expect(cookiesOf(signIn).some((c) => c.startsWith('dn-csrf='))).toBe(false);
      const cookie = cookiesOf(signIn).map((c) => c.split(';')[0]).join('; ');
      const patched = await off.fetch(new Request(`${API}/preferences`, { method: 'PATCH', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: JSON.stringify({ density: 'compact' }) }));
      expect(patched.status).toBe(200);
    } finally {
      await production.close();
      await off.close();
    }
  });
});

describe('rate limits', () => {
  it('counts wrong passwords at sign-in per account and address, and per account: 429 with Retry-After, the right password too, until the window ends', async () => {
    const user = await newUser('limited-sign-in');
    const attempt = (password: string, ip = '198.51.100.20') =>
      server.fetch(new Request(SIGN_IN, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'X-Forwarded-For': ip }, body: JSON.stringify({ email: user.email, password }) }));
    expect((await attempt('wrong-1')).status).toBe(401);
    expect((await attempt('wrong-2')).status).toBe(401);
    // A right password is given back: it does not bring the limit closer.
    expect((await attempt(user.password)).status).toBe(200);
    expect((await attempt('wrong-3')).status).toBe(401);
    const retryAfter = await expectRateLimited(await attempt('wrong-4'));
    expect(retryAfter).toBeLessThanOrEqual(600);
    await expectRateLimited(await attempt(user.password));
    const db = server.database.db;
    expect((await db.selectFrom('dn_rate_limit').selectAll().where('key', '=', `sign-in:${user.email} 198.51.100.20`).executeTakeFirstOrThrow()).count).toBe(5);
    expect((await db.selectFrom('dn_login_attempt').select('failure_reason').where('user_id', '=', user.id).where('failure_reason', '=', 'blocked').execute())).toHaveLength(2);

    // The guesser's address is held back, the user's own is not…
    expect((await attempt(user.password, '198.51.100.21')).status).toBe(200);
    // …until the account as a whole has had too many wrong ones, from anywhere.
    expect((await attempt('wrong-5', '198.51.100.21')).status).toBe(401);
    expect((await attempt('wrong-6', '198.51.100.22')).status).toBe(401);
    await expectRateLimited(await attempt(user.password, '198.51.100.23'));

    offset = 601_000;
    try {
      expect((await attempt(user.password)).status).toBe(200);
    } finally {
      offset = 0;
    }
  });

  it('counts wrong passwords per client address across accounts', async () => {
    const attempt = (n: number) =>
      server.fetch(new Request(SIGN_IN, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'X-Forwarded-For': '203.0.113.99' }, body: JSON.stringify({ email: `nobody-${n}@northwind-calls.example`, password: 'wrong-password' }) }));
    for (let n = 1; n <= 6; n++) expect((await attempt(n)).status).toBe(401);
    await expectRateLimited(await attempt(7));
    // Another address is not held back by it.
    const other = await server.fetch(new Request(SIGN_IN, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'X-Forwarded-For': '203.0.113.100' }, body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSWORD }) }));
    expect(other.status).toBe(200);
  });

  it('limits reset links per address, known or not, with the same answer either way', async () => {
    const request = (email: string) => server.fetch(new Request(`${API}/password-reset`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN }, body: JSON.stringify({ email }) }));
    await server.auth.api.signUpEmail({ body: { email: 'reset-known@northwind-calls.example', password: 'Reset#Known-2026', name: 'Reset Known' } });
    for (const email of ['reset-known@northwind-calls.example', 'reset-unknown@northwind-calls.example']) {
      expect((await request(email)).status).toBe(200);
      expect((await request(email.toUpperCase())).status).toBe(200);
      await expectRateLimited(await request(email));
    }
    expect((await server.outbox.list({ to: 'reset-known@northwind-calls.example' })).filter((m) => m.kind === 'password-reset')).toHaveLength(2);
  });

  it('limits wrong passwords and codes at /reauth, at 2FA setup, and email-change links, per user', async () => {
    const user = await newUser('limited-reauth');
    const fetch = await signedIn(user.email, user.password);
    const reauth = (password: string) => fetch(`${API}/reauth`, json({ method: 'password', password }));
    expect((await reauth('wrong-1')).status).toBe(422);
    expect((await reauth(user.password)).status).toBe(200);
    expect((await reauth('wrong-2')).status).toBe(422);
    await expectRateLimited(await reauth('wrong-3'));
    await expectRateLimited(await reauth(user.password));
    // Other proofs of identity share the count: turning 2FA off, deleting the account.
    await expectRateLimited(await fetch(`${API}/deletion`, json({ email: user.email, password: user.password })));

    const setup = endpoints.startTwoFactorSetup.response.parse(await (await fetch(`${API}/two-factor/setup`, { method: 'POST' })).json());
    const wrong = otherCode(totpCode(setup.secret));
    expect((await fetch(`${API}/two-factor/setup/verify`, json({ setupId: setup.setupId, code: wrong }))).status).toBe(422);
    expect((await fetch(`${API}/two-factor/setup/verify`, json({ setupId: setup.setupId, code: wrong }))).status).toBe(422);
    await expectRateLimited(await fetch(`${API}/two-factor/setup/verify`, json({ setupId: setup.setupId, code: totpCode(setup.secret) })));
    expect(endpoints.getTwoFactorStatus.response.parse(await (await fetch(`${API}/two-factor`)).json()).enabled).toBe(false);

    expect((await fetch(`${API}/email-change`, json({ newEmail: 'limited-new@northwind-calls.example' }))).status).toBe(200);
    expect((await fetch(`${API}/email-change/resend`, { method: 'POST' })).status).toBe(200);
    await expectRateLimited(await fetch(`${API}/email-change/resend`, { method: 'POST' }));
    expect((await server.outbox.list({ to: 'limited-new@northwind-calls.example' })).length).toBe(2);
  });

  it('shares counts between instances on one database and lets exactly the maximum through at once', async () => {
    const db = server.database.db;
    const rules = { 'email-change': { max: 5, windowSeconds: 60 } };
    const [a, b] = [new RateLimiter(db, rules), new RateLimiter(db, rules)];
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).take('email-change', 'shared-key')));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    await expect(a.take('email-change', 'shared-key')).rejects.toMatchObject({ status: 429, code: 'rate-limited' });
  });

  it("gives Better Auth's own 429 the contract's shape and Retry-After", async () => {
    const answer = await engineRateLimit(new Response(JSON.stringify({ message: 'Too many requests.' }), { status: 429, headers: { 'Content-Type': 'application/json', 'X-Retry-After': '7' } }));
    expect(answer.headers.get('Retry-After')).toBe('7');
    expect(answer.headers.get('X-Retry-After')).toBe('7');
    expect(answer.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await answer.json()).toMatchObject({ type: 'urn:dialnexa:problem:rate-limited', retryAfter: 7 });
    // The engine's limiter is on outside development: its sign-in rule (3 in 10 s per address) answers through the wrapper.
    const production = await createAccountServer({ baseUrl: 'https://account.example.com', secret: 'a-secret-long-enough-for-better-auth-0123456789', trustProxy: 1 });
    try {
      const attempt = () =>
        production.fetch(new Request('https://account.example.com/api/auth/sign-in/email', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://account.example.com', 'X-Forwarded-For': '192.0.2.8' }, body: JSON.stringify({ email: 'nobody@example.com', password: 'wrong-password' }) }));
      const statuses: number[] = [];
      let limited: Response | undefined;
      for (let i = 0; i < 5 && !limited; i++) {
        const response = await attempt();
        statuses.push(response.status);
        if (response.status === 429) limited = response;
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      await expectRateLimited(limited!);
    } finally {
      await production.close();
    }
  });

  it("answers the two-factor plugin's own account lock as 429 with the seconds the lock has left", async () => {
    const unlimited = await createAccountServer({ baseUrl: ORIGIN, development: true, rateLimits: 'off' });
    try {
      const email = 'plugin-lock@northwind-calls.example';
      const password = 'Plugin#Lock-2026';
      await unlimited.auth.api.signUpEmail({ body: { email, password, name: 'Plugin Lock' } });
      const laptop = cookieClient(() => unlimited, ORIGIN);
      expect((await laptop(SIGN_IN, json({ email, password }))).status).toBe(200);
      const setup = endpoints.startTwoFactorSetup.response.parse(await (await laptop(`${API}/two-factor/setup`, { method: 'POST' })).json());
      expect((await laptop(`${API}/two-factor/setup/verify`, json({ setupId: setup.setupId, code: totpCode(setup.secret) }))).status).toBe(200);
      const wrong = otherCode(totpCode(setup.secret, { timestamp: Date.now() + 30_000 }));
      const challenge = async (): Promise<string> => ((await (await cookieClient(() => unlimited, ORIGIN)(SIGN_IN, json({ email, password }))).json()) as { challengeId: string }).challengeId;
      const statuses: number[] = [];
      // The plugin allows 5 codes per challenge and locks the account after 10 wrong ones in a row.
      for (let round = 0; round < 3 && !statuses.includes(429); round++) {
        const challengeId = await challenge();
        for (let i = 0; i < 5; i++) {
          const answer = await unlimited.fetch(new Request(`${API}/two-factor/challenge`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN }, body: JSON.stringify({ challengeId, method: 'totp', code: wrong, trustDevice: false }) }));
          statuses.push(answer.status);
          if (answer.status === 429) {
            const retryAfter = await expectRateLimited(answer);
            expect(retryAfter).toBeGreaterThan(800);
            expect(retryAfter).toBeLessThanOrEqual(900);
            break;
          }
        }
      }
      expect(statuses).toEqual([...Array<number>(10).fill(422), 429]);
    } finally {
      await unlimited.close();
    }
  });

  it('reads RATE_LIMIT, and off lets every attempt through', async () => {
    expect(parseRateLimits(undefined)).toEqual({});
    expect(parseRateLimits('OFF')).toBe('off');
    expect(parseRateLimits('sign-in=5/900, email-change=3/3600')).toEqual({ 'sign-in': { max: 5, windowSeconds: 900 }, 'email-change': { max: 3, windowSeconds: 3600 } });
    expect(() => parseRateLimits('sign-in=5')).toThrow(/RATE_LIMIT: "sign-in=5"/);
    expect(() => parseRateLimits('nonsense=1/1')).toThrow(/nonsense/);
    const off = new RateLimiter(server.database.db, 'off');
    for (let i = 0; i < 20; i++) await off.take('sign-in', 'never-limited');
    expect(off.enabled).toBe(false);
    expect(await server.database.db.selectFrom('dn_rate_limit').select('key').where('key', '=', 'sign-in:never-limited').execute()).toEqual([]);
  });
});
