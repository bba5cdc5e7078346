/** Running the conformance kit's command in-process against the mock backend over HTTP. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../conformance/cli.js';
import type { Report } from '../../conformance/report.js';
import { startMockServer, type MockServer, type MockServerOptions } from '../../mock/node-server.js';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The --sign-in module for the mock (also the README's example of the hooks). */
export const HOOKS = 'test/conformance/mock-hooks.mjs';
export const CSRF = { header: 'X-CSRF-Token', token: 'csrf-7f3a9c2e' };

/** The mock with short waits: a 100 ms export, a history of 60 sign-in attempts. */
export function startServer(options: MockServerOptions = {}): Promise<MockServer> {
  return startMockServer({ exportDurationMs: 100, loginAttempts: 60, ...options });
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
  report: Report;
}

/** Runs `dn-account-conformance` with `argv` (plus --json) and reads the JSON it wrote. */
export async function runCli(argv: string[]): Promise<CliRun> {
  const dir = mkdtempSync(join(tmpdir(), 'dn-conformance-'));
  try {
    let out = '';
    let err = '';
    const code = await main([...argv, '--json', join(dir, 'report.json')], {
      out: (text) => (out += text),
      err: (text) => (err += text),
      env: {},
      cwd: ROOT,
      isTty: false,
    });
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
    return { code, out, err, report };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The usual arguments for a server: its base URL, the hooks, the password. */
export function argsFor(server: MockServer, ...extra: string[]): string[] {
  return ['--base-url', server.baseUrl, '--sign-in', HOOKS, '--password', server.store.currentPassword(), ...extra];
}

export function failedIds(report: Report): string[] {
  return report.results.filter((r) => r.outcome === 'fail').map((r) => r.id);
}
