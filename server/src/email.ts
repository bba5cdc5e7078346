/**
 * Email change and password reset: the links the server mails and what their tokens do.
 *
 * Tokens are random strings from Better Auth's generator; only their SHA-256 hash is stored
 * (`@better-auth/utils/hash`). A pending email change keeps its hash in `dn_email_change`;
 * a password reset is Better Auth's own (`requestPasswordReset` / `resetPassword`, its
 * `reset-password:` record stored hashed). A used token's hash is kept in `dn_used_token` until
 * the link would have expired, so a second click answers `410 token-used` rather than
 * `token-expired`.
 */
import { APIError } from 'better-auth/api';
import { generateRandomString } from 'better-auth/crypto';
import { createHash } from '@better-auth/utils/hash';
import type { Kysely } from 'kysely';
import { EMAIL_CHANGE_VALID_HOURS, PASSWORD_RESET_VALID_MINUTES } from '../../src/api/contract/constants.js';
import type { EndpointName } from '../../src/api/endpoints.js';
import type * as s from '../../src/api/schemas.js';
import type { Handler } from './account.js';
import type { Auth } from './auth.js';
import type { MailLinks, Outbox } from './mail.js';
import { clientIp } from './device.js';
import { recipient, recipientOf } from './i18n.js';
import { SECURITY_TYPE, type Notifier } from './notify.js';
import { fieldProblem, HttpProblem } from './problem.js';
import type { RateLimiter } from './rate-limit.js';
import type { Database } from './schema.js';

const HOUR_MS = 60 * 60_000;
/** How long the reset page asks the user to wait before sending another link. */
const RESET_RESEND_SECONDS = 60;

/** A new link token: 32 characters from Better Auth's random string generator (192 bits). */
export const newToken = (): string => generateRandomString(32);

/** The stored form of a token: its SHA-256, base64url. */
export const hashToken = (token: string): Promise<string> => createHash('SHA-256', 'base64url').digest(token);

const tokenUsed = (what: string): HttpProblem => new HttpProblem(410, 'token-used', 'Link already used', `This ${what} link was already used.`);
const tokenExpired = (what: string, again: string): HttpProblem =>
  new HttpProblem(410, 'token-expired', 'Link expired', `This ${what} link has expired or was replaced by a newer one. ${again}`);

/** What the routes of this module need from the account API. */
export interface MailRoutesContext {
  route: <K extends EndpointName>(name: K, handler: Handler<K>) => void;
  auth: Auth;
  db: Kysely<Database>;
  outbox: Outbox;
  links: MailLinks;
  now: () => Date;
  readProfile(userId: string): Promise<s.Profile>;
  /** Throws the policy's 422 for a password it refuses, on `field`. */
  checkNewPassword(password: string, field?: string): void;
  /** Requests that send mail are counted: email-change links per user, reset links per address and per client. */
  limits: RateLimiter;
  /** The notices of a changed email and a reset password, on the channels the user has on. */
  notifier: Notifier;
}

export function registerMailRoutes(context: MailRoutesContext): void {
  const { route, auth, db, outbox, links, now, readProfile, checkNewPassword, limits, notifier } = context;

  async function markUsed(tokenHash: string, kind: string, forgetAfter: Date): Promise<void> {
    const at = now();
    await db.deleteFrom('dn_used_token').where('forget_after', '<', at).execute();
    await db.insertInto('dn_used_token').values({ token_hash: tokenHash, kind, used_at: at, forget_after: forgetAfter }).onConflict((oc) => oc.column('token_hash').doNothing()).execute();
  }

  async function wasUsed(tokenHash: string, kind: string): Promise<boolean> {
    const row = await db.selectFrom('dn_used_token').select('token_hash').where('token_hash', '=', tokenHash).where('kind', '=', kind).where('forget_after', '>', now()).executeTakeFirst();
    return row !== undefined;
  }

  async function emailTaken(email: string, exceptUserId: string): Promise<boolean> {
    const row = await db
      .selectFrom('user')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .where('id', '!=', exceptUserId)
      .executeTakeFirst();
    return row !== undefined;
  }

  const takenProblem = (): HttpProblem =>
    fieldProblem(409, 'email-taken', 'Email already in use', [{ field: 'newEmail', message: 'Another account already uses this address.', code: 'email-taken' }]);

  // ——— Email change ———

  async function readEmailChange(userId: string): Promise<s.EmailChangeState> {
    const row = await db.selectFrom('dn_email_change').selectAll().where('user_id', '=', userId).where('expires_at', '>', now()).executeTakeFirst();
    return {
      pending: row ? { newEmail: row.new_email, requestedAt: new Date(row.requested_at).toISOString(), expiresAt: new Date(row.expires_at).toISOString() } : null,
      // The request is a sensitive endpoint: the re-authentication window stands in for the password.
      passwordRequired: false,
    };
  }

  /** A new link for the pending change (replacing any earlier one) and its message to the new address. */
  async function sendVerification(userId: string, newEmail: string, requestedAt: Date, sentAt = now()): Promise<void> {
    const token = newToken();
    const expiresAt = new Date(sentAt.getTime() + EMAIL_CHANGE_VALID_HOURS * HOUR_MS);
    const row = { new_email: newEmail, token_hash: await hashToken(token), requested_at: requestedAt, expires_at: expiresAt };
    await db
      .insertInto('dn_email_change')
      .values({ user_id: userId, ...row })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
      .execute();
    const { t, when, duration } = await recipientOf(db, userId);
    await outbox.send({
      to: newEmail,
      kind: 'email-change',
      subject: t('confirmEmail.subject'),
      text: [
        t('confirmEmail.intro'),
        t('confirmEmail.confirm', { duration: duration(EMAIL_CHANGE_VALID_HOURS, 'hour'), until: when(expiresAt) }),
        '',
        links.verifyEmail(token),
        '',
        t('confirmEmail.wasNotYou'),
      ].join('\n'),
    });
  }

  route('getEmailChange', ({ signed }) => readEmailChange(signed.user.id));

  route('requestEmailChange', async ({ signed, body }) => {
    const newEmail = body.newEmail.trim();
    if (newEmail.toLowerCase() === signed.user.email.toLowerCase()) {
      throw fieldProblem(422, 'validation', 'Same address', [{ field: 'newEmail', message: 'This is already your email address.' }]);
    }
    if (await emailTaken(newEmail, signed.user.id)) throw takenProblem();
    await limits.take('email-change', signed.user.id);
    const at = now();
    await sendVerification(signed.user.id, newEmail, at, at);
    return readEmailChange(signed.user.id);
  });

  route('resendEmailChange', async ({ signed }) => {
    const pending = await db.selectFrom('dn_email_change').selectAll().where('user_id', '=', signed.user.id).where('expires_at', '>', now()).executeTakeFirst();
    if (!pending) throw new HttpProblem(409, 'conflict', 'Nothing to resend', 'No email change is pending.');
    await limits.take('email-change', signed.user.id);
    await sendVerification(signed.user.id, pending.new_email, new Date(pending.requested_at));
    return readEmailChange(signed.user.id);
  });

  route('cancelEmailChange', async ({ signed }) => {
    await db.deleteFrom('dn_email_change').where('user_id', '=', signed.user.id).execute();
    return readEmailChange(signed.user.id);
  });

  route('verifyEmailChange', async ({ body }) => {
    const tokenHash = await hashToken(body.token);
    if (await wasUsed(tokenHash, 'email-change')) throw tokenUsed('verification');
    const pending = await db.selectFrom('dn_email_change').selectAll().where('token_hash', '=', tokenHash).where('expires_at', '>', now()).executeTakeFirst();
    if (!pending) throw tokenExpired('verification', 'Request the change again.');
    if (await emailTaken(pending.new_email, pending.user_id)) throw takenProblem();
    // Taking the row is what uses the token: of two clicks at once, one finds nothing left.
    const taken = await db.deleteFrom('dn_email_change').where('token_hash', '=', tokenHash).returningAll().executeTakeFirst();
    if (!taken) throw tokenUsed('verification');
    await markUsed(tokenHash, 'email-change', new Date(taken.expires_at));
    const user = await db.selectFrom('user').select('email').where('id', '=', taken.user_id).executeTakeFirstOrThrow();
    const authContext = await auth.$context;
    await authContext.internalAdapter.updateUser(taken.user_id, { email: taken.new_email, emailVerified: true, updatedAt: now() });
    // Told at the old address: the one that would not know otherwise.
    const changedAt = now();
    await notifier.notify(taken.user_id, ({ t, when }) => ({
      typeId: SECURITY_TYPE,
      kind: 'email-changed',
      title: t('emailChanged.title'),
      body: t('emailChanged.body', { newEmail: taken.new_email, oldEmail: user.email }),
      mail: {
        to: user.email,
        subject: t('emailChanged.subject'),
        text: [t('emailChanged.text', { newEmail: taken.new_email, when: when(changedAt) }), t('emailChanged.wasNotYou')].join('\n'),
      },
    }));
    return readProfile(taken.user_id);
  });

  // ——— Password reset ———

  route('requestPasswordReset', async ({ body, headers }) => {
    // Counted per address asked for, known or not, so the limit tells nothing about who has an account.
    await limits.take('password-reset', body.email.trim().toLowerCase());
    await limits.take('password-reset-ip', clientIp(headers) || 'unknown');
    // Better Auth answers the same whether or not the account exists; so does this route.
    await auth.api.requestPasswordReset({ body: { email: body.email.trim() }, headers });
    return { validForMinutes: PASSWORD_RESET_VALID_MINUTES, resendAfterSeconds: RESET_RESEND_SECONDS };
  });

  route('completePasswordReset', async ({ body }) => {
    const tokenHash = await hashToken(body.token);
    if (await wasUsed(tokenHash, 'password-reset')) throw tokenUsed('reset');
    const authContext = await auth.$context;
    const record = await authContext.internalAdapter.findVerificationValue(`reset-password:${body.token}`);
    if (!record || new Date(record.expiresAt) <= now()) throw tokenExpired('reset', 'Request a new one.');
    // The policy first: a refused password leaves the link usable.
    checkNewPassword(body.newPassword);
    try {
      await auth.api.resetPassword({ body: { token: body.token, newPassword: body.newPassword } });
    } catch (error) {
      if (error instanceof APIError) throw tokenUsed('reset');
      throw error;
    }
    await markUsed(tokenHash, 'password-reset', new Date(record.expiresAt));
    const user = await db.selectFrom('user').select('id').where('id', '=', record.value).executeTakeFirst();
    if (user) {
      const resetAt = now();
      await notifier.notify(user.id, ({ t, when }) => ({
        typeId: SECURITY_TYPE,
        kind: 'password-changed',
        title: t('passwordReset.title'),
        body: t('passwordReset.body'),
        mail: { subject: t('passwordReset.subject'), text: [t('passwordReset.text', { when: when(resetAt) }), t('passwordReset.wasNotYou')].join('\n') },
      }));
    }
    return { completedAt: now().toISOString() };
  });
}

/**
 * Better Auth's `sendResetPassword`: the reset link, to the outbox. The request comes from a
 * browser nobody is signed in on, yet the account is known: the message is in its language,
 * the link's end in its time zone.
 */
export function resetPasswordMailer(outbox: Outbox, links: MailLinks, db: Kysely<Database>, now: () => Date = () => new Date()) {
  return async ({ user, token }: { user: { id?: string; email: string }; token: string }): Promise<void> => {
    const id = user.id ?? (await db.selectFrom('user').select('id').where('email', '=', user.email).executeTakeFirst())?.id;
    const { t, when, duration } = id ? await recipientOf(db, id) : recipient();
    const until = new Date(now().getTime() + PASSWORD_RESET_VALID_MINUTES * 60_000);
    await outbox.send({
      to: user.email,
      kind: 'password-reset',
      subject: t('resetPassword.subject'),
      text: [
        t('resetPassword.intro'),
        t('resetPassword.open', { duration: duration(PASSWORD_RESET_VALID_MINUTES, 'minute'), until: when(until) }),
        '',
        links.resetPassword(token),
        '',
        t('resetPassword.wasNotYou'),
      ].join('\n'),
    });
  };
}
