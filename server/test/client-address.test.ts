/**
 * `TRUST_PROXY`: without it the socket's address is the client's and a client's own
 * `X-Forwarded-For` is ignored; with one proxy trusted, the address that proxy appended (the
 * right-most). The sign-in history, the rate limits and Better Auth's session all see the same one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/api/endpoints.js';
import { createAccountServer, type AccountServer } from '../src/index.js';
import type { NodeBindings } from '../src/server.js';
import { parseTrustProxy, resolveClientAddress } from '../src/device.js';
import { cookieClient } from './client.js';
import { testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
const API = `${ORIGIN}/api/account`;
const SIGN_IN = `${ORIGIN}/api/auth/sign-in/email`;

describe('resolveClientAddress', () => {
  const headers = (xff?: string) => new Headers(xff ? { 'X-Forwarded-For': xff } : {});
  it('believes only the socket with no proxy trusted', () => {
    expect(resolveClientAddress(headers('203.0.113.9'), '198.51.100.4', 0)).toBe('198.51.100.4');
    expect(resolveClientAddress(headers(), '::ffff:198.51.100.4', 0)).toBe('198.51.100.4');
    expect(resolveClientAddress(headers('203.0.113.9'), undefined, 0)).toBe('');
  });
  it('takes the address the trusted proxies appended, never what the client wrote left of it', () => {
    expect(resolveClientAddress(headers('203.0.113.9'), '10.0.0.2', 1)).toBe('203.0.113.9');
    expect(resolveClientAddress(headers('6.6.6.6, 203.0.113.9'), '10.0.0.2', 1)).toBe('203.0.113.9');
    expect(resolveClientAddress(headers('6.6.6.6, 203.0.113.9, 10.0.0.7'), '10.0.0.2', 2)).toBe('203.0.113.9');
    expect(resolveClientAddress(headers('2001:db8::1'), '10.0.0.2', 1)).toBe('2001:db8::1');
    // A request that bypassed the proxy: its socket.
    expect(resolveClientAddress(headers(), '10.0.0.2', 1)).toBe('10.0.0.2');
    // Not an address: none.
    expect(resolveClientAddress(headers('unknown'), '10.0.0.2', 1)).toBe('');
  });
  it('reads TRUST_PROXY as a number of hops', () => {
    expect([undefined, '', '0', 'false', '1', '2'].map(parseTrustProxy)).toEqual([0, 0, 0, 0, 1, 2]);
    expect(() => parseTrustProxy('yes')).toThrow(/TRUST_PROXY/);
  });
});

describe.each([
  { trustProxy: 0, expected: '198.51.100.4' },
  { trustProxy: 1, expected: '203.0.113.9' },
])('a server with trustProxy $trustProxy', ({ trustProxy, expected }) => {
  let server: AccountServer;
  const email = `proxy-${trustProxy}@northwind-calls.example`;
  const password = 'Proxy#Pass-2026';
  // The socket is the proxy's (or the client's when nothing is in front); the client wrote a lie left of the real entry.
  const socket: NodeBindings = { incoming: { socket: { remoteAddress: '::ffff:198.51.100.4' } } };
  const through = (request: Request): Promise<Response> => {
    const headers = new Headers(request.headers);
    headers.set('X-Forwarded-For', '6.6.6.6, 203.0.113.9');
    return server.fetch(new Request(request, { headers, ...(request.body && { duplex: 'half' }) } as RequestInit), socket);
  };

  beforeAll(async () => {
    server = await createAccountServer({ ...testStorage(), baseUrl: ORIGIN, development: true, trustProxy, rateLimits: { 'sign-in-ip': { max: 2, windowSeconds: 600 } } });
    await server.auth.api.signUpEmail({ body: { email, password, name: 'Proxy' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('records that address in the sign-in history and in Better Auth’s session, and limits by it', async () => {
    const fetch = cookieClient(() => ({ ...server, fetch: through }), ORIGIN);
    expect((await fetch(SIGN_IN, { method: 'POST', body: JSON.stringify({ email, password }) })).status).toBe(200);
    const activity = endpoints.listLoginActivity.response.parse(await (await fetch(`${API}/login-activity?limit=1`)).json());
    expect(activity.items[0]).toMatchObject({ success: true, ip: expected });
    const sessions = endpoints.listSessions.response.parse(await (await fetch(`${API}/sessions`)).json());
    expect(sessions.items.find((s) => s.current)?.ip).toBe(expected);
    const stored = await server.database.db.selectFrom('session').innerJoin('user', 'user.id', 'session.userId').select('session.ipAddress').where('user.email', '=', email).execute();
    expect(stored.map((s) => s.ipAddress)).toContain(expected);

    // Two wrong passwords spend the address's allowance; the lie left of it changing does not help.
    const wrong = (lie: string) =>
      server.fetch(new Request(SIGN_IN, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'X-Forwarded-For': `${lie}, 203.0.113.9` }, body: JSON.stringify({ email, password: 'wrong-password' }) }), socket);
    expect((await wrong('1.1.1.1')).status).toBe(401);
    expect((await wrong('2.2.2.2')).status).toBe(401);
    expect((await wrong('3.3.3.3')).status).toBe(429);
    // (On PostgreSQL both servers of this file share a database: the other one's row may be there too.)
    const limited = await server.database.db.selectFrom('dn_rate_limit').select(['key', 'count']).where('key', 'like', 'sign-in-ip:%').execute();
    expect(limited).toContainEqual({ key: `sign-in-ip:${expected}`, count: 3 });
    expect(limited.map((r) => r.key).filter((key) => /6\.6\.6\.6|[123]\.[123]\.[123]\.[123]/.test(key))).toEqual([]);
  });
});
