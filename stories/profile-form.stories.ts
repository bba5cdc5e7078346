import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { delay, http } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import { READ_ONLY_CONTEXT, api, problem, withBackend } from './support/mock.js';
import { $, avatarPng, chooseFile, profileFormOf, retype, shadowOf } from './support/play.js';

/**
 * `<dn-profile-form>` on the mock backend. Every story starts from fresh seed data
 * (Amira Haddad at Northwind Calls); faults are one-off MSW handlers added in the
 * story's `beforeEach`. Play functions make the interesting state visible.
 */
const meta = {
  title: 'Elements/Profile form',
  component: 'dn-profile-form',
  argTypes: READ_ONLY_CONTEXT,
  render: () => html`<dn-profile-form></dn-profile-form>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** Fresh seed data with an avatar. */
export const Loaded: Story = {
  beforeEach: withBackend(async (backend) => {
    backend.store.uploadAvatar(await avatarPng());
  }),
};

/** The profile never arrives: the loading placeholder stays. */
export const Loading: Story = {
  beforeEach: withBackend((backend) => {
    backend.use(
      http.get(api('/profile'), async () => {
        await delay('infinite');
      }),
    );
  }),
};

/**
 * The server answers 500 (the client retries twice by itself, then shows the error).
 * It recovers as soon as "Try again" is pressed: the retry loads the profile.
 */
export const LoadError: Story = {
  name: 'Load error (500), retry works',
  beforeEach: withBackend((backend, { canvasElement }) => {
    let recovered = false;
    const onClick = (event: Event): void => {
      if (event.composedPath().some((node) => node instanceof Element && node.getAttribute('part') === 'error')) recovered = true;
    };
    canvasElement.addEventListener('click', onClick, { capture: true });
    backend.use(
      http.get(api('/profile'), () =>
        recovered ? undefined : problem(500, 'internal', 'Internal Server Error', { detail: 'The profile service is down.' }),
      ),
    );
    return () => canvasElement.removeEventListener('click', onClick, { capture: true });
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-profile-form', '[part="error"]');
    await expect($(root, '[part="error"]')).toHaveAttribute('role', 'alert');
  },
};

/** Save takes five seconds: the button shows the busy state, then the profile is saved. */
export const Saving: Story = {
  beforeEach: withBackend((backend) => {
    backend.use(
      http.patch(api('/profile'), async () => {
        await delay(5000);
        // Nothing returned: the mock's own handler answers (and saves).
      }),
    );
  }),
  play: async ({ canvasElement }) => {
    const root = await profileFormOf(canvasElement);
    const name = $<HTMLInputElement>(root, '#displayName');
    await retype(name, 'Amira H. Haddad');
    await userEvent.click($(root, '[part="save-button"]'));
    await waitFor(() => expect($(root, '[part="save-button"]')).toHaveAttribute('aria-busy', 'true'));
  },
};

/** A successful save: the status region says so and `dn-profile-saved` fires (see Actions). */
export const Saved: Story = {
  play: async ({ canvasElement }) => {
    const root = await profileFormOf(canvasElement);
    const company = $<HTMLInputElement>(root, '#company');
    await retype(company, 'Northwind Calls GmbH');
    await userEvent.click($(root, '[part="save-button"]'));
    await waitFor(() => expect($(root, '[part="status"]').textContent?.trim()).not.toBe(''), { timeout: 4000 });
  },
};

/** Client-side checks: a one-letter name (on blur) and a malformed phone number (on save). */
export const FieldErrors: Story = {
  name: 'Field errors',
  play: async ({ canvasElement }) => {
    const root = await profileFormOf(canvasElement);
    const name = $<HTMLInputElement>(root, '#displayName');
    await retype(name, 'A');
    name.blur();
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    await expect($(root, '#displayName-error')).not.toHaveAttribute('hidden');
    const phone = $<HTMLInputElement>(root, '#phone');
    await retype(phone, '12');
    await userEvent.click($(root, '[part="save-button"]'));
    await waitFor(() => expect(phone).toHaveAttribute('aria-invalid', 'true'));
  },
};

/** The server refuses a field (422 with `errors`): the message shows next to it, the edit stays. */
export const ServerFieldError: Story = {
  name: 'Server field error (422)',
  beforeEach: withBackend((backend) => {
    backend.use(
      http.patch(api('/profile'), () =>
        problem(422, 'validation', 'Some fields need attention', {
          detail: 'This display name is reserved for DialNexa staff.',
          extra: { errors: [{ field: 'displayName', message: 'This display name is reserved for DialNexa staff.', code: 'reserved' }] },
        }),
      ),
    );
  }),
  play: async ({ canvasElement }) => {
    const root = await profileFormOf(canvasElement);
    const name = $<HTMLInputElement>(root, '#displayName');
    await retype(name, 'DialNexa Support');
    await userEvent.click($(root, '[part="save-button"]'));
    await waitFor(() => expect($(root, '#displayName-error')).toHaveTextContent('reserved'));
    await expect(name).toHaveValue('DialNexa Support');
  },
};

/** A 3 MB PNG: refused before upload, with the size and the limit. */
export const AvatarTooLarge: Story = {
  name: 'Avatar too large',
  play: async ({ canvasElement }) => {
    const root = await profileFormOf(canvasElement);
    const png = await avatarPng();
    const big = new Uint8Array(3 * 1024 * 1024);
    big.set(png);
    chooseFile($<HTMLInputElement>(root, '#avatar-input'), new File([big], 'holiday.png', { type: 'image/png' }));
    await waitFor(() => expect($(root, '#avatar-error')).not.toHaveAttribute('hidden'));
  },
};

/** A "PNG" that is really a PDF: the type is checked by content, not by name. */
export const AvatarWrongType: Story = {
  name: 'Avatar of the wrong type',
  play: async ({ canvasElement }) => {
    const root = await profileFormOf(canvasElement);
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
    chooseFile($<HTMLInputElement>(root, '#avatar-input'), new File([pdf], 'portrait.png', { type: 'image/png' }));
    await waitFor(() => expect($(root, '#avatar-error')).not.toHaveAttribute('hidden'));
  },
};

/** No avatar (initials), no phone, no company, no bio. */
export const EmptyProfile: Story = {
  name: 'Empty profile',
  beforeEach: withBackend((backend) => {
    backend.store.updateProfile({ phone: null, company: null, bio: null });
  }),
};

const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

/** Markup, a right-to-left override and emoji in the user's own text render as text, never as HTML. */
export const HostileText: Story = {
  name: 'Hostile text',
  beforeEach: withBackend((backend) => {
    backend.store.updateProfile({
      displayName: HOSTILE_NAME,
      company: '"><svg onload=alert(2)>',
      bio: '<script>alert(3)</script> <b>not bold</b> \u202Egnp.exe\u202C مرحبا 🔥👩🏽‍💻',
    });
  }),
  play: async ({ canvasElement }) => {
    const root = await profileFormOf(canvasElement);
    await expect($<HTMLInputElement>(root, '#displayName')).toHaveValue(HOSTILE_NAME);
    await expect(root.querySelector('img[src="x"], svg[onload], script')).toBeNull();
  },
};

/** 429 with `Retry-After: 30` on save: the message says when to try again; nothing typed is lost. */
export const RateLimited: Story = {
  name: 'Rate limited (429)',
  beforeEach: withBackend((backend) => {
    backend.use(
      http.patch(api('/profile'), () =>
        problem(429, 'rate-limited', 'Too many requests', {
          detail: 'Too many profile changes. Try again in 30 seconds.',
          extra: { retryAfter: 30 },
          headers: { 'Retry-After': '30' },
        }),
      ),
    );
  }),
  play: async ({ canvasElement }) => {
    const root = await profileFormOf(canvasElement);
    const bio = $<HTMLTextAreaElement>(root, '#bio');
    await userEvent.type(bio, ' Ask me about IVR flows.');
    await userEvent.click($(root, '[part="save-button"]'));
    await waitFor(() => expect(root.querySelector('[part="form"] .alert.danger')).not.toBeNull(), { timeout: 4000 });
  },
};

/** The session has ended (401): the form says so and fires `dn-unauthorized` (see Actions). */
export const Unauthorized: Story = {
  name: 'Unauthorized (401)',
  beforeEach: withBackend((backend) => {
    backend.store.expireSession();
  }),
  play: async ({ canvasElement }) => {
    await shadowOf(canvasElement, 'dn-profile-form', '[part="error"]');
  },
};

/** Arabic, right to left: layout, text and numbers mirror. */
export const RightToLeft: Story = {
  name: 'RTL (Arabic)',
  globals: { locale: 'ar' },
  beforeEach: withBackend(async (backend) => {
    backend.store.uploadAvatar(await avatarPng());
    backend.store.updateProfile({ displayName: 'أميرة حداد', company: 'نورثويند كولز' });
  }),
};

/** Dark theme at compact density (both also in the toolbar for every story). */
export const DarkCompact: Story = {
  name: 'Dark, compact',
  globals: { theme: 'dark', density: 'compact' },
  beforeEach: withBackend(async (backend) => {
    backend.store.uploadAvatar(await avatarPng());
  }),
};

/** "Change email" opens the embedded `<dn-email-change>` (its form is in the light DOM). */
export const ChangeEmailOpen: Story = {
  name: 'Change email open',
  parameters: { mock: { reauth: 'never' } },
  play: async ({ canvasElement }) => {
    const root = await profileFormOf(canvasElement);
    await userEvent.click($(root, 'button[aria-controls="email-change"]'));
    const newEmail = await waitFor(() => $(canvasElement, 'dn-profile-form dn-email-change input[type="email"]'), { timeout: 4000 });
    await expect(newEmail).toBeVisible();
  },
};
