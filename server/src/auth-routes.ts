/**
 * Which of Better Auth's endpoints a browser may call (`/api/auth/*`). The engine and its
 * two-factor plugin bring endpoints that change security state on their own — finish the code
 * step (`/two-factor/verify-totp`, `/verify-backup-code`, `/verify-otp`), turn 2FA on or off,
 * show the TOTP key, change the password, the email or the profile, unlink a provider, revoke
 * sessions, delete the user — without what the contract does around the same change: the login
 * activity and the new-device alert, the TOTP replay check, a trusted device's row the user can
 * see and revoke, the re-authentication window, the server's rate limits, the notices, the
 * contract's validation. Each of those has its contract endpoint under `/api/account` (which calls
 * the engine in-process, where this list does not apply), so over HTTP only the routes below
 * answer; any other is `404 not-found` as problem+json. The list is checked against the route the
 * engine's router resolved (`ctx.path`), so no spelling of an address reaches another endpoint,
 * and an endpoint a later version of the engine or a plugin adds stays closed until it is added
 * here.
 */
import type { BetterAuthPlugin } from 'better-auth';
import { createAuthMiddleware } from 'better-auth/api';
import type { Kysely } from 'kysely';
import { answer as problemAnswer } from './passkey-sign-in.js';
import { HttpProblem } from './problem.js';
import type { Database } from './schema.js';

/** Better Auth's routes served over HTTP, each with why it may be. */
export const SERVED_AUTH_ROUTES: Readonly<Record<string, string>> = {
  '/sign-in/email': 'recorded, rate-limited and answered with the 2FA challenge by the sign-in flow (sign-in.ts)',
  '/sign-in/social': 'starts a provider’s sign-in (its ID-token form is refused); its callback is the one below',
  '/callback/:id': 'recorded, alerted and put through the two-factor guard (sign-in.ts, provider-two-factor.ts)',
  '/sign-up/email': 'creates an account (the contract has no sign-up of its own): name, email and password only, rate-limited, its first sign-in recorded (sign-in.ts)',
  '/sign-out': 'ends the browser’s own session',
  '/get-session': 'who is signed in (read only, without the token)',
  '/list-sessions': 'the user’s sessions (read only, without the tokens)',
  '/passkey/sign-in/options': 'sign-in with a passkey: recorded and alerted (passkey-sign-in.ts)',
  '/passkey/sign-in': 'sign-in with a passkey: recorded and alerted (passkey-sign-in.ts)',
  '/two-factor/pending': 'a provider’s pending sign-in for the code step (provider-two-factor.ts)',
  '/ok': 'health check',
  '/error': 'the engine’s error page, where a failed provider sign-in without its own error address lands',
};

const notServed = (): HttpProblem => new HttpProblem(404, 'not-found', 'Not found', 'No such endpoint.');

/** A request the router handed to the engine (an in-process `auth.api` call has none). */
const overHttp = (ctx: { request?: Request | undefined }): boolean => ctx.request !== undefined;

export function servedAuthRoutes() {
  return {
    id: 'dn-served-auth-routes',
    hooks: {
      before: [
        {
          matcher: (ctx) => overHttp(ctx) && !Object.hasOwn(SERVED_AUTH_ROUTES, ctx.path ?? ''),
          handler: createAuthMiddleware(async (ctx) => problemAnswer(ctx, notServed())),
        },
        {
          // The engine takes these as a form too; the sign-in flow reads the address tried from JSON
          // (its limits per account and its record of a failure), so a form would pass uncounted.
          matcher: (ctx) => overHttp(ctx) && (ctx.path === '/sign-in/email' || ctx.path === '/sign-up/email'),
          handler: createAuthMiddleware(async (ctx) => {
            if (/^application\/json\s*(?:;|$)/i.test(ctx.request?.headers.get('content-type') ?? '')) return undefined;
            return problemAnswer(ctx, new HttpProblem(415, 'unsupported-media-type', 'Unsupported media type', 'Send the request as application/json.'));
          }),
        },
        {
          // A provider's ID token posted by the page signs in at once, past the callback and so
          // past the two-factor guard, the login activity and the new-device alert: only the
          // provider's own page (its redirect to the callback) signs in.
          matcher: (ctx) => overHttp(ctx) && ctx.path === '/sign-in/social',
          handler: createAuthMiddleware(async (ctx) => {
            const body = ctx.body as { idToken?: unknown } | null | undefined;
            if (body && typeof body === 'object' && body.idToken !== undefined) {
              return problemAnswer(ctx, new HttpProblem(400, 'bad-request', 'Not accepted', 'Sign in on the provider’s page; an ID token is not accepted here.'));
            }
            return undefined;
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}

/**
 * A device passes the second factor only on a trust the user can see and revoke: one with its row
 * in `dn_trusted_device`, made by the code step (`sign-in.ts`) and followed there each time the
 * two-factor plugin renews it. A trust record of the plugin without a row (one its own
 * `verify-totp` made before that endpoint was closed, or left by a failure between the two
 * writes) is deleted when its cookie comes back to a sign-in, before the plugin's guard reads it,
 * so the guard asks for the code.
 */
export function listedTrustOnly(db: Kysely<Database>) {
  return {
    id: 'dn-listed-trust-only',
    hooks: {
      before: [
        {
          // Where the two-factor plugin's guard consults the trust cookie: the password sign-in and a provider's callback.
          matcher: (ctx) => overHttp(ctx) && (ctx.path === '/sign-in/email' || ctx.path === '/callback/:id'),
          handler: createAuthMiddleware(async (ctx) => {
            const cookie = ctx.context.createAuthCookie('trust_device');
            const value = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
            const identifier = typeof value === 'string' ? value.split('!')[1] : undefined;
            if (!identifier) return undefined;
            const listed = await db.selectFrom('dn_trusted_device').select('id').where('identifier', '=', identifier).executeTakeFirst();
            if (!listed) await db.deleteFrom('verification').where('identifier', '=', identifier).execute();
            return undefined;
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
