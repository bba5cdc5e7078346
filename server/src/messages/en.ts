/**
 * What the server writes to a person (emails, in-app notices, the data export's README), in English: the shape every
 * other language follows. Texts are plain: an interpolated address or device name is never
 * markup. A link is always on a line of its own, with nothing around it.
 */
const en = {
  device: {
    named: '{{browser}} on {{os}}',
    unknownBrowser: 'an unknown browser',
    unknownSystem: 'an unknown system',
  },
  newDevice: {
    title: 'New sign-in from an unrecognised device',
    body: 'Signed in from {{device}} on {{when}}.',
    bodyWithAddress: 'Signed in from {{device}} ({{address}}) on {{when}}.',
    subject: 'New sign-in to your DialNexa account',
    text: 'Your DialNexa account was signed in to from {{device}} on {{when}}.',
    textWithAddress: 'Your DialNexa account was signed in to from {{device}}, address {{address}}, on {{when}}.',
    wasYou: 'If this was you, there is nothing to do.',
    wasNotYou: 'If not, change your password now and sign out the other sessions in your account settings.',
  },
  passwordChanged: {
    title: 'Your password was changed',
    body: 'The password of your account was changed in the account settings.',
    subject: 'Your password was changed',
    text: 'The password of your DialNexa account was changed in the account settings on {{when}}.',
    wasNotYou: 'If you did not do this, reset your password right away and sign out the other sessions.',
  },
  passwordReset: {
    title: 'Your password was reset',
    body: 'The password of your account was reset with an emailed link, and every session was signed out.',
    subject: 'Your password was changed',
    text: 'The password of your DialNexa account was reset on {{when}} with a link sent to this address, and every session was signed out.',
    wasNotYou: 'If you did not do this, reset your password again and contact support right away.',
  },
  emailChanged: {
    title: 'Your sign-in email was changed',
    body: 'You now sign in with {{newEmail}} instead of {{oldEmail}}.',
    subject: 'Your sign-in email was changed',
    text: 'The sign-in email of your DialNexa account is now {{newEmail}}. The change was made on {{when}}.',
    wasNotYou: 'If you did not make this change, reset your password and contact support right away.',
  },
  confirmEmail: {
    subject: 'Confirm your new email address',
    intro: 'Someone asked to use this address for their DialNexa account.',
    confirm: 'Confirm it within {{duration}} (until {{until}}) by opening this link:',
    wasNotYou: 'If it was not you, ignore this message: nothing changes.',
  },
  resetPassword: {
    subject: 'Reset your password',
    intro: 'Someone asked to reset the password of the DialNexa account with this address.',
    open: 'Set a new password within {{duration}} (until {{until}}) by opening this link (it works once):',
    wasNotYou: 'If it was not you, ignore this message: your password stays as it is.',
  },
  exportReadme: {
    intro: 'Your DialNexa account data, exported on {{when}} for {{email}}.',
    profile: 'your profile',
    settings: 'display preferences, privacy and notification settings',
    sessions: 'where you are signed in',
    signInHistory: 'every sign-in attempt, failed or not',
    trustedDevices: 'devices that skip the second sign-in step',
    connectedAccounts: 'sign-in providers linked to the account',
  },
};

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** Every language has exactly these keys (its placeholders are checked by a test). */
export type Messages = Texts<typeof en>;

export default en satisfies Messages;
