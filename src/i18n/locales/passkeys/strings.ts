import type { Strings } from '../../messages.js';
import en from './en.js';

/** `passkeys.*`: `<dn-passkeys>`. */
export default {
  at: 'passkeys',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
