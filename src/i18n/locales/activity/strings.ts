import type { Strings } from '../../messages.js';
import en from './en.js';

/** `activity.*`: `<dn-login-activity>`. */
export default {
  at: 'activity',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
