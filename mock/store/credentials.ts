/**
 * The identity checks behind "Confirm it's you" (password.ts), turning 2FA off, new backup
 * codes and the sign-in challenge (two-factor.ts): kept apart so neither domain imports the other.
 */
import type * as s from '../../src/api/schemas.js';
import { verifyTotp } from '../totp.js';
import type { StoreContext } from './context.js';
import { fieldProblem } from './problem.js';

/** Checks a `{method: 'password' | 'totp'}` confirmation; 422 `invalid-credentials` / `code-reused` otherwise. */
export async function confirmIdentity(ctx: StoreContext, request: s.ReauthRequest): Promise<void> {
  if (request.method === 'password') {
    if (request.password !== ctx.state.password) {
      throw fieldProblem(422, 'invalid-credentials', 'Wrong password', [
        { field: 'password', message: 'That password is not correct.', code: 'invalid-credentials' },
      ]);
    }
    return;
  }
  const result = await checkTotp(ctx, request.code);
  if (result === 'reused') {
    throw fieldProblem(422, 'code-reused', 'Code already used', [
      { field: 'code', message: 'That code was already used. Wait for the next one.', code: 'code-reused' },
    ]);
  }
  if (result === 'invalid') {
    throw fieldProblem(422, 'invalid-credentials', 'Wrong code', [
      { field: 'code', message: 'That code is not correct.', code: 'invalid-credentials' },
    ]);
  }
}

/** Verifies a TOTP code against the enabled secret, remembering the step to refuse replays. */
export async function checkTotp(ctx: StoreContext, code: string): Promise<'ok' | 'invalid' | 'reused'> {
  const tf = ctx.state.twoFactor;
  if (!tf.enabled || !tf.secret) return 'invalid';
  const step = await verifyTotp(tf.secret, code, { window: 1, timeMs: ctx.now() });
  if (step === null) return 'invalid';
  if (tf.lastStep !== null && step <= tf.lastStep) return 'reused';
  tf.lastStep = step;
  return 'ok';
}
