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
import { AVATAR_MAX_BYTES } from '../../src/api/contract/constants.js';
import { NOTIFICATION_CATALOG } from '../../mock/seed.js';
import { sniffImageType, wellFormed } from '../../mock/store/profile.js';
import { assertAvatarDecodes } from './image.js';
import { randomUUID } from 'node:crypto';
import { ISSUER, type Auth } from './auth.js';
import { currentTrustIdentifier, describeTrustedDevice, type SignInFlow } from './sign-in.js';
import { acceptTotpStep, backupCodesRemaining, checkUserTotp, decryptSecret, describeSecret, matchTotpStep, newBackupCodes, newTotpSecret, TOTP_DIGITS, TOTP_PERIOD } from './two-factor.js';
import { describeUserAgent } from './device.js';
import { registerMailRoutes } from './email.js';
import type { MailLinks, Outbox } from './mail.js';
import { fieldProblem, HttpProblem, notFound, unauthorized, validationProblem } from './problem.js';
import type { Database } from './schema.js';
import type { Feature } from './feature.js';
import { notificationMatrix, SECURITY_TYPE, type Notifier } from './notify.js';
import type { RateLimiter } from './rate-limit.js';
import { hasPasskey } from './passkeys.js';
import { checkNewPassword, PASSWORD_POLICY } from './password-policy.js';

type Endpoints = typeof endpoints;
type BodyOf<E> = E extends { body: infer B extends z.ZodMiniType } ? z.output<B> : undefined;
type QueryOf<E> = E extends { query: infer Q extends z.ZodMiniType } ? z.output<Q> : undefined;
type ResponseOf<E> = E extends { response: infer R extends z.ZodMiniType } ? z.output<R> : never;

/** How long a sign-in or a "Confirm it's you" covers sensitive actions. */
export const REAUTH_WINDOW_MS = 10 * 60_000;
/** How long a started 2FA setup waits for its first code. */
const SETUP_TTL_MS = 10 * 60_000;

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
  /** The query string, checked with the endpoint's query schema. */
  query: QueryOf<Endpoints[K]>;
  /** The incoming request (an upload reads its bytes). */
  request: Request;
  /** Headers to add to the answer (cookies the engine sets). */
  responseHeaders: Headers;
}

export type Handler<K extends EndpointName> = (ctx: RouteContext<K>) => Promise<ResponseOf<Endpoints[K]>>;

export interface AccountApiOptions {
  auth: Auth;
  db: Kysely<Database>;
  /** Where the account API is reachable from the browser, e.g. `https://account.example.com/api/account` (avatar URLs). */
  apiUrl: string;
  /** The sign-in flow: the 2FA challenge, login activity and trusted devices. */
  challenge: SignInFlow;
  /** Where messages go (email change, password reset) and the links they carry. */
  outbox: Outbox;
  links: MailLinks;
  now?: () => Date;
  /** Check every answer against its response schema. Default true. */
  validateResponses?: boolean;
  /** The parts built in modules of their own (data export, account deletion, connected accounts). */
  features?: ((feature: Feature) => void)[];
  /** Counts wrong passwords and codes, and requests that send mail. */
  limits: RateLimiter;
  /** The account's own notifications (password and email changed). */
  notifier: Notifier;
}

const iso = (d: Date | string): string => new Date(d).toISOString();

export function createAccountApi(options: AccountApiOptions): Hono {
  const { auth, db, apiUrl, limits, notifier } = options;
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

  /** Checks the user's password; every proof of identity goes through here, so wrong ones are counted (`reauth` limit). */
  async function verifyPassword(userId: string, password: string): Promise<boolean> {
    return limits.guess('reauth', userId, async () => {
      const hash = await passwordHash(userId);
      if (!hash) return false;
      const context = await auth.$context;
      return context.password.verify({ hash, password });
    });
  }

  async function assertFresh(signed: Signed): Promise<void> {
    const at = now().getTime();
    if (at - new Date(signed.session.createdAt).getTime() <= REAUTH_WINDOW_MS) return;
    const row = await db.selectFrom('dn_reauth').select('reauthenticated_at').where('session_id', '=', signed.session.id).executeTakeFirst();
    if (row && at - new Date(row.reauthenticated_at).getTime() <= REAUTH_WINDOW_MS) return;
    const methods: ('password' | 'totp' | 'passkey')[] = signed.user.twoFactorEnabled ? ['password', 'totp'] : ['password'];
    if (await hasPasskey(db, signed.user.id)) methods.push('passkey');
    throw new HttpProblem(403, 'reauth-required', "Confirm it's you", 'For your security, confirm your identity to continue.', { methods });
  }

  /** Opens the session's re-authentication window (after a password, a code or a passkey); answers its end. */
  async function openReauthWindow(sessionId: string): Promise<s.ReauthResult> {
    const at = now();
    await db
      .insertInto('dn_reauth')
      .values({ session_id: sessionId, reauthenticated_at: at })
      .onConflict((oc) => oc.column('session_id').doUpdateSet({ reauthenticated_at: at }))
      .execute();
    return { reauthenticatedUntil: iso(new Date(at.getTime() + REAUTH_WINDOW_MS)) };
  }

  /** A TOTP code of the user's enabled 2FA, used once: 422 `invalid-code` or `code-reused` on `code` otherwise. */
  async function confirmTotp(userId: string, code: string): Promise<void> {
    await limits.take('reauth', userId);
    const result = await checkUserTotp(auth, db, userId, code);
    if (result === 'ok') return limits.giveBack('reauth', userId);
    if (result === 'reused') throw fieldProblem(422, 'code-reused', 'Code already used', [{ field: 'code', message: 'This code was already used. Wait for the next one.', code: 'code-reused' }]);
    throw fieldProblem(422, 'invalid-code', 'Wrong code', [{ field: 'code', message: 'That code is not correct.', code: 'invalid-code' }]);
  }

  /** The password or a TOTP code given with a sensitive request (turning 2FA off, new backup codes). */
  async function confirmIdentity(userId: string, proof: s.ReauthRequest): Promise<void> {
    if (proof.method === 'totp') return confirmTotp(userId, proof.code);
    if (!(await verifyPassword(userId, proof.password))) {
      throw fieldProblem(422, 'invalid-credentials', 'Wrong password', [{ field: 'password', message: 'That password is not correct.', code: 'invalid-credentials' }]);
    }
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
      let query: unknown;
      if (endpoint.query) {
        const raw: Record<string, unknown> = { ...c.req.query() };
        // Numbers arrive as text: `limit=20`.
        if (typeof raw['limit'] === 'string' && /^-?\d+$/.test(raw['limit'])) raw['limit'] = Number(raw['limit']);
        const parsed = endpoint.query.safeParse(raw);
        if (!parsed.success) throw validationProblem(parsed.error.issues);
        query = parsed.data;
      }
      if (endpoint.sensitive && signed) await assertFresh(signed);
      const responseHeaders = new Headers();
      const result = await handler({
        body,
        query,
        params: c.req.param() as Record<string, string>,
        signed: signed as Signed,
        headers,
        request: c.req.raw,
        responseHeaders,
      } as RouteContext<K>);
      if (options.validateResponses ?? true) {
        const checked = endpoint.response.safeParse(result);
        if (!checked.success) {
          const issues = checked.error.issues.slice(0, 5).map((i) => `${i.path.join('/') || '(root)'}: ${i.message}`);
          throw new HttpProblem(500, 'internal', 'Server error', `The answer to ${name} does not match its schema: ${issues.join('; ')}`);
        }
      }
      const response = c.json(result as object);
      for (const [name, value] of responseHeaders) response.headers.append(name, value);
      return response;
    });
  }

  // ——— Profile ———

  async function readProfile(userId: string): Promise<s.Profile> {
    const row = await db
      .selectFrom('user')
      .leftJoin('dn_profile', 'dn_profile.user_id', 'user.id')
      .leftJoin('dn_avatar', 'dn_avatar.user_id', 'user.id')
      .select(['dn_avatar.id as avatar_id', 'dn_avatar.updated_at as avatar_updated_at'])
      .select(['user.id', 'user.name', 'user.email', 'user.updatedAt', 'dn_profile.phone', 'dn_profile.timezone', 'dn_profile.language', 'dn_profile.company', 'dn_profile.bio', 'dn_profile.role', 'dn_profile.updated_at'])
      .where('user.id', '=', userId)
      .executeTakeFirstOrThrow();
    const updated = [row.updatedAt, row.updated_at, row.avatar_updated_at].filter((d): d is Date => d != null).map((d) => new Date(d).getTime());
    return {
      id: row.id,
      displayName: row.name,
      email: row.email,
      phone: row.phone ?? null,
      timezone: row.timezone ?? 'UTC',
      language: row.language ?? 'en',
      company: row.company ?? null,
      bio: row.bio ?? null,
      // Only an uploaded avatar (decoded and checked): Better Auth's `image` (a provider's picture, any address) is not shown.
      avatarUrl: row.avatar_id ? `${apiUrl}/avatars/${row.avatar_id}` : null,
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

  // ——— Avatar ———

  route('uploadAvatar', async ({ signed, request }) => {
    const tooLarge = (size: number): HttpProblem =>
      new HttpProblem(413, 'payload-too-large', 'File too large', `The image is ${(size / 1048576).toFixed(1)} MB; the limit is 2 MB.`);
    const declared = Number(request.headers.get('content-length') ?? 0);
    if (declared > AVATAR_MAX_BYTES) {
      // Refused before its body is read: the connection must not carry another request, or the
      // unread bytes would be taken for it ("other side closed" at the client's next call).
      const problem = tooLarge(declared);
      problem.headers = { Connection: 'close' };
      throw problem;
    }
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength > AVATAR_MAX_BYTES) throw tooLarge(bytes.byteLength);
    await limits.take('avatar-upload', signed.user.id);
    // The type comes from the bytes, never from the declared Content-Type or a file name.
    const type = sniffImageType(bytes);
    if (!type) throw new HttpProblem(415, 'unsupported-media-type', 'Unsupported file type', 'Upload a JPG, PNG or WebP image.');
    // A signature says only how a file starts: the structure behind it must hold too.
    if (!wellFormed(bytes, type)) throw new HttpProblem(415, 'unsupported-media-type', 'Damaged image', 'This file is damaged or only starts like an image. Upload a JPG, PNG or WebP image.');
    // Every pixel decoded (the size read from the header and bounded first): what is stored is an image.
    await assertAvatarDecodes(bytes, type);
    const row = { id: randomUUID(), content_type: type, bytes, updated_at: now() };
    await db
      .insertInto('dn_avatar')
      .values({ user_id: signed.user.id, ...row })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
      .execute();
    return readProfile(signed.user.id);
  });

  route('removeAvatar', async ({ signed }) => {
    const removed = await db.deleteFrom('dn_avatar').where('user_id', '=', signed.user.id).executeTakeFirst();
    if (Number(removed.numDeletedRows) > 0) await db.updateTable('dn_profile').set({ updated_at: now() }).where('user_id', '=', signed.user.id).execute();
    return readProfile(signed.user.id);
  });

  // The picture itself, at a URL that changes with every upload (so it can be cached for good).
  // `nosniff` and the sniffed type keep a browser from reading it as anything but an image.
  app.get('/avatars/:id', async (c) => {
    const avatar = await db.selectFrom('dn_avatar').select(['content_type', 'bytes']).where('id', '=', c.req.param('id')).executeTakeFirst();
    if (!avatar) throw notFound('That picture');
    return new Response(new Uint8Array(avatar.bytes), {
      headers: {
        'Content-Type': avatar.content_type,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'public, max-age=31536000, immutable',
      },
    });
  });

  // ——— Re-authentication ———

  route('reauthenticate', async ({ signed, body }) => {
    if (body.method === 'password') {
      if (!(await verifyPassword(signed.user.id, body.password))) {
        throw fieldProblem(422, 'invalid-credentials', 'Wrong password', [{ field: 'password', message: 'That password is not correct.', code: 'invalid-credentials' }]);
      }
    } else {
      await confirmTotp(signed.user.id, body.code);
    }
    return openReauthWindow(signed.session.id);
  });

  // ——— Password ———

  route('getPasswordPolicy', () => Promise.resolve({ ...PASSWORD_POLICY, rules: [...PASSWORD_POLICY.rules] }));

  route('changePassword', async ({ signed, body, headers }) => {
    if (!(await verifyPassword(signed.user.id, body.currentPassword))) {
      throw fieldProblem(422, 'invalid-credentials', 'Wrong password', [{ field: 'currentPassword', message: 'Your current password is not correct.', code: 'invalid-credentials' }]);
    }
    checkNewPassword(body.newPassword);
    if (body.newPassword === body.currentPassword) {
      throw fieldProblem(422, 'password-rejected', 'Password rejected', [{ field: 'newPassword', message: 'Choose a password different from your current one.', code: 'same-as-current' }]);
    }
    await auth.api.changePassword({ body: { currentPassword: body.currentPassword, newPassword: body.newPassword, revokeOtherSessions: false }, headers });
    const changedAt = now();
    await notifier.notify(signed.user.id, ({ t, when }) => ({
      typeId: SECURITY_TYPE,
      kind: 'password-changed',
      title: t('passwordChanged.title'),
      body: t('passwordChanged.body'),
      mail: { subject: t('passwordChanged.subject'), text: [t('passwordChanged.text', { when: when(changedAt) }), t('passwordChanged.wasNotYou')].join('\n') },
    }));
    const others = await activeSessions(signed.user.id);
    return { changedAt: iso(now()), otherSessions: others.filter((x) => x.id !== signed.session.id).length };
  });

  // ——— Email change and password reset (email.ts) ———

  registerMailRoutes({ route, auth, db, outbox: options.outbox, links: options.links, now, readProfile, checkNewPassword, limits, notifier });

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

  // ——— Login activity ———

  const encodeCursor = (at: Date | string, id: string): string => Buffer.from(JSON.stringify([iso(at), id])).toString('base64url');
  function decodeCursor(cursor: string): { at: Date; id: string } {
    try {
      const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
      if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))) return { at: new Date(at), id };
    } catch {
      // Falls through to the problem below.
    }
    throw fieldProblem(422, 'validation', 'Invalid cursor', [{ field: 'cursor', message: 'This cursor is not valid. Start from the first page.' }]);
  }

  route('listLoginActivity', async ({ signed, query }) => {
    const limit = query.limit ?? 50;
    let select = db.selectFrom('dn_login_attempt').selectAll().where('user_id', '=', signed.user.id);
    if (query.status === 'failed') select = select.where('success', '=', false);
    if (query.cursor !== undefined) {
      const after = decodeCursor(query.cursor);
      select = select.where((eb) => eb.or([eb('at', '<', after.at), eb.and([eb('at', '=', after.at), eb('id', '<', after.id)])]));
    }
    // One more than the page tells whether another page follows.
    const rows = await select.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        id: row.id,
        at: iso(row.at),
        success: row.success,
        failureReason: row.failure_reason,
        ...describeUserAgent(row.user_agent),
        ip: row.ip,
        location: null,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor(last.at, last.id) : null,
    };
  });

  // ——— Trusted devices ———

  /** The user's trusted devices whose trust record (the plugin's) is still valid. */
  function trustedDevices(userId: string) {
    return db
      .selectFrom('dn_trusted_device')
      .innerJoin('verification', 'verification.identifier', 'dn_trusted_device.identifier')
      .selectAll('dn_trusted_device')
      .where('dn_trusted_device.user_id', '=', userId)
      .where('verification.value', '=', userId)
      .where('verification.expiresAt', '>', now())
      .orderBy('dn_trusted_device.last_used_at', 'desc')
      .execute();
  }

  /** Ends trust: the plugin's record (so its cookie no longer skips 2FA) and the row. */
  async function untrust(rows: { id: string; identifier: string }[]): Promise<void> {
    if (!rows.length) return;
    await db.transaction().execute(async (tx) => {
      await tx.deleteFrom('verification').where('identifier', 'in', rows.map((r) => r.identifier)).execute();
      await tx.deleteFrom('dn_trusted_device').where('id', 'in', rows.map((r) => r.id)).execute();
    });
  }

  route('listTrustedDevices', async ({ signed, headers }) => {
    const current = await currentTrustIdentifier(auth, headers);
    const rows = await trustedDevices(signed.user.id);
    return { items: rows.map((row) => ({ ...describeTrustedDevice(row), current: row.identifier === current })) };
  });

  route('revokeTrustedDevice', async ({ signed, params }) => {
    const row = (await trustedDevices(signed.user.id)).find((r) => r.id === params['id']);
    if (!row) throw notFound('That trusted device');
    await untrust([row]);
    return { revoked: 1 };
  });

  route('revokeAllTrustedDevices', async ({ signed }) => {
    const rows = await trustedDevices(signed.user.id);
    await untrust(rows);
    // Rows whose trust already ended go too.
    await db.deleteFrom('dn_trusted_device').where('user_id', '=', signed.user.id).execute();
    return { revoked: rows.length };
  });

  // ——— Two-factor (status) ———

  async function readTwoFactorStatus(userId: string): Promise<s.TwoFactorStatus> {
    const user = await db.selectFrom('user').select('twoFactorEnabled').where('id', '=', userId).executeTakeFirstOrThrow();
    const meta = await db.selectFrom('dn_two_factor_meta').selectAll().where('user_id', '=', userId).executeTakeFirst();
    const profile = await db.selectFrom('dn_profile').select('role').where('user_id', '=', userId).executeTakeFirst();
    const enabled = user.twoFactorEnabled === true;
    return {
      enabled,
      enabledAt: enabled && meta?.enabled_at ? iso(meta.enabled_at) : null,
      backupCodesRemaining: enabled ? await backupCodesRemaining(auth, db, userId) : 0,
      recommended: profile?.role === 'owner' || profile?.role === 'admin',
    };
  }

  async function twoFactorEnabled(userId: string): Promise<boolean> {
    const user = await db.selectFrom('user').select('twoFactorEnabled').where('id', '=', userId).executeTakeFirstOrThrow();
    return user.twoFactorEnabled === true;
  }

  route('getTwoFactorStatus', ({ signed }) => readTwoFactorStatus(signed.user.id));

  route('startTwoFactorSetup', async ({ signed }) => {
    const userId = signed.user.id;
    if (await twoFactorEnabled(userId)) throw new HttpProblem(409, 'conflict', 'Already on', 'Two-factor authentication is already on.');
    await limits.take('two-factor-setup-start', userId);
    const { secret, encrypted } = await newTotpSecret(auth);
    // The plugin's row, not yet verified: its sign-in step ignores it until setup is confirmed.
    const codes = await newBackupCodes(auth);
    // The plugin's lock counts failures with an increment, which a NULL counter would never reach: start it at 0.
    const row = { secret: encrypted, backupCodes: codes.encrypted, verified: false, failedVerificationCount: 0, lockedUntil: null };
    const existing = await db.selectFrom('twoFactor').select('id').where('userId', '=', userId).executeTakeFirst();
    if (existing) await db.updateTable('twoFactor').set(row).where('id', '=', existing.id).execute();
    else await db.insertInto('twoFactor').values({ id: randomUUID(), userId, ...row }).execute();
    const setupId = randomUUID();
    const expiresAt = new Date(now().getTime() + SETUP_TTL_MS);
    await db
      .insertInto('dn_two_factor_meta')
      .values({ user_id: userId, setup_id: setupId, setup_expires_at: expiresAt })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ setup_id: setupId, setup_expires_at: expiresAt }))
      .execute();
    const described = describeSecret(secret, ISSUER, signed.user.email);
    return {
      setupId,
      secret: described.base32,
      otpauthUri: described.uri,
      issuer: ISSUER,
      accountName: signed.user.email,
      digits: TOTP_DIGITS,
      period: TOTP_PERIOD,
      expiresAt: iso(expiresAt),
    };
  });

  route('verifyTwoFactorSetup', async ({ signed, body }) => {
    const userId = signed.user.id;
    if (await twoFactorEnabled(userId)) throw new HttpProblem(409, 'conflict', 'Already on', 'Two-factor authentication is already on.');
    const meta = await db.selectFrom('dn_two_factor_meta').selectAll().where('user_id', '=', userId).executeTakeFirst();
    const row = await db.selectFrom('twoFactor').select(['id', 'secret']).where('userId', '=', userId).executeTakeFirst();
    if (!row || !meta?.setup_id || meta.setup_id !== body.setupId || !meta.setup_expires_at || new Date(meta.setup_expires_at) <= now()) {
      throw new HttpProblem(410, 'setup-expired', 'Setup expired', 'This setup has expired. Start again.');
    }
    await limits.take('two-factor-setup', userId);
    const step = await matchTotpStep(await decryptSecret(auth, row.secret), body.code);
    if (step === null) throw fieldProblem(422, 'invalid-code', 'Wrong code', [{ field: 'code', message: 'That code is not correct.', code: 'invalid-code' }]);
    await limits.giveBack('two-factor-setup', userId);
    await acceptTotpStep(db, userId, step);
    const codes = await newBackupCodes(auth);
    const at = now();
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('twoFactor').set({ verified: true, backupCodes: codes.encrypted }).where('id', '=', row.id).execute();
      await tx.updateTable('user').set({ twoFactorEnabled: true, updatedAt: at }).where('id', '=', userId).execute();
      await tx.updateTable('dn_two_factor_meta').set({ enabled_at: at, backup_codes_generated_at: at, setup_id: null, setup_expires_at: null }).where('user_id', '=', userId).execute();
    });
    return { status: await readTwoFactorStatus(userId), backupCodes: { codes: codes.codes, generatedAt: iso(at) } };
  });

  route('disableTwoFactor', async ({ signed, body }) => {
    const userId = signed.user.id;
    if (!(await twoFactorEnabled(userId))) return readTwoFactorStatus(userId);
    await confirmIdentity(userId, body);
    const trusted = await db.selectFrom('dn_trusted_device').select('identifier').where('user_id', '=', userId).execute();
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('user').set({ twoFactorEnabled: false, updatedAt: now() }).where('id', '=', userId).execute();
      await tx.deleteFrom('twoFactor').where('userId', '=', userId).execute();
      await tx.updateTable('dn_two_factor_meta').set({ enabled_at: null, backup_codes_generated_at: null, setup_id: null, setup_expires_at: null }).where('user_id', '=', userId).execute();
      // Trust only skips a second factor; with none left, no device stays trusted.
      if (trusted.length) await tx.deleteFrom('verification').where('identifier', 'in', trusted.map((t) => t.identifier)).execute();
      await tx.deleteFrom('dn_trusted_device').where('user_id', '=', userId).execute();
    });
    return readTwoFactorStatus(userId);
  });

  route('regenerateBackupCodes', async ({ signed, body }) => {
    const userId = signed.user.id;
    if (!(await twoFactorEnabled(userId))) throw new HttpProblem(409, 'conflict', 'Two-factor authentication is off', 'Turn on two-factor authentication first.');
    await confirmIdentity(userId, body);
    const codes = await newBackupCodes(auth);
    const at = now();
    await db.updateTable('twoFactor').set({ backupCodes: codes.encrypted }).where('userId', '=', userId).execute();
    await db.updateTable('dn_two_factor_meta').set({ backup_codes_generated_at: at }).where('user_id', '=', userId).execute();
    return { codes: codes.codes, generatedAt: iso(at) };
  });

  route('verifyTwoFactorChallenge', (ctx) => options.challenge.verify(ctx.body, ctx.request, ctx.responseHeaders));

  // ——— Notifications ———

  const readNotifications = (userId: string): Promise<s.NotificationPreferences> => notificationMatrix(db, userId);

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

  // ——— The parts in modules of their own ———

  for (const register of options.features ?? []) register({ app, route, db, auth, now, apiUrl, verifyPassword, openReauthWindow });

  app.notFound(() => new HttpProblem(404, 'not-found', 'Not found', 'No such endpoint.').toResponse());
  app.onError((error) => {
    if (error instanceof HttpProblem) return error.toResponse();
    console.error('account API error', error);
    return new HttpProblem(500, 'internal', 'Server error', 'Something went wrong on the server.').toResponse();
  });
  return app;
}
