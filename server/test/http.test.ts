/**
 * Over a real socket (what the in-process tests cannot see): an upload refused before its body is
 * read must not leave that body on a kept-alive connection for the client's next request.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccountServer, DEMO_EMAIL, DEMO_PASSWORD, type AccountServer } from '../src/index.js';
import { testStorage } from './storage.js';

let server: AccountServer;
let http: ServerType;
let origin: string;

beforeAll(async () => {
  server = await createAccountServer({ ...testStorage(), baseUrl: 'http://localhost:8787', development: true, seedDemo: true });
  http = serve({ fetch: server.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => http.once('listening', resolve));
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => http.close(resolve));
  await server?.close();
});

it('answers the next request after refusing a 3 MB avatar unread, too large or without the CSRF header', async () => {
  const signIn = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSWORD }),
  });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /(?:^|; )dn-csrf=([^;]+)/.exec(cookie)?.[1] ?? '';
  const big = new Uint8Array(3 * 1024 * 1024);
  big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const refused = await fetch(`${origin}/api/account/profile/avatar`, { method: 'PUT', headers: { cookie, 'Content-Type': 'image/png', 'X-CSRF-Token': csrf }, body: big });
  expect(refused.status).toBe(413);
  expect(refused.headers.get('connection')).toBe('close');
  await refused.text();
  // Refused for its missing CSRF header, unread as well: the connection closes the same way.
  const forged = await fetch(`${origin}/api/account/profile/avatar`, { method: 'PUT', headers: { cookie, 'Content-Type': 'image/png' }, body: big });
  expect(forged.status).toBe(403);
  expect(forged.headers.get('connection')).toBe('close');
  await forged.text();
  // The same client right after: a fresh connection, a normal answer.
  for (let i = 0; i < 3; i++) {
    const next = await fetch(`${origin}/api/account/profile`, { headers: { cookie } });
    expect(next.status).toBe(200);
    expect(((await next.json()) as { email: string }).email).toBe(DEMO_EMAIL);
  }
});
