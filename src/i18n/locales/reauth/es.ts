import type { Messages } from '../../messages.js';

export default {
  title: 'Confirma que eres tú',
  descriptionPassword: 'Por tu seguridad, escribe tu contraseña para continuar.',
  descriptionCode: 'Por tu seguridad, escribe el código de 6 dígitos de tu app de autenticación.',
  password: 'Contraseña',
  code: 'Código de autenticación',
  useCode: 'Usar un código de autenticación',
  usePassword: 'Usar mi contraseña',
  confirm: 'Confirmar',
  passwordRequired: 'Escribe tu contraseña.',
  codeFormat: 'Escribe los 6 dígitos de tu app de autenticación.',
  wrongPassword: 'La contraseña no es correcta. Inténtalo de nuevo.',
  wrongCode: 'El código no es correcto o ha caducado. Prueba con el código actual.',
  usePasskey: 'Usar una llave de acceso',
  usingPasskey: 'Esperando tu llave de acceso…',
  descriptionPasskey: 'Por tu seguridad, confirma con una de tus llaves de acceso para continuar.',
  passkeyNotAccepted: 'No se aceptó esa llave de acceso. Inténtalo de nuevo o usa otro método.',
} satisfies Messages;
