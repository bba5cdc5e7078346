/**
 * Avatar uploads decoded in full before they are stored: PNG by pngjs, JPEG by jpeg-js (both pure
 * JavaScript), WebP by libwebp compiled to WebAssembly (`@jsquash/webp`, its `.wasm` read from the
 * package on the first WebP). The pixel size is read from the header first, and an image larger
 * than `AVATAR_MAX_SIDE` on either side is refused before anything is decoded, so a small file
 * that would inflate to gigabytes (a decompression bomb) costs nothing.
 *
 * Decoding is work on the event loop: an image at the limit takes about 2 s and 300 MB in jpeg-js
 * (0.5 s in pngjs), so the process decodes one upload at a time (a queue; the memory of one
 * decode at most), and uploads are limited per user (`avatar-upload`).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { AVATAR_MAX_BYTES } from '../../src/api/contract/constants.js';
import { HttpProblem } from './problem.js';

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The largest avatar side in pixels (a 4096×4096 RGBA image decodes to 64 MB). */
export const AVATAR_MAX_SIDE = 4096;

export interface ImageSize {
  width: number;
  height: number;
}

/**
 * Width and height as the image's header declares them, or null when the header is not there:
 * PNG's IHDR, a JPEG's frame header (SOF0–SOF15), a WebP's VP8X canvas, VP8L or VP8 frame.
 */
export function headerSize(bytes: Uint8Array, type: ImageType): ImageSize | null {
  const at = (i: number): number => bytes[i] ?? -1;
  const u16be = (i: number): number => (at(i) << 8) | at(i + 1);
  const u32be = (i: number): number => ((at(i) << 24) | (at(i + 1) << 16) | (at(i + 2) << 8) | at(i + 3)) >>> 0;
  const tag = (i: number): string => String.fromCharCode(at(i), at(i + 1), at(i + 2), at(i + 3));
  const sized = (width: number, height: number): ImageSize | null => (width > 0 && height > 0 ? { width, height } : null);
  if (bytes.length < 30) return null;
  if (type === 'image/png') {
    if (tag(12) !== 'IHDR') return null;
    return sized(u32be(16), u32be(20));
  }
  if (type === 'image/jpeg') {
    let i = 2;
    while (i + 9 <= bytes.length) {
      if (at(i) !== 0xff) return null;
      const marker = at(i + 1);
      if (marker === 0xff) {
        i += 1;
        continue;
      }
      if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2;
        continue;
      }
      // SOFn carries precision, height, width; DHT (C4), JPG (C8) and DAC (CC) share the range but are not frames.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return sized(u16be(i + 7), u16be(i + 5));
      if (marker === 0xda || marker === 0xd9) return null;
      i += 2 + u16be(i + 2);
    }
    return null;
  }
  if (tag(0) !== 'RIFF' || tag(8) !== 'WEBP') return null;
  const chunk = tag(12);
  if (chunk === 'VP8X') return sized(1 + (at(24) | (at(25) << 8) | (at(26) << 16)), 1 + (at(27) | (at(28) << 8) | (at(29) << 16)));
  if (chunk === 'VP8L') {
    if (at(20) !== 0x2f) return null;
    const bits = (at(21) | (at(22) << 8) | (at(23) << 16) | (at(24) << 24)) >>> 0;
    return sized(1 + (bits & 0x3fff), 1 + ((bits >>> 14) & 0x3fff));
  }
  if (chunk === 'VP8 ') {
    if (at(23) !== 0x9d || at(24) !== 0x01 || at(25) !== 0x2a) return null;
    return sized((at(26) | (at(27) << 8)) & 0x3fff, (at(28) | (at(29) << 8)) & 0x3fff);
  }
  return null;
}

/** Adam7's passes: first column, column step, first row, row step. */
const ADAM7: [number, number, number, number][] = [
  [0, 8, 0, 8],
  [4, 8, 0, 8],
  [0, 4, 4, 8],
  [2, 4, 0, 4],
  [0, 2, 2, 4],
  [1, 2, 0, 2],
  [0, 1, 1, 2],
];

/**
 * Whether a PNG's compressed data inflates to exactly the bytes its header calls for (a filter
 * byte and the packed samples of every row, of every pass when interlaced). pngjs pads a stream
 * that ends early with blank rows, so a PNG cut short but closed again would pass as an image.
 */
function pngDataComplete(bytes: Uint8Array, { width, height }: ImageSize): boolean {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const depth = view[24] ?? 0;
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[view[25] ?? -1];
  if (!channels) return false;
  const rowBytes = (w: number): number => 1 + Math.ceil((w * depth * channels) / 8);
  const passes: [number, number][] =
    view[28] === 1
      ? ADAM7.map(([x0, dx, y0, dy]): [number, number] => [Math.max(0, Math.ceil((width - x0) / dx)), Math.max(0, Math.ceil((height - y0) / dy))])
      : [[width, height]];
  const expected = passes.reduce((sum, [w, h]) => sum + (w > 0 && h > 0 ? h * rowBytes(w) : 0), 0);
  const data: Buffer[] = [];
  for (let i = 8; i + 12 <= view.length; ) {
    const length = view.readUInt32BE(i);
    if (view.toString('latin1', i + 4, i + 8) === 'IDAT') data.push(view.subarray(i + 8, i + 8 + length));
    i += 12 + length;
  }
  try {
    // Bounded: more than the header calls for is an error too, never a larger buffer.
    return inflateSync(Buffer.concat(data), { maxOutputLength: expected + 1 }).length === expected;
  } catch {
    return false;
  }
}

let decoding: Promise<unknown> = Promise.resolve();

/** Runs `work` after every decode queued before it. */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = decoding.then(work, work);
  decoding = run.catch(() => undefined);
  return run;
}

let webpDecoder: Promise<(bytes: ArrayBuffer) => Promise<ImageSize>> | undefined;

/** libwebp's decoder, compiled once from the package's own `.wasm` file (Node has no `fetch` of file URLs). */
function loadWebpDecoder(): Promise<(bytes: ArrayBuffer) => Promise<ImageSize>> {
  webpDecoder ??= (async () => {
    const decode = await import('@jsquash/webp/decode.js');
    const require = createRequire(import.meta.url);
    const wasm = await readFile(require.resolve('@jsquash/webp/codec/dec/webp_dec.wasm'));
    await decode.init(await WebAssembly.compile(wasm));
    return async (bytes: ArrayBuffer) => {
      const image = await decode.default(bytes);
      return { width: image.width, height: image.height };
    };
  })();
  webpDecoder.catch(() => (webpDecoder = undefined));
  return webpDecoder;
}

function undecodable(): HttpProblem {
  return new HttpProblem(415, 'unsupported-media-type', 'Unreadable image', 'The file starts like an image but cannot be read as one. Upload a JPG, PNG or WebP image.');
}

/**
 * Decodes every pixel of an upload whose type was sniffed from its bytes: `413` when the header
 * declares more than `AVATAR_MAX_SIDE` on a side (nothing decoded), `415` when it does not decode
 * (truncated, corrupt, a checksum wrong, a header that disagrees with the pixels).
 */
export async function assertAvatarDecodes(bytes: Uint8Array, type: ImageType): Promise<ImageSize> {
  const declared = headerSize(bytes, type);
  if (!declared) throw undecodable();
  if (declared.width > AVATAR_MAX_SIDE || declared.height > AVATAR_MAX_SIDE) {
    throw new HttpProblem(413, 'payload-too-large', 'Image too large', `The image is ${declared.width}×${declared.height} pixels; the limit is ${AVATAR_MAX_SIDE}×${AVATAR_MAX_SIDE}.`);
  }
  return oneAtATime(() => decode(bytes, type, declared));
}

async function decode(bytes: Uint8Array, type: ImageType, declared: ImageSize): Promise<ImageSize> {
  let decoded: ImageSize;
  try {
    if (type === 'image/png') {
      // `checkCRC` (on by default) refuses a chunk whose checksum is wrong.
      if (!pngDataComplete(bytes, declared)) throw undecodable();
      const image = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      decoded = { width: image.width, height: image.height };
    } else if (type === 'image/jpeg') {
      // Its own bounds too: a frame over the megapixels or the memory is refused before decoding.
      const image = jpeg.decode(bytes, { useTArray: true, tolerantDecoding: false, maxResolutionInMP: (AVATAR_MAX_SIDE * AVATAR_MAX_SIDE) / 1e6 + 1, maxMemoryUsageInMB: 512 });
      decoded = { width: image.width, height: image.height };
    } else {
      const copy = bytes.slice(0, AVATAR_MAX_BYTES).buffer;
      decoded = await (await loadWebpDecoder())(copy);
    }
  } catch {
    throw undecodable();
  }
  if (decoded.width !== declared.width || decoded.height !== declared.height) throw undecodable();
  return decoded;
}
