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
 * HttpOnly cookie the browser sends) and shows the code step.
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
       * answers it (`{ twoFactorRedirect: true, challengeId }`), when its signed cookie names a
       * record that is still valid; 410 `challenge-expired` otherwise. Only a page of this site
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
        return ctx.json({ twoFactorRedirect: true, challengeId: encodeURIComponent(signed) });
      }),
    },
  } satisfies BetterAuthPlugin;
}
