import type { Strings } from '../../messages.js';
import en from './en.js';

/** `sessions.*`: `<dn-session-list>`. */
export default {
  at: 'sessions',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
