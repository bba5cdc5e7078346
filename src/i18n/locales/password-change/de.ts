import type { Messages } from '../../messages.js';

export default {
  title: 'Passwort ändern',
  intro: 'Wählen Sie ein Passwort, das Sie nirgendwo sonst verwenden. Lange Passphrasen, Leerzeichen und Emojis sind willkommen.',
  currentPassword: 'Aktuelles Passwort',
  newPassword: 'Neues Passwort',
  confirmPassword: 'Neues Passwort bestätigen',
  submit: 'Passwort ändern',
  submitting: 'Passwort wird geändert…',
  success: 'Ihr Passwort wurde geändert.',
  otherSessions:
    'Ihre anderen Sitzungen sind weiterhin angemeldet. Falls jemand anderes Ihr altes Passwort kennen könnte, melden Sie diese ab.',
  signOutOthers: 'Alle anderen Sitzungen abmelden',
  signedOut: 'Alle anderen Sitzungen wurden abgemeldet.',
} satisfies Messages;
