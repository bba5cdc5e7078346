/**
 * A sign-in for an address that has no account: the same answer as a wrong password, no row in
 * anyone's history, counted by the per-address limit like any other, and logged with the address
 * tried only as a keyed hash.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAccountServer, type AccountServer } from '../src/index.js';
import { unknownAccountLine } from '../src/sign-in.js';
import { testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
const SIGN_IN = `${ORIGIN}/api/auth/sign-in/email`;
const SECRET = 'a-secret-long-enough-for-better-auth-0123456789';

let server: AccountServer;
const email = 'known@northwind-calls.example';
const password = 'Known#Pass-2026';

beforeAll(async () => {
  server = await createAccountServer({ ...testStorage(), baseUrl: ORIGIN, development: true, secret: SECRET, trustProxy: 1, rateLimits: { 'sign-in-ip': { max: 3, windowSeconds: 600 } } });
  await server.auth.api.signUpEmail({ body: { email, password, name: 'Known' } });
});

afterAll(async () => {
  await server?.close();
  vi.restoreAllMocks();
});

const attempt = (address: string, secret: string, ip: string) =>
  server.fetch(new Request(SIGN_IN, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'X-Forwarded-For': ip }, body: JSON.stringify({ email: address, password: secret }) }));

describe('a sign-in for an address with no account', () => {
  it('answers as a wrong password does, records nothing, logs a keyed hash of the address, and counts for the client address', async () => {
    const log = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const wrongPassword = await attempt(email, 'wrong-password', '198.51.100.20');
    const unknown = await attempt('Nobody@Northwind-Calls.example', 'wrong-password', '203.0.113.20');
    expect(unknown.status).toBe(wrongPassword.status);
    expect(await unknown.json()).toEqual(await wrongPassword.json());
    const rows = await server.database.db.selectFrom('dn_login_attempt').select('user_id').execute();
    expect(rows).toHaveLength(1); // the known user's wrong password only

    // Better Auth warns too ("User not found"), without the address; nothing logged names it.
    const logged = log.mock.calls.map((call) => call.map(String).join(' '));
    expect(logged.join('\n')).not.toMatch(/nobody|northwind/i);
    const lines = logged.filter((line) => line.startsWith('sign-in:'));
    expect(lines).toEqual([unknownAccountLine(SECRET, 'nobody@northwind-calls.example', '203.0.113.20', 401)]);
    expect(lines[0]).toMatch(/^sign-in: no account for the address tried \(ref [0-9a-f]{12}\) from 203\.0\.113\.20: 401$/);
    expect(lines[0]).not.toMatch(/nobody|northwind/i);

    // The same address gives the same reference; another address, another; another secret, another.
    await attempt('nobody@northwind-calls.example', 'other-guess', '203.0.113.20');
    await attempt('someone-else@northwind-calls.example', 'other-guess', '203.0.113.20');
    const refs = log.mock.calls.map((call) => /^sign-in:.*ref ([0-9a-f]+)/.exec(String(call[0]))?.[1]).filter(Boolean);
    expect(refs[1]).toBe(refs[0]);
    expect(refs[2]).not.toBe(refs[0]);
    expect(unknownAccountLine('another-secret', 'nobody@northwind-calls.example', '', 401)).not.toContain(refs[0]!);

    // Three wrong attempts from 203.0.113.20, none at an existing account: the address is held back, the right password too.
    const blocked = await attempt(email, password, '203.0.113.20');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect((await attempt(email, password, '198.51.100.21')).status).toBe(200);
  });
});
