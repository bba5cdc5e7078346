import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { within } from 'shadow-dom-testing-library';
import { MOCK_PASSWORD, MOCK_TOTP_SECRET, totp } from '../../mock/index.js';
import type { MockBackend } from '../helpers/fixture.js';
import type { Dn2faChallenge } from '../../src/components/2fa-challenge/2fa-challenge.js';
import '../../src/components/2fa-challenge/2fa-challenge.js';
import type { Dn2faSetup } from '../../src/components/2fa-setup/2fa-setup.js';
import '../../src/components/2fa-setup/2fa-setup.js';
import type { DnTrustedDevices } from '../../src/components/trusted-devices/trusted-devices.js';
import '../../src/components/trusted-devices/trusted-devices.js';
import { headingOutline, outlineProblems } from '../helpers/outline.js';
import { errorOf, mount, nextTask, pasteInto, requestsTo, statusOf, typeInto, until, visibleText, type MountOptions } from '../helpers/fixture.js';

const CHALLENGE = '/api/account/two-factor/challenge';

/** Mounts the element on a backend with 2FA on (the demo key) and a fresh sign-in challenge. */
async function mountChallenge(options: MountOptions & { attributes?: Record<string, string> } = {}) {
  let challengeId = '';
  const { attributes = {}, setup, ...rest } = options;
  const mounted = await mount<Dn2faChallenge>(html`<dn-2fa-challenge></dn-2fa-challenge>`, {
    twoFactorEnabled: true,
    ...rest,
    setup: async (backend) => {
      challengeId = backend.store.createSignInChallenge();
      await setup?.(backend);
    },
    settle: false,
  });
  mounted.el.challengeId = challengeId;
  for (const [name, value] of Object.entries(attributes)) mounted.el.setAttribute(name, value);
  await mounted.el.updateComplete;
  await until(() => codeField(), 'the code field');
  return { ...mounted, challengeId };
}

/** The code field: in the element's light DOM (autofill reaches it), found by its label. */
const codeField = () => document.querySelector<HTMLInputElement>('dn-2fa-challenge input[name="one-time-code"], dn-2fa-challenge input[name="backup-code"]');
const trustBox = () => within(document.body).getByLabelText(/Trust this device/) as HTMLInputElement;
const verifyButton = () => within(document.body).getByRole('button', { name: /Verify/ }) as HTMLButtonElement;
const switchButton = () => document.querySelector<HTMLButtonElement>('dn-2fa-challenge button[data-action="switch"]')!;

/** A 6-digit code the mock refuses (not the current code, nor its neighbours). */
async function wrongCode(secret = MOCK_TOTP_SECRET): Promise<string> {
  const near = await Promise.all([-1, 0, 1].map((step) => totp(secret, Date.now() + step * 30_000)));
  for (let n = 0; ; n += 1) {
    const candidate = String(n).padStart(6, '0');
    if (!near.includes(candidate)) return candidate;
  }
}

async function submit(code: string): Promise<void> {
  await typeInto(codeField()!, code);
  await sendKeys({ press: 'Enter' });
}

/** Fresh backup codes on the mock (as "Generate new backup codes" would give them). */
async function backupCodes(backend: MockBackend): Promise<string[]> {
  return (await backend.store.regenerateBackupCodes({ method: 'password', password: MOCK_PASSWORD })).codes;
}

describe('dn-2fa-challenge', () => {
  it('is accessible', async () => {
    const { el } = await mountChallenge();
    await expect(el).to.be.accessible();
  });

  it('is accessible with an error, in the backup-code mode, dark and right to left', async () => {
    const { el } = await mountChallenge({ theme: 'dark', locale: 'ar' });
    await until(() => visibleText(el).includes('المصادقة الثنائية'), 'Arabic strings');
    await submit(await wrongCode());
    await until(() => codeField()!.getAttribute('aria-invalid') === 'true');
    await expect(el).to.be.accessible();
    switchButton().click();
    await until(() => codeField()!.getAttribute('autocomplete') === 'off');
    await expect(el).to.be.accessible();
  });

  describe('headings', () => {
    it('has one heading, h2 by default, a level lower with heading-level', async () => {
      const { el } = await mountChallenge();
      expect(headingOutline(el)).to.deep.equal([{ level: 2, text: 'Two-factor authentication' }]);
      el.headingLevel = 3;
      await el.updateComplete;
      expect(headingOutline(el)).to.deep.equal([{ level: 3, text: 'Two-factor authentication' }]);
    });

    it('follows the demo sign-in page\'s h1 without a gap', async () => {
      const demo = new DOMParser().parseFromString(await (await fetch('/demo/sign-in.html')).text(), 'text/html');
      const card = demo.querySelector('.sign-in-card')!;
      const { el, provider } = await mountChallenge();
      for (const name of ['restart-href', 'backup-codes-href', 'heading-level']) {
        const value = card.querySelector('dn-2fa-challenge')!.getAttribute(name);
        if (value !== null) el.setAttribute(name, value);
      }
      await el.updateComplete;
      provider.before(document.importNode(card.querySelector('h1')!, true));
      const outline = [...headingOutline(provider.previousElementSibling!), ...headingOutline(el)];
      expect(outline.map((heading) => heading.level)).to.deep.equal([1, 2]);
      expect(outlineProblems(outline)).to.deep.equal([]);
      provider.previousElementSibling!.remove();
    });
  });

  describe('the code field', () => {
    it('is a numeric one-time-code field in the light DOM, labelled and described', async () => {
      const { el } = await mountChallenge();
      const field = codeField()!;
      expect(el.contains(field), 'in the light DOM').to.equal(true);
      expect(field.getAttribute('inputmode')).to.equal('numeric');
      expect(field.getAttribute('autocomplete')).to.equal('one-time-code');
      expect(field.getAttribute('dir')).to.equal('ltr');
      expect(within(document.body).getByLabelText('Authentication code')).to.equal(field);
      expect(visibleText(el)).to.contain('Enter the 6-digit code from your authenticator app.');
      expect(visibleText(el)).to.contain('A new code appears every 30 seconds.');
    });

    it('takes a pasted code with spaces or a hyphen', async () => {
      await mountChallenge();
      pasteInto(codeField()!, '123 456');
      expect(codeField()!.value).to.equal('123456');
      pasteInto(codeField()!, '654-321 and more');
      expect(codeField()!.value).to.equal('654321');
    });

    it('switches to a backup code and back, moving focus to the field', async () => {
      const { el } = await mountChallenge();
      expect(within(document.body).getByRole('button', { name: 'Use a backup code instead' })).to.equal(switchButton());
      switchButton().click();
      await until(() => codeField()?.labels?.[0]?.textContent?.includes('Backup code'), 'the backup-code field');
      expect(codeField()!.getAttribute('autocomplete')).to.equal('off');
      expect(codeField()!.getAttribute('inputmode')).to.equal(null);
      expect(document.activeElement).to.equal(codeField());
      expect(visibleText(el)).to.contain('Each backup code works once.');
      expect(switchButton().textContent).to.contain('Use your authenticator app instead');
      switchButton().click();
      await until(() => codeField()?.getAttribute('autocomplete') === 'one-time-code');
      expect(document.activeElement).to.equal(codeField());
    });

    it('asks for 6 digits before sending anything', async () => {
      const { backend } = await mountChallenge();
      await submit('123');
      await until(() => errorOf(codeField()!) !== '');
      expect(errorOf(codeField()!)).to.equal('Enter the 6 digits from your authenticator app.');
      expect(codeField()!.value).to.equal('123');
      expect(document.activeElement).to.equal(codeField());
      expect(requestsTo(backend, 'verifyTwoFactorChallenge')).to.have.length(0);
    });

    it('works with the keyboard alone: type, Tab to the checkbox, Space, Enter', async () => {
      const { el, backend } = await mountChallenge();
      codeField()!.focus();
      await sendKeys({ type: await totp(MOCK_TOTP_SECRET) });
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(trustBox());
      await sendKeys({ press: 'Space' });
      expect(trustBox().checked).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(verifyButton());
      await sendKeys({ press: 'Enter' });
      await until(() => visibleText(el).includes("You're verified."), 'verified');
      expect(requestsTo(backend, 'verifyTwoFactorChallenge')[0]!.json).to.include({ trustDevice: true, method: 'totp' });
    });
  });

  describe('verifying', () => {
    it('sends the code, says so, moves focus to the heading and tells the host', async () => {
      const { el, backend, challengeId } = await mountChallenge();
      const code = await totp(MOCK_TOTP_SECRET);
      const verified = oneEvent(el, 'dn-2fa-verified');
      await submit(code);
      const event = await verified;
      expect(event.detail).to.deep.equal({ method: 'totp', trusted: false, trustedDevice: null, backupCodesRemaining: null });
      expect(event.bubbles && event.composed).to.equal(true);
      const [request] = requestsTo(backend, 'verifyTwoFactorChallenge');
      expect(request!.json).to.deep.equal({ challengeId, method: 'totp', code, trustDevice: false });
      await until(() => statusOf(el) === "You're verified.", 'the announcement');
      expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('.title'));
      expect(codeField(), 'the form is gone').to.equal(null);
    });

    it('sends one request however often Verify is pressed, and shows it working', async () => {
      const { backend } = await mountChallenge({ latencyMs: 300 });
      await typeInto(codeField()!, await totp(MOCK_TOTP_SECRET));
      verifyButton().click();
      await until(() => verifyButton().getAttribute('aria-busy') === 'true');
      expect(verifyButton().textContent).to.contain('Verifying…');
      verifyButton().click();
      await sendKeys({ press: 'Enter' });
      await until(() => requestsTo(backend, 'verifyTwoFactorChallenge').length === 1 && !codeField());
      expect(requestsTo(backend, 'verifyTwoFactorChallenge')).to.have.length(1);
    });

    it('says a wrong code is wrong next to the field, keeping it and the focus', async () => {
      const { el } = await mountChallenge();
      const code = await wrongCode();
      await submit(code);
      await until(() => errorOf(codeField()!) !== '', 'the field error');
      expect(errorOf(codeField()!)).to.contain("That code isn't right.");
      expect(codeField()!.getAttribute('aria-invalid')).to.equal('true');
      expect(codeField()!.value).to.equal(code);
      await until(() => document.activeElement === codeField(), 'focus back in the field');
      expect(visibleText(el)).not.to.contain("You're verified.");
      // Typing clears the error.
      await sendKeys({ type: '1' });
      expect(codeField()!.getAttribute('aria-invalid')).to.equal('false');
    });

    it('refuses a code already used in its time step (no replay)', async () => {
      const { backend } = await mountChallenge();
      const code = await totp(MOCK_TOTP_SECRET);
      // The same code signed in a moment ago on another challenge.
      await backend.store.verifyTwoFactorChallenge({ challengeId: backend.store.createSignInChallenge(), method: 'totp', code, trustDevice: false });
      await submit(code);
      await until(() => errorOf(codeField()!) !== '', 'the field error');
      expect(errorOf(codeField()!)).to.equal('That code was already used. Wait for the next one.');
      expect(codeField()!.value).to.equal(code);
    });

    it('ends the step when the challenge expired: "Sign in again" goes to restart-href', async () => {
      const { el, backend } = await mountChallenge({ attributes: { 'restart-href': '/sign-in?again=1' } });
      backend.use(
        http.post(CHALLENGE, () =>
          HttpResponse.json(
            { type: 'urn:dialnexa:problem:challenge-expired', title: 'Sign-in expired', status: 410 },
            { status: 410, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      );
      const expired = oneEvent(el, 'dn-2fa-challenge-expired');
      await submit(await totp(MOCK_TOTP_SECRET));
      expect((await expired).detail.challengeId).to.equal(el.challengeId);
      await until(() => visibleText(el).includes('This sign-in attempt has expired.'));
      const link = within(el).getByShadowRole('link', { name: 'Sign in again' }) as HTMLAnchorElement;
      expect(link.getAttribute('href')).to.equal('/sign-in?again=1');
      expect(codeField()).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('.title'));
    });

    it('refuses a real expired challenge on the mock, and a javascript: restart-href becomes a button', async () => {
      const { el, backend } = await mountChallenge({ attributes: { 'restart-href': 'javascript:alert(1)' } });
      // Use the challenge up elsewhere: the server no longer knows it.
      await backend.store.verifyTwoFactorChallenge({ challengeId: el.challengeId, method: 'totp', code: await totp(MOCK_TOTP_SECRET, Date.now() - 30_000), trustDevice: false });
      await submit(await totp(MOCK_TOTP_SECRET));
      await until(() => visibleText(el).includes('This sign-in attempt has expired.'));
      expect(within(el).queryByShadowRole('link')).to.equal(null);
      const again = oneEvent(el, 'dn-2fa-challenge-expired');
      (within(el).getByShadowRole('button', { name: 'Sign in again' }) as HTMLButtonElement).click();
      expect((await again).detail.challengeId).to.equal(el.challengeId);
    });

    it('after too many attempts shows the wait and does not send until it is over', async () => {
      const { el, backend } = await mountChallenge();
      let sent = 0;
      backend.use(
        http.post(CHALLENGE, () => {
          sent += 1;
          return HttpResponse.json(
            { type: 'urn:dialnexa:problem:rate-limited', title: 'Too many attempts', status: 429, retryAfter: 60 },
            { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '60' } },
          );
        }),
      );
      const code = await wrongCode();
      await submit(code);
      await until(() => errorOf(codeField()!) !== '', 'the wait');
      expect(errorOf(codeField()!)).to.match(/Too many attempts.*(1 minute|60 seconds)/i);
      expect(codeField()!.value).to.equal(code);
      expect(verifyButton().getAttribute('aria-disabled')).to.equal('true');
      await until(() => document.activeElement === codeField(), 'focus in the field');
      verifyButton().click();
      await sendKeys({ press: 'Enter' });
      // A request would have started within the task of the key press.
      await el.updateComplete;
      await nextTask();
      expect(sent).to.equal(1);
      expect(errorOf(codeField()!)).to.match(/Too many attempts/i);
      // Typing clears the message; pressing Verify during the wait says it again.
      await typeInto(codeField()!, '654321');
      expect(errorOf(codeField()!)).to.equal('');
      await sendKeys({ press: 'Enter' });
      await until(() => /Too many attempts/i.test(errorOf(codeField()!)), 'the wait said again');
      expect(sent).to.equal(1);
      expect(visibleText(el)).not.to.contain("You're verified.");
    });

    it('locks after five wrong codes on the mock itself, with the wait from the server', async () => {
      const { el } = await mountChallenge();
      const code = await wrongCode();
      // Five wrong codes lock the challenge; the sixth attempt hears the wait.
      for (let i = 0; i < 6; i += 1) {
        await submit(code);
        await until(() => errorOf(codeField()!) !== '' && verifyButton().getAttribute('aria-busy') === 'false');
      }
      expect(errorOf(codeField()!)).to.match(/Too many attempts/i);
      expect(visibleText(el)).not.to.contain("You're verified.");
    });
  });

  describe('trusting the device', () => {
    it('says until when the device is trusted and reports it to the host', async () => {
      const { el, backend } = await mountChallenge();
      trustBox().click();
      const verified = oneEvent(el, 'dn-2fa-verified');
      await submit(await totp(MOCK_TOTP_SECRET));
      const { detail } = await verified;
      expect(detail.trusted).to.equal(true);
      const days = (Date.parse(detail.trustedDevice!.expiresAt) - Date.now()) / 86_400_000;
      expect(days).to.be.within(29.9, 30.1);
      expect(visibleText(el)).to.match(/This device is trusted until \w+ \d{1,2}, \d{4}/);
      expect(requestsTo(backend, 'verifyTwoFactorChallenge')[0]!.json).to.include({ trustDevice: true });
    });

    it('labels the checkbox with trust-days and starts checked with trust-device', async () => {
      await mountChallenge({ attributes: { 'trust-days': '1', 'trust-device': '' } });
      await until(() => within(document.body).queryByLabelText('Trust this device for 1 day'));
      expect(trustBox().checked).to.equal(true);
    });
  });

  describe('a new sign-in (a new challenge-id)', () => {
    it('starts over: no "You\'re verified.", "Trust this device" as trust-device says, an empty field', async () => {
      const { el, backend } = await mountChallenge();
      trustBox().click();
      const verified = oneEvent(el, 'dn-2fa-verified');
      await submit(await totp(MOCK_TOTP_SECRET));
      await verified;
      await until(() => el.shadowRoot!.querySelector('[part="status"]')!.textContent!.includes("You're verified."), 'the announcement');

      el.challengeId = backend.store.createSignInChallenge();
      await el.updateComplete;
      await until(() => codeField(), 'the code field again');
      expect(visibleText(el)).not.to.contain("You're verified.");
      expect(el.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim()).to.equal('');
      expect(el.shadowRoot!.querySelector('[part="verified"]')).to.equal(null);
      expect(trustBox().checked).to.equal(false);
      expect(codeField()!.value).to.equal('');
    });

    it('keeps "Trust this device" ticked when trust-device asks for it', async () => {
      const { el, backend } = await mountChallenge({ attributes: { 'trust-device': '' } });
      trustBox().click();
      expect(trustBox().checked).to.equal(false);
      el.challengeId = backend.store.createSignInChallenge();
      await el.updateComplete;
      expect(trustBox().checked).to.equal(true);
    });

    it('ignores the answer about the old sign-in that arrives after it', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let reached = 0;
      const { el } = await mountChallenge({
        setup: (b) =>
          b.use(
            http.post(CHALLENGE, async () => {
              reached += 1;
              await held;
              return HttpResponse.json({ verifiedAt: new Date().toISOString(), trustedDevice: null, backupCodesRemaining: null });
            }),
          ),
      });
      let verified = 0;
      el.addEventListener('dn-2fa-verified', () => (verified += 1));
      await submit('123456');
      await until(() => reached === 1, 'the code to reach the server');
      el.challengeId = 'chl_next';
      await el.updateComplete;
      expect(verifyButton().getAttribute('aria-busy')).to.equal('false');
      release();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await el.updateComplete;
      expect(verified).to.equal(0);
      expect(visibleText(el)).not.to.contain("You're verified.");
      expect(codeField()).to.exist;
    });
  });

  describe('backup codes', () => {
    it('works once, says how many are left, and is refused the second time', async () => {
      const { el, backend } = await mountChallenge();
      const codes = await backupCodes(backend);
      switchButton().click();
      await until(() => codeField()?.getAttribute('autocomplete') === 'off');
      const verified = oneEvent(el, 'dn-2fa-verified');
      await submit(codes[0]!.toUpperCase());
      expect((await verified).detail).to.include({ method: 'backup', backupCodesRemaining: 9 });
      await until(() => visibleText(el).includes('You have 9 backup codes left.'));
      expect(el.shadowRoot!.querySelector('[part="warning"]')).to.equal(null);

      // A second sign-in with the same code.
      el.challengeId = backend.store.createSignInChallenge();
      await until(() => codeField(), 'a fresh step');
      switchButton().click();
      await until(() => codeField()?.getAttribute('autocomplete') === 'off');
      await submit(codes[0]!);
      await until(() => errorOf(codeField()!) !== '');
      expect(errorOf(codeField()!)).to.equal('That backup code was already used. Each one works once: try another.');
      expect(codeField()!.value).to.equal(codes[0]);
    });

    it('says a wrong backup code is wrong', async () => {
      await mountChallenge();
      switchButton().click();
      await until(() => codeField()?.getAttribute('autocomplete') === 'off');
      await submit('zzzz-zzzz');
      await until(() => errorOf(codeField()!) !== '');
      expect(errorOf(codeField()!)).to.equal("That backup code isn't right. Check it and try again.");
    });

    it('suggests new codes, linking backup-codes-href, when few are left', async () => {
      const { el, backend } = await mountChallenge({ attributes: { 'backup-codes-href': '/settings#security/two-factor' } });
      const codes = await backupCodes(backend);
      for (const code of codes.slice(0, 7)) {
        await backend.store.verifyTwoFactorChallenge({ challengeId: backend.store.createSignInChallenge(), method: 'backup', code, trustDevice: false });
      }
      switchButton().click();
      await until(() => codeField()?.getAttribute('autocomplete') === 'off');
      await submit(codes[7]!);
      await until(() => visibleText(el).includes('You have 2 backup codes left.'));
      const warning = el.shadowRoot!.querySelector('[part="warning"]')!;
      expect(warning.textContent).to.contain('Generate new backup codes so you can still sign in');
      expect(within(el).getByShadowRole('link', { name: 'Generate new backup codes' }).getAttribute('href')).to.equal('/settings#security/two-factor');
    });
  });

  describe('the whole loop, on one mock backend', () => {
    it('turn 2FA on in dn-2fa-setup, pass the challenge trusting the device, see it in dn-trusted-devices', async () => {
      const { el: setup, backend } = await mount<Dn2faSetup>(html`<dn-2fa-setup></dn-2fa-setup>`, { reauth: 'never' });
      within(setup).getByShadowRole('button', { name: 'Turn on two-factor authentication' }).click();
      await until(() => setup.shadowRoot!.querySelector('[part="key"]'), 'the setup step');
      const secret = setup.shadowRoot!.querySelector('[part="key"]')!.textContent!.replace(/\s/g, '');
      const setupField = document.querySelector<HTMLInputElement>('dn-2fa-setup input[autocomplete="one-time-code"]')!;
      await typeInto(setupField, await totp(secret));
      await sendKeys({ press: 'Enter' });
      await until(() => setup.shadowRoot!.querySelectorAll('[part="codes"] li').length === 10, 'the backup codes');
      const shownCodes = [...setup.shadowRoot!.querySelectorAll('[part="codes"] li')].map((li) => li.textContent!.trim());

      // Sign-in page: the challenge element on the same backend (the next time step: the setup code is spent).
      const challengeId = backend.store.createSignInChallenge();
      const challenge = document.createElement('dn-2fa-challenge');
      challenge.challengeId = challengeId;
      const page = setup.parentElement!;
      setup.remove();
      page.append(challenge);
      await until(() => codeField(), 'the challenge form');
      trustBox().click();
      const verified = oneEvent(challenge, 'dn-2fa-verified');
      await submit(await totp(secret, Date.now() + 30_000));
      const { detail } = await verified;
      expect(detail.trusted).to.equal(true);

      const devices = document.createElement('dn-trusted-devices') as DnTrustedDevices;
      // Back in the account settings.
      challenge.remove();
      page.append(devices);
      await until(() => backend.store.listTrustedDevices().items.some((d) => d.id === detail.trustedDevice!.id));
      await until(() => devices.shadowRoot?.querySelector('[part="device"]'), 'the trusted devices');
      const first = devices.shadowRoot!.querySelector('[part="device"]')!;
      expect(first.textContent).to.contain(`${detail.trustedDevice!.browser} on ${detail.trustedDevice!.os}`);
      expect(first.textContent).to.contain('This device');
      expect(visibleText(first)).to.match(/Trusted until \w+ \d{1,2}, \d{4}/);

      // A backup code shown by the setup works once on a new sign-in, and not twice.
      devices.remove();
      challenge.challengeId = backend.store.createSignInChallenge();
      page.append(challenge);
      await until(() => codeField(), 'a fresh step');
      switchButton().click();
      await until(() => codeField()?.getAttribute('autocomplete') === 'off');
      await submit(shownCodes[0]!);
      await until(() => visibleText(challenge).includes('You have 9 backup codes left.'));
      challenge.challengeId = backend.store.createSignInChallenge();
      await until(() => codeField(), 'a fresh step');
      switchButton().click();
      await until(() => codeField()?.getAttribute('autocomplete') === 'off');
      await submit(shownCodes[0]!);
      await until(() => errorOf(codeField()!).includes('already used'));
    });
  });

  describe('languages', () => {
    for (const [locale, title, verify] of [
      ['de', 'Zwei-Faktor-Authentifizierung', 'Bestätigen'],
      ['es', 'Verificación en dos pasos', 'Verificar'],
      ['ar', 'المصادقة الثنائية', 'تحقّق'],
    ] as const) {
      it(`speaks ${locale}`, async () => {
        const { el } = await mountChallenge({ locale });
        await until(() => visibleText(el).includes(title), `${locale} strings`);
        expect(visibleText(el)).to.contain(verify);
        expect(el.getAttribute('dir')).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
      });
    }
  });

  it('leaves nothing typed in the page once removed', async () => {
    const { el } = await mountChallenge();
    await typeInto(codeField()!, '123456');
    el.remove();
    expect(el.querySelector('input')).to.equal(null);
  });

  it('slow answers: removed mid-request, nothing is shown and nothing fails', async () => {
    // The server holds its (valid) answer until the element has left.
    let reached = 0;
    let answered = false;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { el } = await mountChallenge({
      setup: (b) =>
        b.use(
          http.post(CHALLENGE, async () => {
            reached += 1;
            await held;
            answered = true;
            return HttpResponse.json({ verifiedAt: new Date().toISOString(), trustedDevice: null, backupCodesRemaining: null });
          }),
        ),
    });
    // A valid answer arrives after the removal: only the aborted request keeps it from counting.
    let verified = 0;
    el.addEventListener('dn-2fa-verified', () => (verified += 1));
    await submit('123456');
    await until(() => reached === 1, 'the code to reach the server');
    expect(verifyButton().getAttribute('aria-busy')).to.equal('true');
    el.remove();
    release();
    await until(() => answered, 'the server to answer');
    await nextTask();
    await el.updateComplete;
    expect(reached, 'nothing sent again').to.equal(1);
    expect(visibleText(el)).not.to.contain("You're verified.");
    expect(el.shadowRoot!.querySelector('[part="verified"]')).to.equal(null);
    expect(verified, 'no dn-2fa-verified from an element that left').to.equal(0);
  });
});
