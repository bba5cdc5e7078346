import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { screen } from 'shadow-dom-testing-library';
import { MOCK_USER } from '../../mock/index.js';
import type { DnPasswordReset } from '../../src/components/password-reset/password-reset.js';
import '../../src/components/password-reset/password-reset.js';
import { installClock, type FakeClock } from '../helpers/clock.js';
import { mount, pasteInto, requestsTo, typeInto, until, visibleText, type MountOptions, errorOf, statusOf } from '../helpers/fixture.js';
import { usernameBeside } from '../helpers/username.js';

const NEW = 'Sunny-days-42';
const UNKNOWN = 'nobody@example.com';

const mountReset = (options: MountOptions & { token?: string; signIn?: string } = {}) => {
  const { token = '', signIn = '', ...rest } = options;
  return mount<DnPasswordReset>(html`<dn-password-reset token=${token} sign-in-url=${signIn}></dn-password-reset>`, rest);
};

const emailInput = () => screen.getByLabelText('Email address') as HTMLInputElement;
const newInput = () => screen.getByLabelText('New password') as HTMLInputElement;
const confirmInput = () => screen.getByLabelText('Confirm new password') as HTMLInputElement;
const checklist = () =>
  [...document.querySelectorAll('dn-password-reset .checklist li')].map((li) => li.textContent!.replace(/[✓○]/g, '').replace(/\s+/g, ' ').trim());
const sentPanel = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLElement>('[part="sent"]');

/** Resend after `seconds` instead of the mock's 60; `sent` counts the requests it answered. */
function coolDown(seconds: number) {
  const sent: unknown[] = [];
  const handler = http.post('/api/account/password-reset', async ({ request }) => {
    sent.push(await request.json());
    return HttpResponse.json({ validForMinutes: 60, resendAfterSeconds: seconds });
  });
  return { handler, sent };
}

const gone = (code: 'token-expired' | 'token-used') =>
  http.post('/api/account/password-reset/complete', () =>
    HttpResponse.json({ type: `urn:dialnexa:problem:${code}`, title: code, status: 410 }, { status: 410, headers: { 'Content-Type': 'application/problem+json' } }),
  );

/** The page URL with `?token=` added (the test runner's own query kept); returns the way back. */
function addTokenToUrl(token: string): () => void {
  const before = location.href;
  const url = new URL(before);
  url.searchParams.set('token', token);
  history.replaceState(history.state, '', url);
  return () => history.replaceState(history.state, '', before);
}

async function requestLink(email: string): Promise<void> {
  await typeInto(emailInput(), email);
  await sendKeys({ press: 'Enter' });
}

const resendButton = () => screen.queryByShadowRole('button', { name: 'Send again' });

/** Types `email`, then sends it with the clock already fake, so the cool-down timer is the clock's. */
async function requestLinkOnClock(email: string): Promise<FakeClock> {
  await typeInto(emailInput(), email);
  const clock = installClock();
  screen.getByShadowRole('button', { name: 'Send reset link' }).click();
  return clock;
}

async function setPassword(next = NEW, confirm = next): Promise<void> {
  await typeInto(newInput(), next);
  await typeInto(confirmInput(), confirm);
  await sendKeys({ press: 'Enter' });
}

describe('dn-password-reset', () => {
  it('names the account to password managers in both forms: the address typed, or the one the host gives with the link', async () => {
    await mountReset();
    await until(() => screen.queryByLabelText('Email address'));
    expect(emailInput().getAttribute('autocomplete')).to.equal('username');
    const { el } = await mountReset({ token: 'abc' });
    await until(() => screen.queryByLabelText('New password'));
    expect(usernameBeside(newInput()).value).to.equal('');
    el.email = 'amira@northwind-calls.example';
    await el.updateComplete;
    expect(usernameBeside(newInput()).value).to.equal('amira@northwind-calls.example');
  });

  it('is accessible', async () => {
    const { el } = await mountReset();
    await expect(el).to.be.accessible();
  });

  it('is accessible completing a reset, in dark and right-to-left', async () => {
    const { el } = await mountReset({ token: 'abc', theme: 'dark', locale: 'ar' });
    await until(() => el.querySelector('input[name="new-password"]'));
    await expect(el).to.be.accessible();
  });

  describe('by default', () => {
    it('asks for an email, in a field the document (and password managers) can reach', async () => {
      const { el } = await mountReset();
      const email = emailInput();
      expect(email.closest('dn-password-reset')).to.equal(el);
      expect(email.getAttribute('autocomplete')).to.equal('username');
      expect(email.type).to.equal('email');
      expect(visibleText(el)).to.contain('Reset your password');
      expect(document.querySelector('input[type="password"]')).to.equal(null);
    });
  });

  describe('when the user requests a link', () => {
    it('shows the same neutral confirmation whether or not the account exists', async () => {
      const texts: string[] = [];
      for (const email of [MOCK_USER.email, UNKNOWN]) {
        const { el, backend } = await mountReset();
        const requested = oneEvent(el, 'dn-password-reset-requested');
        await requestLink(email);
        expect((await requested).detail.email).to.equal(email);
        await until(() => sentPanel(el));
        expect(requestsTo(backend, 'requestPasswordReset')[0]!.json).to.deep.equal({ email });
        await until(() => statusOf(el) === 'Request received. Check your inbox.');
        expect(visibleText(el)).to.contain(`If an account exists for ${email}, we've sent a link to reset its password. The link is valid for 1 hour.`);
        texts.push(visibleText(el).replace(email, '{{email}}'));
      }
      expect(texts[0]).to.equal(texts[1]);
    });

    it('refuses a malformed address next to the field and sends nothing', async () => {
      const { backend } = await mountReset();
      await requestLink('amira@');
      await until(() => errorOf(emailInput()) === 'Enter an email address like name@example.com.');
      expect(document.activeElement === emailInput(), 'focus in the field').to.equal(true);
      expect(emailInput().value).to.equal('amira@');
      expect(requestsTo(backend, 'requestPasswordReset')).to.have.length(0);
    });

    it('offers "Send again" only once the cool-down is over', async () => {
      const { handler, sent } = coolDown(1);
      const { el } = await mountReset({ setup: (b) => b.use(handler) });
      const clock = await requestLinkOnClock(UNKNOWN);
      try {
        await clock.until(() => sentPanel(el), 'the sent panel');
        expect(visibleText(el)).to.contain('You can send another link in 1 second.');
        expect(resendButton()).to.equal(null);
        await clock.tick(999);
        expect(resendButton(), '1 ms before the cool-down ends').to.equal(null);
        await clock.tick(1);
        await clock.until(() => resendButton(), '"Send again"');
        expect(visibleText(el)).not.to.contain('You can send another link');
      } finally {
        clock.uninstall();
      }
      screen.getByShadowRole('button', { name: 'Send again' }).click();
      await until(() => sent.length === 2);
      expect(sent[1]).to.deep.equal({ email: UNKNOWN });
    });

    it("says when another link can be sent with the mock's 60 seconds", async () => {
      const { el } = await mountReset();
      await requestLink(UNKNOWN);
      await until(() => sentPanel(el));
      expect(visibleText(el)).to.contain('You can send another link in 1 minute.');
    });

    it('stops the cool-down timer when it leaves the page', async () => {
      const { el } = await mountReset({ setup: (b) => b.use(coolDown(1).handler) });
      const clock = await requestLinkOnClock(UNKNOWN);
      try {
        await clock.until(() => sentPanel(el), 'the sent panel');
        await clock.tick(400);
        const parent = el.parentElement!;
        el.remove();
        expect(clock.pending, 'the cool-down timer is cleared on removal').to.equal(0);
        await clock.tick(300);
        expect(el.shadowRoot!.querySelector('[part="sent"] button.secondary'), 'no update while away').to.equal(null);
        // Back after 700 ms of the 1 s: the rest of the cool-down, 300 ms, is scheduled again.
        parent.append(el);
        await clock.until(() => clock.pending === 1, 'the cool-down to be rescheduled');
        await clock.tick(299);
        expect(resendButton(), '1 ms before the cool-down ends').to.equal(null);
        await clock.tick(1);
        await clock.until(() => resendButton(), 'rescheduled on return');
      } finally {
        clock.uninstall();
      }
    });

    it('lets the user go back and use a different address', async () => {
      const { el } = await mountReset();
      await requestLink(UNKNOWN);
      await until(() => sentPanel(el));
      screen.getByShadowRole('button', { name: 'Use a different email address' }).click();
      await until(() => document.activeElement === screen.queryByLabelText('Email address'));
      expect(emailInput().value).to.equal(UNKNOWN);
    });
  });

  describe('with a token', () => {
    it('completes the reset with the token attribute, and links back to sign-in', async () => {
      const { el, backend } = await mountReset({ signIn: '/login' });
      const token = backend.store.issuePasswordResetToken();
      el.setAttribute('token', token);
      await until(() => screen.queryByLabelText('New password'));
      expect(newInput().getAttribute('autocomplete')).to.equal('new-password');
      expect(newInput().closest('dn-password-reset')).to.equal(el);
      expect(checklist()).to.have.length(3);

      const completed = oneEvent(el, 'dn-password-reset-completed');
      await setPassword();
      expect(Number.isNaN(Date.parse((await completed).detail.completedAt))).to.equal(false);
      expect(requestsTo(backend, 'completePasswordReset')[0]!.json).to.deep.equal({ token, newPassword: NEW });
      expect(backend.store.currentPassword()).to.equal(NEW);
      await until(() => statusOf(el) === 'Your password was reset.');
      const link = screen.getByShadowRole('link', { name: 'Sign in' });
      expect(link.getAttribute('href')).to.equal('/login');
      expect(el.shadowRoot!.activeElement === link, 'focus on the link').to.equal(true);
      expect(document.querySelector('input[type="password"]'), 'the password leaves the page').to.equal(null);
    });

    it('reads ?token= from the page URL', async () => {
      let token = '';
      let restore = () => {};
      try {
        const { el, backend } = await mountReset({
          setup: (b) => {
            token = b.store.issuePasswordResetToken();
            restore = addTokenToUrl(token);
          },
        });
        await until(() => screen.queryByLabelText('New password'));
        await setPassword();
        await until(() => statusOf(el) === 'Your password was reset.');
        expect(requestsTo(backend, 'completePasswordReset')[0]!.json).to.deep.equal({ token, newPassword: NEW });
        expect(visibleText(el)).to.contain('You can now sign in with your new password.');
        expect(screen.queryByShadowRole('link'), 'no sign-in-url, no link').to.equal(null);
      } finally {
        restore();
      }
    });

    it('uses the policy from the server (NIST) and counts emoji as one character', async () => {
      const { backend } = await mountReset({ token: 'abc', passwordPolicy: 'nist' });
      expect(checklist()).to.deep.equal(['Not yet: At least 15 characters']);
      const emoji = [...'🔐😀👩🏽‍💻'.repeat(25)].slice(0, 100).join('');
      pasteInto(newInput(), emoji);
      pasteInto(confirmInput(), emoji);
      await until(() => checklist()[0] === 'Done: At least 15 characters');
      screen.getByRole('button', { name: 'Set new password' }).click();
      await until(() => requestsTo(backend, 'completePasswordReset').length === 1);
      expect(requestsTo(backend, 'completePasswordReset')[0]!.json).to.deep.equal({ token: 'abc', newPassword: emoji });
    });

    it('refuses a mismatch next to the confirmation and sends nothing', async () => {
      const { backend } = await mountReset({ token: 'abc' });
      await setPassword(NEW, 'other-42!');
      await until(() => errorOf(confirmInput()) === "The passwords don't match. Enter the new password again.");
      expect(document.activeElement === confirmInput(), 'focus in the confirmation').to.equal(true);
      expect(requestsTo(backend, 'completePasswordReset')).to.have.length(0);
    });

    it("shows the server's reason for a breached password", async () => {
      const { backend } = await mountReset({ setup: (b) => void b.store.issuePasswordResetToken() });
      const token = backend.store.lastPasswordResetToken()!;
      (document.querySelector('dn-password-reset') as DnPasswordReset).token = token;
      await until(() => screen.queryByLabelText('New password'));
      await setPassword('Password1!');
      await until(() => errorOf(newInput()) === 'This password has appeared in a data breach. Choose a different one.');
      expect([newInput().value, confirmInput().value]).to.deep.equal(['Password1!', 'Password1!']);
    });

    it('says when the link has expired and offers a new one', async () => {
      const { el, backend } = await mountReset({ token: 'abc', setup: (b) => b.use(gone('token-expired')) });
      await setPassword();
      await until(() => el.shadowRoot!.querySelector('[part="token-error"]'));
      expect(visibleText(el)).to.contain('This reset link has expired. Reset links are valid for 1 hour.');
      const newLink = screen.getByShadowRole('button', { name: 'Send a new link' });
      expect(el.shadowRoot!.activeElement === newLink, 'focus on "Send a new link"').to.equal(true);
      newLink.click();
      await until(() => document.activeElement === screen.queryByLabelText('Email address'), 'the request form, focused');
      await requestLink(MOCK_USER.email);
      await until(() => requestsTo(backend, 'requestPasswordReset').length === 1);
    });

    it('says when an unknown token is refused by the real mock (expired)', async () => {
      const { el } = await mountReset({ token: 'not-a-token' });
      await setPassword();
      await until(() => /This reset link has expired/.test(visibleText(el)));
    });

    it('says when the link was already used', async () => {
      let restore = () => {};
      const { el } = await mountReset({
        setup: (b) => {
          const token = b.store.issuePasswordResetToken();
          b.store.completePasswordReset({ token, newPassword: 'First-time-1!' });
          restore = addTokenToUrl(token);
        },
      }).finally(() => restore());
      await setPassword();
      await until(() => el.shadowRoot!.querySelector('[part="token-error"]'));
      expect(visibleText(el)).to.contain('This reset link was already used.');
      expect(screen.getByShadowRole('button', { name: 'Send a new link' })).to.exist;
    });

    it('works with the keyboard alone', async () => {
      const { el, backend } = await mountReset({ signIn: '/login' });
      el.token = backend.store.issuePasswordResetToken();
      await until(() => screen.queryByLabelText('New password'));
      newInput().focus();
      await sendKeys({ type: NEW });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      expect(newInput().type, 'the toggle, by keyboard').to.equal('text');
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement === confirmInput(), 'focus in the confirmation').to.equal(true);
      await sendKeys({ type: NEW });
      await sendKeys({ press: 'Enter' });
      await until(() => statusOf(el) === 'Your password was reset.');
      expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Sign in');
    });
  });
});
