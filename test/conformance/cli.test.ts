/** The command: its arguments, its exit codes, and the built file the package ships. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { main, USAGE } from '../../conformance/cli.js';
import type { Report } from '../../conformance/report.js';
import type { MockServer } from '../../mock/node-server.js';
// @ts-expect-error -- a plain ES module script without types
import { buildConformance } from '../../scripts/build-conformance.mjs';
import { argsFor, HOOKS, ROOT, startServer } from './helpers.js';

const run = promisify(execFile);

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function cli(argv: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), env, cwd: ROOT, isTty: false });
  return { code, out, err };
}

describe('dn-account-conformance', () => {
  it('--help prints the usage and exits 0', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(0);
    expect(out).toBe(USAGE);
    expect(out).toContain('--check <part>');
    for (const part of ['reauth', 'rate-limits', 'password', 'disconnect', 'delete-account']) expect(out).toContain(`${part}: `);
  });

  it('exits 2 with a reason for arguments it cannot use', async () => {
    const cases: [string[], RegExp][] = [
      [[], /--base-url is required/],
      [['--base-url', 'ftp://x'], /--base-url must be an http\(s\) URL/],
      [['--base-url', 'http://127.0.0.1:9'], /password is required/],
      [['--base-url', 'http://127.0.0.1:9', '--password', 'p', '--check', 'speed'], /--check speed: unknown part/],
      [['--base-url', 'http://127.0.0.1:9', '--password', 'p', '--csrf-token', 't'], /need --csrf-header/],
      [['--base-url', 'http://127.0.0.1:9', '--password', 'p', '--timeout', 'soon'], /--timeout takes a positive whole number/],
      [['--base-url', 'http://127.0.0.1:9', '--password', 'p', '--sign-in', 'package.json'], /exports none of signIn/],
      [['--base-url', 'http://127.0.0.1:9', '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [argv, reason] of cases) {
      const { code, err } = await cli(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(err, argv.join(' ')).toMatch(reason);
    }
  });

  it('exits 1 when the server cannot be reached, and says no other check ran', async () => {
    const { code, out } = await cli(['--base-url', 'http://127.0.0.1:9/api/account', '--bearer', 't'], { DN_CONFORMANCE_PASSWORD: 'p' });
    expect(code).toBe(1);
    expect(out).toMatch(/FAIL {2}GET \/profile — the test user is signed in \(the profile reads\): GET \/api\/account\/profile: no answer/);
    expect(out).toContain('Stopped: the test user could not be signed in, so no other check ran.');
  });

  it('exits 1 when the credentials are not accepted', async () => {
    server = await startServer();
    const { code, out } = await cli(['--base-url', server.baseUrl, '--bearer', 'not-a-session', '--password', 'p']);
    expect(code).toBe(1);
    expect(out).toContain('GET /profile answered 401 with the credentials given: the sign-in did not work');
  });

  it('the built command (dist/conformance/cli.js) runs under plain Node against the mock and writes JUnit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dn-conformance-bin-'));
    // Inside the repository, so the built file resolves zod and otpauth from node_modules as an install would.
    const outfile = join(ROOT, 'node_modules/.cache/dn-conformance-test', `cli-${process.pid}.js`);
    try {
      await buildConformance({ outfile });
      const source = readFileSync(outfile, 'utf8');
      expect(source.startsWith('#!/usr/bin/env node\n')).toBe(true);
      expect(source).not.toMatch(/MockStore|msw/);
      const version = await run(process.execPath, [outfile, '--version']);
      expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);

      server = await startServer();
      const junit = join(dir, 'junit.xml');
      const json = join(dir, 'report.json');
      const { stdout } = await run(process.execPath, [outfile, ...argsFor(server), '--junit', junit, '--json', json, '--quiet'], { cwd: ROOT });
      const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
      expect(report.failed).toBe(0);
      expect(stdout.trimEnd().split('\n').at(-1)).toBe(`${report.passed} passed, 0 failed, ${report.skipped} skipped`);
      // --quiet: no passing check listed (the per-endpoint table stays).
      expect(stdout).not.toMatch(/^ {2}pass {2}.* — /m);
      const xml = readFileSync(junit, 'utf8');
      expect(xml).toContain(`<testsuites name="dn-account-conformance" tests="${report.results.length}" failures="0" skipped="${report.skipped}"`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(outfile, { force: true });
    }
  });

  it('the example hooks module is the one the README shows', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = readFileSync(join(ROOT, HOOKS), 'utf8');
    const signIn = example.slice(example.indexOf('export async function signIn'), example.indexOf('\n}\n', example.indexOf('export async function signIn')) + 2);
    expect(readme).toContain(signIn);
  });
});
