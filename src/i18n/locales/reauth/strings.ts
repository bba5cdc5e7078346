import type { Strings } from '../../messages.js';
import en from './en.js';

/** `reauth.*`: the "Confirm it's you" dialog (src/components/reauth-dialog/), registered when it first opens. */
export default {
  at: 'reauth',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
