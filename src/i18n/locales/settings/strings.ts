import type { Strings } from '../../messages.js';
import en from './en.js';

/** `settings.*`: `<dn-account-settings>` (its tabs and menu). */
export default {
  at: 'settings',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
