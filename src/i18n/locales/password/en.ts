import type { Messages } from '../../messages.js';

export default {
  show: 'Show',
  hide: 'Hide',
  showPassword: 'Show password',
  hidePassword: 'Hide password',
  policy: {
    title: 'Your new password needs:',
    minLength: 'At least {{min}} characters',
    number: 'A number',
    special: 'A special character, like ! or #',
    uppercase: 'An upper-case letter',
    lowercase: 'A lower-case letter',
    met: 'Done:',
    unmet: 'Not yet:',
    allMet: 'Your new password meets every requirement.',
  },
  errors: {
    currentRequired: 'Enter your current password.',
    currentWrong: "That password isn't right. Enter your current password again.",
    newRequired: 'Enter a new password.',
    tooLong: 'Use at most {{max}} characters.',
    policy: "Your new password doesn't meet every requirement yet.",
    confirmRequired: 'Enter the new password again.',
    mismatch: "The passwords don't match. Enter the new password again.",
  },
} satisfies Messages;
