/**
 * A sign-in through a provider (Better Auth's `sign-in/social` and its callback) is recorded in the
 * login activity and alerts a new device as a sign-in by password does; linking a provider to the
 * signed-in user is no sign-in and does neither. GitHub's side is answered here, as in
 * providers.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { endpoints } from '../../src/api/endpoints.js';
import { createAccountServer, type AccountServer } from '../src/index.js';
import { socialProvidersFromEnv } from '../src/providers.js';
import { cookieClient } from './client.js';
import { testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
const API = `${ORIGIN}/api/account`;
const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0';
const EMAIL = 'lina@northwind-calls.example';

let server: AccountServer;
/** The GitHub account the fake GitHub signs in. */
let github = { id: 5151, email: EMAIL };

beforeAll(async () => {
  server = await createAccountServer({
    ...testStorage(),
    baseUrl: ORIGIN,
    development: true,
    rateLimits: 'off',
    trustProxy: 1,
    socialProviders: socialProvidersFromEnv({ GITHUB_CLIENT_ID: 'Iv1.fakegithubclient', GITHUB_CLIENT_SECRET: 'fake-github-secret' }),
  });
  // GitHub: the code exchange, the user and their addresses.
  const real = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname !== 'github.com' && url.hostname !== 'api.github.com') return real(input, init);
    const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
    if (url.pathname === '/login/oauth/access_token') return json({ access_token: 'gho_fake', token_type: 'bearer', scope: 'read:user,user:email' });
    if (url.pathname === '/user') return json({ id: github.id, login: `user-${github.id}`, name: 'Lina Berg', email: null, avatar_url: null });
    if (url.pathname === '/user/emails') return json([{ email: github.email, primary: true, verified: true }]);
    return new Response('not found', { status: 404 });
  });
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await server?.close();
});

/** A browser of its own: its cookies, its User-Agent, its address behind the proxy. */
function browser(userAgent: string) {
  const fetch = cookieClient(() => server, ORIGIN);
  return (url: string, init: RequestInit = {}) => fetch(url, { ...init, headers: { 'User-Agent': userAgent, 'X-Forwarded-For': '203.0.113.44', ...(init.headers as Record<string, string>) } });
}

/** Better Auth's social sign-in, then GitHub's way back to its callback. */
async function signInWithGitHub(fetch: ReturnType<typeof browser>): Promise<Response> {
  const started = await fetch(`${ORIGIN}/api/auth/sign-in/social`, { method: 'POST', body: JSON.stringify({ provider: 'github', callbackURL: `${ORIGIN}/settings` }) });
  expect(started.status).toBe(200);
  const { url } = (await started.json()) as { url: string };
  const state = new URL(url).searchParams.get('state')!;
  const callback = await fetch(`${ORIGIN}/api/auth/callback/github?${new URLSearchParams({ code: 'code-from-github', state })}`);
  expect(callback.status).toBe(302);
  expect(callback.headers.get('Location')).toBe(`${ORIGIN}/settings`);
  return callback;
}

const mailsOf = async (kind: string) => (await server.outbox.list({ to: EMAIL })).filter((m) => m.kind === kind);

describe('a sign-in through a provider', () => {
  it('is recorded, and a new device after the first is alerted by email and in-app', async () => {
    const laptop = browser(CHROME_MAC);
    const first = await signInWithGitHub(laptop);
    expect(first.headers.getSetCookie().some((c) => c.startsWith('dn-device='))).toBe(true);
    // The first device a user ever signs in from has nothing to be compared with.
    expect(await mailsOf('new-device')).toEqual([]);
    const activity = endpoints.listLoginActivity.response.parse(await (await laptop(`${API}/login-activity?limit=5`)).json());
    expect(activity.items).toHaveLength(1);
    expect(activity.items[0]).toMatchObject({ success: true, ip: '203.0.113.44', browser: expect.stringMatching(/^Chrome/) });

    const phone = browser(FIREFOX_WINDOWS);
    await signInWithGitHub(phone);
    const alerts = await mailsOf('new-device');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.text).toContain('Firefox on Windows, address 203.0.113.44');
    const inbox = (await (await phone(`${ORIGIN}/api/inbox`)).json()) as { items: { kind: string }[] };
    expect(inbox.items.map((i) => i.kind)).toEqual(['new-device']);

    // The laptop again, with its device cookie: known, no alert.
    await signInWithGitHub(laptop);
    expect(await mailsOf('new-device')).toHaveLength(1);
    const after = endpoints.listLoginActivity.response.parse(await (await laptop(`${API}/login-activity?limit=5`)).json());
    expect(after.items).toHaveLength(3);
  });

  it('linking GitHub to a signed-in user is no sign-in: nothing recorded, no alert', async () => {
    const email = 'linker@northwind-calls.example';
    const password = 'Linker#Pass-2026';
    const { user } = await server.auth.api.signUpEmail({ body: { email, password, name: 'Linker' } });
    github = { id: 6262, email: 'linker@work.example' };
    const laptop = browser(CHROME_MAC);
    expect((await laptop(`${ORIGIN}/api/auth/sign-in/email`, { method: 'POST', body: JSON.stringify({ email, password }) })).status).toBe(200);
    const attempts = async () => (await server.database.db.selectFrom('dn_login_attempt').select('id').where('user_id', '=', user.id).execute()).length;
    expect(await attempts()).toBe(1);
    const connect = await laptop(`${API}/connected-accounts/github/connect`, { method: 'POST', body: JSON.stringify({ redirectUri: `${ORIGIN}/settings`, mode: 'redirect' }) });
    const state = new URL(endpoints.connectAccount.response.parse(await connect.json()).authorizationUrl).searchParams.get('state')!;
    const callback = await laptop(`${ORIGIN}/api/auth/callback/github?${new URLSearchParams({ code: 'code-from-github', state })}`);
    expect(callback.status).toBe(302);
    expect(callback.headers.get('Location')).toBe(`${ORIGIN}/settings?connected=github`);
    expect(callback.headers.getSetCookie().some((c) => c.startsWith('dn-device='))).toBe(false);
    expect(await server.database.db.selectFrom('account').select('userId').where('accountId', '=', '6262').executeTakeFirst()).toEqual({ userId: user.id });
    expect(await attempts()).toBe(1);
  });

  it('is refused for a user with 2FA on: no session, a failed attempt, back with error=two_factor_required', async () => {
    github = { id: 7373, email: 'second-factor@northwind-calls.example' };
    const laptop = browser(CHROME_MAC);
    await signInWithGitHub(laptop);
    const db = server.database.db;
    const { userId } = await db.selectFrom('account').select('userId').where('accountId', '=', '7373').executeTakeFirstOrThrow();
    await db.updateTable('user').set({ twoFactorEnabled: true }).where('id', '=', userId).execute();
    const sessionsBefore = (await db.selectFrom('session').select('id').where('userId', '=', userId).execute()).length;

    const phone = browser(FIREFOX_WINDOWS);
    const started = await phone(`${ORIGIN}/api/auth/sign-in/social`, { method: 'POST', body: JSON.stringify({ provider: 'github', callbackURL: `${ORIGIN}/settings` }) });
    const state = new URL(((await started.json()) as { url: string }).url).searchParams.get('state')!;
    const callback = await phone(`${ORIGIN}/api/auth/callback/github?${new URLSearchParams({ code: 'code-from-github', state })}`);
    expect(callback.status).toBe(302);
    expect(callback.headers.get('Location')).toBe(`${ORIGIN}/settings?error=two_factor_required`);
    expect(callback.headers.getSetCookie().some((c) => /session_token=/.test(c))).toBe(false);
    expect((await phone(`${API}/profile`)).status).toBe(401);
    expect((await db.selectFrom('session').select('id').where('userId', '=', userId).execute()).length).toBe(sessionsBefore);
    const last = await db.selectFrom('dn_login_attempt').select(['success', 'failure_reason']).where('user_id', '=', userId).orderBy('at', 'desc').executeTakeFirstOrThrow();
    expect(last).toEqual({ success: false, failure_reason: 'two-factor-required' });
  });
});
