import type { Messages } from '../../messages.js';

export default {
  cancelled: 'The passkey prompt was closed. Try again when you are ready.',
  timeout: 'The passkey prompt timed out. Try again.',
  notAllowed: "This browser didn't allow a passkey for this site.",
  exists: 'This device or security key already has a passkey for your account. Use another one.',
  unsupported: "This browser doesn't support passkeys. Use a current browser to add one.",
  insecure: 'Passkeys need a secure (https) connection. Open this page over https to use them.',
  aborted: 'The passkey prompt was cancelled.',
  failed: 'The passkey prompt failed. Try again.',
} satisfies Messages;
