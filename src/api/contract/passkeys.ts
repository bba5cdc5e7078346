/**
 * Passkeys (WebAuthn credentials): the list, registration, rename, removal, and "Confirm it's
 * you" with a passkey. The ceremony messages are the W3C WebAuthn Level 3 JSON forms
 * (`PublicKeyCredentialCreationOptionsJSON`, `RegistrationResponseJSON`, …, binary fields as
 * base64url), so a server library such as SimpleWebAuthn produces and verifies them as they are.
 */
import * as z from 'zod/mini';
import { dateTime } from './common.js';
import { id } from './fields.js';
import { PASSKEY_NAME_MAX, PLAIN_LINE_PATTERN } from './constants.js';
import { ReauthResult } from './reauth.js';
import type { ContractPart } from './part.js';

/** Binary data as unpadded base64url (RFC 4648 §5). */
const base64url = z.string().check(z.regex(/^[A-Za-z0-9_-]*$/));

const Transport = z.string().check(z.maxLength(32));

const CredentialDescriptor = z.object({
  id: base64url,
  type: z.literal('public-key'),
  transports: z.optional(z.array(Transport)),
});

/**
 * Where a passkey lives, when the server can tell: `synced` (backed up, e.g. to a password
 * manager), `device` (this device only), `security-key` (a roaming authenticator).
 */
export const PasskeyStorage = z.enum(['synced', 'device', 'security-key']);

export const Passkey = z.object({
  id,
  /** The name the user gave (or the default: the authenticator's or the browser's). */
  name: z.string(),
  createdAt: dateTime,
  lastUsedAt: z.nullable(dateTime),
  /** `null` when the server cannot tell. */
  storage: z.nullable(PasskeyStorage),
  /** The passkey the current session signed in or last confirmed with. */
  current: z.boolean(),
});

export const PasskeyList = z.object({ items: z.array(Passkey) });

/** A name for a passkey: one line of plain text. */
export const PasskeyName = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(PASSKEY_NAME_MAX),
  z.regex(PLAIN_LINE_PATTERN, 'Use letters, digits and punctuation only (no hidden or control characters).'),
);

export const PasskeyRename = z.object({ name: PasskeyName });

/** `PublicKeyCredentialCreationOptionsJSON`. */
export const PasskeyRegistrationOptions = z.looseObject({
  challenge: base64url,
  rp: z.object({ id: z.optional(z.string()), name: z.string() }),
  user: z.object({ id: base64url, name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(z.object({ type: z.literal('public-key'), alg: z.int() })),
  timeout: z.optional(z.int().check(z.gte(0))),
  excludeCredentials: z.optional(z.array(CredentialDescriptor)),
  authenticatorSelection: z.optional(
    z.object({
      authenticatorAttachment: z.optional(z.enum(['platform', 'cross-platform'])),
      residentKey: z.optional(z.enum(['discouraged', 'preferred', 'required'])),
      requireResidentKey: z.optional(z.boolean()),
      userVerification: z.optional(z.enum(['discouraged', 'preferred', 'required'])),
    }),
  ),
  hints: z.optional(z.array(z.string())),
  attestation: z.optional(z.enum(['none', 'indirect', 'direct', 'enterprise'])),
  extensions: z.optional(z.record(z.string(), z.unknown())),
});

/** `RegistrationResponseJSON`, as `PublicKeyCredential.toJSON()` gives it after `navigator.credentials.create()`. */
export const RegistrationResponse = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    authenticatorData: z.optional(base64url),
    transports: z.optional(z.array(Transport)),
    /** DER SubjectPublicKeyInfo, when the browser can express the key that way. */
    publicKey: z.optional(base64url),
    publicKeyAlgorithm: z.optional(z.int()),
  }),
  authenticatorAttachment: z.optional(z.nullable(z.enum(['platform', 'cross-platform']))),
  clientExtensionResults: z._default(z.record(z.string(), z.unknown()), {}),
});

export const PasskeyRegistration = z.object({ credential: RegistrationResponse });

/** `PublicKeyCredentialRequestOptionsJSON`. */
export const PasskeyAuthenticationOptions = z.looseObject({
  challenge: base64url,
  rpId: z.optional(z.string()),
  timeout: z.optional(z.int().check(z.gte(0))),
  allowCredentials: z.optional(z.array(CredentialDescriptor)),
  userVerification: z.optional(z.enum(['discouraged', 'preferred', 'required'])),
  hints: z.optional(z.array(z.string())),
  extensions: z.optional(z.record(z.string(), z.unknown())),
});

/** `AuthenticationResponseJSON`, as `PublicKeyCredential.toJSON()` gives it after `navigator.credentials.get()`. */
export const AuthenticationResponse = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: z.optional(z.nullable(base64url)),
  }),
  authenticatorAttachment: z.optional(z.nullable(z.enum(['platform', 'cross-platform']))),
  clientExtensionResults: z._default(z.record(z.string(), z.unknown()), {}),
});

export const PasskeyReauthRequest = z.object({ credential: AuthenticationResponse });

export const passkeysContract = {
  listPasskeys: { response: PasskeyList },
  startPasskeyRegistration: { response: PasskeyRegistrationOptions },
  finishPasskeyRegistration: { body: PasskeyRegistration, response: Passkey },
  renamePasskey: { body: PasskeyRename, response: Passkey },
  deletePasskey: { response: PasskeyList },
} as const satisfies ContractPart;

/** "Confirm it's you" with a passkey: the re-authentication dialog loads these with itself. */
export const passkeyReauthContract = {
  startPasskeyReauth: { response: PasskeyAuthenticationOptions },
  reauthenticateWithPasskey: { body: PasskeyReauthRequest, response: ReauthResult },
} as const satisfies ContractPart;

export type PasskeyStorage = z.infer<typeof PasskeyStorage>;
export type Passkey = z.infer<typeof Passkey>;
export type PasskeyList = z.infer<typeof PasskeyList>;
export type PasskeyRename = z.infer<typeof PasskeyRename>;
export type PasskeyRegistrationOptions = z.infer<typeof PasskeyRegistrationOptions>;
export type RegistrationResponse = z.input<typeof RegistrationResponse>;
export type PasskeyRegistration = z.input<typeof PasskeyRegistration>;
export type PasskeyAuthenticationOptions = z.infer<typeof PasskeyAuthenticationOptions>;
export type AuthenticationResponse = z.input<typeof AuthenticationResponse>;
export type PasskeyReauthRequest = z.input<typeof PasskeyReauthRequest>;
