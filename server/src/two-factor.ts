/**
 * TOTP secrets and backup codes in the two-factor plugin's own format (its `twoFactor` row:
 * the secret and the JSON list of backup codes, each encrypted with the engine's
 * `symmetricEncrypt`), so the plugin's sign-in step reads what setup wrote. Codes are made and
 * checked by `@better-auth/utils/otp` (RFC 6238), random strings by the engine's generator;
 * nothing here computes a code or encrypts by hand.
 */
import { timingSafeEqual } from 'node:crypto';
import { base32 } from '@better-auth/utils/base32';
import { createOTP } from '@better-auth/utils/otp';
import { generateRandomString, symmetricDecrypt, symmetricEncrypt } from 'better-auth/crypto';
import type { Kysely } from 'kysely';
import type { Auth } from './auth.js';
import type { Database } from './schema.js';

export const TOTP_DIGITS = 6;
export const TOTP_PERIOD = 30;
/** Codes of the step before and after the current one are accepted (clock drift). */
const TOTP_WINDOW = 1;
const BACKUP_CODE_COUNT = 10;

type SecretConfig = Parameters<typeof symmetricEncrypt>[0]['key'];

async function secretConfig(auth: Auth): Promise<SecretConfig> {
  return (await auth.$context).secretConfig;
}

/** A new TOTP secret as the plugin makes it (32 random characters, used as bytes), encrypted for its row. */
export async function newTotpSecret(auth: Auth): Promise<{ secret: string; encrypted: string }> {
  const secret = generateRandomString(32);
  return { secret, encrypted: await encryptForRow(auth, secret) };
}

/** A field of the plugin's row (the secret, the JSON list of backup codes) encrypted as the plugin does. */
export async function encryptForRow(auth: Auth, data: string): Promise<string> {
  return symmetricEncrypt({ key: await secretConfig(auth), data });
}

/** What an authenticator app is given: the key in base32 and the `otpauth://` URI. */
export function describeSecret(secret: string, issuer: string, account: string): { base32: string; uri: string } {
  return {
    base32: base32.encode(new TextEncoder().encode(secret), { padding: false }),
    uri: createOTP(secret, { digits: TOTP_DIGITS, period: TOTP_PERIOD }).url(issuer, account),
  };
}

export async function decryptSecret(auth: Auth, encrypted: string): Promise<string> {
  return symmetricDecrypt({ key: await secretConfig(auth), data: encrypted });
}

const same = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The time step whose code `code` is (within the drift window), or null. The step is what
 * replay protection remembers; the codes themselves come from the library's HOTP.
 */
export async function matchTotpStep(secret: string, code: string, at = Date.now()): Promise<number | null> {
  const otp = createOTP(secret, { digits: TOTP_DIGITS, period: TOTP_PERIOD });
  const current = Math.floor(at / (TOTP_PERIOD * 1000));
  let matched: number | null = null;
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    if (same(await otp.hotp(step), code)) matched = step;
  }
  return matched;
}

/**
 * Accepts `step` for the user once: true when it is later than the last accepted step (and
 * records it), false for a code already used or an older one. One conditional update, so two
 * requests with the same code cannot both pass.
 */
export async function acceptTotpStep(db: Kysely<Database>, userId: string, step: number): Promise<boolean> {
  await db.insertInto('dn_two_factor_meta').values({ user_id: userId }).onConflict((oc) => oc.column('user_id').doNothing()).execute();
  const updated = await db
    .updateTable('dn_two_factor_meta')
    .set({ last_totp_step: step })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_totp_step', 'is', null), eb('last_totp_step', '<', step)]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export type TotpCheck = 'ok' | 'invalid' | 'reused' | 'not-enabled';

/** Checks a TOTP code of an enabled user's secret, refusing a code (or time step) already used. */
export async function checkUserTotp(auth: Auth, db: Kysely<Database>, userId: string, code: string): Promise<TotpCheck> {
  const row = await db.selectFrom('twoFactor').select(['secret', 'verified']).where('userId', '=', userId).executeTakeFirst();
  if (!row || row.verified === false) return 'not-enabled';
  const step = await matchTotpStep(await decryptSecret(auth, row.secret), code);
  if (step === null) return 'invalid';
  return (await acceptTotpStep(db, userId, step)) ? 'ok' : 'reused';
}

/** A new set of backup codes in the plugin's format (`xxxxx-xxxxx`), and its encrypted JSON for the row. */
export async function newBackupCodes(auth: Auth): Promise<{ codes: string[]; encrypted: string }> {
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, () => generateRandomString(10, 'a-z', '0-9', 'A-Z')).map((c) => `${c.slice(0, 5)}-${c.slice(5)}`);
  return { codes, encrypted: await encryptForRow(auth, JSON.stringify(codes)) };
}

/** How many backup codes the user has left (the plugin removes each one it accepts). */
export async function backupCodesRemaining(auth: Auth, db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db.selectFrom('twoFactor').select('backupCodes').where('userId', '=', userId).executeTakeFirst();
  if (!row) return 0;
  const codes = JSON.parse(await symmetricDecrypt({ key: await secretConfig(auth), data: row.backupCodes })) as unknown;
  return Array.isArray(codes) ? codes.length : 0;
}
