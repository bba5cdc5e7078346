/**
 * Passkeys through the handler, with the kit's software authenticator in place of the
 * browser's: registration behind the re-authentication window, the list (default name, where
 * it lives, the current one), rename, "Confirm it's you" with the passkey and the refusals a
 * relying party makes (a challenge used twice, another origin, a signature counter that does
 * not grow, an expired challenge), removal behind the window and the last way to sign in kept,
 * counted the same (password, providers, passkeys) when a provider is disconnected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { endpoints, type EndpointName } from '../../src/api/endpoints.js';
import type * as s from '../../src/api/schemas.js';
import { base64url, fromBase64url, SoftAuthenticator } from '../../conformance/webauthn.js';
import { MockStore } from '../../mock/store/index.js';
import { createAccountServer, type AccountServer } from '../src/index.js';
import { cookieClient } from './client.js';
import { testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
/** The host page on another origin, trusted (its pages run the ceremonies too). */
const APP_ORIGIN = 'http://localhost:5173';
const API = `${ORIGIN}/api/account`;
const SIGN_IN = `${ORIGIN}/api/auth/sign-in/email`;
const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const ELEVEN_MINUTES = 11 * 60_000;

let server: AccountServer;
/** The server's clock runs this far ahead: the re-authentication window and challenges age with it. */
let offset = 0;

beforeAll(async () => {
  server = await createAccountServer({
    ...testStorage(),
    baseUrl: ORIGIN,
    trustedOrigins: [APP_ORIGIN],
    development: true,
    now: () => new Date(Date.now() + offset),
    rateLimits: { reauth: { max: 5, windowSeconds: 900 } },
  });
});

afterAll(async () => {
  await server?.close();
});

type Fetch = ReturnType<typeof cookieClient>;
const json = (body: unknown, method = 'POST'): RequestInit => ({ method, body: JSON.stringify(body) });

/** A user of its own per test, signed in; `passwordless` drops the password after signing in (an account that signs in with passkeys). */
async function newUser(name: string, { passwordless = false } = {}): Promise<{ id: string; email: string; password: string; fetch: Fetch }> {
  offset = 0;
  const email = `${name}@northwind-calls.example`;
  const password = `${name}#Pass-2026`;
  const { user } = await server.auth.api.signUpEmail({ body: { email, password, name } });
  const fetch = cookieClient(() => server, ORIGIN);
  expect((await fetch(SIGN_IN, json({ email, password }))).status).toBe(200);
  if (passwordless) await server.database.db.updateTable('account').set({ password: null }).where('userId', '=', user.id).execute();
  return { id: user.id, email, password, fetch };
}

async function ok<K extends EndpointName>(name: K, response: Response): Promise<z.output<(typeof endpoints)[K]['response']>> {
  const body: unknown = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  return endpoints[name].response.parse(body) as z.output<(typeof endpoints)[K]['response']>;
}

async function problem(response: Response, status: number, code: string): Promise<Record<string, unknown>> {
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  const body = (await response.json()) as Record<string, unknown>;
  expect({ status: response.status, type: body['type'] }).toEqual({ status, type: `urn:dialnexa:problem:${code}` });
  return body;
}

async function register(fetch: Fetch, authenticator: SoftAuthenticator, headers: Record<string, string> = {}): Promise<s.Passkey> {
  const options = await ok('startPasskeyRegistration', await fetch(`${API}/passkeys/registration-options`, { method: 'POST' }));
  const credential = await authenticator.register(options);
  return ok('finishPasskeyRegistration', await fetch(`${API}/passkeys`, { ...json({ credential }), headers }));
}

async function assertion(fetch: Fetch, authenticator: SoftAuthenticator, origin?: string): Promise<s.AuthenticationResponse> {
  const options = await ok('startPasskeyReauth', await fetch(`${API}/reauth/passkey/options`, { method: 'POST' }));
  return authenticator.assert(options, origin);
}

const confirm = (fetch: Fetch, credential: s.AuthenticationResponse): Promise<Response> => fetch(`${API}/reauth/passkey`, json({ credential }));

describe('registration', () => {
  it('needs a recent sign-in or confirmation, then verifies the attestation and lists the passkey under a default name', async () => {
    const { password, fetch } = await newUser('pk-register');
    const authenticator = new SoftAuthenticator(ORIGIN);
    offset = ELEVEN_MINUTES;
    const stale = await problem(await fetch(`${API}/passkeys/registration-options`, { method: 'POST' }), 403, 'reauth-required');
    // No passkey yet: not offered.
    expect(stale['methods']).toEqual(['password']);
    await ok('reauthenticate', await fetch(`${API}/reauth`, json({ method: 'password', password })));

    const options = await ok('startPasskeyRegistration', await fetch(`${API}/passkeys/registration-options`, { method: 'POST' }));
    expect(options.rp).toEqual({ id: 'localhost', name: 'DialNexa' });
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
    expect(options.pubKeyCredParams.map((p) => p.alg)).toEqual([-7, -257]);
    expect(fromBase64url(options.challenge).length).toBeGreaterThanOrEqual(16);
    // The challenge is kept as its hash only.
    const stored = await server.database.db.selectFrom('dn_passkey_challenge').select('challenge_hash').execute();
    expect(stored.map((r) => r.challenge_hash)).not.toContain(options.challenge);

    const credential = await authenticator.register(options);
    const passkey = await ok('finishPasskeyRegistration', await fetch(`${API}/passkeys`, { ...json({ credential }), headers: { 'User-Agent': CHROME_MAC } }));
    expect(passkey).toMatchObject({ name: 'Chrome on macOS', lastUsedAt: null, storage: 'device', current: false });
    const list = await ok('listPasskeys', await fetch(`${API}/passkeys`));
    expect(list.items).toEqual([passkey]);

    // The same attestation again: its challenge is used up.
    await problem(await fetch(`${API}/passkeys`, json({ credential })), 422, 'invalid-credentials');
    // The next registration excludes the credential already there.
    const next = await ok('startPasskeyRegistration', await fetch(`${API}/passkeys/registration-options`, { method: 'POST' }));
    expect(next.excludeCredentials).toEqual([{ id: credential.id, type: 'public-key', transports: ['internal'] }]);
    // A browser that ignored the exclusion: the same credential id again is a conflict.
    await problem(await fetch(`${API}/passkeys`, json({ credential: await authenticator.register(next) })), 409, 'conflict');
  });

  it('refuses an attestation made on another origin, for another ceremony, or without the CSRF token', async () => {
    const { fetch } = await newUser('pk-register-refused');
    const phishing = new SoftAuthenticator('https://phishing.example');
    const options = await ok('startPasskeyRegistration', await fetch(`${API}/passkeys/registration-options`, { method: 'POST' }));
    const credential = await phishing.register({ ...options, rp: { ...options.rp, id: 'localhost' } });
    const refused = await problem(await fetch(`${API}/passkeys`, json({ credential })), 422, 'invalid-credentials');
    expect(refused['errors']).toMatchObject([{ field: 'credential' }]);

    // A trusted origin (the host page's) is one the ceremony may run on.
    const trusted = await register(fetch, new SoftAuthenticator(APP_ORIGIN));
    expect(trusted.name).toBe('Passkey');

    // A registration challenge does not serve "Confirm it's you".
    const authenticator = new SoftAuthenticator(ORIGIN);
    await register(fetch, authenticator);
    const registration = await ok('startPasskeyRegistration', await fetch(`${API}/passkeys/registration-options`, { method: 'POST' }));
    const crossed = await authenticator.assert({ challenge: registration.challenge, rpId: 'localhost' });
    await problem(await confirm(fetch, crossed), 422, 'invalid-credentials');

    const forged = await fetch(`${API}/passkeys/registration-options`, { method: 'POST', headers: { 'X-CSRF-Token': '' } });
    await problem(forged, 403, 'csrf-failed');
  });
});

describe('rename', () => {
  it('renames with a validated name; another user’s passkey or an unknown id: 404', async () => {
    const { fetch } = await newUser('pk-rename');
    const passkey = await register(fetch, new SoftAuthenticator(ORIGIN));
    const renamed = await ok('renamePasskey', await fetch(`${API}/passkeys/${passkey.id}`, json({ name: '  Work laptop  ' }, 'PATCH')));
    expect(renamed).toMatchObject({ id: passkey.id, name: 'Work laptop' });
    expect((await ok('listPasskeys', await fetch(`${API}/passkeys`))).items.map((p) => p.name)).toEqual(['Work laptop']);
    for (const name of ['', 'x'.repeat(65), 'bad\u0000name']) {
      await problem(await fetch(`${API}/passkeys/${passkey.id}`, json({ name }, 'PATCH')), 422, 'validation');
    }
    await problem(await fetch(`${API}/passkeys/pk_unknown`, json({ name: 'Other' }, 'PATCH')), 404, 'not-found');
    const other = await newUser('pk-rename-other');
    await problem(await other.fetch(`${API}/passkeys/${passkey.id}`, json({ name: 'Mine now' }, 'PATCH')), 404, 'not-found');
    expect((await ok('listPasskeys', await fetch(`${API}/passkeys`))).items[0]!.name).toBe('Work laptop');
  });
});

describe("Confirm it's you", () => {
  it('is offered once there is a passkey, opens the same 10-minute window as /reauth, and marks the passkey current and used', async () => {
    const { email, password, fetch } = await newUser('pk-reauth');
    await problem(await fetch(`${API}/reauth/passkey/options`, { method: 'POST' }), 409, 'conflict');
    const authenticator = new SoftAuthenticator(ORIGIN);
    const passkey = await register(fetch, authenticator);

    offset = ELEVEN_MINUTES;
    const stale = await problem(await fetch(`${API}/passkeys/${passkey.id}`, { method: 'DELETE' }), 403, 'reauth-required');
    expect(stale['methods']).toEqual(['password', 'passkey']);

    const options = await ok('startPasskeyReauth', await fetch(`${API}/reauth/passkey/options`, { method: 'POST' }));
    expect(options).toMatchObject({ rpId: 'localhost', userVerification: 'required', allowCredentials: [{ id: base64url(authenticator.credentialId), type: 'public-key', transports: ['internal'] }] });
    const before = Date.now() + offset;
    const result = await ok('reauthenticateWithPasskey', await confirm(fetch, await authenticator.assert(options)));
    const until = Date.parse(result.reauthenticatedUntil);
    expect(until - before).toBeGreaterThanOrEqual(10 * 60_000 - 1000);
    expect(until - before).toBeLessThanOrEqual(10 * 60_000 + 5000);

    const [listed] = (await ok('listPasskeys', await fetch(`${API}/passkeys`))).items;
    expect(listed).toMatchObject({ id: passkey.id, current: true });
    expect(listed!.lastUsedAt).not.toBeNull();
    // Another session of the same user did not confirm with it.
    const elsewhere = cookieClient(() => server, ORIGIN);
    expect((await elsewhere(SIGN_IN, json({ email, password }))).status).toBe(200);
    expect((await ok('listPasskeys', await elsewhere(`${API}/passkeys`))).items.map((p) => p.current)).toEqual([false]);
    // The window is open: a sensitive request goes through without the password.
    expect((await fetch(`${API}/passkeys/registration-options`, { method: 'POST' })).status).toBe(200);
  });

  it('refuses the same assertion twice, another origin, a bad signature and a counter that does not grow', async () => {
    const { fetch } = await newUser('pk-refusals');
    const authenticator = new SoftAuthenticator(ORIGIN);
    await register(fetch, authenticator);

    const first = await assertion(fetch, authenticator);
    await ok('reauthenticateWithPasskey', await confirm(fetch, first));
    // Replayed: its challenge is used up.
    const replay = await problem(await confirm(fetch, first), 422, 'invalid-credentials');
    expect(replay['detail']).toMatch(/challenge/i);

    // Made on another page: refused, and its challenge is gone too.
    const phishedOptions = await ok('startPasskeyReauth', await fetch(`${API}/reauth/passkey/options`, { method: 'POST' }));
    const phished = await authenticator.assert(phishedOptions, 'https://phishing.example');
    const wrongOrigin = await problem(await confirm(fetch, phished), 422, 'invalid-credentials');
    expect(wrongOrigin['detail']).toMatch(/origin/i);
    await problem(await confirm(fetch, await authenticator.assert(phishedOptions)), 422, 'invalid-credentials');

    // A signature that does not verify.
    const tampered = await assertion(fetch, authenticator);
    const signature = fromBase64url(tampered.response.signature);
    signature[signature.length - 1] = signature[signature.length - 1]! ^ 0x01;
    await problem(await confirm(fetch, { ...tampered, response: { ...tampered.response, signature: base64url(signature) } }), 422, 'invalid-credentials');

    // Two assertions made in order, sent in reverse: the older one's counter is behind the stored one.
    const older = await assertion(fetch, authenticator);
    const newer = await assertion(fetch, authenticator);
    await ok('reauthenticateWithPasskey', await confirm(fetch, newer));
    const row = await server.database.db.selectFrom('dn_passkey').select('counter').where('credential_id', '=', base64url(authenticator.credentialId)).executeTakeFirstOrThrow();
    expect(Number(row.counter)).toBe(6);
    const cloned = await problem(await confirm(fetch, older), 422, 'invalid-credentials');
    expect(cloned['detail']).toMatch(/counter/i);
  });

  it('refuses a challenge older than 5 minutes (410) and a passkey of another account', async () => {
    const { fetch } = await newUser('pk-expired');
    const authenticator = new SoftAuthenticator(ORIGIN);
    await register(fetch, authenticator);
    const late = await assertion(fetch, authenticator);
    offset += 5 * 60_000 + 1000;
    await problem(await confirm(fetch, late), 410, 'challenge-expired');

    const other = await newUser('pk-expired-other');
    const foreign = new SoftAuthenticator(ORIGIN);
    await register(other.fetch, foreign);
    const options = await ok('startPasskeyReauth', await fetch(`${API}/reauth/passkey/options`, { method: 'POST' }));
    await problem(await confirm(fetch, await foreign.assert(options)), 422, 'invalid-credentials');
  });

  it('accepts a challenge only from the session that asked for it', async () => {
    const { email, password, fetch } = await newUser('pk-session-bound');
    const authenticator = new SoftAuthenticator(ORIGIN);
    await register(fetch, authenticator);
    const elsewhere = cookieClient(() => server, ORIGIN);
    expect((await elsewhere(SIGN_IN, json({ email, password }))).status).toBe(200);
    const asked = await assertion(fetch, authenticator);
    await problem(await confirm(elsewhere, asked), 422, 'invalid-credentials');
    // Sent by another session, it is not used up for the one that asked.
    await ok('reauthenticateWithPasskey', await confirm(fetch, asked));
  });

  it('counts wrong assertions with wrong passwords under the reauth limit', async () => {
    const { id, password, fetch } = await newUser('pk-limit');
    const authenticator = new SoftAuthenticator(ORIGIN);
    await register(fetch, authenticator);
    // A success gives its attempt back.
    await ok('reauthenticateWithPasskey', await confirm(fetch, await assertion(fetch, authenticator)));
    await problem(await fetch(`${API}/reauth`, json({ method: 'password', password: 'wrong-password-1' })), 422, 'invalid-credentials');
    const phished = async () => confirm(fetch, await assertion(fetch, authenticator, 'https://phishing.example'));
    for (let i = 0; i < 4; i++) await problem(await phished(), 422, 'invalid-credentials');
    const limited = await phished();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    // The password is refused as well: the same count.
    expect((await fetch(`${API}/reauth`, json({ method: 'password', password }))).status).toBe(429);
    const counted = await server.database.db.selectFrom('dn_rate_limit').select('count').where('key', '=', `reauth:${id}`).executeTakeFirstOrThrow();
    expect(Number(counted.count)).toBeGreaterThan(5);
  });
});

describe('removal', () => {
  it('needs the re-authentication window, then removes the passkey; again: 404', async () => {
    const { fetch } = await newUser('pk-delete');
    const authenticator = new SoftAuthenticator(ORIGIN);
    const passkey = await register(fetch, authenticator);
    offset = ELEVEN_MINUTES;
    await problem(await fetch(`${API}/passkeys/${passkey.id}`, { method: 'DELETE' }), 403, 'reauth-required');
    await ok('reauthenticateWithPasskey', await confirm(fetch, await assertion(fetch, authenticator)));
    const after = await ok('deletePasskey', await fetch(`${API}/passkeys/${passkey.id}`, { method: 'DELETE' }));
    expect(after.items).toEqual([]);
    await problem(await fetch(`${API}/passkeys/${passkey.id}`, { method: 'DELETE' }), 404, 'not-found');
    // Gone with it: the session's mark and its use in "Confirm it's you".
    expect(await server.database.db.selectFrom('dn_session_passkey').selectAll().execute()).not.toContainEqual(expect.objectContaining({ passkey_id: passkey.id }));
    await problem(await fetch(`${API}/reauth/passkey/options`, { method: 'POST' }), 409, 'conflict');
  });

  it('refuses to remove the last way to sign in (no password, no provider, no other passkey) with 409 last-sign-in-method', async () => {
    const { fetch } = await newUser('pk-last', { passwordless: true });
    const first = await register(fetch, new SoftAuthenticator(ORIGIN));
    const last = await problem(await fetch(`${API}/passkeys/${first.id}`, { method: 'DELETE' }), 409, 'last-sign-in-method');
    expect(last['detail']).toMatch(/only way left/);
    expect((await ok('listPasskeys', await fetch(`${API}/passkeys`))).items.map((p) => p.id)).toEqual([first.id]);

    // With a second passkey, either may go; the other is then the last.
    const second = await register(fetch, new SoftAuthenticator(ORIGIN));
    expect((await ok('deletePasskey', await fetch(`${API}/passkeys/${first.id}`, { method: 'DELETE' }))).items.map((p) => p.id)).toEqual([second.id]);
    await problem(await fetch(`${API}/passkeys/${second.id}`, { method: 'DELETE' }), 409, 'last-sign-in-method');
  });

  it('lets the only passkey go when a password remains', async () => {
    const { fetch } = await newUser('pk-last-with-password');
    const only = await register(fetch, new SoftAuthenticator(ORIGIN));
    expect((await ok('deletePasskey', await fetch(`${API}/passkeys/${only.id}`, { method: 'DELETE' }))).items).toEqual([]);
  });
});

describe('the last way to sign in, whichever is removed', () => {
  /** A provider account linked to the user, as Better Auth's callback or the development provider leaves it. */
  async function connect(userId: string, provider: string): Promise<void> {
    const context = await server.auth.$context;
    await context.internalAdapter.createAccount({ userId, providerId: provider, accountId: `dev-${provider}-${userId}` });
  }
  const disconnect = (fetch: Fetch, provider: string) => fetch(`${API}/connected-accounts/${provider}`, { method: 'DELETE' });

  it('lets a passkey user without a password disconnect the only provider, then keeps the passkey', async () => {
    const { id, fetch } = await newUser('last-passkey-provider', { passwordless: true });
    const passkey = await register(fetch, new SoftAuthenticator(ORIGIN));
    await connect(id, 'google');
    const listed = await ok('listConnectedAccounts', await fetch(`${API}/connected-accounts`));
    expect(listed.passwordSignIn).toBe(false);
    const after = await ok('disconnectAccount', await disconnect(fetch, 'google'));
    expect(after.items.find((i) => i.provider === 'google')?.connected).toBe(false);
    await problem(await fetch(`${API}/passkeys/${passkey.id}`, { method: 'DELETE' }), 409, 'last-sign-in-method');
  });

  it('lets a user with a password disconnect the only provider', async () => {
    const { id, fetch } = await newUser('last-password-provider');
    await connect(id, 'github');
    const after = await ok('disconnectAccount', await disconnect(fetch, 'github'));
    expect(after.passwordSignIn).toBe(true);
    expect(after.items.find((i) => i.provider === 'github')?.connected).toBe(false);
  });

  it('refuses the only provider of an account with no password and no passkey, with the mock’s answer, and lets one of two go', async () => {
    const { id, fetch } = await newUser('last-provider', { passwordless: true });
    await connect(id, 'google');
    const refused = await disconnect(fetch, 'google');
    const body = await problem(refused, 409, 'last-sign-in-method');
    // The in-browser mock answers the same case with the same problem.
    const mock = new MockStore({ passwordless: true });
    let expected: unknown;
    try {
      mock.disconnectAccount('google');
    } catch (error) {
      expected = JSON.parse(JSON.stringify(error));
    }
    expect(body).toEqual(expected);
    expect((await ok('listConnectedAccounts', await fetch(`${API}/connected-accounts`))).items.find((i) => i.provider === 'google')?.connected).toBe(true);

    await connect(id, 'github');
    await ok('disconnectAccount', await disconnect(fetch, 'google'));
    await problem(await disconnect(fetch, 'github'), 409, 'last-sign-in-method');
  });

  it('lets the only passkey go while a provider remains, and then keeps the provider', async () => {
    const { id, fetch } = await newUser('last-provider-passkey', { passwordless: true });
    const passkey = await register(fetch, new SoftAuthenticator(ORIGIN));
    await connect(id, 'microsoft');
    expect((await ok('deletePasskey', await fetch(`${API}/passkeys/${passkey.id}`, { method: 'DELETE' }))).items).toEqual([]);
    await problem(await disconnect(fetch, 'microsoft'), 409, 'last-sign-in-method');
  });

  it('lets only one of two removals sent at once through when each would leave the other as the last way', async () => {
    const { id, fetch } = await newUser('last-at-once', { passwordless: true });
    const passkey = await register(fetch, new SoftAuthenticator(ORIGIN));
    await connect(id, 'google');
    const answers = await Promise.all([disconnect(fetch, 'google'), fetch(`${API}/passkeys/${passkey.id}`, { method: 'DELETE' })]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const accounts = await server.database.db.selectFrom('account').select('providerId').where('userId', '=', id).execute();
    const passkeys = await server.database.db.selectFrom('dn_passkey').select('id').where('user_id', '=', id).execute();
    expect(accounts.filter((a) => a.providerId !== 'credential').length + passkeys.length).toBe(1);
  });
});
