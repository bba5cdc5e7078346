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
import { openDatabase, type OpenDatabase } from './db.js';
import { connectedAccounts } from './connections.js';
import { accountDeletion } from './deletion.js';
import { dataExport, ExportRunner } from './export.js';
import { migrateAccountTables } from './migrations.js';
import { HttpProblem } from './problem.js';
import { seedDemoUser } from './seed.js';
import { SignInFlow } from './sign-in.js';

export const ACCOUNT_BASE = '/api/account';
export const AUTH_BASE = '/api/auth';

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
  /** Development: cookies without `Secure`, no rate limits, a generated secret allowed. Default false. */
  development?: boolean | undefined;
  /** Create the demo user on first start. Default false. */
  seedDemo?: boolean | undefined;
  now?: () => Date;
  /** How often the export worker looks for queued jobs, in ms. Default 1000. */
  exportPollMs?: number | undefined;
}

export interface AccountServer {
  fetch: (request: Request) => Promise<Response>;
  app: Hono;
  auth: Auth;
  database: OpenDatabase;
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
    const auth = createAuth({
      db: database.db,
      secret,
      baseUrl: options.baseUrl,
      trustedOrigins: options.trustedOrigins,
      development: options.development ?? false,
    });
    const { runMigrations } = await getMigrations(auth.options);
    await runMigrations();
    await migrateAccountTables(database.db);
    if (options.seedDemo) await seedDemoUser(auth, database.db);

    const flow = new SignInFlow(auth, database.db, options.now);
    const exports = new ExportRunner(database.db, { pollMs: options.exportPollMs, ...(options.now && { now: options.now }) });
    const features = [dataExport(), accountDeletion, connectedAccounts({ developmentProvider: options.development ?? false })];
    const app = new Hono();
    app.post(`${AUTH_BASE}/sign-in/email`, (c) => flow.signInWithEmail(c.req.raw));
    app.on(['GET', 'POST'], `${AUTH_BASE}/*`, (c) => auth.handler(c.req.raw));
    app.route(ACCOUNT_BASE, createAccountApi({ auth, db: database.db, apiUrl: `${options.baseUrl.replace(/\/$/, '')}${ACCOUNT_BASE}`, challenge: flow, features, ...(options.now && { now: options.now }) }));
    app.notFound(() => new HttpProblem(404, 'not-found', 'Not found', 'No such endpoint.').toResponse());
    exports.start();
    const close = async (): Promise<void> => {
      await exports.stop();
      await database.close();
    };
    return { fetch: (request) => Promise.resolve(app.fetch(request)), app, auth, database, close };
  } catch (error) {
    await database.close();
    throw error;
  }
}
