import type { Messages } from '../../messages.js';

export default {
  title: 'Cuentas conectadas',
  intro: 'Inicia sesión con una de estas cuentas en lugar de escribir tu contraseña.',
  listLabel: 'Proveedores de inicio de sesión',
  passwordSignIn: 'Siempre podrás iniciar sesión con tu correo electrónico y tu contraseña, sin importar qué cuentas conectes aquí.',
  empty: 'No hay proveedores de inicio de sesión disponibles para tu cuenta.',
  notConnected: 'No conectada',
  connectedOn: 'Conectada el {{date}}',
  connect: 'Conectar',
  connectProvider: 'Conectar {{provider}}',
  connecting: 'Conectando…',
  disconnect: 'Desconectar',
  disconnectProvider: 'Desconectar {{provider}}',
  disconnecting: 'Desconectando…',
  connectingProvider: 'Conectando {{provider}}…',
  disconnectingProvider: 'Desconectando {{provider}}…',
  disconnectTitle: '¿Desconectar {{provider}}?',
  disconnectMessage:
    'Ya no podrás iniciar sesión con {{provider}}. Podrás seguir iniciando sesión con tu correo electrónico y tu contraseña.',
  disconnectMessageNoPassword: 'Ya no podrás iniciar sesión con {{provider}}.',
  lastMethod:
    '{{provider}} es la única forma que te queda para iniciar sesión en tu cuenta, así que la cuenta sigue conectada. Primero establece una contraseña, añade una llave de acceso o conecta otra cuenta.',
  alreadyDisconnected: 'Ya se había desconectado {{provider}}.',
  connected: 'Se conectó {{provider}}. Ya puedes iniciar sesión con esa cuenta.',
  disconnected: 'Se desconectó {{provider}}.',
  popupBlocked:
    'El navegador bloqueó la ventana de {{provider}}. Permite las ventanas emergentes para este sitio y vuelve a intentarlo.',
  notCompleted: 'No se conectó {{provider}}. Vuelve a intentarlo si quieres conectar la cuenta.',
} satisfies Messages;
