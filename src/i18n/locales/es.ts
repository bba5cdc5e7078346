import type { Messages } from '../messages.js';
import core from './core/es.js';
import profile from './profile/es.js';
import avatar from './avatar/es.js';
import emailChange from './email-change/es.js';
import password from './password/es.js';
import passwordChange from './password-change/es.js';
import passwordReset from './password-reset/es.js';
import twoFactor from './two-factor/es.js';
import challenge from './challenge/es.js';
import devices from './devices/es.js';
import passkeys from './passkeys/es.js';
import sessions from './sessions/es.js';
import activity from './activity/es.js';
import notifications from './notifications/es.js';
import privacy from './privacy/es.js';
import deletion from './deletion/es.js';
import connected from './connected/es.js';
import preferences from './preferences/es.js';
import billing from './billing/es.js';
import settings from './settings/es.js';
import reauth from './reauth/es.js';
import webauthn from './webauthn/es.js';

/**
 * Spanish (neutral, addressing the user as «tú»), complete, for the tests: elements load it
 * per feature (`<feature>/es.ts`).
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
