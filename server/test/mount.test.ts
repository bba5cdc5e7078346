/**
 * Mounted inside a host's own Node server, as the README shows: the host answers its own
 * paths and hands `/api/*` to the account server's fetch handler through `@hono/node-server`'s
 * request listener — sign-in, the cookie and the account API work through it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccountServer, DEMO_EMAIL, DEMO_PASSWORD, type AccountServer } from '../src/index.js';
import { testStorage } from './storage.js';

let account: AccountServer;
let host: Server;
let origin: string;

beforeAll(async () => {
  account = await createAccountServer({ ...testStorage(), baseUrl: 'http://localhost:8787', development: true, seedDemo: true });
  const accountListener = getRequestListener(account.fetch);
  host = createServer((req, res) => {
    if (req.url?.startsWith('/api/')) return void accountListener(req, res);
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('the host app');
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => host.close(resolve));
  await account?.close();
});

it('answers the account API inside a plain node:http server beside the host’s own routes', async () => {
  expect(await (await fetch(`${origin}/dashboard`)).text()).toBe('the host app');
  expect((await fetch(`${origin}/api/account/profile`)).status).toBe(401);

  const signIn = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSWORD }),
  });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /(?:^|; )dn-csrf=([^;]+)/.exec(cookie)?.[1] ?? '';
  const profile = await fetch(`${origin}/api/account/profile`, { headers: { cookie } });
  expect(profile.status).toBe(200);
  expect(await profile.json()).toMatchObject({ email: DEMO_EMAIL });

  const renamed = await fetch(`${origin}/api/account/profile`, {
    method: 'PATCH',
    headers: { cookie, 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
    body: JSON.stringify({ displayName: 'Amira H.' }),
  });
  expect(renamed.status).toBe(200);
  expect(await renamed.json()).toMatchObject({ displayName: 'Amira H.' });
  // The sign-in was recorded with the socket's address, which the listener hands to the handler.
  const activity = await (await fetch(`${origin}/api/account/login-activity`, { headers: { cookie } })).json();
  expect(activity.items[0]).toMatchObject({ success: true, ip: '127.0.0.1' });
});
