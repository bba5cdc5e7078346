/** Errors: RFC 9457 problem details, which the HTTP client reads from every failed request. */
import * as z from 'zod/mini';
import { count, id } from './fields.js';

export const FieldError = z.object({
  /** Name of the request field (`displayName`) or a JSON pointer (`/displayName`). */
  field: z.string(),
  message: z.string(),
  code: z.optional(z.string()),
});

export const Workspace = z.object({
  id,
  name: z.string(),
  memberCount: count,
  role: z.enum(['owner', 'admin', 'member']),
});

export const Problem = z.looseObject({
  type: z._default(z.string(), 'about:blank'),
  title: z.optional(z.string()),
  status: z.optional(z.int()),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  /** 422: per-field messages. */
  errors: z.optional(z.array(FieldError)),
  /** 429: seconds to wait (also sent as the `Retry-After` header). */
  retryAfter: z.optional(z.number()),
  /** Re-authentication required: the methods the server accepts. */
  methods: z.optional(z.array(z.enum(['password', 'totp', 'passkey']))),
  /** Account deletion refused: workspaces the user owns that still have members. */
  workspaces: z.optional(z.array(Workspace)),
});

export type FieldError = z.infer<typeof FieldError>;
export type Workspace = z.infer<typeof Workspace>;
export type Problem = z.infer<typeof Problem>;
