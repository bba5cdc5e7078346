import type { Messages } from '../../messages.js';

export default {
  label: 'Configuración de la cuenta',
  tabs: {
    profile: 'Perfil',
    security: 'Seguridad',
    notifications: 'Notificaciones',
    privacy: 'Privacidad',
    connected: 'Cuentas conectadas',
    preferences: 'Preferencias',
    billing: 'Facturación',
  },
  menuButton: 'Configuración de la cuenta: {{tab}}',
  loadError: 'No se pudo cargar esta parte de tu configuración. Comprueba tu conexión e inténtalo de nuevo.',
} satisfies Messages;
