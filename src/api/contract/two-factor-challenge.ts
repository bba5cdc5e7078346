/** The sign-in step of two-factor authentication: a TOTP or backup code, optionally trusting the device. */
import * as z from 'zod/mini';
import { dateTime } from './common.js';
import { count, id } from './fields.js';
import type { ContractPart } from './part.js';
import { TrustedDevice } from './trusted-devices.js';

export const TwoFactorChallengeRequest = z.object({
  challengeId: id,
  method: z.enum(['totp', 'backup']),
  code: z.string().check(z.minLength(6), z.maxLength(32)),
  trustDevice: z.boolean(),
});

export const TwoFactorChallengeResult = z.object({
  verifiedAt: dateTime,
  trustedDevice: z.nullable(TrustedDevice),
  /** Set when a backup code was used. */
  backupCodesRemaining: z.nullable(count),
});

export const twoFactorChallengeContract = {
  verifyTwoFactorChallenge: { body: TwoFactorChallengeRequest, response: TwoFactorChallengeResult },
} as const satisfies ContractPart;

export type TwoFactorChallengeRequest = z.infer<typeof TwoFactorChallengeRequest>;
export type TwoFactorChallengeResult = z.infer<typeof TwoFactorChallengeResult>;
