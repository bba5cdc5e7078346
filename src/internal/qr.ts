/**
 * QR codes for the 2FA setup, drawn on a `<canvas>` from the module matrix: no
 * markup strings (strict CSP, Trusted Types), and the encoded secret never
 * becomes DOM text or an attribute. The encoder (`lean-qr`, no dependencies)
 * is loaded the first time a code is drawn, so it is a lazy chunk of its own.
 */

/** Modules of empty border around the symbol; the QR standard asks for 4. */
export const QUIET_ZONE = 4;

let loaded = false;

/** Whether the QR library was loaded (tests check that it loads only when needed). */
export function isQrLoaded(): boolean {
  return loaded;
}

/** The module matrix of `text`: `size` × `size`, `dark(row, col)`. */
export interface QrMatrix {
  size: number;
  dark(row: number, col: number): boolean;
}

/**
 * Error correction level M at least (15 % of the symbol may be lost); the encoder
 * picks the smallest symbol, the modes (byte, alphanumeric, numeric) that make it
 * smallest, and a higher level when that symbol has room for it.
 */
export async function qrMatrix(text: string): Promise<QrMatrix> {
  const { generate, correction } = await import('lean-qr');
  loaded = true;
  const bitmap = generate(text, { minCorrectionLevel: correction.M });
  return { size: bitmap.size, dark: (row, col) => bitmap.get(col, row) };
}

/**
 * Draws `text` on `canvas`: whole device pixels per module (square, sharp
 * modules) inside the quiet zone, in `colors.dark` on `colors.light`.
 * `cssPixelsPerModule` sets the displayed size (set in code: no style attribute).
 */
export async function drawQr(
  canvas: HTMLCanvasElement,
  text: string,
  colors: { dark: string; light: string },
  cssPixelsPerModule = 5,
): Promise<void> {
  const matrix = await qrMatrix(text);
  const pixelsPerModule = cssPixelsPerModule * Math.max(1, Math.ceil(window.devicePixelRatio || 1));
  const modules = matrix.size + 2 * QUIET_ZONE;
  const side = modules * pixelsPerModule;
  canvas.width = side;
  canvas.height = side;
  canvas.style.inlineSize = `${modules * cssPixelsPerModule}px`;
  canvas.style.blockSize = `${modules * cssPixelsPerModule}px`;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.fillStyle = colors.light;
  context.fillRect(0, 0, side, side);
  context.fillStyle = colors.dark;
  for (let row = 0; row < matrix.size; row += 1) {
    for (let col = 0; col < matrix.size; col += 1) {
      if (!matrix.dark(row, col)) continue;
      context.fillRect((col + QUIET_ZONE) * pixelsPerModule, (row + QUIET_ZONE) * pixelsPerModule, pixelsPerModule, pixelsPerModule);
    }
  }
}

/** Wipes what `canvas` shows (the QR encodes the secret). */
export function clearQr(canvas: HTMLCanvasElement | null | undefined): void {
  if (!canvas) return;
  canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
  canvas.width = 0;
  canvas.height = 0;
}
