/** Errors as RFC 9457 problem details, with the contract's problem codes. */
import type * as z from 'zod/mini';
import type { ProblemCode } from '../../src/api/contract/constants.js';
import type { FieldError, Problem } from '../../src/api/contract/problem.js';
import { validationDetails } from '../../src/api/contract/validation-problem.js';

export const PROBLEM_TYPE_PREFIX = 'urn:dialnexa:problem:';

/** Thrown by a route; the app answers it as `application/problem+json`. */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  /** Headers to send with the answer beside `Content-Type` (e.g. `Connection: close`). */
  headers: Record<string, string> = {};
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly title: string,
    readonly detail?: string,
    /** Extra members (`errors`, `methods`, `workspaces`, `retryAfter`). */
    readonly extra: Omit<Problem, 'type' | 'title' | 'status' | 'detail'> = {},
  ) {
    super(`${status} ${code}: ${detail ?? title}`);
  }

  toJSON(): Problem {
    return {
      type: `${PROBLEM_TYPE_PREFIX}${this.code}`,
      title: this.title,
      status: this.status,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...this.extra,
    };
  }

  toResponse(): Response {
    const headers = new Headers({ 'Content-Type': 'application/problem+json' });
    if (typeof this.extra.retryAfter === 'number') headers.set('Retry-After', String(this.extra.retryAfter));
    for (const [name, value] of Object.entries(this.headers)) headers.set(name, value);
    return new Response(JSON.stringify(this.toJSON()), { status: this.status, headers });
  }
}

export function fieldProblem(status: number, code: ProblemCode, title: string, errors: FieldError[], detail?: string): HttpProblem {
  return new HttpProblem(status, code, title, detail ?? errors[0]?.message, { errors });
}

export const unauthorized = (): HttpProblem => new HttpProblem(401, 'unauthorized', 'Not signed in', 'Sign in to continue.');

export const notFound = (what: string): HttpProblem => new HttpProblem(404, 'not-found', 'Not found', `${what} does not exist.`);

/** A 422 `validation` problem from zod issues, one `errors` entry per issue, named as the elements place them. */
export function validationProblem(issues: readonly z.core.$ZodIssue[]): HttpProblem {
  const { errors, detail } = validationDetails(issues);
  return new HttpProblem(422, 'validation', 'Some fields need attention', detail, { errors });
}
