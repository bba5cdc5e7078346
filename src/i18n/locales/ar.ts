import type { Messages } from '../messages.js';
import core from './core/ar.js';
import profile from './profile/ar.js';
import avatar from './avatar/ar.js';
import emailChange from './email-change/ar.js';
import password from './password/ar.js';
import passwordChange from './password-change/ar.js';
import passwordReset from './password-reset/ar.js';
import twoFactor from './two-factor/ar.js';
import challenge from './challenge/ar.js';
import devices from './devices/ar.js';
import passkeys from './passkeys/ar.js';
import sessions from './sessions/ar.js';
import activity from './activity/ar.js';
import notifications from './notifications/ar.js';
import privacy from './privacy/ar.js';
import deletion from './deletion/ar.js';
import connected from './connected/ar.js';
import preferences from './preferences/ar.js';
import billing from './billing/ar.js';
import settings from './settings/ar.js';
import reauth from './reauth/ar.js';
import webauthn from './webauthn/ar.js';

/**
 * Arabic (Modern Standard Arabic, formal). Numbers written into the sentences use
 * Arabic-Indic digits, as Intl formats numbers for `ar`; the phone example is kept
 * in Latin digits (it shows what to type) and wrapped in an LTR isolate
 * (U+2066 … U+2069) so it is not reordered inside right-to-left text. Complete, for the
 * tests: elements load it per feature (`<feature>/ar.ts`).
 */
export default {
  ...core,
  reauth,
  webauthn,
  profile,
  avatar,
  emailChange,
  password: { ...password, change: passwordChange, reset: passwordReset },
  twoFactor,
  challenge,
  devices,
  passkeys,
  sessions,
  activity,
  notifications,
  privacy,
  deletion,
  connected,
  preferences,
  billing,
  settings,
} satisfies Messages;
