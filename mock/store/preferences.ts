/** Display preferences: theme, density, date and time formats. */
import type * as s from '../../src/api/schemas.js';
import type { StoreContext } from './context.js';

export interface PreferencesState {
  preferences: s.Preferences;
}

export function seedPreferences(): PreferencesState {
  return { preferences: { theme: 'system', density: 'comfortable', dateFormat: 'auto', timeFormat: 'auto' } };
}

export function getPreferences(ctx: StoreContext): s.Preferences {
  return { ...ctx.state.preferences };
}

export function updatePreferences(ctx: StoreContext, update: s.PreferencesUpdate): s.Preferences {
  for (const [key, value] of Object.entries(update)) {
    if (value !== undefined) (ctx.state.preferences as Record<string, unknown>)[key] = value;
  }
  return getPreferences(ctx);
}
