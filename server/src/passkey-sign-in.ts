/**
 * Sign-in with a passkey: a Better Auth plugin, so the session is made and its cookie set by
 * Better Auth itself (`internalAdapter.createSession`, `setSessionCookie`) and its origin check
 * guards both endpoints like every other `/api/auth` route; both also refuse (403) a request
 * whose Origin is missing or not trusted.
 *
 * - `POST /api/auth/passkey/sign-in/options`: authentication options for discoverable
 *   credentials (no `allowCredentials`, user verification required). The challenge is stored
 *   as its SHA-256 in `dn_passkey_sign_in` (migration `0011_passkey_sign_in`), expires after
 *   5 minutes and is bound to the browser that asked by a random id in a short-lived HttpOnly,
 *   SameSite=Lax cookie (kept hashed too), never in a URL.
 * - `POST /api/auth/passkey/sign-in`: the `AuthenticationResponseJSON`, verified by
 *   SimpleWebAuthn against the passkey its credential id names, with the relying party of the
 *   passkeys feature; the challenge is used up by the first response that names it. Then the
 *   counter moves forward (the same conditional update as "Confirm it's you"), the session is
 *   made, the passkey becomes the session's current one, the attempt is recorded and a new
 *   device is told (`Notifier.signedIn`). A passkey with user verification is both factors:
 *   no two-factor step follows.
 *
 * Refusals are problem details: 422 `invalid-credentials`, 410 `challenge-expired`, 429
 * `rate-limited` (the `sign-in-ip` rule, failures only). Each attempt at a known account is in
 * its sign-in history.
 */
import { randomBytes } from 'node:crypto';
import { generateAuthenticationOptions, verifyAuthenticationResponse, type AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { BetterAuthPlugin } from 'better-auth';
import { createAuthEndpoint } from 'better-auth/api';
import { setSessionCookie } from 'better-auth/cookies';
import type { Kysely } from 'kysely';
import { AuthenticationResponse } from '../../src/api/contract/passkeys.js';
import { clientIp } from './device.js';
import type { Notifier } from './notify.js';
import {
  CEREMONY_TIMEOUT_MS,
  challengeExpired,
  challengeOf,
  CHALLENGE_VALID_MS,
  COUNTER_WENT_BACK,
  recordUse,
  refused,
  sha256,
  transportsOf,
  userHandle,
  type PasskeyOptions,
} from './passkeys.js';
import { HttpProblem } from './problem.js';
import type { RateLimiter } from './rate-limit.js';
import type { Database } from './schema.js';
import type { AttemptRecord } from './sign-in.js';

export interface PasskeySignInTable {
  challenge_hash: string;
  /** SHA-256 of the random id in the browser's challenge cookie. */
  browser_hash: string;
  expires_at: Date | string;
}

declare module './schema.js' {
  interface Database {
    dn_passkey_sign_in: PasskeySignInTable;
  }
}

/** What the endpoints need from the server; it exists only after Better Auth does, so it is bound later. */
export interface PasskeySignInDeps {
  db: Kysely<Database>;
  relyingParty: Omit<PasskeyOptions, 'limits'>;
  limits: RateLimiter;
  notifier: Notifier;
  recordAttempt: (attempt: AttemptRecord) => Promise<void>;
  now: () => Date;
}

/** Filled by `createAccountServer` once the database, the limits and the notifier exist. */
export class PasskeySignInBinding {
  #deps: PasskeySignInDeps | undefined;
  bind(deps: PasskeySignInDeps): void {
    this.#deps = deps;
  }
  get deps(): PasskeySignInDeps {
    if (!this.#deps) throw new Error('passkey sign-in used before the server was set up');
    return this.#deps;
  }
}

/** The cookie that binds a sign-in challenge to the browser that asked for it (Better Auth's prefix in front). */
const COOKIE = 'passkey_sign_in';
const COOKIE_MAX_AGE = CHALLENGE_VALID_MS / 1000;

type Outcome = 'ok' | 'unknown' | 'expired';

/**
 * The problem's response. Better Auth copies the headers the endpoint set onto it (the challenge
 * cookie's removal, and its JSON content type, which is set to problem+json here first).
 */
export function answer(ctx: { setHeader: (name: string, value: string) => void }, problem: HttpProblem): Response {
  ctx.setHeader('Content-Type', 'application/problem+json');
  ctx.setHeader('Cache-Control', 'no-store');
  return problem.toResponse();
}

/**
 * The page that posts must be on a trusted origin (the server's or `TRUSTED_ORIGINS`), whether
 * or not the browser sends a cookie: Better Auth's own check does the same for requests with
 * cookies, but skips itself under a test runner; this one always runs, so the tests see it.
 */
export function foreignOrigin(ctx: { request?: Request | undefined; context: { isTrustedOrigin: (url: string, settings?: { allowRelativePaths: boolean }) => boolean } }): HttpProblem | null {
  const origin = ctx.request?.headers.get('origin');
  if (!ctx.request || (origin && origin !== 'null' && ctx.context.isTrustedOrigin(origin, { allowRelativePaths: false }))) return null;
  return new HttpProblem(403, 'csrf-failed', 'Request refused', 'This request did not come from a page of this site.');
}

export function passkeySignIn(binding: PasskeySignInBinding) {
  return {
    id: 'dn-passkey-sign-in',
    endpoints: {
      passkeySignInOptions: createAuthEndpoint('/passkey/sign-in/options', { method: 'POST' }, async (ctx) => {
        const forbidden = foreignOrigin(ctx);
        if (forbidden) return answer(ctx, forbidden);
        const { db, relyingParty, now } = binding.deps;
        const options = await generateAuthenticationOptions({ rpID: relyingParty.rpId, timeout: CEREMONY_TIMEOUT_MS, userVerification: 'required' });
        const browser = randomBytes(32).toString('base64url');
        const at = now();
        await db.deleteFrom('dn_passkey_sign_in').where('expires_at', '<=', at).execute();
        await db
          .insertInto('dn_passkey_sign_in')
          .values({ challenge_hash: sha256(options.challenge), browser_hash: sha256(browser), expires_at: new Date(at.getTime() + CHALLENGE_VALID_MS) })
          .execute();
        const cookie = ctx.context.createAuthCookie(COOKIE, { maxAge: COOKIE_MAX_AGE });
        ctx.setCookie(cookie.name, browser, { ...cookie.attributes, httpOnly: true, sameSite: 'lax', maxAge: COOKIE_MAX_AGE });
        ctx.setHeader('Cache-Control', 'no-store');
        return ctx.json(options);
      }),

      passkeySignIn: createAuthEndpoint('/passkey/sign-in', { method: 'POST' }, async (ctx) => {
        const forbidden = foreignOrigin(ctx);
        if (forbidden) return answer(ctx, forbidden);
        const { db, relyingParty, limits, notifier, recordAttempt, now } = binding.deps;
        const headers = ctx.request?.headers ?? ctx.headers ?? new Headers();
        const cookie = ctx.context.createAuthCookie(COOKIE, { maxAge: COOKIE_MAX_AGE });
        const browser = ctx.getCookie(cookie.name);
        // The cookie serves one attempt, whatever its outcome.
        ctx.setCookie(cookie.name, '', { ...cookie.attributes, maxAge: 0 });

        const parsed = AuthenticationResponse.safeParse(ctx.body);
        if (!parsed.success) return answer(ctx, refused('This is not a passkey assertion.'));
        const credential = parsed.data;

        /** Uses up the challenge if this browser asked for it. One `DELETE … RETURNING`: two responses cannot both pass. */
        async function consume(challenge: string): Promise<Outcome> {
          if (!browser) return 'unknown';
          const row = await db
            .deleteFrom('dn_passkey_sign_in')
            .where('challenge_hash', '=', sha256(challenge))
            .where('browser_hash', '=', sha256(browser))
            .returning('expires_at')
            .executeTakeFirst();
          if (!row) return 'unknown';
          return new Date(row.expires_at).getTime() <= now().getTime() ? 'expired' : 'ok';
        }

        const row = await db.selectFrom('dn_passkey').selectAll().where('credential_id', '=', credential.rawId).executeTakeFirst();
        const fail = async (problem: HttpProblem, reason: string): Promise<Response> => {
          if (row) await recordAttempt({ userId: row.user_id, success: false, failureReason: reason, headers });
          return answer(ctx, problem);
        };

        // Taken before the assertion is checked, given back when it verifies: only failures count.
        const ip = clientIp(headers) || 'unknown';
        try {
          await limits.take('sign-in-ip', ip);
        } catch (error) {
          if (error instanceof HttpProblem) return fail(error, 'blocked');
          throw error;
        }

        if (!row) {
          // The challenge it names is used up all the same.
          const challenge = challengeOf(credential.response.clientDataJSON);
          if (challenge) await consume(challenge);
          return answer(ctx, refused('This passkey is not registered here.'));
        }
        if (credential.response.userHandle && credential.response.userHandle !== userHandle(row.user_id)) {
          const challenge = challengeOf(credential.response.clientDataJSON);
          if (challenge) await consume(challenge);
          return fail(refused('This passkey belongs to another account.'), 'wrong-passkey');
        }

        let outcome: Outcome | undefined;
        let info: { newCounter: number; credentialBackedUp: boolean };
        try {
          const result = await verifyAuthenticationResponse({
            response: credential as AuthenticationResponseJSON,
            expectedChallenge: async (value: string) => (outcome = await consume(value)) === 'ok',
            expectedOrigin: relyingParty.origins,
            expectedRPID: relyingParty.rpId,
            credential: { id: row.credential_id, publicKey: new Uint8Array(Buffer.from(row.public_key, 'base64url')), counter: Number(row.counter), transports: transportsOf(row) },
            requireUserVerification: true,
          });
          if (!result.verified) return fail(refused('The signature does not verify.'), 'wrong-passkey');
          info = result.authenticationInfo;
        } catch (error) {
          if (outcome === 'expired') return fail(challengeExpired(), 'challenge-expired');
          if (outcome === 'unknown') return fail(refused('The challenge is unknown or was already used.'), 'wrong-passkey');
          return fail(refused(error instanceof Error ? error.message : 'The credential does not verify.'), 'wrong-passkey');
        }
        if (!(await recordUse(db, row.id, info, now()))) return fail(refused(COUNTER_WENT_BACK), 'wrong-passkey');

        const user = await ctx.context.internalAdapter.findUserById(row.user_id);
        if (!user) return answer(ctx, refused('This passkey is not registered here.'));
        await limits.giveBack('sign-in-ip', ip);
        const session = await ctx.context.internalAdapter.createSession(user.id);
        if (!session) return answer(ctx, new HttpProblem(500, 'internal', 'Sign-in failed', 'The session could not be created. Try again.'));
        await setSessionCookie(ctx, { session, user });
        await db
          .insertInto('dn_session_passkey')
          .values({ session_id: session.id, passkey_id: row.id })
          .onConflict((oc) => oc.column('session_id').doUpdateSet({ passkey_id: row.id }))
          .execute();
        await recordAttempt({ userId: user.id, success: true, failureReason: null, headers });
        const deviceCookie = await notifier.signedIn(user.id, headers);
        const response = new Response(JSON.stringify({ user: { id: user.id, email: user.email, name: user.name } }), {
          status: 200,
          headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
        });
        if (deviceCookie) response.headers.append('Set-Cookie', deviceCookie);
        return response;
      }),
    },
  } satisfies BetterAuthPlugin;
}

