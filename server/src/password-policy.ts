/**
 * The password policy of every new password: at a change, at a reset and at a sign-up. Length by
 * code points, a number and a special character, and none of the breached passwords the mock
 * refuses too.
 */
import type * as s from '../../src/api/schemas.js';
import { BREACHED_PASSWORDS } from '../../mock/seed.js';
import { fieldProblem } from './problem.js';

/** The password policy: at a change, a reset and a sign-up. */
export const PASSWORD_POLICY: s.PasswordPolicy = { minLength: 8, maxLength: 128, rules: ['number', 'special'] };
const RULES: Record<s.PasswordRule, { test: RegExp; message: string }> = {
  number: { test: /\p{Nd}/u, message: 'Include at least one number.' },
  special: { test: /[^\p{L}\p{Nd}]/u, message: 'Include at least one special character.' },
  uppercase: { test: /\p{Lu}/u, message: 'Include at least one upper-case letter.' },
  lowercase: { test: /\p{Ll}/u, message: 'Include at least one lower-case letter.' },
};

/** Throws `422 validation` (the policy) or `422 password-rejected` (a breached password) naming `field`. */
export function checkNewPassword(password: string, field = 'newPassword'): void {
  const length = [...password].length;
  const errors: s.FieldError[] = [];
  if (length < PASSWORD_POLICY.minLength) errors.push({ field, message: `Use at least ${PASSWORD_POLICY.minLength} characters.`, code: 'too-short' });
  if (length > PASSWORD_POLICY.maxLength) errors.push({ field, message: `Use at most ${PASSWORD_POLICY.maxLength} characters.`, code: 'too-long' });
  for (const rule of PASSWORD_POLICY.rules) if (!RULES[rule].test.test(password)) errors.push({ field, message: RULES[rule].message, code: rule });
  if (errors.length) throw fieldProblem(422, 'validation', 'Password does not meet the policy', errors);
  if (BREACHED_PASSWORDS.some((p) => p.toLowerCase() === password.toLowerCase())) {
    throw fieldProblem(422, 'password-rejected', 'Password rejected', [{ field, message: 'This password has appeared in a data breach. Choose a different one.', code: 'breached' }]);
  }
}
