import type { Messages } from '../../messages.js';

export default {
  title: 'Change password',
  intro: "Choose a password you don't use anywhere else. Long passphrases, spaces and emoji are welcome.",
  currentPassword: 'Current password',
  newPassword: 'New password',
  confirmPassword: 'Confirm new password',
  submit: 'Change password',
  submitting: 'Changing password…',
  success: 'Your password was changed.',
  otherSessions:
    'Your other sessions are still signed in. If someone else might know your old password, sign them out.',
  signOutOthers: 'Sign out all other sessions',
  signedOut: 'All other sessions were signed out.',
} satisfies Messages;
