/**
 * Sign-in with a passkey through the handler, with the kit's software authenticator in place
 * of the browser's: a passkey registered from a signed-in session signs a signed-out browser
 * in (a session cookie that works on the account API, the attempt in the history, the passkey
 * marked current), and the refusals: a challenge used twice, a challenge asked for by another
 * browser, another origin, an unknown credential, a signature counter that does not grow, an
 * expired challenge, and a request from an untrusted origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as s from '../../src/api/schemas.js';
import { SoftAuthenticator } from '../../conformance/webauthn.js';
import { createAccountServer, type AccountServer } from '../src/index.js';
import { cookieClient } from './client.js';
import { testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
const API = `${ORIGIN}/api/account`;
const AUTH = `${ORIGIN}/api/auth`;
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

let server: AccountServer;
let offset = 0;

beforeAll(async () => {
  server = await createAccountServer({ ...testStorage(), baseUrl: ORIGIN, development: true, now: () => new Date(Date.now() + offset) });
});

afterAll(async () => {
  await server?.close();
});

type Fetch = ReturnType<typeof cookieClient>;
const json = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

/** A user with a passkey on `authenticator`, registered from a password session. */
async function userWithPasskey(name: string): Promise<{ id: string; authenticator: SoftAuthenticator; passkey: s.Passkey }> {
  offset = 0;
  const email = `${name}@northwind-calls.example`;
  const password = `${name}#Pass-2026`;
  const { user } = await server.auth.api.signUpEmail({ body: { email, password, name } });
  const fetch = cookieClient(() => server, ORIGIN);
  expect((await fetch(`${AUTH}/sign-in/email`, json({ email, password }))).status).toBe(200);
  const authenticator = new SoftAuthenticator(ORIGIN);
  const options = (await (await fetch(`${API}/passkeys/registration-options`, { method: 'POST' })).json()) as s.PasskeyRegistrationOptions;
  const response = await fetch(`${API}/passkeys`, json({ credential: await authenticator.register(options) }));
  expect(response.status).toBe(200);
  return { id: user.id, authenticator, passkey: (await response.json()) as s.Passkey };
}

async function signInOptions(fetch: Fetch): Promise<s.PasskeyAuthenticationOptions> {
  const response = await fetch(`${AUTH}/passkey/sign-in/options`, { method: 'POST' });
  expect(response.status).toBe(200);
  return (await response.json()) as s.PasskeyAuthenticationOptions;
}

async function problem(response: Response, status: number, code: string): Promise<void> {
  expect(response.headers.get('Content-Type'), `${response.status} ${await response.clone().text()}`).toBe('application/problem+json');
  const body = (await response.json()) as Record<string, unknown>;
  expect({ status: response.status, type: body['type'] }).toEqual({ status, type: `urn:dialnexa:problem:${code}` });
}

async function attempts(userId: string): Promise<{ success: boolean; failure_reason: string | null }[]> {
  return server.database.db.selectFrom('dn_login_attempt').select(['success', 'failure_reason']).where('user_id', '=', userId).orderBy('at').execute();
}

describe('passkey sign-in', () => {
  it('signs a signed-out browser in: a working session cookie, the attempt recorded, the passkey current, no token in the answer', async () => {
    const { id, authenticator, passkey } = await userWithPasskey('pk-sign-in');
    const before = (await attempts(id)).length;
    const fetch = cookieClient(() => server, ORIGIN);
    expect((await fetch(`${API}/profile`)).status).toBe(401);

    const options = await signInOptions(fetch);
    expect(options).toMatchObject({ rpId: 'localhost', userVerification: 'required' });
    expect(options.allowCredentials ?? []).toEqual([]);
    // Kept as its hash only.
    const stored = await server.database.db.selectFrom('dn_passkey_sign_in').select('challenge_hash').execute();
    expect(stored.map((r) => r.challenge_hash)).not.toContain(options.challenge);

    const response = await fetch(`${AUTH}/passkey/sign-in`, { ...json(await authenticator.assert(options)), headers: { 'User-Agent': FIREFOX } });
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(JSON.stringify(body)).not.toContain('token');
    expect(body['user']).toMatchObject({ id });

    const profile = await fetch(`${API}/profile`);
    expect(profile.status).toBe(200);
    const list = (await (await fetch(`${API}/passkeys`)).json()) as s.PasskeyList;
    expect(list.items).toEqual([expect.objectContaining({ id: passkey.id, current: true, lastUsedAt: expect.any(String) })]);
    const recorded = await attempts(id);
    expect(recorded.slice(before)).toEqual([{ success: true, failure_reason: null }]);
    // A new device: the notifier told the user.
    const alerts = await server.database.db.selectFrom('dn_outbox').select('subject').where('to', '=', 'pk-sign-in@northwind-calls.example').execute();
    expect(alerts.length).toBeGreaterThan(0);
  });

  it('refuses a replayed challenge, another browser’s challenge, another origin, an unknown credential and a counter going backwards', async () => {
    const { id, authenticator } = await userWithPasskey('pk-sign-in-refused');
    const before = (await attempts(id)).length;
    const fetch = cookieClient(() => server, ORIGIN);

    // Used once, then replayed: the challenge is gone.
    const options = await signInOptions(fetch);
    const first = await authenticator.assert(options);
    expect((await fetch(`${AUTH}/passkey/sign-in`, json(first))).status).toBe(200);
    const replay = cookieClient(() => server, ORIGIN);
    await signInOptions(replay);
    await problem(await replay(`${AUTH}/passkey/sign-in`, json(await authenticator.assert(options))), 422, 'invalid-credentials');

    // Asked for by one browser, answered from another without its cookie.
    const asked = cookieClient(() => server, ORIGIN);
    const theirs = await signInOptions(asked);
    const stranger = cookieClient(() => server, ORIGIN);
    await problem(await stranger(`${AUTH}/passkey/sign-in`, json(await authenticator.assert(theirs))), 422, 'invalid-credentials');
    // Which neither used it nor used it up: it is the asking browser's.
    expect((await asked(`${AUTH}/passkey/sign-in`, json(await authenticator.assert(theirs)))).status).toBe(200);

    // Made on another origin (a phishing page's browser reports its own).
    const phished = cookieClient(() => server, ORIGIN);
    await problem(await phished(`${AUTH}/passkey/sign-in`, json(await authenticator.assert(await signInOptions(phished), 'https://phishing.example'))), 422, 'invalid-credentials');

    // A counter that does not grow: a copy of the authenticator that fell behind.
    const copied = cookieClient(() => server, ORIGIN);
    const ahead = await signInOptions(copied);
    const late = await authenticator.assert(ahead);
    const fresh = cookieClient(() => server, ORIGIN);
    expect((await fresh(`${AUTH}/passkey/sign-in`, json(await authenticator.assert(await signInOptions(fresh))))).status).toBe(200);
    await problem(await copied(`${AUTH}/passkey/sign-in`, json(late)), 422, 'invalid-credentials');
    expect((await copied(`${API}/profile`)).status).toBe(401);

    const failures = (await attempts(id)).slice(before).filter((a) => !a.success);
    expect(failures).toHaveLength(4);
    expect(failures.every((a) => a.failure_reason === 'wrong-passkey')).toBe(true);

    // A credential nobody registered: refused, and no account's history to go to.
    const unknown = new SoftAuthenticator(ORIGIN);
    const someone = cookieClient(() => server, ORIGIN);
    const unknownOptions = await signInOptions(someone);
    await unknown.register({ challenge: unknownOptions.challenge, rp: { id: 'localhost', name: 'x' }, user: { id: 'dW5rbm93bg', name: 'u', displayName: 'u' }, pubKeyCredParams: [{ type: 'public-key', alg: -7 }] });
    await problem(await someone(`${AUTH}/passkey/sign-in`, json(await unknown.assert(unknownOptions))), 422, 'invalid-credentials');
    expect((await someone(`${API}/profile`)).status).toBe(401);
  });

  it('refuses an expired challenge (410) and a request from an untrusted origin', async () => {
    const { id, authenticator } = await userWithPasskey('pk-sign-in-expired');
    const fetch = cookieClient(() => server, ORIGIN);
    const options = await signInOptions(fetch);
    offset = 6 * 60_000;
    await problem(await fetch(`${AUTH}/passkey/sign-in`, json(await authenticator.assert(options))), 410, 'challenge-expired');
    expect((await attempts(id)).at(-1)).toEqual({ success: false, failure_reason: 'challenge-expired' });
    offset = 0;

    // A page elsewhere (or no page at all) cannot ask for a challenge or post an assertion.
    const elsewhere = cookieClient(() => server, 'https://phishing.example');
    await problem(await elsewhere(`${AUTH}/passkey/sign-in/options`, { method: 'POST' }), 403, 'csrf-failed');
    const signedOut = cookieClient(() => server, ORIGIN);
    const asked = await signInOptions(signedOut);
    const post = (origin: string | null) =>
      server.fetch(
        new Request(`${AUTH}/passkey/sign-in`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(origin && { Origin: origin }) },
          body: '{}',
        }),
      );
    await problem(await post('https://phishing.example'), 403, 'csrf-failed');
    await problem(await post(null), 403, 'csrf-failed');
    // The challenge is still the asking browser's.
    expect((await signedOut(`${AUTH}/passkey/sign-in`, json(await authenticator.assert(asked)))).status).toBe(200);
  });
});
