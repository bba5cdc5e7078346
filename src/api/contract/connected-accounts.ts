/** Connected accounts: sign-in providers (Google, GitHub, …) linked to the account. */
import * as z from 'zod/mini';
import { dateTime } from './common.js';
import { id } from './fields.js';
import type { ContractPart } from './part.js';

export const ConnectedAccount = z.object({
  provider: id,
  name: z.string(),
  connected: z.boolean(),
  email: z.nullable(z.string()),
  connectedAt: z.nullable(dateTime),
});

export const ConnectedAccountList = z.object({
  items: z.array(ConnectedAccount),
  /** Email + password sign-in stays available whatever is connected. */
  passwordSignIn: z.boolean(),
});

export const ConnectRequest = z.object({ redirectUri: z.string(), mode: z.enum(['redirect', 'popup']) });

export const ConnectStart = z.object({ authorizationUrl: z.string() });

export const connectedAccountsContract = {
  listConnectedAccounts: { response: ConnectedAccountList },
  connectAccount: { body: ConnectRequest, response: ConnectStart },
  disconnectAccount: { response: ConnectedAccountList },
} as const satisfies ContractPart;

export type ConnectedAccount = z.infer<typeof ConnectedAccount>;
export type ConnectedAccountList = z.infer<typeof ConnectedAccountList>;
export type ConnectRequest = z.infer<typeof ConnectRequest>;
export type ConnectStart = z.infer<typeof ConnectStart>;
