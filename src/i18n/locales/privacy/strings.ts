import type { Strings } from '../../messages.js';
import en from './en.js';

/** `privacy.*`: `<dn-privacy-settings>`. */
export default {
  at: 'privacy',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
