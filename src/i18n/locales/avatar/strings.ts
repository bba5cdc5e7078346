import type { Strings } from '../../messages.js';
import en from './en.js';

/** `avatar.*`: the profile photo of `<dn-profile-form>` (src/components/profile-form/avatar-upload.ts). */
export default {
  at: 'avatar',
  en,
  locales: {
    de: () => import('./de.js'),
    es: () => import('./es.js'),
    ar: () => import('./ar.js'),
  },
} satisfies Strings;
