/**
 * The outbox and the links it carries: an email change verified by its link (24 hours, once,
 * replaced by a resent one), a password reset (1 hour, once, every session signed out), the
 * development mailbox, and the plugin routes that would bypass the contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/api/endpoints.js';
import { createAccountServer, DEMO_EMAIL, DEMO_PASSWORD, type AccountServer } from '../src/index.js';
import { testStorage } from './storage.js';
import { cookieClient } from './client.js';
import { tokenOfMail } from './conformance-hooks.js';

const ORIGIN = 'http://localhost:8787';
const API = `${ORIGIN}/api/account`;
const HOUR = 60 * 60_000;

let server: AccountServer;
let offset = 0;

beforeAll(async () => {
  server = await createAccountServer({ ...testStorage(), baseUrl: ORIGIN, appUrl: 'http://localhost:5173', development: true, seedDemo: true, now: () => new Date(Date.now() + offset) });
});

afterAll(async () => {
  await server?.close();
});

const json = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

async function signedIn(password = DEMO_PASSWORD) {
  const fetch = cookieClient(() => server, ORIGIN);
  const response = await fetch(`${ORIGIN}/api/auth/sign-in/email`, json({ email: DEMO_EMAIL, password }));
  expect(response.status).toBe(200);
  return fetch;
}

async function mailbox(to: string) {
  const response = await server.fetch(new Request(`${ORIGIN}/api/dev/mailbox?to=${encodeURIComponent(to)}`));
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: { kind: string; to: string; subject: string; text: string }[] }).items;
}

describe('email change', () => {
  it('mails a link to the new address that changes the email once, and not after it was replaced or expired', async () => {
    const fetch = await signedIn();
    const address = 'amira.new@northwind-calls.example';
    const state = endpoints.requestEmailChange.response.parse(await (await fetch(`${API}/email-change`, json({ newEmail: address }))).json());
    expect(state.pending?.newEmail).toBe(address);
    expect(Date.parse(state.pending!.expiresAt) - Date.parse(state.pending!.requestedAt)).toBe(24 * HOUR);

    const [mail] = await mailbox(address);
    expect(mail).toMatchObject({ kind: 'email-change', to: address });
    expect(mail!.text).toContain('http://localhost:5173/verify-email?token=');
    const first = tokenOfMail(await mailbox(address), 'email-change', address)!;
    // Only the token's hash is stored.
    const stored = await server.database.db.selectFrom('dn_email_change').select('token_hash').executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(first);

    // Resent: the first link no longer works.
    endpoints.resendEmailChange.response.parse(await (await fetch(`${API}/email-change/resend`, { method: 'POST' })).json());
    const second = tokenOfMail(await mailbox(address), 'email-change', address)!;
    expect(second).not.toBe(first);
    expect(await (await fetch(`${API}/email-change/verify`, json({ token: first }))).json()).toMatchObject({ status: 410, type: 'urn:dialnexa:problem:token-expired' });
    expect((await fetch(`${API}/profile`).then((r) => r.json()) as { email: string }).email).toBe(DEMO_EMAIL);

    // The link works without a session, once.
    const verified = await server.fetch(new Request(`${API}/email-change/verify`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: second }) }));
    expect(endpoints.verifyEmailChange.response.parse(await verified.json()).email).toBe(address);
    expect(await (await fetch(`${API}/email-change/verify`, json({ token: second }))).json()).toMatchObject({ status: 410, type: 'urn:dialnexa:problem:token-used' });
    expect(await (await fetch(`${API}/email-change`)).json()).toMatchObject({ pending: null });
    // The old address is told.
    expect((await mailbox(DEMO_EMAIL))[0]).toMatchObject({ kind: 'email-changed' });

    // Back, by a link used after 24 hours: expired.
    await fetch(`${API}/email-change`, json({ newEmail: DEMO_EMAIL }));
    const back = tokenOfMail(await mailbox(DEMO_EMAIL), 'email-change', DEMO_EMAIL)!;
    offset = 24 * HOUR + 1000;
    try {
      expect(await (await fetch(`${API}/email-change/verify`, json({ token: back }))).json()).toMatchObject({ status: 410, type: 'urn:dialnexa:problem:token-expired' });
    } finally {
      offset = 0;
    }
    const restored = await fetch(`${API}/email-change/verify`, json({ token: back }));
    expect(endpoints.verifyEmailChange.response.parse(await restored.json()).email).toBe(DEMO_EMAIL);
  });

  it('refuses the current address, an address another account uses, and resending with nothing pending', async () => {
    const fetch = await signedIn();
    await server.auth.api.signUpEmail({ body: { email: 'jonas@northwind-calls.example', password: 'Jonas#Pass2026', name: 'Jonas' } });
    expect(await (await fetch(`${API}/email-change`, json({ newEmail: DEMO_EMAIL.toUpperCase() }))).json()).toMatchObject({ status: 422, errors: [{ field: 'newEmail' }] });
    expect(await (await fetch(`${API}/email-change`, json({ newEmail: 'Jonas@northwind-calls.example' }))).json()).toMatchObject({ status: 409, type: 'urn:dialnexa:problem:email-taken', errors: [{ field: 'newEmail' }] });
    expect(await (await fetch(`${API}/email-change`, { method: 'DELETE' })).json()).toEqual({ pending: null, passwordRequired: false });
    expect((await fetch(`${API}/email-change/resend`, { method: 'POST' })).status).toBe(409);
  });
});

describe('password reset', () => {
  const reset = (body: unknown) => server.fetch(new Request(`${API}/password-reset/complete`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }));
  const request = (email: string) => server.fetch(new Request(`${API}/password-reset`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN }, body: JSON.stringify({ email }) }));

  it('answers alike for any address, sets the password once by the link and signs every session out', async () => {
    const session = await signedIn();
    const known = await request(DEMO_EMAIL);
    const unknown = await request('nobody@northwind-calls.example');
    expect(known.status).toBe(200);
    expect(await known.json()).toEqual(await unknown.json());
    expect(await mailbox('nobody@northwind-calls.example')).toEqual([]);

    const [mail] = await mailbox(DEMO_EMAIL);
    expect(mail).toMatchObject({ kind: 'password-reset' });
    expect(mail!.text).toContain('http://localhost:5173/reset-password?token=');
    const token = tokenOfMail(await mailbox(DEMO_EMAIL), 'password-reset', DEMO_EMAIL)!;
    // Better Auth keeps the reset record under the token's hash, not the token.
    const records = await server.database.db.selectFrom('verification').select('identifier').execute();
    expect(records.some((r) => r.identifier.includes(token))).toBe(false);

    // The policy applies, and a refused password leaves the link usable.
    const refusedOn = async (newPassword: string) => ((await (await reset({ token, newPassword })).json()) as { status: number; errors: { field: string }[] });
    expect(await refusedOn('short1!')).toMatchObject({ status: 422, errors: [{ field: 'newPassword' }] });
    expect((await refusedOn('nodigitsorsymbols')).errors.map((e) => e.field)).toEqual(['newPassword', 'newPassword']);
    const done = await reset({ token, newPassword: 'Reset#Pass2027' });
    expect(endpoints.completePasswordReset.response.parse(await done.json()).completedAt).toBeTruthy();
    expect(await (await reset({ token, newPassword: 'Reset#Pass2027' })).json()).toMatchObject({ status: 410, type: 'urn:dialnexa:problem:token-used' });
    expect((await session(`${API}/profile`)).status).toBe(401);
    expect((await mailbox(DEMO_EMAIL))[0]).toMatchObject({ kind: 'password-changed' });

    // The new password signs in; set the demo's back.
    const fetch = await signedIn('Reset#Pass2027');
    expect((await fetch(`${API}/password`, json({ currentPassword: 'Reset#Pass2027', newPassword: DEMO_PASSWORD }))).status).toBe(200);
  });

  it('refuses a token never issued and one older than an hour', async () => {
    expect(await (await reset({ token: 'never-issued', newPassword: 'Reset#Pass2027' })).json()).toMatchObject({ status: 410, type: 'urn:dialnexa:problem:token-expired' });
    await request(DEMO_EMAIL);
    const token = tokenOfMail(await mailbox(DEMO_EMAIL), 'password-reset', DEMO_EMAIL)!;
    offset = HOUR + 1000;
    try {
      expect(await (await reset({ token, newPassword: 'Reset#Pass2027' })).json()).toMatchObject({ status: 410, type: 'urn:dialnexa:problem:token-expired' });
    } finally {
      offset = 0;
    }
  });
});

describe('hardening', () => {
  it("does not serve the two-factor plugin's own switches", async () => {
    const fetch = await signedIn();
    for (const path of ['/two-factor/enable', '/two-factor/disable', '/two-factor/generate-backup-codes']) {
      const response = await fetch(`${ORIGIN}/api/auth${path}`, json({ password: DEMO_PASSWORD }));
      expect(response.status, path).toBe(404);
    }
  });

  it('records the address of the socket when no proxy set X-Forwarded-For', async () => {
    const fetch = cookieClient(() => ({ ...server, fetch: (request: Request) => server.fetch(request, { incoming: { socket: { remoteAddress: '::ffff:198.51.100.4' } } }) }), ORIGIN);
    expect((await fetch(`${ORIGIN}/api/auth/sign-in/email`, json({ email: DEMO_EMAIL, password: DEMO_PASSWORD }))).status).toBe(200);
    const activity = endpoints.listLoginActivity.response.parse(await (await fetch(`${API}/login-activity?limit=1`)).json());
    expect(activity.items[0]).toMatchObject({ success: true, ip: '198.51.100.4' });
    const sessions = endpoints.listSessions.response.parse(await (await fetch(`${API}/sessions`)).json());
    expect(sessions.items.find((s) => s.current)?.ip).toBe('198.51.100.4');
  });
});
