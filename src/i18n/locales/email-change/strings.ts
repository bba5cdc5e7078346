import type { Strings } from '../../messages.js';
import en from './en.js';

/** `emailChange.*`: `<dn-email-change>` (also inside `<dn-profile-form>`). */
export default {
  at: 'emailChange',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
