/**
 * The `dn-csrf` token changes with the session: every way of signing in (email and password, the
 * second factor, a passkey, a provider's callback) and signing out sets a new one, so a token
 * planted or read before the change is refused after it (403 csrf-failed), while the new one,
 * which the page reads from the cookie on each request, goes through. Extending a session is no
 * change and keeps the token.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as s from '../../src/api/schemas.js';
import { SoftAuthenticator } from '../../conformance/webauthn.js';
import { totpCode } from '../../conformance/totp.js';
import { createAccountServer, type AccountServer } from '../src/index.js';
import { sessionChanged } from '../src/csrf.js';
import { socialProvidersFromEnv } from '../src/providers.js';
import { cookieClient } from './client.js';
import { fakeGitHub } from './fake-github.js';
import { testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
const API = `${ORIGIN}/api/account`;
const AUTH = `${ORIGIN}/api/auth`;

let server: AccountServer;

beforeAll(async () => {
  server = await createAccountServer({
    ...testStorage(),
    baseUrl: ORIGIN,
    development: true,
    rateLimits: 'off',
    socialProviders: socialProvidersFromEnv({ GITHUB_CLIENT_ID: 'Iv1.fakegithubclient', GITHUB_CLIENT_SECRET: 'fake-github-secret' }),
  });
  fakeGitHub(() => ({ id: 7373, login: 'rotation-user', name: 'Rotation User', email: 'csrf-github@northwind-calls.example' }));
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await server?.close();
});

type Fetch = ReturnType<typeof cookieClient>;
const json = (body: unknown, method = 'POST'): RequestInit => ({ method, body: JSON.stringify(body) });

/** A signed-out browser with the token the server handed it. */
async function browser(): Promise<{ fetch: Fetch; token: () => string }> {
  let token = '';
  const fetch = cookieClient(() => server, ORIGIN);
  const tracking: Fetch = async (url, init) => {
    const response = await fetch(url, init);
    for (const line of response.headers.getSetCookie()) if (line.startsWith('dn-csrf=')) token = line.slice('dn-csrf='.length).split(';')[0]!;
    return response;
  };
  await tracking(`${API}/password/policy`);
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return { fetch: tracking, token: () => token };
}

async function newUser(name: string): Promise<{ email: string; password: string }> {
  const email = `${name}@northwind-calls.example`;
  const password = `${name}#Pass-2026`;
  await server.auth.api.signUpEmail({ body: { email, password, name } });
  return { email, password };
}

/** After a session change: the old token is refused on a mutation, the cookie's new one goes through. */
async function expectRotated(fetch: Fetch, before: string, after: string): Promise<void> {
  expect(after).not.toBe(before);
  const refused = await fetch(`${API}/preferences`, { ...json({ density: 'compact' }, 'PATCH'), headers: { 'X-CSRF-Token': before } });
  expect(refused.status).toBe(403);
  expect(refused.headers.get('Content-Type')).toBe('application/problem+json');
  expect(await refused.json()).toMatchObject({ type: 'urn:dialnexa:problem:csrf-failed', status: 403 });
  // The client sends what the cookie holds now.
  const accepted = await fetch(`${API}/preferences`, json({ density: 'compact' }, 'PATCH'));
  expect(accepted.status).toBe(200);
}

describe('the CSRF token at a change of session', () => {
  it('is new after a sign-in with email and password, and again after signing out', async () => {
    const { email, password } = await newUser('csrf-password');
    const { fetch, token } = await browser();
    const before = token();
    expect((await fetch(`${AUTH}/sign-in/email`, json({ email, password }))).status).toBe(200);
    const signedIn = token();
    await expectRotated(fetch, before, signedIn);

    // The same session, read and used again (Better Auth may set its cookie anew): the token stays.
    expect((await fetch(`${API}/profile`)).status).toBe(200);
    expect(token()).toBe(signedIn);

    const out = await fetch(`${AUTH}/sign-out`, json({}));
    expect(out.status).toBe(200);
    expect(token()).not.toBe(signedIn);
    expect((await fetch(`${API}/profile`)).status).toBe(401);
  });

  it('is new when the second factor completes the sign-in, not when the password only asks for it', async () => {
    const { email, password } = await newUser('csrf-two-factor');
    const { fetch: owner } = await browser();
    expect((await owner(`${AUTH}/sign-in/email`, json({ email, password }))).status).toBe(200);
    const setup = (await (await owner(`${API}/two-factor/setup`, { method: 'POST' })).json()) as s.TwoFactorSetup;
    expect((await owner(`${API}/two-factor/setup/verify`, json({ setupId: setup.setupId, code: totpCode(setup.secret) }))).status).toBe(200);

    const { fetch, token } = await browser();
    const before = token();
    const first = await fetch(`${AUTH}/sign-in/email`, json({ email, password }));
    const { challengeId } = (await first.json()) as { challengeId: string };
    expect(challengeId).toBeTruthy();
    expect(token()).toBe(before);
    const code = totpCode(setup.secret, { timestamp: Date.now() + 30_000 });
    expect((await fetch(`${API}/two-factor/challenge`, json({ challengeId, method: 'totp', code, trustDevice: false }))).status).toBe(200);
    await expectRotated(fetch, before, token());
  });

  it('is new after a sign-in with a passkey', async () => {
    const { email, password } = await newUser('csrf-passkey');
    const { fetch: owner } = await browser();
    expect((await owner(`${AUTH}/sign-in/email`, json({ email, password }))).status).toBe(200);
    const authenticator = new SoftAuthenticator(ORIGIN);
    const registration = (await (await owner(`${API}/passkeys/registration-options`, { method: 'POST' })).json()) as s.PasskeyRegistrationOptions;
    expect((await owner(`${API}/passkeys`, json({ credential: await authenticator.register(registration) }))).status).toBe(200);

    const { fetch, token } = await browser();
    const before = token();
    const options = (await (await fetch(`${AUTH}/passkey/sign-in/options`, { method: 'POST' })).json()) as s.PasskeyAuthenticationOptions;
    expect((await fetch(`${AUTH}/passkey/sign-in`, json(await authenticator.assert(options)))).status).toBe(200);
    await expectRotated(fetch, before, token());
  });

  it("is new after a sign-in through a provider's callback", async () => {
    const { fetch, token } = await browser();
    const before = token();
    const started = await fetch(`${AUTH}/sign-in/social`, json({ provider: 'github', callbackURL: `${ORIGIN}/settings` }));
    expect(started.status).toBe(200);
    const state = new URL(((await started.json()) as { url: string }).url).searchParams.get('state')!;
    const callback = await fetch(`${AUTH}/callback/github?${new URLSearchParams({ code: 'code-from-github', state })}`);
    expect(callback.status).toBe(302);
    expect((await fetch(`${API}/profile`)).status).toBe(200);
    await expectRotated(fetch, before, token());
  });

  it('reads a change of session from the Set-Cookie lines', () => {
    const name = 'better-auth.session_token';
    expect(sessionChanged([`${name}=abc.sig%3D; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax`], name, undefined)).toBe(true);
    expect(sessionChanged([`${name}=abc.sig%3D; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax`], name, 'abc.sig=')).toBe(false);
    expect(sessionChanged([`${name}=def.sig%3D; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax`], name, 'abc.sig=')).toBe(true);
    expect(sessionChanged([`${name}=; Max-Age=0; Path=/`], name, 'abc.sig=')).toBe(true);
    expect(sessionChanged([`${name}=; Max-Age=0; Path=/`], name, undefined)).toBe(false);
    expect(sessionChanged(['dn-device=xyz; Path=/'], name, 'abc.sig=')).toBe(false);
  });
});
