/**
 * `node dist/main.js`: the reference server on its own. Configuration by environment:
 * PORT (8787), DATA_DIR (PGlite's folder, `.data/` beside this package), DATABASE_URL
 * (PostgreSQL instead of PGlite), BETTER_AUTH_SECRET (required with NODE_ENV=production),
 * BASE_URL (public origin), TRUSTED_ORIGINS (comma-separated), SEED_DEMO (0: no demo user; full: with
 * the mock's history, trusted devices and 2FA, as `npm start` runs it),
 * APP_URL (where the links in messages lead; BASE_URL by default), SIGN_IN_URL (the host's sign-in
 * page, where a provider's sign-in that needs the second factor continues; APP_URL/sign-in), MAIL_FROM (the sender),
 * CSRF (`off` drops the double-submit token), RATE_LIMIT (`off`, or `rule=max/seconds,…` overrides),
 * SMTP_URL (delivery of the outbox: smtp://user:pass@host:587 or smtps://…; without it messages stay
 * in the outbox, the development mailbox), GOOGLE_CLIENT_ID / GOOGLE_CLIENT_SECRET, MICROSOFT_CLIENT_ID /
 * MICROSOFT_CLIENT_SECRET / MICROSOFT_TENANT_ID, GITHUB_CLIENT_ID / GITHUB_CLIENT_SECRET (connected accounts),
 * TRUST_PROXY (how many proxies in front append to X-Forwarded-For; unset: the socket's address only),
 * LOGIN_HISTORY_DAYS (how long sign-in attempts are kept; 90).
 */
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { parseTrustProxy } from './device.js';
import { parseRateLimits } from './rate-limit.js';
import { parseLoginHistoryDays } from './retention.js';
import { createAccountServer } from './server.js';
import { smtpTarget, smtpTransport } from './smtp.js';
import { configuredProviders, socialProvidersFromEnv } from './providers.js';

const env = process.env;
const port = Number(env['PORT'] ?? 8787);
const development = env['NODE_ENV'] !== 'production';
const smtpUrl = env['SMTP_URL'] || undefined;
const socialProviders = socialProvidersFromEnv(env);
const server = await createAccountServer({
  databaseUrl: env['DATABASE_URL'] || undefined,
  dataDir: resolve(env['DATA_DIR'] ?? resolve(import.meta.dirname, '../.data')),
  secret: env['BETTER_AUTH_SECRET'] || undefined,
  baseUrl: env['BASE_URL'] ?? `http://localhost:${port}`,
  trustedOrigins: env['TRUSTED_ORIGINS']?.split(',').map((o) => o.trim()).filter(Boolean),
  development,
  seedDemo: env['SEED_DEMO'] === '0' ? false : env['SEED_DEMO'] === 'full' ? 'full' : true,
  appUrl: env['APP_URL'] || undefined,
  signInUrl: env['SIGN_IN_URL'] || undefined,
  mailFrom: env['MAIL_FROM'] || undefined,
  csrf: env['CSRF']?.toLowerCase() !== 'off',
  rateLimits: parseRateLimits(env['RATE_LIMIT']),
  mailTransport: smtpUrl ? smtpTransport(smtpUrl) : undefined,
  socialProviders,
  trustProxy: parseTrustProxy(env['TRUST_PROXY']),
  retention: { periods: { loginHistoryDays: parseLoginHistoryDays(env['LOGIN_HISTORY_DAYS']) } },
});

const http = serve({ fetch: server.fetch, port }, (info) => {
  console.log(`DialNexa account server on http://localhost:${info.port} (${server.database.kind}${development ? ', development' : ''})`);
  // Where mail goes, without the URL's credentials.
  console.log(smtpUrl ? `mail: SMTP via ${smtpTarget(smtpUrl)}` : 'mail: kept in the outbox (no SMTP_URL)');
  const providers = configuredProviders(socialProviders);
  console.log(`connected accounts: ${providers.length ? providers.join(', ') : 'no provider configured'}${development ? '; the development provider for the others' : ''}`);
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  http.close();
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
