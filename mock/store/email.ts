/** Email change: request, resend, cancel, verify by link. */
import type * as s from '../../src/api/schemas.js';
import { EMAIL_CHANGE_VALID_HOURS } from '../../src/api/schemas.js';
import { TAKEN_EMAILS, TIME } from '../seed.js';
import { iso, randomToken, type StoreContext } from './context.js';
import { fieldProblem, MockProblem } from './problem.js';
import { getProfile } from './profile.js';

interface EmailChangeRecord {
  newEmail: string;
  requestedAt: number;
  expiresAt: number;
  token: string;
}

export interface EmailState {
  emailChange: EmailChangeRecord | null;
  usedEmailTokens: Set<string>;
  lastEmailToken: string | null;
}

export function seedEmail(): EmailState {
  return { emailChange: null, usedEmailTokens: new Set(), lastEmailToken: null };
}

function pendingEmailChange(ctx: StoreContext): EmailChangeRecord | null {
  const pending = ctx.state.emailChange;
  if (pending && pending.expiresAt <= ctx.now()) return null;
  return pending;
}

export function getEmailChange(ctx: StoreContext): s.EmailChangeState {
  const pending = pendingEmailChange(ctx);
  return {
    pending: pending ? { newEmail: pending.newEmail, requestedAt: iso(pending.requestedAt), expiresAt: iso(pending.expiresAt) } : null,
    passwordRequired: ctx.options.emailChangePasswordRequired,
  };
}

export function requestEmailChange(ctx: StoreContext, request: s.EmailChangeRequest): s.EmailChangeState {
  const newEmail = request.newEmail.trim();
  if (ctx.options.emailChangePasswordRequired) {
    if (request.currentPassword === undefined) {
      throw fieldProblem(422, 'validation', 'Password required', [
        { field: 'currentPassword', message: 'Enter your current password to change your email.' },
      ]);
    }
    if (request.currentPassword !== ctx.state.password) {
      throw fieldProblem(422, 'invalid-credentials', 'Wrong password', [
        { field: 'currentPassword', message: 'That password is not correct.', code: 'invalid-credentials' },
      ]);
    }
  }
  if (newEmail.toLowerCase() === ctx.state.profile.email.toLowerCase()) {
    throw fieldProblem(422, 'validation', 'Same address', [{ field: 'newEmail', message: 'This is already your email address.' }]);
  }
  if (TAKEN_EMAILS.includes(newEmail.toLowerCase())) {
    throw fieldProblem(409, 'email-taken', 'Email already in use', [
      { field: 'newEmail', message: 'Another account already uses this address.', code: 'email-taken' },
    ]);
  }
  const now = ctx.now();
  const token = randomToken();
  ctx.state.emailChange = { newEmail, requestedAt: now, expiresAt: now + EMAIL_CHANGE_VALID_HOURS * TIME.HOUR, token };
  ctx.state.lastEmailToken = token;
  return getEmailChange(ctx);
}

export function resendEmailChange(ctx: StoreContext): s.EmailChangeState {
  const pending = pendingEmailChange(ctx);
  if (!pending) throw new MockProblem(409, 'conflict', 'Nothing to resend', 'No email change is pending.');
  const token = randomToken();
  pending.token = token;
  pending.expiresAt = ctx.now() + EMAIL_CHANGE_VALID_HOURS * TIME.HOUR;
  ctx.state.lastEmailToken = token;
  return getEmailChange(ctx);
}

export function cancelEmailChange(ctx: StoreContext): s.EmailChangeState {
  ctx.state.emailChange = null;
  return getEmailChange(ctx);
}

export function verifyEmailChange(ctx: StoreContext, request: s.TokenRequest): s.Profile {
  const { token } = request;
  if (ctx.state.usedEmailTokens.has(token)) {
    throw new MockProblem(410, 'token-used', 'Link already used', 'This verification link was already used.');
  }
  const pending = ctx.state.emailChange;
  if (!pending || pending.token !== token || pending.expiresAt <= ctx.now()) {
    throw new MockProblem(410, 'token-expired', 'Link expired', 'This verification link has expired or was replaced by a newer one. Request the change again.');
  }
  ctx.state.usedEmailTokens.add(token);
  ctx.state.emailChange = null;
  ctx.state.profile.email = pending.newEmail;
  ctx.state.profile.updatedAt = ctx.now();
  return getProfile(ctx);
}

export function lastEmailVerificationToken(ctx: StoreContext): string | null {
  return ctx.state.lastEmailToken;
}
