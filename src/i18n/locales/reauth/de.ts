import type { Messages } from '../../messages.js';

export default {
  title: 'Bestätigen Sie Ihre Identität',
  descriptionPassword: 'Geben Sie zu Ihrer Sicherheit Ihr Passwort ein, um fortzufahren.',
  descriptionCode: 'Geben Sie zu Ihrer Sicherheit den 6-stelligen Code aus Ihrer Authenticator-App ein.',
  password: 'Passwort',
  code: 'Authentifizierungscode',
  useCode: 'Stattdessen Authentifizierungscode verwenden',
  usePassword: 'Stattdessen Passwort verwenden',
  confirm: 'Bestätigen',
  passwordRequired: 'Geben Sie Ihr Passwort ein.',
  codeFormat: 'Geben Sie die 6 Ziffern aus Ihrer Authenticator-App ein.',
  wrongPassword: 'Das Passwort ist nicht korrekt. Versuchen Sie es erneut.',
  wrongCode: 'Der Code ist falsch oder abgelaufen. Verwenden Sie den aktuellen Code.',
  usePasskey: 'Passkey verwenden',
  usingPasskey: 'Warten auf Ihren Passkey…',
  descriptionPasskey: 'Bestätigen Sie zu Ihrer Sicherheit mit einem Ihrer Passkeys, um fortzufahren.',
  passkeyNotAccepted: 'Dieser Passkey wurde nicht angenommen. Versuchen Sie es erneut oder wählen Sie einen anderen Weg.',
} satisfies Messages;
