import { PROBLEM_CODES, type ProblemCode } from './contract/constants.js';
import type { FieldError, Problem, Workspace } from './contract/problem.js';

/** How the user can confirm it's them: the password, a 2FA code, or a passkey. */
export type ReauthMethod = 'password' | 'totp' | 'passkey';

/** What went wrong, as elements need to tell it apart. */
export type ApiErrorKind =
  /** No answer: offline, DNS, CORS, connection reset. */
  | 'network'
  /** No answer within the configured timeout. */
  | 'timeout'
  /** The caller aborted (the element left the page). Never shown to the user. */
  | 'aborted'
  /** 401: the session is gone; elements emit `dn-unauthorized`. */
  | 'unauthorized'
  /** 403 with `reauth-required`: show "Confirm it's you", then retry. */
  | 'reauth-required'
  /** 403 otherwise. */
  | 'forbidden'
  | 'not-found'
  /** 409: the state changed (e.g. an export already running, a workspace still owned). */
  | 'conflict'
  /** 410: an expired or used link. */
  | 'gone'
  /** 400 / 422 with per-field messages in `fieldErrors`. */
  | 'validation'
  /** 413 / 415: a file too large or of the wrong type. */
  | 'unsupported-file'
  /** 429: `retryAfter` seconds to wait. */
  | 'rate-limited'
  /** 5xx. */
  | 'server'
  /** The answer was not JSON, or not the shape of the contract. */
  | 'invalid-response';

/**
 * The one error type `AccountApi` implementations reject with. `kind` says what
 * happened; `code` is the problem slug when the server sent one (`invalid-code`,
 * `workspace-owner`, …); `fieldErrors` maps request fields to messages.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly problem: Problem | undefined;
  readonly code: ProblemCode | undefined;
  /** Request field → message from the server (422). */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** Seconds to wait before trying again (429). */
  readonly retryAfter: number | undefined;
  /** Re-authentication methods the server accepts. */
  readonly methods: readonly ReauthMethod[];
  /** Workspaces that block account deletion. */
  readonly workspaces: readonly Workspace[];

  constructor(
    kind: ApiErrorKind,
    message: string,
    init: { status?: number; problem?: Problem; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = kind;
    this.status = init.status;
    this.problem = init.problem;
    this.code = problemCode(init.problem?.type);
    this.fieldErrors = toFieldErrors(init.problem?.errors ?? []);
    this.retryAfter = init.retryAfter ?? init.problem?.retryAfter;
    this.methods = init.problem?.methods ?? ['password'];
    this.workspaces = init.problem?.workspaces ?? [];
  }

  /** Whether trying the same request again may succeed. */
  get retryable(): boolean {
    return ['network', 'timeout', 'server', 'rate-limited', 'invalid-response'].includes(this.kind);
  }
}

/** The slug a problem `type` URI ends in, when it is one the contract defines. */
export function problemCode(type: string | undefined): ProblemCode | undefined {
  if (!type) return undefined;
  const slug = type.split(/[:/#]/).pop() ?? '';
  return (PROBLEM_CODES as readonly string[]).includes(slug) ? (slug as ProblemCode) : undefined;
}

function toFieldErrors(errors: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const field = e.field.replace(/^\//, '').split('/')[0] ?? e.field;
    out[field] ??= e.message;
  }
  return out;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Anything thrown, as an `ApiError` (a custom `AccountApi` may throw plain errors). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') return new ApiError('aborted', 'Aborted', { cause: error });
  if (error instanceof DOMException && error.name === 'TimeoutError') return new ApiError('timeout', 'Timed out', { cause: error });
  return new ApiError('network', error instanceof Error ? error.message : String(error), { cause: error });
}
