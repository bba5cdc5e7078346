/**
 * Passkeys: registration and "Confirm it's you" ceremonies verified as a relying party
 * would (mock/webauthn.ts): single-use challenges, the page's origin, the RP ID hash, user
 * presence and verification, ES256/RS256 signatures and the signature counter.
 */
import type * as s from '../../src/api/schemas.js';
import { MOCK_USER, TIME } from '../seed.js';
import {
  authDataOfAttestation,
  COSE_ES256,
  COSE_RS256,
  fromBase64url,
  importPublicKey,
  parseAuthenticatorData,
  parseClientData,
  sameBytes,
  sha256,
  spkiOfAuthenticatorData,
  toBase64url,
  verifyAssertionSignature,
  type AuthenticatorData,
} from '../webauthn.js';
import { anySignInLeft } from './connections.js';
import { iso, randomId, type StoreContext } from './context.js';
import { fieldProblem, MockProblem, notFound } from './problem.js';
import { describeUserAgent, type ClientInfo } from './sessions.js';

const { MINUTE, DAY } = TIME;

/** How long the browser's prompt may stay open. */
const CEREMONY_TIMEOUT_MS = 2 * MINUTE;
/** How long a challenge is accepted: the prompt's time and a margin for the round trips. */
const CHALLENGE_VALID_MS = CEREMONY_TIMEOUT_MS + MINUTE;

/** Names of well-known authenticators by AAGUID (the passkey's default name). */
export const AUTHENTICATORS: Record<string, string> = {
  'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4': 'Google Password Manager',
  'fbfc3007-154e-4ecc-8c0b-6e020557d7bd': 'iCloud Keychain',
  'adce0002-35bc-c60a-648b-0b25f1f05503': 'Chrome on Mac',
  '08987058-cadc-4b81-b6e1-30de50dcbe96': 'Windows Hello',
  '9ddd1817-af5a-4672-a2b9-3e3dd95000a9': 'Windows Hello',
  'bada5566-a7aa-401f-bd96-45619a55120d': '1Password',
  'd548826e-79b4-db40-a3d8-11116f7e8349': 'Bitwarden',
  'cb69481e-8ff7-4039-93ec-0a2729a154a8': 'YubiKey 5',
  'ee882879-721c-4913-9775-3dfcce97072a': 'YubiKey 5',
};

interface PasskeyRecord {
  id: string;
  /** base64url. */
  credentialId: string;
  /** DER SubjectPublicKeyInfo, base64url; `null` for seeded passkeys no authenticator here holds. */
  publicKey: string | null;
  alg: number;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
  storage: s.PasskeyStorage | null;
  signCount: number;
  transports: string[];
}

export interface PasskeysState {
  passkeys: PasskeyRecord[];
  /** The WebAuthn user handle of the account (base64url). */
  passkeyUserId: string;
  /** Challenges handed out and not used yet → when they stop being accepted. */
  registrationChallenges: Map<string, number>;
  reauthChallenges: Map<string, number>;
  /** The passkey the current session signed in or last confirmed with. */
  currentPasskeyId: string | null;
}

const SEEDED: Pick<PasskeyRecord, 'name' | 'storage' | 'transports'>[] = [
  { name: 'iCloud Keychain', storage: 'synced', transports: ['internal', 'hybrid'] },
  { name: 'YubiKey 5C', storage: 'security-key', transports: ['usb', 'nfc'] },
  { name: 'Work laptop', storage: 'device', transports: ['internal'] },
  { name: 'Passkey', storage: null, transports: [] },
];

export function seedPasskeys(count: number, now: number): PasskeysState {
  const passkeys: PasskeyRecord[] = [];
  for (let i = 0; i < count; i++) {
    const seed = SEEDED[i % SEEDED.length]!;
    passkeys.push({
      ...seed,
      name: i < SEEDED.length ? seed.name : `${seed.name} ${i + 1}`,
      id: `pk_seed_${i + 1}`,
      credentialId: toBase64url(new TextEncoder().encode(`dn-seeded-passkey-${i + 1}`)),
      publicKey: null,
      alg: COSE_ES256,
      createdAt: now - (90 - i * 7) * DAY,
      lastUsedAt: i === 0 ? now - 2 * DAY : i === 1 ? null : now - (30 - i) * DAY,
      signCount: 0,
    });
  }
  return {
    passkeys,
    passkeyUserId: toBase64url(new TextEncoder().encode(MOCK_USER.id)),
    registrationChallenges: new Map(),
    reauthChallenges: new Map(),
    currentPasskeyId: passkeys[0]?.id ?? null,
  };
}

function toPasskey(ctx: StoreContext, record: PasskeyRecord): s.Passkey {
  return {
    id: record.id,
    name: record.name,
    createdAt: iso(record.createdAt),
    lastUsedAt: record.lastUsedAt === null ? null : iso(record.lastUsedAt),
    storage: record.storage,
    current: record.id === ctx.state.currentPasskeyId,
  };
}

export function listPasskeys(ctx: StoreContext): s.PasskeyList {
  return { items: ctx.state.passkeys.map((record) => toPasskey(ctx, record)) };
}

export function hasPasskeys(ctx: StoreContext): boolean {
  return ctx.state.passkeys.length > 0;
}

function newChallenge(ctx: StoreContext, into: Map<string, number>): string {
  const challenge = toBase64url(crypto.getRandomValues(new Uint8Array(32)));
  const now = ctx.now();
  for (const [old, until] of into) if (until <= now) into.delete(old);
  into.set(challenge, now + CHALLENGE_VALID_MS);
  return challenge;
}

/** Where the ceremony runs: the page's origin and its host name as the RP ID. */
export interface RelyingParty {
  origin: string;
  rpId: string;
}

export function relyingPartyOf(base: string): RelyingParty {
  const url = new URL(base);
  return { origin: url.origin, rpId: url.hostname };
}

export function startPasskeyRegistration(ctx: StoreContext, rp: RelyingParty): s.PasskeyRegistrationOptions {
  const { profile } = ctx.state;
  return {
    challenge: newChallenge(ctx, ctx.state.registrationChallenges),
    rp: { id: rp.rpId, name: 'DialNexa' },
    user: { id: ctx.state.passkeyUserId, name: profile.email, displayName: profile.displayName },
    pubKeyCredParams: [
      { type: 'public-key', alg: COSE_ES256 },
      { type: 'public-key', alg: COSE_RS256 },
    ],
    timeout: CEREMONY_TIMEOUT_MS,
    excludeCredentials: ctx.state.passkeys.map((p) => ({
      id: p.credentialId,
      type: 'public-key' as const,
      ...(p.transports.length > 0 ? { transports: p.transports } : {}),
    })),
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
    attestation: 'none',
  };
}

function refused(detail: string): MockProblem {
  return fieldProblem(422, 'invalid-credentials', 'Passkey not accepted', [{ field: 'credential', message: detail, code: 'invalid-credentials' }], detail);
}

/** Checks client data: the ceremony type, a challenge handed out (used up now) and the page's origin. */
function checkClientData(ctx: StoreContext, clientDataJSON: string, type: string, challenges: Map<string, number>, rp: RelyingParty): void {
  const data = parseClientData(clientDataJSON);
  if (!data || data.type !== type) throw refused('The client data is not from this kind of ceremony.');
  const until = challenges.get(data.challenge);
  // Single use: a challenge is gone once a response names it, whether it passes or not.
  challenges.delete(data.challenge);
  if (until === undefined) throw refused('The challenge is unknown or was already used.');
  if (until <= ctx.now()) throw new MockProblem(410, 'challenge-expired', 'Challenge expired', 'Too much time passed: start again.');
  if (data.origin !== rp.origin) throw refused(`The ceremony ran on ${data.origin}, not on ${rp.origin}.`);
}

async function checkAuthenticatorData(bytes: Uint8Array, rp: RelyingParty): Promise<AuthenticatorData> {
  const data = parseAuthenticatorData(bytes);
  if (!data) throw refused('The authenticator data is malformed.');
  if (!sameBytes(data.rpIdHash, await sha256(new TextEncoder().encode(rp.rpId)))) throw refused(`The passkey is not for ${rp.rpId}.`);
  if (!data.up) throw refused('The user was not present.');
  if (!data.uv) throw refused('The user was not verified.');
  return data;
}

function storageOf(data: AuthenticatorData, credential: s.PasskeyRegistration['credential']): s.PasskeyStorage | null {
  if (data.bs) return 'synced';
  const transports = credential.response.transports ?? [];
  if (credential.authenticatorAttachment === 'cross-platform' || transports.some((t) => ['usb', 'nfc', 'ble'].includes(t))) return 'security-key';
  if (credential.authenticatorAttachment === 'platform' || transports.includes('internal')) return 'device';
  return null;
}

export async function finishPasskeyRegistration(
  ctx: StoreContext,
  request: s.PasskeyRegistration,
  rp: RelyingParty,
  client: ClientInfo = {},
): Promise<s.Passkey> {
  const { credential } = request;
  checkClientData(ctx, credential.response.clientDataJSON, 'webauthn.create', ctx.state.registrationChallenges, rp);
  // The attestation object is the source; `authenticatorData` and `publicKey` (which browsers add) must agree with it.
  const attested = authDataOfAttestation(fromBase64url(credential.response.attestationObject));
  if (!attested) throw refused('The attestation object is malformed.');
  const { authenticatorData } = credential.response;
  if (authenticatorData !== undefined && authenticatorData !== toBase64url(attested)) {
    throw refused('The authenticator data differs from the attestation object’s.');
  }
  const data = await checkAuthenticatorData(attested, rp);
  if (!data.credentialId || toBase64url(data.credentialId) !== credential.rawId || credential.id !== credential.rawId) {
    throw refused('The credential id does not match the authenticator data.');
  }
  let { publicKey, publicKeyAlgorithm } = credential.response;
  if (!publicKey || publicKeyAlgorithm === undefined) {
    const fromCose = await spkiOfAuthenticatorData(attested, data.credentialId.length);
    if (!fromCose) throw refused('The credential key is not an ES256 key (send `publicKey` for another algorithm).');
    publicKey = toBase64url(fromCose.spki);
    publicKeyAlgorithm = fromCose.alg;
  }
  if (!(await importPublicKey(fromBase64url(publicKey), publicKeyAlgorithm))) throw refused('The public key is not an ES256 or RS256 key.');
  if (ctx.state.passkeys.some((p) => p.credentialId === credential.rawId)) {
    throw new MockProblem(409, 'conflict', 'Already registered', 'This passkey is already on your account.');
  }
  const agent = describeUserAgent(client.userAgent);
  const known = data.aaguid ? AUTHENTICATORS[data.aaguid] : undefined;
  const record: PasskeyRecord = {
    id: randomId('pk'),
    credentialId: credential.rawId,
    publicKey,
    alg: publicKeyAlgorithm,
    name: known ?? `${agent.browser.replace(/\s+\d+$/, '')} on ${agent.os.replace(/\s+[\d.]+$/, '')}`,
    createdAt: ctx.now(),
    lastUsedAt: null,
    storage: storageOf(data, credential),
    signCount: data.signCount,
    transports: credential.response.transports ?? [],
  };
  ctx.state.passkeys.push(record);
  return toPasskey(ctx, record);
}

function passkey(ctx: StoreContext, id: string): PasskeyRecord {
  const found = ctx.state.passkeys.find((p) => p.id === id);
  if (!found) throw notFound('This passkey');
  return found;
}

export function renamePasskey(ctx: StoreContext, id: string, request: s.PasskeyRename): s.Passkey {
  const found = passkey(ctx, id);
  found.name = request.name;
  return toPasskey(ctx, found);
}

/**
 * Refuses (409 `last-sign-in-method`) to remove the only passkey of an account that has no
 * password and no connected provider: nothing would be left to sign in with (`anySignInLeft`).
 */
export function deletePasskey(ctx: StoreContext, id: string): s.PasskeyList {
  passkey(ctx, id);
  const others = ctx.state.passkeys.filter((p) => p.id !== id);
  if (!anySignInLeft(ctx, { passkey: id })) {
    throw new MockProblem(
      409,
      'last-sign-in-method',
      'Last way to sign in',
      'This passkey is the only way left to sign in to your account. Add another passkey or set a password first.',
    );
  }
  ctx.state.passkeys = others;
  if (ctx.state.currentPasskeyId === id) ctx.state.currentPasskeyId = null;
  return listPasskeys(ctx);
}

export function startPasskeyReauth(ctx: StoreContext, rp: RelyingParty): s.PasskeyAuthenticationOptions {
  if (!hasPasskeys(ctx)) throw new MockProblem(409, 'conflict', 'No passkey', 'This account has no passkey.');
  return {
    challenge: newChallenge(ctx, ctx.state.reauthChallenges),
    rpId: rp.rpId,
    timeout: CEREMONY_TIMEOUT_MS,
    allowCredentials: ctx.state.passkeys.map((p) => ({
      id: p.credentialId,
      type: 'public-key' as const,
      ...(p.transports.length > 0 ? { transports: p.transports } : {}),
    })),
    userVerification: 'required',
  };
}

/** Verifies the assertion; then the passkey is the current one and was used now. */
export async function verifyPasskeyAssertion(ctx: StoreContext, request: s.PasskeyReauthRequest, rp: RelyingParty): Promise<void> {
  const { credential } = request;
  checkClientData(ctx, credential.response.clientDataJSON, 'webauthn.get', ctx.state.reauthChallenges, rp);
  const record = ctx.state.passkeys.find((p) => p.credentialId === credential.rawId);
  if (!record?.publicKey) throw refused('This passkey is not on your account.');
  const { userHandle } = credential.response;
  if (userHandle && userHandle !== ctx.state.passkeyUserId) throw refused('This passkey belongs to another account.');
  const authData = fromBase64url(credential.response.authenticatorData);
  const data = await checkAuthenticatorData(authData, rp);
  const key = await importPublicKey(fromBase64url(record.publicKey), record.alg);
  const valid =
    key !== null &&
    (await verifyAssertionSignature(key, record.alg, authData, fromBase64url(credential.response.clientDataJSON), fromBase64url(credential.response.signature)));
  if (!valid) throw refused('The signature does not verify.');
  // A counter that does not grow (when either side counts) means a cloned authenticator.
  if ((data.signCount > 0 || record.signCount > 0) && data.signCount <= record.signCount) {
    throw refused('The signature counter went backwards: this passkey may have been copied.');
  }
  record.signCount = data.signCount;
  record.lastUsedAt = ctx.now();
  ctx.state.currentPasskeyId = record.id;
}
