import type { Messages } from '../../messages.js';

export default {
  label: 'Kontoeinstellungen',
  tabs: {
    profile: 'Profil',
    security: 'Sicherheit',
    notifications: 'Benachrichtigungen',
    privacy: 'Datenschutz',
    connected: 'Verknüpfte Konten',
    preferences: 'Darstellung',
    billing: 'Abrechnung',
  },
  menuButton: 'Kontoeinstellungen: {{tab}}',
  loadError: 'Dieser Teil Ihrer Einstellungen konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
} satisfies Messages;
