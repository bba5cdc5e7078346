/**
 * Delivery by SMTP through nodemailer: `SMTP_URL` is `smtp://user:pass@host:587` (STARTTLS when
 * the server offers it) or `smtps://user:pass@host:465` (TLS from the start); nodemailer's
 * query options apply (`?pool=true`, `?requireTLS=true`). The URL holds the password: it is never
 * logged, only `smtpTarget()` is.
 */
import nodemailer from 'nodemailer';
import type { MailTransport } from './mail.js';

export function smtpTransport(url: string): MailTransport {
  // Checked here so that a mistyped URL stops the server with a message that does not repeat it (it holds the password).
  const protocol = URL.canParse(url) ? new URL(url).protocol : null;
  if (protocol !== 'smtp:' && protocol !== 'smtps:') throw new Error('SMTP_URL must be smtp://user:pass@host:port or smtps://user:pass@host:port');
  const transporter = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transporter.sendMail({ from: message.from, to: message.to, subject: message.subject, text: message.text });
    },
    close() {
      transporter.close();
    },
  };
}

/** The URL without its credentials, for a log line: `smtps://mail.example.com:465`. */
export function smtpTarget(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}
