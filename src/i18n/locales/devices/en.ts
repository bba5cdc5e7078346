import type { Messages } from '../../messages.js';

export default {
  title: 'Trusted devices',
  intro: 'These devices skip the two-factor code step when you sign in, for 30 days from when you trusted them.',
  introOff:
    'Two-factor authentication is off, so no sign-in asks for a code now. If you turn it on again, these devices skip the code step until their 30 days end, unless you revoke them.',
  empty:
    'When you sign in with two-factor authentication, you can trust a device for 30 days so it skips the code step. Trusted devices show up here.',
  listLabel: 'Trusted devices',
  count_one: '{{number}} trusted device',
  count_other: '{{number}} trusted devices',
  deviceName: '{{browser}} on {{os}}',
  thisDevice: 'This device',
  ip: 'IP address:',
  unknownLocation: 'Unknown location',
  lastUsed: 'Last used {{when}}',
  trustedUntil: 'Trusted until {{date}}',
  revoke: 'Revoke',
  revokeDevice: 'Revoke {{browser}} on {{os}}',
  revoking: 'Revoking…',
  revokingDevice: 'Revoking {{browser}} on {{os}}…',
  revokeTitle: 'Revoke {{browser}} on {{os}}?',
  revokeMessage: '{{browser}} on {{os}} will ask for a two-factor code at its next sign-in.',
  revoked: '{{browser}} on {{os}} will ask for a code at its next sign-in.',
  alreadyRevoked: '{{browser}} on {{os}} was already revoked or has expired, so it is no longer listed.',
  revokeAll: 'Revoke all',
  revokingAll: 'Revoking all…',
  revokeAllTitle: 'Revoke all trusted devices?',
  revokeAllMessage_one: '{{number}} trusted device will ask for a two-factor code at its next sign-in.',
  revokeAllMessage_other: '{{number}} trusted devices will each ask for a two-factor code at their next sign-in.',
  allRevoked: 'All trusted devices were revoked. Each will ask for a code at its next sign-in.',
} satisfies Messages;
