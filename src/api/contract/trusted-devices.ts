/** Devices trusted to skip the two-factor step for `TRUSTED_DEVICE_DAYS` days. */
import * as z from 'zod/mini';
import { Revoked, dateTime, device } from './common.js';
import { id } from './fields.js';
import type { ContractPart } from './part.js';

export const TrustedDevice = z.object({
  id,
  ...device,
  trustedAt: dateTime,
  lastUsedAt: dateTime,
  expiresAt: dateTime,
  current: z.boolean(),
});

export const TrustedDeviceList = z.object({ items: z.array(TrustedDevice) });

export const trustedDevicesContract = {
  listTrustedDevices: { response: TrustedDeviceList },
  revokeTrustedDevice: { response: Revoked },
  revokeAllTrustedDevices: { response: Revoked },
} as const satisfies ContractPart;

export type TrustedDevice = z.infer<typeof TrustedDevice>;
export type TrustedDeviceList = z.infer<typeof TrustedDeviceList>;
