import type { Strings } from '../../messages.js';
import en from './en.js';

/** `password.change.*`: `<dn-password-change>`. */
export default {
  at: 'password.change',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
