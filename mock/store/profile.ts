/** Profile and avatar. */
import type * as s from '../../src/api/schemas.js';
import { AVATAR_MAX_BYTES } from '../../src/api/schemas.js';
import { MOCK_USER, TIME } from '../seed.js';
import { iso, type StoreContext } from './context.js';
import { fieldProblem, MockProblem } from './problem.js';

export interface ProfileState {
  profile: Omit<s.Profile, 'updatedAt'> & { updatedAt: number };
}

export function seedProfile(now: number): ProfileState {
  return { profile: { ...MOCK_USER, avatarUrl: null, updatedAt: now - 41 * TIME.DAY } };
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The image type from the file's first bytes, whatever its name or Content-Type says. */
export function sniffImageType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  const at = (i: number): number => bytes[i] ?? -1;
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => at(i) === b)) return 'image/png';
  const ascii = (from: number, text: string): boolean => [...text].every((c, i) => at(from + i) === c.charCodeAt(0));
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  return null;
}

type ImageType = NonNullable<ReturnType<typeof sniffImageType>>;

/**
 * Whether the bytes hold the structure of an image of `type` beyond its signature: a PNG's
 * chunks from IHDR through IDAT to IEND, a JPEG's segments up to a frame header and the scan,
 * a WebP's RIFF size and VP8 chunk. Eight bytes of PNG followed by a script tag fail it.
 * This works wherever the mock runs (Node has no image decoder); in the browser the route
 * also decodes (`assertDecodes`).
 */
export function wellFormed(bytes: Uint8Array, type: ImageType): boolean {
  const at = (i: number): number => bytes[i] ?? -1;
  const u32 = (i: number): number => ((at(i) << 24) | (at(i + 1) << 16) | (at(i + 2) << 8) | at(i + 3)) >>> 0;
  const tag = (i: number): string => String.fromCharCode(at(i), at(i + 1), at(i + 2), at(i + 3));
  if (type === 'image/png') {
    let i = 8;
    let idat = false;
    if (u32(i) !== 13 || tag(i + 4) !== 'IHDR') return false;
    while (i + 12 <= bytes.length) {
      const name = tag(i + 4);
      if (name === 'IEND') return idat;
      if (name === 'IDAT') idat = true;
      i += 12 + u32(i);
    }
    return false;
  }
  if (type === 'image/jpeg') {
    let i = 2;
    let frame = false;
    while (i + 4 <= bytes.length) {
      if (at(i) !== 0xff) return false;
      const marker = at(i + 1);
      if (marker === 0xff) {
        i += 1;
        continue;
      }
      if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2;
        continue;
      }
      if (marker === 0xda) return frame;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) frame = true;
      i += 2 + ((at(i + 2) << 8) | at(i + 3));
    }
    return false;
  }
  const size = (at(4) | (at(5) << 8) | (at(6) << 16) | (at(7) << 24)) >>> 0;
  return size >= 12 && size + 8 <= bytes.length && ['VP8 ', 'VP8L', 'VP8X'].includes(tag(12));
}

function unreadable(): MockProblem {
  return new MockProblem(415, 'unsupported-media-type', 'Unreadable image', 'The file starts like an image but cannot be read as one. Upload a JPG, PNG or WebP image.');
}

/**
 * Decodes an upload that passed the size and type checks, where the runtime can (the
 * browser's `createImageBitmap`; Node has none, and `wellFormed` is what it gets). Run
 * before `uploadAvatar`; other files are left for it to refuse with their own reason.
 */
export async function assertDecodes(bytes: Uint8Array): Promise<void> {
  const type = sniffImageType(bytes);
  if (!type || bytes.byteLength > AVATAR_MAX_BYTES || typeof createImageBitmap !== 'function') return;
  try {
    (await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }))).close();
  } catch {
    throw unreadable();
  }
}

export function getProfile(ctx: StoreContext): s.Profile {
  const { updatedAt, ...rest } = ctx.state.profile;
  return { ...rest, updatedAt: iso(updatedAt) };
}

export function updateProfile(ctx: StoreContext, update: s.ProfileUpdate): s.Profile {
  const errors: s.FieldError[] = [];
  if (update.timezone !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: update.timezone });
    } catch {
      errors.push({ field: 'timezone', message: 'Choose a time zone from the list.' });
    }
  }
  if (update.language !== undefined) {
    try {
      Intl.getCanonicalLocales(update.language);
    } catch {
      errors.push({ field: 'language', message: 'Choose a language from the list.' });
    }
  }
  if (errors.length) throw fieldProblem(422, 'validation', 'Some fields need attention', errors);
  const p = ctx.state.profile;
  const blankToNull = (v: string | null): string | null => (v === null || v.trim() === '' ? null : v);
  if (update.displayName !== undefined) p.displayName = update.displayName.trim();
  if (update.phone !== undefined) p.phone = update.phone === null ? null : update.phone.trim();
  if (update.timezone !== undefined) p.timezone = update.timezone;
  if (update.language !== undefined) p.language = update.language;
  if (update.company !== undefined) p.company = blankToNull(update.company === null ? null : update.company.trim());
  if (update.bio !== undefined) p.bio = blankToNull(update.bio);
  p.updatedAt = ctx.now();
  return getProfile(ctx);
}

export function uploadAvatar(ctx: StoreContext, bytes: Uint8Array): s.Profile {
  if (bytes.byteLength > AVATAR_MAX_BYTES) {
    throw new MockProblem(413, 'payload-too-large', 'File too large', `The image is ${(bytes.byteLength / 1048576).toFixed(1)} MB; the limit is 2 MB.`);
  }
  const type = sniffImageType(bytes);
  if (!type) {
    throw new MockProblem(415, 'unsupported-media-type', 'Unsupported file type', 'Upload a JPG, PNG or WebP image.');
  }
  // The signature is only how the file starts: the image must also be built like one.
  if (!wellFormed(bytes, type)) throw unreadable();
  ctx.state.profile.avatarUrl = `data:${type};base64,${bytesToBase64(bytes)}`;
  ctx.state.profile.updatedAt = ctx.now();
  return getProfile(ctx);
}

export function removeAvatar(ctx: StoreContext): s.Profile {
  ctx.state.profile.avatarUrl = null;
  ctx.state.profile.updatedAt = ctx.now();
  return getProfile(ctx);
}
