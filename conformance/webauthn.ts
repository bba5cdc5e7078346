/**
 * A software authenticator for the kit: an ES256 key made with WebCrypto, answering the
 * server's WebAuthn options as a browser with a platform authenticator would — attestation
 * `none` (CBOR attestation object with the COSE key in the authenticator data, plus the
 * `authenticatorData` / `publicKey` members browsers add), assertions signed over
 * `authenticatorData ‖ SHA-256(clientDataJSON)` in DER. What it produces is what
 * `PublicKeyCredential.toJSON()` gives, so a server library verifies it as it would a browser's.
 */
import type * as s from '../src/api/schemas.js';

const encoder = new TextEncoder();

export function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(text, 'base64url'));
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

// ——— The little CBOR the attestation object needs (RFC 8949: maps, text, bytes, small ints) ———

function cborHead(major: number, length: number): Uint8Array {
  if (length < 24) return Uint8Array.of((major << 5) | length);
  if (length < 0x100) return Uint8Array.of((major << 5) | 24, length);
  return Uint8Array.of((major << 5) | 25, length >> 8, length & 0xff);
}

const cborInt = (n: number): Uint8Array => (n >= 0 ? cborHead(0, n) : cborHead(1, -1 - n));
const cborBytes = (b: Uint8Array): Uint8Array => concat(cborHead(2, b.length), b);
const cborText = (t: string): Uint8Array => concat(cborHead(3, encoder.encode(t).length), encoder.encode(t));
const cborMap = (entries: [Uint8Array, Uint8Array][]): Uint8Array => concat(cborHead(5, entries.length), ...entries.flat());

/** An ASN.1 DER ECDSA signature from WebCrypto's r‖s. */
function rawToDer(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array): Uint8Array => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    let value = bytes.slice(start);
    if (value[0]! & 0x80) value = concat(Uint8Array.of(0), value);
    return concat(Uint8Array.of(0x02, value.length), value);
  };
  const body = concat(integer(raw.slice(0, 32)), integer(raw.slice(32)));
  return concat(Uint8Array.of(0x30, body.length), body);
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export class SoftAuthenticator {
  private keys?: CryptoKeyPair;
  readonly credentialId = crypto.getRandomValues(new Uint8Array(16));
  private signCount = 0;
  private userHandle?: string;

  constructor(
    /** The origin the browser would report (the page the elements run on). */
    readonly origin: string,
  ) {}

  private rpId(fallback: string | undefined): string {
    return fallback ?? new URL(this.origin).hostname;
  }

  /** Answers `navigator.credentials.create()` options with a new credential. */
  async register(options: s.PasskeyRegistrationOptions, challenge = options.challenge): Promise<s.RegistrationResponse> {
    this.keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    this.userHandle = options.user.id;
    const jwk = await crypto.subtle.exportKey('jwk', this.keys.publicKey);
    const cose = cborMap([
      [cborInt(1), cborInt(2)],
      [cborInt(3), cborInt(-7)],
      [cborInt(-1), cborInt(1)],
      [cborInt(-2), cborBytes(fromBase64url(jwk.x!))],
      [cborInt(-3), cborBytes(fromBase64url(jwk.y!))],
    ]);
    const length = Uint8Array.of(this.credentialId.length >> 8, this.credentialId.length & 0xff);
    const authData = concat(
      await sha256(encoder.encode(this.rpId(options.rp.id))),
      Uint8Array.of(FLAG_UP | FLAG_UV | FLAG_AT),
      new Uint8Array(4),
      new Uint8Array(16),
      length,
      this.credentialId,
      cose,
    );
    const attestationObject = cborMap([
      [cborText('fmt'), cborText('none')],
      [cborText('attStmt'), cborMap([])],
      [cborText('authData'), cborBytes(authData)],
    ]);
    const clientData = encoder.encode(JSON.stringify({ type: 'webauthn.create', challenge, origin: this.origin, crossOrigin: false }));
    const id = base64url(this.credentialId);
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: base64url(clientData),
        attestationObject: base64url(attestationObject),
        authenticatorData: base64url(authData),
        transports: ['internal'],
        publicKey: base64url(new Uint8Array(await crypto.subtle.exportKey('spki', this.keys.publicKey))),
        publicKeyAlgorithm: -7,
      },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }

  /**
   * Answers `navigator.credentials.get()` options with an assertion of the registered
   * credential; `origin` claims another page (what a phishing page's browser would report).
   */
  async assert(options: s.PasskeyAuthenticationOptions, origin = this.origin): Promise<s.AuthenticationResponse> {
    if (!this.keys) throw new Error('register first');
    this.signCount += 1;
    const count = Uint8Array.of(this.signCount >>> 24, (this.signCount >>> 16) & 0xff, (this.signCount >>> 8) & 0xff, this.signCount & 0xff);
    const authData = concat(await sha256(encoder.encode(this.rpId(options.rpId))), Uint8Array.of(FLAG_UP | FLAG_UV), count);
    const clientData = encoder.encode(JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin, crossOrigin: false }));
    const signed = concat(authData, await sha256(clientData));
    const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, this.keys.privateKey, signed));
    const id = base64url(this.credentialId);
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: base64url(clientData),
        authenticatorData: base64url(authData),
        signature: base64url(rawToDer(raw)),
        userHandle: this.userHandle ?? null,
      },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }
}
