import { AVATAR_MAX_BYTES, type AVATAR_TYPES } from './contract/constants.js';

export type AvatarType = (typeof AVATAR_TYPES)[number];

/**
 * The image type by content, whatever the file's name or declared type says:
 * JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A) or WebP (RIFF....WEBP).
 */
export async function sniffImageType(file: Blob): Promise<AvatarType | null> {
  const bytes = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  const at = (i: number) => bytes[i] ?? -1;
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export type AvatarProblem = 'empty' | 'too-large' | 'wrong-type' | 'undecodable';

/**
 * Whether the browser can decode `file` as an image. A signature says only how a file
 * starts: eight bytes of PNG followed by a script tag is no picture. Where the browser
 * cannot decode (no `createImageBitmap`), the server's own decoding decides.
 */
export async function decodes(file: Blob): Promise<boolean> {
  if (typeof createImageBitmap !== 'function') return true;
  try {
    (await createImageBitmap(file)).close();
    return true;
  } catch {
    return false;
  }
}

/** Why `file` cannot be an avatar, or null when it can: its size, its type by content, then whether it decodes. */
export async function checkAvatar(file: Blob): Promise<AvatarProblem | null> {
  if (file.size === 0) return 'empty';
  if (file.size > AVATAR_MAX_BYTES) return 'too-large';
  if (!(await sniffImageType(file))) return 'wrong-type';
  return (await decodes(file)) ? null : 'undecodable';
}
