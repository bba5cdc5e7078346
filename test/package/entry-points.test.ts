/**
 * The package's entry points: `@dialnexa/account-elements` (src/index.ts) exports the classes and
 * defines nothing; `/define-all` defines every element with the exported class. Web Test Runner
 * gives this file a page of its own, so no other test has defined anything here.
 */
import { expect } from '@open-wc/testing';
import * as lib from '../../src/index.js';

/** Every element a page uses, with the name of its exported class. */
const ELEMENTS = {
  'dn-account-provider': 'DnAccountProvider',
  'dn-account-settings': 'DnAccountSettings',
  'dn-profile-form': 'DnProfileForm',
  'dn-email-change': 'DnEmailChange',
  'dn-password-change': 'DnPasswordChange',
  'dn-password-reset': 'DnPasswordReset',
  'dn-2fa-setup': 'Dn2faSetup',
  'dn-trusted-devices': 'DnTrustedDevices',
  'dn-passkeys': 'DnPasskeys',
  'dn-session-list': 'DnSessionList',
  'dn-login-activity': 'DnLoginActivity',
  'dn-notification-matrix': 'DnNotificationMatrix',
  'dn-privacy-settings': 'DnPrivacySettings',
  'dn-delete-account': 'DnDeleteAccount',
  'dn-connected-accounts': 'DnConnectedAccounts',
  'dn-preferences': 'DnPreferences',
  'dn-billing-summary': 'DnBillingSummary',
} as const satisfies Record<string, keyof typeof lib>;
/** Rendered by other elements, not exported as classes. */
const INTERNAL = ['dn-confirm-dialog', 'dn-reauth-dialog'];

describe('entry points', () => {
  it('the index exports every element class and defines nothing', () => {
    for (const [tag, name] of Object.entries(ELEMENTS)) {
      const cls: unknown = lib[name];
      expect(cls, name).to.be.a('function');
      expect((cls as { prototype: unknown }).prototype, name).to.be.instanceOf(HTMLElement);
      expect(customElements.get(tag), tag).to.equal(undefined);
    }
    for (const tag of INTERNAL) expect(customElements.get(tag), tag).to.equal(undefined);
    expect(lib.SETTINGS_TABS).to.be.an('array').that.is.not.empty;
  });

  it('define-all defines every element with the exported class', async () => {
    await import('../../src/define-all.js');
    for (const [tag, name] of Object.entries(ELEMENTS)) {
      expect(customElements.get(tag), tag).to.equal(lib[name]);
    }
    // Rendered inside several elements' shadow roots, so their defining modules define it.
    expect(customElements.get('dn-confirm-dialog')).to.be.a('function');
    // Still loaded on demand, the first time an element needs the user to re-authenticate.
    expect(customElements.get('dn-reauth-dialog')).to.equal(undefined);
    const el = document.createElement('dn-profile-form');
    expect(el).to.be.instanceOf(lib.DnProfileForm);
  });

  it('defining an element twice (a second copy of the library) does not throw', async () => {
    const { defineElement } = await import('../../src/internal/define.js');
    expect(() => defineElement('dn-profile-form', class extends HTMLElement {})).not.to.throw();
    expect(customElements.get('dn-profile-form')).to.equal(lib.DnProfileForm);
  });
});
