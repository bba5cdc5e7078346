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
  ctx.state.profile.avatarUrl = `data:${type};base64,${bytesToBase64(bytes)}`;
  ctx.state.profile.updatedAt = ctx.now();
  return getProfile(ctx);
}

export function removeAvatar(ctx: StoreContext): s.Profile {
  ctx.state.profile.avatarUrl = null;
  ctx.state.profile.updatedAt = ctx.now();
  return getProfile(ctx);
}
