/**
 * Better Auth over HTTP answers only the routes of SERVED_AUTH_ROUTES: the engine's and its
 * plugins' other endpoints (the two-factor plugin's own code step, its switches, password, email,
 * profile, sessions, providers, deletion) are 404 problem+json however the address is spelled, so
 * a pending sign-in is finished only by `POST /api/account/two-factor/challenge`, with its replay
 * check, its record, its alert and its trusted-device row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otherCode, totpCode } from '../../conformance/totp.js';
import { endpoints } from '../../src/api/endpoints.js';
import { SERVED_AUTH_ROUTES } from '../src/auth-routes.js';
import { createAccountServer, type AccountServer } from '../src/index.js';
import { socialProvidersFromEnv } from '../src/providers.js';
import { cookieClient } from './client.js';
import { testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
const API = `${ORIGIN}/api/account`;
const AUTH = `${ORIGIN}/api/auth`;
const EMAIL = 'routes@northwind-calls.example';
const PASSWORD = 'Routes#Pass-2026';
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0';

let server: AccountServer;

beforeAll(async () => {
  server = await createAccountServer({
    ...testStorage(),
    baseUrl: ORIGIN,
    development: true,
    // The server's own limit of wrong codes raised, so the two-factor plugin's account lock is reached through the code step.
    rateLimits: { 'two-factor-challenge': { max: 100, windowSeconds: 900 } },
    // Google takes an ID token at `/sign-in/social`; the test never reaches Google.
    socialProviders: socialProvidersFromEnv({ GOOGLE_CLIENT_ID: 'fake-google-client.apps.googleusercontent.com', GOOGLE_CLIENT_SECRET: 'fake-google-secret' }),
  });
});

afterAll(async () => {
  await server?.close();
});

const json = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
const db = () => server.database.db;

/** Every route Better Auth's router would serve: its endpoints with a path, minus the server-only ones. */
function engineRoutes(): { path: string; methods: string[] }[] {
  return Object.values(server.auth.api as unknown as Record<string, { path?: string; options?: { method?: string | string[]; metadata?: { SERVER_ONLY?: boolean } } }>)
    .filter((e) => e.path && !e.options?.metadata?.SERVER_ONLY)
    .map((e) => ({ path: e.path!, methods: [e.options?.method ?? 'GET'].flat() }));
}

async function expectNotServed(response: Response, what: string): Promise<void> {
  expect(response.status, what).toBe(404);
  expect(response.headers.get('Content-Type'), what).toMatch(/^application\/problem\+json/);
  expect(await response.json(), what).toMatchObject({ type: 'urn:dialnexa:problem:not-found', status: 404 });
}

let userId = '';
let secret = '';
let backupCodes: string[] = [];
/** The browser that trusted itself at the code step. */
let trusted: (url: string, init?: RequestInit) => Promise<Response>;

describe('Better Auth over HTTP', () => {
  beforeAll(async () => {
    ({
      user: { id: userId },
    } = await server.auth.api.signUpEmail({ body: { email: EMAIL, password: PASSWORD, name: 'Route Tester' } }));
    const owner = cookieClient(() => server, ORIGIN);
    expect((await owner(`${AUTH}/sign-in/email`, json({ email: EMAIL, password: PASSWORD }))).status).toBe(200);
    const setup = endpoints.startTwoFactorSetup.response.parse(await (await owner(`${API}/two-factor/setup`, { method: 'POST' })).json());
    // A step back: the steps after it stay free for the sign-ins below.
    const enabled = await owner(`${API}/two-factor/setup/verify`, json({ setupId: setup.setupId, code: totpCode(setup.secret, { timestamp: Date.now() - 30_000 }) }));
    expect(enabled.status).toBe(200);
    secret = setup.secret;
    backupCodes = endpoints.verifyTwoFactorSetup.response.parse(await enabled.json()).backupCodes.codes;
  });

  const attempts = async () => db().selectFrom('dn_login_attempt').select(['success', 'failure_reason']).where('user_id', '=', userId).orderBy('at', 'asc').execute();
  const sessions = async () => (await db().selectFrom('session').select('id').where('userId', '=', userId).execute()).length;
  const trustedDevices = async () => (await db().selectFrom('dn_trusted_device').select('id').where('user_id', '=', userId).execute()).length;
  const trustRecords = async () => (await db().selectFrom('verification').select('id').where('identifier', 'like', 'trust-device-%').where('value', '=', userId).execute()).length;

  /** A browser that gave the right password: the pending sign-in in its two_factor cookie, and its challengeId. */
  async function pendingSignIn() {
    const fetch = cookieClient(() => server, ORIGIN);
    const browser = (url: string, init: RequestInit = {}) => fetch(url, { ...init, headers: { 'User-Agent': FIREFOX, ...(init.headers as Record<string, string>) } });
    const started = await browser(`${AUTH}/sign-in/email`, json({ email: EMAIL, password: PASSWORD }));
    const answer = (await started.json()) as { twoFactorRedirect?: boolean; challengeId?: string };
    expect(answer.twoFactorRedirect).toBe(true);
    expect(started.headers.getSetCookie().some((line) => /two_factor=/.test(line))).toBe(true);
    return { browser, challengeId: answer.challengeId! };
  }

  it('serves only the listed routes, each one a route of the engine', async () => {
    const routes = engineRoutes();
    for (const path of Object.keys(SERVED_AUTH_ROUTES)) expect(routes.map((r) => r.path), path).toContain(path);
    const closed = routes.filter((r) => !Object.hasOwn(SERVED_AUTH_ROUTES, r.path));
    // The ones this closes, among others: none of them may answer.
    for (const path of ['/two-factor/verify-totp', '/two-factor/verify-backup-code', '/two-factor/verify-otp', '/two-factor/send-otp', '/two-factor/get-totp-uri', '/two-factor/enable', '/two-factor/disable', '/two-factor/generate-backup-codes', '/change-password', '/change-email', '/update-user', '/delete-user', '/revoke-session', '/revoke-sessions', '/revoke-other-sessions', '/link-social', '/unlink-account', '/verify-password', '/request-password-reset', '/reset-password', '/get-access-token', '/refresh-token']) {
      expect(closed.map((r) => r.path), path).toContain(path);
    }

    // A signed-in browser of a user without 2FA, with the CSRF header, from the server's own origin.
    const signedIn = cookieClient(() => server, ORIGIN);
    await server.auth.api.signUpEmail({ body: { email: 'second@northwind-calls.example', password: PASSWORD, name: 'Second' } });
    expect((await signedIn(`${AUTH}/sign-in/email`, json({ email: 'second@northwind-calls.example', password: PASSWORD }))).status).toBe(200);
    await signedIn(`${API}/csrf`);
    for (const route of closed) {
      const url = `${AUTH}${route.path.replace(/:[A-Za-z]+/g, 'x')}`;
      for (const method of route.methods) {
        const init: RequestInit = method === 'GET' ? { method } : { method, body: JSON.stringify({ password: PASSWORD, currentPassword: PASSWORD, newPassword: 'Other#Pass-2026', name: 'Changed', newEmail: 'changed@northwind-calls.example', providerId: 'google', provider: 'google' }) };
        await expectNotServed(await signedIn(url, init), `${method} ${route.path}`);
      }
    }
    // Nothing happened: still signed in as before, with the same name and password.
    expect(await (await signedIn(`${API}/profile`)).json()).toMatchObject({ email: 'second@northwind-calls.example', displayName: 'Second' });
    expect((await cookieClient(() => server, ORIGIN)(`${AUTH}/sign-in/email`, json({ email: 'second@northwind-calls.example', password: PASSWORD }))).status).toBe(200);
  });

  it('a pending sign-in is not finished by the two-factor plugin’s own endpoints, however they are addressed', async () => {
    const sessionsBefore = await sessions();
    const attemptsBefore = (await attempts()).length;
    const trustBefore = await trustRecords();
    const { browser, challengeId } = await pendingSignIn();
    const code = totpCode(secret);

    const direct: [string, unknown][] = [
      ['/two-factor/verify-totp', { code, trustDevice: true }],
      ['/two-factor/verify-backup-code', { code: backupCodes[0], trustDevice: true }],
      ['/two-factor/send-otp', {}],
      ['/two-factor/verify-otp', { code: '123456', trustDevice: true }],
    ];
    for (const [path, body] of direct) {
      const answer = await browser(`${AUTH}${path}`, json(body));
      await expectNotServed(answer, path);
      expect(answer.headers.getSetCookie().filter((line) => /session_token=|trust_device=/.test(line)), path).toEqual([]);
    }
    // Other spellings of the address reach nothing either.
    for (const path of ['/two-factor/verify-totp/', '//two-factor/verify-totp', '/two-factor//verify-totp', '/two-factor/verify%2Dtotp', '/two-factor/verify-totp%2F', '/Two-Factor/Verify-TOTP', '/two-factor/./verify-totp', '/x/../two-factor/verify-totp']) {
      for (const method of ['POST', 'PUT']) {
        const answer = await browser(`${AUTH}${path}`, { method, body: JSON.stringify({ code, trustDevice: true }) });
        expect(answer.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
        expect(answer.headers.getSetCookie().filter((line) => /session_token=|trust_device=/.test(line)), `${method} ${path}`).toEqual([]);
      }
    }
    // No session, nothing recorded, no trust, no backup code spent, and the code's time step still free.
    expect((await browser(`${API}/profile`)).status).toBe(401);
    expect(await sessions()).toBe(sessionsBefore);
    expect(await attempts()).toHaveLength(attemptsBefore);
    expect(await trustRecords()).toBe(trustBefore);
    expect((await db().selectFrom('dn_two_factor_meta').select('last_totp_step').where('user_id', '=', userId).executeTakeFirstOrThrow()).last_totp_step).toBeLessThan(Math.floor(Date.now() / 30_000));

    // The contract's code step finishes it, with its record, its alert and the trusted device's row.
    const devicesBefore = await trustedDevices();
    const alertsBefore = (await server.outbox.list({ to: EMAIL })).filter((m) => m.kind === 'new-device').length;
    const passed = await browser(`${API}/two-factor/challenge`, json({ challengeId, method: 'totp', code, trustDevice: true }));
    expect(passed.status).toBe(200);
    trusted = browser;
    expect(endpoints.verifyTwoFactorChallenge.response.parse(await passed.json()).trustedDevice).toMatchObject({ current: true });
    expect((await browser(`${API}/profile`)).status).toBe(200);
    expect((await attempts()).at(-1)).toEqual({ success: true, failure_reason: null });
    expect(await trustedDevices()).toBe(devicesBefore + 1);
    expect(await trustRecords()).toBe(trustBefore + 1);
    expect((await server.outbox.list({ to: EMAIL })).filter((m) => m.kind === 'new-device')).toHaveLength(alertsBefore + 1);
  });

  it('skips the code only on a trust the user can list: one without its row is dropped at the next sign-in', async () => {
    const identifiers = async () => (await db().selectFrom('dn_trusted_device').select('identifier').where('user_id', '=', userId).execute()).map((r) => r.identifier);
    expect((await trusted(`${AUTH}/sign-out`, json({}))).status).toBe(200);
    const again = await trusted(`${AUTH}/sign-in/email`, json({ email: EMAIL, password: PASSWORD }));
    expect(await again.json()).toMatchObject({ user: { email: EMAIL } });
    const [renewed] = await identifiers();
    expect(renewed).toMatch(/^trust-device-/);

    // A trust of the plugin with no row (as its own verify-totp made them): not honoured, and gone.
    await db().deleteFrom('dn_trusted_device').where('user_id', '=', userId).execute();
    expect((await trusted(`${AUTH}/sign-out`, json({}))).status).toBe(200);
    const asked = await trusted(`${AUTH}/sign-in/email`, json({ email: EMAIL, password: PASSWORD }));
    expect(await asked.json()).toMatchObject({ twoFactorRedirect: true });
    expect((await trusted(`${API}/profile`)).status).toBe(401);
    expect(await db().selectFrom('verification').select('id').where('identifier', '=', renewed!).executeTakeFirst()).toBeUndefined();
  });

  it('a used code is refused at the code step, and the plugin’s endpoint is no way around it', async () => {
    const { browser, challengeId } = await pendingSignIn();
    const sessionsBefore = await sessions();
    // The step the previous test signed in with.
    const used = totpCode(secret);
    await expectNotServed(await browser(`${AUTH}/two-factor/verify-totp`, json({ code: used })), 'verify-totp');
    expect(await sessions()).toBe(sessionsBefore);
    const reused = await browser(`${API}/two-factor/challenge`, json({ challengeId, method: 'totp', code: used, trustDevice: false }));
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ type: 'urn:dialnexa:problem:code-reused' });
    expect((await attempts()).at(-1)).toEqual({ success: false, failure_reason: 'wrong-2fa-code' });
    expect((await browser(`${API}/profile`)).status).toBe(401);
    expect(await sessions()).toBe(sessionsBefore);

    // A backup code, through the contract: spent once, counted.
    const byBackup = await browser(`${API}/two-factor/challenge`, json({ challengeId, method: 'backup', code: backupCodes[0], trustDevice: false }));
    expect(endpoints.verifyTwoFactorChallenge.response.parse(await byBackup.json())).toMatchObject({ backupCodesRemaining: backupCodes.length - 1, trustedDevice: null });
    expect((await attempts()).at(-1)).toEqual({ success: true, failure_reason: null });
  });

  it('the two-factor plugin’s account lock is reached through the code step too, recorded and answered 429', async () => {
    const wrong = otherCode(totpCode(secret));
    // The plugin takes 5 wrong codes per pending sign-in and locks the account after 10 in a row.
    const statuses: number[] = [];
    for (let round = 0; round < 2; round++) {
      const { browser, challengeId } = await pendingSignIn();
      for (let i = 0; i < 5; i++) statuses.push((await browser(`${API}/two-factor/challenge`, json({ challengeId, method: 'totp', code: wrong, trustDevice: false }))).status);
    }
    expect(statuses).toEqual(Array(10).fill(422));
    const { browser, challengeId } = await pendingSignIn();
    const locked = await browser(`${API}/two-factor/challenge`, json({ challengeId, method: 'totp', code: totpCode(secret, { timestamp: Date.now() + 30_000 }), trustDevice: false }));
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await attempts()).at(-1)).toEqual({ success: false, failure_reason: 'locked' });
    expect((await browser(`${API}/profile`)).status).toBe(401);
  });

  it('takes the password only as JSON, which the sign-in flow counts and records', async () => {
    const attemptsBefore = (await attempts()).length;
    const form = (path: string, body: Record<string, string>) =>
      server.fetch(new Request(`${AUTH}${path}`, { method: 'POST', headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() }));
    for (const password of [PASSWORD, 'Wrong#Pass-2026']) {
      const answer = await form('/sign-in/email', { email: EMAIL, password });
      expect(answer.status).toBe(415);
      expect(await answer.json()).toMatchObject({ type: 'urn:dialnexa:problem:unsupported-media-type' });
      expect(answer.headers.getSetCookie().filter((line) => /session_token=|two_factor=/.test(line))).toEqual([]);
    }
    expect((await form('/sign-up/email', { email: 'form@northwind-calls.example', password: PASSWORD, name: 'Form' })).status).toBe(415);
    expect(await db().selectFrom('user').select('id').where('email', '=', 'form@northwind-calls.example').executeTakeFirst()).toBeUndefined();
    // As JSON, a wrong password is recorded.
    const wrong = await cookieClient(() => server, ORIGIN)(`${AUTH}/sign-in/email`, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify({ email: EMAIL, password: 'Wrong#Pass-2026' }) });
    expect(wrong.status).toBe(401);
    expect((await attempts()).slice(attemptsBefore)).toEqual([{ success: false, failure_reason: 'wrong-password' }]);
  });

  it('refuses a provider’s ID token at /sign-in/social: only the provider’s page signs in', async () => {
    const sessionsBefore = (await db().selectFrom('session').select('id').execute()).length;
    const answer = await cookieClient(() => server, ORIGIN)(`${AUTH}/sign-in/social`, json({ provider: 'google', idToken: { token: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln' } }));
    expect(answer.status).toBe(400);
    expect(answer.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(await answer.json()).toMatchObject({ type: 'urn:dialnexa:problem:bad-request' });
    expect((await db().selectFrom('session').select('id').execute()).length).toBe(sessionsBefore);
    // The redirect form still starts a sign-in at the provider.
    const started = await cookieClient(() => server, ORIGIN)(`${AUTH}/sign-in/social`, json({ provider: 'google', callbackURL: `${ORIGIN}/settings` }));
    expect(started.status).toBe(200);
    expect(new URL(((await started.json()) as { url: string }).url).hostname).toBe('accounts.google.com');
  });
});
