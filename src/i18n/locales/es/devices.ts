import type { Messages } from '../../i18n.js';

export default {
  title: 'Dispositivos de confianza',
  intro: 'Estos dispositivos se saltan el paso del código de verificación al iniciar sesión, durante 30 días desde que confiaste en ellos.',
  empty:
    'Cuando inicias sesión con la verificación en dos pasos, puedes confiar en un dispositivo durante 30 días para que se salte el paso del código. Los dispositivos de confianza aparecen aquí.',
  listLabel: 'Dispositivos de confianza',
  deviceName: '{{browser}} en {{os}}',
  thisDevice: 'Este dispositivo',
  ip: 'Dirección IP:',
  unknownLocation: 'Ubicación desconocida',
  lastUsed: 'Último uso {{when}}',
  trustedUntil: 'De confianza hasta el {{date}}',
  revoke: 'Revocar',
  revokeDevice: 'Revocar {{browser}} en {{os}}',
  revoking: 'Revocando…',
  revokeTitle: '¿Revocar {{browser}} en {{os}}?',
  revokeMessage: '{{browser}} en {{os}} te pedirá un código de verificación en dos pasos la próxima vez que inicies sesión.',
  revoked: '{{browser}} en {{os}} te pedirá un código la próxima vez que inicies sesión.',
  alreadyRevoked: '{{browser}} en {{os}} ya estaba revocado o ha caducado, así que ya no aparece en la lista.',
  revokeAll: 'Revocar todos',
  revokingAll: 'Revocando todos…',
  revokeAllTitle: '¿Revocar todos los dispositivos de confianza?',
  revokeAllMessage_one: '{{number}} dispositivo de confianza te pedirá un código de verificación en dos pasos la próxima vez que inicies sesión.',
  revokeAllMessage_many: '{{number}} de dispositivos de confianza te pedirán un código de verificación en dos pasos la próxima vez que inicies sesión.',
  revokeAllMessage_other: '{{number}} dispositivos de confianza te pedirán un código de verificación en dos pasos la próxima vez que inicies sesión.',
  allRevoked: 'Se revocaron todos los dispositivos de confianza. Cada uno te pedirá un código la próxima vez que inicies sesión.',
} satisfies Messages;
