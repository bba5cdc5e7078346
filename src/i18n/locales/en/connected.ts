import type { Messages } from '../../i18n.js';

export default {
  title: 'Connected accounts',
  intro: 'Sign in with one of these accounts instead of typing your password.',
  listLabel: 'Sign-in providers',
  passwordSignIn: 'You can always sign in with your email and password, whichever accounts you connect here.',
  empty: 'No sign-in providers are available for your account.',
  notConnected: 'Not connected',
  connectedOn: 'Connected on {{date}}',
  connect: 'Connect',
  connectProvider: 'Connect {{provider}}',
  connecting: 'Connecting…',
  disconnect: 'Disconnect',
  disconnectProvider: 'Disconnect {{provider}}',
  disconnecting: 'Disconnecting…',
  disconnectTitle: 'Disconnect {{provider}}?',
  disconnectMessage: 'You will no longer be able to sign in with {{provider}}. You can still sign in with your email and password.',
  disconnectMessageNoPassword: 'You will no longer be able to sign in with {{provider}}.',
  connected: '{{provider}} is connected. You can now sign in with it.',
  disconnected: '{{provider}} was disconnected.',
  popupBlocked: 'The browser blocked the window for {{provider}}. Allow pop-ups for this site and try again.',
  notCompleted: '{{provider}} was not connected. Try again if you want to connect it.',
} satisfies Messages;
