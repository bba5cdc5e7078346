/**
 * Several instances starting at once: on PostgreSQL they share one fresh database, and the one
 * that takes the startup lock creates the schema while the others wait, then find it applied
 * (without the lock both would create Better Auth's tables and one would fail). PGlite is one
 * process's own database: there each instance starts on its own, at the same time.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/api/endpoints.js';
import { createAccountServer, DEMO_EMAIL, DEMO_PASSWORD, type AccountServer } from '../src/index.js';
import { cookieClient } from './client.js';
import { testBackend, testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
const SECRET = 'concurrent-start-secret-0123456789abcdef';

const servers: AccountServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const start = (): Promise<AccountServer> => createAccountServer({ ...testStorage(), secret: SECRET, baseUrl: ORIGIN, development: true, seedDemo: true });

describe('instances starting at the same time', () => {
  it('all come up on one database, apply the schema once and serve', async () => {
    const started = await Promise.allSettled([start(), start(), start()]);
    for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
    expect(started.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    expect(servers.map((s) => s.database.kind)).toEqual(servers.map(() => testBackend()));

    for (const [index, server] of servers.entries()) {
      const fetch = cookieClient(() => server, ORIGIN);
      const email = `instance-${index}@northwind-calls.example`;
      const signedUp = await fetch(`${ORIGIN}/api/auth/sign-up/email`, { method: 'POST', body: JSON.stringify({ email, password: 'Instance#Pass-2026', name: `Instance ${index}` }) });
      expect(signedUp.status).toBe(200);
      const profile = await fetch(`${ORIGIN}/api/account/profile`);
      expect(profile.status).toBe(200);
      expect(endpoints.getProfile.response.parse(await profile.json())).toMatchObject({ email, displayName: `Instance ${index}` });
    }
    // The demo user, seeded once by whichever instance came first, signs in on every one.
    for (const server of servers) {
      const fetch = cookieClient(() => server, ORIGIN);
      expect((await fetch(`${ORIGIN}/api/auth/sign-in/email`, { method: 'POST', body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSWORD }) })).status).toBe(200);
      expect(await (await fetch(`${ORIGIN}/api/account/profile`)).json()).toMatchObject({ email: DEMO_EMAIL });
    }
  });
});
