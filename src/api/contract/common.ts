/** Timestamps and the small schemas several parts of the contract use. */
import * as z from 'zod/mini';
import { count } from './fields.js';

export const dateTime = z.iso.datetime({ offset: true });

export const Completed = z.object({ completedAt: dateTime });

export const Revoked = z.object({ revoked: count });

export const Money = z.object({ amount: z.number(), currency: z.string().check(z.length(3)) });

export const DeviceType = z.enum(['desktop', 'mobile', 'tablet', 'unknown']);

/** The fields of a session, a sign-in attempt and a trusted device that describe the device. */
export const device = {
  deviceType: DeviceType,
  /** E.g. `Chrome 126`; empty or `Unknown` when the server cannot tell (the elements then say so in the user's language). */
  browser: z.string(),
  /** E.g. `macOS`; empty or `Unknown` when the server cannot tell. */
  os: z.string(),
  ip: z.string(),
  /** Approximate, e.g. `Berlin, Germany`. */
  location: z.nullable(z.string()),
};

export type Completed = z.infer<typeof Completed>;
export type Revoked = z.infer<typeof Revoked>;
export type Money = z.infer<typeof Money>;
export type DeviceType = z.infer<typeof DeviceType>;
