import type { Messages } from '../../messages.js';

export default {
  title: 'Vertrauenswürdige Geräte',
  intro: 'Diese Geräte überspringen bei der Anmeldung den Schritt mit dem Bestätigungscode – 30 Tage ab dem Zeitpunkt, an dem Sie ihnen vertraut haben.',
  introOff:
    'Die Zwei-Faktor-Authentifizierung ist ausgeschaltet, daher fragt derzeit keine Anmeldung nach einem Code. Wenn Sie sie wieder einschalten, überspringen diese Geräte den Schritt mit dem Bestätigungscode, bis ihre 30 Tage enden – es sei denn, Sie widerrufen sie.',
  empty:
    'Wenn Sie sich mit Zwei-Faktor-Authentifizierung anmelden, können Sie einem Gerät 30 Tage lang vertrauen, sodass es den Code-Schritt überspringt. Vertrauenswürdige Geräte werden hier angezeigt.',
  listLabel: 'Vertrauenswürdige Geräte',
  count_one: '{{number}} vertrauenswürdiges Gerät',
  count_other: '{{number}} vertrauenswürdige Geräte',
  deviceName: '{{browser}} unter {{os}}',
  thisDevice: 'Dieses Gerät',
  ip: 'IP-Adresse:',
  unknownLocation: 'Unbekannter Standort',
  lastUsed: 'Zuletzt verwendet {{when}}',
  trustedUntil: 'Vertrauenswürdig bis {{date}}',
  revoke: 'Widerrufen',
  revokeDevice: '{{browser}} unter {{os}} widerrufen',
  revoking: 'Wird widerrufen…',
  revokingDevice: 'Wird widerrufen: {{browser}} unter {{os}}',
  revokeTitle: '{{browser}} unter {{os}} widerrufen?',
  revokeMessage: '{{browser}} unter {{os}} fragt bei der nächsten Anmeldung nach einem Zwei-Faktor-Code.',
  revoked: '{{browser}} unter {{os}} fragt bei der nächsten Anmeldung nach einem Code.',
  alreadyRevoked: '{{browser}} unter {{os}} war bereits widerrufen oder ist abgelaufen und wird nicht mehr angezeigt.',
  revokeAll: 'Alle widerrufen',
  revokingAll: 'Alle werden widerrufen…',
  revokeAllTitle: 'Alle vertrauenswürdigen Geräte widerrufen?',
  revokeAllMessage_one: '{{number}} vertrauenswürdiges Gerät fragt bei der nächsten Anmeldung nach einem Zwei-Faktor-Code.',
  revokeAllMessage_other: '{{number}} vertrauenswürdige Geräte fragen bei der nächsten Anmeldung jeweils nach einem Zwei-Faktor-Code.',
  allRevoked: 'Alle vertrauenswürdigen Geräte wurden widerrufen. Jedes fragt bei der nächsten Anmeldung nach einem Code.',
} satisfies Messages;
