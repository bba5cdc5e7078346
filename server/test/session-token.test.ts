/**
 * The session is in the HttpOnly cookie and nowhere a page's script can read it: Better Auth's
 * JSON answers (sign-up, sign-in, the two-factor plugin's verification, get-session,
 * list-sessions) reach the browser without the session token, and a connected provider's OAuth
 * tokens are not served at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../conformance/totp.js';
import { endpoints } from '../../src/api/endpoints.js';
import { createAccountServer, type AccountServer } from '../src/index.js';
import { cookieClient } from './client.js';
import { testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
const AUTH = `${ORIGIN}/api/auth`;
const API = `${ORIGIN}/api/account`;

let server: AccountServer;

beforeAll(async () => {
  server = await createAccountServer({ ...testStorage(), baseUrl: ORIGIN, development: true, rateLimits: 'off' });
});

afterAll(async () => {
  await server?.close();
});

const json = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

/** The session tokens the database holds for the user (what must not appear in any body). */
async function sessionTokens(email: string): Promise<string[]> {
  const rows = await server.database.db.selectFrom('session').innerJoin('user', 'user.id', 'session.userId').select('session.token').where('user.email', '=', email).execute();
  return rows.map((r) => r.token);
}

async function bodyOf(response: Response): Promise<{ text: string; json: Record<string, unknown> }> {
  const text = await response.text();
  return { text, json: JSON.parse(text) as Record<string, unknown> };
}

describe('session tokens', () => {
  it('leaves them out of sign-up, sign-in, get-session and list-sessions, while the cookie carries the session', async () => {
    const email = 'token-free@northwind-calls.example';
    const password = 'Token#Free-2026';
    const browser = cookieClient(() => server, ORIGIN);
    const signedUp = await bodyOf(await browser(`${AUTH}/sign-up/email`, json({ email, password, name: 'Token Free' })));
    expect(signedUp.json).toMatchObject({ user: { email } });
    expect(signedUp.json).not.toHaveProperty('token');

    const signIn = await browser(`${AUTH}/sign-in/email`, json({ email, password }));
    expect(signIn.status).toBe(200);
    expect(signIn.headers.getSetCookie().find((c) => c.startsWith('better-auth.session_token='))).toMatch(/HttpOnly/i);
    const signedIn = await bodyOf(signIn);
    expect(signedIn.json).toMatchObject({ user: { email } });
    expect(signedIn.json).not.toHaveProperty('token');

    const tokens = await sessionTokens(email);
    expect(tokens.length).toBe(2);
    const session = await bodyOf(await browser(`${AUTH}/get-session`));
    expect(session.json).toMatchObject({ user: { email }, session: { userId: (session.json.user as { id: string }).id } });
    expect(session.json.session).not.toHaveProperty('token');
    const list = await bodyOf(await browser(`${AUTH}/list-sessions`));
    expect(list.json).toHaveLength(2);
    for (const text of [signedUp.text, signedIn.text, session.text, list.text]) {
      for (const token of tokens) expect(text).not.toContain(token);
    }
    // The cookie alone still does everything: the account API answers, and sessions end by id.
    const sessions = endpoints.listSessions.response.parse(await (await browser(`${API}/sessions`)).json());
    expect(sessions.items).toHaveLength(2);
  });

  it('leaves it out of the answer of the code step, the only way to finish a pending sign-in', async () => {
    const email = 'token-free-2fa@northwind-calls.example';
    const password = 'Token#Free-2026';
    await server.auth.api.signUpEmail({ body: { email, password, name: 'Token Free' } });
    const first = cookieClient(() => server, ORIGIN);
    await first(`${AUTH}/sign-in/email`, json({ email, password }));
    const setup = endpoints.startTwoFactorSetup.response.parse(await (await first(`${API}/two-factor/setup`, { method: 'POST' })).json());
    expect((await first(`${API}/two-factor/setup/verify`, json({ setupId: setup.setupId, code: totpCode(setup.secret) }))).status).toBe(200);

    const second = cookieClient(() => server, ORIGIN);
    const started = (await (await second(`${AUTH}/sign-in/email`, json({ email, password }))).json()) as Record<string, unknown>;
    expect(started).toMatchObject({ twoFactorRedirect: true });
    expect(started).not.toHaveProperty('token');
    const code = totpCode(setup.secret, { timestamp: Date.now() + 30_000 });
    // The two-factor plugin's own endpoint is not served (auth-routes.test.ts): the contract's code step is.
    expect((await second(`${AUTH}/two-factor/verify-totp`, json({ code }))).status).toBe(404);
    const verified = await second(`${API}/two-factor/challenge`, json({ challengeId: started['challengeId'], method: 'totp', code, trustDevice: true }));
    expect(verified.status).toBe(200);
    const body = await bodyOf(verified);
    expect(body.json).not.toHaveProperty('token');
    for (const token of await sessionTokens(email)) expect(body.text).not.toContain(token);
    expect((await second(`${API}/profile`)).status).toBe(200);
  });

  it('does not serve a connected provider’s OAuth tokens', async () => {
    for (const path of ['/get-access-token', '/refresh-token']) {
      const answer = await server.fetch(new Request(`${AUTH}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN }, body: JSON.stringify({ providerId: 'github' }) }));
      expect(answer.status).toBe(404);
    }
  });
});
