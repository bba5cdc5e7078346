/**
 * The demo account, the same as the in-browser mock's (mock/seed.ts): created through Better
 * Auth's sign-up on first start, so its password is hashed the way every other one is.
 */
import type { Kysely } from 'kysely';
import { MOCK_PASSWORD, MOCK_USER } from '../../mock/seed.js';
import type { Auth } from './auth.js';
import { seedDemoConnection } from './connections.js';
import { seedDemoWorkspaces } from './deletion.js';
import type { Database } from './schema.js';

export const DEMO_EMAIL = MOCK_USER.email;
export const DEMO_PASSWORD = MOCK_PASSWORD;

/** Creates the demo user and its DialNexa rows unless the user exists. Returns its id. */
export async function seedDemoUser(auth: Auth, db: Kysely<Database>, now = new Date()): Promise<string> {
  const existing = await db.selectFrom('user').select('id').where('email', '=', DEMO_EMAIL).executeTakeFirst();
  if (existing) return existing.id;
  const { user } = await auth.api.signUpEmail({ body: { email: DEMO_EMAIL, password: DEMO_PASSWORD, name: MOCK_USER.displayName } });
  await db.updateTable('user').set({ emailVerified: true }).where('id', '=', user.id).execute();
  // Sign-up signs the new user in; the demo starts with no session until someone signs in.
  await db.deleteFrom('session').where('userId', '=', user.id).execute();
  await db
    .insertInto('dn_profile')
    .values({
      user_id: user.id,
      phone: MOCK_USER.phone,
      timezone: MOCK_USER.timezone,
      language: MOCK_USER.language,
      company: MOCK_USER.company,
      bio: MOCK_USER.bio,
      role: MOCK_USER.role,
      updated_at: now,
    })
    .execute();
  const nextRenewal = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 9, 0, 0));
  await db
    .insertInto('dn_billing')
    .values({
      user_id: user.id,
      plan_id: 'growth',
      plan_name: 'Growth',
      free: false,
      price_amount: 99,
      price_currency: 'USD',
      price_interval: 'month',
      card_brand: 'Visa',
      card_last4: '4242',
      card_exp_month: 8,
      card_exp_year: now.getUTCFullYear() + 2,
      next_renewal_at: nextRenewal,
    })
    .execute();
  await seedDemoWorkspaces(db, user.id, DEMO_EMAIL);
  await seedDemoConnection(db, user.id, DEMO_EMAIL, new Date(now.getTime() - 238 * 24 * 60 * 60_000));
  return user.id;
}
