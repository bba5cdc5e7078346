/** TOTP codes for the 2FA checks, by an independent implementation (otpauth), not the server's. */
import { Secret, TOTP, URI } from 'otpauth';

export function totpCode(secret: string, options: { digits?: number; period?: number; timestamp?: number } = {}): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: options.digits ?? 6, period: options.period ?? 30 });
  return totp.generate({ timestamp: options.timestamp ?? Date.now() });
}

/** The base32 secret an `otpauth://` URI carries (what an authenticator app scans), or null. */
export function secretOfUri(uri: string): string | null {
  try {
    const parsed = URI.parse(uri);
    return parsed instanceof TOTP ? parsed.secret.base32 : null;
  } catch {
    return null;
  }
}

/** A six-digit code different from `code`. */
export function otherCode(code: string): string {
  return String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');
}
