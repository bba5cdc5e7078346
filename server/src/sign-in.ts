/**
 * Sign-in around Better Auth: every attempt is recorded for the login activity; a sign-in
 * that needs the second factor answers with a `challengeId` (the two-factor plugin's signed
 * challenge, which it otherwise keeps in an HttpOnly cookie) that `<dn-2fa-challenge>` sends
 * to `POST /two-factor/challenge`; a device trusted there gets a row the user can list and
 * revoke, renewed each time the plugin renews its trust record.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as z from 'zod/mini';
import { TRUSTED_DEVICE_DAYS } from '../../src/api/contract/constants.js';
import { ProfileUpdate } from '../../src/api/contract/profile.js';
import type { TrustedDevice, TwoFactorChallengeRequest, TwoFactorChallengeResult } from '../../src/api/schemas.js';
import type { Auth } from './auth.js';
import { readJsonAnswer, withSetCookie } from './auth-answers.js';
import { clientIp, describeUserAgent, requestCookie } from './device.js';
import { NEXT_PREFIX } from './provider-two-factor.js';
import type { Notifier } from './notify.js';
import { checkNewPassword } from './password-policy.js';
import { fieldProblem, HttpProblem, validationProblem } from './problem.js';
import { engineRateLimit, rateLimited, type RateLimiter } from './rate-limit.js';
import type { Database } from './schema.js';
import { acceptTotpStep, backupCodesRemaining, decryptSecret, matchTotpStep } from './two-factor.js';

declare module './schema.js' {
  interface TwoFactorTable {
    /** Wrong codes in a row at sign-in; the plugin locks the account when it reaches its maximum. */
    failedVerificationCount?: number | null;
    /** Set by the plugin when too many codes in a row were wrong (its account lock). */
    lockedUntil?: Date | string | null;
  }
}

const TRUST_MS = TRUSTED_DEVICE_DAYS * 24 * 60 * 60 * 1000;

/**
 * What a sign-up may set: the name (by the profile's rules for a display name), the address and
 * the password, nothing else. Better Auth would also take `image` (the user's picture, served as
 * the profile's `avatarUrl` when no avatar was uploaded: any address a client names), `callbackURL`
 * and `rememberMe`; the avatar comes only from the upload, which decodes and checks the image.
 */
export const SignUpRequest = z.object({
  name: z.nonoptional(ProfileUpdate.shape.displayName),
  email: z.email(),
  password: z.string().check(z.minLength(1)),
});
const SIGN_UP_FIELDS: ReadonlySet<string> = new Set(Object.keys(SignUpRequest.shape));

/**
 * A failed sign-in for an address that has no account has no user's history to go to. It is
 * counted by the rate limits like any other (per client address, and per address tried), and
 * logged as one line that names the address tried only by a keyed hash: the first 12 hex digits
 * of HMAC-SHA256 under the server's secret, the same for every attempt at one address (so a log
 * shows one address tried 300 times, or 300 addresses once each) and not reversible by trying
 * likely addresses without the secret.
 */
export function unknownAccountLine(secret: string, email: string, ip: string, status: number): string {
  const ref = createHmac('sha256', secret).update(`sign-in-unknown:${email}`).digest('hex').slice(0, 12);
  return `sign-in: no account for the address tried (ref ${ref}) from ${ip || 'an unknown address'}: ${status}`;
}

/** `name=value` pairs of `Set-Cookie` lines. */
function setCookies(response: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(';')[0] ?? '';
    const at = pair.indexOf('=');
    if (at > 0) out.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return out;
}

/** The value a signed cookie carries, without its signature (`value.signature`, URL-encoded). */
function unsigned(cookieValue: string): string {
  const decoded = decodeURIComponent(cookieValue);
  const dot = decoded.lastIndexOf('.');
  return dot > 0 ? decoded.slice(0, dot) : decoded;
}

/** The trust record's identifier in a trust cookie (`hmac!identifier`). */
function trustIdentifier(cookieValue: string | null | undefined): string | null {
  if (!cookieValue) return null;
  const value = unsigned(cookieValue);
  const bang = value.indexOf('!');
  return bang > 0 ? value.slice(bang + 1) : null;
}

export interface AttemptRecord {
  userId: string;
  success: boolean;
  failureReason: string | null;
  headers: Headers;
}

export class SignInFlow {
  constructor(
    private readonly auth: Auth,
    private readonly db: Kysely<Database>,
    /** Wrong passwords and codes are counted here; a successful sign-in is told to the notifier (new-device alert). */
    private readonly guards: { limits: RateLimiter; notifier: Notifier },
    private readonly now: () => Date = () => new Date(),
    /** Where a failed sign-in for an address with no account is logged (`unknownAccountLine`). */
    private readonly log: (line: string) => void = (line) => console.warn(line),
  ) {}

  private async cookieName(name: 'two_factor' | 'trust_device'): Promise<string> {
    return (await this.auth.$context).createAuthCookie(name).name;
  }

  async recordAttempt({ userId, success, failureReason, headers }: AttemptRecord): Promise<void> {
    await this.db
      .insertInto('dn_login_attempt')
      .values({ id: randomUUID(), user_id: userId, at: this.now(), success, failure_reason: failureReason, user_agent: headers.get('user-agent'), ip: clientIp(headers) })
      .execute();
  }

  /** `POST /api/auth/sign-in/email` through Better Auth, recorded, with the 2FA challenge's id in the answer. */
  async signInWithEmail(request: Request): Promise<Response> {
    const sent = (await request
      .clone()
      .json()
      .catch(() => null)) as { email?: unknown } | null;
    const email = typeof sent?.email === 'string' ? sent.email.trim().toLowerCase() : null;
    const trustName = await this.cookieName('trust_device');
    const previousTrust = trustIdentifier(requestCookie(request.headers, trustName));
    const { limits, notifier } = this.guards;
    const failed = async (response: Response): Promise<Response> => {
      const user = email ? await this.db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirst() : undefined;
      if (user) {
        const reason = response.status === 429 ? 'blocked' : response.status === 403 ? 'locked' : 'wrong-password';
        await this.recordAttempt({ userId: user.id, success: false, failureReason: reason, headers: request.headers });
      } else if (email) {
        this.log(unknownAccountLine((await this.auth.$context).secret, email, clientIp(request.headers), response.status));
      }
      return response;
    };
    // Taken before the password is checked, given back when it was right: only wrong ones count.
    const ip = clientIp(request.headers) || 'unknown';
    try {
      if (email) {
        await limits.take('sign-in', `${email} ${ip}`);
        await limits.take('sign-in-account', email);
      }
      await limits.take('sign-in-ip', ip);
    } catch (error) {
      if (error instanceof HttpProblem) return failed(error.toResponse());
      throw error;
    }
    const engineAnswer = await engineRateLimit(await this.auth.handler(request));

    if (!engineAnswer.ok) return failed(engineAnswer);
    if (email) {
      await limits.giveBack('sign-in', `${email} ${ip}`);
      await limits.giveBack('sign-in-account', email);
    }
    await limits.giveBack('sign-in-ip', ip);
    const read = await readJsonAnswer(engineAnswer);
    const response = read.response;
    const answer = read.json as { twoFactorRedirect?: boolean; user?: { id?: string } } | null;
    if (answer?.twoFactorRedirect) {
      const challengeId = setCookies(response).get(await this.cookieName('two_factor'));
      if (!challengeId) return response;
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      return new Response(JSON.stringify({ ...answer, challengeId }), { status: response.status, headers });
    }
    const userId = answer?.user?.id;
    if (userId) {
      await this.recordAttempt({ userId, success: true, failureReason: null, headers: request.headers });
      await this.followRenewedTrust(previousTrust, response, userId, request.headers);
      const deviceCookie = await notifier.signedIn(userId, request.headers);
      if (deviceCookie) return withSetCookie(response, deviceCookie);
    }
    return response;
  }

  /**
   * `POST /api/auth/sign-up/email` through Better Auth: only `name`, `email` and `password`
   * (`SignUpRequest`; any other field is refused, 422 `validation` naming it; the password by the
   * password policy, as at a change or a reset), at most
   * `sign-up-ip` attempts per client address. The session it opens is the account's first
   * sign-in: recorded in the login activity, its device registered as known (no alert, it is the
   * first) with the `dn-device` cookie. A refused sign-up (an address already taken, a short
   * password) is Better Auth's own answer and records nothing.
   */
  async signUpWithEmail(request: Request): Promise<Response> {
    try {
      // Every attempt counts: each one that succeeds is a new account.
      await this.guards.limits.take('sign-up-ip', clientIp(request.headers) || 'unknown');
    } catch (error) {
      if (error instanceof HttpProblem) return error.toResponse();
      throw error;
    }
    // Not JSON: Better Auth's route refuses it (415, `auth-routes.ts`).
    if (!/^application\/json\s*(?:;|$)/i.test(request.headers.get('content-type') ?? '')) return engineRateLimit(await this.auth.handler(request));
    let sent: unknown;
    try {
      sent = JSON.parse(await request.text());
    } catch {
      sent = null;
    }
    if (!sent || typeof sent !== 'object' || Array.isArray(sent)) {
      return new HttpProblem(400, 'bad-request', 'Not accepted', 'Send the name, email and password as a JSON object.').toResponse();
    }
    const extra = Object.keys(sent).filter((key) => !SIGN_UP_FIELDS.has(key));
    if (extra.length) {
      return fieldProblem(
        422,
        'validation',
        'Some fields need attention',
        extra.map((field) => ({ field, message: 'Not accepted at sign-up: only the name, email and password are.', code: 'unrecognized_keys' })),
      ).toResponse();
    }
    const parsed = SignUpRequest.safeParse(sent);
    if (!parsed.success) return validationProblem(parsed.error.issues).toResponse();
    try {
      // The policy every new password meets (a change, a reset); Better Auth checks only its length.
      checkNewPassword(parsed.data.password, 'password');
    } catch (error) {
      if (error instanceof HttpProblem) return error.toResponse();
      throw error;
    }
    const headers = new Headers(request.headers);
    headers.delete('content-length');
    const engineAnswer = await engineRateLimit(await this.auth.handler(new Request(request.url, { method: 'POST', headers, body: JSON.stringify(parsed.data) })));
    if (!engineAnswer.ok) return engineAnswer;
    const read = await readJsonAnswer(engineAnswer);
    const userId = (read.json as { user?: { id?: unknown } } | null)?.user?.id;
    const sessionCookie = (await this.auth.$context).authCookies.sessionToken.name;
    if (typeof userId !== 'string' || !setCookies(read.response).get(sessionCookie)) return read.response;
    await this.recordAttempt({ userId, success: true, failureReason: null, headers: request.headers });
    const deviceCookie = await this.guards.notifier.signedIn(userId, request.headers);
    return deviceCookie ? withSetCookie(read.response, deviceCookie) : read.response;
  }

  /**
   * A trusted device skipped the second factor: the two-factor plugin replaced its trust record
   * (a new identifier in a new cookie), and the device's row follows it. True when it did.
   */
  private async followRenewedTrust(previousTrust: string | null, response: Response, userId: string, headers: Headers): Promise<boolean> {
    const renewed = trustIdentifier(setCookies(response).get(await this.cookieName('trust_device')));
    if (!previousTrust || !renewed || renewed === previousTrust) return false;
    const at = this.now();
    await this.db
      .updateTable('dn_trusted_device')
      .set({ identifier: renewed, last_used_at: at, expires_at: new Date(at.getTime() + TRUST_MS), user_agent: headers.get('user-agent'), ip: clientIp(headers) })
      .where('identifier', '=', previousTrust)
      .where('user_id', '=', userId)
      .execute();
    return true;
  }

  /**
   * `/api/auth/callback/<provider>` through Better Auth. When it signed someone in (it set a session
   * cookie; linking an account to the signed-in user sets none), the sign-in is recorded like one
   * by password and the device told to the notifier: a new one is alerted, and gets its cookie.
   * A user with 2FA on gets no session here: the two-factor plugin's guard runs after the callback
   * (`provider-two-factor.ts`) and sends the browser to the code step, which records the attempt
   * and tells the notifier once the code is right (`verify`), as after a password. Only a trusted
   * device passes it, and its row follows the renewed trust record.
   */
  async socialCallback(request: Request): Promise<Response> {
    const previousTrust = trustIdentifier(requestCookie(request.headers, await this.cookieName('trust_device')));
    const response = await engineRateLimit(await this.auth.handler(request));
    const sessionCookie = (await this.auth.$context).authCookies.sessionToken.name;
    const value = setCookies(response).get(sessionCookie);
    if (!value) return response;
    const signed = await this.auth.api.getSession({ headers: new Headers({ cookie: `${sessionCookie}=${value}` }) });
    if (!signed) return response;
    const userId = signed.user.id;
    const trusted = await this.followRenewedTrust(previousTrust, response, userId, request.headers);
    if ((signed.user as { twoFactorEnabled?: boolean | null }).twoFactorEnabled && !trusted) return this.refuseWithoutSecondFactor(response, signed.session.token, userId, request);
    await this.recordAttempt({ userId, success: true, failureReason: null, headers: request.headers });
    const deviceCookie = await this.guards.notifier.signedIn(userId, request.headers);
    if (!deviceCookie) return response;
    return withSetCookie(response, deviceCookie);
  }

  /**
   * A session for a user with 2FA on that neither the second factor nor a trusted device let
   * through: the guard above did not run (it should always). Fails closed: the session is
   * deleted, its cookies are not passed on, the attempt is recorded as failed and the browser
   * goes back with `error=two_factor_required`.
   */
  private async refuseWithoutSecondFactor(response: Response, token: string, userId: string, request: Request): Promise<Response> {
    await this.db.deleteFrom('session').where('token', '=', token).execute();
    await this.recordAttempt({ userId, success: false, failureReason: 'two-factor-required', headers: request.headers });
    const { sessionToken, sessionData } = (await this.auth.$context).authCookies;
    const dropped = new Set([sessionToken.name, sessionData.name]);
    const headers = new Headers();
    for (const line of response.headers.getSetCookie()) {
      if (!dropped.has(line.slice(0, line.indexOf('=')))) headers.append('Set-Cookie', line);
    }
    const location = new URL(response.headers.get('Location') ?? '/', request.url);
    location.searchParams.set('error', 'two_factor_required');
    headers.set('Location', location.toString());
    headers.set('Cache-Control', 'no-store');
    return new Response(null, { status: 302, headers });
  }

  /** `POST /two-factor/challenge`: the code goes to the two-factor plugin's own verification. */
  async verify(body: TwoFactorChallengeRequest, request: Request, responseHeaders: Headers): Promise<TwoFactorChallengeResult> {
    const expired = (): HttpProblem => new HttpProblem(410, 'challenge-expired', 'Sign-in expired', 'This sign-in has expired. Sign in again.');
    const wrongCode = (): HttpProblem => fieldProblem(422, 'invalid-code', 'Wrong code', [{ field: 'code', message: 'That code is not correct.', code: 'invalid-code' }]);
    const identifier = unsigned(body.challengeId);
    const challenge = await this.db.selectFrom('verification').select(['value', 'expiresAt']).where('identifier', '=', identifier).executeTakeFirst();
    if (!challenge || new Date(challenge.expiresAt) <= this.now()) throw expired();
    const userId = challenge.value;
    // Every attempt counts until it succeeds; past the limit, 429 with Retry-After before the code is looked at.
    await this.guards.limits.take('two-factor-challenge', userId);

    if (body.method === 'totp') {
      const row = await this.db.selectFrom('twoFactor').select('secret').where('userId', '=', userId).executeTakeFirst();
      const step = row && /^\d{6}$/.test(body.code) ? await matchTotpStep(await decryptSecret(this.auth, row.secret), body.code) : null;
      // A code already used is refused before the plugin sees it (RFC 6238 §5.2); a wrong one goes to the plugin, which counts it.
      if (step !== null && !(await acceptTotpStep(this.db, userId, step))) {
        await this.recordAttempt({ userId, success: false, failureReason: 'wrong-2fa-code', headers: request.headers });
        throw fieldProblem(422, 'code-reused', 'Code already used', [{ field: 'code', message: 'This code was already used. Wait for the next one.', code: 'code-reused' }]);
      }
    }

    const headers = new Headers({ cookie: `${await this.cookieName('two_factor')}=${body.challengeId}` });
    for (const name of ['user-agent', 'x-forwarded-for', 'x-real-ip']) {
      const value = request.headers.get(name);
      if (value) headers.set(name, value);
    }
    const input = { body: { code: body.code, trustDevice: body.trustDevice }, headers, asResponse: true } as const;
    const answer = body.method === 'totp' ? await this.auth.api.verifyTOTP(input) : await this.auth.api.verifyBackupCode(input);
    if (!answer.ok) {
      const problem = (await answer.json().catch(() => ({}))) as { code?: string };
      if (problem.code === 'INVALID_CODE' || problem.code === 'INVALID_BACKUP_CODE') {
        await this.recordAttempt({ userId, success: false, failureReason: 'wrong-2fa-code', headers: request.headers });
        throw wrongCode();
      }
      if (problem.code === 'ACCOUNT_TEMPORARILY_LOCKED') {
        await this.recordAttempt({ userId, success: false, failureReason: 'locked', headers: request.headers });
        // The plugin's account lock: wait until it ends (its default is 15 minutes).
        const lock = await this.db.selectFrom('twoFactor').select('lockedUntil').where('userId', '=', userId).executeTakeFirst();
        const until = lock?.lockedUntil ? new Date(lock.lockedUntil).getTime() : Number.NaN;
        throw rateLimited(Number.isFinite(until) ? Math.max(1, Math.ceil((until - Date.now()) / 1000)) : 900);
      }
      throw expired();
    }
    const cookies = answer.headers.getSetCookie();
    for (const line of cookies) responseHeaders.append('Set-Cookie', line);
    await this.guards.limits.giveBack('two-factor-challenge', userId);
    // Where a provider's sign-in was to lead was read by the page before the code; the sign-in is done.
    await this.db.deleteFrom('verification').where('identifier', '=', `${NEXT_PREFIX}${identifier}`).execute();
    await this.recordAttempt({ userId, success: true, failureReason: null, headers: request.headers });
    const deviceCookie = await this.guards.notifier.signedIn(userId, request.headers);
    if (deviceCookie) responseHeaders.append('Set-Cookie', deviceCookie);

    let trustedDevice: TrustedDevice | null = null;
    const trusted = trustIdentifier(setCookies(answer).get(await this.cookieName('trust_device')));
    if (body.trustDevice && trusted) {
      const at = this.now();
      const row = {
        id: randomUUID(),
        user_id: userId,
        identifier: trusted,
        user_agent: request.headers.get('user-agent'),
        ip: clientIp(request.headers),
        trusted_at: at,
        last_used_at: at,
        expires_at: new Date(at.getTime() + TRUST_MS),
      };
      await this.db.insertInto('dn_trusted_device').values(row).execute();
      trustedDevice = { ...describeTrustedDevice(row), current: true };
    }
    return {
      verifiedAt: this.now().toISOString(),
      trustedDevice,
      backupCodesRemaining: body.method === 'backup' ? await backupCodesRemaining(this.auth, this.db, userId) : null,
    };
  }
}

export function describeTrustedDevice(row: { id: string; user_agent: string | null; ip: string; trusted_at: Date | string; last_used_at: Date | string; expires_at: Date | string }): Omit<TrustedDevice, 'current'> {
  return {
    id: row.id,
    ...describeUserAgent(row.user_agent),
    ip: row.ip,
    location: null,
    trustedAt: new Date(row.trusted_at).toISOString(),
    lastUsedAt: new Date(row.last_used_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

/** The trust record the request's trust cookie names, if any (to mark the current device). */
export async function currentTrustIdentifier(auth: Auth, headers: Headers): Promise<string | null> {
  return trustIdentifier(requestCookie(headers, (await auth.$context).createAuthCookie('trust_device').name));
}
