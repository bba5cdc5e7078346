import type { Messages } from '../../messages.js';

export default {
  show: 'Anzeigen',
  hide: 'Verbergen',
  showPassword: 'Passwort anzeigen',
  hidePassword: 'Passwort verbergen',
  policy: {
    title: 'Ihr neues Passwort braucht:',
    minLength: 'Mindestens {{min}} Zeichen',
    number: 'Eine Ziffer',
    special: 'Ein Sonderzeichen, z. B. ! oder #',
    uppercase: 'Einen Großbuchstaben',
    lowercase: 'Einen Kleinbuchstaben',
    met: 'Erfüllt:',
    unmet: 'Noch nicht erfüllt:',
    allMet: 'Ihr neues Passwort erfüllt alle Anforderungen.',
  },
  errors: {
    currentRequired: 'Geben Sie Ihr aktuelles Passwort ein.',
    currentWrong: 'Das Passwort ist nicht korrekt. Geben Sie Ihr aktuelles Passwort erneut ein.',
    newRequired: 'Geben Sie ein neues Passwort ein.',
    tooLong: 'Verwenden Sie höchstens {{max}} Zeichen.',
    policy: 'Ihr neues Passwort erfüllt noch nicht alle Anforderungen.',
    confirmRequired: 'Geben Sie das neue Passwort erneut ein.',
    mismatch: 'Die Passwörter stimmen nicht überein. Geben Sie das neue Passwort erneut ein.',
  },
} satisfies Messages;
