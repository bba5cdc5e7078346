import type { Messages } from '../../messages.js';

export default {
  cancelled: 'Die Passkey-Abfrage wurde geschlossen. Versuchen Sie es erneut, wenn Sie bereit sind.',
  timeout: 'Die Zeit für die Passkey-Abfrage ist abgelaufen. Versuchen Sie es erneut.',
  notAllowed: 'Dieser Browser hat für diese Website keinen Passkey zugelassen.',
  exists: 'Dieses Gerät oder dieser Sicherheitsschlüssel hat bereits einen Passkey für Ihr Konto. Verwenden Sie ein anderes.',
  unsupported: 'Dieser Browser unterstützt keine Passkeys. Verwenden Sie einen aktuellen Browser, um einen hinzuzufügen.',
  insecure: 'Passkeys brauchen eine sichere (https-)Verbindung. Öffnen Sie diese Seite über https, um sie zu verwenden.',
  aborted: 'Die Passkey-Abfrage wurde abgebrochen.',
  failed: 'Die Passkey-Abfrage ist fehlgeschlagen. Versuchen Sie es erneut.',
} satisfies Messages;
