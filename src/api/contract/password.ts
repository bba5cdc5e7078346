/** Password: the policy, changing it, and resetting a forgotten one. */
import * as z from 'zod/mini';
import { Completed, dateTime } from './common.js';
import { count } from './fields.js';
import type { ContractPart } from './part.js';

export const PasswordRule = z.enum(['number', 'special', 'uppercase', 'lowercase']);

export const PasswordPolicy = z.object({
  minLength: z.int().check(z.gte(1)),
  /** At least 64 (NIST SP 800-63B). */
  maxLength: z.int().check(z.gte(64)),
  /** Composition rules; empty for a NIST-style policy. */
  rules: z.array(PasswordRule),
});

export const PasswordChangeRequest = z.object({
  currentPassword: z.string().check(z.minLength(1)),
  newPassword: z.string().check(z.minLength(1)),
});

export const PasswordChangeResult = z.object({ changedAt: dateTime, otherSessions: count });

export const PasswordResetRequest = z.object({ email: z.email() });

export const PasswordResetRequested = z.object({ validForMinutes: z.int().check(z.gte(1)), resendAfterSeconds: count });

export const PasswordResetComplete = z.object({
  token: z.string().check(z.minLength(1)),
  newPassword: z.string().check(z.minLength(1)),
});

export const passwordContract = {
  getPasswordPolicy: { response: PasswordPolicy },
  changePassword: { body: PasswordChangeRequest, response: PasswordChangeResult },
  requestPasswordReset: { body: PasswordResetRequest, response: PasswordResetRequested },
  completePasswordReset: { body: PasswordResetComplete, response: Completed },
} as const satisfies ContractPart;

export type PasswordRule = z.infer<typeof PasswordRule>;
export type PasswordPolicy = z.infer<typeof PasswordPolicy>;
export type PasswordChangeRequest = z.infer<typeof PasswordChangeRequest>;
export type PasswordChangeResult = z.infer<typeof PasswordChangeResult>;
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;
export type PasswordResetRequested = z.infer<typeof PasswordResetRequested>;
export type PasswordResetComplete = z.infer<typeof PasswordResetComplete>;
