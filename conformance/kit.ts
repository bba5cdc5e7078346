/**
 * What every check module gets: the client, the options, a way to declare a check, and
 * small assertions whose messages say what the server answered and what the contract wants.
 */
import type { EndpointName } from '../src/api/endpoints.js';
import type { Answer, KitClient } from './http.js';
import type { HookContext, KitOptions, OptionalPart } from './options.js';
import { OPTIONAL_PARTS } from './options.js';
import type { CheckResult, Rule } from './report.js';

/** Thrown inside a check: the check fails with this message. */
export class CheckFailed extends Error {
  override readonly name = 'CheckFailed';
}

/** Thrown inside a check: the check is skipped with this reason. */
export class CheckSkipped extends Error {
  override readonly name = 'CheckSkipped';
}

export function fail(message: string): never {
  throw new CheckFailed(message);
}

export function skip(reason: string): never {
  throw new CheckSkipped(reason);
}

export interface CheckSpec {
  id: string;
  rule: Rule;
  endpoint?: EndpointName;
  title: string;
}

/** What a passing check may report (shown in JSON; the text report prints only failures and skips). */
export type CheckBody = () => Promise<string | void>;

/** A short description of an answer for messages: `422 validation (errors on displayName)`. */
export function describeAnswer(answer: Answer): string {
  const parts = [String(answer.status)];
  if (answer.code) parts.push(answer.code);
  const fields = (answer.problem?.errors ?? []).map((e) => e.field);
  if (fields.length) parts.push(`(errors on ${[...new Set(fields)].join(', ')})`);
  else if (answer.status >= 400 && answer.problem?.detail) parts.push(`“${answer.problem.detail.slice(0, 120)}”`);
  return parts.join(' ');
}

/** The field an element puts an error under: `displayName`, or the first segment of `/changes/0/enabled`. */
export function placedField(field: string): string {
  return field.replace(/^\//, '').split('/')[0] ?? field;
}

export class Kit {
  readonly results: CheckResult[] = [];
  /** Things learned along the way that later checks reuse (the profile, the policy…). */
  readonly state: {
    email?: string;
    displayName?: string;
    /** The trusted-device revoke check ran (inside the 2FA part, while 2FA was on). */
    trustedDeviceChecked?: boolean;
  } = {};

  constructor(
    readonly client: KitClient,
    readonly options: KitOptions,
  ) {}

  has(part: OptionalPart): boolean {
    return this.options.parts?.includes(part) ?? false;
  }

  /** The reason a check of an optional part is skipped when the part was not asked for. */
  notAsked(part: OptionalPart): string {
    return `optional: add --check ${part} to check it (${OPTIONAL_PARTS[part]})`;
  }

  get password(): string | undefined {
    return this.options.password;
  }

  needPassword(): string {
    if (this.options.password === undefined) skip('needs the test user’s password (--password or DN_CONFORMANCE_PASSWORD)');
    return this.options.password;
  }

  hookContext(): HookContext {
    return { baseUrl: this.client.baseUrl, password: this.options.password, fetch: this.client.hookFetch };
  }

  /** Runs one check and records its outcome. Returns true when it passed. */
  async check(spec: CheckSpec, body: CheckBody): Promise<boolean> {
    const started = performance.now();
    let outcome: CheckResult['outcome'] = 'pass';
    let message: string;
    try {
      message = (await body()) ?? '';
    } catch (error) {
      if (error instanceof CheckSkipped) outcome = 'skip';
      else outcome = 'fail';
      message = error instanceof Error ? error.message : String(error);
    }
    const result: CheckResult = {
      id: spec.id,
      rule: spec.rule,
      endpoint: spec.endpoint ?? null,
      title: spec.title,
      outcome,
      message,
      durationMs: Math.round(performance.now() - started),
    };
    this.results.push(result);
    this.options.onResult?.(result);
    return outcome === 'pass';
  }

  // ——— Assertions on answers ———

  /** The answer is a success: returns the body parsed by the endpoint's schema. */
  ok<T = unknown>(answer: Answer, what = 'the request'): T {
    if (answer.status < 200 || answer.status >= 300) fail(`${what} was refused: ${answer.method} ${answer.path} answered ${describeAnswer(answer)}, expected 200`);
    if (answer.violations.length) fail(`${answer.method} ${answer.path} answered ${answer.status}, but ${answer.violations.join('; ')}`);
    return answer.data as T;
  }

  /**
   * The answer is an error of `status` (one of them) whose problem type ends in one of `codes`
   * (any type when empty), and a valid problem.
   */
  refused(answer: Answer, status: number | readonly number[], codes: readonly string[] = [], what = ''): void {
    const statuses = typeof status === 'number' ? [status] : status;
    const wanted = `${statuses.join(' or ')}${codes.length ? ` ${codes.join(' / ')}` : ''}`;
    const prefix = what ? `${what}: ` : '';
    if (answer.status >= 200 && answer.status < 300) fail(`${prefix}${answer.method} ${answer.path} was accepted (${answer.status}); expected ${wanted}`);
    if (!statuses.includes(answer.status)) fail(`${prefix}${answer.method} ${answer.path} answered ${describeAnswer(answer)}; expected ${wanted}`);
    if (codes.length && !codes.includes(answer.code ?? '')) {
      fail(`${prefix}${answer.method} ${answer.path} answered ${answer.status} with problem type ${answer.problem?.type ?? '(none)'}; expected one ending in ${codes.join(' or ')}`);
    }
    if (answer.violations.length) fail(`${prefix}${answer.method} ${answer.path} answered ${answer.status}, but ${answer.violations.join('; ')}`);
  }

  /** A 422 (or `status`) whose `errors` name `field` (as the elements place them). */
  fieldError(answer: Answer, field: string, codes: readonly string[] = [], status: number | readonly number[] = 422): void {
    this.refused(answer, status, codes);
    const errors = answer.problem?.errors ?? [];
    if (!errors.some((e) => placedField(e.field) === field)) {
      const named = errors.length ? `errors name ${errors.map((e) => `"${e.field}"`).join(', ')}` : 'no `errors` member';
      fail(`${answer.method} ${answer.path} answered ${answer.status} with ${named}; the elements need an entry with field "${field}" (or "/${field}") to show the message beside the input`);
    }
  }
}
