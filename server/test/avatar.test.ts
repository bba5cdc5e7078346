/**
 * Avatars decoded in full: real JPEG, PNG and WebP files (encoded here by the same libraries the
 * server decodes with) are stored; truncated or corrupt ones answer 415; one whose header declares
 * more than 4096 pixels on a side answers 413 before any pixel is decoded.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngChunk } from '../../conformance/images.js';
import { endpoints } from '../../src/api/endpoints.js';
import { createAccountServer, type AccountServer } from '../src/index.js';
import { AVATAR_MAX_SIDE, assertAvatarDecodes, headerSize } from '../src/image.js';
import { cookieClient } from './client.js';
import { testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
const API = `${ORIGIN}/api/account`;

let server: AccountServer;
let upload: (bytes: Uint8Array) => Promise<Response>;

/** An RGBA gradient, so the encoders have something to compress. */
function pixels(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set([(x * 255) / width, (y * 255) / height, 128, 255], (y * width + x) * 4);
  }
  return data;
}

function pngFile(width: number, height: number): Uint8Array {
  const image = new PNG({ width, height });
  pixels(width, height).copy(image.data);
  return new Uint8Array(PNG.sync.write(image));
}

function jpegFile(width: number, height: number): Uint8Array {
  return new Uint8Array(jpeg.encode({ data: pixels(width, height), width, height }, 85).data);
}

async function webpFile(width: number, height: number, lossless = false): Promise<Uint8Array> {
  const encode = await import('@jsquash/webp/encode.js');
  const wasm = readFileSync(createRequire(import.meta.url).resolve('@jsquash/webp/codec/enc/webp_enc.wasm'));
  await encode.init(await WebAssembly.compile(wasm));
  const data = new Uint8ClampedArray(pixels(width, height));
  return new Uint8Array(await encode.default({ data, width, height, colorSpace: 'srgb' } as ImageData, { lossless: lossless ? 1 : 0 }));
}

/** A greyscale PNG of `width`×`height` whose compressed data is `idat`, every chunk's checksum right. */
function greyPng(width: number, height: number, idat: Uint8Array, interlaced = false): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  ihdr[12] = interlaced ? 1 : 0; // Adam7
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', new Uint8Array(0))]));
}

/** Rows of greyscale samples with their filter byte (none), `rows` of them. */
function greyRows(width: number, rows: number): Buffer {
  const raw = Buffer.alloc((width + 1) * rows, 0x40);
  for (let y = 0; y < rows; y++) raw[y * (width + 1)] = 0;
  return raw;
}

/** A PNG declaring `side`×`side` pixels in a few kB: a thousand rows of zeros stand for them all. */
function pngBomb(side: number): Uint8Array {
  return greyPng(side, side, deflateSync(Buffer.alloc((side + 1) * 1000), { level: 9 }));
}

/** The JPEG with its frame header's height and width set to `side`. */
function jpegDeclaring(file: Uint8Array, side: number): Uint8Array {
  const out = file.slice();
  for (let i = 2; i + 9 < out.length; ) {
    const marker = out[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xc2) {
      out.set([side >> 8, side & 0xff, side >> 8, side & 0xff], i + 5);
      return out;
    }
    i += 2 + ((out[i + 2]! << 8) | out[i + 3]!);
  }
  throw new Error('no frame header');
}

beforeAll(async () => {
  server = await createAccountServer({ ...testStorage(), baseUrl: ORIGIN, development: true, rateLimits: 'off' });
  const email = 'avatar-owner@northwind-calls.example';
  const password = 'Avatar#Pass-2026';
  await server.auth.api.signUpEmail({ body: { email, password, name: 'Avatar Owner' } });
  const fetch = cookieClient(() => server, ORIGIN);
  expect((await fetch(`${ORIGIN}/api/auth/sign-in/email`, { method: 'POST', body: JSON.stringify({ email, password }) })).status).toBe(200);
  upload = (bytes) => fetch(`${API}/profile/avatar`, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: bytes as Uint8Array<ArrayBuffer> });
});

afterAll(async () => {
  await server?.close();
});

async function stored(bytes: Uint8Array, type: string): Promise<void> {
  const answer = await upload(bytes);
  expect(answer.status).toBe(200);
  const { avatarUrl } = endpoints.uploadAvatar.response.parse(await answer.json());
  const served = await server.fetch(new Request(avatarUrl!));
  expect(served.headers.get('Content-Type')).toBe(type);
  expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
}

async function refused(bytes: Uint8Array, status: 413 | 415): Promise<string> {
  const answer = await upload(bytes);
  const problem = (await answer.json()) as { status: number; type: string; detail: string };
  expect(problem).toMatchObject({ status, type: `urn:dialnexa:problem:${status === 413 ? 'payload-too-large' : 'unsupported-media-type'}` });
  return problem.detail;
}

describe('avatar decoding', () => {
  it('stores real PNG, JPEG and WebP (lossy and lossless) images, decoded to their declared size', async () => {
    const files: [Uint8Array, string][] = [
      [pngFile(96, 64), 'image/png'],
      [jpegFile(96, 64), 'image/jpeg'],
      [await webpFile(96, 64), 'image/webp'],
      [await webpFile(96, 64, true), 'image/webp'],
    ];
    for (const [bytes, type] of files) {
      expect(headerSize(bytes, type as 'image/png')).toEqual({ width: 96, height: 64 });
      await expect(assertAvatarDecodes(bytes, type as 'image/png')).resolves.toEqual({ width: 96, height: 64 });
      await stored(bytes, type);
    }
  });

  it('refuses a truncated or corrupt image of each type with 415', async () => {
    const png = pngFile(64, 64);
    const jpg = jpegFile(64, 64);
    const webp = await webpFile(64, 64);
    // Its chunks intact, checksums right, but the compressed stream cut short…
    const whole = deflateSync(greyRows(64, 64));
    expect(await refused(greyPng(64, 64, whole.subarray(0, whole.length - 8)), 415)).toMatch(/cannot be read/);
    // …or complete with half the rows: pngjs alone would pad them with blank ones.
    expect(await refused(greyPng(64, 64, deflateSync(greyRows(64, 32))), 415)).toMatch(/cannot be read/);
    // …or with a row too many.
    expect(await refused(greyPng(64, 64, deflateSync(greyRows(64, 65))), 415)).toMatch(/cannot be read/);
    await stored(greyPng(64, 64, whole), 'image/png');
    // Interlaced: seven passes of smaller rows, as pngjs's own decoder lays them out.
    const passes = (createRequire(import.meta.url)('pngjs/lib/interlace.js') as { getImagePasses(w: number, h: number): { width: number; height: number }[] }).getImagePasses(13, 11);
    const interlacedRows = (less: number) => Buffer.concat(passes.map((pass, i) => greyRows(pass.width, pass.height - (i === passes.length - 1 ? less : 0))));
    await stored(greyPng(13, 11, deflateSync(interlacedRows(0)), true), 'image/png');
    expect(await refused(greyPng(13, 11, deflateSync(interlacedRows(1)), true), 415)).toMatch(/cannot be read/);
    // A flipped byte in the compressed pixels: the chunk's checksum no longer holds.
    const pngFlipped = png.slice();
    pngFlipped[png.length - 30] = (pngFlipped[png.length - 30] ?? 0) ^ 0xff;
    expect(await refused(pngFlipped, 415)).toMatch(/cannot be read/);
    // The JPEG's scan stops halfway (its end-of-image marker put back).
    const jpgCut = Buffer.concat([jpg.subarray(0, Math.floor(jpg.length * 0.6)), Buffer.from([0xff, 0xd9])]);
    expect(await refused(jpgCut, 415)).toMatch(/cannot be read/);
    // A WebP whose VP8 data is cut short but whose RIFF size still fits the file.
    const webpCut = webp.slice(0, Math.floor(webp.length * 0.6));
    new DataView(webpCut.buffer).setUint32(4, webpCut.length - 8, true);
    expect(await refused(webpCut, 415)).toMatch(/cannot be read/);
    // A header and nothing behind it.
    expect(await refused(png.slice(0, 33), 415)).toBeTruthy();
  });

  it(`refuses more than ${AVATAR_MAX_SIDE} pixels on a side with 413, from the header, before decoding`, async () => {
    const bomb = pngBomb(30_000);
    expect(bomb.byteLength).toBeLessThan(100_000); // 900 MB of pixels in a few kB
    const started = performance.now();
    expect(await refused(bomb, 413)).toBe(`The image is 30000×30000 pixels; the limit is ${AVATAR_MAX_SIDE}×${AVATAR_MAX_SIDE}.`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await refused(jpegDeclaring(jpegFile(16, 16), 5000), 413)).toMatch(/5000×5000/);
    // Exactly at the limit is allowed through to the decoder (which then finds the pixels missing).
    expect(await refused(pngBomb(AVATAR_MAX_SIDE), 415)).toMatch(/cannot be read/);
  });

  it('decodes uploads that arrive together, a failed one holding up none', async () => {
    const good = jpegFile(64, 48);
    const bad = Buffer.concat([good.subarray(0, good.length / 2), Buffer.from([0xff, 0xd9])]);
    const order: string[] = [];
    const settle = (name: string, work: Promise<unknown>) => work.then(() => order.push(`${name} ok`), () => order.push(`${name} refused`));
    await Promise.all([settle('bad', assertAvatarDecodes(bad, 'image/jpeg')), settle('good', assertAvatarDecodes(good, 'image/jpeg')), settle('png', assertAvatarDecodes(pngFile(8, 8), 'image/png'))]);
    expect(order).toEqual(['bad refused', 'good ok', 'png ok']);
  });

  it('limits uploads per user (each is decoded in full): 429 with Retry-After past the limit', async () => {
    const limited = await createAccountServer({ ...testStorage(), baseUrl: ORIGIN, development: true, rateLimits: { 'avatar-upload': { max: 2, windowSeconds: 3600 } } });
    try {
      const email = 'avatar-limited@northwind-calls.example';
      const password = 'Avatar#Pass-2026';
      await limited.auth.api.signUpEmail({ body: { email, password, name: 'Avatar Limited' } });
      const fetch = cookieClient(() => limited, ORIGIN);
      await fetch(`${ORIGIN}/api/auth/sign-in/email`, { method: 'POST', body: JSON.stringify({ email, password }) });
      const put = () => fetch(`${API}/profile/avatar`, { method: 'PUT', headers: { 'Content-Type': 'image/png' }, body: pngFile(8, 8) as Uint8Array<ArrayBuffer> });
      expect((await put()).status).toBe(200);
      expect((await put()).status).toBe(200);
      const third = await put();
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('Retry-After'))).toBeGreaterThan(3500);
    } finally {
      await limited.close();
    }
  });

  it('reads the size of each WebP kind from its header', () => {
    const vp8x = new Uint8Array(30);
    vp8x.set(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8X'));
    vp8x.set([0xff, 0x3f, 0x00, 0x0f, 0x27, 0x00], 24); // 16384 × 10000 (each stored less one)
    expect(headerSize(vp8x, 'image/webp')).toEqual({ width: 16384, height: 10000 });
    expect(headerSize(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 ' + '\0'.repeat(20)), 'image/webp')).toBeNull();
  });
});
