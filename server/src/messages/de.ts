import type { Messages } from './en.js';

export default {
  device: {
    named: '{{browser}} unter {{os}}',
    unknownBrowser: 'einem unbekannten Browser',
    unknownSystem: 'einem unbekannten System',
  },
  newDevice: {
    title: 'Neue Anmeldung von einem unbekannten Gerät',
    body: 'Anmeldung mit {{device}} am {{when}}.',
    bodyWithAddress: 'Anmeldung mit {{device}} ({{address}}) am {{when}}.',
    subject: 'Neue Anmeldung bei Ihrem DialNexa-Konto',
    text: 'Am {{when}} hat sich jemand mit {{device}} bei Ihrem DialNexa-Konto angemeldet.',
    textWithAddress: 'Am {{when}} hat sich jemand mit {{device}} (IP-Adresse {{address}}) bei Ihrem DialNexa-Konto angemeldet.',
    wasYou: 'Wenn Sie das waren, müssen Sie nichts tun.',
    wasNotYou: 'Falls nicht, ändern Sie jetzt Ihr Passwort und melden Sie in Ihren Kontoeinstellungen die anderen Sitzungen ab.',
  },
  passwordChanged: {
    title: 'Ihr Passwort wurde geändert',
    body: 'Das Passwort Ihres Kontos wurde in den Kontoeinstellungen geändert.',
    subject: 'Ihr Passwort wurde geändert',
    text: 'Das Passwort Ihres DialNexa-Kontos wurde am {{when}} in den Kontoeinstellungen geändert.',
    wasNotYou: 'Wenn Sie das nicht waren, setzen Sie Ihr Passwort sofort zurück und melden Sie die anderen Sitzungen ab.',
  },
  passwordReset: {
    title: 'Ihr Passwort wurde zurückgesetzt',
    body: 'Das Passwort Ihres Kontos wurde über einen per E-Mail gesendeten Link zurückgesetzt, und alle Sitzungen wurden abgemeldet.',
    subject: 'Ihr Passwort wurde geändert',
    text: 'Das Passwort Ihres DialNexa-Kontos wurde am {{when}} über einen an diese Adresse gesendeten Link zurückgesetzt, und alle Sitzungen wurden abgemeldet.',
    wasNotYou: 'Wenn Sie das nicht waren, setzen Sie Ihr Passwort erneut zurück und wenden Sie sich umgehend an den Support.',
  },
  emailChanged: {
    title: 'Ihre Anmelde-E-Mail-Adresse wurde geändert',
    body: 'Sie melden sich jetzt mit {{newEmail}} statt mit {{oldEmail}} an.',
    subject: 'Ihre Anmelde-E-Mail-Adresse wurde geändert',
    text: 'Die Anmelde-E-Mail-Adresse Ihres DialNexa-Kontos lautet jetzt {{newEmail}}. Die Änderung erfolgte am {{when}}.',
    wasNotYou: 'Wenn Sie diese Änderung nicht vorgenommen haben, setzen Sie Ihr Passwort zurück und wenden Sie sich umgehend an den Support.',
  },
  confirmEmail: {
    subject: 'Bestätigen Sie Ihre neue E-Mail-Adresse',
    intro: 'Jemand möchte diese Adresse für sein DialNexa-Konto verwenden.',
    confirm: 'Bestätigen Sie sie innerhalb von {{duration}} (bis zum {{until}}), indem Sie diesen Link öffnen:',
    wasNotYou: 'Wenn Sie das nicht waren, ignorieren Sie diese Nachricht: Es ändert sich nichts.',
  },
  resetPassword: {
    subject: 'Passwort zurücksetzen',
    intro: 'Jemand hat angefordert, das Passwort des DialNexa-Kontos mit dieser Adresse zurückzusetzen.',
    open: 'Öffnen Sie innerhalb von {{duration}} (bis zum {{until}}) diesen Link, um ein neues Passwort festzulegen (er funktioniert nur einmal):',
    wasNotYou: 'Wenn Sie das nicht waren, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.',
  },
  exportReadme: {
    intro: 'Die Daten Ihres DialNexa-Kontos, exportiert am {{when}} für {{email}}.',
    profile: 'Ihr Profil',
    settings: 'Anzeigeeinstellungen, Datenschutz- und Benachrichtigungseinstellungen',
    sessions: 'wo Sie angemeldet sind',
    signInHistory: 'jeder Anmeldeversuch, ob fehlgeschlagen oder nicht',
    trustedDevices: 'Geräte, die den zweiten Anmeldeschritt überspringen',
    connectedAccounts: 'mit dem Konto verknüpfte Anmeldeanbieter',
  },
} satisfies Messages;
