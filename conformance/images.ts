/** Files for the avatar checks, made on the spot: real PNGs (small and over 2 MB), a GIF, an SVG, a PNG signature with no image behind it. */
import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/** One PNG chunk: length, type, `data` and its CRC-32. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A valid RGB PNG of `size`×`size` pixels; `noise` fills it with random pixels (it stays large). */
export function png(size: number, noise = false): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = 1 + size * 3;
  const raw = noise ? randomBytes(row * size) : Buffer.alloc(row * size, 0x7f);
  for (let y = 0; y < size; y++) raw[y * row] = 0; // filter: none
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level: noise ? 0 : 6 })), pngChunk('IEND', new Uint8Array(0))]));
}

/** A 1×1 GIF. */
export const GIF = new Uint8Array(Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'));

/** An SVG with a script in it: markup, never an avatar. */
export const SVG = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><script>alert(document.domain)</script><rect width="1" height="1"/></svg>',
);

let large: Uint8Array | undefined;

/** A PNG just over 3 MB (1,024 × 1,024 random pixels). */
export function largePng(): Uint8Array {
  return (large ??= png(1024, true));
}

/** The eight bytes of a PNG signature followed by a script tag (46 bytes): starts like a PNG, decodes as nothing. */
export const PNG_SIGNATURE_SCRIPT = new Uint8Array([
  ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  ...new TextEncoder().encode('<script>alert(document.title)</script>'),
]);
