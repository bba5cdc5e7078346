import type { Strings } from '../../messages.js';
import en from './en.js';

/** `connected.*`: `<dn-connected-accounts>`. */
export default {
  at: 'connected',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
