/**
 * Delivery of the outbox by SMTP (nodemailer) to a real SMTP listener on loopback
 * (`smtp-server`): the message arrives signed in with the URL's credentials and with its
 * headers; a refused attempt is retried, then marked failed; nothing secret reaches the log.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { createAccountServer, DEMO_EMAIL, type AccountServer } from '../src/index.js';
import { smtpTarget, smtpTransport } from '../src/smtp.js';
import { tokenOfMail } from './conformance-hooks.js';
import { testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
const API = `${ORIGIN}/api/account`;
const USER = 'mailer';
const PASSWORD = 'smtp-Secret-7Qx';
const FROM = 'DialNexa Accounts <accounts@northwind-calls.example>';

interface Received {
  user: string | undefined;
  envelopeFrom: string | false;
  envelopeTo: string[];
  raw: string;
}

/** What the listener answers to RCPT TO: accept, or an SMTP error with this code. */
let refuse: () => number | null = () => null;
const received: Received[] = [];
let smtp: SMTPServer;
let port: number;
let server: AccountServer;
const logged: string[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    // Loopback only, so plain AUTH is allowed; no STARTTLS (its certificate would be self-signed).
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(_address, _session, callback) {
      const code = refuse();
      callback(code ? Object.assign(new Error(`Mailbox unavailable for ${_address.address}`), { responseCode: code }) : null);
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          user: session.user as string | undefined,
          envelopeFrom: session.envelope.mailFrom && session.envelope.mailFrom.address,
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
  server = await createAccountServer({
    ...testStorage(),
    baseUrl: ORIGIN,
    appUrl: 'http://localhost:5173',
    development: true,
    seedDemo: true,
    mailFrom: FROM,
    mailTransport: smtpTransport(`smtp://${USER}:${PASSWORD}@127.0.0.1:${port}`),
    // Quick retries for the test: 3 attempts, 50 ms apart.
    mailRetry: { attempts: 3, backoffMs: () => 50, pollMs: 20 },
  });
});

afterEach(() => {
  refuse = () => null;
});

afterAll(async () => {
  await server?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  vi.restoreAllMocks();
});

const requestReset = () =>
  server.fetch(new Request(`${API}/password-reset`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN }, body: JSON.stringify({ email: DEMO_EMAIL }) }));

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('timed out waiting for delivery');
}

/** The header block of a raw message, unfolded, as a map of lower-case names. */
function headersOf(raw: string): Map<string, string> {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  return new Map(head.split('\r\n').map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
}

const newest = async () => (await server.outbox.list({ to: DEMO_EMAIL, limit: 1 }))[0]!;
const tokens = async () => (await server.outbox.list({ limit: 50 })).map((m) => tokenOfMail([m], m.kind, m.to)).filter((t): t is string => !!t);

it('delivers a message over SMTP with the URL credentials, the sender and the headers, and marks it sent', async () => {
  // The answer does not wait for the mail server: the message is in the outbox, its attempt under way.
  expect((await requestReset()).status).toBe(200);
  const [mail] = await until(async () => received, (r) => r.length === 1);
  expect(mail!.user).toBe(USER);
  expect(mail!.envelopeFrom).toBe('accounts@northwind-calls.example');
  expect(mail!.envelopeTo).toEqual([DEMO_EMAIL]);
  const headers = headersOf(mail!.raw);
  expect(headers.get('from')).toBe(FROM);
  expect(headers.get('to')).toBe(DEMO_EMAIL);
  expect(headers.get('subject')).toBe('Reset your password');
  expect(headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/i);
  expect(headers.get('message-id')).toMatch(/^<.+@.+>$/);
  expect(headers.get('date')).toBeTruthy();
  // The link in the body is the one the outbox kept.
  await server.outbox.settled();
  const stored = await newest();
  const token = tokenOfMail([stored], 'password-reset', DEMO_EMAIL)!;
  expect(headers.get('content-transfer-encoding')).toBe('quoted-printable');
  const body = mail!.raw.slice(mail!.raw.indexOf('\r\n\r\n') + 4).replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  expect(body).toContain(`http://localhost:5173/reset-password?token=${token}`);
  expect(stored).toMatchObject({ status: 'sent', attempts: 1 });
  expect(stored.sentAt).toBeTruthy();
});

it('retries a refused delivery after a pause and sends it on a later attempt', async () => {
  let refusals = 1;
  refuse = () => (refusals-- > 0 ? 451 : null);
  const before = received.length;
  await requestReset();
  const sent = await until(newest, (m) => m.status === 'sent');
  expect(sent.attempts).toBe(2);
  expect(received.length).toBe(before + 1);
  expect(logged.some((line) => line.includes(`mail ${sent.id} (password-reset) attempt 1 of 3 failed: EENVELOPE 451`))).toBe(true);
  const row = await server.database.db.selectFrom('dn_outbox').select(['last_error', 'next_attempt_at']).where('id', '=', sent.id).executeTakeFirstOrThrow();
  expect(row).toEqual({ last_error: null, next_attempt_at: null });
});

it('gives up after the last attempt and keeps the message as failed with the reason', async () => {
  refuse = () => 550;
  const before = received.length;
  await requestReset();
  const failed = await until(newest, (m) => m.status === 'failed');
  expect(failed.attempts).toBe(3);
  expect(received.length).toBe(before);
  const row = await server.database.db.selectFrom('dn_outbox').select(['last_error', 'next_attempt_at', 'sent_at']).where('id', '=', failed.id).executeTakeFirstOrThrow();
  expect(row).toEqual({ last_error: 'EENVELOPE 550', next_attempt_at: null, sent_at: null });
  expect(logged.filter((line) => line.includes(`mail ${failed.id}`))).toHaveLength(3);
  expect(logged.some((line) => line.includes(`mail ${failed.id} (password-reset) attempt 3 of 3 failed: EENVELOPE 550; giving up`))).toBe(true);
});

it('sends a message a stopped process left queued or half-sent, once its claim has lapsed', async () => {
  const before = received.length;
  const past = new Date(Date.now() - 60_000);
  const left = { to: DEMO_EMAIL, text: 'Left behind by a stopped instance.', kind: 'password-changed', created_at: past, sent_at: null, status: 'queued' };
  await server.database.db
    .insertInto('dn_outbox')
    .values([
      { ...left, id: 'left-queued', subject: 'Queued before a restart', attempts: 1, next_attempt_at: past },
      // Claimed by an attempt that never finished; its lease ends in an hour.
      { ...left, id: 'left-claimed', subject: 'Claimed elsewhere', attempts: 1, next_attempt_at: new Date(Date.now() + 60 * 60_000) },
    ])
    .execute();
  const row = (id: string) => server.database.db.selectFrom('dn_outbox').select(['status', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow();
  expect(await until(() => row('left-queued'), (r) => r.status === 'sent')).toEqual({ status: 'sent', attempts: 2 });
  expect(received.slice(before).map((m) => headersOf(m.raw).get('subject'))).toEqual(['Queued before a restart']);
  // Still under another instance's claim: left alone.
  expect(await row('left-claimed')).toEqual({ status: 'queued', attempts: 1 });
});

it('reports a refused sign-in to the SMTP server by its code, and never logs the password, the address or a link token', async () => {
  const wrong = smtpTransport(`smtp://${USER}:not-${PASSWORD}@127.0.0.1:${port}`);
  const error = await wrong.send({ to: DEMO_EMAIL, subject: 'x', text: 'x', kind: 'password-reset', from: FROM }).then(
    () => null,
    (e: unknown) => e,
  );
  await wrong.close?.();
  expect(error).toMatchObject({ code: 'EAUTH', responseCode: 535 });
  expect(smtpTarget(`smtps://${USER}:${PASSWORD}@mail.example.com:465`)).toBe('smtps://mail.example.com:465');
  // A mistyped URL is refused without repeating it.
  for (const bad of [`${USER}:${PASSWORD}@mail.example.com:587`, `http://${USER}:${PASSWORD}@mail.example.com`]) {
    expect(() => smtpTransport(bad)).toThrow(/^SMTP_URL must be smtp:\/\/user:pass@host:port or smtps:/);
    expect(() => smtpTransport(bad)).not.toThrow(PASSWORD);
  }

  const secrets = [PASSWORD, DEMO_EMAIL, ...(await tokens())];
  expect(secrets.length).toBeGreaterThan(3);
  expect(logged.length).toBeGreaterThan(0);
  for (const line of logged) for (const secret of secrets) expect(line).not.toContain(secret);
});
