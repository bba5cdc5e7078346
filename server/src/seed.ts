/**
 * The demo account, the same as the in-browser mock's (mock/seed.ts): created through Better
 * Auth's sign-up, so its password is hashed the way every other one is.
 *
 * `seedDemoUser(…, { full: true })` (what `npm start` runs) gives it the mock's whole story
 * too: five other sessions on the mock's devices and addresses, its sign-in history, the
 * devices it trusted, and two-factor authentication on with the mock's authenticator key
 * (`MOCK_TOTP_SECRET`), so the demo looks the same on either backend. Without it the account
 * has its profile and settings only (what the server's tests start from).
 */
import { randomUUID } from 'node:crypto';
import { base32 } from '@better-auth/utils/base32';
import { generateRandomString } from 'better-auth/crypto';
import type { Kysely } from 'kysely';
import { TRUSTED_DEVICE_DAYS } from '../../src/api/contract/constants.js';
import {
  LoginAttemptSeries,
  MOCK_PASSWORD,
  MOCK_TOTP_SECRET,
  MOCK_USER,
  OWNED_WORKSPACE_WITH_MEMBERS,
  TIME,
  createRandom,
  seedSessions,
  seedTrustedDevices,
  type DeviceTemplate,
} from '../../mock/seed.js';
import type { Auth } from './auth.js';
import { seedDemoConnection } from './connections.js';
import { seedDemoWorkspaces } from './deletion.js';
import type { Database } from './schema.js';
import { encryptForRow, newBackupCodes } from './two-factor.js';

export const DEMO_EMAIL = MOCK_USER.email;
export const DEMO_PASSWORD = MOCK_PASSWORD;
/** The demo authenticator's key (base32) of the full seed: the mock's. */
export const DEMO_TOTP_SECRET = MOCK_TOTP_SECRET;

/** The mock's defaults (mock/store/context.ts): six sessions with this one, 300 sign-ins, two trusted devices, seed 1. */
const MOCK_SESSIONS = 6;
const MOCK_LOGIN_ATTEMPTS = 300;
const MOCK_TRUSTED_DEVICES = 2;
const MOCK_SEED = 1;
const SESSION_DAYS = 30;

/** The workspaces the demo seeds (deletion.ts): removed and made again by a reset. */
const DEMO_WORKSPACES = [OWNED_WORKSPACE_WITH_MEMBERS.id, 'wsp_sandbox', 'wsp_fjord'];

export interface DemoSeedOptions {
  now?: Date;
  /** The mock's history, trusted devices and two-factor authentication as well. Default false. */
  full?: boolean;
}

/**
 * A User-Agent a browser of the mock's device list sends, as `describeUserAgent` (device.ts)
 * reads it back: the mock's names where the reading is that precise (Chrome 126 on macOS 14.5),
 * coarser where it is not (Windows without its version, Ubuntu as Linux).
 */
export function userAgentOf({ deviceType, browser, os }: DeviceTemplate): string {
  const split = (text: string): [string, string] => {
    const at = text.lastIndexOf(' ');
    return at > 0 ? [text.slice(0, at), text.slice(at + 1)] : [text, ''];
  };
  const [name, version] = split(browser);
  const [system, systemVersion] = split(os);
  if (name === 'python-requests' || name === 'curl') return `${name}/${version}.0`;
  const underscored = systemVersion.replace('.', '_');
  const platform =
    system === 'macOS'
      ? `Macintosh; Intel Mac OS X ${underscored}`
      : system === 'iOS'
        ? `iPhone; CPU iPhone OS ${underscored} like Mac OS X`
        : system === 'iPadOS'
          ? `iPad; CPU OS ${underscored} like Mac OS X`
          : system === 'Android'
            ? `Linux; Android ${systemVersion}; ${deviceType === 'tablet' ? 'SM-X710' : 'Pixel 8'}`
            : system === 'Windows'
              ? systemVersion === '7'
                ? 'Windows NT 6.1; Win64; x64'
                : 'Windows NT 10.0; Win64; x64'
              : system === 'Ubuntu'
                ? 'X11; Ubuntu; Linux x86_64'
                : 'X11; Linux x86_64';
  const mobile = deviceType === 'mobile' ? 'Mobile ' : '';
  const webkit = `Mozilla/5.0 (${platform}) AppleWebKit/537.36 (KHTML, like Gecko)`;
  switch (name) {
    case 'Safari':
      return `Mozilla/5.0 (${platform}) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${version} ${system === 'macOS' ? '' : 'Mobile/15E148 '}Safari/604.1`;
    case 'Firefox':
      return `Mozilla/5.0 (${platform}; rv:${version}.0) Gecko/20100101 Firefox/${version}.0`;
    case 'Edge':
      return `${webkit} Chrome/${version}.0.0.0 Safari/537.36 Edg/${version}.0.0.0`;
    case 'Samsung Internet':
      return `${webkit} SamsungBrowser/${version}.0 Chrome/121.0.0.0 Mobile Safari/537.36`;
    default:
      return `${webkit} Chrome/${version}.0.0.0 ${mobile}Safari/537.36`;
  }
}

/** Creates the demo user and its DialNexa rows unless the user exists. Returns its id. */
export async function seedDemoUser(auth: Auth, db: Kysely<Database>, { now = new Date(), full = false }: DemoSeedOptions = {}): Promise<string> {
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
  await seedDemoConnection(db, user.id, DEMO_EMAIL, new Date(now.getTime() - 238 * TIME.DAY));
  if (full) await seedDemoHistory(auth, db, user.id, now);
  return user.id;
}

/**
 * The mock's history and security settings for `userId`. The mock's own session, sign-in
 * and trusted device are the browser's: here the browser makes them by signing in.
 */
async function seedDemoHistory(auth: Auth, db: Kysely<Database>, userId: string, now: Date): Promise<void> {
  const at = now.getTime();
  await db.insertInto('dn_preferences').values({ user_id: userId, theme: 'system', density: 'comfortable', date_format: 'auto', time_format: 'auto' }).execute();
  await db.insertInto('dn_privacy').values({ user_id: userId, analytics_enabled: true }).execute();

  // The generator is shared by sessions and trusted devices in this order, as in the mock's store.
  const random = createRandom(MOCK_SEED);
  const sessions = seedSessions(MOCK_SESSIONS, at, random).filter((s) => !s.current);
  if (sessions.length) {
    await db
      .insertInto('session')
      .values(
        sessions.map((s) => ({
          id: generateRandomString(32),
          token: generateRandomString(32),
          userId,
          expiresAt: new Date(s.lastActiveAt + SESSION_DAYS * TIME.DAY),
          ipAddress: s.ip,
          userAgent: userAgentOf(s),
          createdAt: new Date(s.createdAt),
          updatedAt: new Date(s.lastActiveAt),
        })),
      )
      .execute();
  }

  const attempts = new LoginAttemptSeries(MOCK_LOGIN_ATTEMPTS, at, MOCK_SEED * 7919 + 17).all().slice(1);
  for (let i = 0; i < attempts.length; i += 100) {
    await db
      .insertInto('dn_login_attempt')
      .values(
        attempts.slice(i, i + 100).map((a) => ({
          id: randomUUID(),
          user_id: userId,
          at: new Date(a.at),
          success: a.success,
          failure_reason: a.failureReason,
          user_agent: userAgentOf(a.device),
          ip: a.ip,
        })),
      )
      .execute();
  }

  // A trusted device is the two-factor plugin's trust record (as it makes them) plus the row the user sees.
  const context = await auth.$context;
  for (const device of seedTrustedDevices(MOCK_TRUSTED_DEVICES, at, random, TRUSTED_DEVICE_DAYS).filter((d) => !d.current)) {
    const identifier = `trust-device-${generateRandomString(32)}`;
    await context.internalAdapter.createVerificationValue({ identifier, value: userId, expiresAt: new Date(device.expiresAt) });
    await db
      .insertInto('dn_trusted_device')
      .values({
        id: randomUUID(),
        user_id: userId,
        identifier,
        user_agent: userAgentOf(device),
        ip: device.ip,
        trusted_at: new Date(device.trustedAt),
        last_used_at: new Date(device.lastUsedAt),
        expires_at: new Date(device.expiresAt),
      })
      .execute();
  }

  // Two-factor authentication as setup leaves it (the plugin's row, verified), keyed with the
  // mock's authenticator key: its bytes are what the plugin keeps as the secret. Two of the
  // ten backup codes are spent, as in the mock.
  const secret = new TextDecoder().decode(base32.decode(MOCK_TOTP_SECRET));
  const codes = await newBackupCodes(auth);
  const enabledAt = new Date(at - 60 * TIME.DAY);
  await db
    .insertInto('twoFactor')
    .values({ id: randomUUID(), userId, secret: await encryptForRow(auth, secret), backupCodes: await encryptForRow(auth, JSON.stringify(codes.codes.slice(2))), verified: true })
    .execute();
  await db.updateTable('user').set({ twoFactorEnabled: true }).where('id', '=', userId).execute();
  await db.insertInto('dn_two_factor_meta').values({ user_id: userId, enabled_at: enabledAt, backup_codes_generated_at: enabledAt }).execute();
}

/**
 * Development: deletes the demo user (found by the demo address, and `alsoUserId`, the user
 * who asked, since the demo user may have changed the address) with everything of theirs, and
 * seeds the demo user again. Returns the new user's id.
 */
export async function resetDemoUser(auth: Auth, db: Kysely<Database>, { alsoUserId, ...options }: DemoSeedOptions & { alsoUserId?: string | undefined } = {}): Promise<string> {
  const found = await db.selectFrom('user').select('id').where('email', '=', DEMO_EMAIL).execute();
  const ids = [...new Set([...found.map((u) => u.id), ...(alsoUserId ? [alsoUserId] : [])])];
  const context = await auth.$context;
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('dn_workspace').where('id', 'in', DEMO_WORKSPACES).execute();
    if (!ids.length) return;
    // The plugin's records name their user in `value`: trust records, sign-in challenges.
    await tx.deleteFrom('verification').where('value', 'in', ids).execute();
    await tx.deleteFrom('twoFactor').where('userId', 'in', ids).execute();
  });
  for (const id of ids) {
    await context.internalAdapter.deleteUserSessions(id);
    await context.internalAdapter.deleteAccounts(id);
    await context.internalAdapter.deleteUser(id);
  }
  return seedDemoUser(auth, db, options);
}
