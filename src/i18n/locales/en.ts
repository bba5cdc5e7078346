import core from './core/en.js';
import profile from './profile/en.js';
import avatar from './avatar/en.js';
import emailChange from './email-change/en.js';
import password from './password/en.js';
import passwordChange from './password-change/en.js';
import passwordReset from './password-reset/en.js';
import twoFactor from './two-factor/en.js';
import challenge from './challenge/en.js';
import devices from './devices/en.js';
import passkeys from './passkeys/en.js';
import sessions from './sessions/en.js';
import activity from './activity/en.js';
import notifications from './notifications/en.js';
import privacy from './privacy/en.js';
import deletion from './deletion/en.js';
import connected from './connected/en.js';
import preferences from './preferences/en.js';
import billing from './billing/en.js';
import settings from './settings/en.js';
import reauth from './reauth/en.js';
import webauthn from './webauthn/en.js';

/**
 * English, complete: what every other locale translates (a test compares their keys) and what
 * the pseudo-locale accents. Elements do not import it: each registers the features it shows
 * (`<feature>/strings.ts`: `<feature>/en.ts` and loaders of the others), so a page carries only
 * the English it uses.
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
};
