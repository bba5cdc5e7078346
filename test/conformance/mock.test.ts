/**
 * The kit against our own reference backend (the mock, over HTTP in Node): every check
 * passes, with every optional part, whatever way the test user signs in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/api/endpoints.js';
import type { MockServer } from '../../mock/node-server.js';
import { argsFor, CSRF, failedIds, runCli, startServer } from './helpers.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the conformance kit against the mock backend', () => {
  it('passes 100 %: every check, every optional part, CSRF from a cookie', async () => {
    server = await startServer({ csrf: CSRF, ownsWorkspaceWithMembers: false });
    const { code, out, report } = await runCli(argsFor(server, '--csrf-header', CSRF.header, '--csrf-cookie', 'dn_csrf', '--check', 'all'));

    expect(failedIds(report)).toEqual([]);
    expect(report.results.filter((r) => r.outcome === 'skip').map((r) => `${r.id}: ${r.message}`)).toEqual([]);
    expect(report.passed).toBe(report.results.length);
    expect(report.results.length).toBeGreaterThan(180);
    expect(code).toBe(0);
    // Every endpoint of the table was answered successfully and by its schema.
    for (const name of Object.keys(endpoints)) {
      expect(report.results.find((r) => r.id === `schema/${name}`)?.outcome, name).toBe('pass');
    }
    // The account was deleted last, for real.
    expect(server.store.signedIn).toBe(false);
    expect(out.startsWith('dn-account-conformance: checking')).toBe(true);
    expect(out).toContain('changes that user’s own data only');
    expect(out.trimEnd().split('\n').at(-1)).toBe(`${report.passed} passed, 0 failed, 0 skipped`);
  });

  it('passes with a session cookie given directly; parts not asked for are skipped with the flag to ask', async () => {
    server = await startServer({ csrf: CSRF });
    const { code, report } = await runCli([
      '--base-url',
      server.baseUrl,
      '--cookie',
      `dn_session=${server.sessionToken}`,
      '--password',
      server.store.currentPassword(),
      '--csrf-header',
      CSRF.header,
      '--csrf-token',
      CSRF.token,
      '--check',
      'delete-account',
    ]);
    expect(failedIds(report)).toEqual([]);
    expect(code).toBe(0);
    const skipped = report.results.filter((r) => r.outcome === 'skip');
    expect(skipped.length).toBeGreaterThan(0);
    for (const r of skipped) expect(r.message, r.id).toMatch(/--check (reauth|rate-limits|password|disconnect)|export (startTwoFactorChallenge|readToken)|no success/);
    // The seeded user owns a workspace with members: deletion is refused, as the contract says.
    expect(report.results.find((r) => r.id === 'deletion/delete')).toMatchObject({ outcome: 'pass', message: expect.stringMatching(/refused/) });
    expect(server.store.signedIn).toBe(true);
  });

  it('passes with a bearer token and no CSRF header (those checks say why they are skipped)', async () => {
    server = await startServer();
    const { code, report } = await runCli(['--base-url', server.baseUrl, '--bearer', server.sessionToken, '--password', server.store.currentPassword()]);
    expect(failedIds(report)).toEqual([]);
    expect(code).toBe(0);
    const csrf = report.results.filter((r) => r.rule === 'csrf');
    expect(csrf.length).toBeGreaterThan(20);
    for (const r of csrf) expect(r).toMatchObject({ outcome: 'skip', message: expect.stringMatching(/--csrf-header/) });
  });
});
