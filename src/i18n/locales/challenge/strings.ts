import type { Strings } from '../../messages.js';
import en from './en.js';

/** `challenge.*`: `<dn-2fa-challenge>`. */
export default {
  at: 'challenge',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
