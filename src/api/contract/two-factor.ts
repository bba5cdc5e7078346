/** Two-factor authentication: status, TOTP setup, turning it off, backup codes. */
import * as z from 'zod/mini';
import { dateTime } from './common.js';
import { count, id } from './fields.js';
import type { ContractPart } from './part.js';
import { ReauthRequest } from './reauth.js';

export const TwoFactorStatus = z.object({
  enabled: z.boolean(),
  enabledAt: z.nullable(dateTime),
  backupCodesRemaining: count,
  /** True for roles the product recommends 2FA for (admin, owner). */
  recommended: z.boolean(),
});

export const TwoFactorSetup = z.object({
  setupId: id,
  /** Base32 TOTP key (RFC 4648, no padding). A secret: never put it in URLs, attributes or storage. */
  secret: z.string().check(z.regex(/^[A-Z2-7]+$/)),
  otpauthUri: z.string().check(z.startsWith('otpauth://totp/')),
  issuer: z.string(),
  accountName: z.string(),
  digits: z.literal(6),
  period: z.literal(30),
  expiresAt: dateTime,
});

const otp = z.string().check(z.regex(/^\d{6}$/));

export const TwoFactorVerifyRequest = z.object({ setupId: id, code: otp });

export const BackupCodes = z.object({ codes: z.array(z.string()), generatedAt: dateTime });

export const TwoFactorEnabled = z.object({ status: TwoFactorStatus, backupCodes: BackupCodes });

export const twoFactorContract = {
  getTwoFactorStatus: { response: TwoFactorStatus },
  startTwoFactorSetup: { response: TwoFactorSetup },
  verifyTwoFactorSetup: { body: TwoFactorVerifyRequest, response: TwoFactorEnabled },
  disableTwoFactor: { body: ReauthRequest, response: TwoFactorStatus },
  regenerateBackupCodes: { body: ReauthRequest, response: BackupCodes },
} as const satisfies ContractPart;

export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>;
export type TwoFactorSetup = z.infer<typeof TwoFactorSetup>;
export type TwoFactorVerifyRequest = z.infer<typeof TwoFactorVerifyRequest>;
export type BackupCodes = z.infer<typeof BackupCodes>;
export type TwoFactorEnabled = z.infer<typeof TwoFactorEnabled>;
