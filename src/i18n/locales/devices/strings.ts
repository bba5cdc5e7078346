import type { Strings } from '../../messages.js';
import en from './en.js';

/** `devices.*`: `<dn-trusted-devices>`. */
export default {
  at: 'devices',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
