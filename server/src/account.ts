/**
 * The account API: one handler per endpoint of the contract's table (`src/api/endpoints.ts`),
 * each request checked with that endpoint's zod schema before the handler sees it, and each
 * answer checked with its response schema (a mismatch is a server bug: 500).
 */
import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import type * as z from 'zod/mini';
import { endpoints, type Endpoint, type EndpointName } from '../../src/api/endpoints.js';
import type * as s from '../../src/api/schemas.js';
import { BREACHED_PASSWORDS, NOTIFICATION_CATALOG } from '../../mock/seed.js';
import type { Auth } from './auth.js';
import { describeUserAgent } from './device.js';
import { fieldProblem, HttpProblem, notFound, unauthorized, validationProblem } from './problem.js';
import type { Database } from './schema.js';

type Endpoints = typeof endpoints;
type BodyOf<E> = E extends { body: infer B extends z.ZodMiniType } ? z.output<B> : undefined;
type ResponseOf<E> = E extends { response: infer R extends z.ZodMiniType } ? z.output<R> : never;

/** How long a sign-in or a "Confirm it's you" covers sensitive actions. */
export const REAUTH_WINDOW_MS = 10 * 60_000;

export interface Signed {
  user: { id: string; email: string; name: string; image?: string | null | undefined; twoFactorEnabled?: boolean | null | undefined };
  session: { id: string; token: string; createdAt: Date };
}

export interface RouteContext<K extends EndpointName> {
  body: BodyOf<Endpoints[K]>;
  params: Record<string, string>;
  signed: Signed;
  /** The incoming request's headers (Better Auth reads the session cookie from them). */
  headers: Headers;
}

type Handler<K extends EndpointName> = (ctx: RouteContext<K>) => Promise<ResponseOf<Endpoints[K]>>;

export interface AccountApiOptions {
  auth: Auth;
  db: Kysely<Database>;
  now?: () => Date;
  /** Check every answer against its response schema. Default true. */
  validateResponses?: boolean;
}

const iso = (d: Date | string): string => new Date(d).toISOString();

export function createAccountApi(options: AccountApiOptions): Hono {
  const { auth, db } = options;
  const now = options.now ?? (() => new Date());
  const app = new Hono();

  async function signedIn(headers: Headers): Promise<Signed | null> {
    const found = await auth.api.getSession({ headers });
    return found ? { user: found.user, session: found.session } : null;
  }

  async function passwordHash(userId: string): Promise<string | null> {
    const row = await db.selectFrom('account').select('password').where('userId', '=', userId).where('providerId', '=', 'credential').executeTakeFirst();
    return row?.password ?? null;
  }

  async function verifyPassword(userId: string, password: string): Promise<boolean> {
    const hash = await passwordHash(userId);
    if (!hash) return false;
    const context = await auth.$context;
    return context.password.verify({ hash, password });
  }

  async function assertFresh(signed: Signed): Promise<void> {
    const at = now().getTime();
    if (at - new Date(signed.session.createdAt).getTime() <= REAUTH_WINDOW_MS) return;
    const row = await db.selectFrom('dn_reauth').select('reauthenticated_at').where('session_id', '=', signed.session.id).executeTakeFirst();
    if (row && at - new Date(row.reauthenticated_at).getTime() <= REAUTH_WINDOW_MS) return;
    throw new HttpProblem(403, 'reauth-required', "Confirm it's you", 'For your security, confirm your identity to continue.', {
      methods: signed.user.twoFactorEnabled ? ['password', 'totp'] : ['password'],
    });
  }

  function route<K extends EndpointName>(name: K, handler: Handler<K>): void {
    const endpoint: Endpoint = endpoints[name];
    const method = endpoint.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    app[method](endpoint.path, async (c: Context) => {
      const headers = c.req.raw.headers;
      let signed: Signed | null = null;
      if (!endpoint.public) {
        signed = await signedIn(headers);
        if (!signed) throw unauthorized();
      }
      let body: unknown;
      if (endpoint.body) {
        let json: unknown;
        try {
          json = await c.req.json();
        } catch {
          throw new HttpProblem(400, 'bad-request', 'Malformed JSON', 'The request body is not valid JSON.');
        }
        const parsed = endpoint.body.safeParse(json);
        if (!parsed.success) throw validationProblem(parsed.error.issues);
        body = parsed.data;
      }
      if (endpoint.sensitive && signed) await assertFresh(signed);
      const result = await handler({ body, params: c.req.param() as Record<string, string>, signed: signed as Signed, headers } as RouteContext<K>);
      if (options.validateResponses ?? true) {
        const checked = endpoint.response.safeParse(result);
        if (!checked.success) {
          const issues = checked.error.issues.slice(0, 5).map((i) => `${i.path.join('/') || '(root)'}: ${i.message}`);
          throw new HttpProblem(500, 'internal', 'Server error', `The answer to ${name} does not match its schema: ${issues.join('; ')}`);
        }
      }
      return c.json(result as object);
    });
  }

  // ——— Profile ———

  async function readProfile(userId: string): Promise<s.Profile> {
    const row = await db
      .selectFrom('user')
      .leftJoin('dn_profile', 'dn_profile.user_id', 'user.id')
      .select(['user.id', 'user.name', 'user.email', 'user.image', 'user.updatedAt', 'dn_profile.phone', 'dn_profile.timezone', 'dn_profile.language', 'dn_profile.company', 'dn_profile.bio', 'dn_profile.role', 'dn_profile.updated_at'])
      .where('user.id', '=', userId)
      .executeTakeFirstOrThrow();
    const updated = [row.updatedAt, row.updated_at].filter((d): d is Date => d != null).map((d) => new Date(d).getTime());
    return {
      id: row.id,
      displayName: row.name,
      email: row.email,
      phone: row.phone ?? null,
      timezone: row.timezone ?? 'UTC',
      language: row.language ?? 'en',
      company: row.company ?? null,
      bio: row.bio ?? null,
      avatarUrl: row.image ?? null,
      role: row.role ?? 'member',
      updatedAt: iso(new Date(Math.max(...updated))),
    };
  }

  route('getProfile', ({ signed }) => readProfile(signed.user.id));

  route('updateProfile', async ({ signed, body }) => {
    const errors: s.FieldError[] = [];
    if (body.timezone !== undefined) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: body.timezone });
      } catch {
        errors.push({ field: 'timezone', message: 'Choose a time zone from the list.' });
      }
    }
    if (body.language !== undefined) {
      try {
        Intl.getCanonicalLocales(body.language);
      } catch {
        errors.push({ field: 'language', message: 'Choose a language from the list.' });
      }
    }
    if (errors.length) throw fieldProblem(422, 'validation', 'Some fields need attention', errors);
    const blankToNull = (v: string | null): string | null => (v === null || v.trim() === '' ? null : v.trim());
    const at = now();
    await db.transaction().execute(async (tx) => {
      if (body.displayName !== undefined) await tx.updateTable('user').set({ name: body.displayName.trim(), updatedAt: at }).where('id', '=', signed.user.id).execute();
      const changes = {
        ...(body.phone !== undefined && { phone: body.phone === null ? null : body.phone.trim() }),
        ...(body.timezone !== undefined && { timezone: body.timezone }),
        ...(body.language !== undefined && { language: body.language }),
        ...(body.company !== undefined && { company: blankToNull(body.company) }),
        ...(body.bio !== undefined && { bio: body.bio === null || body.bio.trim() === '' ? null : body.bio }),
        updated_at: at,
      };
      await tx
        .insertInto('dn_profile')
        .values({ user_id: signed.user.id, ...changes })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(changes))
        .execute();
    });
    return readProfile(signed.user.id);
  });

  // ——— Re-authentication ———

  route('reauthenticate', async ({ signed, body }) => {
    if (body.method === 'password') {
      if (!(await verifyPassword(signed.user.id, body.password))) {
        throw fieldProblem(422, 'invalid-credentials', 'Wrong password', [{ field: 'password', message: 'That password is not correct.', code: 'invalid-credentials' }]);
      }
    } else {
      throw fieldProblem(422, 'invalid-credentials', 'Wrong code', [{ field: 'code', message: 'That code is not correct.', code: 'invalid-credentials' }]);
    }
    const at = now();
    await db
      .insertInto('dn_reauth')
      .values({ session_id: signed.session.id, reauthenticated_at: at })
      .onConflict((oc) => oc.column('session_id').doUpdateSet({ reauthenticated_at: at }))
      .execute();
    return { reauthenticatedUntil: iso(new Date(at.getTime() + REAUTH_WINDOW_MS)) };
  });

  // ——— Password ———

  const policy: s.PasswordPolicy = { minLength: 8, maxLength: 128, rules: ['number', 'special'] };
  const RULES: Record<s.PasswordRule, { test: RegExp; message: string }> = {
    number: { test: /\p{Nd}/u, message: 'Include at least one number.' },
    special: { test: /[^\p{L}\p{Nd}]/u, message: 'Include at least one special character.' },
    uppercase: { test: /\p{Lu}/u, message: 'Include at least one upper-case letter.' },
    lowercase: { test: /\p{Ll}/u, message: 'Include at least one lower-case letter.' },
  };

  function checkNewPassword(password: string, field = 'newPassword'): void {
    const length = [...password].length;
    const errors: s.FieldError[] = [];
    if (length < policy.minLength) errors.push({ field, message: `Use at least ${policy.minLength} characters.`, code: 'too-short' });
    if (length > policy.maxLength) errors.push({ field, message: `Use at most ${policy.maxLength} characters.`, code: 'too-long' });
    for (const rule of policy.rules) if (!RULES[rule].test.test(password)) errors.push({ field, message: RULES[rule].message, code: rule });
    if (errors.length) throw fieldProblem(422, 'validation', 'Password does not meet the policy', errors);
    if (BREACHED_PASSWORDS.some((p) => p.toLowerCase() === password.toLowerCase())) {
      throw fieldProblem(422, 'password-rejected', 'Password rejected', [{ field, message: 'This password has appeared in a data breach. Choose a different one.', code: 'breached' }]);
    }
  }

  route('getPasswordPolicy', () => Promise.resolve({ ...policy, rules: [...policy.rules] }));

  route('changePassword', async ({ signed, body, headers }) => {
    if (!(await verifyPassword(signed.user.id, body.currentPassword))) {
      throw fieldProblem(422, 'invalid-credentials', 'Wrong password', [{ field: 'currentPassword', message: 'Your current password is not correct.', code: 'invalid-credentials' }]);
    }
    checkNewPassword(body.newPassword);
    if (body.newPassword === body.currentPassword) {
      throw fieldProblem(422, 'password-rejected', 'Password rejected', [{ field: 'newPassword', message: 'Choose a password different from your current one.', code: 'same-as-current' }]);
    }
    await auth.api.changePassword({ body: { currentPassword: body.currentPassword, newPassword: body.newPassword, revokeOtherSessions: false }, headers });
    const others = await activeSessions(signed.user.id);
    return { changedAt: iso(now()), otherSessions: others.filter((x) => x.id !== signed.session.id).length };
  });

  // ——— Sessions ———

  function activeSessions(userId: string) {
    return db.selectFrom('session').selectAll().where('userId', '=', userId).where('expiresAt', '>', now()).orderBy('updatedAt', 'desc').execute();
  }

  route('listSessions', async ({ signed }) => {
    const rows = await activeSessions(signed.user.id);
    const items = rows.map((row) => ({
      id: row.id,
      ...describeUserAgent(row.userAgent),
      ip: row.ipAddress ?? '',
      location: null,
      createdAt: iso(row.createdAt),
      lastActiveAt: iso(row.updatedAt),
      current: row.id === signed.session.id,
    }));
    items.sort((a, b) => Number(b.current) - Number(a.current));
    return { items };
  });

  route('revokeSession', async ({ signed, params, headers }) => {
    const row = await db.selectFrom('session').select(['id', 'token']).where('id', '=', params['id'] ?? '').where('userId', '=', signed.user.id).executeTakeFirst();
    if (!row) throw notFound('That session');
    await auth.api.revokeSession({ body: { token: row.token }, headers });
    return { revoked: 1 };
  });

  route('revokeOtherSessions', async ({ signed, headers }) => {
    const others = (await activeSessions(signed.user.id)).filter((x) => x.id !== signed.session.id).length;
    await auth.api.revokeOtherSessions({ headers });
    return { revoked: others };
  });

  // ——— Two-factor (status) ———

  route('getTwoFactorStatus', async ({ signed }) => {
    const user = await db.selectFrom('user').select('twoFactorEnabled').where('id', '=', signed.user.id).executeTakeFirstOrThrow();
    const meta = await db.selectFrom('dn_two_factor_meta').selectAll().where('user_id', '=', signed.user.id).executeTakeFirst();
    const profile = await db.selectFrom('dn_profile').select('role').where('user_id', '=', signed.user.id).executeTakeFirst();
    const enabled = user.twoFactorEnabled === true;
    let remaining = 0;
    if (enabled) {
      const row = await db.selectFrom('twoFactor').select('backupCodes').where('userId', '=', signed.user.id).executeTakeFirst();
      if (row) {
        const { symmetricDecrypt } = await import('better-auth/crypto');
        const context = await auth.$context;
        const codes = JSON.parse(await symmetricDecrypt({ key: context.secret, data: row.backupCodes })) as unknown[];
        remaining = codes.length;
      }
    }
    return {
      enabled,
      enabledAt: enabled && meta?.enabled_at ? iso(meta.enabled_at) : null,
      backupCodesRemaining: remaining,
      recommended: profile?.role === 'owner' || profile?.role === 'admin',
    };
  });

  // ——— Notifications ———

  async function readNotifications(userId: string): Promise<s.NotificationPreferences> {
    const rows = await db.selectFrom('dn_notification_setting').selectAll().where('user_id', '=', userId).execute();
    const values: Record<string, Record<string, boolean>> = {};
    for (const type of NOTIFICATION_CATALOG.types) {
      const row: Record<string, boolean> = {};
      for (const channel of NOTIFICATION_CATALOG.channels) row[channel.id] = type.defaults[channel.id] ?? false;
      values[type.id] = row;
    }
    for (const row of rows) {
      const type = NOTIFICATION_CATALOG.types.find((t) => t.id === row.type_id);
      // A locked cell keeps its default whatever was stored before the lock.
      if (!type || type.locked[row.channel_id] !== undefined) continue;
      const cells = values[row.type_id];
      if (cells && row.channel_id in cells) cells[row.channel_id] = row.enabled;
    }
    return { ...structuredClone(NOTIFICATION_CATALOG), values };
  }

  route('getNotificationPreferences', ({ signed }) => readNotifications(signed.user.id));

  route('updateNotificationPreferences', async ({ signed, body }) => {
    const errors: s.FieldError[] = [];
    let lockReason: string | undefined;
    body.changes.forEach((change, i) => {
      const type = NOTIFICATION_CATALOG.types.find((t) => t.id === change.typeId);
      if (!type) return void errors.push({ field: `/changes/${i}/typeId`, message: `Unknown notification type "${change.typeId}".` });
      if (!NOTIFICATION_CATALOG.channels.some((c) => c.id === change.channelId)) {
        return void errors.push({ field: `/changes/${i}/channelId`, message: `Unknown channel "${change.channelId}".` });
      }
      const reason = type.locked[change.channelId];
      if (reason !== undefined && change.enabled !== (type.defaults[change.channelId] ?? false)) {
        lockReason ??= reason;
        errors.push({ field: `/changes/${i}/enabled`, message: reason, code: 'locked' });
      }
    });
    if (errors.length) throw fieldProblem(422, 'validation', lockReason ? 'This notification cannot be changed' : 'Unknown notification', errors, lockReason);
    await db.transaction().execute(async (tx) => {
      for (const change of body.changes) {
        await tx
          .insertInto('dn_notification_setting')
          .values({ user_id: signed.user.id, type_id: change.typeId, channel_id: change.channelId, enabled: change.enabled })
          .onConflict((oc) => oc.columns(['user_id', 'type_id', 'channel_id']).doUpdateSet({ enabled: change.enabled }))
          .execute();
      }
    });
    return readNotifications(signed.user.id);
  });

  route('resetNotificationPreferences', async ({ signed }) => {
    await db.deleteFrom('dn_notification_setting').where('user_id', '=', signed.user.id).execute();
    return readNotifications(signed.user.id);
  });

  // ——— Privacy ———

  async function readPrivacy(userId: string): Promise<s.PrivacySettings> {
    const row = await db.selectFrom('dn_privacy').select('analytics_enabled').where('user_id', '=', userId).executeTakeFirst();
    return { analyticsEnabled: row?.analytics_enabled ?? true };
  }

  route('getPrivacySettings', ({ signed }) => readPrivacy(signed.user.id));

  route('updatePrivacySettings', async ({ signed, body }) => {
    await db
      .insertInto('dn_privacy')
      .values({ user_id: signed.user.id, analytics_enabled: body.analyticsEnabled })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ analytics_enabled: body.analyticsEnabled }))
      .execute();
    return readPrivacy(signed.user.id);
  });

  // ——— Display preferences ———

  const DEFAULT_PREFERENCES: s.Preferences = { theme: 'system', density: 'comfortable', dateFormat: 'auto', timeFormat: 'auto' };

  async function readPreferences(userId: string): Promise<s.Preferences> {
    const row = await db.selectFrom('dn_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst();
    if (!row) return { ...DEFAULT_PREFERENCES };
    return { theme: row.theme, density: row.density, dateFormat: row.date_format, timeFormat: row.time_format } as s.Preferences;
  }

  route('getPreferences', ({ signed }) => readPreferences(signed.user.id));

  route('updatePreferences', async ({ signed, body }) => {
    const next = { ...(await readPreferences(signed.user.id)) };
    for (const [key, value] of Object.entries(body)) if (value !== undefined) (next as Record<string, unknown>)[key] = value;
    const row = { theme: next.theme, density: next.density, date_format: next.dateFormat, time_format: next.timeFormat };
    await db
      .insertInto('dn_preferences')
      .values({ user_id: signed.user.id, ...row })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
      .execute();
    return readPreferences(signed.user.id);
  });

  // ——— Billing ———

  route('getBillingSummary', async ({ signed }) => {
    const row = await db.selectFrom('dn_billing').selectAll().where('user_id', '=', signed.user.id).executeTakeFirst();
    if (!row) return { plan: { id: 'free', name: 'Free', free: true, price: null }, paymentMethod: null, nextRenewalAt: null };
    return {
      plan: {
        id: row.plan_id,
        name: row.plan_name,
        free: row.free,
        price: row.price_amount === null || !row.price_currency || !row.price_interval ? null : { amount: Number(row.price_amount), currency: row.price_currency, interval: row.price_interval },
      },
      paymentMethod:
        row.card_brand && row.card_last4 && row.card_exp_month && row.card_exp_year
          ? { brand: row.card_brand, last4: row.card_last4, expMonth: row.card_exp_month, expYear: row.card_exp_year }
          : null,
      nextRenewalAt: row.next_renewal_at ? iso(row.next_renewal_at) : null,
    };
  });

  app.notFound(() => new HttpProblem(404, 'not-found', 'Not found', 'No such endpoint.').toResponse());
  app.onError((error) => {
    if (error instanceof HttpProblem) return error.toResponse();
    console.error('account API error', error);
    return new HttpProblem(500, 'internal', 'Server error', 'Something went wrong on the server.').toResponse();
  });
  return app;
}
