import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse, delay } from 'msw';
import { screen, within } from 'shadow-dom-testing-library';
import { DnProfileForm } from '../../src/components/profile-form/profile-form.js';
import '../../src/components/profile-form/profile-form.js';
import { mount, nextFrame, pasteInto, requestsTo, typeInto, until, visibleText, type MountOptions, errorOf, statusOf } from '../helpers/fixture.js';
import { PNG_1X1, SVG_BYTES, canvasImage, pngOfSize } from '../mock/helpers.js';
import { overflowing } from '../helpers/overflow.js';

const mountForm = (options: MountOptions = {}) => mount<DnProfileForm>(html`<dn-profile-form></dn-profile-form>`, options);

const field = (el: HTMLElement, label: string | RegExp) => within(el).getByShadowLabelText(label) as HTMLInputElement;
const button = (el: HTMLElement, name: string | RegExp) => within(el).getByShadowRole('button', { name }) as HTMLButtonElement;

async function chooseFile(el: DnProfileForm, file: File): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('dn-profile-form', () => {
  it('is accessible', async () => {
    const { el } = await mountForm();
    await expect(el).to.be.accessible();
  });

  it('is accessible in dark, compact and right-to-left', async () => {
    const { el } = await mountForm({ theme: 'dark', density: 'compact', locale: 'ar' });
    await until(() => visibleText(el).includes('الملف الشخصي'), 'Arabic strings');
    expect(el.getAttribute('dir')).to.equal('rtl');
    await expect(el).to.be.accessible();
  });

  describe('by default', () => {
    it('shows the profile from the server', async () => {
      const { el, backend } = await mountForm();
      expect(field(el, 'Display name').value).to.equal('Amira Haddad');
      expect(field(el, 'Email').value).to.equal('amira@northwind-calls.example');
      expect(field(el, 'Email').readOnly).to.equal(true);
      expect(field(el, /Phone/).value).to.equal(backend.store.getProfile().phone);
      expect(field(el, 'Time zone').value).to.equal('Europe/Berlin');
      expect(field(el, /Company/).value).to.equal('Northwind Calls');
      expect(field(el, /Bio/).value).to.equal(backend.store.getProfile().bio);
      expect((within(el).getByShadowRole('combobox', { name: 'Language' }) as HTMLSelectElement).value).to.equal('en');
    });

    it('shows a loading state until the profile arrives', async () => {
      const { el } = await mountForm({
        setup: (backend) => backend.use(http.get('/api/account/profile', () => delay('infinite'))),
        timeoutMs: 60000,
        settle: false,
      });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="loading"]')).to.exist;
      expect(el.shadowRoot!.querySelector('[part="loading"]')!.getAttribute('aria-busy')).to.equal('true');
    });

    it('offers Save only once something changed, and Discard puts it back', async () => {
      const { el, backend } = await mountForm();
      const save = button(el, 'Save changes');
      expect(save.getAttribute('aria-disabled')).to.equal('true');
      save.click();
      await el.updateComplete;
      expect(requestsTo(backend, 'updateProfile')).to.have.length(0);

      await typeInto(field(el, /Company/), 'Northwind Calls GmbH');
      await el.updateComplete;
      expect(save.getAttribute('aria-disabled')).to.equal('false');

      button(el, 'Discard changes').click();
      await el.updateComplete;
      expect(field(el, /Company/).value).to.equal('Northwind Calls');
      expect(save.getAttribute('aria-disabled')).to.equal('true');
    });
  });

  describe('when the user saves', () => {
    it('sends only what changed, announces success and emits dn-profile-saved', async () => {
      const { el, backend } = await mountForm();
      await typeInto(field(el, 'Display name'), '  Amira H.  ');
      await typeInto(field(el, /Company/), '');
      const saved = oneEvent(el, 'dn-profile-saved');
      button(el, 'Save changes').click();
      const event = await saved;

      const [request] = requestsTo(backend, 'updateProfile');
      expect(request!.method).to.equal('PATCH');
      expect(request!.json).to.deep.equal({ displayName: 'Amira H.', company: null });
      expect(event.detail.changed).to.have.members(['displayName', 'company']);
      expect(event.detail.profile.displayName).to.equal('Amira H.');
      await until(() => statusOf(el) === 'Profile saved.', 'the success announcement');
      expect(field(el, 'Display name').value).to.equal('Amira H.');
      expect(backend.store.getProfile().company).to.equal(null);
    });

    it('submits with Enter from a field, and sends one request however often Save is pressed', async () => {
      const { el, backend } = await mountForm({ latencyMs: 150 });
      await typeInto(field(el, /Company/), 'Acme');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const save = button(el, /Sav/);
      expect(save.getAttribute('aria-busy')).to.equal('true');
      save.click();
      save.click();
      await until(() => statusOf(el) === 'Profile saved.');
      expect(requestsTo(backend, 'updateProfile')).to.have.length(1);
    });

    it('saves the language chosen from the list', async () => {
      const { el, backend } = await mountForm();
      const select = within(el).getByShadowRole('combobox', { name: 'Language' }) as HTMLSelectElement;
      select.value = 'de';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      button(el, 'Save changes').click();
      await until(() => statusOf(el) === 'Profile saved.');
      expect(requestsTo(backend, 'updateProfile')[0]!.json).to.deep.equal({ language: 'de' });
    });

    it('fills in the current time zone on request', async () => {
      const { el } = await mountForm();
      const current = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (current === 'Europe/Berlin') return;
      button(el, /Use my current time zone/).click();
      await el.updateComplete;
      expect(field(el, 'Time zone').value).to.equal(current);
    });
  });

  describe('with the keyboard only', () => {
    it('reaches every control in order with Tab and saves with Enter on Save', async () => {
      const { el, backend } = await mountForm();
      const focusedName = () => {
        const active = el.shadowRoot!.activeElement as HTMLElement | null;
        if (!active) return '';
        const label = active.id ? el.shadowRoot!.querySelector(`label[for="${active.id}"]`) : null;
        return (label?.textContent ?? active.textContent ?? '').replace(/\s+/g, ' ').trim();
      };
      within(el).getByShadowRole('button', { name: 'Upload photo' }).focus();
      const visited: string[] = [focusedName()];
      for (let i = 0; i < 14 && !visited.includes('Save changes'); i += 1) {
        if (focusedName() === 'Display name') {
          // Tabbing into a field selects its text; End keeps it, as a person would.
          await sendKeys({ press: 'End' });
          await sendKeys({ type: ' H.' });
        }
        await sendKeys({ press: 'Tab' });
        visited.push(focusedName());
      }
      expect(visited.slice(0, 4)).to.deep.equal(['Upload photo', 'Display name', 'Email', 'Change email']);
      expect(visited).to.include.members(['Phone (optional)', 'Time zone', 'Language', 'Company (optional)', 'Bio (optional)', 'Save changes']);
      await sendKeys({ press: 'Enter' });
      await until(() => statusOf(el) === 'Profile saved.');
      expect(requestsTo(backend, 'updateProfile')[0]!.json).to.deep.equal({ displayName: 'Amira Haddad H.' });
    });
  });

  describe('when input is invalid', () => {
    for (const [name, value, message] of [
      ['1 character', 'A', /at least 2 characters/],
      ['2 spaces around 1 character', '  A  ', /at least 2 characters/],
      ['51 characters', 'x'.repeat(51), /at most 50 characters\. You have 51/],
    ] as const) {
      it(`refuses a display name of ${name}, next to the field, and sends nothing`, async () => {
        const { el, backend } = await mountForm();
        const input = field(el, 'Display name');
        await typeInto(input, value);
        button(el, 'Save changes').click();
        await el.updateComplete;
        await until(() => errorOf(input) !== '');
        expect(errorOf(input)).to.match(message);
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(el.shadowRoot!.activeElement).to.equal(input);
        expect(input.value).to.equal(value);
        expect(requestsTo(backend, 'updateProfile')).to.have.length(0);
      });
    }

    for (const [name, value] of [
      ['a right-to-left override', 'Amira\u202Egpj.exe'],
      ['a null byte', 'Amira\u0000Haddad'],
      ['a right-to-left mark', 'Amira\u200F Haddad'],
      ['an isolate', '\u2067Amira\u2069'],
    ] as const) {
      it(`refuses a display name with ${name}, says why, and sends nothing`, async () => {
        const { el, backend } = await mountForm();
        const input = field(el, 'Display name');
        pasteInto(input, value);
        button(el, 'Save changes').click();
        await until(() => errorOf(input) !== '');
        expect(errorOf(input)).to.equal('Remove the invisible control or text-direction characters. They can make the text read differently from what it is.');
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(requestsTo(backend, 'updateProfile')).to.have.length(0);
      });
    }

    it('refuses a company with a text-direction override', async () => {
      const { el, backend } = await mountForm();
      const input = field(el, /Company/);
      pasteInto(input, 'Acme\u202D Ltd');
      button(el, 'Save changes').click();
      await until(() => errorOf(input) !== '');
      expect(errorOf(input)).to.match(/invisible control or text-direction characters/);
      expect(requestsTo(backend, 'updateProfile')).to.have.length(0);
    });

    it('saves Arabic and Hebrew names as they are', async () => {
      const { el, backend } = await mountForm();
      for (const name of ['أميرة حداد', 'שרה לוי']) {
        pasteInto(field(el, 'Display name'), name);
        button(el, 'Save changes').click();
        await until(() => backend.store.getProfile().displayName === name, name);
      }
      expect(errorOf(field(el, 'Display name'))).to.equal('');
    });

    it('says why in Arabic too', async () => {
      const { el } = await mountForm({ locale: 'ar' });
      await until(() => visibleText(el).includes('الملف الشخصي'), 'Arabic strings');
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('#displayName')!;
      pasteInto(input, 'أميرة\u202Eexe');
      (el.shadowRoot!.querySelector('[part="save-button"]') as HTMLButtonElement).click();
      await until(() => errorOf(input) !== '');
      expect(errorOf(input)).to.match(/أحرف اتجاه النص غير المرئية/);
    });

    it('accepts 2 and 50 characters', async () => {
      const { el, backend } = await mountForm();
      await typeInto(field(el, 'Display name'), 'Al');
      button(el, 'Save changes').click();
      await until(() => statusOf(el) === 'Profile saved.');
      await typeInto(field(el, 'Display name'), 'y'.repeat(50));
      button(el, 'Save changes').click();
      await until(() => requestsTo(backend, 'updateProfile').length === 2);
      expect(backend.store.getProfile().displayName).to.equal('y'.repeat(50));
    });

    it('validates on leaving the field and clears the message as the user fixes it', async () => {
      const { el } = await mountForm();
      const input = field(el, /Phone/);
      await typeInto(input, 'call me');
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(errorOf(input)).to.match(/valid phone number/);
      await typeInto(input, '+49 30 1234567');
      await el.updateComplete;
      expect(errorOf(input)).to.equal('');
    });

    it('refuses a time zone that is not in the list', async () => {
      const { el, backend } = await mountForm();
      const input = field(el, 'Time zone');
      await typeInto(input, 'Mars/Olympus');
      button(el, 'Save changes').click();
      await el.updateComplete;
      expect(errorOf(input)).to.match(/Choose a time zone/);
      expect(requestsTo(backend, 'updateProfile')).to.have.length(0);
    });

    it('counts the bio and refuses more than 500 characters', async () => {
      const { el, backend } = await mountForm();
      const bio = field(el, /Bio/) as unknown as HTMLTextAreaElement;
      pasteInto(bio, 'b'.repeat(501));
      await el.updateComplete;
      expect(visibleText(el)).to.contain('501 of 500 characters');
      expect(errorOf(bio)).to.match(/at most 500 characters\. You have 501/);
      button(el, 'Save changes').click();
      await el.updateComplete;
      expect(requestsTo(backend, 'updateProfile')).to.have.length(0);
      expect(bio.value).to.have.length(501);
    });

    it('shows the server’s field message next to the field and keeps the edit', async () => {
      const { el, backend } = await mountForm();
      backend.use(
        http.patch('/api/account/profile', () =>
          HttpResponse.json(
            { type: 'urn:dialnexa:problem:validation', status: 422, errors: [{ field: '/displayName', message: 'This name is reserved.' }] },
            { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      );
      const input = field(el, 'Display name');
      await typeInto(input, 'Administrator');
      button(el, 'Save changes').click();
      await until(() => errorOf(input) === 'This name is reserved.');
      expect(input.value).to.equal('Administrator');
      expect(el.shadowRoot!.activeElement).to.equal(input);
    });
  });

  describe('with hostile text', () => {
    it('saves markup, emoji and right-to-left text unchanged and renders it as text', async () => {
      const { el, backend } = await mountForm();
      const hostile = '<img src=x onerror="window.__pwned=1"> 👩🏽‍💻 \u202Eevil\u202C <script>window.__pwned=1</script>';
      pasteInto(field(el, /Bio/) as unknown as HTMLTextAreaElement, hostile);
      await typeInto(field(el, 'Display name'), '<b>Amira</b>');
      button(el, 'Save changes').click();
      await until(() => statusOf(el) === 'Profile saved.');
      expect(requestsTo(backend, 'updateProfile')[0]!.json).to.deep.equal({ displayName: '<b>Amira</b>', bio: hostile });
      expect(el.shadowRoot!.querySelector('b, script, img[src="x"]')).to.equal(null);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      expect(el.shadowRoot!.querySelector('[part="avatar-image"]')!.textContent!.trim()).to.equal('<');
    });
  });

  describe('the avatar', () => {
    it('uploads a PNG with progress, shows the server image and announces it', async () => {
      const { el, backend } = await mountForm({ latencyMs: 100 });
      const uploaded = oneEvent(el, 'dn-avatar-uploaded');
      await chooseFile(el, new File([PNG_1X1], 'me.png', { type: 'image/png' }));
      await until(() => el.shadowRoot!.querySelector('progress'), 'the progress bar');
      await uploaded;
      const [request] = requestsTo(backend, 'uploadAvatar');
      expect(request!.method).to.equal('PUT');
      await until(() => statusOf(el) === 'Photo updated.');
      const img = within(el).getByShadowRole('img', { name: 'Profile photo of Amira Haddad' }) as HTMLImageElement;
      expect(img.src).to.equal(backend.store.getProfile().avatarUrl);
      expect(el.shadowRoot!.querySelector('progress')).to.equal(null);
    });

    it('accepts a PNG named .gif and a WebP, judged by content', async () => {
      const { el, backend } = await mountForm();
      await chooseFile(el, new File([PNG_1X1], 'holiday.gif', { type: 'image/gif' }));
      await until(() => statusOf(el) === 'Photo updated.');
      await chooseFile(el, new File([(await canvasImage('image/webp')) as Uint8Array<ArrayBuffer>], 'me.webp', { type: 'image/webp' }));
      await until(() => requestsTo(backend, 'uploadAvatar').length === 2, `two uploads; screen: ${visibleText(el)}`).catch((e) => { throw new Error(e.message + ' | ' + visibleText(el)); });
      expect(backend.store.getProfile().avatarUrl!.startsWith('data:image/webp')).to.equal(true);
    });

    for (const [name, file, message] of [
      ['a 3 MB image', () => new File([pngOfSize(3 * 1024 * 1024) as Uint8Array<ArrayBuffer>], 'big.png', { type: 'image/png' }), /This image is 3 MB\. Choose one up to 2 MB/],
      [
        'an SVG named .png (the name claims an image: the content decides)',
        () => new File([SVG_BYTES as Uint8Array<ArrayBuffer>], 'me.png', { type: 'image/png' }),
        /^This file is named like a JPG, PNG or WebP image, but its content is not one\. Choose another image\.$/,
      ],
      [
        'a GIF named fake.gif (nothing claimed: no word about its name)',
        () => new File([new TextEncoder().encode('GIF89a\x01\x00\x01\x00')], 'fake.gif', { type: 'image/gif' }),
        /^This file isn't a JPG, PNG or WebP image\. Choose one of those\.$/,
      ],
      ['an empty file', () => new File([], 'me.png', { type: 'image/png' }), /This file is empty/],
    ] as const) {
      it(`refuses ${name} before uploading`, async () => {
        const { el, backend } = await mountForm();
        await chooseFile(el, file());
        await until(() => message.test(el.shadowRoot!.querySelector('#avatar-error')!.textContent!.trim()), `${message}`);
        expect(el.shadowRoot!.querySelector('#avatar-error')!.getAttribute('role')).to.equal('alert');
        expect(requestsTo(backend, 'uploadAvatar')).to.have.length(0);
      });
    }

    it('refuses a file that starts like a PNG but is no image, before uploading', async () => {
      const { el, backend } = await mountForm();
      // The eight bytes of a PNG signature, then a script: 46 bytes that no decoder reads as a picture.
      const bytes = new Uint8Array([...PNG_1X1.slice(0, 8), ...new TextEncoder().encode('<script>alert(document.title)</script>')]);
      expect(bytes.length).to.equal(46);
      await chooseFile(el, new File([bytes], 'photo.png', { type: 'image/png' }));
      await until(() => el.shadowRoot!.querySelector<HTMLElement>('#avatar-error')!.textContent!.trim() !== '', 'a message');
      expect(el.shadowRoot!.querySelector('#avatar-error')!.textContent!.trim()).to.equal(
        'This file could not be read as an image: it may be damaged, or only starts like a JPG, PNG or WebP. Choose another image.',
      );
      expect(requestsTo(backend, 'uploadAvatar')).to.have.length(0);
      expect(statusOf(el)).not.to.equal('Photo updated.');
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });

    it('says so when the upload fails and keeps the old photo', async () => {
      const { el, backend } = await mountForm();
      backend.use(http.put('/api/account/profile/avatar', () => HttpResponse.error()));
      await chooseFile(el, new File([PNG_1X1], 'me.png', { type: 'image/png' }));
      await until(() => /The photo was not uploaded\. You appear to be offline/.test(visibleText(el)));
      expect(el.shadowRoot!.querySelector('[part="avatar-image"]')!.textContent!.trim()).to.equal('AH');
    });

    it('removes the photo', async () => {
      const { el, backend } = await mountForm();
      await chooseFile(el, new File([PNG_1X1], 'me.png', { type: 'image/png' }));
      await until(() => statusOf(el) === 'Photo updated.');
      const removed = oneEvent(el, 'dn-avatar-removed');
      button(el, 'Remove photo').click();
      await removed;
      expect(requestsTo(backend, 'removeAvatar')[0]!.method).to.equal('DELETE');
      await until(() => statusOf(el) === 'Photo removed.');
      expect(backend.store.getProfile().avatarUrl).to.equal(null);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });
  });

  describe('on a phone', () => {
    for (const width of [320, 375]) {
      it(`shows the whole read-only email at ${width} px, nothing cut off`, async () => {
        const { el } = await mountForm();
        el.style.inlineSize = `${width}px`;
        await nextFrame();
        await nextFrame();
        const email = field(el, 'Email');
        expect(email.readOnly).to.equal(true);
        expect(email.value).to.equal('amira@northwind-calls.example');
        // The address wraps in its box: nothing to scroll to, sideways or down.
        expect(email.scrollWidth).to.be.at.most(email.clientWidth);
        expect(email.scrollHeight).to.be.at.most(email.clientHeight + 1);
        expect(overflowing(el)).to.deep.equal([]);
      });
    }
  });

  describe('the email', () => {
    // Before any other test opens the email change: elements are defined per page.
    it('loads the email change the first time it opens; if that fails, says so with "Try again"', async () => {
      const real = DnProfileForm.loadEmailChange;
      let attempts = 0;
      DnProfileForm.loadEmailChange = () => {
        attempts += 1;
        return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      };
      const warn = console.warn;
      console.warn = () => {};
      try {
        const { el, backend } = await mountForm();
        expect(customElements.get('dn-email-change'), 'not loaded with the form').to.equal(undefined);
        button(el, 'Change email').click();
        await until(() => el.shadowRoot!.querySelector('[part="email-change"] [part="error"]'), 'the load error');
        const error = el.shadowRoot!.querySelector<HTMLElement>('[part="email-change"] [part="error"]')!;
        expect(error.getAttribute('role')).to.equal('alert');
        expect(visibleText(error)).to.contain('Check your connection and try again.');
        expect(attempts).to.equal(1);
        expect(requestsTo(backend, 'getEmailChange')).to.have.length(0);
        DnProfileForm.loadEmailChange = real;
        (within(error).getByShadowRole('button', { name: 'Try again' }) as HTMLButtonElement).click();
        await until(() => document.querySelector('dn-profile-form dn-email-change input[type="email"]'), 'the email change form');
        expect(customElements.get('dn-email-change')).to.be.a('function');
        expect(el.shadowRoot!.querySelector('[part="email-change"] [part="error"]')).to.equal(null);
        await until(() => document.activeElement === screen.getByLabelText('New email address'), 'focus in the new email field');
      } finally {
        DnProfileForm.loadEmailChange = real;
        console.warn = warn;
      }
    });

    it('opens the change-email flow with fields password managers can reach', async () => {
      const { el } = await mountForm();
      const toggle = button(el, 'Change email');
      toggle.click();
      await until(() => document.querySelector('dn-profile-form dn-email-change input[type="email"]'), 'the email change form');
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      // Reachable from the document, not hidden in a shadow root.
      const input = screen.getByLabelText('New email address');
      expect(input.getAttribute('autocomplete')).to.equal('email');
      await until(() => document.activeElement === input, 'focus in the new email field');
      button(el, 'Keep current email').click();
      await el.updateComplete;
      expect(document.querySelector('dn-profile-form dn-email-change')).to.equal(null);
    });

    it('shows the new address once the change was verified', async () => {
      const { el, backend } = await mountForm({ reauth: 'never' });
      button(el, 'Change email').click();
      await until(() => document.querySelector('dn-email-change input[type="email"]'));
      const input = screen.getByLabelText('New email address') as HTMLInputElement;
      await typeInto(input, 'amira.haddad@northwind-calls.example');
      await sendKeys({ press: 'Enter' });
      await until(() => backend.store.lastEmailVerificationToken());
      await fetch('/api/account/email-change/verify', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: backend.store.lastEmailVerificationToken() }),
      });
      const readsBefore = requestsTo(backend, 'getProfile').length;
      window.dispatchEvent(new Event('focus'));
      await until(() => field(el, 'Email').value === 'amira.haddad@northwind-calls.example', 'the new email in the profile');
      expect(requestsTo(backend, 'requestEmailChange').map((r) => (r.json as { newEmail?: string }).newEmail)).to.deep.equal(['amira.haddad@northwind-calls.example']);
      expect(requestsTo(backend, 'verifyEmailChange').map((r) => r.status)).to.deep.equal([200]);
      expect(requestsTo(backend, 'getProfile').length, 'the profile read again on return').to.be.greaterThan(readsBefore);
      expect(backend.store.getProfile().email).to.equal('amira.haddad@northwind-calls.example');
    });
  });
});
