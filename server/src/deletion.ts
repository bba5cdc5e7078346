/**
 * Account deletion: what it removes (the counts come from `dn_usage`, which the host fills,
 * like billing), what blocks it (workspaces the user owns that have other members), and the
 * deletion itself — the DialNexa rows, then the user, its accounts and its sessions through
 * Better Auth's own adapter; every `dn_` table refers to the user with ON DELETE CASCADE.
 */
import type { ColumnType, Kysely } from 'kysely';
import type * as s from '../../src/api/schemas.js';
import { MOCK_USER, OWNED_WORKSPACE_WITH_MEMBERS, DELETION_IMPACT } from '../../mock/seed.js';
import type { Feature } from './feature.js';
import { fieldProblem, HttpProblem } from './problem.js';
import type { Database } from './schema.js';

type Role = 'owner' | 'admin' | 'member';

export interface WorkspaceTable {
  id: string;
  name: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface WorkspaceMemberTable {
  workspace_id: string;
  email: string;
  user_id: string | null;
  role: Role;
}

/** What the user's account holds in the DialNexa product; the host keeps it current. */
export interface UsageTable {
  user_id: string;
  agents: number;
  phone_numbers: number;
  recordings: number;
  transcripts: number;
  wallet_amount: number;
  wallet_currency: string;
}

declare module './schema.js' {
  interface Database {
    dn_workspace: WorkspaceTable;
    dn_workspace_member: WorkspaceMemberTable;
    dn_usage: UsageTable;
  }
}

/** The user's workspaces, with their member counts and the user's role. */
export async function workspacesOf(db: Kysely<Database>, userId: string): Promise<s.Workspace[]> {
  const rows = await db
    .selectFrom('dn_workspace_member as mine')
    .innerJoin('dn_workspace', 'dn_workspace.id', 'mine.workspace_id')
    .innerJoin('dn_workspace_member as all', 'all.workspace_id', 'mine.workspace_id')
    .select(['dn_workspace.id', 'dn_workspace.name', 'mine.role'])
    .select((eb) => eb.fn.countAll<string>().as('member_count'))
    .where('mine.user_id', '=', userId)
    .groupBy(['dn_workspace.id', 'dn_workspace.name', 'mine.role'])
    .orderBy('dn_workspace.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, memberCount: Number(r.member_count) }));
}

/** The mock's workspaces for the demo user: an owned one with colleagues (deletion is refused), a sandbox, a partner's. */
export async function seedDemoWorkspaces(db: Kysely<Database>, userId: string, email: string): Promise<void> {
  const colleagues = (domain: string, n: number) => Array.from({ length: n }, (_, i) => `colleague${i + 1}@${domain}`);
  const northwind = OWNED_WORKSPACE_WITH_MEMBERS;
  await db
    .insertInto('dn_workspace')
    .values([
      { id: northwind.id, name: northwind.name },
      { id: 'wsp_sandbox', name: `${MOCK_USER.displayName.split(' ')[0]}’s sandbox` },
      { id: 'wsp_fjord', name: 'Fjord Dialers (partner)' },
    ])
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('dn_workspace_member')
    .values([
      { workspace_id: northwind.id, email, user_id: userId, role: 'owner' },
      ...colleagues('northwind-calls.example', northwind.memberCount - 1).map((e) => ({ workspace_id: northwind.id, email: e, user_id: null, role: 'member' as const })),
      { workspace_id: 'wsp_sandbox', email, user_id: userId, role: 'owner' },
      { workspace_id: 'wsp_fjord', email, user_id: userId, role: 'member' },
      { workspace_id: 'wsp_fjord', email: 'owner@fjord-dialers.example', user_id: null, role: 'owner' },
      ...colleagues('fjord-dialers.example', 12).map((e) => ({ workspace_id: 'wsp_fjord', email: e, user_id: null, role: 'member' as const })),
    ])
    .onConflict((oc) => oc.columns(['workspace_id', 'email']).doNothing())
    .execute();
  const usage = DELETION_IMPACT;
  await db
    .insertInto('dn_usage')
    .values({
      user_id: userId,
      agents: usage.agents,
      phone_numbers: usage.phoneNumbers,
      recordings: usage.recordings,
      transcripts: usage.transcripts,
      wallet_amount: usage.walletBalance.amount,
      wallet_currency: usage.walletBalance.currency,
    })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

export function accountDeletion({ route, db, auth, now, verifyPassword }: Feature): void {
  const blocking = async (userId: string) => (await workspacesOf(db, userId)).filter((w) => w.role === 'owner' && w.memberCount > 1);

  route('getAccountDeletion', async ({ signed }) => {
    const usage = await db.selectFrom('dn_usage').selectAll().where('user_id', '=', signed.user.id).executeTakeFirst();
    return {
      email: signed.user.email,
      agents: usage?.agents ?? 0,
      phoneNumbers: usage?.phone_numbers ?? 0,
      recordings: usage?.recordings ?? 0,
      transcripts: usage?.transcripts ?? 0,
      walletBalance: { amount: Number(usage?.wallet_amount ?? 0), currency: usage?.wallet_currency ?? 'USD' },
      blockingWorkspaces: await blocking(signed.user.id),
    };
  });

  route('deleteAccount', async ({ signed, body, headers, responseHeaders }) => {
    const userId = signed.user.id;
    const errors: s.FieldError[] = [];
    if (body.email.trim().toLowerCase() !== signed.user.email.toLowerCase()) errors.push({ field: 'email', message: 'This does not match your account email.' });
    const wrongPassword = !(await verifyPassword(userId, body.password));
    if (wrongPassword) errors.push({ field: 'password', message: 'That password is not correct.', code: 'invalid-credentials' });
    if (errors.length) throw fieldProblem(422, wrongPassword ? 'invalid-credentials' : 'validation', 'Check the confirmation', errors);
    const workspaces = await blocking(userId);
    if (workspaces.length) {
      throw new HttpProblem(409, 'workspace-owner', 'You own workspaces with other members', 'Transfer ownership of these workspaces, or delete them, before you delete your account.', { workspaces });
    }
    const completedAt = now().toISOString();
    // The engine's sign-out answers with the cookies that clear this browser's session.
    const signedOut = await auth.api.signOut({ headers, returnHeaders: true });
    for (const cookie of signedOut.headers.getSetCookie()) responseHeaders.append('Set-Cookie', cookie);
    await db.transaction().execute(async (tx) => {
      // Workspaces the user owns alone go with the account; the trust records of its devices too.
      const owned = tx.selectFrom('dn_workspace_member').select('workspace_id').where('user_id', '=', userId).where('role', '=', 'owner');
      await tx.deleteFrom('dn_workspace').where('id', 'in', owned).execute();
      const trusted = tx.selectFrom('dn_trusted_device').select('identifier').where('user_id', '=', userId);
      await tx.deleteFrom('verification').where('identifier', 'in', trusted).execute();
      await tx.deleteFrom('twoFactor').where('userId', '=', userId).execute();
    });
    const context = await auth.$context;
    await context.internalAdapter.deleteUserSessions(userId);
    await context.internalAdapter.deleteAccounts(userId);
    await context.internalAdapter.deleteUser(userId);
    return { completedAt };
  });
}
