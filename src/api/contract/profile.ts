/** Profile: the user's name, contact details and avatar. */
import * as z from 'zod/mini';
import { dateTime } from './common.js';
import { BIO_MAX, COMPANY_MAX, DISPLAY_NAME_MAX, DISPLAY_NAME_MIN, PHONE_PATTERN, PLAIN_LINE_PATTERN } from './constants.js';
import { id } from './fields.js';
import type { ContractPart } from './part.js';

export const Role = z.enum(['owner', 'admin', 'member']);

export const Profile = z.object({
  id,
  displayName: z.string(),
  email: z.email(),
  phone: z.nullable(z.string()),
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timezone: z.string(),
  /** BCP 47 language tag, e.g. `en`, `de`, `ar`. */
  language: z.string(),
  company: z.nullable(z.string()),
  bio: z.nullable(z.string()),
  avatarUrl: z.nullable(z.string()),
  role: Role,
  updatedAt: dateTime,
});

/** No control or bidi-control characters (`PLAIN_LINE_PATTERN`): a name must read as what it is. */
const plainLine = z.regex(PLAIN_LINE_PATTERN);

const displayName = z.string().check(z.trim(), z.minLength(DISPLAY_NAME_MIN), z.maxLength(DISPLAY_NAME_MAX), plainLine);

export const ProfileUpdate = z.object({
  displayName: z.optional(displayName),
  phone: z.optional(z.nullable(z.string().check(z.trim(), z.regex(PHONE_PATTERN)))),
  timezone: z.optional(z.string().check(z.minLength(1), z.maxLength(64), plainLine)),
  language: z.optional(z.string().check(z.minLength(2), z.maxLength(35), plainLine)),
  company: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(COMPANY_MAX), plainLine))),
  bio: z.optional(z.nullable(z.string().check(z.maxLength(BIO_MAX)))),
});

export const profileContract = {
  getProfile: { response: Profile },
  updateProfile: { body: ProfileUpdate, response: Profile },
  /** The body is the image itself (`AVATAR_TYPES`, at most `AVATAR_MAX_BYTES`). */
  uploadAvatar: { response: Profile },
  removeAvatar: { response: Profile },
} as const satisfies ContractPart;

export type Role = z.infer<typeof Role>;
export type Profile = z.infer<typeof Profile>;
export type ProfileUpdate = z.input<typeof ProfileUpdate>;
