import type { Messages } from '../../messages.js';

export default {
  cancelled: 'Se cerró el aviso de la llave de acceso. Inténtalo de nuevo cuando quieras.',
  timeout: 'Se agotó el tiempo del aviso de la llave de acceso. Inténtalo de nuevo.',
  notAllowed: 'Este navegador no permitió una llave de acceso para este sitio.',
  exists: 'Este dispositivo o llave de seguridad ya tiene una llave de acceso para tu cuenta. Usa otro.',
  unsupported: 'Este navegador no admite llaves de acceso. Usa un navegador actual para añadir una.',
  insecure: 'Las llaves de acceso necesitan una conexión segura (https). Abre esta página con https para usarlas.',
  aborted: 'Se canceló el aviso de la llave de acceso.',
  failed: 'Falló el aviso de la llave de acceso. Inténtalo de nuevo.',
} satisfies Messages;
