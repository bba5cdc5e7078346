import { type ApiError, toApiError } from '../api/errors.js';
import { emit } from './events.js';
import type { Message } from './message.js';

/**
 * Normalises a failure; a 401 also tells the host (`dn-unauthorized`, from `element`) so it
 * can send the user to sign in.
 */
export function handleFailure(element: EventTarget, error: unknown): ApiError {
  const apiError = toApiError(error);
  if (apiError.kind === 'unauthorized') emit(element, 'dn-unauthorized', { error: apiError });
  return apiError;
}

/** A sentence the user can act on, for any failure (captured now, translated when shown). */
export function describeError(error: unknown): Message {
  const e = toApiError(error);
  switch (e.kind) {
    case 'rate-limited':
      return e.retryAfter ? { key: 'errors.rateLimitedFor', until: Date.now() + e.retryAfter * 1000 } : { key: 'errors.rateLimited' };
    case 'validation': {
      // Field messages no field on screen shows, or the server's own sentence.
      const messages = [...new Set(Object.values(e.fieldErrors))];
      if (messages.length > 0) return { text: messages.join(' ') };
      return e.problem?.detail ? { text: e.problem.detail } : { key: 'errors.validation' };
    }
    default:
      return { key: `errors.${camel(e.kind)}` };
  }
}

function camel(kind: string): string {
  return kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
