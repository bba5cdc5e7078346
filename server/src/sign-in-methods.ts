/**
 * The ways a user can sign in: a password (Better Auth's `credential` account with one), a
 * provider (any other `account` row) or a passkey (`dn_passkey`). Disconnecting a provider and
 * removing a passkey both refuse (409 `last-sign-in-method`) to take away the last of them, by
 * the same count, inside one transaction that holds the user's row so two removals at once
 * cannot each leave the other as the last way and then take it too.
 */
import type { Kysely, Transaction } from 'kysely';
import { HttpProblem } from './problem.js';
import type { Database } from './schema.js';

export interface SignInMethods {
  password: boolean;
  /** The ids of the provider accounts (`account` rows other than the password's). */
  providers: string[];
  /** The ids of the passkeys. */
  passkeys: string[];
}

async function methodsOf(tx: Transaction<Database>, userId: string): Promise<SignInMethods> {
  const accounts = await tx.selectFrom('account').select(['id', 'providerId', 'password']).where('userId', '=', userId).execute();
  const passkeys = await tx.selectFrom('dn_passkey').select('id').where('user_id', '=', userId).execute();
  return {
    password: accounts.some((a) => a.providerId === 'credential' && !!a.password),
    providers: accounts.filter((a) => a.providerId !== 'credential').map((a) => a.id),
    passkeys: passkeys.map((p) => p.id),
  };
}

/** Whether anything is left to sign in with once the provider account or passkey `without` names is gone. */
export function anyLeft(methods: SignInMethods, without: { account?: string; passkey?: string }): boolean {
  return methods.password || methods.providers.some((id) => id !== without.account) || methods.passkeys.some((id) => id !== without.passkey);
}

/** The contract's answer when the way being removed is the last one; `detail` says which and what to do. */
export function lastSignInMethod(detail: string): HttpProblem {
  return new HttpProblem(409, 'last-sign-in-method', 'Last way to sign in', detail);
}

/**
 * Runs `remove` (given the transaction) when something is left to sign in with after `without`
 * is gone, or throws `refusal()`. The user's row is locked until the transaction ends.
 */
export async function removeSignInMethod(db: Kysely<Database>, userId: string, without: { account?: string; passkey?: string }, refusal: () => HttpProblem, remove: (tx: Transaction<Database>) => Promise<void>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.selectFrom('user').select('id').where('id', '=', userId).forUpdate().execute();
    if (!anyLeft(await methodsOf(tx, userId), without)) throw refusal();
    await remove(tx);
  });
}
