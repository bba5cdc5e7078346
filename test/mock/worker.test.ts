import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { endpoints, type EndpointName } from '../../src/api/endpoints.js';
import { handleMockOAuthNavigation, startMockBackend, type MockBackend } from '../../mock/browser.js';
import { MOCK_PASSWORD } from '../../mock/seed.js';
import { sniffImageType } from '../../mock/store/profile.js';
import { totp } from '../../mock/totp.js';
import { assertResponse, canvasImage, expectProblem, fakeClock, PNG_1X1, pngOfSize, SVG_BYTES } from './helpers.js';

const BASE = '/api/account';

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  url: string;
}

/** Calls the API through the real service worker; successful bodies must pass `name`'s response schema. */
async function call(name: EndpointName, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Answer> {
  const { json, ...rest } = init;
  const method = endpoints[name].method;
  const response = await fetch(`${BASE}${path}`, {
    method,
    ...rest,
    ...(json === undefined ? {} : { body: JSON.stringify(json), headers: { 'Content-Type': 'application/json' } }),
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? JSON.parse(text) : text;
  if (response.ok) {
    expect(type).to.equal('application/json');
    assertResponse(name, body);
  } else {
    expect(type).to.equal('application/problem+json');
  }
  return { status: response.status, headers: response.headers, body, url: response.url };
}

describe('mock backend through the service worker', () => {
  let backend: MockBackend;
  const clock = fakeClock();

  before(async () => {
    backend = await startMockBackend({ onUnhandledRequest: 'error', now: clock.now });
  });

  beforeEach(() => {
    clock.set(Date.UTC(2026, 2, 10, 9, 0, 0));
    backend.reset();
  });

  after(() => backend.stop());

  it('reuses the page worker and resets state on a second start', async () => {
    backend.store.updatePreferences({ theme: 'dark' });
    const again = await startMockBackend({ onUnhandledRequest: 'error', now: clock.now });
    expect(again.worker).to.equal(backend.worker);
    expect(again.store).to.equal(backend.store);
    expect(backend.store.getPreferences().theme).to.equal('system');

    backend.stop();
    expect((await fetch(`${BASE}/profile`)).status).to.equal(404, 'the test server answers once stopped');
    backend = await startMockBackend({ onUnhandledRequest: 'error', now: clock.now });
    expect((await fetch(`${BASE}/profile`)).status).to.equal(200, 'started again');
  });

  it('round-trips the profile', async () => {
    const before = await call('getProfile', '/profile');
    expect(before.body).to.include({ displayName: 'Amira Haddad', email: 'amira@northwind-calls.example' });
    clock.advance(1000);
    const saved = await call('updateProfile', '/profile', { json: { displayName: '  Amira Haddad-Nour ', company: 'Northwind Calls GmbH' } });
    expect(saved.status).to.equal(200);
    expect(saved.body).to.include({ displayName: 'Amira Haddad-Nour', company: 'Northwind Calls GmbH' });
    const after = await call('getProfile', '/profile');
    expect(after.body).to.deep.equal(saved.body);
    expect(Date.parse((after.body as { updatedAt: string }).updatedAt)).to.equal(clock.now());
  });

  it('answers problem+json with field errors, and 429 with a Retry-After header', async () => {
    const invalid = await call('updateProfile', '/profile', { json: { displayName: 'A' } });
    expect(invalid.status).to.equal(422);
    const problem = expectProblem(invalid.body, 422, 'validation');
    expect(problem['errors']).to.deep.equal([{ field: 'displayName', message: 'Use at least 2 characters.', code: 'too_small' }]);

    backend.reset({ twoFactorEnabled: true });
    const challengeId = backend.store.createSignInChallenge();
    let last: Answer | undefined;
    for (let i = 0; i < 6; i++) {
      last = await call('verifyTwoFactorChallenge', '/two-factor/challenge', { json: { challengeId, method: 'totp', code: '000000', trustDevice: false } });
    }
    expect(last?.status).to.equal(429);
    expect(last?.headers.get('Retry-After')).to.equal('60');
    expect(expectProblem(last?.body, 429, 'rate-limited')['retryAfter']).to.equal(60);
  });

  it('checks avatar uploads by their bytes', async () => {
    const renamed = new File([PNG_1X1], 'holiday.gif', { type: 'image/gif' });
    const png = await call('uploadAvatar', '/profile/avatar', { body: renamed, headers: { 'Content-Type': renamed.type } });
    expect(png.status).to.equal(200);
    const avatarUrl = (png.body as { avatarUrl: string }).avatarUrl;
    expect(avatarUrl).to.match(/^data:image\/png;base64,/);
    expect(atob(avatarUrl.split(',')[1]!).length).to.equal(PNG_1X1.length);

    for (const type of ['image/jpeg', 'image/webp'] as const) {
      const bytes = await canvasImage(type);
      const answer = await call('uploadAvatar', '/profile/avatar', { body: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
      expect((answer.body as { avatarUrl: string }).avatarUrl.startsWith(`data:${type};base64,`)).to.equal(true, type);
    }

    const form = new FormData();
    form.append('file', new File([PNG_1X1], 'me.png', { type: 'image/png' }));
    expect((await call('uploadAvatar', '/profile/avatar', { body: form })).status).to.equal(200);

    const svg = await call('uploadAvatar', '/profile/avatar', { body: new Blob([SVG_BYTES], { type: 'image/png' }) });
    expect(svg.status).to.equal(415);
    expectProblem(svg.body, 415, 'unsupported-media-type');

    // Built like a PNG, chunk by chunk, but its image data is noise: only decoding tells.
    const noise = PNG_1X1.slice();
    noise.fill(0xaa, 41, 54);
    expect(sniffImageType(noise)).to.equal('image/png');
    const undecodable = await call('uploadAvatar', '/profile/avatar', { body: new Blob([noise], { type: 'image/png' }) });
    expect(undecodable.status).to.equal(415);
    expect(expectProblem(undecodable.body, 415, 'unsupported-media-type')['detail']).to.match(/cannot be read as one/);

    const big = await call('uploadAvatar', '/profile/avatar', { body: new Blob([pngOfSize(3 * 1024 * 1024) as Uint8Array<ArrayBuffer>], { type: 'image/png' }) });
    expect(big.status).to.equal(413);
    expectProblem(big.body, 413, 'payload-too-large');

    const removed = await call('removeAvatar', '/profile/avatar');
    expect((removed.body as { avatarUrl: null }).avatarUrl).to.equal(null);
  });

  it('asks to confirm it is you, then lets a sensitive request through', async () => {
    const refused = await call('revokeSession', '/sessions/ses_00002');
    expect(refused.status).to.equal(403);
    expect(expectProblem(refused.body, 403, 'reauth-required')['methods']).to.deep.equal(['password']);

    const wrong = await call('reauthenticate', '/reauth', { json: { method: 'password', password: 'dialnexa#2026' } });
    expect(wrong.status).to.equal(422);
    expect(expectProblem(wrong.body, 422, 'invalid-credentials')['errors']).to.have.length(1);

    const ok = await call('reauthenticate', '/reauth', { json: { method: 'password', password: MOCK_PASSWORD } });
    expect(ok.status).to.equal(200);
    const revoked = await call('revokeSession', '/sessions/ses_00002');
    expect(revoked.body).to.deep.equal({ revoked: 1 });
    const sessions = await call('listSessions', '/sessions');
    expect((sessions.body as { items: unknown[] }).items).to.have.length(5);
    expect((await call('revokeSession', '/sessions/ses_00002')).status).to.equal(404);
  });

  it('enables TOTP 2FA end to end and refuses a reused code', async () => {
    await call('reauthenticate', '/reauth', { json: { method: 'password', password: MOCK_PASSWORD } });
    const setup = await call('startTwoFactorSetup', '/two-factor/setup');
    const { setupId, secret, otpauthUri } = setup.body as { setupId: string; secret: string; otpauthUri: string };
    expect(otpauthUri).to.contain(`secret=${secret}`);

    const code = await totp(secret, clock.now());
    const enabled = await call('verifyTwoFactorSetup', '/two-factor/setup/verify', { json: { setupId, code } });
    expect(enabled.status).to.equal(200);
    const { status, backupCodes } = enabled.body as { status: { enabled: boolean }; backupCodes: { codes: string[] } };
    expect(status.enabled).to.equal(true);
    expect(backupCodes.codes).to.have.length(10);
    expect((await call('getTwoFactorStatus', '/two-factor')).body).to.include({ enabled: true, backupCodesRemaining: 10 });

    const reused = await call('reauthenticate', '/reauth', { json: { method: 'totp', code } });
    expect(reused.status).to.equal(422);
    expectProblem(reused.body, 422, 'code-reused');

    clock.advance(30_000);
    const next = await call('reauthenticate', '/reauth', { json: { method: 'totp', code: await totp(secret, clock.now()) } });
    expect(next.status).to.equal(200);

    const challengeId = backend.store.createSignInChallenge();
    const signIn = await call('verifyTwoFactorChallenge', '/two-factor/challenge', {
      json: { challengeId, method: 'backup', code: backupCodes.codes[3], trustDevice: true },
    });
    expect(signIn.body).to.deep.include({ backupCodesRemaining: 9 });
    expect((signIn.body as { trustedDevice: { browser: string } }).trustedDevice.browser).to.match(/Chrome/);
  });

  it('pages login activity with a cursor and filters failures', async () => {
    const ids = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query = new URLSearchParams({ limit: '120', ...(cursor ? { cursor } : {}) });
      const page = await call('listLoginActivity', `/login-activity?${query}`);
      const body = page.body as { items: { id: string }[]; nextCursor: string | null };
      body.items.forEach((x) => ids.add(x.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).to.equal(3);
    expect(ids.size).to.equal(300);

    const failed = await call('listLoginActivity', '/login-activity?status=failed&limit=10');
    const body = failed.body as { items: { success: boolean; failureReason: string }[]; nextCursor: string };
    expect(body.items).to.have.length(10);
    expect(body.items.every((x) => !x.success && x.failureReason)).to.equal(true);
    const next = await call('listLoginActivity', `/login-activity?status=failed&limit=10&cursor=${encodeURIComponent(body.nextCursor)}`);
    expect((next.body as { items: { success: boolean }[] }).items.every((x) => !x.success)).to.equal(true);
    expect((await call('listLoginActivity', '/login-activity?limit=0')).status).to.equal(422);
  });

  it('reports export progress from the clock, one export at a time', async () => {
    backend.reset({ exportDurationMs: 6000 });
    const started = await call('requestDataExport', '/data-export');
    expect((started.body as { job: { status: string } }).job.status).to.equal('queued');
    expectProblem((await call('requestDataExport', '/data-export')).body, 409, 'export-in-progress');
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      clock.advance(1200);
      const state = await call('getDataExport', '/data-export');
      const job = (state.body as { job: { status: string; progress: number } }).job;
      expect(job.status).to.equal('running');
      seen.push(job.progress);
    }
    expect(seen).to.deep.equal([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).to.equal(4);
    clock.advance(1500);
    const ready = (await call('getDataExport', '/data-export')).body as { job: { status: string; downloadUrl: string } };
    expect(ready.job.status).to.equal('ready');
    const file = (await (await fetch(ready.job.downloadUrl)).json()) as { profile: { displayName: string } };
    expect(file.profile.displayName).to.equal('Amira Haddad');
  });

  it('refuses account deletion while an owned workspace has members', async () => {
    const info = await call('getAccountDeletion', '/deletion');
    expect((info.body as { blockingWorkspaces: unknown[] }).blockingWorkspaces).to.have.length(1);
    await call('reauthenticate', '/reauth', { json: { method: 'password', password: MOCK_PASSWORD } });
    const mismatch = await call('deleteAccount', '/deletion', { json: { email: 'amira@northwind-calls.example', password: 'nope' } });
    expect(mismatch.status).to.equal(422);
    const refused = await call('deleteAccount', '/deletion', { json: { email: 'amira@northwind-calls.example', password: MOCK_PASSWORD } });
    expect(refused.status).to.equal(409);
    const problem = expectProblem(refused.body, 409, 'workspace-owner');
    expect(problem['workspaces']).to.deep.equal([{ id: 'wsp_northwind', name: 'Northwind Calls', memberCount: 8, role: 'owner' }]);
    expect((await call('getProfile', '/profile')).status).to.equal(200);
  });

  it('connects an account through the mock provider page', async () => {
    const redirectUri = `${location.origin}${BASE}/profile`;
    const start = await call('connectAccount', '/connected-accounts/github/connect', { json: { redirectUri, mode: 'redirect' } });
    const { authorizationUrl } = start.body as { authorizationUrl: string };
    expect(authorizationUrl.startsWith(`${location.origin}${BASE}/__mock/oauth/github?`)).to.equal(true);
    const followed = await fetch(authorizationUrl);
    expect(followed.status).to.equal(200);
    expect(followed.url).to.equal(`${redirectUri}?connected=github`);
    const list = await call('listConnectedAccounts', '/connected-accounts');
    expect((list.body as { items: { provider: string; connected: boolean }[] }).items.find((a) => a.provider === 'github')?.connected).to.equal(true);
  });

  it('plays the provider for real navigations, which the worker does not intercept', async () => {
    const replaced: string[] = [];
    const posted: [unknown, string][] = [];
    let closed = false;
    const fakeWindow = (href: string, opener: unknown = null): Window =>
      ({
        location: { href, replace: (to: string) => replaced.push(to) },
        opener,
        close: () => {
          closed = true;
        },
      }) as unknown as Window;
    const store = backend.store;
    const provider = `${location.origin}${BASE}/__mock/oauth/github?redirect_uri=${encodeURIComponent(`${location.origin}/settings`)}&state=s&mode=`;
    expect(handleMockOAuthNavigation(store, BASE, fakeWindow(`${provider}redirect`))).to.equal(true);
    expect(replaced).to.deep.equal([`${location.origin}/settings?connected=github`]);

    const opener = { postMessage: (data: unknown, origin: string) => posted.push([data, origin]) };
    expect(handleMockOAuthNavigation(store, BASE, fakeWindow(`${provider}popup`, opener))).to.equal(true);
    expect(closed).to.equal(true);
    expect(posted).to.deep.equal([[{ type: 'dn-connected-account', source: 'dn-mock-oauth', provider: 'github', connected: true }, location.origin]]);

    expect(store.listConnectedAccounts().items.find((a) => a.provider === 'microsoft')?.connected).to.equal(false);
    expect(handleMockOAuthNavigation(store, BASE, fakeWindow(`${location.origin}/settings?connected=microsoft`))).to.equal(false);
    expect(store.listConnectedAccounts().items.find((a) => a.provider === 'microsoft')?.connected).to.equal(true);

    // The opener's backend listens for the popup's message.
    const delivered = new Promise((resolve) => window.addEventListener('message', resolve, { once: true }));
    window.postMessage(posted[0]?.[0], location.origin);
    await delivered;
    expect(store.listConnectedAccounts().items.find((a) => a.provider === 'github')?.connected).to.equal(true);
  });

  it('applies latency, one-off overrides, and drops them on reset', async () => {
    backend.use(http.get(`${BASE}/billing`, () => HttpResponse.json({ type: 'about:blank', status: 503 }, { status: 503 })));
    expect((await fetch(`${BASE}/billing`)).status).to.equal(503);
    backend.reset({ latencyMs: 150 });
    const t = performance.now();
    expect((await fetch(`${BASE}/billing`)).status).to.equal(200);
    expect(performance.now() - t).to.be.at.least(140);
    backend.reset();
  });

  it('logs requests, and checks a CSRF header when asked to', async () => {
    await call('updatePreferences', '/preferences', { json: { theme: 'dark' } });
    await call('getPreferences', '/preferences');
    expect(backend.requests.map((r) => [r.name, r.status])).to.deep.equal([
      ['updatePreferences', 200],
      ['getPreferences', 200],
    ]);
    expect(backend.requests[0]?.json).to.deep.equal({ theme: 'dark' });

    const csrf = await startMockBackend({ onUnhandledRequest: 'error', now: clock.now, csrf: { header: 'X-CSRF-Token', token: 't0k3n' } });
    expect(backend.requests).to.have.length(0, 'a restart clears the log');
    const refused = await call('updatePreferences', '/preferences', { json: { theme: 'dark' } });
    expectProblem(refused.body, 403, 'csrf-failed');
    expect((await call('getPreferences', '/preferences')).status).to.equal(200, 'reads need no token');
    const accepted = await fetch(`${BASE}/preferences`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 't0k3n' },
      body: JSON.stringify({ theme: 'light' }),
    });
    expect(accepted.status).to.equal(200);
    expect(csrf.requests.at(-1)?.headers['x-csrf-token']).to.equal('t0k3n');
    backend = await startMockBackend({ onUnhandledRequest: 'error', now: clock.now });
  });

  it('answers 401 once the session is gone', async () => {
    backend.store.expireSession();
    const answer = await call('listSessions', '/sessions');
    expect(answer.status).to.equal(401);
    expectProblem(answer.body, 401, 'unauthorized');
    expect((await call('getPasswordPolicy', '/password/policy')).status).to.equal(200);
  });
});
