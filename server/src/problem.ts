/** Errors as RFC 9457 problem details, with the contract's problem codes. */
import type * as z from 'zod/mini';
import type { ProblemCode } from '../../src/api/contract/constants.js';
import type { FieldError, Problem } from '../../src/api/contract/problem.js';

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

function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '';
  if (path.length === 1) return String(path[0]);
  return `/${path.map((p) => String(p)).join('/')}`;
}

function describeIssue(issue: z.core.$ZodIssue, field: string): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'This field is required.' : `Expected ${issue.expected}.`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'This field is required.' : `Use at least ${issue.minimum} characters.`;
      if (issue.origin === 'array') return `Add at least ${issue.minimum}.`;
      return `Must be at least ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'string') return `Use at most ${issue.maximum} characters.`;
      if (issue.origin === 'array') return `At most ${issue.maximum} allowed.`;
      return `Must be at most ${issue.maximum}.`;
    case 'invalid_format':
      if (issue.format === 'email') return 'Enter a valid email address.';
      if (field === 'phone') return 'Enter a valid phone number, e.g. +49 30 1234567.';
      if (field === 'code') return 'Enter the 6-digit code.';
      if (issue.format === 'datetime') return 'Enter a valid date and time.';
      return 'This value has the wrong format.';
    case 'invalid_value':
      return `Choose one of: ${issue.values.map((v) => String(v)).join(', ')}.`;
    case 'invalid_union':
      return issue.discriminator ? `Unknown ${issue.discriminator}.` : 'Invalid value.';
    default:
      return issue.message || 'Invalid value.';
  }
}

/** A 422 `validation` problem from zod issues, one `errors` entry per issue, named as the elements place them. */
export function validationProblem(issues: readonly z.core.$ZodIssue[]): HttpProblem {
  const errors: FieldError[] = issues.map((issue) => {
    const path =
      issue.code === 'invalid_union' && issue.discriminator && issue.path.at(-1) !== issue.discriminator ? [...issue.path, issue.discriminator] : issue.path;
    const field = fieldName(path);
    return { field, message: describeIssue(issue, field), code: issue.code };
  });
  const first = errors[0];
  const detail = first ? (first.field ? `${first.field}: ${first.message}` : first.message) : 'The request is not valid.';
  return new HttpProblem(422, 'validation', 'Some fields need attention', detail, { errors });
}
