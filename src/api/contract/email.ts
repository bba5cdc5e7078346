/** Email change: a verification link to the new address confirms it. */
import * as z from 'zod/mini';
import { dateTime } from './common.js';
import type { ContractPart } from './part.js';
import { Profile } from './profile.js';

export const EmailChangeState = z.object({
  pending: z.nullable(
    z.object({
      newEmail: z.email(),
      requestedAt: dateTime,
      expiresAt: dateTime,
    }),
  ),
  /** When true, the request must carry `currentPassword`. */
  passwordRequired: z.boolean(),
});

export const EmailChangeRequest = z.object({
  newEmail: z.email(),
  currentPassword: z.optional(z.string().check(z.minLength(1))),
});

export const TokenRequest = z.object({ token: z.string().check(z.minLength(1)) });

export const emailContract = {
  getEmailChange: { response: EmailChangeState },
  requestEmailChange: { body: EmailChangeRequest, response: EmailChangeState },
  resendEmailChange: { response: EmailChangeState },
  cancelEmailChange: { response: EmailChangeState },
  verifyEmailChange: { body: TokenRequest, response: Profile },
} as const satisfies ContractPart;

export type EmailChangeState = z.infer<typeof EmailChangeState>;
export type EmailChangeRequest = z.infer<typeof EmailChangeRequest>;
export type TokenRequest = z.infer<typeof TokenRequest>;
