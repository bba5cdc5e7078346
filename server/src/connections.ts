/**
 * Connected accounts: Better Auth's `account` rows of the providers Google, Microsoft and
 * GitHub. A provider configured with its client id and secret (`providers.ts`) connects through
 * Better Auth's account linking (`linkSocial`: the provider's authorization page, then Better
 * Auth's callback links the account to the signed-in user). Outside production the others are
 * served by the built-in development provider: an authorization page on this server that links
 * the account when the user allows it, so the demo can connect and disconnect without any
 * outside service. The list shows the providers that can be connected here and those already
 * connected. Disconnecting the last way to sign in (no password, no other provider, no passkey
 * left) is refused.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ColumnType } from 'kysely';
import type * as s from '../../src/api/schemas.js';
import { PROVIDERS } from '../../mock/seed.js';
import type { Feature } from './feature.js';
import { HttpProblem, notFound, unauthorized } from './problem.js';
import type { Database } from './schema.js';
import type { Kysely } from 'kysely';
import { lastSignInMethod, removeSignInMethod } from './sign-in-methods.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface ConnectionTable {
  account_id: string;
  email: string | null;
}

export interface OAuthStateTable {
  state_hash: string;
  user_id: string;
  provider: string;
  redirect_uri: string;
  expires_at: Timestamp;
}

declare module './schema.js' {
  /** Better Auth's `account` with the additional field set in auth.ts. */
  interface AccountTable {
    providerEmail: ColumnType<string | null, string | null | undefined, string | null>;
  }
  interface Database {
    dn_connection: ConnectionTable;
    dn_oauth_state: OAuthStateTable;
  }
}

const STATE_VALID_MS = 10 * 60_000;

/** Why the last way to sign in stays connected: the mock's sentence (mock/store/connections.ts). */
export const lastProviderDetail = (name: string): string =>
  `${name} is the only way left to sign in to your account. Set a password, add a passkey or connect another account first.`;
const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export interface ConnectionsOptions {
  /** Serve the others with the built-in development provider (never in production). */
  developmentProvider: boolean;
  /** The providers configured in Better Auth's `socialProviders`. */
  providers?: readonly string[] | undefined;
}

/** The demo's Google account, connected long ago (as in the mock). */
export async function seedDemoConnection(db: Kysely<Database>, userId: string, email: string, at: Date): Promise<void> {
  const id = randomUUID();
  await db.insertInto('account').values({ id, userId, providerId: 'google', accountId: `dev-google-${userId}`, password: null, createdAt: at, updatedAt: at }).execute();
  await db.insertInto('dn_connection').values({ account_id: id, email }).execute();
}

export function connectedAccounts(options: ConnectionsOptions) {
  return ({ app, route, db, auth, now, apiUrl }: Feature): void => {
    const known = (provider: string) => PROVIDERS.find((p) => p.provider === provider);
    const configured = (provider: string) => options.providers?.includes(provider) ?? false;
    const available = (provider: string) => configured(provider) || options.developmentProvider;

    async function list(userId: string): Promise<s.ConnectedAccountList> {
      const rows = await db
        .selectFrom('account')
        .leftJoin('dn_connection', 'dn_connection.account_id', 'account.id')
        .select(['account.providerId', 'account.createdAt'])
        .select((eb) => eb('account.password', 'is not', null).as('hasPassword'))
        // The development provider records the address in dn_connection, a real one on the account row.
        .select((eb) => eb.fn.coalesce('dn_connection.email', 'account.providerEmail').as('email'))
        .where('account.userId', '=', userId)
        .execute();
      return {
        // What can be connected here, and what is connected (it can still be disconnected).
        items: PROVIDERS.filter(({ provider }) => available(provider) || rows.some((r) => r.providerId === provider)).map(({ provider, name }) => {
          const row = rows.find((r) => r.providerId === provider);
          return { provider, name, connected: !!row, email: row?.email ?? null, connectedAt: row ? new Date(row.createdAt).toISOString() : null };
        }),
        passwordSignIn: rows.some((r) => r.providerId === 'credential' && r.hasPassword),
      };
    }

    route('listConnectedAccounts', ({ signed }) => list(signed.user.id));

    route('connectAccount', async ({ signed, params, body, headers, responseHeaders }) => {
      const provider = params['provider'] ?? '';
      if (!known(provider)) throw notFound(`The provider "${provider}"`);
      // The way back must lead to this server or a trusted origin, never elsewhere.
      const origins = [new URL(apiUrl).origin, ...((auth.options.trustedOrigins as string[] | undefined) ?? [])];
      if (!URL.canParse(body.redirectUri, apiUrl) || !origins.includes(new URL(body.redirectUri, apiUrl).origin)) {
        throw new HttpProblem(422, 'validation', 'Redirect not allowed', 'redirectUri must lead back to this site.', { errors: [{ field: 'redirectUri', message: 'This address is not on a trusted origin.' }] });
      }
      if (!available(provider)) throw new HttpProblem(409, 'conflict', 'Provider not set up', `Connecting ${known(provider)!.name} is not set up on this server.`);
      if (configured(provider)) {
        // Better Auth keeps the state (a verification row and a signed cookie bound to this session) and links the account on its callback.
        const back = new URL(body.redirectUri, apiUrl);
        const done = new URL(back);
        done.searchParams.set('connected', provider);
        const linked = await auth.api.linkSocialAccount({
          headers,
          body: { provider: provider as 'google', callbackURL: done.toString(), errorCallbackURL: back.toString(), disableRedirect: true },
          returnHeaders: true,
        });
        for (const cookie of linked.headers.getSetCookie()) responseHeaders.append('Set-Cookie', cookie);
        if (!linked.response.url) throw new HttpProblem(500, 'internal', 'Provider unavailable', `${known(provider)!.name} did not give an authorization address.`);
        return { authorizationUrl: linked.response.url };
      }
      const state = randomBytes(32).toString('base64url');
      await db.insertInto('dn_oauth_state').values({ state_hash: sha256(state), user_id: signed.user.id, provider, redirect_uri: body.redirectUri, expires_at: new Date(now().getTime() + STATE_VALID_MS) }).execute();
      return { authorizationUrl: `${apiUrl}/dev-oauth/${provider}/authorize?${new URLSearchParams({ state })}` };
    });

    route('disconnectAccount', async ({ signed, params }) => {
      const provider = params['provider'] ?? '';
      if (!known(provider)) throw notFound(`The provider "${provider}"`);
      const row = await db.selectFrom('account').select('id').where('userId', '=', signed.user.id).where('providerId', '=', provider).executeTakeFirst();
      if (!row) throw notFound(`A connected ${known(provider)!.name} account`);
      // Refused only when no password, no other provider and no passkey would be left.
      await removeSignInMethod(db, signed.user.id, { account: row.id }, () => lastSignInMethod(lastProviderDetail(known(provider)!.name)), async (tx) => {
        await tx.deleteFrom('account').where('id', '=', row.id).execute();
      });
      return list(signed.user.id);
    });

    if (!options.developmentProvider) return;

    // The development provider's authorization page: the signed-in user allows or denies.
    const page = (provider: string, state: string) => `<!doctype html><meta charset="utf-8"><title>Development sign-in provider</title>
<body style="font-family:system-ui;max-width:32rem;margin:4rem auto"><h1>${known(provider)!.name} (development)</h1>
<p>This server's built-in provider stands in for ${known(provider)!.name} outside production.</p>
<form method="post"><input type="hidden" name="state" value="${state}"><button name="decision" value="allow">Allow</button> <button name="decision" value="deny">Deny</button></form></body>`;

    app.get('/dev-oauth/:provider/authorize', (c) => {
      const provider = c.req.param('provider');
      const state = c.req.query('state') ?? '';
      if (!known(provider) || !/^[A-Za-z0-9_-]{43}$/.test(state)) throw notFound('That authorization request');
      return c.html(page(provider, state), 200, { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'", 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
    });

    app.post('/dev-oauth/:provider/authorize', async (c) => {
      const found = await auth.api.getSession({ headers: c.req.raw.headers });
      if (!found) throw unauthorized();
      const form = await c.req.parseBody();
      const provider = c.req.param('provider');
      // Single use: the state is gone whatever the answer.
      const record = await db.deleteFrom('dn_oauth_state').where('state_hash', '=', sha256(String(form['state'] ?? ''))).returningAll().executeTakeFirst();
      if (!record || record.provider !== provider || record.user_id !== found.user.id || new Date(record.expires_at) <= now()) {
        throw new HttpProblem(400, 'bad-request', 'Invalid state', 'This authorization request is unknown or expired.');
      }
      const back = new URL(record.redirect_uri, apiUrl);
      if (form['decision'] === 'allow') {
        const exists = await db.selectFrom('account').select('id').where('userId', '=', found.user.id).where('providerId', '=', provider).executeTakeFirst();
        if (!exists) {
          const context = await auth.$context;
          const account = await context.internalAdapter.createAccount({ userId: found.user.id, providerId: provider, accountId: `dev-${provider}-${found.user.id}` });
          await db.insertInto('dn_connection').values({ account_id: account.id, email: found.user.email }).execute();
        }
        back.searchParams.set('connected', provider);
      } else {
        back.searchParams.set('error', 'access_denied');
      }
      return c.redirect(back.toString(), 303);
    });
  };
}
