import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { screen } from 'shadow-dom-testing-library';
import { MOCK_PASSWORD } from '../../mock/index.js';
import type { ReauthChallenge, ReauthHandler } from '../../src/api/context.js';
import type { DnEmailChange } from '../../src/components/email-change/email-change.js';
import '../../src/components/email-change/email-change.js';
import type { DnSessionList } from '../../src/components/session-list/session-list.js';
import '../../src/components/session-list/session-list.js';
import { mount, requestsTo, statusOf, typeInto, until, visibleText, type MountOptions } from '../helpers/fixture.js';
import { dialogButton, dialogOpen } from '../helpers/dialogs.js';

const CURRENT = 'amira@northwind-calls.example';
const NEW = 'amira.haddad@northwind-calls.example';

const mountChange = (options: MountOptions = {}) =>
  mount<DnEmailChange>(html`<dn-email-change current-email=${CURRENT}></dn-email-change>`, { reauth: 'always', ...options });

const newEmailInput = () => screen.getByLabelText('New email address') as HTMLInputElement;

async function request(): Promise<void> {
  await typeInto(newEmailInput(), NEW);
  await sendKeys({ press: 'Enter' });
}

/** A host's own "Confirm it's you": records what it was asked, then answers as `answer` says. */
function hostHandler(answer: (challenge: ReauthChallenge) => Promise<boolean>): ReauthHandler & { asked: ReauthChallenge[] } {
  const asked: ReauthChallenge[] = [];
  return {
    asked,
    confirm(challenge) {
      asked.push(challenge);
      return answer(challenge);
    },
  };
}

/** What a host's modal does once the user typed their password: the server accepts it. */
const confirmsWithPassword = async ({ api, signal }: ReauthChallenge) => {
  await api.reauthenticate({ method: 'password', password: MOCK_PASSWORD }, { signal });
  return true;
};

describe('a host\'s own "Confirm it\'s you" (reauth on dn-account-provider)', () => {
  it('is accessible with a host handler in place', async () => {
    const { el, provider } = await mountChange();
    provider.reauth = hostHandler(confirmsWithPassword);
    await expect(el).to.be.accessible();
  });

  it("is asked with the server's methods instead of the shipped dialog; on true the element sends again and succeeds", async () => {
    const { el, provider, backend } = await mountChange({ twoFactorEnabled: true });
    const handler = hostHandler(confirmsWithPassword);
    provider.reauth = handler;
    await request();
    await until(() => el.shadowRoot!.querySelector('[part="pending"]'), 'the pending state');

    expect(handler.asked).to.have.length(1);
    expect(handler.asked[0]!.methods).to.deep.equal(['password', 'totp']);
    expect(handler.asked[0]!.signal.aborted).to.equal(false);
    const requests = requestsTo(backend, 'requestEmailChange');
    expect(requests.map((r) => r.status)).to.deep.equal([403, 200]);
    expect(requests[1]!.json).to.deep.equal({ newEmail: NEW });
    expect(requestsTo(backend, 'reauthenticate').map((r) => r.json)).to.deep.equal([{ method: 'password', password: MOCK_PASSWORD }]);
    expect(visibleText(el)).to.contain(`We sent a verification link to ${NEW}.`);
    await until(() => statusOf(el) === `Verification link sent to ${NEW}.`);
    expect(document.querySelector('dn-reauth-dialog'), 'the shipped dialog stays out').to.equal(null);
  });

  it('on false (e.g. it sent the user to a step-up page) leaves what they typed and shows nothing', async () => {
    const { el, provider, backend } = await mountChange();
    const handler = hostHandler(async () => false);
    provider.reauth = handler;
    await request();
    await until(() => handler.asked.length === 1, 'the handler to be asked');
    await el.updateComplete;

    expect(handler.asked[0]!.methods).to.deep.equal(['password']);
    expect(requestsTo(backend, 'requestEmailChange')).to.have.length(1);
    expect(requestsTo(backend, 'reauthenticate')).to.have.length(0);
    expect(newEmailInput().value).to.equal(NEW);
    expect(el.querySelector('[role="alert"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="pending"]')).to.equal(null);
    expect(document.querySelector('dn-reauth-dialog')).to.equal(null);
  });

  it('also runs for confirmed destructive actions (signing out another session)', async () => {
    const { el, provider, backend } = await mount<DnSessionList>(html`<dn-session-list></dn-session-list>`, { reauth: 'always' });
    const handler = hostHandler(confirmsWithPassword);
    provider.reauth = handler;
    const phone = 'Safari 17.5 on iOS 17.5';
    screen.getByShadowRole('button', { name: `Sign out ${phone}` }).click();
    await until(() => dialogOpen(el), 'the confirmation dialog to open');
    dialogButton(el, 'Sign out').click();
    const names = () => [...el.shadowRoot!.querySelectorAll('[part="session-name"]')].map((n) => n.textContent!.trim());
    await until(() => !names().includes(phone), 'the session to leave the list');

    expect(handler.asked).to.have.length(1);
    expect(requestsTo(backend, 'revokeSession').map((r) => r.status)).to.deep.equal([403, 200]);
    expect(el.shadowRoot!.querySelector('[part="action-error"]')).to.equal(null);
    expect(document.querySelector('dn-reauth-dialog')).to.equal(null);
  });

  it('without a handler, the shipped dialog opens in the provider', async () => {
    const { el, provider, backend } = await mountChange();
    await request();
    await until(() => screen.queryByLabelText('Password'), 'the shipped dialog');
    expect(document.querySelector('dn-reauth-dialog')!.parentElement).to.equal(provider);
    await sendKeys({ press: 'Escape' });
    await until(() => !screen.queryByLabelText('Password'));
    await el.updateComplete;
    expect(requestsTo(backend, 'requestEmailChange')).to.have.length(1);
    expect(newEmailInput().value).to.equal(NEW);
  });

  it('the shipped dialog comes back when the handler is unset', async () => {
    const { provider } = await mountChange();
    const handler = hostHandler(async () => false);
    provider.reauth = handler;
    await provider.updateComplete;
    provider.reauth = undefined;
    await request();
    await until(() => screen.queryByLabelText('Password'), 'the shipped dialog');
    expect(handler.asked).to.have.length(0);
    await sendKeys({ press: 'Escape' });
  });
});
