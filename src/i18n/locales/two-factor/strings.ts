import type { Strings } from '../../messages.js';
import en from './en.js';

/** `twoFactor.*`: `<dn-2fa-setup>` and its backup codes. */
export default {
  at: 'twoFactor',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
