import type { Messages } from '../messages.js';
import core from './core/de.js';
import profile from './profile/de.js';
import avatar from './avatar/de.js';
import emailChange from './email-change/de.js';
import password from './password/de.js';
import passwordChange from './password-change/de.js';
import passwordReset from './password-reset/de.js';
import twoFactor from './two-factor/de.js';
import challenge from './challenge/de.js';
import devices from './devices/de.js';
import passkeys from './passkeys/de.js';
import sessions from './sessions/de.js';
import activity from './activity/de.js';
import notifications from './notifications/de.js';
import privacy from './privacy/de.js';
import deletion from './deletion/de.js';
import connected from './connected/de.js';
import preferences from './preferences/de.js';
import billing from './billing/de.js';
import settings from './settings/de.js';
import reauth from './reauth/de.js';
import webauthn from './webauthn/de.js';

/** German, complete, for the tests: elements load it per feature (`<feature>/de.ts`). */
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
