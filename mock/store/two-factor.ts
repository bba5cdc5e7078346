/** Two-factor authentication: setup, the sign-in challenge, backup codes. */
import type * as s from '../../src/api/schemas.js';
import { MOCK_TOTP_SECRET, TIME, createRandom } from '../seed.js';
import { generateSecret, otpauthUri, totp, verifyTotp } from '../totp.js';
import { iso, randomId, type ResolvedOptions, type StoreContext } from './context.js';
import { checkTotp, confirmIdentity } from './credentials.js';
import { fieldProblem, MockProblem } from './problem.js';
import { describeUserAgent, recordAttempt, trustCurrentDevice, type ClientInfo } from './sessions.js';

const { MINUTE, DAY } = TIME;

const SETUP_VALID_MS = 10 * MINUTE;
const CHALLENGE_VALID_MS = 10 * MINUTE;
const CHALLENGE_MAX_WRONG = 5;
const CHALLENGE_LOCK_SECONDS = 60;

interface SetupRecord {
  secret: string;
  expiresAt: number;
}

interface ChallengeRecord {
  expiresAt: number;
  wrong: number;
  lockedUntil: number;
  usedAt: number | null;
}

export interface TwoFactorState {
  twoFactor: {
    enabled: boolean;
    enabledAt: number | null;
    secret: string | null;
    /** Last accepted time step: a code from it or an earlier step is refused (replay). */
    lastStep: number | null;
    /** code → used at (null while unused). The real service keeps hashes only. */
    backupCodes: Map<string, number | null>;
  };
  setups: Map<string, SetupRecord>;
  challenges: Map<string, ChallengeRecord>;
}

const BACKUP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function backupCode(random: () => number): string {
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === 4) out += '-';
    out += BACKUP_ALPHABET[Math.floor(random() * BACKUP_ALPHABET.length)];
  }
  return out;
}

const cryptoRandom = (): number => (crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) / 4294967296;

function normalizeBackupCode(code: string): string {
  const compact = code.toLowerCase().replace(/[\s-]/g, '');
  return compact.length === 8 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact;
}

export function seedTwoFactor(o: ResolvedOptions, now: number): TwoFactorState {
  const codes = new Map<string, number | null>();
  if (o.twoFactorEnabled) {
    const seeded = createRandom(o.seed + 7);
    for (let i = 0; i < 10; i++) codes.set(backupCode(() => seeded.next()), i < 2 ? now - (40 - i) * DAY : null);
  }
  return {
    twoFactor: o.twoFactorEnabled
      ? { enabled: true, enabledAt: now - 60 * DAY, secret: MOCK_TOTP_SECRET, lastStep: null, backupCodes: codes }
      : { enabled: false, enabledAt: null, secret: null, lastStep: null, backupCodes: codes },
    setups: new Map(),
    challenges: new Map(),
  };
}

export function getTwoFactorStatus(ctx: StoreContext): s.TwoFactorStatus {
  const tf = ctx.state.twoFactor;
  return {
    enabled: tf.enabled,
    enabledAt: tf.enabledAt === null ? null : iso(tf.enabledAt),
    backupCodesRemaining: tf.enabled ? [...tf.backupCodes.values()].filter((v) => v === null).length : 0,
    recommended: ctx.state.profile.role === 'owner' || ctx.state.profile.role === 'admin',
  };
}

// ——— Setup ———

export function startTwoFactorSetup(ctx: StoreContext): s.TwoFactorSetup {
  if (ctx.state.twoFactor.enabled) {
    throw new MockProblem(409, 'conflict', 'Already on', 'Two-factor authentication is already on. Turn it off first to set up a new app.');
  }
  const secret = generateSecret(20);
  const setupId = randomId('tfs');
  const expiresAt = ctx.now() + SETUP_VALID_MS;
  ctx.state.setups.set(setupId, { secret, expiresAt });
  const accountName = ctx.state.profile.email;
  return {
    setupId,
    secret,
    otpauthUri: otpauthUri({ secret, issuer: 'DialNexa', accountName }),
    issuer: 'DialNexa',
    accountName,
    digits: 6,
    period: 30,
    expiresAt: iso(expiresAt),
  };
}

export async function verifyTwoFactorSetup(ctx: StoreContext, request: s.TwoFactorVerifyRequest): Promise<s.TwoFactorEnabled> {
  const setup = ctx.state.setups.get(request.setupId);
  if (!setup || setup.expiresAt <= ctx.now()) {
    ctx.state.setups.delete(request.setupId);
    throw new MockProblem(410, 'setup-expired', 'Setup expired', 'This setup has expired. Start again to get a new QR code.');
  }
  const step = await verifyTotp(setup.secret, request.code, { window: 1, timeMs: ctx.now() });
  if (step === null) {
    throw fieldProblem(422, 'invalid-code', 'Wrong code', [
      { field: 'code', message: 'That code is not correct. Check the time on your device and try the current code.', code: 'invalid-code' },
    ]);
  }
  ctx.state.setups.clear();
  const tf = ctx.state.twoFactor;
  tf.enabled = true;
  tf.enabledAt = ctx.now();
  tf.secret = setup.secret;
  tf.lastStep = step;
  const backupCodes = newBackupCodes(ctx);
  return { status: getTwoFactorStatus(ctx), backupCodes };
}

export async function disableTwoFactor(ctx: StoreContext, request: s.ReauthRequest): Promise<s.TwoFactorStatus> {
  await confirmIdentity(ctx, request);
  const tf = ctx.state.twoFactor;
  tf.enabled = false;
  tf.enabledAt = null;
  tf.secret = null;
  tf.lastStep = null;
  tf.backupCodes = new Map();
  return getTwoFactorStatus(ctx);
}

// ——— Backup codes ———

function newBackupCodes(ctx: StoreContext): s.BackupCodes {
  const codes = new Map<string, number | null>();
  while (codes.size < 10) codes.set(backupCode(cryptoRandom), null);
  ctx.state.twoFactor.backupCodes = codes;
  return { codes: [...codes.keys()], generatedAt: iso(ctx.now()) };
}

export async function regenerateBackupCodes(ctx: StoreContext, request: s.ReauthRequest): Promise<s.BackupCodes> {
  if (!ctx.state.twoFactor.enabled) {
    throw new MockProblem(409, 'conflict', '2FA is off', 'Turn on two-factor authentication first.');
  }
  await confirmIdentity(ctx, request);
  return newBackupCodes(ctx);
}

export function unusedBackupCodes(ctx: StoreContext): string[] {
  return [...ctx.state.twoFactor.backupCodes].filter(([, used]) => used === null).map(([code]) => code);
}

// ——— Sign-in challenge ———

export function createSignInChallenge(ctx: StoreContext, { validForMs = CHALLENGE_VALID_MS }: { validForMs?: number } = {}): string {
  const id = randomId('chl');
  ctx.state.challenges.set(id, { expiresAt: ctx.now() + validForMs, wrong: 0, lockedUntil: 0, usedAt: null });
  return id;
}

export async function verifyTwoFactorChallenge(
  ctx: StoreContext,
  request: s.TwoFactorChallengeRequest,
  client: ClientInfo = {},
): Promise<s.TwoFactorChallengeResult> {
  const now = ctx.now();
  const challenge = ctx.state.challenges.get(request.challengeId);
  if (!challenge || challenge.usedAt !== null || challenge.expiresAt <= now) {
    throw new MockProblem(410, 'challenge-expired', 'Sign-in expired', 'This sign-in attempt has expired. Sign in again.');
  }
  if (challenge.lockedUntil > now) {
    const retryAfter = Math.ceil((challenge.lockedUntil - now) / 1000);
    throw new MockProblem(429, 'rate-limited', 'Too many attempts', `Too many wrong codes. Try again in ${retryAfter} seconds.`, { retryAfter });
  }
  const tf = ctx.state.twoFactor;
  let outcome: 'ok' | 'invalid' | 'reused';
  let backupCodesRemaining: number | null = null;
  if (request.method === 'totp') {
    outcome = /^\d{6}$/.test(request.code) ? await checkTotp(ctx, request.code) : 'invalid';
  } else {
    const code = normalizeBackupCode(request.code);
    const usedAt = tf.enabled ? tf.backupCodes.get(code) : undefined;
    outcome = usedAt === undefined ? 'invalid' : usedAt === null ? 'ok' : 'reused';
    if (outcome === 'ok') {
      tf.backupCodes.set(code, now);
      backupCodesRemaining = getTwoFactorStatus(ctx).backupCodesRemaining;
    }
  }
  const device = describeUserAgent(client.userAgent);
  if (outcome !== 'ok') {
    challenge.wrong++;
    if (challenge.wrong >= CHALLENGE_MAX_WRONG) {
      challenge.lockedUntil = now + CHALLENGE_LOCK_SECONDS * 1000;
      challenge.wrong = 0;
    }
    recordAttempt(ctx, false, 'wrong-2fa-code', device);
    const reused = outcome === 'reused';
    const message = reused
      ? request.method === 'backup'
        ? 'That backup code was already used.'
        : 'That code was already used. Wait for the next one.'
      : request.method === 'backup'
        ? 'That backup code is not correct.'
        : 'That code is not correct.';
    throw fieldProblem(422, reused ? 'code-reused' : 'invalid-code', reused ? 'Code already used' : 'Wrong code', [
      { field: 'code', message, code: reused ? 'code-reused' : 'invalid-code' },
    ]);
  }
  challenge.usedAt = now;
  ctx.state.lastAuthAt = now;
  recordAttempt(ctx, true, null, device);
  const trustedDevice = request.trustDevice ? trustCurrentDevice(ctx, device, now) : null;
  return { verifiedAt: iso(now), trustedDevice, backupCodesRemaining };
}

// ——— For tests and the demo ———

export function twoFactorSecret(ctx: StoreContext): string | null {
  return ctx.state.twoFactor.secret;
}

export async function currentTotp(ctx: StoreContext, offsetSteps = 0): Promise<string> {
  const secret = ctx.state.twoFactor.secret;
  if (!secret) throw new Error('Two-factor authentication is off');
  return totp(secret, ctx.now() + offsetSteps * 30_000);
}

export function lastTotpStep(ctx: StoreContext): number | null {
  return ctx.state.twoFactor.lastStep;
}
