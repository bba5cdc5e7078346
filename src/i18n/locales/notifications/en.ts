import type { Messages } from '../../messages.js';

export default {
  title: 'Notifications',
  intro: 'Choose how we tell you about each event. Every change is saved as you make it.',
  typeColumn: 'Notification',
  cellLabel: '{{channel}} for {{type}}',
  defaultOn: 'Default: on',
  defaultOff: 'Default: off',
  lockedFallback: 'Always on for your security.',
  columns: 'Whole columns',
  columnOn: '{{channel}}: turn all on',
  columnOff: '{{channel}}: turn all off',
  reset: 'Reset to defaults',
  resetting: 'Resetting…',
  allDefault: 'Every notification is at its default.',
  resetTitle: 'Reset notifications to their defaults?',
  resetMessage: 'Every notification you changed goes back to its default setting. Your current choices are discarded.',
  resetDone: 'Your notifications are back to their defaults.',
  savedOn: '{{channel}} for {{type}} is on.',
  savedOff: '{{channel}} for {{type}} is off.',
  columnSavedOn: 'Every {{channel}} notification that can be changed is on.',
  columnSavedOff: 'Every {{channel}} notification that can be changed is off.',
  savedMany: 'Your notification settings were saved.',
  notSaved: 'Your last change was not saved.',
  cellNotSavedOn: '{{channel}} was not saved, so it is still on.',
  cellNotSavedOff: '{{channel}} was not saved, so it is still off.',
  otherGroup: 'Other',
  /**
   * The server's catalog in other languages. A text here replaces the server's only
   * while the server still sends the English text below (so a renamed or new entry
   * shows the server's words rather than a stale translation).
   */
  catalog: {
    channels: {
      email: 'Email',
      'in-app': 'In-app',
      sms: 'SMS',
    },
    groups: {
      calls: 'Calls & campaigns',
      wallet: 'Wallet & billing',
      workspace: 'Workspace',
      platform: 'Platform',
      security: 'Security',
      marketing: 'Product & marketing',
    },
    types: {
      'call-alerts': { label: 'Call alerts', description: 'Get notified about new calls' },
      'campaign-updates': { label: 'Campaign updates', description: 'Progress updates on running campaigns' },
      'campaign-completed': { label: 'Call campaign completed', description: 'A batch campaign finishes' },
      'agent-error-rate': { label: 'Agent error rate alert', description: 'More than 10% of calls fail in an hour' },
      'low-wallet-balance': { label: 'Low wallet balance', description: 'Wallet balance drops below your threshold' },
      'auto-recharge': { label: 'Auto-recharge triggered', description: 'Automatic wallet top-up occurs' },
      'billing-notifications': { label: 'Billing notifications', description: 'Payment confirmations and usage warnings' },
      'monthly-usage-summary': { label: 'Monthly usage summary', description: 'Summary of previous month’s usage' },
      'team-member-joined': { label: 'New team member joined', description: 'Someone accepts a workspace invitation' },
      'integration-alerts': { label: 'Integration alerts', description: 'Sync failures and connection issues' },
      'platform-status': { label: 'Platform status updates', description: 'Scheduled maintenance or incidents' },
      'security-alerts': {
        label: 'Security alerts',
        description: 'New login from an unrecognized device',
        locked: 'Security alerts are always sent by email and in-app.',
      },
      'product-updates': { label: 'Product updates', description: 'New features and improvements' },
      'marketing-emails': { label: 'Marketing emails', description: 'Tips, best practices, and offers' },
    },
  },
} satisfies Messages;
