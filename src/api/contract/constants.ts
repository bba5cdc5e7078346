/**
 * The contract's numbers and word lists, without zod: elements and the HTTP client read
 * them without loading any schema. `schemas.ts` re-exports them with the rest of the contract.
 */

// ——— Shared limits (the client validates with the same numbers the server does) ———

export const DISPLAY_NAME_MIN = 2;
export const DISPLAY_NAME_MAX = 50;
export const BIO_MAX = 500;
export const COMPANY_MAX = 100;
export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
export const AVATAR_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const EMAIL_CHANGE_VALID_HOURS = 24;
export const PASSWORD_RESET_VALID_MINUTES = 60;
export const TRUSTED_DEVICE_DAYS = 30;
/** The longest name a passkey may have. */
export const PASSKEY_NAME_MAX = 64;
/** Loose international phone shape: digits with optional +, spaces, dashes, dots and brackets. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ().-]{4,22}[0-9]$/;
/**
 * A single line of plain text: no control characters (C0 with NUL, DEL, C1) and no
 * invisible bidi controls (embeddings, overrides, isolates, LRM, RLM, ALM). These can make a
 * name read differently from what it is ("invoice\u202Egpj.exe" shows as "invoiceexe.jpg").
 * Right-to-left letters (Arabic, Hebrew) are plain text and allowed.
 */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const PLAIN_LINE_PATTERN = /^[^\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/;

// ——— Errors ———

/** Slugs that end a problem `type` URI (`urn:dialnexa:problem:reauth-required`, `https://…/reauth-required`). */
export const PROBLEM_CODES = [
  'reauth-required',
  'invalid-credentials',
  'validation',
  'rate-limited',
  'token-expired',
  'token-used',
  'setup-expired',
  'invalid-code',
  'code-reused',
  'challenge-expired',
  'password-rejected',
  'export-in-progress',
  'workspace-owner',
  'email-taken',
  'last-sign-in-method',
  'unsupported-media-type',
  'payload-too-large',
  'locked',
  'not-found',
  'conflict',
  'unauthorized',
  'bad-request',
  'csrf-failed',
  'internal',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

// ——— Display preferences ———

export const DATE_FORMATS = ['auto', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD', 'D MMM YYYY'] as const;
export const TIME_FORMATS = ['auto', '12h', '24h'] as const;
export const THEMES = ['light', 'dark', 'system'] as const;
export const DENSITIES = ['comfortable', 'compact'] as const;

export type DateFormat = (typeof DATE_FORMATS)[number];
export type TimeFormat = (typeof TIME_FORMATS)[number];
export type Theme = (typeof THEMES)[number];
export type Density = (typeof DENSITIES)[number];
