/** Re-authentication ("Confirm it's you") before sensitive actions. */
import * as z from 'zod/mini';
import { dateTime } from './common.js';
import type { ContractPart } from './part.js';

export const ReauthRequest = z.discriminatedUnion('method', [
  z.object({ method: z.literal('password'), password: z.string().check(z.minLength(1)) }),
  z.object({ method: z.literal('totp'), code: z.string().check(z.regex(/^\d{6}$/)) }),
]);

export const ReauthResult = z.object({ reauthenticatedUntil: dateTime });

export const reauthContract = {
  reauthenticate: { body: ReauthRequest, response: ReauthResult },
} as const satisfies ContractPart;

export type ReauthRequest = z.infer<typeof ReauthRequest>;
export type ReauthResult = z.infer<typeof ReauthResult>;
