/** The mock's errors: thrown by the store, answered by `handlers.ts` as RFC 9457 problem details. */
import type * as s from '../../src/api/schemas.js';
import type { ProblemCode } from '../../src/api/schemas.js';

/** Slugs the mock puts in problem `type`s: the contract's, plus a few for plain HTTP statuses. */
export type MockProblemCode = ProblemCode | 'unauthorized' | 'not-found' | 'conflict' | 'bad-request' | 'csrf-failed' | 'internal';

export const PROBLEM_TYPE_PREFIX = 'urn:dialnexa:problem:';

/** Thrown by the store; `handlers.ts` answers it as RFC 9457 problem details. */
export class MockProblem extends Error {
  override readonly name = 'MockProblem';
  constructor(
    readonly status: number,
    readonly code: MockProblemCode,
    readonly title: string,
    readonly detail?: string,
    /** Extra members (`errors`, `methods`, `workspaces`, `retryAfter`). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${status} ${code}: ${detail ?? title}`);
  }

  /** The problem+json body. */
  toJSON(): s.Problem {
    return {
      type: `${PROBLEM_TYPE_PREFIX}${this.code}`,
      title: this.title,
      status: this.status,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...this.extra,
    };
  }

  /** Headers to send with it (`Retry-After` for 429). */
  get headers(): Record<string, string> {
    const retryAfter = this.extra['retryAfter'];
    return typeof retryAfter === 'number' ? { 'Retry-After': String(retryAfter) } : {};
  }
}

export function fieldProblem(status: number, code: MockProblemCode, title: string, errors: s.FieldError[], detail?: string): MockProblem {
  return new MockProblem(status, code, title, detail ?? errors[0]?.message, { errors });
}

export function notFound(what: string): MockProblem {
  return new MockProblem(404, 'not-found', 'Not found', `${what} does not exist.`);
}
