/**
 * Email: every message the server sends is first written to the outbox (`dn_outbox`), then
 * handed to the transport, if one is configured (SMTP in a deployment, `smtp.ts`), retried until
 * sent or given up. Without a transport the outbox is the development mailbox: the demo shows it
 * and tests read links from it.
 */
import { Periodic } from './periodic.js';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
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
  /** `mailbox` (no transport), `queued` (waiting for an attempt), `sent` or `failed` (attempts used up). */
  status: OutboxStatus;
  attempts: number;
}

export type OutboxStatus = 'mailbox' | 'queued' | 'sent' | 'failed';

/** Delivers a message (SMTP, an email API); throws when it cannot. */
export interface MailTransport {
  send(message: MailMessage & { from: string }): Promise<void>;
  /** Ends open connections (on shutdown). */
  close?(): void | Promise<void>;
}

/** How delivery is retried: `attempts` in all, waiting `backoffMs(n)` after the n-th failure. */
export interface RetryPolicy {
  attempts: number;
  backoffMs: (failures: number) => number;
  /** How often the worker looks for messages due, in ms. */
  pollMs: number;
  /** How long one attempt may take before another instance may try the message again, in ms. */
  leaseMs: number;
}

/** 6 attempts over about 16 minutes: 30 s, 1, 2, 4 and 8 minutes apart. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, backoffMs: (failures) => 30_000 * 2 ** (failures - 1), pollMs: 5_000, leaseMs: 60_000 };

/**
 * What may be logged or stored of a failed attempt: the error's code and the server's reply
 * code (`EAUTH`, `ECONNECTION`, `550`…), never its text, which can quote the address or the message.
 */
export function deliveryError(error: unknown): string {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; name?: unknown };
  const parts = [typeof e.code === 'string' ? e.code : null, typeof e.responseCode === 'number' ? String(e.responseCode) : null].filter(Boolean);
  return parts.length ? parts.join(' ') : typeof e.name === 'string' ? e.name : 'Error';
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
  retry?: Partial<RetryPolicy> | undefined;
  /** Where a failed attempt is reported (its id, kind, attempt and error code only). */
  log?: (line: string) => void;
}

/**
 * Every message is written to `dn_outbox` first. With a transport it is `queued` and its first
 * attempt starts at once, without holding up the request; a failed attempt is retried by the worker (`start()`) after a growing pause until the
 * policy's attempts are used up (`failed`). A message being sent is claimed for `leaseMs`
 * (`FOR UPDATE SKIP LOCKED`), so instances sharing a database never send one twice at a time,
 * and one a stopped process left half-sent is tried again once the lease ends.
 */
export class Outbox {
  readonly #db: Kysely<Database>;
  readonly #transport: MailTransport | undefined;
  readonly #from: string;
  readonly #now: () => Date;
  readonly #retry: RetryPolicy;
  readonly #log: (line: string) => void;
  readonly #loop: Periodic;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(options: OutboxOptions) {
    this.#db = options.db;
    this.#transport = options.transport;
    this.#from = options.from ?? 'DialNexa <no-reply@localhost>';
    this.#now = options.now ?? (() => new Date());
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#log = options.log ?? ((line) => console.error(line));
    this.#loop = new Periodic(() => this.deliverDue().catch((error: unknown) => this.#log(`mail worker: ${deliveryError(error)}`)), this.#retry.pollMs);
  }

  /** Writes the message to the outbox and, when a transport is configured, starts the first attempt. */
  async send(message: MailMessage): Promise<void> {
    const id = randomUUID();
    const now = this.#now();
    await this.#db
      .insertInto('dn_outbox')
      .values({
        id,
        to: message.to,
        subject: message.subject,
        text: message.text,
        kind: message.kind,
        created_at: now,
        sent_at: null,
        status: this.#transport ? 'queued' : 'mailbox',
        // Claimed by this first attempt; the worker takes it over if the attempt never finishes.
        next_attempt_at: this.#transport ? new Date(now.getTime() + this.#retry.leaseMs) : null,
        ...(this.#transport && { attempts: 1 }),
      })
      .execute();
    if (!this.#transport) return;
    // Not awaited: the message is safe in the outbox, and the answer to the request that caused
    // it neither waits for the mail server nor takes longer when an address exists.
    this.#track(this.#attempt({ id, to: message.to, subject: message.subject, text: message.text, kind: message.kind, attempts: 1 }));
  }

  /** Keeps an attempt until it settles (`stop()` waits for it); its errors are reported, never thrown. */
  #track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => this.#log(`mail worker: ${deliveryError(error)}`)).finally(() => this.#inFlight.delete(tracked));
    this.#inFlight.add(tracked);
  }

  /** Resolves when the attempts under way have settled (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#inFlight]);
  }

  /** Starts the worker that retries messages due (nothing to do without a transport). */
  start(): void {
    if (this.#transport) this.#loop.start();
  }

  /** Waits for the attempts under way, then stops retrying and closes the transport. */
  async stop(): Promise<void> {
    await this.#loop.stop();
    await this.settled();
    await this.#transport?.close?.();
  }

  /** Attempts every queued message that is due; resolves when none is left. */
  async deliverDue(): Promise<void> {
    while (!this.#loop.stopped) {
      const row = await this.#claim();
      if (!row) return;
      await this.#attempt(row);
    }
  }

  async #claim(): Promise<{ id: string; to: string; subject: string; text: string; kind: string; attempts: number } | undefined> {
    const now = this.#now();
    const result = await sql<{ id: string; to: string; subject: string; text: string; kind: string; attempts: number }>`
      update dn_outbox set attempts = attempts + 1, next_attempt_at = ${new Date(now.getTime() + this.#retry.leaseMs)}
      where id = (select id from dn_outbox where status = 'queued' and next_attempt_at <= ${now} order by next_attempt_at limit 1 for update skip locked)
      returning id, "to", subject, text, kind, attempts`.execute(this.#db);
    return result.rows[0];
  }

  async #attempt(row: { id: string; to: string; subject: string; text: string; kind: string; attempts: number }): Promise<void> {
    try {
      await this.#transport!.send({ to: row.to, subject: row.subject, text: row.text, kind: row.kind as MailKind, from: this.#from });
      await this.#db.updateTable('dn_outbox').set({ status: 'sent', sent_at: this.#now(), next_attempt_at: null, last_error: null }).where('id', '=', row.id).execute();
    } catch (error) {
      const reason = deliveryError(error);
      const last = row.attempts >= this.#retry.attempts;
      // The id, the kind and the error's code only: the address and the link stay out of the log.
      this.#log(`mail ${row.id} (${row.kind}) attempt ${row.attempts} of ${this.#retry.attempts} failed: ${reason}${last ? '; giving up' : ''}`);
      await this.#db
        .updateTable('dn_outbox')
        .set({
          status: last ? 'failed' : 'queued',
          last_error: reason,
          next_attempt_at: last ? null : new Date(this.#now().getTime() + this.#retry.backoffMs(row.attempts)),
        })
        .where('id', '=', row.id)
        .execute();
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
      status: row.status as OutboxStatus,
      attempts: row.attempts,
    }));
  }
}
