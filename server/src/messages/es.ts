import type { Messages } from './en.js';

export default {
  device: {
    named: '{{browser}} en {{os}}',
    unknownBrowser: 'un navegador desconocido',
    unknownSystem: 'un sistema desconocido',
  },
  newDevice: {
    title: 'Nuevo inicio de sesión desde un dispositivo no reconocido',
    body: 'Inicio de sesión desde {{device}} el {{when}}.',
    bodyWithAddress: 'Inicio de sesión desde {{device}} ({{address}}) el {{when}}.',
    subject: 'Nuevo inicio de sesión en tu cuenta de DialNexa',
    text: 'Se inició sesión en tu cuenta de DialNexa desde {{device}} el {{when}}.',
    textWithAddress: 'Se inició sesión en tu cuenta de DialNexa desde {{device}}, con la dirección IP {{address}}, el {{when}}.',
    wasYou: 'Si fuiste tú, no tienes que hacer nada.',
    wasNotYou: 'Si no, cambia tu contraseña ahora y cierra las demás sesiones en la configuración de tu cuenta.',
  },
  passwordChanged: {
    title: 'Tu contraseña se ha cambiado',
    body: 'La contraseña de tu cuenta se cambió en la configuración de la cuenta.',
    subject: 'Tu contraseña se ha cambiado',
    text: 'La contraseña de tu cuenta de DialNexa se cambió en la configuración de la cuenta el {{when}}.',
    wasNotYou: 'Si no fuiste tú, restablece tu contraseña de inmediato y cierra las demás sesiones.',
  },
  passwordReset: {
    title: 'Tu contraseña se ha restablecido',
    body: 'La contraseña de tu cuenta se restableció con un enlace enviado por correo y se cerraron todas las sesiones.',
    subject: 'Tu contraseña se ha cambiado',
    text: 'La contraseña de tu cuenta de DialNexa se restableció el {{when}} con un enlace enviado a esta dirección y se cerraron todas las sesiones.',
    wasNotYou: 'Si no fuiste tú, vuelve a restablecer tu contraseña y contacta con soporte de inmediato.',
  },
  emailChanged: {
    title: 'Tu correo de inicio de sesión ha cambiado',
    body: 'Ahora inicias sesión con {{newEmail}} en lugar de {{oldEmail}}.',
    subject: 'Tu correo de inicio de sesión ha cambiado',
    text: 'El correo de inicio de sesión de tu cuenta de DialNexa ahora es {{newEmail}}. El cambio se hizo el {{when}}.',
    wasNotYou: 'Si no hiciste este cambio, restablece tu contraseña y contacta con soporte de inmediato.',
  },
  confirmEmail: {
    subject: 'Confirma tu nueva dirección de correo',
    intro: 'Alguien ha pedido usar esta dirección para su cuenta de DialNexa.',
    confirm: 'Confírmala en un plazo de {{duration}} (hasta el {{until}}) abriendo este enlace:',
    wasNotYou: 'Si no fuiste tú, ignora este mensaje: no cambiará nada.',
  },
  resetPassword: {
    subject: 'Restablece tu contraseña',
    intro: 'Alguien ha pedido restablecer la contraseña de la cuenta de DialNexa asociada a esta dirección.',
    open: 'Elige una contraseña nueva en un plazo de {{duration}} (hasta el {{until}}) abriendo este enlace (solo funciona una vez):',
    wasNotYou: 'Si no fuiste tú, ignora este mensaje: tu contraseña seguirá siendo la misma.',
  },
  exportReadme: {
    intro: 'Los datos de tu cuenta de DialNexa, exportados el {{when}} para {{email}}.',
    profile: 'tu perfil',
    settings: 'preferencias de visualización y configuración de privacidad y notificaciones',
    sessions: 'dónde tienes la sesión iniciada',
    signInHistory: 'cada intento de inicio de sesión, fallido o no',
    trustedDevices: 'dispositivos que se saltan el segundo paso del inicio de sesión',
    connectedAccounts: 'proveedores de inicio de sesión vinculados a la cuenta',
  },
} satisfies Messages;
