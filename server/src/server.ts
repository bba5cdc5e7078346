/**
 * `createAccountServer()`: the database, Better Auth and the account API in one fetch-style
 * handler. Mount `fetch` anywhere that speaks the Fetch API (Node through
 * `@hono/node-server`, Bun, Deno), or `app` inside another Hono app.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMigrations } from 'better-auth/db/migration';
import { Hono } from 'hono';
import { createAccountApi } from './account.js';
import { createAuth, type Auth } from './auth.js';
import { withoutSessionToken } from './auth-answers.js';
import { openDatabase, type OpenDatabase } from './db.js';
import { resolveClientAddress } from './device.js';
import { Retention, type RetentionOptions } from './retention.js';
import { connectedAccounts } from './connections.js';
import { accountDeletion } from './deletion.js';
import { dataExport, ExportRunner } from './export.js';
import { migrateAccountTables } from './migrations.js';
import { defaultLinks, Outbox, type MailLinks, type MailTransport, type RetryPolicy } from './mail.js';
import { resetPasswordMailer } from './email.js';
import { HttpProblem } from './problem.js';
import { seedDemoUser } from './seed.js';
import { devDemoRoutes, devReauthRoutes } from './dev-demo.js';
import { SignInFlow } from './sign-in.js';
import { csrfProtection } from './csrf.js';
import { inboxRoutes, INBOX_PATH, Notifier } from './notify.js';
import { engineRateLimit, RateLimiter, type RateLimitConfig } from './rate-limit.js';
import { configuredProviders, type ProvidersConfig } from './providers.js';
import { passkeys, relyingParty } from './passkeys.js';
import { PasskeySignInBinding } from './passkey-sign-in.js';

export const ACCOUNT_BASE = '/api/account';
export const AUTH_BASE = '/api/auth';

/** Development only: the outbox as JSON. */
export const DEV_MAILBOX_PATH = '/api/dev/mailbox';

/**
 * The request with its client address resolved once (`resolveClientAddress`, by `TRUST_PROXY`) and
 * put in `X-Forwarded-For` as its only value, `X-Real-IP` dropped: Better Auth (its sessions, its
 * limiter) and the server (sign-in history, rate limits, alerts) read the same address.
 */
function withClientAddress(request: Request, env: NodeBindings | undefined, trustProxy: number): Request {
  const address = resolveClientAddress(request.headers, env?.incoming?.socket?.remoteAddress, trustProxy);
  if (request.headers.get('x-forwarded-for') === (address || null) && !request.headers.has('x-real-ip')) return request;
  const headers = new Headers(request.headers);
  headers.delete('x-real-ip');
  if (address) headers.set('X-Forwarded-For', address);
  else headers.delete('X-Forwarded-For');
  return new Request(request, { headers, ...(request.body && { duplex: 'half' }) } as RequestInit);
}

export interface AccountServerOptions {
  /** PostgreSQL connection string; without it the data lives in PGlite under `dataDir`. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder (and where a generated development secret is kept). */
  dataDir?: string | undefined;
  /** Better Auth's secret (signs cookies, encrypts 2FA secrets). Required outside development. */
  secret?: string | undefined;
  /** Public origin of the server, e.g. `https://account.example.com`. */
  baseUrl: string;
  trustedOrigins?: string[] | undefined;
  /** Development: cookies without `Secure`, Better Auth's own limiter off (the server's limits stay on), a generated secret allowed. Default false. */
  development?: boolean | undefined;
  /** Where the host's pages are; the links in messages lead there (`/verify-email`, `/reset-password`). Default `baseUrl`. */
  appUrl?: string | undefined;
  /** The links in messages, when the host's pages are elsewhere than `appUrl`'s defaults. */
  links?: MailLinks | undefined;
  /** The host's sign-in page (`SIGN_IN_URL`): a provider's sign-in of a user with 2FA on continues there, at the code step. Default `<appUrl>/sign-in`. */
  signInUrl?: string | undefined;
  /** Delivers messages (SMTP); without one they stay in the outbox, the development mailbox. */
  mailTransport?: MailTransport | undefined;
  /** The sender of messages, e.g. `DialNexa <no-reply@example.com>`. */
  mailFrom?: string | undefined;
  /** How failed deliveries are retried (6 attempts over about 16 minutes by default). */
  mailRetry?: Partial<RetryPolicy> | undefined;
  /** Google, Microsoft and GitHub for connected accounts (`socialProvidersFromEnv`); the others use the development provider outside production. */
  socialProviders?: ProvidersConfig | undefined;
  /**
   * Create the demo user on first start: `true` with its profile and settings, `'full'` also with
   * the mock's sessions, sign-in history, trusted devices and 2FA (the demo's). Default false.
   */
  seedDemo?: boolean | 'full' | undefined;
  now?: () => Date;
  /** How often the export worker looks for queued jobs, in ms. Default 1000. */
  exportPollMs?: number | undefined;
  /** The double-submit CSRF token on the account API's mutations (`dn-csrf` cookie, `X-CSRF-Token` header). Default true. */
  csrf?: boolean | undefined;
  /** Rate limits: `'off'`, or rules overriding the defaults (`RATE_RULES`). Default: the defaults, in development too. */
  rateLimits?: RateLimitConfig | undefined;
  /** Proxies in front that append to `X-Forwarded-For` (`TRUST_PROXY`); 0, the default, believes only the socket. */
  trustProxy?: number | undefined;
  /** How long things are kept (`LOGIN_HISTORY_DAYS` sets `loginHistoryDays`) and how often the cleanup runs. */
  retention?: RetentionOptions | undefined;
}

/** What `@hono/node-server` passes beside the request: the socket the request came in on. */
export interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string | undefined } | undefined } | undefined;
}

export interface AccountServer {
  fetch: (request: Request, env?: NodeBindings) => Promise<Response>;
  app: Hono;
  auth: Auth;
  database: OpenDatabase;
  /** Every message sent; without a transport, the development mailbox. */
  outbox: Outbox;
  /** Closes the database; call it on shutdown (PGlite must be closed before exit). */
  close(): Promise<void>;
}

/** The secret from the options, or in development one generated once and kept in the data folder. */
function resolveSecret(options: AccountServerOptions): string {
  if (options.secret) return options.secret;
  if (!options.development) throw new Error('BETTER_AUTH_SECRET is required outside development');
  if (!options.dataDir) return randomBytes(32).toString('base64url');
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, 'dev-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export async function createAccountServer(options: AccountServerOptions): Promise<AccountServer> {
  const secret = resolveSecret(options);
  const database = await openDatabase(options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir: options.dataDir });
  try {
    const outbox = new Outbox({ db: database.db, transport: options.mailTransport, from: options.mailFrom, retry: options.mailRetry, ...(options.now && { now: options.now }) });
    const links = options.links ?? defaultLinks(options.appUrl ?? options.baseUrl);
    const passkeySignIn = new PasskeySignInBinding();
    const auth = createAuth({
      db: database.db,
      secret,
      baseUrl: options.baseUrl,
      trustedOrigins: options.trustedOrigins,
      development: options.development ?? false,
      sendResetPassword: resetPasswordMailer(outbox, links, database.db, options.now),
      socialProviders: options.socialProviders,
      passkeySignIn,
      signInUrl: options.signInUrl ?? `${(options.appUrl ?? options.baseUrl).replace(/\/$/, '')}/sign-in`,
    });
    // One instance at a time on a shared PostgreSQL: the first applies the schema (and seeds), the others wait and find it done.
    await database.exclusive(async () => {
      const { runMigrations } = await getMigrations(auth.options);
      await runMigrations();
      await migrateAccountTables(database.db);
      if (options.seedDemo) await seedDemoUser(auth, database.db, { full: options.seedDemo === 'full' });
    });

    const limits = new RateLimiter(database.db, options.rateLimits, options.now);
    const notifier = new Notifier(database.db, outbox, options.now, options.development ?? false);
    const flow = new SignInFlow(auth, database.db, { limits, notifier }, options.now);
    const rp = relyingParty(options.baseUrl, options.appUrl, options.trustedOrigins);
    passkeySignIn.bind({ db: database.db, relyingParty: rp, limits, notifier, recordAttempt: (attempt) => flow.recordAttempt(attempt), now: options.now ?? (() => new Date()) });
    const retention = new Retention(database.db, { ...options.retention, ...(options.now && { now: options.now }) });
    const exports = new ExportRunner(database.db, { pollMs: options.exportPollMs, ...(options.now && { now: options.now }) });
    const features = [
      dataExport(),
      accountDeletion,
      connectedAccounts({ developmentProvider: options.development ?? false, providers: configuredProviders(options.socialProviders) }),
      passkeys({ ...rp, limits }),
    ];
    const app = new Hono();
    if (options.csrf ?? true) {
      app.use(
        csrfProtection({
          auth,
          accountBase: ACCOUNT_BASE,
          protectedPrefixes: [`${INBOX_PATH}/`],
          // The development provider's authorization form: its single-use state, bound to the signed-in user, is its token.
          exemptPrefixes: [`${ACCOUNT_BASE}/dev-oauth/`],
          origins: [new URL(options.baseUrl).origin, ...(options.trustedOrigins ?? [])],
          development: options.development ?? false,
        }),
      );
    }
    // Better Auth's answers carry the session token beside the HttpOnly cookie: it is taken out of every one.
    app.post(`${AUTH_BASE}/sign-in/email`, async (c) => withoutSessionToken(await flow.signInWithEmail(c.req.raw)));
    // A sign-up is the account's first sign-in: recorded and its device known, as above.
    app.post(`${AUTH_BASE}/sign-up/email`, async (c) => withoutSessionToken(await flow.signUpWithEmail(c.req.raw)));
    // A provider's way back: a sign-in through it is recorded and may alert a new device (a link is neither).
    app.on(['GET', 'POST'], `${AUTH_BASE}/callback/:provider`, async (c) => withoutSessionToken(await flow.socialCallback(c.req.raw)));
    // Better Auth answers only the routes of SERVED_AUTH_ROUTES over HTTP (auth-routes.ts), 404 for its others.
    app.on(['GET', 'POST'], `${AUTH_BASE}/*`, async (c) => withoutSessionToken(await engineRateLimit(await auth.handler(c.req.raw))));
    inboxRoutes(app, { auth, db: database.db, now: options.now ?? (() => new Date()) });
    if (options.development) {
      // The development mailbox: the messages the server would have mailed, newest first (`?to=` filters).
      app.get(DEV_MAILBOX_PATH, async (c) => c.json({ items: await outbox.list({ to: c.req.query('to'), limit: 50 }) }));
      if (options.seedDemo) devDemoRoutes(app, { auth, db: database.db, full: options.seedDemo === 'full' });
      devReauthRoutes(app, { auth, db: database.db, now: options.now ?? (() => new Date()) });
    }
    app.route(
      ACCOUNT_BASE,
      createAccountApi({ auth, db: database.db, outbox, links, apiUrl: `${options.baseUrl.replace(/\/$/, '')}${ACCOUNT_BASE}`, challenge: flow, features, limits, notifier, ...(options.now && { now: options.now }) }),
    );
    app.notFound(() => new HttpProblem(404, 'not-found', 'Not found', 'No such endpoint.').toResponse());
    exports.start();
    outbox.start();
    retention.start();
    const close = async (): Promise<void> => {
      await retention.stop();
      await exports.stop();
      await outbox.stop();
      await database.close();
    };
    return {
      fetch: (request, env) => Promise.resolve(app.fetch(withClientAddress(request, env, options.trustProxy ?? 0), env)),
      app,
      auth,
      database,
      outbox,
      close,
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
