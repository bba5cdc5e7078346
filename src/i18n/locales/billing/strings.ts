import type { Strings } from '../../messages.js';
import en from './en.js';

/** `billing.*`: `<dn-billing-summary>`. */
export default {
  at: 'billing',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
