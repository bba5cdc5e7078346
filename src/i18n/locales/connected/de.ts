import type { Messages } from '../../messages.js';

export default {
  title: 'Verknüpfte Konten',
  intro: 'Melden Sie sich mit einem dieser Konten an, statt Ihr Passwort einzugeben.',
  listLabel: 'Anmeldeanbieter',
  passwordSignIn: 'Die Anmeldung mit E-Mail-Adresse und Passwort bleibt immer möglich, egal welche Konten Sie hier verknüpfen.',
  empty: 'Für Ihr Konto sind keine Anmeldeanbieter verfügbar.',
  notConnected: 'Nicht verknüpft',
  connectedOn: 'Verknüpft am {{date}}',
  connect: 'Verknüpfen',
  connectProvider: '{{provider}} verknüpfen',
  connecting: 'Wird verknüpft…',
  disconnect: 'Trennen',
  disconnectProvider: '{{provider}} trennen',
  disconnecting: 'Wird getrennt…',
  connectingProvider: 'Wird verknüpft: {{provider}}',
  disconnectingProvider: 'Wird getrennt: {{provider}}',
  disconnectTitle: '{{provider}} trennen?',
  disconnectMessage:
    'Sie können sich dann nicht mehr mit {{provider}} anmelden. Die Anmeldung mit E-Mail-Adresse und Passwort bleibt möglich.',
  disconnectMessageNoPassword: 'Sie können sich dann nicht mehr mit {{provider}} anmelden.',
  lastMethod:
    '{{provider}} ist die einzige verbliebene Möglichkeit, sich bei Ihrem Konto anzumelden, und bleibt deshalb verknüpft. Legen Sie zuerst ein Passwort fest, fügen Sie einen Passkey hinzu oder verknüpfen Sie ein anderes Konto.',
  alreadyDisconnected: '{{provider}} war bereits getrennt.',
  connected: '{{provider}} ist verknüpft. Sie können sich jetzt damit anmelden.',
  disconnected: '{{provider}} wurde getrennt.',
  popupBlocked:
    'Der Browser hat das Fenster für {{provider}} blockiert. Erlauben Sie Pop-ups für diese Website und versuchen Sie es erneut.',
  notCompleted: '{{provider}} wurde nicht verknüpft. Versuchen Sie es erneut, wenn Sie es verknüpfen möchten.',
} satisfies Messages;
