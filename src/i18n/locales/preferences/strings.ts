import type { Strings } from '../../messages.js';
import en from './en.js';

/** `preferences.*`: `<dn-preferences>`. */
export default {
  at: 'preferences',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
