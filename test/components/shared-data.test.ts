/**
 * Several elements in one provider read the same account data: what one changes, the
 * others show, and two readers of one resource send one request.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { within } from 'shadow-dom-testing-library';
import { MOCK_PASSWORD } from '../../mock/index.js';
import type { DnSessionList } from '../../src/components/session-list/session-list.js';
import '../../src/components/delete-account/delete-account.js';
import '../../src/components/email-change/email-change.js';
import '../../src/components/password-change/password-change.js';
import '../../src/components/session-list/session-list.js';
import { mount, requestsTo, settled, typeInto, until, visibleText } from '../helpers/fixture.js';
import { dialogButton, dialogOpen } from '../helpers/dialogs.js';

const OLD_EMAIL = 'amira@northwind-calls.example';
const NEW_EMAIL = 'amira.haddad@northwind-calls.example';

/** The sessions a list shows: every row, wherever the list is on the page. */
const sessionNames = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('[part="session-name"]')].map((n) => n.textContent!.trim());
const signOutAll = (el: HTMLElement) => within(el).queryByShadowRole('button', { name: /Sign out all other sessions|Signing out other sessions/ });

/** Every element of the page's provider, once each has loaded. */
async function all<T extends HTMLElement>(provider: HTMLElement, selector: string): Promise<T[]> {
  const found = [...provider.querySelectorAll<T>(selector)];
  for (const el of found) await settled(el);
  return found;
}

describe('shared account data', () => {
  it('is accessible with several elements on one page', async () => {
    const { provider } = await mount(html`<dn-password-change></dn-password-change><dn-session-list></dn-session-list>`, { reauth: 'never' });
    await all(provider, 'dn-session-list');
    await expect(provider).to.be.accessible();
  });

  it('sends one request for two readers of the same data, and both show it', async () => {
    const { provider, backend } = await mount(html`<dn-session-list></dn-session-list><dn-session-list></dn-session-list>`, { reauth: 'never' });
    const [first, second] = await all<DnSessionList>(provider, 'dn-session-list');
    expect(requestsTo(backend, 'listSessions').length).to.equal(1);
    await until(() => sessionNames(first!).length > 1, 'the first list');
    const shown = sessionNames(first!);
    await until(() => sessionNames(second!).length === shown.length, 'the second list');
    expect(sessionNames(second!)).to.deep.equal(shown);
  });

  describe('when the password changed and the user signs out the other sessions from its banner', () => {
    it('the session list on the page shows only this device, without "Sign out all other sessions"', async () => {
      const { el: change, provider, backend } = await mount(
        html`<dn-password-change username=${OLD_EMAIL}></dn-password-change><dn-session-list></dn-session-list>`,
        { reauth: 'never' },
      );
      const [list] = await all<DnSessionList>(provider, 'dn-session-list');
      await until(() => sessionNames(list!).length > 1, 'the other sessions listed');
      expect(signOutAll(list!)).to.exist;

      const form = within(change);
      await typeInto(form.getByLabelText('Current password'), MOCK_PASSWORD);
      await typeInto(form.getByLabelText('New password'), 'Sunny-days-42');
      await typeInto(form.getByLabelText('Confirm new password'), 'Sunny-days-42');
      await sendKeys({ press: 'Enter' });
      await until(() => signOutAll(change), 'the offer to sign out other sessions');
      signOutAll(change)!.click();
      await until(() => !signOutAll(change), 'the offer to go once they are signed out');

      expect(requestsTo(backend, 'revokeOtherSessions').length).to.equal(1);
      await until(() => sessionNames(list!).length === 1, 'the session list to show only this device');
      expect(visibleText(list!)).to.contain('This device');
      expect(signOutAll(list!)).to.equal(null);
    });
  });

  describe('when one session list signs a session out', () => {
    it('the other list on the page drops it too', async () => {
      const { provider } = await mount(html`<dn-session-list></dn-session-list><dn-session-list></dn-session-list>`, { reauth: 'never' });
      const [first, second] = await all<DnSessionList>(provider, 'dn-session-list');
      await until(() => sessionNames(second!).length > 1, 'the second list');
      const before = sessionNames(second!);
      const revokeButtons = () => within(first!).queryAllByShadowRole('button', { name: /^Sign out (?!of this device|all)/ });
      expect(revokeButtons().length, 'a session to sign out, without scrolling to it').to.be.greaterThan(0);
      revokeButtons()[0]!.click();
      await until(() => dialogOpen(first!), 'the confirmation');
      dialogButton(first!, 'Sign out').click();
      await until(() => sessionNames(second!).length === before.length - 1, 'the second list to drop the session');
      const left = sessionNames(second!);
      await until(() => sessionNames(first!).length === left.length, 'the first list to drop it');
      expect(sessionNames(first!)).to.deep.equal(left);
    });
  });

  describe('when an email change is verified', () => {
    it('deleting the account asks for the new address', async () => {
      const { el: change, provider, backend } = await mount(
        html`<dn-email-change current-email=${OLD_EMAIL}></dn-email-change><dn-delete-account></dn-delete-account>`,
        { reauth: 'never' },
      );
      const [deletion] = await all<HTMLElement>(provider, 'dn-delete-account');
      expect(visibleText(deletion!)).to.contain(OLD_EMAIL);

      await typeInto(within(change).getByLabelText('New email address'), NEW_EMAIL);
      await sendKeys({ press: 'Enter' });
      await until(() => backend.store.lastEmailVerificationToken(), 'the verification email');
      // The user opens the link elsewhere, then comes back to this page.
      await fetch('/api/account/email-change/verify', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: backend.store.lastEmailVerificationToken() }),
      });
      window.dispatchEvent(new Event('focus'));

      await until(() => visibleText(deletion!).includes(NEW_EMAIL), 'the new address in the deletion form');
      expect(visibleText(deletion!)).not.to.contain(OLD_EMAIL);
    });
  });
});
