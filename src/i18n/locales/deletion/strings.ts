import type { Strings } from '../../messages.js';
import en from './en.js';

/** `deletion.*`: `<dn-delete-account>`. */
export default {
  at: 'deletion',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
