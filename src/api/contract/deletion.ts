/** Account deletion: what it removes, what blocks it, and deleting. */
import * as z from 'zod/mini';
import { Completed, Money } from './common.js';
import { count } from './fields.js';
import type { ContractPart } from './part.js';
import { Workspace } from './problem.js';

export const AccountDeletionInfo = z.object({
  email: z.email(),
  agents: count,
  phoneNumbers: count,
  recordings: count,
  transcripts: count,
  walletBalance: Money,
  /** Workspaces the user owns that still have other members: deletion is refused while any remain. */
  blockingWorkspaces: z.array(Workspace),
});

export const AccountDeletionRequest = z.object({ email: z.email(), password: z.string().check(z.minLength(1)) });

export const deletionContract = {
  getAccountDeletion: { response: AccountDeletionInfo },
  deleteAccount: { body: AccountDeletionRequest, response: Completed },
} as const satisfies ContractPart;

export type AccountDeletionInfo = z.infer<typeof AccountDeletionInfo>;
export type AccountDeletionRequest = z.infer<typeof AccountDeletionRequest>;
