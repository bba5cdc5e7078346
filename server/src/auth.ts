/**
 * Better Auth: email + password (its own password hashing), sessions in the database behind
 * an HttpOnly cookie, and its two-factor plugin (TOTP, backup codes, devices trusted for 30
 * days; its guard runs after a provider's sign-in too, `provider-two-factor.ts`). The account API
 * asks it who is signed in and lets it change passwords and end sessions; nothing here hashes or
 * signs anything by hand.
 */
import { betterAuth } from 'better-auth';
import { twoFactor } from 'better-auth/plugins/two-factor';
import type { Kysely } from 'kysely';
import { PASSWORD_RESET_VALID_MINUTES, TRUSTED_DEVICE_DAYS } from '../../src/api/contract/constants.js';
import { listedTrustOnly, servedAuthRoutes } from './auth-routes.js';
import { passkeySignIn, type PasskeySignInBinding } from './passkey-sign-in.js';
import { providerTwoFactor } from './provider-two-factor.js';
import type { ProvidersConfig } from './providers.js';
import type { Database } from './schema.js';

export const ISSUER = 'DialNexa';

export interface AuthOptions {
  db: Kysely<Database>;
  secret: string;
  /** The server's public origin, e.g. `http://localhost:8787`. */
  baseUrl: string;
  /** Origins whose pages may call the auth routes with cookies (the demo's dev server). */
  trustedOrigins?: string[] | undefined;
  /** Development: cookies without `Secure`, no rate limits. */
  development: boolean;
  /** Better Auth's `sendResetPassword`: writes the reset link to the outbox. */
  sendResetPassword: (data: { user: { email: string }; token: string }) => Promise<void>;
  /** Google, Microsoft, GitHub: linked to the signed-in user from the connected accounts. */
  socialProviders?: ProvidersConfig | undefined;
  /** Sign-in with a passkey (`passkey-sign-in.ts`), bound to the server once it is set up. */
  passkeySignIn: PasskeySignInBinding;
  /** The host's sign-in page: a provider's sign-in that needs the second factor continues there (`provider-two-factor.ts`). */
  signInUrl: string;
}

export function createAuth(options: AuthOptions) {
  const secondFactor = twoFactor({ issuer: ISSUER, trustDeviceMaxAge: TRUSTED_DEVICE_DAYS * 24 * 60 * 60 });
  return betterAuth({
    appName: ISSUER,
    baseURL: options.baseUrl,
    basePath: '/api/auth',
    secret: options.secret,
    database: { db: options.db, type: 'postgres' },
    trustedOrigins: options.trustedOrigins ?? [],
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      // A reset link works for an hour, once, and signs every session out.
      resetPasswordTokenExpiresIn: PASSWORD_RESET_VALID_MINUTES * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: options.sendResetPassword,
    },
    // Reset tokens are kept as their SHA-256 only; the two-factor plugin's trust records stay plain (dn_trusted_device refers to them).
    verification: { storeIdentifier: { default: 'plain', overrides: { 'reset-password:': 'hashed' } } },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24, freshAge: 60 * 10 },
    advanced: {
      useSecureCookies: !options.development,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    rateLimit: { enabled: !options.development, storage: 'database' },
    telemetry: { enabled: false },
    socialProviders: options.socialProviders ?? {},
    // Linking happens only from a signed-in session (the state is bound to it), so the provider's
    // address may differ from the account's: a work GitHub on a personal sign-in is normal.
    account: {
      accountLinking: { enabled: true, allowDifferentEmails: true },
      // The provider account's address, shown in the connected accounts (filled by the providers' `getAccountFields`).
      additionalFields: { providerEmail: { type: 'string', required: false } },
    },
    // Over HTTP only the routes in SERVED_AUTH_ROUTES answer (the contract does the rest, with its checks);
    // only a trust the user can list skips the second factor; the two-factor plugin's guard runs
    // after a provider's sign-in too, not only after a password.
    plugins: [servedAuthRoutes(), listedTrustOnly(options.db), secondFactor, passkeySignIn(options.passkeySignIn), providerTwoFactor(secondFactor, { signInUrl: options.signInUrl })],
  });
}

export type Auth = ReturnType<typeof createAuth>;
