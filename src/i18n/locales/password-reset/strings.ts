import type { Strings } from '../../messages.js';
import en from './en.js';

/** `password.reset.*`: `<dn-password-reset>`. */
export default {
  at: 'password.reset',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
