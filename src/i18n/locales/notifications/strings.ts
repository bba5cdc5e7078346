import type { Strings } from '../../messages.js';
import en from './en.js';

/** `notifications.*`: `<dn-notification-matrix>`. */
export default {
  at: 'notifications',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
