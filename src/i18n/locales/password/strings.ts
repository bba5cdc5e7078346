import type { Strings } from '../../messages.js';
import en from './en.js';

/**
 * `password.*` but `change` and `reset`: the password fields, their show/hide toggle and the
 * policy checklist (src/internal/password-policy.ts), and the errors both password forms share.
 */
export default {
  at: 'password',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
