/**
 * RFC 6238 TOTP (HMAC-SHA1) and RFC 4648 base32, on Web Crypto.
 *
 * Used by the mock backend so a real authenticator app can scan the demo's QR code,
 * and by tests to compute the code the backend expects. Web Crypto needs a secure
 * context (https or localhost).
 */

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;

/** RFC 4648 base32, upper case, without `=` padding unless asked. */
export function base32Encode(bytes: Uint8Array, { padding = false }: { padding?: boolean } = {}): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  if (padding) while (out.length % 8 !== 0) out += '=';
  return out;
}

/**
 * Decodes RFC 4648 base32. Case-insensitive; spaces, dashes and trailing `=` are ignored
 * (keys are often shown in groups). Throws on any other character.
 */
export function base32Decode(input: string): Uint8Array<ArrayBuffer> {
  const clean = input.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  const out = new Uint8Array(Math.floor((clean.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of clean) {
    const value = BASE32_ALPHABET.indexOf(char);
    if (value < 0) throw new SyntaxError(`Invalid base32 character "${char}"`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      out[index++] = (buffer >>> (bits - 8)) & 255;
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

/** A random base32 key of `bytes` bytes (20 = 160 bits, as RFC 4226 recommends). */
export function generateSecret(bytes = 20): string {
  return base32Encode(crypto.getRandomValues(new Uint8Array(bytes)));
}

function subtle(): SubtleCrypto {
  const api = globalThis.crypto?.subtle;
  if (!api) throw new Error('TOTP needs Web Crypto (crypto.subtle), available only in secure contexts (https, localhost).');
  return api;
}

async function importKey(secret: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return subtle().importKey('raw', secret, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
}

async function hotpWithKey(key: CryptoKey, counter: number, digits: number): Promise<string> {
  const message = new Uint8Array(8);
  const view = new DataView(message.buffer);
  view.setUint32(0, Math.floor(counter / 2 ** 32));
  view.setUint32(4, counter >>> 0);
  const mac = new Uint8Array(await subtle().sign('HMAC', key, message));
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary =
    (((mac[offset] ?? 0) & 0x7f) << 24) |
    ((mac[offset + 1] ?? 0) << 16) |
    ((mac[offset + 2] ?? 0) << 8) |
    (mac[offset + 3] ?? 0);
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** RFC 4226 HOTP for a raw key. */
export async function hotp(secret: Uint8Array<ArrayBuffer>, counter: number, digits = TOTP_DIGITS): Promise<string> {
  return hotpWithKey(await importKey(secret), counter, digits);
}

export interface TotpOptions {
  digits?: number;
  /** Seconds per step. */
  period?: number;
}

/** The time step (`T`) a moment falls in. */
export function timeStep(timeMs: number, period = TOTP_PERIOD_SECONDS): number {
  return Math.floor(timeMs / 1000 / period);
}

/** The TOTP code for a base32 secret at `timeMs` (default: now). */
export async function totp(secretBase32: string, timeMs = Date.now(), options: TotpOptions = {}): Promise<string> {
  const { digits = TOTP_DIGITS, period = TOTP_PERIOD_SECONDS } = options;
  return hotp(base32Decode(secretBase32), timeStep(timeMs, period), digits);
}

export interface VerifyOptions extends TotpOptions {
  /** Steps accepted either side of the current one, for clock drift. Default 1 (±30 s). */
  window?: number;
  timeMs?: number;
}

/**
 * Checks a code against the steps around `timeMs`. Returns the matched time step, or
 * `null`. Callers remember the step to refuse a code replayed within the same step.
 */
export async function verifyTotp(secretBase32: string, code: string, options: VerifyOptions = {}): Promise<number | null> {
  const { window = 1, timeMs = Date.now(), digits = TOTP_DIGITS, period = TOTP_PERIOD_SECONDS } = options;
  const trimmed = code.replace(/\s/g, '');
  if (!new RegExp(`^\\d{${digits}}$`).test(trimmed)) return null;
  let secret: Uint8Array<ArrayBuffer>;
  try {
    secret = base32Decode(secretBase32);
  } catch {
    return null;
  }
  const key = await importKey(secret);
  const now = timeStep(timeMs, period);
  // Current step first, then the neighbours; every candidate is computed (no early exit on the first byte).
  const order = [0];
  for (let i = 1; i <= window; i++) order.push(-i, i);
  let matched: number | null = null;
  for (const delta of order) {
    const step = now + delta;
    if (step < 0) continue;
    const expected = await hotpWithKey(key, step, digits);
    if (matched === null && timingSafeEqual(expected, trimmed)) matched = step;
  }
  return matched;
}

function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** `otpauth://totp/Issuer:account?secret=…&issuer=…&digits=6&period=30` (Key Uri Format). */
export function otpauthUri({
  secret,
  issuer,
  accountName,
  digits = TOTP_DIGITS,
  period = TOTP_PERIOD_SECONDS,
}: {
  secret: string;
  issuer: string;
  accountName: string;
  digits?: number;
  period?: number;
}): string {
  // `@` stays readable, as in the Key Uri Format examples; everything else is escaped.
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName).replace(/%40/g, '@')}`;
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&digits=${digits}&period=${period}`;
}
