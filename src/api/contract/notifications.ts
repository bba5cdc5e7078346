/** Notification preferences: which notification goes to which channel. */
import * as z from 'zod/mini';
import { id } from './fields.js';
import type { ContractPart } from './part.js';

export const NotificationPreferences = z.object({
  /** Columns: email and in-app, or more. */
  channels: z.array(z.object({ id, label: z.string() })),
  groups: z.array(z.object({ id, label: z.string() })),
  types: z.array(
    z.object({
      id,
      groupId: id,
      label: z.string(),
      /** What triggers it. */
      description: z.string(),
      /** channel id → on by default. */
      defaults: z.record(z.string(), z.boolean()),
      /** channel id → why it cannot be changed. Locked cells keep their default. */
      locked: z.record(z.string(), z.string()),
    }),
  ),
  /** type id → channel id → enabled. */
  values: z.record(z.string(), z.record(z.string(), z.boolean())),
});

export const NotificationChange = z.object({ typeId: id, channelId: id, enabled: z.boolean() });

export const NotificationUpdate = z.object({ changes: z.array(NotificationChange).check(z.minLength(1)) });

export const notificationsContract = {
  getNotificationPreferences: { response: NotificationPreferences },
  updateNotificationPreferences: { body: NotificationUpdate, response: NotificationPreferences },
  resetNotificationPreferences: { response: NotificationPreferences },
} as const satisfies ContractPart;

export type NotificationPreferences = z.infer<typeof NotificationPreferences>;
export type NotificationChange = z.infer<typeof NotificationChange>;
export type NotificationUpdate = z.infer<typeof NotificationUpdate>;
