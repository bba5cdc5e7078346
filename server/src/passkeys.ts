/**
 * Passkeys: registration, the list, rename and removal, and "Confirm it's you" with a passkey.
 * Every ceremony is generated and verified by SimpleWebAuthn (`@simplewebauthn/server`): client
 * data (type, challenge, origin), the RP ID hash, user presence and verification, the
 * attestation (`none` asked) and assertion signatures, and the signature counter. What is kept
 * here is the state around it, in `dn_passkey*` tables (migration `0010_passkeys`):
 *
 * - a challenge is stored as its SHA-256, bound to the session that asked for it and to its
 *   ceremony, used up by the first response that names it (passing or not), and expires after
 *   5 minutes (410 `challenge-expired`);
 * - the relying party is the host name of the app URL (RP ID), and a ceremony may run on the
 *   server's origin, the app's or a trusted origin;
 * - a confirmation opens the same re-authentication window as `/reauth` and counts under its
 *   rate limit (`reauth`, wrong answers only); the passkey that did it is the session's current one.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Kysely } from 'kysely';
import type * as s from '../../src/api/schemas.js';
import { PASSKEY_NAME_MAX } from '../../src/api/contract/constants.js';
import { AUTHENTICATORS } from '../../mock/store/passkeys.js';
import { ISSUER } from './auth.js';
import { describeUserAgent } from './device.js';
import type { Feature } from './feature.js';
import { fieldProblem, HttpProblem, notFound } from './problem.js';
import type { RateLimiter } from './rate-limit.js';
import type { Database } from './schema.js';
import { lastSignInMethod, removeSignInMethod } from './sign-in-methods.js';

export interface PasskeyTable {
  id: string;
  user_id: string;
  /** base64url, as the browser reports it. */
  credential_id: string;
  /** The COSE public key, base64url. */
  public_key: string;
  counter: number | string | bigint;
  name: string;
  /** JSON list of the transports the browser reported. */
  transports: string;
  attachment: string | null;
  backed_up: boolean;
  aaguid: string | null;
  created_at: Date | string;
  last_used_at: Date | string | null;
}

export interface PasskeyChallengeTable {
  challenge_hash: string;
  session_id: string;
  kind: Ceremony;
  expires_at: Date | string;
}

export interface SessionPasskeyTable {
  session_id: string;
  passkey_id: string;
}

declare module './schema.js' {
  interface Database {
    dn_passkey: PasskeyTable;
    dn_passkey_challenge: PasskeyChallengeTable;
    dn_session_passkey: SessionPasskeyTable;
  }
}

type Ceremony = 'registration' | 'reauth';

/** How long the browser's prompt may stay open. */
export const CEREMONY_TIMEOUT_MS = 4 * 60_000;
/** How long a challenge is accepted: the prompt's time and a margin for the round trips. */
export const CHALLENGE_VALID_MS = 5 * 60_000;
/** ES256 (every authenticator) and RS256 (Windows Hello on older systems). */
const ALGORITHMS = [-7, -257];

export async function hasPasskey(db: Kysely<Database>, userId: string): Promise<boolean> {
  return (await db.selectFrom('dn_passkey').select('id').where('user_id', '=', userId).limit(1).executeTakeFirst()) !== undefined;
}

export interface PasskeyOptions {
  /** The RP ID: the host name of the app URL. */
  rpId: string;
  /** Origins a ceremony may run on: the server's, the app's and the trusted ones. */
  origins: string[];
  limits: RateLimiter;
}

/** The relying party of a server at `baseUrl` whose pages are at `appUrl`, with `trustedOrigins`. */
export function relyingParty(baseUrl: string, appUrl: string | undefined, trustedOrigins: readonly string[] = []): Omit<PasskeyOptions, 'limits'> {
  const app = new URL(appUrl ?? baseUrl);
  const origins = [new URL(baseUrl).origin, app.origin, ...trustedOrigins.map((o) => new URL(o).origin)];
  return { rpId: app.hostname, origins: [...new Set(origins)] };
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');

/** The account's WebAuthn user handle: its id's bytes (random, no personal data). */
export const userHandle = (userId: string): string => Buffer.from(userId, 'utf8').toString('base64url');

export function refused(detail: string): HttpProblem {
  return fieldProblem(422, 'invalid-credentials', 'Passkey not accepted', [{ field: 'credential', message: detail, code: 'invalid-credentials' }], detail);
}

/** The challenge client data names (read only to use it up when nothing else is checked). */
export function challengeOf(clientDataJSON: string): string | null {
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown } | null;
    return typeof data?.challenge === 'string' ? data.challenge : null;
  } catch {
    return null;
  }
}

export const challengeExpired = (): HttpProblem => new HttpProblem(410, 'challenge-expired', 'Challenge expired', 'Too much time passed: start again.');

export function transportsOf(row: Pick<PasskeyTable, 'transports'>): AuthenticatorTransportFuture[] {
  const parsed = JSON.parse(row.transports) as unknown;
  return Array.isArray(parsed) ? (parsed.filter((t) => typeof t === 'string') as AuthenticatorTransportFuture[]) : [];
}

/** Where it lives, as the flags, the attachment and the transports tell (the mock derives it the same way). */
function storageOf(row: PasskeyTable): s.PasskeyStorage | null {
  if (row.backed_up) return 'synced';
  const transports = transportsOf(row);
  if (row.attachment === 'cross-platform' || transports.some((t) => t === 'usb' || t === 'nfc' || t === 'ble')) return 'security-key';
  if (row.attachment === 'platform' || transports.includes('internal')) return 'device';
  return null;
}

export const COUNTER_WENT_BACK = 'The signature counter went backwards: this passkey may have been copied.';

/**
 * Records a verified assertion: the new signature counter, the backup flag and the time of use.
 * The counter moves forward once: a second assertion with the same count (a copied
 * authenticator, or a race) updates nothing, and the answer is false.
 */
export async function recordUse(db: Kysely<Database>, passkeyId: string, info: { newCounter: number; credentialBackedUp: boolean }, at: Date): Promise<boolean> {
  const { newCounter, credentialBackedUp } = info;
  const updated = await db
    .updateTable('dn_passkey')
    .set({ counter: newCounter, last_used_at: at, backed_up: credentialBackedUp })
    .where('id', '=', passkeyId)
    .where((eb) => (newCounter === 0 ? eb('counter', '=', 0) : eb('counter', '<', newCounter)))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** The default name: the authenticator's when its AAGUID is known, else the browser and system it was added on. */
function defaultName(aaguid: string | undefined, userAgent: string | null): string {
  const known = aaguid ? AUTHENTICATORS[aaguid] : undefined;
  if (known) return known;
  const agent = describeUserAgent(userAgent);
  if (agent.browser === 'Unknown') return 'Passkey';
  const browser = agent.browser.replace(/\s+\d+$/, '');
  const name = agent.os === 'Unknown' ? browser : `${browser} on ${agent.os.replace(/\s+[\d.]+$/, '')}`;
  return name.slice(0, PASSKEY_NAME_MAX);
}

export function passkeys(options: PasskeyOptions) {
  const { rpId, origins, limits } = options;

  return ({ route, db, now, openReauthWindow }: Feature): void => {
    async function rows(userId: string): Promise<PasskeyTable[]> {
      return db.selectFrom('dn_passkey').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
    }

    async function currentOf(sessionId: string): Promise<string | null> {
      const row = await db.selectFrom('dn_session_passkey').select('passkey_id').where('session_id', '=', sessionId).executeTakeFirst();
      return row?.passkey_id ?? null;
    }

    const toPasskey = (row: PasskeyTable, current: string | null): s.Passkey => ({
      id: row.id,
      name: row.name,
      createdAt: new Date(row.created_at).toISOString(),
      lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at).toISOString(),
      storage: storageOf(row),
      current: row.id === current,
    });

    async function list(userId: string, sessionId: string): Promise<s.PasskeyList> {
      const current = await currentOf(sessionId);
      return { items: (await rows(userId)).map((row) => toPasskey(row, current)) };
    }

    async function owned(userId: string, id: string): Promise<PasskeyTable> {
      const row = await db.selectFrom('dn_passkey').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      if (!row) throw notFound('This passkey');
      return row;
    }

    async function issueChallenge(challenge: string, sessionId: string, kind: Ceremony): Promise<void> {
      const at = now();
      await db.deleteFrom('dn_passkey_challenge').where('expires_at', '<=', at).execute();
      await db.insertInto('dn_passkey_challenge').values({ challenge_hash: sha256(challenge), session_id: sessionId, kind, expires_at: new Date(at.getTime() + CHALLENGE_VALID_MS) }).execute();
    }

    /**
     * Uses up the challenge a response names, if this session asked for it for this ceremony.
     * One `DELETE … RETURNING`, so two responses with the same challenge cannot both pass.
     */
    async function consumeChallenge(challenge: string, sessionId: string, kind: Ceremony): Promise<'ok' | 'unknown' | 'expired'> {
      const row = await db
        .deleteFrom('dn_passkey_challenge')
        .where('challenge_hash', '=', sha256(challenge))
        .where('session_id', '=', sessionId)
        .where('kind', '=', kind)
        .returning('expires_at')
        .executeTakeFirst();
      if (!row) return 'unknown';
      return new Date(row.expires_at).getTime() <= now().getTime() ? 'expired' : 'ok';
    }

    /** Runs a SimpleWebAuthn verification whose challenge check uses up the stored challenge; its refusals as problems. */
    async function verifyWith<T>(sessionId: string, kind: Ceremony, verify: (expectedChallenge: (challenge: string) => Promise<boolean>) => Promise<T>): Promise<T> {
      let challenge: 'ok' | 'unknown' | 'expired' | undefined;
      const expectedChallenge = async (value: string): Promise<boolean> => {
        challenge = await consumeChallenge(value, sessionId, kind);
        return challenge === 'ok';
      };
      try {
        return await verify(expectedChallenge);
      } catch (error) {
        if (error instanceof HttpProblem) throw error;
        if (challenge === 'expired') throw challengeExpired();
        if (challenge === 'unknown') throw refused('The challenge is unknown or was already used.');
        throw refused(error instanceof Error ? error.message : 'The credential does not verify.');
      }
    }

    route('listPasskeys', ({ signed }) => list(signed.user.id, signed.session.id));

    route('startPasskeyRegistration', async ({ signed }) => {
      const existing = await rows(signed.user.id);
      const options = await generateRegistrationOptions({
        rpName: ISSUER,
        rpID: rpId,
        userName: signed.user.email,
        userDisplayName: signed.user.name,
        userID: new Uint8Array(Buffer.from(signed.user.id, 'utf8')),
        timeout: CEREMONY_TIMEOUT_MS,
        attestationType: 'none',
        excludeCredentials: existing.map((row) => ({ id: row.credential_id, transports: transportsOf(row) })),
        authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
        supportedAlgorithmIDs: ALGORITHMS,
      });
      await issueChallenge(options.challenge, signed.session.id, 'registration');
      return options as s.PasskeyRegistrationOptions;
    });

    route('finishPasskeyRegistration', async ({ signed, body, headers }) => {
      const { credential } = body;
      const result = await verifyWith(signed.session.id, 'registration', (expectedChallenge) =>
        verifyRegistrationResponse({
          response: credential as RegistrationResponseJSON,
          expectedChallenge,
          expectedOrigin: origins,
          expectedRPID: rpId,
          requireUserVerification: true,
          supportedAlgorithmIDs: ALGORITHMS,
        }),
      );
      if (!result.verified) throw refused('The credential does not verify.');
      const info = result.registrationInfo;
      const taken = await db.selectFrom('dn_passkey').select('user_id').where('credential_id', '=', info.credential.id).executeTakeFirst();
      if (taken) throw new HttpProblem(409, 'conflict', 'Already registered', 'This passkey is already registered.');
      const row: PasskeyTable = {
        id: `pk_${randomUUID()}`,
        user_id: signed.user.id,
        credential_id: info.credential.id,
        public_key: Buffer.from(info.credential.publicKey).toString('base64url'),
        counter: info.credential.counter,
        name: defaultName(info.aaguid, headers.get('user-agent')),
        transports: JSON.stringify(credential.response.transports ?? []),
        attachment: credential.authenticatorAttachment ?? null,
        backed_up: info.credentialBackedUp,
        aaguid: info.aaguid,
        created_at: now(),
        last_used_at: null,
      };
      await db.insertInto('dn_passkey').values(row).execute();
      return toPasskey(row, await currentOf(signed.session.id));
    });

    route('renamePasskey', async ({ signed, params, body }) => {
      await owned(signed.user.id, params['id'] ?? '');
      const row = await db.updateTable('dn_passkey').set({ name: body.name }).where('id', '=', params['id'] ?? '').where('user_id', '=', signed.user.id).returningAll().executeTakeFirstOrThrow();
      return toPasskey(row, await currentOf(signed.session.id));
    });

    /**
     * Refuses (409 `last-sign-in-method`) to remove the only passkey of an account with no
     * password and no connected provider: nothing would be left to sign in with (the count
     * disconnecting a provider uses, sign-in-methods.ts).
     */
    route('deletePasskey', async ({ signed, params }) => {
      const row = await owned(signed.user.id, params['id'] ?? '');
      await removeSignInMethod(
        db,
        signed.user.id,
        { passkey: row.id },
        () => lastSignInMethod('This passkey is the only way left to sign in to your account. Add another passkey or set a password first.'),
        async (tx) => {
          await tx.deleteFrom('dn_passkey').where('id', '=', row.id).execute();
        },
      );
      return list(signed.user.id, signed.session.id);
    });

    route('startPasskeyReauth', async ({ signed }) => {
      const existing = await rows(signed.user.id);
      if (existing.length === 0) throw new HttpProblem(409, 'conflict', 'No passkey', 'This account has no passkey.');
      const options = await generateAuthenticationOptions({
        rpID: rpId,
        timeout: CEREMONY_TIMEOUT_MS,
        allowCredentials: existing.map((row) => ({ id: row.credential_id, transports: transportsOf(row) })),
        userVerification: 'required',
      });
      await issueChallenge(options.challenge, signed.session.id, 'reauth');
      return options as s.PasskeyAuthenticationOptions;
    });

    route('reauthenticateWithPasskey', async ({ signed, body }) => {
      const { credential } = body;
      const userId = signed.user.id;
      // Counted as /reauth's passwords are: taken first, given back when it verifies.
      await limits.take('reauth', userId);
      const row = await db.selectFrom('dn_passkey').selectAll().where('credential_id', '=', credential.rawId).where('user_id', '=', userId).executeTakeFirst();
      if (!row) {
        // The challenge it names is used up all the same.
        const challenge = challengeOf(credential.response.clientDataJSON);
        if (challenge) await consumeChallenge(challenge, signed.session.id, 'reauth');
        throw refused('This passkey is not on your account.');
      }
      if (credential.response.userHandle && credential.response.userHandle !== userHandle(userId)) throw refused('This passkey belongs to another account.');
      const stored = Number(row.counter);
      const result = await verifyWith(signed.session.id, 'reauth', (expectedChallenge) =>
        verifyAuthenticationResponse({
          response: credential as AuthenticationResponseJSON,
          expectedChallenge,
          expectedOrigin: origins,
          expectedRPID: rpId,
          credential: { id: row.credential_id, publicKey: new Uint8Array(Buffer.from(row.public_key, 'base64url')), counter: stored, transports: transportsOf(row) },
          requireUserVerification: true,
        }),
      );
      if (!result.verified) throw refused('The signature does not verify.');
      if (!(await recordUse(db, row.id, result.authenticationInfo, now()))) throw refused(COUNTER_WENT_BACK);
      await limits.giveBack('reauth', userId);
      await db
        .insertInto('dn_session_passkey')
        .values({ session_id: signed.session.id, passkey_id: row.id })
        .onConflict((oc) => oc.column('session_id').doUpdateSet({ passkey_id: row.id }))
        .execute();
      return openReauthWindow(signed.session.id);
    });
  };
}
