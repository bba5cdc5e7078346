import type { Strings } from '../../messages.js';
import en from './en.js';

/**
 * What every element shows: `common` and `errors` (src/internal/errors.ts). Registered by
 * src/i18n/i18n.ts itself, so every element has them.
 */
export default {
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
