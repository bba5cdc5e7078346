/**
 * The WebAuthn checks a relying party makes, with WebCrypto only: client data (type,
 * challenge, origin), authenticator data (RP ID hash, flags, signature counter, attested
 * credential), and assertion signatures (ES256, RS256). Attestation statements are not
 * verified (the mock asks for `attestation: 'none'`); the credential's public key comes from
 * the `publicKey` (DER SubjectPublicKeyInfo) the browser reports with the registration.
 */

/** COSE algorithm identifiers the mock accepts. */
export const COSE_ES256 = -7;
export const COSE_RS256 = -257;

export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export interface ClientData {
  type: string;
  challenge: string;
  origin: string;
  crossOrigin?: boolean;
}

/** `clientDataJSON`, parsed; `null` when it is not the JSON object it must be. */
export function parseClientData(clientDataJSON: string): ClientData | null {
  try {
    const data = JSON.parse(new TextDecoder().decode(fromBase64url(clientDataJSON))) as Partial<ClientData> | null;
    if (!data || typeof data.type !== 'string' || typeof data.challenge !== 'string' || typeof data.origin !== 'string') return null;
    return data as ClientData;
  } catch {
    return null;
  }
}

export interface AuthenticatorData {
  rpIdHash: Uint8Array;
  /** User present. */
  up: boolean;
  /** User verified. */
  uv: boolean;
  /** Backup eligible. */
  be: boolean;
  /** Backed up (synced). */
  bs: boolean;
  signCount: number;
  /** With attested credential data (registration). */
  aaguid?: string;
  credentialId?: Uint8Array;
}

/** Authenticator data (WebAuthn §6.1); `null` when too short to be one. */
export function parseAuthenticatorData(bytes: Uint8Array): AuthenticatorData | null {
  if (bytes.length < 37) return null;
  const flags = bytes[32]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data: AuthenticatorData = {
    rpIdHash: bytes.slice(0, 32),
    up: (flags & 0x01) !== 0,
    uv: (flags & 0x04) !== 0,
    be: (flags & 0x08) !== 0,
    bs: (flags & 0x10) !== 0,
    signCount: view.getUint32(33),
  };
  if (flags & 0x40) {
    if (bytes.length < 55) return null;
    const hex = [...bytes.slice(37, 53)].map((b) => b.toString(16).padStart(2, '0')).join('');
    data.aaguid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    const length = view.getUint16(53);
    if (bytes.length < 55 + length) return null;
    data.credentialId = bytes.slice(55, 55 + length);
  }
  return data;
}

export async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

const importParams = (alg: number): EcKeyImportParams | RsaHashedImportParams | null =>
  alg === COSE_ES256
    ? { name: 'ECDSA', namedCurve: 'P-256' }
    : alg === COSE_RS256
      ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
      : null;

/** The credential's public key from its DER SubjectPublicKeyInfo; `null` for another algorithm or a key that does not import. */
export async function importPublicKey(spki: Uint8Array<ArrayBuffer>, alg: number): Promise<CryptoKey | null> {
  const params = importParams(alg);
  if (!params) return null;
  try {
    return await crypto.subtle.importKey('spki', spki, params, false, ['verify']);
  } catch {
    return null;
  }
}

/** An ASN.1 DER ECDSA signature (what authenticators send) as the r‖s WebCrypto verifies; `null` when malformed. */
export function derToRawEcdsa(der: Uint8Array, size = 32): Uint8Array<ArrayBuffer> | null {
  let at = 0;
  const byte = () => der[at++];
  if (byte() !== 0x30) return null;
  let length = byte() ?? 0;
  if (length & 0x80) at += length & 0x7f;
  const out = new Uint8Array(2 * size);
  for (let part = 0; part < 2; part++) {
    if (byte() !== 0x02) return null;
    length = byte() ?? 0;
    let value = der.slice(at, at + length);
    at += length;
    while (value.length > size && value[0] === 0) value = value.slice(1);
    if (value.length > size) return null;
    out.set(value, part * size + (size - value.length));
  }
  return out;
}

/** Checks an assertion signature over `authenticatorData ‖ SHA-256(clientDataJSON)`. */
export async function verifyAssertionSignature(
  key: CryptoKey,
  alg: number,
  authenticatorData: Uint8Array<ArrayBuffer>,
  clientDataJSON: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  const hash = await sha256(clientDataJSON);
  const signed = new Uint8Array(authenticatorData.length + hash.length);
  signed.set(authenticatorData);
  signed.set(hash, authenticatorData.length);
  if (alg === COSE_ES256) {
    const raw = derToRawEcdsa(signature);
    if (!raw) return false;
    return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, raw, signed);
  }
  if (alg === COSE_RS256) return crypto.subtle.verify({ name: 'RSASSA-PKCS1-v1_5' }, key, signature, signed);
  return false;
}

// ——— The attestation object, for browsers that send neither `authenticatorData` nor `publicKey` ———

type Cbor = number | string | Uint8Array | Cbor[] | Map<Cbor, Cbor> | boolean | null | undefined;

/** Decodes the CBOR items attestation objects and COSE keys use (RFC 8949 major types 0–5, simple values). */
export function decodeCbor(bytes: Uint8Array): Cbor {
  let at = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return bytes[at++]!;
    if (info === 25) return (at += 2), view.getUint16(at - 2);
    if (info === 26) return (at += 4), view.getUint32(at - 4);
    throw new Error('CBOR length not supported');
  };
  const item = (): Cbor => {
    if (at >= bytes.length) throw new Error('CBOR truncated');
    const head = bytes[at++]!;
    const major = head >> 5;
    const info = head & 0x1f;
    if (major === 7) return info === 20 ? false : info === 21 ? true : info === 22 ? null : undefined;
    const n = length(info);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
        if (at + n > bytes.length) throw new Error('CBOR truncated');
        return bytes.slice(at, (at += n));
      case 3:
        if (at + n > bytes.length) throw new Error('CBOR truncated');
        return new TextDecoder().decode(bytes.slice(at, (at += n)));
      case 4:
        return Array.from({ length: n }, item);
      default: {
        const map = new Map<Cbor, Cbor>();
        for (let i = 0; i < n; i++) map.set(item(), item());
        return map;
      }
    }
  };
  return item();
}

/** `authData` of an attestation object; `null` when it is not one. */
export function authDataOfAttestation(attestationObject: Uint8Array): Uint8Array<ArrayBuffer> | null {
  try {
    const decoded = decodeCbor(attestationObject);
    const authData = decoded instanceof Map ? decoded.get('authData') : undefined;
    return authData instanceof Uint8Array ? new Uint8Array(authData) : null;
  } catch {
    return null;
  }
}

/**
 * The credential's public key as DER SubjectPublicKeyInfo, from the COSE key after the credential
 * id in registration authenticator data: EC2 P-256 (ES256) only. `null` otherwise.
 */
export async function spkiOfAuthenticatorData(authData: Uint8Array, credentialIdLength: number): Promise<{ spki: Uint8Array<ArrayBuffer>; alg: number } | null> {
  try {
    const cose = decodeCbor(authData.slice(55 + credentialIdLength));
    if (!(cose instanceof Map) || cose.get(1) !== 2 || cose.get(3) !== COSE_ES256 || cose.get(-1) !== 1) return null;
    const x = cose.get(-2);
    const y = cose.get(-3);
    if (!(x instanceof Uint8Array) || !(y instanceof Uint8Array)) return null;
    const key = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: toBase64url(x), y: toBase64url(y) }, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
    return { spki: new Uint8Array(await crypto.subtle.exportKey('spki', key)), alg: COSE_ES256 };
  } catch {
    return null;
  }
}
