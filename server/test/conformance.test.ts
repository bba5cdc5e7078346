/**
 * The conformance kit against the reference server, every optional part asked for, with the
 * server's CSRF token (header `X-CSRF-Token`, the `dn-csrf` cookie's value) and its rate limits
 * on. The test user is made for the run: the `delete-account` part deletes it at the end.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runConformance } from '../../conformance/run.js';
import type { Report } from '../../conformance/report.js';
import { OPTIONAL_PARTS, type OptionalPart } from '../../conformance/options.js';
import { createAccountServer, type AccountServer } from '../src/index.js';
import { cookieClient } from './client.js';
import { serverHooks } from './conformance-hooks.js';
import { testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
const API = `${ORIGIN}/api/account`;
const EMAIL = 'kit-user@northwind-calls.example';
const PASSWORD = 'Kit#User-2026pass';
/** Longer than the server's re-authentication window (10 minutes). */
const ELEVEN_MINUTES = 11 * 60_000;

let server: AccountServer;

beforeAll(async () => {
  server = await createAccountServer({ ...testStorage(), baseUrl: ORIGIN, development: true });
});

afterAll(async () => {
  await server?.close();
});

it('passes the conformance kit with every optional part, the CSRF check and the rate limits included', async () => {
  const { user } = await server.auth.api.signUpEmail({ body: { email: EMAIL, password: PASSWORD, name: 'Kit User' } });
  const db = server.database.db;
  // What the user has before the run, so the checks that need it run rather than skip:
  // a connected provider to disconnect and a second session to revoke.
  const context = await server.auth.$context;
  await context.internalAdapter.createAccount({ userId: user.id, providerId: 'google', accountId: `dev-google-${user.id}` });
  const browser = cookieClient(() => server, ORIGIN);
  expect((await browser(`${ORIGIN}/api/auth/sign-in/email`, { method: 'POST', body: JSON.stringify({ email: EMAIL, password: PASSWORD }) })).status).toBe(200);

  const hooks = serverHooks({ origin: ORIGIN, email: EMAIL, password: PASSWORD, fetch: (input, init) => server.fetch(new Request(input, init)) });
  const parts = Object.keys(OPTIONAL_PARTS) as OptionalPart[];
  const report: Report = await runConformance({
    baseUrl: API,
    password: PASSWORD,
    csrfHeader: 'X-CSRF-Token',
    csrfCookie: 'dn-csrf',
    parts,
    // In-process: each request goes to the server's fetch handler, as a browser on the same origin sends it.
    fetch: (input, init) => {
      const request = new Request(input, init);
      request.headers.set('Origin', ORIGIN);
      return server.fetch(request);
    },
    hooks: {
      ...hooks,
      // The `reauth` part needs a sign-in older than the re-authentication window: the new session is aged in the database.
      signIn: async (ctx) => {
        await hooks.signIn!(ctx);
        await db.updateTable('session').set({ createdAt: new Date(Date.now() - ELEVEN_MINUTES) }).where('userId', '=', user.id).execute();
      },
    },
  });
  console.log(`conformance: ${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped of ${report.results.length}`);
  for (const r of report.results.filter((x) => x.outcome !== 'pass')) console.log(`  ${r.outcome} ${r.id}: ${r.message}`);
  expect(report.aborted).toBeUndefined();
  expect(report.results.filter((r) => r.outcome === 'fail').map((r) => `${r.id}: ${r.message}`)).toEqual([]);
  // The CSRF and rate-limit checks ran (not skipped), and the user is gone.
  expect(report.results.filter((r) => r.rule === 'csrf').every((r) => r.outcome === 'pass')).toBe(true);
  expect(report.results.find((r) => r.id === 'rate-limits/two-factor-challenge')?.outcome).toBe('pass');
  expect(report.results.find((r) => r.id === 'deletion/delete')).toMatchObject({ outcome: 'pass', message: 'deleted' });
  expect(await db.selectFrom('user').select('id').where('id', '=', user.id).execute()).toEqual([]);
  // Every check ran: the trusted device is made and revoked inside the 2FA part, while 2FA is on.
  expect(report.results.find((r) => r.id === 'not-found/trusted-device-revoke-twice')?.outcome).toBe('pass');
  expect({ passed: report.passed, failed: report.failed, skipped: report.skipped }).toEqual({ passed: report.results.length, failed: 0, skipped: 0 });
});
