/**
 * Google, Microsoft and GitHub through Better Auth's social providers, configured by environment
 * variables: connecting a configured one answers the provider's own authorization address with
 * Better Auth's state (kept in a verification row and a signed cookie); the others use the
 * development provider outside production, and are not offered in production.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { endpoints } from '../../src/api/endpoints.js';
import { createAccountServer, DEMO_EMAIL, DEMO_PASSWORD, type AccountServer } from '../src/index.js';
import { configuredProviders, socialProvidersFromEnv } from '../src/providers.js';
import { cookieClient } from './client.js';
import { fakeGitHub } from './fake-github.js';
import { testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
const API = `${ORIGIN}/api/account`;

const ENV = {
  GOOGLE_CLIENT_ID: 'fake-google-client.apps.googleusercontent.com',
  GOOGLE_CLIENT_SECRET: 'fake-google-secret',
  MICROSOFT_CLIENT_ID: '00000000-0000-4000-8000-00000000c11d',
  MICROSOFT_CLIENT_SECRET: 'fake-microsoft-secret',
  MICROSOFT_TENANT_ID: 'northwind-tenant',
};

let server: AccountServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dn-account-providers-'));
  server = await createAccountServer({ ...testStorage(dir), baseUrl: ORIGIN, development: true, seedDemo: true, socialProviders: socialProvidersFromEnv(ENV) });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function signedIn(target: () => AccountServer) {
  const fetch = cookieClient(target, ORIGIN);
  const response = await fetch(`${ORIGIN}/api/auth/sign-in/email`, { method: 'POST', body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSWORD }) });
  expect(response.status).toBe(200);
  return fetch;
}

const connect = (fetch: Awaited<ReturnType<typeof signedIn>>, provider: string) =>
  fetch(`${API}/connected-accounts/${provider}/connect`, { method: 'POST', body: JSON.stringify({ redirectUri: `${ORIGIN}/settings`, mode: 'redirect' }) });

describe('configuration by environment', () => {
  it('takes a provider with both its id and secret, Microsoft with its tenant, and refuses half a pair', () => {
    expect(configuredProviders(socialProvidersFromEnv({}))).toEqual([]);
    const fields = expect.any(Function);
    expect(socialProvidersFromEnv(ENV)).toEqual({
      google: { clientId: ENV.GOOGLE_CLIENT_ID, clientSecret: ENV.GOOGLE_CLIENT_SECRET, getAccountFields: fields },
      microsoft: { clientId: ENV.MICROSOFT_CLIENT_ID, clientSecret: ENV.MICROSOFT_CLIENT_SECRET, tenantId: 'northwind-tenant', getAccountFields: fields },
    });
    expect(socialProvidersFromEnv({ MICROSOFT_CLIENT_ID: 'id', MICROSOFT_CLIENT_SECRET: 'secret', GITHUB_CLIENT_ID: 'gh', GITHUB_CLIENT_SECRET: 'gh-secret' })).toEqual({
      microsoft: { clientId: 'id', clientSecret: 'secret', tenantId: 'common', getAccountFields: fields },
      github: { clientId: 'gh', clientSecret: 'gh-secret', getAccountFields: fields },
    });
    expect(() => socialProvidersFromEnv({ GITHUB_CLIENT_ID: 'only-the-id' })).toThrow('GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET are needed together');
  });
});

describe('connecting', () => {
  it("answers Google's and Microsoft's own authorization address with Better Auth's state and a signed state cookie", async () => {
    const fetch = await signedIn(() => server);
    // The demo user's Google account is seeded as connected; connecting again starts a new link all the same.
    const google = await connect(fetch, 'google');
    expect(google.status).toBe(200);
    const { authorizationUrl } = endpoints.connectAccount.response.parse(await google.json());
    const url = new URL(authorizationUrl);
    expect(`${url.origin}${url.pathname}`).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(url.searchParams.get('client_id')).toBe(ENV.GOOGLE_CLIENT_ID);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/api/auth/callback/google`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    const state = url.searchParams.get('state')!;
    expect(state).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(google.headers.getSetCookie().join('\n')).toMatch(/state=[^;]+;.*HttpOnly/i);
    // Better Auth keeps the state for its callback: bound to this user, back to the page that asked.
    const rows = await server.database.db.selectFrom('verification').select(['identifier', 'value']).execute();
    const record = rows.find((r) => r.identifier.includes(state));
    expect(record).toBeDefined();
    expect(JSON.parse(record!.value)).toMatchObject({ callbackURL: `${ORIGIN}/settings?connected=google`, errorURL: `${ORIGIN}/settings`, link: { email: DEMO_EMAIL } });

    const microsoft = new URL(endpoints.connectAccount.response.parse(await (await connect(fetch, 'microsoft')).json()).authorizationUrl);
    expect(`${microsoft.origin}${microsoft.pathname}`).toBe('https://login.microsoftonline.com/northwind-tenant/oauth2/v2.0/authorize');
    expect(microsoft.searchParams.get('client_id')).toBe(ENV.MICROSOFT_CLIENT_ID);
    expect(microsoft.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/api/auth/callback/microsoft`);
    expect(microsoft.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{32,}$/);
  });

  it('keeps the development provider for GitHub, which is not configured, outside production', async () => {
    const fetch = await signedIn(() => server);
    const { authorizationUrl } = endpoints.connectAccount.response.parse(await (await connect(fetch, 'github')).json());
    expect(authorizationUrl).toMatch(new RegExp(`^${API}/dev-oauth/github/authorize\\?state=[A-Za-z0-9_-]{43}$`));
    const listed = endpoints.listConnectedAccounts.response.parse(await (await fetch(`${API}/connected-accounts`)).json());
    expect(listed.items.map((i) => i.provider)).toEqual(['google', 'microsoft', 'github']);
  });

  it('refuses a way back to another site before asking the provider', async () => {
    const fetch = await signedIn(() => server);
    const response = await fetch(`${API}/connected-accounts/google/connect`, { method: 'POST', body: JSON.stringify({ redirectUri: 'https://evil.example/', mode: 'redirect' }) });
    expect(await response.json()).toMatchObject({ status: 422, errors: [{ field: 'redirectUri' }] });
  });
});

describe('in production', () => {
  let production: AccountServer;
  beforeAll(async () => {
    await server.close();
    // The same data, now without the development provider and with GitHub alone configured.
    production = await createAccountServer({
      ...testStorage(dir),
      baseUrl: ORIGIN,
      secret: 'a-production-secret-of-enough-length-0123456789',
      development: false,
      socialProviders: socialProvidersFromEnv({ GITHUB_CLIENT_ID: 'Iv1.fakegithubclient', GITHUB_CLIENT_SECRET: 'fake-github-secret' }),
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  afterAll(async () => {
    await production?.close();
  });

  it('offers the configured provider and the connected ones only, and connects GitHub on github.com', async () => {
    const fetch = await signedIn(() => production);
    const listed = endpoints.listConnectedAccounts.response.parse(await (await fetch(`${API}/connected-accounts`)).json());
    // Google is no longer configured but stays listed while connected, so it can be disconnected.
    expect(listed.items.map((i) => [i.provider, i.connected])).toEqual([['google', true], ['github', false]]);
    const github = new URL(endpoints.connectAccount.response.parse(await (await connect(fetch, 'github')).json()).authorizationUrl);
    expect(`${github.origin}${github.pathname}`).toBe('https://github.com/login/oauth/authorize');
    expect(github.searchParams.get('client_id')).toBe('Iv1.fakegithubclient');
    expect(github.searchParams.get('state')).toBeTruthy();
    expect(await (await connect(fetch, 'microsoft')).json()).toMatchObject({ status: 409, title: 'Provider not set up' });
  });

  it("links the GitHub account on Better Auth's callback and sends the browser back with ?connected=github", async () => {
    // GitHub's side, answered here: the code exchange and the user's profile and addresses.
    const { seen, exchanges } = fakeGitHub(() => ({ id: 4242, login: 'amira-h', name: 'Amira Haddad', email: 'amira@work.example' }));
    const fetch = await signedIn(() => production);
    const start = new URL(endpoints.connectAccount.response.parse(await (await connect(fetch, 'github')).json()).authorizationUrl);
    const callback = await fetch(`${ORIGIN}/api/auth/callback/github?${new URLSearchParams({ code: 'code-from-github', state: start.searchParams.get('state')! })}`);
    expect(callback.status).toBe(302);
    expect(callback.headers.get('Location')).toBe(`${ORIGIN}/settings?connected=github`);
    expect(seen).toEqual(['github.com/login/oauth/access_token', 'api.github.com/user', 'api.github.com/user/emails']);
    expect(exchanges[0]?.get('code')).toBe('code-from-github');
    const listed = endpoints.listConnectedAccounts.response.parse(await (await fetch(`${API}/connected-accounts`)).json());
    // Listed with the GitHub account's own address (its verified primary one), not the user's.
    expect(listed.items.find((i) => i.provider === 'github')).toMatchObject({ connected: true, email: 'amira@work.example' });
    const account = await production.database.db.selectFrom('account').select(['accountId', 'userId']).where('providerId', '=', 'github').executeTakeFirstOrThrow();
    expect(account.accountId).toBe('4242');
    // The state was single use: the same callback again links nothing and says why.
    const again = await fetch(`${ORIGIN}/api/auth/callback/github?${new URLSearchParams({ code: 'code-from-github', state: start.searchParams.get('state')! })}`);
    expect(again.headers.get('Location')).toMatch(/error=/);
  });
});
