import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import decodeQR from 'qr/decode.js';
import { within } from 'shadow-dom-testing-library';
import { MOCK_PASSWORD, MOCK_USER, totp } from '../../mock/index.js';
import type { Dn2faSetup } from '../../src/components/2fa-setup/2fa-setup.js';
import '../../src/components/2fa-setup/2fa-setup.js';
import { isQrLoaded } from '../../src/internal/qr.js';
import { mount, pasteInto, requestsTo, typeInto, until, visibleText, type MountOptions, errorOf, statusOf } from '../helpers/fixture.js';
import { usernameBeside } from '../helpers/username.js';
import type { AccountStore } from '../../src/api/resource-store.js';

const mount2fa = (options: MountOptions = {}) => mount<Dn2faSetup>(html`<dn-2fa-setup></dn-2fa-setup>`, { reauth: 'never', ...options });

const button = (el: HTMLElement, name: string | RegExp) => within(el).getByShadowRole('button', { name }) as HTMLButtonElement;
const queryButton = (el: HTMLElement, name: string | RegExp) => within(el).queryByShadowRole('button', { name }) as HTMLButtonElement | null;
/** The code field: in the element's light DOM, found from the document. */
const codeInput = () => document.querySelector<HTMLInputElement>('dn-2fa-setup input[autocomplete="one-time-code"]')!;
const passwordInput = () => document.querySelector<HTMLInputElement>('dn-2fa-setup input[autocomplete="current-password"]')!;
const keyShown = (el: HTMLElement) => el.shadowRoot!.querySelector('[part="key"]')?.textContent?.trim() ?? '';
const codesShown = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('[part="codes"] li')].map((li) => li.textContent!.trim());
/** The private fields that hold secrets: checked, because leaving the DOM is not enough. */
const secretsHeld = (el: HTMLElement) => {
  const fields = el as unknown as { setup?: unknown; codesView: { codes?: unknown } };
  return [fields.setup, fields.codesView.codes];
};
/** What a scanner reads from the QR code as drawn (its pixels, quiet zone included). */
const scanQr = (canvas: HTMLCanvasElement) => {
  const image = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  return decodeQR({ width: image.width, height: image.height, data: image.data });
};
/** Everything the element holds in its DOM, shadow and light. */
const allMarkup = (el: HTMLElement) => el.shadowRoot!.innerHTML + el.innerHTML;

const fewCodes = http.get('/api/account/two-factor', () =>
  HttpResponse.json({ enabled: true, enabledAt: new Date().toISOString(), backupCodesRemaining: 3, recommended: false }),
);

async function startSetup(el: Dn2faSetup): Promise<string> {
  button(el, 'Turn on two-factor authentication').click();
  await until(() => keyShown(el) && codeInput(), 'the setup step');
  return keyShown(el).replace(/\s/g, '');
}

/** A 6-digit code the mock refuses (not the current one, nor its neighbours). */
async function wrongCode(secret: string): Promise<string> {
  const near = await Promise.all([-1, 0, 1].map((step) => totp(secret, Date.now() + step * 30_000)));
  for (let n = 0; ; n += 1) {
    const candidate = String(n).padStart(6, '0');
    if (!near.includes(candidate)) return candidate;
  }
}

async function submitCode(code: string): Promise<void> {
  await typeInto(codeInput(), code);
  await sendKeys({ press: 'Enter' });
}

/** Turns 2FA on through the UI with a real TOTP code; returns the key and the code used. */
async function enable(el: Dn2faSetup): Promise<{ secret: string; code: string }> {
  const secret = await startSetup(el);
  const code = await totp(secret);
  await submitCode(code);
  await until(() => codesShown(el).length === 10, 'the backup codes');
  return { secret, code };
}

/** Presses "Download (.txt)" and returns the file's name and text (the object URL revoked after). */
async function download(el: Dn2faSetup): Promise<{ name: string; text: string }> {
  const blobs: Blob[] = [];
  const clicked: HTMLAnchorElement[] = [];
  const revoked: string[] = [];
  const { createObjectURL, revokeObjectURL } = URL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (blob: Blob) => {
    blobs.push(blob);
    return createObjectURL(blob);
  };
  URL.revokeObjectURL = (url: string) => {
    revoked.push(url);
    revokeObjectURL(url);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    clicked.push(this);
  };
  try {
    button(el, 'Download (.txt)').click();
  } finally {
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
    HTMLAnchorElement.prototype.click = click;
  }
  expect(clicked).to.have.length(1);
  expect(revoked).to.deep.equal([clicked[0]!.href]);
  return { name: clicked[0]!.download, text: await blobs[0]!.text() };
}

describe('dn-2fa-setup', () => {
  it('is accessible', async () => {
    const { el } = await mount2fa();
    await expect(el).to.be.accessible();
  });

  // Before any other test opens the setup: the flag is per page.
  it('loads the QR library only when the setup opens and draws a named QR code, with the key in groups of four', async () => {
    const { el } = await mount2fa();
    expect(isQrLoaded()).to.equal(false);
    expect(el.shadowRoot!.querySelector('canvas')).to.equal(null);
    const secret = await startSetup(el);
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    await until(() => canvas.width > 0, 'the QR drawn');
    expect(isQrLoaded()).to.equal(true);
    expect(within(el).getByShadowRole('img', { name: 'QR code for your authenticator app' })).to.equal(canvas);
    // Dark modules were drawn inside a light quiet zone.
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    expect(pixels[0]).to.equal(255);
    expect([...pixels].some((value, i) => i % 4 === 0 && value === 0)).to.equal(true);

    expect(secret).to.match(/^[A-Z2-7]{32}$/);
    // A scanner reads the key URI of this setup from it.
    const [path, query] = scanQr(canvas).split('?');
    expect(path).to.match(/^otpauth:\/\/totp\/DialNexa:\S+@\S+$/);
    const params = new URLSearchParams(query);
    expect(params.get('secret')).to.equal(secret);
    expect(params.get('issuer')).to.equal('DialNexa');
    const key = el.shadowRoot!.querySelector('[part="key"]')!;
    expect(key.textContent!.trim()).to.equal(secret.match(/.{4}/g)!.join(' '));
    expect(key.getAttribute('dir')).to.equal('ltr');
    expect(getComputedStyle(key).fontFamily).to.match(/mono/i);
  });

  it('is accessible on the setup and backup-code steps, in dark and right-to-left', async () => {
    const { el } = await mount2fa({ theme: 'dark', locale: 'ar' });
    within(el).getAllByShadowRole('button')[0]!.click();
    await until(() => keyShown(el) && el.shadowRoot!.querySelector('canvas')!.width > 0);
    await expect(el).to.be.accessible();
    // Dark on light in the dark theme too: still readable.
    const scanned = new URLSearchParams(scanQr(el.shadowRoot!.querySelector('canvas')!).split('?')[1]);
    expect(scanned.get('secret')).to.equal(keyShown(el).replace(/\s/g, ''));
    const code = await totp(keyShown(el).replace(/\s/g, ''));
    await submitCode(code);
    await until(() => codesShown(el).length === 10);
    await expect(el).to.be.accessible();
  });

  it('is accessible while on with few backup codes left', async () => {
    const { el } = await mount2fa({ setup: (b) => b.use(fewCodes) });
    expect(el.shadowRoot!.querySelector('[part="warning"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  describe('by default', () => {
    it('shows 2FA off and recommends it to admins and owners', async () => {
      const { el } = await mount2fa();
      const text = visibleText(el);
      expect(text).to.contain('Status: Off');
      expect(el.shadowRoot!.querySelector('[part="recommendation"]')!.textContent).to.contain('We recommend two-factor authentication');
    });

    it('shows 2FA on, since when, and the backup codes left', async () => {
      const { el } = await mount2fa({ twoFactorEnabled: true });
      const text = visibleText(el);
      expect(text).to.contain('Status: On');
      expect(text).to.match(/Turned on \w{3} \d{1,2}, \d{4}\./);
      expect(text).to.contain('Backup codes left: 8.');
      expect(el.shadowRoot!.querySelector('[part="warning"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part="recommendation"]')).to.equal(null);
    });

    it('warns when 3 or fewer backup codes are left', async () => {
      const { el } = await mount2fa({ setup: (b) => b.use(fewCodes) });
      expect(el.shadowRoot!.querySelector('[part="warning"]')!.textContent).to.contain('Only 3 backup codes left');
    });
  });

  describe('when the user turns 2FA on', () => {
    it('offers one code field autofill reaches, in the light DOM', async () => {
      const { el } = await mount2fa();
      await startSetup(el);
      const input = codeInput();
      expect(input.closest('dn-2fa-setup')).to.equal(el);
      expect(input.getRootNode()).to.equal(document);
      expect(input.getAttribute('inputmode')).to.equal('numeric');
      expect(input.getAttribute('pattern')).to.equal('[0-9]{6}');
      expect(document.querySelectorAll('input[autocomplete="one-time-code"]')).to.have.length(1);
      expect(within(el).getByShadowLabelText('Authentication code')).to.equal(input);
    });

    it('accepts a pasted code with spaces or dashes', async () => {
      const { el } = await mount2fa();
      await startSetup(el);
      pasteInto(codeInput(), '123 456');
      expect(codeInput().value).to.equal('123456');
      pasteInto(codeInput(), '654-321');
      expect(codeInput().value).to.equal('654321');
    });

    it('turns on with the current code from the key on screen, shows the 10 codes once, and finishes', async () => {
      const { el, backend } = await mount2fa();
      const { secret, code } = await enable(el);

      expect(requestsTo(backend, 'verifyTwoFactorSetup').map((r) => [r.status, (r.json as { code: string }).code])).to.deep.equal([[200, code]]);
      expect(backend.store.twoFactorSecret()).to.equal(secret);
      expect(codesShown(el)).to.have.members(backend.store.unusedBackupCodes());
      await until(() => statusOf(el) === 'Two-factor authentication is on.');
      expect(allMarkup(el), 'the key left the DOM').not.to.contain(secret.slice(0, 4) + ' ' + secret.slice(4, 8));
      expect(el.shadowRoot!.querySelector('canvas')).to.equal(null);

      // The confirmation gates Finish.
      let enabledEvents = 0;
      el.addEventListener('dn-2fa-enabled', () => (enabledEvents += 1));
      button(el, 'Finish').click();
      await el.updateComplete;
      expect(enabledEvents).to.equal(0);
      expect(visibleText(el)).to.contain('Confirm that you saved your backup codes.');
      expect(codesShown(el)).to.have.length(10);

      const enabled = oneEvent(el, 'dn-2fa-enabled');
      within(el).getByShadowRole('checkbox', { name: 'I have saved my backup codes' }).click();
      button(el, 'Finish').click();
      const event = await enabled;
      expect(event.detail.status).to.deep.include({ enabled: true, backupCodesRemaining: 10 });
      expect(JSON.stringify(event.detail)).not.to.contain(backend.store.unusedBackupCodes()[0]);
      await el.updateComplete;
      expect(visibleText(el)).to.contain('Status: On');
      expect(visibleText(el)).to.contain('Backup codes left: 10.');
      for (const backup of backend.store.unusedBackupCodes()) expect(allMarkup(el)).not.to.contain(backup);
      expect(secretsHeld(el), 'the fields let go of the codes').to.deep.equal([undefined, undefined]);
    });

    it('refuses a wrong code at the field, keeping focus, then accepts the right one', async () => {
      const { el, backend } = await mount2fa();
      const secret = await startSetup(el);
      await submitCode(await wrongCode(secret));
      await until(() => /That code isn't right/.test(errorOf(codeInput())));
      expect(codeInput().getAttribute('aria-invalid')).to.equal('true');
      expect(document.activeElement).to.equal(codeInput());
      expect(requestsTo(backend, 'verifyTwoFactorSetup')[0]!.status).to.equal(422);

      await submitCode(await totp(secret));
      await until(() => codesShown(el).length === 10);
    });

    it('asks for 6 digits before sending anything', async () => {
      const { backend, el } = await mount2fa();
      await startSetup(el);
      await submitCode('123');
      await until(() => errorOf(codeInput()) === 'Enter the 6 digits from your authenticator app.');
      expect(requestsTo(backend, 'verifyTwoFactorSetup')).to.have.length(0);
    });

    it('sends one verification however often the user submits', async () => {
      const { el, backend } = await mount2fa({ latencyMs: 200 });
      const secret = await startSetup(el);
      await typeInto(codeInput(), await totp(secret));
      const verify = () => within(el).getByShadowRole('button', { name: /Verify and turn on|Verifying/ });
      verify().click();
      verify().click();
      await sendKeys({ press: 'Enter' });
      await until(() => codesShown(el).length === 10);
      expect(requestsTo(backend, 'verifyTwoFactorSetup')).to.have.length(1);
    });

    it('says when the setup expired and starts over with a new key', async () => {
      const { el, backend } = await mount2fa();
      const first = await startSetup(el);
      backend.use(
        http.post('/api/account/two-factor/setup/verify', () =>
          HttpResponse.json(
            { type: 'urn:dialnexa:problem:setup-expired', title: 'Setup expired', status: 410 },
            { status: 410, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      );
      await submitCode(await totp(first));
      await until(() => /This setup has expired/.test(visibleText(el)));
      expect(allMarkup(el)).not.to.contain(first.slice(0, 4) + ' ' + first.slice(4, 8));
      backend.resetHandlers();
      button(el, 'Start over').click();
      await until(() => keyShown(el) && keyShown(el).replace(/\s/g, '') !== first, 'a new key');
      expect(requestsTo(backend, 'startTwoFactorSetup')).to.have.length(2);
    });

    it('says how long to wait when rate limited', async () => {
      const { el, backend } = await mount2fa();
      const secret = await startSetup(el);
      backend.use(
        http.post('/api/account/two-factor/setup/verify', () =>
          HttpResponse.json(
            { type: 'urn:dialnexa:problem:rate-limited', title: 'Too many', status: 429, retryAfter: 60 },
            { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '60' } },
          ),
        ),
      );
      const code = await totp(secret);
      await submitCode(code);
      await until(() => /Too many attempts\. You can try again in 1 minute/.test(visibleText(el)), 'the wait');
      expect(codeInput().value).to.equal(code);
    });

    it('cancels: back to the status, the key gone', async () => {
      const { el } = await mount2fa();
      const secret = await startSetup(el);
      const grouped = keyShown(el);
      button(el, 'Cancel').click();
      await el.updateComplete;
      expect(visibleText(el)).to.contain('Status: Off');
      expect(allMarkup(el)).not.to.contain(grouped);
      expect(allMarkup(el)).not.to.contain(secret);
      expect(codeInput()).to.equal(null);
      expect(secretsHeld(el), 'the fields let go of the key').to.deep.equal([undefined, undefined]);
    });

    it('forgets the key when the element leaves the page', async () => {
      const { el, provider } = await mount2fa();
      await startSetup(el);
      const grouped = keyShown(el);
      el.remove();
      await el.updateComplete;
      expect(allMarkup(el)).not.to.contain(grouped);
      expect(el.querySelector('input')).to.equal(null);
      expect(secretsHeld(el), 'the fields let go of the key').to.deep.equal([undefined, undefined]);
      expect(provider.isConnected).to.equal(true);
    });

    it('copies the key and announces it; says so when copying fails', async () => {
      const { el } = await mount2fa();
      const secret = await startSetup(el);
      const copied: string[] = [];
      const original = navigator.clipboard.writeText;
      navigator.clipboard.writeText = (text: string) => {
        copied.push(text);
        return Promise.resolve();
      };
      try {
        button(el, 'Copy key').click();
        await until(() => statusOf(el) === 'Key copied.');
        expect(copied).to.deep.equal([secret]);
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
        button(el, 'Copy key').click();
        await until(() => /Couldn't copy/.test(visibleText(el)));
      } finally {
        navigator.clipboard.writeText = original;
      }
    });

    it('downloads the codes as a .txt file that says what they are for, whose they are, when and how to use them', async () => {
      const { el, backend } = await mount2fa();
      await enable(el);
      const { name, text } = await download(el);
      expect(name).to.equal('dialnexa-backup-codes.txt');
      const lines = text.split('\n');
      // The service is the name the authenticator app shows (the setup's issuer), the account its email.
      expect(lines[0]).to.equal('Backup codes for DialNexa');
      expect(text).to.contain(`Account: ${MOCK_USER.email}`);
      expect(text).to.match(/Generated \w+ \d{1,2}, \d{4}/);
      expect(text).to.contain('When you sign in to DialNexa and cannot use your authenticator app, choose "Use a backup code instead"');
      for (const code of backend.store.unusedBackupCodes()) expect(text).to.contain(code);
      expect(lines.filter((line) => backend.store.unusedBackupCodes().includes(line))).to.have.length(10);
    });

    it('names the service-name the host gives, and the account also for new codes with no profile on the page', async () => {
      const { el, backend } = await mount2fa({ twoFactorEnabled: true });
      el.serviceName = 'Northwind Calls';
      button(el, 'Generate new backup codes').click();
      await until(() => passwordInput());
      await typeInto(passwordInput(), MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
      await until(() => codesShown(el).length === 10);
      await until(() => requestsTo(backend, 'getProfile').length === 1, 'the account asked for');
      const { name, text } = await download(el);
      expect(name).to.equal('northwind-calls-backup-codes.txt');
      expect(text.split('\n')[0]).to.equal('Backup codes for Northwind Calls');
      expect(text).to.contain(`Account: ${MOCK_USER.email}`);
      expect(text).to.contain('When you sign in to Northwind Calls');
    });

    it('falls back to the page\'s host for the service', async () => {
      const { el } = await mount2fa({ twoFactorEnabled: true });
      button(el, 'Generate new backup codes').click();
      await until(() => passwordInput());
      await typeInto(passwordInput(), MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
      await until(() => codesShown(el).length === 10);
      const { text } = await download(el);
      expect(text.split('\n')[0]).to.equal(`Backup codes for ${location.host}`);
    });

    it('prints only the codes, from a frame that leaves the page after printing', async () => {
      const { el, backend } = await mount2fa();
      await enable(el);
      // Headless Chromium's print() returns at once; what matters is what the frame holds.
      button(el, 'Print').click();
      const frame = document.querySelector<HTMLIFrameElement>('body > iframe[aria-hidden="true"]');
      expect(frame, 'the print frame').to.exist;
      const items = [...frame!.contentDocument!.querySelectorAll('ol > li')].map((li) => li.textContent);
      expect(items).to.deep.equal(backend.store.unusedBackupCodes());
      expect(frame!.contentDocument!.querySelector('script, img')).to.equal(null);
      frame!.contentWindow!.dispatchEvent(new Event('afterprint'));
      expect(document.querySelector('body > iframe[aria-hidden="true"]')).to.equal(null);
    });

    it('copies the codes', async () => {
      const { el, backend } = await mount2fa();
      await enable(el);
      const copied: string[] = [];
      const original = navigator.clipboard.writeText;
      navigator.clipboard.writeText = (text: string) => {
        copied.push(text);
        return Promise.resolve();
      };
      try {
        button(el, 'Copy').click();
        await until(() => statusOf(el) === 'Backup codes copied.');
      } finally {
        navigator.clipboard.writeText = original;
      }
      expect(copied[0]!.split('\n')).to.have.members(backend.store.unusedBackupCodes());
    });

    it('asks "Confirm it\'s you" when the server wants it, then shows the setup', async () => {
      const { el, backend } = await mount2fa({ reauth: 'always' });
      button(el, 'Turn on two-factor authentication').click();
      await until(() => within(document.body).queryByShadowLabelText('Password'));
      const password = within(document.body).getByShadowLabelText('Password') as HTMLInputElement;
      await typeInto(password, MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
      await until(() => keyShown(el));
      expect(requestsTo(backend, 'startTwoFactorSetup').map((r) => r.status)).to.deep.equal([403, 200]);
    });

    it('works with the keyboard only', async () => {
      const { el } = await mount2fa();
      button(el, 'Turn on two-factor authentication').focus();
      await sendKeys({ press: 'Enter' });
      await until(() => keyShown(el) && codeInput());
      await until(() => el.shadowRoot!.activeElement?.classList.contains('subtitle'), 'focus on the step heading');
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Copy key');
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(codeInput());
      await sendKeys({ type: await totp(keyShown(el).replace(/\s/g, '')) });
      await sendKeys({ press: 'Enter' });
      await until(() => codesShown(el).length === 10);
      await until(() => el.shadowRoot!.activeElement?.classList.contains('subtitle'));
      const checkbox = within(el).getByShadowRole('checkbox', { name: 'I have saved my backup codes' });
      checkbox.focus();
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      const finished = oneEvent(el, 'dn-2fa-enabled');
      await sendKeys({ press: 'Enter' });
      await finished;
    });
  });

  describe('when 2FA is on', () => {
    it('turns off with the password', async () => {
      const { el, backend, provider } = await mount2fa({ twoFactorEnabled: true });
      (provider as unknown as { providedStore: AccountStore }).providedStore.set('profile', backend.store.getProfile());
      button(el, 'Turn off').click();
      await until(() => passwordInput());
      // Password managers see whose password it is.
      expect(usernameBeside(passwordInput()).value).to.equal(backend.store.getProfile().email);
      expect(passwordInput().getRootNode()).to.equal(document);
      await typeInto(passwordInput(), 'wrong');
      await sendKeys({ press: 'Enter' });
      await until(() => errorOf(passwordInput()) === "That password isn't right.");
      expect(passwordInput().value).to.equal('wrong');

      const disabled = oneEvent(el, 'dn-2fa-disabled');
      await typeInto(passwordInput(), MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
      expect((await disabled).detail.status.enabled).to.equal(false);
      expect(requestsTo(backend, 'disableTwoFactor').at(-1)!.json).to.deep.equal({ method: 'password', password: MOCK_PASSWORD });
      await until(() => statusOf(el) === 'Two-factor authentication is off.');
      expect(visibleText(el)).to.contain('Status: Off');
      expect(document.querySelector('input[type="password"]'), 'the password leaves the page').to.equal(null);
    });

    it('turns off with a current code, and refuses a reused one', async () => {
      const { el, backend } = await mount2fa();
      const { code } = await enable(el);
      within(el).getByShadowRole('checkbox', { name: 'I have saved my backup codes' }).click();
      button(el, 'Finish').click();
      await until(() => queryButton(el, 'Turn off'));
      button(el, 'Turn off').click();
      await until(() => passwordInput());
      within(document.body).getByShadowRole('radio', { name: 'Authentication code' }).click();
      await until(() => codeInput());
      // The code that turned 2FA on was used already.
      await submitCode(code);
      await until(() => errorOf(codeInput()) === 'That code was already used. Wait for the next one.');
      expect(backend.store.twoFactorSecret()).not.to.equal(null);

      const disabled = oneEvent(el, 'dn-2fa-disabled');
      await submitCode(await backend.store.currentTotp(1));
      await disabled;
      expect(requestsTo(backend, 'disableTwoFactor').at(-1)!.json).to.deep.include({ method: 'totp' });
      expect(backend.store.twoFactorSecret()).to.equal(null);
    });

    it('generates new backup codes: shown once, the old set refused', async () => {
      const { el, backend } = await mount2fa({ twoFactorEnabled: true });
      const old = backend.store.unusedBackupCodes();
      button(el, 'Generate new backup codes').click();
      await until(() => passwordInput());
      const regenerated = oneEvent(el, 'dn-backup-codes-regenerated');
      await typeInto(passwordInput(), MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
      const event = await regenerated;
      expect(event.detail.count).to.equal(10);
      await until(() => codesShown(el).length === 10);
      const fresh = codesShown(el);
      expect(fresh).to.have.members(backend.store.unusedBackupCodes());
      for (const code of old) expect(backend.store.unusedBackupCodes()).not.to.include(code);
      expect(visibleText(el)).to.contain('Your old backup codes no longer work.');
      within(el).getByShadowRole('checkbox', { name: 'I have saved my backup codes' }).click();
      button(el, 'Finish').click();
      await el.updateComplete;
      expect(visibleText(el)).to.contain('Backup codes left: 10.');
      for (const code of fresh) expect(allMarkup(el)).not.to.contain(code);
    });

    it('asks "Confirm it\'s you" around turning off when the server wants it', async () => {
      const { el, backend } = await mount2fa({ twoFactorEnabled: true, reauth: 'always' });
      button(el, 'Turn off').click();
      await until(() => passwordInput());
      await typeInto(passwordInput(), MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
      const dialog = await until(() => document.querySelector('dn-reauth-dialog')).then(() => document.querySelector('dn-reauth-dialog')!);
      await until(() => within(dialog).queryByShadowLabelText('Password'));
      await typeInto(within(dialog).getByShadowLabelText('Password'), MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
      await until(() => /Status: Off/.test(visibleText(el)));
      expect(requestsTo(backend, 'disableTwoFactor').map((r) => r.status)).to.deep.equal([403, 200]);
    });
  });
});
