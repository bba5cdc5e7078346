import type { Messages } from '../../messages.js';

export default {
  show: 'Mostrar',
  hide: 'Ocultar',
  showPassword: 'Mostrar contraseña',
  hidePassword: 'Ocultar contraseña',
  policy: {
    title: 'Tu nueva contraseña necesita:',
    minLength: 'Al menos {{min}} caracteres',
    number: 'Un número',
    special: 'Un carácter especial, como ! o #',
    uppercase: 'Una letra mayúscula',
    lowercase: 'Una letra minúscula',
    met: 'Cumplido:',
    unmet: 'Pendiente:',
    allMet: 'Tu nueva contraseña cumple todos los requisitos.',
  },
  errors: {
    currentRequired: 'Introduce tu contraseña actual.',
    currentWrong: 'La contraseña no es correcta. Vuelve a introducir tu contraseña actual.',
    newRequired: 'Introduce una contraseña nueva.',
    tooLong: 'Usa como máximo {{max}} caracteres.',
    policy: 'Tu nueva contraseña aún no cumple todos los requisitos.',
    confirmRequired: 'Vuelve a introducir la contraseña nueva.',
    mismatch: 'Las contraseñas no coinciden. Vuelve a introducir la contraseña nueva.',
  },
} satisfies Messages;
