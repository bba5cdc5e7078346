/**
 * The second factor after a provider's sign-in (Google, Microsoft, GitHub): Better Auth's
 * two-factor plugin guards only its credential sign-ins (`/sign-in/email` and the like), so a
 * provider's callback would otherwise hand a user with 2FA on a full session. This plugin runs
 * the two-factor plugin's own guard after the callback too — the very hook it runs after
 * `/sign-in/email`: with 2FA on and no trusted device, it deletes the session the callback made,
 * expires its cookies, stores the pending sign-in as a verification record (with its attempt
 * counter) and sets its signed `two_factor` cookie; a trusted device (its `trust_device` cookie)
 * passes and has its trust renewed. So the code step (`POST /api/account/two-factor/challenge`,
 * which hands the code to the plugin's verification), the attempt limit, the account lock and
 * "trust this device" work as after a password.
 *
 * Where the credential sign-in answers `{ twoFactorRedirect: true }`, the callback is a browser
 * navigation: it goes on to the host's sign-in page with `?two-factor=required` (`signInUrl`),
 * nothing secret in the address. That page asks `POST /api/auth/two-factor/pending` for the
 * pending sign-in's `challengeId` (the same value the email sign-in answers with, read from the
 * HttpOnly cookie the browser sends) and shows the code step. Where the provider's sign-in would
 * have led (its `callbackURL`) is kept beside the pending sign-in, server-side, when it is a path
 * on the sign-in page's own origin (`returnPath`), and answered there as `callbackURL`: the page
 * goes on to it once the code is right.
 */
import type { BetterAuthPlugin } from 'better-auth';
import { createAuthEndpoint, createAuthMiddleware } from 'better-auth/api';
import type { twoFactor } from 'better-auth/plugins/two-factor';
import { answer as problemAnswer, foreignOrigin } from './passkey-sign-in.js';
import { HttpProblem } from './problem.js';

/** The query flag on the sign-in page's address: the provider accepted the user, the code is next. */
export const SECOND_FACTOR_FLAG = { name: 'two-factor', value: 'required' } as const;

/** The two-factor plugin's cookie that names the pending sign-in (Better Auth's prefix in front). */
const TWO_FACTOR_COOKIE = 'two_factor';

/** Better Auth's OAuth callback, where a social provider's sign-in ends. */
const CALLBACK_PATH = '/callback/:id';

/** Beside a pending sign-in `2fa-…`, the verification record `dn-2fa-next-2fa-…` holds where it goes next. */
export const NEXT_PREFIX = 'dn-2fa-next-';

/** Longer return addresses are not kept. */
const RETURN_PATH_MAX = 2048;

/**
 * Where the sign-in page may go once the code is right: `location` (where the provider's sign-in
 * would have led, resolved against `base`, the server's address) as a path with its query and
 * fragment (`/settings?tab=security`), when it is an http(s) address on `pageOrigin`, the sign-in
 * page's own origin, with no credentials in it; never a path a browser reads as another host
 * (`//host`, `/\host`). Null for anything else (another origin, `javascript:`, `data:`…).
 */
export function returnPath(location: string | null | undefined, base: string, pageOrigin: string): string | null {
  if (!location || location.length > RETURN_PATH_MAX) return null;
  let url: URL;
  try {
    url = new URL(location, base);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== pageOrigin || url.username || url.password) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : null;
}

/** The value of the signed cookie `name` set in `headers` (`value.signature`, URL-encoded), without its signature. */
function signedCookieValue(headers: Headers, name: string): string | null {
  let found: string | null = null;
  for (const line of headers.getSetCookie()) {
    const pair = line.split(';')[0] ?? '';
    const at = pair.indexOf('=');
    const value = pair.slice(at + 1).trim();
    if (at > 0 && pair.slice(0, at).trim() === name && value) {
      const decoded = decodeURIComponent(value);
      const dot = decoded.lastIndexOf('.');
      found = dot > 0 ? decoded.slice(0, dot) : decoded;
    }
  }
  return found;
}

/** The sign-in page's address with the flag. */
export function secondFactorPage(signInUrl: string): string {
  const page = new URL(signInUrl);
  page.searchParams.set(SECOND_FACTOR_FLAG.name, SECOND_FACTOR_FLAG.value);
  return page.toString();
}

export function providerTwoFactor(plugin: ReturnType<typeof twoFactor>, options: { signInUrl: string }) {
  // The plugin's guard of its credential sign-ins, found by what it matches.
  const guard = plugin.hooks.after.find((hook) => hook.matcher({ path: '/sign-in/email' } as Parameters<typeof hook.matcher>[0]));
  if (!guard) throw new Error('the two-factor plugin has no sign-in guard to run after a provider');
  const afterCallback = (context: { path?: string | undefined }): boolean => context.path === CALLBACK_PATH;
  const secondFactorUrl = secondFactorPage(options.signInUrl);
  const pageOrigin = new URL(options.signInUrl).origin;

  return {
    id: 'dn-provider-two-factor',
    hooks: {
      after: [
        { matcher: afterCallback, handler: guard.handler },
        {
          matcher: afterCallback,
          // The guard answered as after a password: the browser goes to the code step instead.
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned as { twoFactorRedirect?: unknown } | null | undefined;
            if (returned && typeof returned === 'object' && returned.twoFactorRedirect === true) {
              // The callback's own redirect (still in the answer's headers: the guard replaced only
              // its body), kept beside the pending sign-in the guard just made (named by the signed
              // cookie it set) until that one expires; nothing when it is no path of the sign-in page's origin.
              const headers = ctx.context.responseHeaders;
              const next = returnPath(headers?.get('location'), ctx.context.baseURL, pageOrigin);
              const cookie = ctx.context.createAuthCookie(TWO_FACTOR_COOKIE).name;
              const identifier = next && headers ? signedCookieValue(headers, cookie) : null;
              const pending = identifier ? await ctx.context.internalAdapter.findVerificationValue(identifier) : null;
              if (next && identifier && pending) {
                await ctx.context.internalAdapter.createVerificationValue({ identifier: `${NEXT_PREFIX}${identifier}`, value: next, expiresAt: new Date(pending.expiresAt) });
              }
              ctx.setHeader('Cache-Control', 'no-store');
              throw ctx.redirect(secondFactorUrl);
            }
          }),
        },
      ],
    },
    endpoints: {
      /**
       * `POST /api/auth/two-factor/pending`: the browser's pending sign-in, as the email sign-in
       * answers it (`{ twoFactorRedirect: true, challengeId }`) and `callbackURL` (the path to go
       * to after the code, or null), when its signed cookie names a record that is still valid;
       * 410 `challenge-expired` otherwise. Only a page of this site
       * may ask (403 otherwise): the id is what the code step sends.
       */
      pendingTwoFactor: createAuthEndpoint('/two-factor/pending', { method: 'POST' }, async (ctx) => {
        const forbidden = foreignOrigin(ctx);
        if (forbidden) return problemAnswer(ctx, forbidden);
        ctx.setHeader('Cache-Control', 'no-store');
        const cookie = ctx.context.createAuthCookie(TWO_FACTOR_COOKIE);
        const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
        const record = identifier ? await ctx.context.internalAdapter.findVerificationValue(identifier) : null;
        const signed = ctx.getCookie(cookie.name);
        if (!record || !signed || new Date(record.expiresAt).getTime() <= Date.now()) {
          return problemAnswer(ctx, new HttpProblem(410, 'challenge-expired', 'Sign-in expired', 'This sign-in has expired. Sign in again.'));
        }
        // Where the provider's sign-in was to lead, checked again as it leaves; null when none was kept.
        const next = await ctx.context.internalAdapter.findVerificationValue(`${NEXT_PREFIX}${identifier}`);
        const callbackURL = next && new Date(next.expiresAt).getTime() > Date.now() ? returnPath(next.value, pageOrigin, pageOrigin) : null;
        return ctx.json({ twoFactorRedirect: true, challengeId: encodeURIComponent(signed), callbackURL });
      }),
    },
  } satisfies BetterAuthPlugin;
}
