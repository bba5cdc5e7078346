/**
 * Email: every message the server sends is first written to the outbox (`dn_outbox`), then
 * handed to the transport, if one is configured (SMTP in a deployment). Without a transport
 * the outbox is the development mailbox: the demo shows it and tests read links from it.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** What a message is about; the development mailbox and tests filter by it. */
export type MailKind = 'email-change' | 'email-changed' | 'password-reset' | 'password-changed' | 'new-device';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  kind: MailKind;
}

export interface StoredMail extends MailMessage {
  id: string;
  createdAt: string;
  sentAt: string | null;
}

/** Delivers a message (SMTP, an email API); throws when it cannot. */
export interface MailTransport {
  send(message: MailMessage & { from: string }): Promise<void>;
}

/** Where the links in the messages lead: the host's pages that complete the step. */
export interface MailLinks {
  verifyEmail(token: string): string;
  resetPassword(token: string): string;
}

/** Links to `<appUrl>/verify-email?token=…` and `<appUrl>/reset-password?token=…`. */
export function defaultLinks(appUrl: string): MailLinks {
  const base = appUrl.replace(/\/$/, '');
  return {
    verifyEmail: (token) => `${base}/verify-email?token=${encodeURIComponent(token)}`,
    resetPassword: (token) => `${base}/reset-password?token=${encodeURIComponent(token)}`,
  };
}

export interface OutboxOptions {
  db: Kysely<Database>;
  /** Without one, messages stay in the outbox (the development mailbox). */
  transport?: MailTransport | undefined;
  from?: string | undefined;
  now?: () => Date;
}

export class Outbox {
  readonly #db: Kysely<Database>;
  readonly #transport: MailTransport | undefined;
  readonly #from: string;
  readonly #now: () => Date;

  constructor(options: OutboxOptions) {
    this.#db = options.db;
    this.#transport = options.transport;
    this.#from = options.from ?? 'DialNexa <no-reply@localhost>';
    this.#now = options.now ?? (() => new Date());
  }

  /** Writes the message to the outbox and delivers it when a transport is configured. */
  async send(message: MailMessage): Promise<void> {
    const id = randomUUID();
    await this.#db
      .insertInto('dn_outbox')
      .values({ id, to: message.to, subject: message.subject, text: message.text, kind: message.kind, created_at: this.#now(), sent_at: null })
      .execute();
    if (!this.#transport) return;
    try {
      await this.#transport.send({ ...message, from: this.#from });
      await this.#db.updateTable('dn_outbox').set({ sent_at: this.#now() }).where('id', '=', id).execute();
    } catch (error) {
      // The message stays unsent in the outbox; the address and the link are not logged.
      console.error(`mail ${id} (${message.kind}) not delivered:`, error instanceof Error ? error.message : error);
    }
  }

  /** The newest messages first, to one address or all. */
  async list(options: { to?: string | undefined; limit?: number } = {}): Promise<StoredMail[]> {
    let select = this.#db.selectFrom('dn_outbox').selectAll();
    if (options.to) select = select.where((eb) => eb(eb.fn('lower', ['to']), '=', options.to!.toLowerCase()));
    const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit ?? 50).execute();
    return rows.map((row) => ({
      id: row.id,
      to: row.to,
      subject: row.subject,
      text: row.text,
      kind: row.kind as MailKind,
      createdAt: new Date(row.created_at).toISOString(),
      sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
    }));
  }
}
