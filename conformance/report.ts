/**
 * The kit's results and the three ways it writes them: text for a person (one line per
 * check, grouped by rule, then a line per endpoint, then `N passed, N failed`), JSON and
 * JUnit XML for a CI.
 */
import { endpoints, type EndpointName } from '../src/api/endpoints.js';
import { describeEndpoint } from './http.js';

export type Outcome = 'pass' | 'fail' | 'skip';

/** The rules the checks are grouped by, in report order. */
export const RULES = {
  schema: 'Every response matches the contract (success bodies by schema, errors as problem+json)',
  authentication: 'Without credentials: 401, except the public endpoints',
  csrf: 'Mutations without the CSRF header are refused',
  validation: 'Invalid requests: 422 with per-field errors (400 for malformed JSON)',
  'server-enforced': 'The server enforces what the client also checks',
  'not-found': 'Unknown ids 404; repeated deletes idempotent or 404',
  reauth: 'Sensitive endpoints ask for "Confirm it’s you" and pass after /reauth',
  'two-factor': 'Two-factor authentication round trip',
  sessions: 'Sessions and trusted devices',
  passkeys: 'Passkeys: registered, renamed, confirming it’s the user, removed; replayed or forged ceremonies refused',
  'login-activity': 'Login activity pages',
  'email-change': 'Email change lifecycle',
  password: 'Password change and reset',
  'data-export': 'Data export',
  settings: 'Profile, notifications, privacy, preferences, connected accounts',
  'rate-limits': 'Rate limits',
  deletion: 'Account deletion',
} as const;

export type Rule = keyof typeof RULES;

export interface CheckResult {
  /** Stable id, e.g. `validation/display-name-too-long`. */
  id: string;
  rule: Rule;
  /** The endpoint the check is about, when it is about one. */
  endpoint: EndpointName | null;
  title: string;
  outcome: Outcome;
  /** Why it failed or was skipped; for a pass, what was seen. */
  message: string;
  durationMs: number;
}

export interface Report {
  baseUrl: string;
  startedAt: string;
  durationMs: number;
  /** Optional parts asked for. */
  parts: string[];
  /** Set when the run stopped early, and why. */
  aborted?: string;
  results: CheckResult[];
  passed: number;
  failed: number;
  skipped: number;
}

export function summarize(report: Pick<Report, 'passed' | 'failed' | 'skipped'>): string {
  return `${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`;
}

const MARK: Record<Outcome, string> = { pass: 'pass', fail: 'FAIL', skip: 'skip' };

export interface TextOptions {
  /** ANSI colours. Default false. */
  color?: boolean;
  /** List only failed and skipped checks (the counts still cover all). */
  problemsOnly?: boolean;
}

function paint(color: boolean, outcome: Outcome, text: string): string {
  if (!color) return text;
  const code = outcome === 'pass' ? 32 : outcome === 'fail' ? 31 : 33;
  return `\u001b[${code}m${text}\u001b[0m`;
}

/** One line for a finished check (also the CLI's progress line). */
export function formatLine(result: CheckResult, { color = false }: TextOptions = {}): string {
  const where = result.endpoint ? `${describeEndpoint(result.endpoint)} — ` : '';
  const why = result.message ? `: ${result.message}` : '';
  return `  ${paint(color, result.outcome, MARK[result.outcome])}  ${where}${result.title}${result.outcome === 'pass' ? '' : why}`;
}

/** The report for a person. */
export function formatText(report: Report, options: TextOptions = {}): string {
  const color = options.color ?? false;
  const lines: string[] = [`Conformance of ${report.baseUrl} to the DialNexa account contract`, ''];
  for (const rule of Object.keys(RULES) as Rule[]) {
    const results = report.results.filter((r) => r.rule === rule);
    if (!results.length) continue;
    const failed = results.filter((r) => r.outcome === 'fail').length;
    lines.push(`${RULES[rule]} — ${results.length - failed - results.filter((r) => r.outcome === 'skip').length}/${results.length} passed`);
    for (const result of results) if (!options.problemsOnly || result.outcome !== 'pass') lines.push(formatLine(result, { color }));
    lines.push('');
  }
  if (report.aborted) {
    lines.push(`Stopped: ${report.aborted}.`, '', summarize(report));
    return `${lines.join('\n')}\n`;
  }
  lines.push('By endpoint');
  const width = Math.max(...(Object.keys(endpoints) as EndpointName[]).map((n) => describeEndpoint(n).length));
  for (const name of Object.keys(endpoints) as EndpointName[]) {
    const results = report.results.filter((r) => r.endpoint === name);
    const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
    const failedIds = results.filter((r) => r.outcome === 'fail').map((r) => r.id);
    const outcome: Outcome = failedIds.length ? 'fail' : count('pass') ? 'pass' : 'skip';
    const tail = failedIds.length ? ` — failed: ${failedIds.join(', ')}` : '';
    lines.push(`  ${paint(color, outcome, MARK[outcome])}  ${describeEndpoint(name).padEnd(width)}  ${count('pass')} pass · ${count('fail')} fail · ${count('skip')} skip${tail}`);
  }
  lines.push('');
  if (report.parts.length) lines.push(`Optional parts checked: ${report.parts.join(', ')}.`);
  lines.push(`${(report.durationMs / 1000).toFixed(1)} s.`);
  lines.push(summarize(report));
  return `${lines.join('\n')}\n`;
}

/** The report as JSON (for a CI or a dashboard). */
export function formatJson(report: Report): string {
  return `${JSON.stringify(
    {
      ...report,
      results: report.results.map((r) => ({ ...r, endpoint: r.endpoint, request: r.endpoint ? describeEndpoint(r.endpoint) : null })),
    },
    null,
    2,
  )}\n`;
}

function xml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped; the five specials escaped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The report as JUnit XML: a test suite per rule, a test case per check. */
export function formatJunit(report: Report): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  out.push(
    `<testsuites name="dn-account-conformance" tests="${report.results.length}" failures="${report.failed}" skipped="${report.skipped}" time="${seconds(report.durationMs)}">`,
  );
  for (const rule of Object.keys(RULES) as Rule[]) {
    const results = report.results.filter((r) => r.rule === rule);
    if (!results.length) continue;
    const failures = results.filter((r) => r.outcome === 'fail').length;
    const skipped = results.filter((r) => r.outcome === 'skip').length;
    const time = results.reduce((sum, r) => sum + r.durationMs, 0);
    out.push(`  <testsuite name="${xml(rule)}" tests="${results.length}" failures="${failures}" skipped="${skipped}" time="${seconds(time)}" timestamp="${xml(report.startedAt)}">`);
    for (const r of results) {
      const classname = r.endpoint ? `${rule}.${r.endpoint}` : rule;
      const name = `${r.endpoint ? `${describeEndpoint(r.endpoint)} — ` : ''}${r.title}`;
      const open = `    <testcase classname="${xml(classname)}" name="${xml(name)}" time="${seconds(r.durationMs)}"`;
      if (r.outcome === 'pass') out.push(`${open}/>`);
      else if (r.outcome === 'skip') out.push(`${open}><skipped message="${xml(r.message)}"/></testcase>`);
      else out.push(`${open}><failure message="${xml(r.message)}" type="${xml(r.id)}">${xml(r.message)}</failure></testcase>`);
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
