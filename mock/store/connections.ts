/** Connected accounts and the mock OAuth provider. */
import type * as s from '../../src/api/schemas.js';
import { MOCK_USER, PROVIDERS, TIME } from '../seed.js';
import { iso, randomId, type StoreContext } from './context.js';
import { MockProblem, notFound } from './problem.js';

const OAUTH_STATE_VALID_MS = 10 * TIME.MINUTE;

interface ConnectionRecord {
  provider: string;
  name: string;
  email: string | null;
  connectedAt: number | null;
}

interface OAuthStateRecord {
  provider: string;
  redirectUri: string;
  mode: 'redirect' | 'popup';
  expiresAt: number;
}

export interface ConnectionsState {
  connections: ConnectionRecord[];
  oauthStates: Map<string, OAuthStateRecord>;
}

export function seedConnections(now: number): ConnectionsState {
  return {
    connections: PROVIDERS.map(({ provider, name }) =>
      provider === 'google'
        ? { provider, name, email: MOCK_USER.email, connectedAt: now - 238 * TIME.DAY }
        : { provider, name, email: null, connectedAt: null },
    ),
    oauthStates: new Map(),
  };
}

export function listConnectedAccounts(ctx: StoreContext): s.ConnectedAccountList {
  return {
    items: ctx.state.connections.map((c) => ({
      provider: c.provider,
      name: c.name,
      connected: c.connectedAt !== null,
      email: c.email,
      connectedAt: c.connectedAt === null ? null : iso(c.connectedAt),
    })),
    passwordSignIn: !ctx.options.passwordless,
  };
}

/**
 * Whether the account can still sign in once the provider or passkey `without` names is gone:
 * with a password, another connected provider or a passkey. Disconnecting a provider and
 * removing a passkey refuse (409 `last-sign-in-method`) when nothing would be left, as the
 * reference server does (server/src/sign-in-methods.ts).
 */
export function anySignInLeft(ctx: StoreContext, without: { provider?: string; passkey?: string }): boolean {
  return (
    !ctx.options.passwordless ||
    ctx.state.connections.some((c) => c.connectedAt !== null && c.provider !== without.provider) ||
    ctx.state.passkeys.some((p) => p.id !== without.passkey)
  );
}

function connection(ctx: StoreContext, provider: string): ConnectionRecord {
  const found = ctx.state.connections.find((c) => c.provider === provider);
  if (!found) throw notFound(`The provider "${provider}"`);
  return found;
}

export function connectAccount(ctx: StoreContext, provider: string, request: s.ConnectRequest, authorizeBase = '/api/account'): s.ConnectStart {
  connection(ctx, provider);
  const state = randomId('oauth');
  ctx.state.oauthStates.set(state, { provider, redirectUri: request.redirectUri, mode: request.mode, expiresAt: ctx.now() + OAUTH_STATE_VALID_MS });
  const params = new URLSearchParams({ redirect_uri: request.redirectUri, state, mode: request.mode });
  return { authorizationUrl: `${authorizeBase.replace(/\/$/, '')}/__mock/oauth/${encodeURIComponent(provider)}?${params}` };
}

export function completeOAuth(ctx: StoreContext, provider: string, state: string): { redirectUri: string; mode: 'redirect' | 'popup' } {
  const record = ctx.state.oauthStates.get(state);
  ctx.state.oauthStates.delete(state);
  if (!record || record.provider !== provider || record.expiresAt <= ctx.now()) {
    throw new MockProblem(400, 'bad-request', 'Invalid state', 'This authorization request is unknown or expired.');
  }
  markConnected(ctx, provider);
  return { redirectUri: record.redirectUri, mode: record.mode };
}

export function markConnected(ctx: StoreContext, provider: string, email: string = ctx.state.profile.email): void {
  const found = connection(ctx, provider);
  found.email = email;
  found.connectedAt = ctx.now();
}

/**
 * Disconnects `provider`: 404 when it is unknown or not connected (as the reference server
 * answers, server/src/connections.ts), 409 `last-sign-in-method` when it is the last way to sign in.
 */
export function disconnectAccount(ctx: StoreContext, provider: string): s.ConnectedAccountList {
  const found = connection(ctx, provider);
  if (found.connectedAt === null) throw notFound(`A connected ${found.name} account`);
  if (!anySignInLeft(ctx, { provider })) {
    throw new MockProblem(
      409,
      'last-sign-in-method',
      'Last way to sign in',
      `${found.name} is the only way left to sign in to your account. Set a password, add a passkey or connect another account first.`,
    );
  }
  found.email = null;
  found.connectedAt = null;
  return listConnectedAccounts(ctx);
}
