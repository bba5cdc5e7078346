/**
 * The browser side of passkey ceremonies, kept small: the server's JSON options become the
 * `navigator.credentials` arguments (base64url ↔ bytes), the credential becomes the W3C JSON
 * form the contract carries, and every way the browser refuses becomes one reason an element
 * can explain. No WebAuthn library: the server verifies everything.
 */
import type {
  AuthenticationResponse,
  PasskeyAuthenticationOptions,
  PasskeyRegistrationOptions,
  RegistrationResponse,
} from '../api/contract/passkeys.js';
import { registerStrings } from '../i18n/i18n.js';
import webauthnStrings from '../i18n/locales/webauthn/strings.js';

registerStrings(webauthnStrings);

/** Why a ceremony ended without a credential. */
export type CeremonyFailure =
  /** No WebAuthn in this browser. */
  | 'unsupported'
  /** The page is not a secure context (http other than localhost). */
  | 'insecure'
  /** The user closed the prompt (browsers report a refusal the same way). */
  | 'cancelled'
  /** The prompt's time ran out. */
  | 'timeout'
  /** The browser refused this site or this request (wrong RP ID, a policy). */
  | 'not-allowed'
  /** The authenticator already holds a passkey of this account. */
  | 'exists'
  /** The element left the page. */
  | 'aborted'
  /** Anything else. */
  | 'failed';

export class CeremonyError extends Error {
  override readonly name = 'CeremonyError';
  constructor(readonly reason: CeremonyFailure, cause?: unknown) {
    super(`Passkey ceremony failed: ${reason}`, cause === undefined ? undefined : { cause });
  }
}

/** Whether this page can run a ceremony; else why not. */
export function passkeySupport(): 'ok' | 'insecure' | 'unsupported' {
  if (!window.isSecureContext) return 'insecure';
  if (typeof PublicKeyCredential === 'undefined' || !navigator.credentials?.create) return 'unsupported';
  return 'ok';
}

export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export function toBase64url(data: ArrayBuffer | ArrayBufferView): string {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

type Descriptor = { id: string; type: 'public-key'; transports?: string[] | undefined };

const descriptors = (list: readonly Descriptor[] | undefined): PublicKeyCredentialDescriptor[] | undefined =>
  list?.map((d) => ({ id: fromBase64url(d.id), type: d.type, ...(d.transports ? { transports: d.transports as AuthenticatorTransport[] } : {}) }));

function reasonOf(error: unknown, startedAt: number, timeout: number | undefined, signal: AbortSignal): CeremonyFailure {
  if (signal.aborted) return 'aborted';
  const name = error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
      // Browsers say the same for a closed prompt and one that ran out of time: the clock tells them apart.
      return timeout !== undefined && performance.now() - startedAt >= timeout * 0.95 ? 'timeout' : 'cancelled';
    case 'InvalidStateError':
      return 'exists';
    case 'SecurityError':
      return 'not-allowed';
    case 'NotSupportedError':
      return 'unsupported';
    case 'AbortError':
      return 'aborted';
    default:
      return 'failed';
  }
}

async function ceremony<T>(run: () => Promise<Credential | null>, timeout: number | undefined, signal: AbortSignal): Promise<T> {
  const support = passkeySupport();
  if (support !== 'ok') throw new CeremonyError(support);
  const startedAt = performance.now();
  let credential: Credential | null;
  try {
    credential = await run();
  } catch (error) {
    throw new CeremonyError(reasonOf(error, startedAt, timeout, signal), error);
  }
  if (!(credential instanceof PublicKeyCredential)) throw new CeremonyError('failed');
  return credential as T;
}

/** Runs `navigator.credentials.create()` with the server's options; resolves with what the server verifies. */
export async function createPasskey(options: PasskeyRegistrationOptions, signal: AbortSignal): Promise<RegistrationResponse> {
  const { challenge, user, excludeCredentials, authenticatorSelection, timeout, pubKeyCredParams, rp, attestation } = options;
  const publicKey: PublicKeyCredentialCreationOptions = {
    challenge: fromBase64url(challenge),
    rp: rp.id ? { id: rp.id, name: rp.name } : { name: rp.name },
    user: { id: fromBase64url(user.id), name: user.name, displayName: user.displayName },
    pubKeyCredParams,
    ...(timeout === undefined ? {} : { timeout }),
    ...(excludeCredentials ? { excludeCredentials: descriptors(excludeCredentials) } : {}),
    ...(authenticatorSelection ? { authenticatorSelection: authenticatorSelection as AuthenticatorSelectionCriteria } : {}),
    ...(attestation ? { attestation } : {}),
  };
  const credential = await ceremony<PublicKeyCredential>(() => navigator.credentials.create({ publicKey, signal }), timeout, signal);
  const response = credential.response as AuthenticatorAttestationResponse;
  const publicKeyBytes = response.getPublicKey?.();
  return {
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    type: 'public-key',
    response: {
      clientDataJSON: toBase64url(response.clientDataJSON),
      attestationObject: toBase64url(response.attestationObject),
      ...(response.getAuthenticatorData ? { authenticatorData: toBase64url(response.getAuthenticatorData()) } : {}),
      ...(response.getTransports ? { transports: response.getTransports() } : {}),
      ...(publicKeyBytes ? { publicKey: toBase64url(publicKeyBytes), publicKeyAlgorithm: response.getPublicKeyAlgorithm() } : {}),
    },
    authenticatorAttachment: (credential.authenticatorAttachment as 'platform' | 'cross-platform' | null) ?? null,
    clientExtensionResults: {},
  };
}

/** Runs `navigator.credentials.get()` with the server's options; resolves with the assertion the server verifies. */
export async function getPasskey(options: PasskeyAuthenticationOptions, signal: AbortSignal): Promise<AuthenticationResponse> {
  const { challenge, rpId, timeout, allowCredentials, userVerification } = options;
  const publicKey: PublicKeyCredentialRequestOptions = {
    challenge: fromBase64url(challenge),
    ...(rpId ? { rpId } : {}),
    ...(timeout === undefined ? {} : { timeout }),
    ...(allowCredentials ? { allowCredentials: descriptors(allowCredentials) } : {}),
    ...(userVerification ? { userVerification } : {}),
  };
  const credential = await ceremony<PublicKeyCredential>(() => navigator.credentials.get({ publicKey, signal }), timeout, signal);
  const response = credential.response as AuthenticatorAssertionResponse;
  return {
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    type: 'public-key',
    response: {
      clientDataJSON: toBase64url(response.clientDataJSON),
      authenticatorData: toBase64url(response.authenticatorData),
      signature: toBase64url(response.signature),
      userHandle: response.userHandle ? toBase64url(response.userHandle) : null,
    },
    authenticatorAttachment: (credential.authenticatorAttachment as 'platform' | 'cross-platform' | null) ?? null,
    clientExtensionResults: {},
  };
}

/** The `webauthn.*` string that explains `reason`. */
export function ceremonyMessageKey(reason: CeremonyFailure): string {
  return `webauthn.${reason.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}`;
}
