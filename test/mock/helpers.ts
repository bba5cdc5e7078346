import { expect } from '@open-wc/testing';
import { endpoints, type EndpointName } from '../../src/api/endpoints.js';
import { MockProblem } from '../../mock/index.js';
import { Problem } from '../../src/api/schemas.js';

/** A controllable clock for `MockStore({ now })`. */
export function fakeClock(start = Date.UTC(2026, 2, 10, 9, 0, 0)): { now: () => number; advance(ms: number): void; set(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    advance(ms) {
      t += ms;
    },
    set(ms) {
      t = ms;
    },
  };
}

/** Parses `value` with the endpoint's response schema (throws with the issues when it does not match). */
export function assertResponse<K extends EndpointName>(name: K, value: unknown): void {
  const result = endpoints[name].response.safeParse(value);
  if (!result.success) {
    throw new Error(`${name} response does not match its schema: ${JSON.stringify(result.error.issues.slice(0, 3))}`);
  }
}

/** The MockProblem `fn` throws (fails the test if it does not throw one). */
export async function problemOf(fn: () => unknown): Promise<MockProblem> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof MockProblem) return error;
    throw error;
  }
  throw new Error('Expected a MockProblem, but the call succeeded');
}

/** Checks an RFC 9457 body: `urn:dialnexa:problem:<code>`, title, status, valid against `Problem`. */
export function expectProblem(body: unknown, status: number, code: string): Record<string, unknown> {
  const parsed = Problem.safeParse(body);
  expect(parsed.success, JSON.stringify(body)).to.equal(true);
  const problem = body as Record<string, unknown>;
  expect(problem['type']).to.equal(`urn:dialnexa:problem:${code}`);
  expect(problem['status']).to.equal(status);
  expect(problem['title']).to.be.a('string').and.not.equal('');
  return problem;
}

export function fieldsOf(problem: MockProblem | Record<string, unknown>): Record<string, string> {
  const body = problem instanceof MockProblem ? problem.toJSON() : problem;
  const errors = (body['errors'] ?? []) as { field: string; message: string }[];
  return Object.fromEntries(errors.map((e) => [e.field, e.message]));
}

// ——— Real image bytes ———

/** A 1×1 PNG. */
export const PNG_1X1 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

/** A real JPEG and WebP, drawn with a canvas. */
/**
 * A real 1×1 JPEG (as Chromium's canvas writes it, complete to its end marker, so it
 * decodes) or WebP (lossless). Fixed bytes rather than canvas.toBlob: a test page running
 * in the background gets no frames, and toBlob never resolves.
 */
export async function canvasImage(type: 'image/jpeg' | 'image/webp'): Promise<Uint8Array> {
  const base64 =
    type === 'image/webp'
      ? 'UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=='
      : '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAABAAEDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAH/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAAP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AIAD/9k=';
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

export const SVG_BYTES = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><script>alert(1)</script></svg>');

/** A PNG signature followed by padding up to `size` bytes. */
export function pngOfSize(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(PNG_1X1);
  return bytes;
}
