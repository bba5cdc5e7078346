/**
 * What a part of the account API built in a module of its own receives: the contract's
 * route registration (request and response checked by the endpoint's schemas), the Hono app
 * for the routes outside the contract (a download, an authorization page), and the shared
 * services.
 */
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { EndpointName } from '../../src/api/endpoints.js';
import type { Handler } from './account.js';
import type { Auth } from './auth.js';
import type { Database } from './schema.js';
import type { ReauthResult } from '../../src/api/schemas.js';

export interface Feature {
  app: Hono;
  route: <K extends EndpointName>(name: K, handler: Handler<K>) => void;
  db: Kysely<Database>;
  auth: Auth;
  now: () => Date;
  /** Where the account API is reachable from the browser, e.g. `https://account.example.com/api/account`. */
  apiUrl: string;
  verifyPassword: (userId: string, password: string) => Promise<boolean>;
  /** Opens the session's re-authentication window, as `/reauth` does; answers its end. */
  openReauthWindow: (sessionId: string) => Promise<ReauthResult>;
}
