/** The kit's client: how it judges single answers, keeps cookies, sends CSRF and re-authenticates. */
import { describe, expect, it } from 'vitest';
import { KitClient } from '../../conformance/http.js';

type Handler = (request: Request) => Response;

function clientWith(handler: Handler, options: { csrfHeader?: string; csrfToken?: string; csrfCookie?: string; password?: string } = {}) {
  const seen: Request[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push(request.clone());
    return handler(request);
  }) as typeof globalThis.fetch;
  const client = new KitClient({
    baseUrl: 'https://api.example.test/account/',
    fetch,
    timeoutMs: 1000,
    password: options.password,
    csrfHeader: options.csrfHeader,
    csrfToken: options.csrfToken,
    csrfCookie: options.csrfCookie,
  });
  return { client, seen };
}

const problem = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ status, ...body }), { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });

describe('the kit’s client', () => {
  it('accepts a success body that matches the schema, and says what does not', async () => {
    const { client } = clientWith(() => Response.json({ analyticsEnabled: 'yes' }));
    const answer = await client.call('getPrivacySettings');
    expect(answer.violations).toEqual(['the body does not match PrivacySettings: analyticsEnabled: boolean expected, got string "yes"']);
    expect(client.records.get('getPrivacySettings')?.violations).toEqual([
      'GET /account/privacy → 200: the body does not match PrivacySettings: analyticsEnabled: boolean expected, got string "yes"',
    ]);
    const ok = await clientWith(() => Response.json({ analyticsEnabled: true })).client.call('getPrivacySettings');
    expect(ok.violations).toEqual([]);
    expect(ok.data).toEqual({ analyticsEnabled: true });
  });

  it('wants errors as problem details with a type of the contract', async () => {
    const html = await clientWith(() => new Response('<h1>Not Found</h1>', { status: 404, headers: { 'Content-Type': 'text/html' } })).client.call('getProfile');
    expect(html.violations).toEqual(['Content-Type is "text/html", not application/problem+json (RFC 9457)', 'the body is not a problem object (<h1>Not Found</h1>)']);

    const unknown = await clientWith(() => problem(422, { type: 'https://errors.example/oops' })).client.call('getProfile');
    expect(unknown.violations).toHaveLength(1);
    expect(unknown.violations[0]).toMatch(/^the problem type "https:\/\/errors\.example\/oops" does not end in a slug of the contract \(reauth-required, /);

    const mismatch = await clientWith(() => problem(409, { type: 'urn:x:conflict', status: 400 })).client.call('getProfile');
    expect(mismatch.violations).toEqual(['the problem says status 400, the response 409']);

    const limited = await clientWith(() => problem(429, { type: 'urn:x:rate-limited' })).client.call('getProfile');
    expect(limited.violations).toEqual(['a 429 without Retry-After (header) or retryAfter (problem member)']);
    const withHeader = await clientWith(() => problem(429, { type: 'urn:x:rate-limited' }, { 'Retry-After': '30' })).client.call('getProfile');
    expect(withHeader.violations).toEqual([]);
    expect(withHeader.code).toBe('rate-limited');

    const redirect = await clientWith(() => new Response(null, { status: 302, headers: { Location: '/login' } })).client.call('getProfile');
    expect(redirect.violations).toEqual(['a redirect (to /login); the API answers with a status and problem details instead']);

    const crash = await clientWith(() => problem(500, { type: 'urn:x:internal' })).client.call('getProfile');
    expect(crash.violations).toEqual(['a server error']);
  });

  it('keeps cookies the API sets, drops expired ones, and sends the CSRF header on mutations only', async () => {
    const { client, seen } = clientWith(
      (request) => {
        const path = new URL(request.url).pathname;
        const headers = new Headers({ 'Content-Type': 'application/json' });
        if (path.endsWith('/privacy') && request.method === 'GET') {
          headers.append('Set-Cookie', 'session=s2; Path=/; HttpOnly');
          headers.append('Set-Cookie', 'csrf=c2; Path=/');
          headers.append('Set-Cookie', 'old=gone; Max-Age=0');
        }
        return new Response(JSON.stringify({ analyticsEnabled: true }), { headers });
      },
      { csrfHeader: 'X-CSRF-Token', csrfCookie: 'csrf' },
    );
    client.use({ cookie: 'session=s1; old=1' });
    await client.call('getPrivacySettings');
    await client.call('updatePrivacySettings', { body: { analyticsEnabled: true } });
    await client.call('updatePrivacySettings', { body: { analyticsEnabled: true }, csrf: false });
    expect(seen[0]!.headers.get('cookie')).toBe('session=s1; old=1');
    expect(seen[0]!.headers.get('x-csrf-token')).toBe(null);
    expect(seen[1]!.headers.get('cookie')).toBe('session=s2; csrf=c2');
    expect(seen[1]!.headers.get('x-csrf-token')).toBe('c2');
    expect(seen[2]!.headers.get('x-csrf-token')).toBe(null);
  });

  it('confirms with the password once when a sensitive endpoint asks, then sends the request again', async () => {
    let confirmed = false;
    const { client, seen } = clientWith(
      (request) => {
        const path = new URL(request.url).pathname;
        if (path.endsWith('/reauth')) {
          confirmed = true;
          return Response.json({ reauthenticatedUntil: '2026-05-01T10:10:00.000Z' });
        }
        if (!confirmed) return problem(403, { type: 'urn:dialnexa:problem:reauth-required', methods: ['password'] });
        return Response.json({ revoked: 3 });
      },
      { password: 'secret' },
    );
    const answer = await client.call('revokeOtherSessions');
    expect(answer.status).toBe(200);
    expect(client.reauthCount).toBe(1);
    expect(seen.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /account/sessions/revoke-others',
      'POST /account/reauth',
      'POST /account/sessions/revoke-others',
    ]);
    expect(await seen[1]!.json()).toEqual({ method: 'password', password: 'secret' });
    // Asked not to, it leaves the 403 as it is.
    confirmed = false;
    expect((await client.call('revokeOtherSessions', { reauth: false })).code).toBe('reauth-required');
  });

  it('names the request and the reason when no answer comes', async () => {
    const { client } = clientWith(() => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    });
    await expect(client.call('getProfile')).rejects.toThrow('GET /account/profile: no answer (connect ECONNREFUSED 127.0.0.1:9)');
  });
});
