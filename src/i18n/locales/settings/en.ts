import type { Messages } from '../../messages.js';

export default {
  label: 'Account settings',
  tabs: {
    profile: 'Profile',
    security: 'Security',
    notifications: 'Notifications',
    privacy: 'Privacy',
    connected: 'Connected accounts',
    preferences: 'Preferences',
    billing: 'Billing',
  },
  // The narrow-screen button that opens the list of tabs; {{tab}} is the tab shown.
  menuButton: 'Account settings: {{tab}}',
  loadError: 'This part of your settings could not be loaded. Check your connection and try again.',
} satisfies Messages;
