import { expect, waitUntil } from '@open-wc/testing';
import { ApiError } from '../../src/api/errors.js';
import { RestAccountApi, parseRetryAfter, type RestAccountApiOptions } from '../../src/api/rest-client.js';
import { AVATAR_MAX_BYTES, type Profile } from '../../src/api/schemas.js';
import { installClock } from '../helpers/clock.js';

const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 2000, interval: 1 });

/** What the fake fetch saw of one request. */
interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: BodyInit | null | undefined;
  credentials: RequestCredentials | undefined;
  signal: AbortSignal | undefined;
}

type Responder = (request: Sent) => Response | Promise<Response>;

/** A `fetch` that answers with the responders in turn (the last one repeats) and records every request. */
function fakeFetch(...responders: Responder[]): typeof fetch & { sent: Sent[] } {
  const sent: Sent[] = [];
  const fn = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const request: Sent = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: init.body,
      credentials: init.credentials,
      signal: init.signal ?? undefined,
    };
    sent.push(request);
    const responder = responders[Math.min(sent.length, responders.length) - 1];
    if (!responder) throw new Error('fakeFetch: no responder');
    return responder(request);
  };
  return Object.assign(fn, { sent });
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Responder =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const problem =
  (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Responder =>
  () =>
    new Response(JSON.stringify({ status, ...body }), {
      status,
      headers: { 'Content-Type': 'application/problem+json', ...headers },
    });

const text =
  (status: number, body: string, contentType = 'text/html'): Responder =>
  () =>
    new Response(body, { status, headers: { 'Content-Type': contentType } });

/** Never answers; rejects as a real fetch does when its signal aborts. */
const hang: Responder = (request) =>
  new Promise<Response>((_, reject) => {
    request.signal?.addEventListener('abort', () => reject(request.signal?.reason));
  });

const networkError: Responder = () => Promise.reject(new TypeError('Failed to fetch'));

const profile: Profile = {
  id: 'u_1',
  displayName: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: null,
  timezone: 'Europe/London',
  language: 'en',
  company: null,
  bio: null,
  avatarUrl: null,
  role: 'owner',
  updatedAt: '2024-05-01T10:00:00Z',
};

const revoked = { revoked: 1 };
const exportState = { job: null };

function client(fetch: typeof globalThis.fetch, options: Partial<RestAccountApiOptions> = {}): RestAccountApi {
  return new RestAccountApi({ baseUrl: '/api/account', fetch, retry: { attempts: 0 }, ...options });
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('Expected the promise to reject');
}

/** The first bytes of a PNG: the client judges uploads by content. */
function pngBlob(): Blob {
  return new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], { type: 'image/png' });
}

describe('RestAccountApi', () => {
  describe('requests', () => {
    it('GETs, validates and resolves the response, with JSON headers and cookies', async () => {
      const fetch = fakeFetch(json(200, profile));
      const result = await client(fetch).getProfile();

      expect(result).to.deep.equal(profile);
      expect(fetch.sent).to.have.length(1);
      const [sent] = fetch.sent;
      expect(sent?.url).to.equal('/api/account/profile');
      expect(sent?.method).to.equal('GET');
      expect(sent?.headers.get('Accept')).to.equal('application/json, application/problem+json');
      expect(sent?.headers.has('Content-Type')).to.equal(false);
      expect(sent?.body ?? null).to.equal(null);
      expect(sent?.credentials).to.equal('include');
      expect(sent?.signal).to.be.instanceOf(AbortSignal);
    });

    it('sends the validated body as JSON (trimmed, unknown keys dropped)', async () => {
      const fetch = fakeFetch(json(200, { ...profile, displayName: 'Ada' }));
      const update = { displayName: '  Ada  ', company: null, extra: 'dropped' };
      const result = await client(fetch).updateProfile(update);

      expect(result.displayName).to.equal('Ada');
      const [sent] = fetch.sent;
      expect(sent?.method).to.equal('PATCH');
      expect(sent?.url).to.equal('/api/account/profile');
      expect(sent?.headers.get('Content-Type')).to.equal('application/json');
      expect(JSON.parse(String(sent?.body))).to.deep.equal({ displayName: 'Ada', company: null });
    });

    it('joins an absolute base URL with a trailing slash', async () => {
      const fetch = fakeFetch(json(200, revoked));
      await client(fetch, { baseUrl: 'https://api.example.com/account/' }).revokeAllTrustedDevices();
      expect(fetch.sent[0]?.url).to.equal('https://api.example.com/account/trusted-devices');
      expect(fetch.sent[0]?.method).to.equal('DELETE');
    });

    it('encodes path parameters', async () => {
      const fetch = fakeFetch(json(200, revoked), json(200, { authorizationUrl: 'https://accounts.example/auth' }));
      const api = client(fetch);
      await api.revokeSession('a/b c?#');
      await api.connectAccount('google', { redirectUri: 'https://app.example/cb', mode: 'popup' });

      expect(fetch.sent[0]?.url).to.equal('/api/account/sessions/a%2Fb%20c%3F%23');
      expect(fetch.sent[1]?.url).to.equal('/api/account/connected-accounts/google/connect');
      expect(fetch.sent[1]?.method).to.equal('POST');
      expect(JSON.parse(String(fetch.sent[1]?.body))).to.deep.equal({ redirectUri: 'https://app.example/cb', mode: 'popup' });
    });

    it('builds the query string, skipping undefined values', async () => {
      const page = { items: [], nextCursor: null };
      const fetch = fakeFetch(json(200, page));
      const api = client(fetch);
      await api.listLoginActivity({ cursor: 'abc==&x', limit: 50, status: undefined });
      await api.listLoginActivity({});

      expect(fetch.sent[0]?.url).to.equal('/api/account/login-activity?cursor=abc%3D%3D%26x&limit=50');
      expect(fetch.sent[1]?.url).to.equal('/api/account/login-activity');
    });

    it('refuses an invalid query without sending it', async () => {
      const fetch = fakeFetch(json(200, { items: [], nextCursor: null }));
      const error = await rejection(client(fetch).listLoginActivity({ limit: 0 }));
      expect(error.kind).to.equal('validation');
      expect(error.fieldErrors).to.have.keys('limit');
      expect(fetch.sent).to.have.length(0);
    });

    it('passes the configured credentials policy', async () => {
      const fetch = fakeFetch(json(200, profile));
      await client(fetch, { credentials: 'same-origin' }).getProfile();
      expect(fetch.sent[0]?.credentials).to.equal('same-origin');
    });

    it('adds a bearer token when the getter returns one, asking before every request', async () => {
      const fetch = fakeFetch(json(200, profile));
      const tokens = ['t0k-1', null];
      const api = client(fetch, { getToken: () => Promise.resolve(tokens.shift()) });
      await api.getProfile();
      await api.getProfile();

      expect(fetch.sent[0]?.headers.get('Authorization')).to.equal('Bearer t0k-1');
      expect(fetch.sent[1]?.headers.has('Authorization')).to.equal(false);
    });

    it('adds the CSRF header to every mutation and never to GET', async () => {
      const bodies: Record<string, unknown> = {
        '/api/account/profile': profile,
        '/api/account/profile/avatar': profile,
        '/api/account/data-export': exportState,
        '/api/account/sessions/s1': revoked,
      };
      const fetch = fakeFetch((request) => json(200, bodies[request.url])(request));
      const api = client(fetch, { csrf: { header: 'X-CSRF-Token', getToken: async () => 'csrf-123' } });
      await api.getProfile();
      await api.updateProfile({ bio: 'Hi' });
      await api.requestDataExport();
      await api.revokeSession('s1');
      await api.uploadAvatar(pngBlob());
      await api.getDataExport();

      const seen = fetch.sent.map((s) => [s.method, s.headers.get('X-CSRF-Token')]);
      expect(seen).to.deep.equal([
        ['GET', null],
        ['PATCH', 'csrf-123'],
        ['POST', 'csrf-123'],
        ['DELETE', 'csrf-123'],
        ['PUT', 'csrf-123'],
        ['GET', null],
      ]);
    });

    it('sends extra headers and Accept-Language', async () => {
      const fetch = fakeFetch(json(200, profile));
      await client(fetch, { headers: { 'X-Tenant': 'acme' }, locale: () => 'de' }).getProfile();
      expect(fetch.sent[0]?.headers.get('X-Tenant')).to.equal('acme');
      expect(fetch.sent[0]?.headers.get('Accept-Language')).to.equal('de');
    });
  });

  describe('request validation', () => {
    it('rejects an invalid body with field errors and sends nothing', async () => {
      const fetch = fakeFetch(json(200, profile));
      const error = await rejection(client(fetch).updateProfile({ displayName: 'A', phone: 'call me' }));

      expect(error.kind).to.equal('validation');
      expect(error.status).to.equal(undefined);
      expect(error.fieldErrors).to.have.keys('displayName', 'phone');
      expect(fetch.sent).to.have.length(0);
    });

    it('names the field of a discriminated-union body', async () => {
      const fetch = fakeFetch(json(200, { reauthenticatedUntil: '2024-05-01T10:05:00Z' }));
      const error = await rejection(client(fetch).reauthenticate({ method: 'totp', code: '12' }));
      expect(error.kind).to.equal('validation');
      expect(error.fieldErrors).to.have.keys('code');
      expect(fetch.sent).to.have.length(0);
    });
  });

  describe('errors', () => {
    it('401 → unauthorized', async () => {
      const fetch = fakeFetch(problem(401, { title: 'Sign in again' }));
      const error = await rejection(client(fetch).getProfile());
      expect(error.kind).to.equal('unauthorized');
      expect(error.status).to.equal(401);
      expect(error.message).to.equal('Sign in again');
    });

    it('403 reauth-required → reauth-required with the accepted methods', async () => {
      const fetch = fakeFetch(
        problem(403, {
          type: 'urn:dialnexa:problem:reauth-required',
          title: "Confirm it's you",
          methods: ['password', 'totp'],
        }),
      );
      const error = await rejection(client(fetch).revokeOtherSessions());
      expect(error.kind).to.equal('reauth-required');
      expect(error.code).to.equal('reauth-required');
      expect(error.methods).to.deep.equal(['password', 'totp']);
    });

    it('403 otherwise → forbidden, with the problem detail as message', async () => {
      const fetch = fakeFetch(problem(403, { title: 'Forbidden', detail: 'Only owners can do this' }));
      const error = await rejection(client(fetch).getBillingSummary());
      expect(error.kind).to.equal('forbidden');
      expect(error.message).to.equal('Only owners can do this');
    });

    it('404 → not-found', async () => {
      const fetch = fakeFetch(problem(404, { title: 'No such session' }));
      const error = await rejection(client(fetch).revokeSession('gone'));
      expect(error.kind).to.equal('not-found');
      expect(error.status).to.equal(404);
    });

    it('409 → conflict, with the blocking workspaces', async () => {
      const workspaces = [{ id: 'w1', name: 'Acme', memberCount: 3, role: 'owner' }];
      const fetch = fakeFetch(problem(409, { type: 'urn:dialnexa:problem:workspace-owner', title: 'Transfer first', workspaces }));
      const error = await rejection(client(fetch).deleteAccount({ email: 'ada@example.com', password: 'pw' }));
      expect(error.kind).to.equal('conflict');
      expect(error.code).to.equal('workspace-owner');
      expect(error.workspaces).to.deep.equal(workspaces);
    });

    it('410 → gone', async () => {
      const fetch = fakeFetch(problem(410, { type: 'https://partner.example/problems/token-expired', title: 'Link expired' }));
      const error = await rejection(client(fetch).verifyEmailChange({ token: 'abc' }));
      expect(error.kind).to.equal('gone');
      expect(error.code).to.equal('token-expired');
    });

    it('422 → validation with a message per field', async () => {
      const fetch = fakeFetch(
        problem(422, {
          type: 'urn:dialnexa:problem:validation',
          title: 'Invalid fields',
          errors: [
            { field: 'displayName', message: 'Already taken' },
            { field: '/phone', message: 'Not a phone number' },
          ],
        }),
      );
      const error = await rejection(client(fetch).updateProfile({ displayName: 'Ada' }));
      expect(error.kind).to.equal('validation');
      expect(error.status).to.equal(422);
      expect(error.fieldErrors).to.deep.equal({ displayName: 'Already taken', phone: 'Not a phone number' });
    });

    it('400 → validation', async () => {
      const fetch = fakeFetch(problem(400, { title: 'Bad JSON' }));
      const error = await rejection(client(fetch).updateProfile({ bio: null }));
      expect(error.kind).to.equal('validation');
    });

    it('429 → rate-limited with Retry-After in seconds, never retried', async () => {
      const fetch = fakeFetch(problem(429, { title: 'Slow down' }, { 'Retry-After': '42' }));
      const error = await rejection(client(fetch, { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } }).getProfile());
      expect(error.kind).to.equal('rate-limited');
      expect(error.retryAfter).to.equal(42);
      expect(fetch.sent).to.have.length(1);
    });

    it('429 → rate-limited with Retry-After as an HTTP date', async () => {
      const at = new Date(Date.now() + 120_000).toUTCString();
      const fetch = fakeFetch(problem(429, { title: 'Slow down' }, { 'Retry-After': at }));
      const error = await rejection(client(fetch).reauthenticate({ method: 'password', password: 'pw' }));
      expect(error.kind).to.equal('rate-limited');
      expect(error.retryAfter).to.be.within(118, 121);
    });

    it('429 → retryAfter from the problem when there is no header', async () => {
      const fetch = fakeFetch(problem(429, { title: 'Slow down', retryAfter: 30 }));
      const error = await rejection(client(fetch).getProfile());
      expect(error.retryAfter).to.equal(30);
    });

    it('parses Retry-After values', () => {
      const now = Date.parse('2024-05-01T10:00:00Z');
      expect(parseRetryAfter('7', now)).to.equal(7);
      expect(parseRetryAfter('Wed, 01 May 2024 10:01:00 GMT', now)).to.equal(60);
      expect(parseRetryAfter('Wed, 01 May 2024 09:00:00 GMT', now)).to.equal(0);
      expect(parseRetryAfter('soon', now)).to.equal(undefined);
      expect(parseRetryAfter(null, now)).to.equal(undefined);
    });

    it('413 / 415 → unsupported-file', async () => {
      const fetch = fakeFetch(problem(413, { title: 'Too large' }), problem(415, { title: 'Wrong type' }));
      const api = client(fetch);
      const file = pngBlob();
      expect((await rejection(api.uploadAvatar(file))).kind).to.equal('unsupported-file');
      expect((await rejection(api.uploadAvatar(file))).kind).to.equal('unsupported-file');
    });

    it('500 → server, with the problem title', async () => {
      const fetch = fakeFetch(problem(500, { title: 'Database down' }));
      const error = await rejection(client(fetch).getProfile());
      expect(error.kind).to.equal('server');
      expect(error.status).to.equal(500);
      expect(error.message).to.equal('Database down');
    });

    it('tolerates a non-JSON error body', async () => {
      const fetch = fakeFetch(text(502, '<html>Bad gateway</html>'));
      const error = await rejection(client(fetch).getProfile());
      expect(error.kind).to.equal('server');
      expect(error.status).to.equal(502);
      expect(error.problem).to.equal(undefined);
      expect(error.message).to.contain('502');
    });

    it('malformed JSON on success → invalid-response', async () => {
      const fetch = fakeFetch(text(200, '{"id": "u_1",', 'application/json'));
      const error = await rejection(client(fetch).getProfile());
      expect(error.kind).to.equal('invalid-response');
      expect(error.status).to.equal(200);
    });

    it('an HTML page on success (SPA fallback) → invalid-response', async () => {
      const fetch = fakeFetch(text(200, '<!doctype html><title>App</title>'));
      expect((await rejection(client(fetch).getProfile())).kind).to.equal('invalid-response');
    });

    it('JSON that does not match the schema → invalid-response naming the path', async () => {
      const { email: _email, ...noEmail } = profile;
      const session = { id: 's1', deviceType: 'desktop', browser: 'Firefox', os: 'Linux', ip: '1.2.3.4', location: null, createdAt: 'yesterday', lastActiveAt: '2024-05-01T10:00:00Z', current: true };
      const fetch = fakeFetch(json(200, noEmail), json(200, { items: [session] }));
      const api = client(fetch);

      const first = await rejection(api.getProfile());
      expect(first.kind).to.equal('invalid-response');
      expect(first.message).to.contain('email');

      const second = await rejection(api.listSessions());
      expect(second.kind).to.equal('invalid-response');
      expect(second.message).to.contain('items.0.createdAt');
    });
  });

  describe('time limit, aborts and network failures', () => {
    it('times out → timeout, once the time limit has passed and not before', async () => {
      const fetch = fakeFetch(hang);
      const clock = installClock({ fake: ['setTimeout'] });
      try {
        let settled = false;
        const pending = rejection(client(fetch, { timeoutMs: 30 }).getProfile()).finally(() => (settled = true));
        await clock.until(() => fetch.sent.length === 1, 'the request to be sent');
        await clock.tick(29);
        expect(settled, 'still waiting 1 ms before the limit').to.equal(false);
        expect(fetch.sent[0]?.signal?.aborted).to.equal(false);
        await clock.tick(1);
        const error = await pending;
        expect(error.kind).to.equal('timeout');
        expect(error.message).to.equal('No answer within 30 ms');
        expect(fetch.sent[0]?.signal?.aborted).to.equal(true);
      } finally {
        clock.uninstall();
      }
    });

    it('an abort by the caller → aborted, and the request is cancelled', async () => {
      const fetch = fakeFetch(hang);
      const controller = new AbortController();
      const pending = client(fetch).getProfile({ signal: controller.signal });
      await until(() => fetch.sent.length === 1, 'the request to be sent');
      controller.abort();
      const error = await rejection(pending);
      expect(error.kind).to.equal('aborted');
      expect(fetch.sent[0]?.signal?.aborted).to.equal(true);
    });

    it('an abort with a custom reason is still aborted', async () => {
      const fetch = fakeFetch(hang);
      const controller = new AbortController();
      const pending = client(fetch).getProfile({ signal: controller.signal });
      await until(() => fetch.sent.length === 1, 'the request to be sent');
      controller.abort('the element left the page');
      const error = await rejection(pending);
      expect(error.kind).to.equal('aborted');
      expect(error.cause).to.equal('the element left the page');
    });

    it('an already aborted signal sends nothing', async () => {
      const fetch = fakeFetch(json(200, profile));
      const error = await rejection(client(fetch).getProfile({ signal: AbortSignal.abort() }));
      expect(error.kind).to.equal('aborted');
      expect(fetch.sent).to.have.length(0);
    });

    it('a fetch TypeError → network', async () => {
      const fetch = fakeFetch(networkError);
      const error = await rejection(client(fetch).updatePrivacySettings({ analyticsEnabled: false }));
      expect(error.kind).to.equal('network');
      expect(error.retryable).to.equal(true);
    });
  });

  describe('retries', () => {
    const retry = { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 };

    it('retries a GET on 503 and resolves', async () => {
      const fetch = fakeFetch(problem(503, {}), problem(503, {}), json(200, profile));
      const result = await client(fetch, { retry }).getProfile();
      expect(result).to.deep.equal(profile);
      expect(fetch.sent).to.have.length(3);
    });

    it('retries a GET after a network error and a timeout', async () => {
      const fetch = fakeFetch(networkError, hang, json(200, profile));
      const result = await client(fetch, { retry, timeoutMs: 20 }).getProfile();
      expect(result.id).to.equal('u_1');
      expect(fetch.sent).to.have.length(3);
    });

    it('gives up after the configured attempts', async () => {
      const fetch = fakeFetch(problem(504, { title: 'Gateway timeout' }));
      const error = await rejection(client(fetch, { retry }).getProfile());
      expect(error.kind).to.equal('server');
      expect(error.status).to.equal(504);
      expect(fetch.sent).to.have.length(3);
    });

    it('backs off exponentially between tries', async () => {
      const times: number[] = [];
      const fetch = fakeFetch((request) => {
        times.push(performance.now());
        return problem(503, {})(request);
      });
      await rejection(client(fetch, { retry: { attempts: 2, baseDelayMs: 40, maxDelayMs: 1000 } }).getProfile());
      const [t0 = 0, t1 = 0, t2 = 0] = times;
      // Equal jitter: at least half of 40 ms, then at least half of 80 ms.
      expect(t1 - t0).to.be.at.least(19);
      expect(t2 - t1).to.be.at.least(39);
    });

    it('does not retry a 500, a 4xx or an invalid response', async () => {
      for (const responder of [problem(500, {}), problem(404, {}), json(200, { nope: true })]) {
        const fetch = fakeFetch(responder, json(200, profile));
        await rejection(client(fetch, { retry }).getProfile());
        expect(fetch.sent).to.have.length(1);
      }
    });

    it('never retries a mutation', async () => {
      const fetch = fakeFetch(problem(503, {}), json(200, exportState));
      const error = await rejection(client(fetch, { retry }).requestDataExport());
      expect(error.kind).to.equal('server');
      expect(fetch.sent).to.have.length(1);

      const failing = fakeFetch(networkError, json(200, exportState));
      expect((await rejection(client(failing, { retry }).requestDataExport())).kind).to.equal('network');
      expect(failing.sent).to.have.length(1);
    });

    it('stops retrying once the caller aborts during the backoff', async () => {
      const fetch = fakeFetch(problem(503, {}), json(200, profile));
      const controller = new AbortController();
      const clock = installClock({ fake: ['setTimeout'] });
      try {
        const pending = client(fetch, { retry: { attempts: 2, baseDelayMs: 200, maxDelayMs: 200 }, timeoutMs: 0 }).getProfile({
          signal: controller.signal,
        });
        // The 503 came back and the client waits its backoff (100–200 ms with jitter).
        await clock.until(() => fetch.sent.length === 1 && clock.pending === 1, 'the backoff to start');
        controller.abort();
        const error = await rejection(pending);
        expect(error.kind).to.equal('aborted');
        expect(clock.pending, 'the backoff timer is cleared').to.equal(0);
        await clock.tick(1000);
        expect(fetch.sent).to.have.length(1);
      } finally {
        clock.uninstall();
      }
    });

    it('does not retry a request the caller aborted', async () => {
      const fetch = fakeFetch(hang, json(200, profile));
      const controller = new AbortController();
      const clock = installClock({ fake: ['setTimeout'] });
      try {
        const pending = client(fetch, { retry, timeoutMs: 0 }).getProfile({ signal: controller.signal });
        await clock.until(() => fetch.sent.length === 1, 'the request to be sent');
        controller.abort();
        expect((await rejection(pending)).kind).to.equal('aborted');
        // No backoff was scheduled; even past the longest one nothing more is sent.
        expect(clock.pending).to.equal(0);
        await clock.tick(retry.maxDelayMs * 10);
        expect(fetch.sent).to.have.length(1);
      } finally {
        clock.uninstall();
      }
    });
  });

  describe('uploadAvatar', () => {
    it('through a caller-supplied fetch: PUTs the blob with its type and reports completion', async () => {
      const fetch = fakeFetch(json(200, { ...profile, avatarUrl: '/avatars/u_1.png' }));
      const file = pngBlob();
      const progress: number[] = [];
      const result = await client(fetch).uploadAvatar(file, { onProgress: (f) => progress.push(f) });

      expect(result.avatarUrl).to.equal('/avatars/u_1.png');
      const [sent] = fetch.sent;
      expect(sent?.method).to.equal('PUT');
      expect(sent?.url).to.equal('/api/account/profile/avatar');
      expect(sent?.headers.get('Content-Type')).to.equal('image/png');
      expect(sent?.body).to.equal(file);
      expect(progress).to.deep.equal([1]);
    });

    it('refuses a wrong type or an oversized file without sending it', async () => {
      const fetch = fakeFetch(json(200, profile));
      const api = client(fetch);
      const gif = await rejection(api.uploadAvatar(new Blob(['GIF89a'], { type: 'image/gif' })));
      expect(gif.kind).to.equal('unsupported-file');
      expect(gif.code).to.equal('unsupported-media-type');

      const big = await rejection(api.uploadAvatar(new Blob([new Uint8Array([0xff, 0xd8, 0xff]), new Uint8Array(AVATAR_MAX_BYTES)], { type: 'image/jpeg' })));
      expect(big.kind).to.equal('unsupported-file');
      expect(big.code).to.equal('payload-too-large');
      expect(fetch.sent).to.have.length(0);
    });

    describe('through XMLHttpRequest', () => {
      const original = window.XMLHttpRequest;
      let xhrs: FakeXhr[] = [];
      let respond: (xhr: FakeXhr) => void = () => {};

      class FakeXhr {
        method = '';
        url = '';
        headers: Record<string, string> = {};
        body: unknown;
        withCredentials = false;
        status = 0;
        statusText = '';
        responseText = '';
        responseHeaders: Record<string, string> = {};
        aborted = false;
        upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
        onload: (() => void) | null = null;
        onerror: (() => void) | null = null;
        onabort: (() => void) | null = null;

        constructor() {
          xhrs.push(this);
        }
        open(method: string, url: string): void {
          this.method = method;
          this.url = url;
        }
        setRequestHeader(name: string, value: string): void {
          this.headers[name.toLowerCase()] = value;
        }
        getResponseHeader(name: string): string | null {
          return this.responseHeaders[name.toLowerCase()] ?? null;
        }
        send(body: unknown): void {
          this.body = body;
          setTimeout(() => respond(this), 0);
        }
        abort(): void {
          this.aborted = true;
          this.onabort?.();
        }
        progress(loaded: number, total: number): void {
          this.upload.onprogress?.(new ProgressEvent('progress', { lengthComputable: true, loaded, total }));
        }
        answer(status: number, body: unknown, headers: Record<string, string> = {}): void {
          this.status = status;
          this.responseText = JSON.stringify(body);
          this.responseHeaders = headers;
          this.onload?.();
        }
      }

      beforeEach(() => {
        xhrs = [];
        // The fake covers only what the client uses; the cast is the point of a stub.
        window.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
      });
      afterEach(() => {
        window.XMLHttpRequest = original;
      });

      it('reports progress and sends credentials, auth and CSRF headers', async () => {
        respond = (xhr) => {
          xhr.progress(25, 100);
          xhr.progress(100, 100);
          xhr.answer(200, { ...profile, avatarUrl: '/a.webp' });
        };
        const api = new RestAccountApi({
          baseUrl: '/api/account',
          getToken: () => 'tok',
          csrf: { header: 'X-XSRF', getToken: () => 'c5rf' },
        });
        const file = new Blob([new TextEncoder().encode('RIFF\x1a\x00\x00\x00WEBPVP8L')], { type: 'image/webp' });
        const progress: number[] = [];
        const result = await api.uploadAvatar(file, { onProgress: (f) => progress.push(f) });

        expect(result.avatarUrl).to.equal('/a.webp');
        expect(progress).to.deep.equal([0.25, 1]);
        const [xhr] = xhrs;
        expect(xhr?.method).to.equal('PUT');
        expect(xhr?.url).to.equal('/api/account/profile/avatar');
        expect(xhr?.body).to.equal(file);
        expect(xhr?.withCredentials).to.equal(true);
        expect(xhr?.headers).to.include({
          'content-type': 'image/webp',
          authorization: 'Bearer tok',
          'x-xsrf': 'c5rf',
          accept: 'application/json, application/problem+json',
        });
      });

      it('maps error answers like fetch does', async () => {
        respond = (xhr) =>
          xhr.answer(429, { type: 'urn:dialnexa:problem:rate-limited', title: 'Slow down' }, { 'retry-after': '9' });
        const error = await rejection(new RestAccountApi({ baseUrl: '/api/account' }).uploadAvatar(pngBlob()));
        expect(error.kind).to.equal('rate-limited');
        expect(error.retryAfter).to.equal(9);
      });

      it('validates the response', async () => {
        respond = (xhr) => xhr.answer(200, { id: 'u_1' });
        const error = await rejection(new RestAccountApi({ baseUrl: '/api/account' }).uploadAvatar(pngBlob()));
        expect(error.kind).to.equal('invalid-response');
      });

      it('aborts the XHR when the caller aborts', async () => {
        respond = () => {};
        const controller = new AbortController();
        const pending = new RestAccountApi({ baseUrl: '/api/account' }).uploadAvatar(pngBlob(), {
          signal: controller.signal,
        });
        await until(() => xhrs.length === 1, 'the upload to start');
        controller.abort();
        const error = await rejection(pending);
        expect(error.kind).to.equal('aborted');
        expect(xhrs[0]?.aborted).to.equal(true);
      });

      it('a network failure → network', async () => {
        respond = (xhr) => xhr.onerror?.();
        const error = await rejection(new RestAccountApi({ baseUrl: '/api/account' }).uploadAvatar(pngBlob()));
        expect(error.kind).to.equal('network');
      });
    });
  });
});
