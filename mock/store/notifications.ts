/** Notification preferences: the type × channel matrix over `NOTIFICATION_CATALOG`. */
import type * as s from '../../src/api/schemas.js';
import { NOTIFICATION_CATALOG, defaultNotificationValues } from '../seed.js';
import type { StoreContext } from './context.js';
import { fieldProblem } from './problem.js';

export interface NotificationsState {
  notifications: Record<string, Record<string, boolean>>;
}

export function seedNotifications(): NotificationsState {
  return { notifications: defaultNotificationValues() };
}

export function getNotificationPreferences(ctx: StoreContext): s.NotificationPreferences {
  const values: Record<string, Record<string, boolean>> = {};
  for (const [type, row] of Object.entries(ctx.state.notifications)) values[type] = { ...row };
  return structuredClone({ ...NOTIFICATION_CATALOG, values });
}

export function updateNotificationPreferences(ctx: StoreContext, update: s.NotificationUpdate): s.NotificationPreferences {
  const errors: s.FieldError[] = [];
  let lockReason: string | undefined;
  update.changes.forEach((change, i) => {
    const type = NOTIFICATION_CATALOG.types.find((t) => t.id === change.typeId);
    if (!type) {
      errors.push({ field: `/changes/${i}/typeId`, message: `Unknown notification type "${change.typeId}".` });
      return;
    }
    if (!NOTIFICATION_CATALOG.channels.some((c) => c.id === change.channelId)) {
      errors.push({ field: `/changes/${i}/channelId`, message: `Unknown channel "${change.channelId}".` });
      return;
    }
    const reason = type.locked[change.channelId];
    if (reason !== undefined && change.enabled !== (type.defaults[change.channelId] ?? false)) {
      lockReason ??= reason;
      errors.push({ field: `/changes/${i}/enabled`, message: reason, code: 'locked' });
    }
  });
  if (errors.length) {
    throw fieldProblem(422, 'validation', lockReason ? 'This notification cannot be changed' : 'Unknown notification', errors, lockReason);
  }
  for (const change of update.changes) {
    const row = ctx.state.notifications[change.typeId];
    if (row) row[change.channelId] = change.enabled;
  }
  return getNotificationPreferences(ctx);
}

export function resetNotificationPreferences(ctx: StoreContext): s.NotificationPreferences {
  ctx.state.notifications = defaultNotificationValues();
  return getNotificationPreferences(ctx);
}
