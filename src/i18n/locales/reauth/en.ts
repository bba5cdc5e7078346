import type { Messages } from '../../messages.js';

export default {
  title: "Confirm it's you",
  descriptionPassword: 'For your security, enter your password to continue.',
  descriptionCode: 'For your security, enter the 6-digit code from your authenticator app.',
  password: 'Password',
  code: 'Authentication code',
  useCode: 'Use an authentication code instead',
  usePassword: 'Use your password instead',
  confirm: 'Confirm',
  passwordRequired: 'Enter your password.',
  codeFormat: 'Enter the 6 digits from your authenticator app.',
  wrongPassword: "That password isn't right. Try again.",
  wrongCode: "That code isn't right or has expired. Try the current one.",
  usePasskey: 'Use a passkey',
  usingPasskey: 'Waiting for your passkey…',
  descriptionPasskey: 'For your security, confirm with one of your passkeys to continue.',
  passkeyNotAccepted: "That passkey wasn't accepted. Try again or use another way.",
} satisfies Messages;
