import type { Strings } from '../../messages.js';
import en from './en.js';

/** `profile.*`: `<dn-profile-form>`. */
export default {
  at: 'profile',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
