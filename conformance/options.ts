/** What a run of the kit is told: where the server is, how to sign in, what to check. */
import type { CheckResult } from './report.js';

/** Optional parts of the kit, each asked for with `--check <part>`. */
export const OPTIONAL_PARTS = {
  reauth: 'sensitive endpoints answer 403 `reauth-required` before `/reauth` (needs a test user whose last sign-in is older than the server’s re-authentication window)',
  'rate-limits': 'wrong sign-in 2FA codes end in 429 `rate-limited` with `Retry-After` (needs the `startTwoFactorChallenge` hook)',
  password: 'changes the test user’s password and changes it back; completes a password reset (with the `readToken` hook)',
  disconnect: 'disconnects a connected sign-in provider of the test user (it cannot be connected again without the provider)',
  'delete-account': 'deletes the test user at the end of the run (for a user created for the run)',
} as const;

export type OptionalPart = keyof typeof OPTIONAL_PARTS;

/** What a sign-in gives the kit: credentials to send with every request. */
export interface Credentials {
  /** `Cookie` header value, e.g. `session=abc; other=1`. */
  cookie?: string;
  /** Bearer token for `Authorization`. */
  bearer?: string;
  /** CSRF token for the CSRF header. */
  csrfToken?: string;
  /** Any other headers to send with every request. */
  headers?: Record<string, string>;
}

/** What every hook receives. */
export interface HookContext {
  /** The API base URL, without a trailing slash. */
  baseUrl: string;
  /** The test user's password, when given. */
  password: string | undefined;
  /** `fetch` that sends the kit's current credentials (cookies, bearer, headers) and keeps cookies the server sets. */
  fetch: typeof globalThis.fetch;
}

/**
 * A partner's module (`--sign-in ./hooks.mjs`) exports any of these; a default export that is
 * a function is taken as `signIn`.
 */
export interface Hooks {
  /** Signs the test user in; cookies set by the answers to `context.fetch` are kept as well. */
  signIn?(context: HookContext): Credentials | void | Promise<Credentials | void>;
  /** Starts the sign-in 2FA step for the test user (as the sign-in page does after the password); returns the challenge id. */
  startTwoFactorChallenge?(context: HookContext): string | Promise<string>;
  /** The token of the last link sent to the test user: an email-change verification or a password reset. */
  readToken?(context: HookContext & { kind: 'email-change' | 'password-reset'; email: string }): string | null | undefined | Promise<string | null | undefined>;
}

export interface KitOptions {
  /** The API base URL, e.g. `https://api.example.com/account`. */
  baseUrl: string;
  /** Credentials given directly (`--cookie`, `--bearer`, `--header`). */
  credentials?: Credentials;
  hooks?: Hooks;
  /** The test user's password: re-authentication, password and deletion checks. */
  password?: string;
  /** The CSRF header every mutation must carry; when set, mutations without it must be refused. */
  csrfHeader?: string;
  /** The CSRF token, given directly. */
  csrfToken?: string;
  /** The CSRF token is the value of this cookie (double-submit). */
  csrfCookie?: string;
  /** Optional parts to check. */
  parts?: readonly OptionalPart[];
  /** Time limit of one request, in ms. Default 15000. */
  timeoutMs?: number;
  /**
   * The origin of the pages the elements run on, as browsers put it in WebAuthn client data
   * (the kit's passkey ceremonies claim it). Default: the origin of `baseUrl`.
   */
  passkeyOrigin?: string;
  /** How long to wait for the data export to become ready, in ms. Default 120000. */
  exportTimeoutMs?: number;
  /** `fetch` to use (tests). Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Called once per finished check, in order (the CLI prints progress). */
  onResult?: (result: CheckResult) => void;
}
