/** Sign-in activity: attempts, newest first, one page per cursor. */
import * as z from 'zod/mini';
import { dateTime, device } from './common.js';
import { id } from './fields.js';
import type { ContractPart } from './part.js';

export const LoginAttempt = z.object({
  id,
  at: dateTime,
  success: z.boolean(),
  /** `wrong-password`, `wrong-2fa-code`, `two-factor-required`, `wrong-passkey`, `challenge-expired`, `blocked`, `locked`, … (unknown reasons are shown generically). */
  failureReason: z.nullable(z.string()),
  ...device,
});

export const LoginActivityPage = z.object({ items: z.array(LoginAttempt), nextCursor: z.nullable(z.string()) });

export const LoginActivityQuery = z.object({
  cursor: z.optional(z.string()),
  limit: z.optional(z.int().check(z.gte(1), z.lte(200))),
  status: z.optional(z.enum(['all', 'failed'])),
});

export const loginActivityContract = {
  listLoginActivity: { query: LoginActivityQuery, response: LoginActivityPage },
} as const satisfies ContractPart;

export type LoginAttempt = z.infer<typeof LoginAttempt>;
export type LoginActivityPage = z.infer<typeof LoginActivityPage>;
export type LoginActivityQuery = z.infer<typeof LoginActivityQuery>;
