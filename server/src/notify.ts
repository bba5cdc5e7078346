/**
 * The account's own notifications: a sign-in from a device not seen before, a changed
 * password, a changed sign-in email. Each is sent on the channels the user's notification
 * matrix has on for its type (`dn_notification_setting` over the catalog's defaults, a locked
 * cell always at its default): by email through the outbox, and in-app into `dn_inbox_item`,
 * which `GET /api/inbox` serves to the host's bell (outside the contract).
 *
 * A device is a browser: a long-lived random id in the HttpOnly `dn-device` cookie (only its
 * SHA-256 is stored, in `dn_known_device`) together with the browser and system read from the
 * User-Agent. A sign-in is from a new device when the cookie is missing or unknown for the user,
 * or the browser or system differ from what was seen with it. The first device a user ever
 * signs in from is recorded without an alert: there is nothing to compare it with.
 *
 * A notice is written for its reader (`i18n.ts`): in the language of the user's profile, its
 * times in the user's time zone.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type * as s from '../../src/api/schemas.js';
import { NOTIFICATION_CATALOG } from '../../mock/seed.js';
import type { Auth } from './auth.js';
import { recipientOf, type Recipient } from './i18n.js';
import { clientIp, describeUserAgent, requestCookie } from './device.js';
import type { MailKind, Outbox } from './mail.js';
import { HttpProblem, unauthorized } from './problem.js';
import type { Database } from './schema.js';

export type InboxKind = 'new-device' | 'password-changed' | 'email-changed';

export interface InboxItemTable {
  id: string;
  user_id: string;
  kind: InboxKind;
  title: string;
  body: string;
  created_at: Date | string;
  read_at: Date | string | null;
}

export interface KnownDeviceTable {
  user_id: string;
  device_hash: string;
  browser: string;
  os: string;
  first_seen_at: Date | string;
  last_seen_at: Date | string;
}

declare module './schema.js' {
  interface Database {
    dn_inbox_item: InboxItemTable;
    dn_known_device: KnownDeviceTable;
  }
}

/** The catalog type the account's security notices belong to (its cells are locked on). */
export const SECURITY_TYPE = 'security-alerts';
export const DEVICE_COOKIE = 'dn-device';
export const INBOX_PATH = '/api/inbox';
const INBOX_LIMIT = 50;
const DEVICE_ID = /^[A-Za-z0-9_-]{43}$/;
/** How long a browser keeps the device cookie (the most browsers allow). */
const DEVICE_COOKIE_DAYS = 400;
const DAY_MS = 24 * 60 * 60_000;

/** The user's matrix: the catalog's defaults, the user's stored choices, locked cells at their default. */
export async function notificationMatrix(db: Kysely<Database>, userId: string): Promise<s.NotificationPreferences> {
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

export interface Notice {
  /** The catalog type whose cells decide the channels. */
  typeId: string;
  kind: InboxKind & MailKind;
  /** The in-app item. */
  title: string;
  body: string;
  /** The email; to the account's address unless `to` says otherwise (the old one, after a change). */
  mail: { subject: string; text: string; to?: string };
}

/** A notice as written for its reader: in their language, times in their zone. */
export type NoticeFor = (reader: Recipient) => Notice;

/** `Browser on System` without version numbers, as the user names a device. */
function deviceName(userAgent: string | null): { browser: string; os: string } {
  const described = describeUserAgent(userAgent);
  const family = (name: string): string => name.replace(/ \d[\d.]*$/, '');
  return { browser: family(described.browser), os: family(described.os) };
}

export class Notifier {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly outbox: Outbox,
    private readonly now: () => Date = () => new Date(),
    /** Development: the device cookie without `Secure`. */
    private readonly development = false,
  ) {}

  /**
   * Sends `notice` to the user on every channel their matrix has on for its type; given as a
   * function, it is written for the user (their profile's language and time zone).
   */
  async notify(userId: string, given: Notice | NoticeFor): Promise<void> {
    const notice = typeof given === 'function' ? given(await recipientOf(this.db, userId)) : given;
    const matrix = await notificationMatrix(this.db, userId);
    const cells = matrix.values[notice.typeId] ?? {};
    if (cells['in-app']) {
      await this.db
        .insertInto('dn_inbox_item')
        .values({ id: randomUUID(), user_id: userId, kind: notice.kind, title: notice.title, body: notice.body, created_at: this.now(), read_at: null })
        .execute();
    }
    if (cells['email']) {
      const to = notice.mail.to ?? (await this.db.selectFrom('user').select('email').where('id', '=', userId).executeTakeFirst())?.email;
      if (to) await this.outbox.send({ to, kind: notice.kind, subject: notice.mail.subject, text: notice.mail.text });
    }
  }

  /**
   * A successful sign-in: records the device and alerts when it is new for the user. Returns
   * the `Set-Cookie` line of a new device cookie when the request had none.
   */
  async signedIn(userId: string, headers: Headers): Promise<string | null> {
    const sent = requestCookie(headers, DEVICE_COOKIE);
    const id = sent && DEVICE_ID.test(sent) ? sent : randomBytes(32).toString('base64url');
    const hash = createHash('sha256').update(id).digest('base64url');
    const userAgent = headers.get('user-agent');
    const { browser, os } = deviceName(userAgent);
    const at = this.now();
    const seen = await this.db.selectFrom('dn_known_device').select(['device_hash', 'browser', 'os']).where('user_id', '=', userId).execute();
    const same = seen.find((d) => d.device_hash === hash);
    const known = same !== undefined && same.browser === browser && same.os === os;
    // A device unseen for as long as its cookie lives is gone from the browser too.
    await this.db.deleteFrom('dn_known_device').where('user_id', '=', userId).where('last_seen_at', '<', new Date(at.getTime() - DEVICE_COOKIE_DAYS * DAY_MS)).execute();
    await this.db
      .insertInto('dn_known_device')
      .values({ user_id: userId, device_hash: hash, browser, os, first_seen_at: at, last_seen_at: at })
      .onConflict((oc) => oc.columns(['user_id', 'device_hash']).doUpdateSet({ browser, os, last_seen_at: at }))
      .execute();
    if (!known && seen.length > 0) {
      const ip = clientIp(headers);
      await this.notify(userId, ({ t, when }) => {
        const device = t('device.named', { browser: browser === 'Unknown' ? t('device.unknownBrowser') : browser, os: os === 'Unknown' ? t('device.unknownSystem') : os });
        const values = { device, when: when(at), ...(ip && { address: ip }) };
        return {
          typeId: SECURITY_TYPE,
          kind: 'new-device',
          title: t('newDevice.title'),
          body: t(ip ? 'newDevice.bodyWithAddress' : 'newDevice.body', values),
          mail: {
            subject: t('newDevice.subject'),
            text: [t(ip ? 'newDevice.textWithAddress' : 'newDevice.text', values), t('newDevice.wasYou'), t('newDevice.wasNotYou')].join('\n'),
          },
        };
      });
    }
    if (sent === id) return null;
    return [`${DEVICE_COOKIE}=${id}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${(DEVICE_COOKIE_DAYS * DAY_MS) / 1000}`, ...(this.development ? [] : ['Secure'])].join('; ');
  }
}

/** `GET /api/inbox` and `POST /api/inbox/read`: the in-app notifications of the signed-in user. */
export function inboxRoutes(app: Hono, options: { auth: Auth; db: Kysely<Database>; now: () => Date }): void {
  const { auth, db, now } = options;
  const userOf = async (headers: Headers): Promise<string> => {
    const found = await auth.api.getSession({ headers });
    if (!found) throw unauthorized();
    return found.user.id;
  };
  const answer = (run: (headers: Headers) => Promise<unknown>) => async (c: { req: { raw: Request } }) => {
    try {
      return Response.json(await run(c.req.raw.headers), { headers: { 'Cache-Control': 'no-store' } });
    } catch (error) {
      if (error instanceof HttpProblem) return error.toResponse();
      throw error;
    }
  };

  app.get(
    INBOX_PATH,
    answer(async (headers) => {
      const userId = await userOf(headers);
      const rows = await db.selectFrom('dn_inbox_item').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(INBOX_LIMIT).execute();
      const unread = await db.selectFrom('dn_inbox_item').select((eb) => eb.fn.countAll<string>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          title: r.title,
          body: r.body,
          createdAt: new Date(r.created_at).toISOString(),
          readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
        })),
        unread: Number(unread.n),
      };
    }),
  );

  app.post(
    `${INBOX_PATH}/read`,
    answer(async (headers) => {
      const userId = await userOf(headers);
      await db.updateTable('dn_inbox_item').set({ read_at: now() }).where('user_id', '=', userId).where('read_at', 'is', null).execute();
      return { unread: 0 };
    }),
  );
}
