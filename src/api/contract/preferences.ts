/** Display preferences: theme, density, date and time format. */
import * as z from 'zod/mini';
import { DATE_FORMATS, DENSITIES, THEMES, TIME_FORMATS } from './constants.js';
import type { ContractPart } from './part.js';

export const Preferences = z.object({
  theme: z.enum(THEMES),
  density: z.enum(DENSITIES),
  dateFormat: z.enum(DATE_FORMATS),
  timeFormat: z.enum(TIME_FORMATS),
});

export const PreferencesUpdate = z.partial(Preferences);

export const preferencesContract = {
  getPreferences: { response: Preferences },
  updatePreferences: { body: PreferencesUpdate, response: Preferences },
} as const satisfies ContractPart;

export type Preferences = z.infer<typeof Preferences>;
export type PreferencesUpdate = z.infer<typeof PreferencesUpdate>;
