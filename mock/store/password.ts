/** Password: policy, change, reset by link, and re-authentication ("Confirm it's you"). */
import type * as s from '../../src/api/schemas.js';
import { PASSWORD_RESET_VALID_MINUTES } from '../../src/api/schemas.js';
import { BREACHED_PASSWORDS, MOCK_PASSWORD, TIME } from '../seed.js';
import { iso, randomToken, type StoreContext } from './context.js';
import { confirmIdentity } from './credentials.js';
import { fieldProblem, MockProblem } from './problem.js';

const { MINUTE, HOUR, DAY } = TIME;

const REAUTH_VALID_MS = 10 * MINUTE;

interface ResetTokenRecord {
  email: string;
  issuedAt: number;
  usedAt: number | null;
}

export interface PasswordState {
  password: string;
  lastAuthAt: number;
  reauthGrant: boolean;
  resetTokens: Map<string, ResetTokenRecord>;
  lastResetToken: string | null;
}

export function seedPassword(now: number): PasswordState {
  return { password: MOCK_PASSWORD, lastAuthAt: now - 3 * DAY - 2 * HOUR, reauthGrant: false, resetTokens: new Map(), lastResetToken: null };
}

const POLICIES: Record<'default' | 'nist', s.PasswordPolicy> = {
  default: { minLength: 8, maxLength: 128, rules: ['number', 'special'] },
  nist: { minLength: 15, maxLength: 128, rules: [] },
};

const RULE_TESTS: Record<s.PasswordRule, { test: RegExp; message: string }> = {
  number: { test: /\p{Nd}/u, message: 'Include at least one number.' },
  special: { test: /[^\p{L}\p{Nd}]/u, message: 'Include at least one special character.' },
  uppercase: { test: /\p{Lu}/u, message: 'Include at least one upper-case letter.' },
  lowercase: { test: /\p{Ll}/u, message: 'Include at least one lower-case letter.' },
};

/** Length in Unicode code points (an emoji counts once), as NIST SP 800-63B counts. */
export function passwordLength(password: string): number {
  let n = 0;
  for (const _ of password) n++;
  return n;
}

// ——— Re-authentication ———

export function reauthMethods(ctx: StoreContext): ('password' | 'totp' | 'passkey')[] {
  const methods: ('password' | 'totp' | 'passkey')[] = ctx.options.passwordless ? [] : ['password'];
  if (ctx.state.twoFactor.enabled) methods.push('totp');
  if (ctx.state.passkeys.length > 0) methods.push('passkey');
  return methods;
}

export function assertReauthenticated(ctx: StoreContext): void {
  const mode = ctx.options.reauth;
  if (mode === 'never') return;
  const fresh = ctx.now() - ctx.state.lastAuthAt <= REAUTH_VALID_MS;
  if (mode === 'when-stale' && fresh) return;
  if (mode === 'always' && fresh && ctx.state.reauthGrant) return;
  throw new MockProblem(403, 'reauth-required', "Confirm it's you", 'For your security, confirm your identity to continue.', {
    methods: reauthMethods(ctx),
  });
}

export function consumeReauth(ctx: StoreContext): void {
  if (ctx.options.reauth === 'always') ctx.state.reauthGrant = false;
}

export function markReauthenticated(ctx: StoreContext): void {
  ctx.state.lastAuthAt = ctx.now();
  ctx.state.reauthGrant = true;
}

export async function reauthenticate(ctx: StoreContext, request: s.ReauthRequest): Promise<s.ReauthResult> {
  await confirmIdentity(ctx, request);
  return reauthenticated(ctx);
}

/** Marks the user as just authenticated and says until when it covers sensitive requests. */
export function reauthenticated(ctx: StoreContext): s.ReauthResult {
  markReauthenticated(ctx);
  return { reauthenticatedUntil: iso(ctx.now() + REAUTH_VALID_MS) };
}

// ——— Policy, change, reset ———

export function getPasswordPolicy(ctx: StoreContext): s.PasswordPolicy {
  const policy = POLICIES[ctx.options.passwordPolicy];
  return { ...policy, rules: [...policy.rules] };
}

/** Policy and breach checks for a new password; throws 422 on `newPassword`. Never trims. */
function checkNewPassword(ctx: StoreContext, password: string, field = 'newPassword'): void {
  const policy = getPasswordPolicy(ctx);
  const length = passwordLength(password);
  const errors: s.FieldError[] = [];
  if (length < policy.minLength) errors.push({ field, message: `Use at least ${policy.minLength} characters.`, code: 'too-short' });
  if (length > policy.maxLength) errors.push({ field, message: `Use at most ${policy.maxLength} characters.`, code: 'too-long' });
  for (const rule of policy.rules) {
    const check = RULE_TESTS[rule];
    if (!check.test.test(password)) errors.push({ field, message: check.message, code: rule });
  }
  if (errors.length) throw fieldProblem(422, 'validation', 'Password does not meet the policy', errors);
  if (BREACHED_PASSWORDS.some((p) => p.toLowerCase() === password.toLowerCase())) {
    throw fieldProblem(422, 'password-rejected', 'Password rejected', [
      { field, message: 'This password has appeared in a data breach. Choose a different one.', code: 'breached' },
    ]);
  }
}

export function changePassword(ctx: StoreContext, request: s.PasswordChangeRequest): s.PasswordChangeResult {
  if (request.currentPassword !== ctx.state.password) {
    throw fieldProblem(422, 'invalid-credentials', 'Wrong password', [
      { field: 'currentPassword', message: 'Your current password is not correct.', code: 'invalid-credentials' },
    ]);
  }
  checkNewPassword(ctx, request.newPassword);
  if (request.newPassword === ctx.state.password) {
    throw fieldProblem(422, 'password-rejected', 'Password rejected', [
      { field: 'newPassword', message: 'Choose a password different from your current one.', code: 'same-as-current' },
    ]);
  }
  ctx.state.password = request.newPassword;
  ctx.state.lastAuthAt = ctx.now();
  return { changedAt: iso(ctx.now()), otherSessions: ctx.state.sessions.filter((x) => !x.current).length };
}

export function currentPassword(ctx: StoreContext): string {
  return ctx.state.password;
}

export function requestPasswordReset(ctx: StoreContext, request: s.PasswordResetRequest): s.PasswordResetRequested {
  if (request.email.trim().toLowerCase() === ctx.state.profile.email.toLowerCase()) {
    issuePasswordResetToken(ctx, request.email);
  }
  return { validForMinutes: PASSWORD_RESET_VALID_MINUTES, resendAfterSeconds: 60 };
}

export function issuePasswordResetToken(ctx: StoreContext, email: string = ctx.state.profile.email): string {
  const token = randomToken();
  ctx.state.resetTokens.set(token, { email, issuedAt: ctx.now(), usedAt: null });
  ctx.state.lastResetToken = token;
  return token;
}

export function lastPasswordResetToken(ctx: StoreContext): string | null {
  return ctx.state.lastResetToken;
}

export function completePasswordReset(ctx: StoreContext, request: s.PasswordResetComplete): s.Completed {
  const record = ctx.state.resetTokens.get(request.token);
  if (record?.usedAt != null) throw new MockProblem(410, 'token-used', 'Link already used', 'This reset link was already used. Request a new one.');
  if (!record || ctx.now() - record.issuedAt > PASSWORD_RESET_VALID_MINUTES * MINUTE) {
    throw new MockProblem(410, 'token-expired', 'Link expired', 'This reset link has expired. Request a new one.');
  }
  checkNewPassword(ctx, request.newPassword);
  record.usedAt = ctx.now();
  ctx.state.password = request.newPassword;
  return { completedAt: iso(ctx.now()) };
}
