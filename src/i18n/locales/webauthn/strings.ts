import type { Strings } from '../../messages.js';
import en from './en.js';

/** `webauthn.*`: why a passkey prompt ended without a passkey (src/internal/webauthn.ts), for the passkeys and the "Confirm it's you" dialog. */
export default {
  at: 'webauthn',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
