/**
 * How a server turns the contract's zod issues into the 422 `validation` problem the elements
 * place next to their fields: one `errors` entry per issue, named by field (`displayName`) or
 * JSON pointer (`/channels/email`), with a sentence a person can act on. The mock backend and the
 * reference server both answer with it, so they word the same mistake the same way.
 */
import type * as z from 'zod/mini';
import { PLAIN_LINE_PATTERN } from './constants.js';
import type { FieldError } from './problem.js';

/** A field's name for an issue's path: the key itself at the top level, else a JSON pointer. */
export function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '';
  if (path.length === 1) return String(path[0]);
  return `/${path.map((p) => String(p)).join('/')}`;
}

/** The message shown next to the field for one issue. */
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
      if (issue.format === 'regex' && issue.pattern === String(PLAIN_LINE_PATTERN)) {
        return 'Remove the invisible control or text-direction characters: they can make the text read differently from what it is.';
      }
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

/** The `errors` and `detail` of a 422 `validation` problem for `issues`. */
export function validationDetails(issues: readonly z.core.$ZodIssue[]): { errors: FieldError[]; detail: string } {
  const errors: FieldError[] = issues.map((issue) => {
    const path =
      issue.code === 'invalid_union' && issue.discriminator && issue.path.at(-1) !== issue.discriminator ? [...issue.path, issue.discriminator] : issue.path;
    const field = fieldName(path);
    return { field, message: describeIssue(issue, field), code: issue.code };
  });
  const first = errors[0];
  const detail = first ? (first.field ? `${first.field}: ${first.message}` : first.message) : 'The request is not valid.';
  return { errors, detail };
}
