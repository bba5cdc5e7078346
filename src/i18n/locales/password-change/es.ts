import type { Messages } from '../../messages.js';

export default {
  title: 'Cambiar contraseña',
  intro: 'Elige una contraseña que no uses en ningún otro sitio. Las frases largas, los espacios y los emojis son bienvenidos.',
  currentPassword: 'Contraseña actual',
  newPassword: 'Contraseña nueva',
  confirmPassword: 'Confirma la contraseña nueva',
  submit: 'Cambiar contraseña',
  submitting: 'Cambiando la contraseña…',
  success: 'Tu contraseña se ha cambiado.',
  otherSessions:
    'Tus otras sesiones siguen abiertas. Si alguien más pudiera conocer tu contraseña anterior, ciérralas.',
  signOutOthers: 'Cerrar todas las demás sesiones',
  signedOut: 'Se han cerrado todas las demás sesiones.',
} satisfies Messages;
