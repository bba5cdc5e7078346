/** Active sessions: where the user is signed in. */
import * as z from 'zod/mini';
import { Revoked, dateTime, device } from './common.js';
import { id } from './fields.js';
import type { ContractPart } from './part.js';

export const Session = z.object({
  id,
  ...device,
  createdAt: dateTime,
  lastActiveAt: dateTime,
  current: z.boolean(),
});

export const SessionList = z.object({ items: z.array(Session) });

export const sessionsContract = {
  listSessions: { response: SessionList },
  revokeSession: { response: Revoked },
  revokeOtherSessions: { response: Revoked },
} as const satisfies ContractPart;

export type Session = z.infer<typeof Session>;
export type SessionList = z.infer<typeof SessionList>;
