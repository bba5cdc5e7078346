import type { Meta, StoryObj } from '@storybook/web-components';
import { html, nothing } from 'lit';
import { delay, http } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import { MOCK_PASSWORD, MOCK_TOTP_SECRET, totp } from '../mock/index.js';
import '../src/components/2fa-challenge/2fa-challenge.js';
import { READ_ONLY_CONTEXT, api, backendOf, problem, withBackend } from './support/mock.js';
import { $, waitForElement } from './support/play.js';

/**
 * `<dn-2fa-challenge>`, the 2FA step of a sign-in page, on the mock backend with 2FA on
 * (the demo key). Each story starts a fresh sign-in challenge (as the host's server would
 * after the password step) and gives its id to the element.
 *
 * To pass it by hand, press "Show the current code" (the mock's authenticator) and type it.
 * The code field is in the element's light DOM; plays find it by its `name`, and the other
 * controls by `data-action` and part, so they work in every locale of the toolbar.
 */
const meta = {
  title: 'Elements/Two-factor challenge',
  component: 'dn-2fa-challenge',
  argTypes: { ...READ_ONLY_CONTEXT, 'challenge-id': { control: false } },
  args: { 'restart-href': '', 'backup-codes-href': '#security/two-factor', 'trust-days': 30, 'trust-device': false },
  parameters: { mock: { twoFactorEnabled: true } },
  render: (args, context) => html`<p class="dn-story-note">
      <button class="dn-story-button" type="button" @click=${showCode}>Show the current code</button>
      <output data-code></output>
    </p>
    <dn-2fa-challenge
      challenge-id=${backendOf(context).store.createSignInChallenge()}
      restart-href=${(args['restart-href'] as string) || nothing}
      backup-codes-href=${(args['backup-codes-href'] as string) || nothing}
      trust-days=${Number(args['trust-days'] ?? 30)}
      ?trust-device=${Boolean(args['trust-device'])}
    ></dn-2fa-challenge>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

async function showCode(event: Event): Promise<void> {
  const output = (event.currentTarget as Element).parentElement!.querySelector('output')!;
  output.textContent = `Current code: ${await totp(MOCK_TOTP_SECRET)} (changes every 30 s)`;
}

/** The element and its code field, once rendered. */
async function formOf(canvasElement: HTMLElement): Promise<{ host: HTMLElement; field: HTMLInputElement }> {
  const host = await waitForElement(() => canvasElement.querySelector<HTMLElement>('dn-2fa-challenge'), 'dn-2fa-challenge');
  const field = await waitForElement(
    () => host.querySelector<HTMLInputElement>('input[name="one-time-code"], input[name="backup-code"]'),
    'the code field',
  );
  return { host, field };
}

async function useBackupCode(host: HTMLElement): Promise<HTMLInputElement> {
  await userEvent.click($(host, 'button[data-action="switch"]'));
  return waitForElement(() => host.querySelector<HTMLInputElement>('input[name="backup-code"]'), 'the backup-code field');
}

async function enter(field: HTMLInputElement, code: string): Promise<void> {
  await userEvent.type(field, `${code}{Enter}`);
}

/** The code step, empty: the field has the autofill hint for one-time codes. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const { field } = await formOf(canvasElement);
    await expect(field).toHaveAttribute('autocomplete', 'one-time-code');
  },
};

/** "Use a backup code instead": the backup-code field, focused. */
export const BackupCode: Story = {
  name: 'Backup code',
  play: async ({ canvasElement }) => {
    const { host } = await formOf(canvasElement);
    const field = await useBackupCode(host);
    await waitFor(() => expect(field).toHaveFocus());
  },
};

/** A wrong code: the message at the field, which keeps the code and the focus. */
export const WrongCode: Story = {
  name: 'Wrong code',
  play: async ({ canvasElement }) => {
    const { field } = await formOf(canvasElement);
    const current = await totp(MOCK_TOTP_SECRET);
    await enter(field, current === '000000' ? '111111' : '000000');
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'), { timeout: 4000 });
  },
};

/** The current code was already used in its time step (the mock refuses replays). */
export const ReusedCode: Story = {
  name: 'Code already used',
  beforeEach: withBackend(async (backend) => {
    const code = await totp(MOCK_TOTP_SECRET);
    await backend.store.verifyTwoFactorChallenge({ challengeId: backend.store.createSignInChallenge(), method: 'totp', code, trustDevice: false });
  }),
  play: async ({ canvasElement }) => {
    const { field } = await formOf(canvasElement);
    await enter(field, await totp(MOCK_TOTP_SECRET));
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'), { timeout: 4000 });
  },
};

/** Verifying takes 3 seconds: "Verify" shows it is working and ignores more presses. */
export const Verifying: Story = {
  name: 'Verifying (slow)',
  beforeEach: withBackend((backend) => {
    backend.use(
      http.post(api('/two-factor/challenge'), async () => {
        await delay(3000);
        return undefined;
      }),
    );
  }),
  play: async ({ canvasElement }) => {
    const { host, field } = await formOf(canvasElement);
    await enter(field, await totp(MOCK_TOTP_SECRET));
    await waitFor(() => expect($(host, 'button[type="submit"]')).toHaveAttribute('aria-busy', 'true'));
  },
};

/** Verified with "Trust this device" checked: until when the device is trusted. */
export const VerifiedTrusted: Story = {
  name: 'Verified, device trusted',
  args: { 'trust-device': true },
  play: async ({ canvasElement }) => {
    const { host, field } = await formOf(canvasElement);
    await enter(field, await totp(MOCK_TOTP_SECRET));
    await waitFor(() => expect(host.shadowRoot!.querySelector('[part="verified"]')).not.toBeNull(), { timeout: 4000 });
  },
};

let fewCodes: string[] = [];

/** Verified with a backup code when only 2 are left: the count and the suggestion to generate new ones. */
export const VerifiedFewBackupCodes: Story = {
  name: 'Verified with a backup code (few left)',
  beforeEach: withBackend(async (backend) => {
    fewCodes = (await backend.store.regenerateBackupCodes({ method: 'password', password: MOCK_PASSWORD })).codes;
    for (const code of fewCodes.slice(0, 7)) {
      await backend.store.verifyTwoFactorChallenge({ challengeId: backend.store.createSignInChallenge(), method: 'backup', code, trustDevice: false });
    }
  }),
  play: async ({ canvasElement }) => {
    const { host } = await formOf(canvasElement);
    const field = await useBackupCode(host);
    await enter(field, fewCodes[7]!);
    await waitFor(() => expect(host.shadowRoot!.querySelector('[part="warning"]')).not.toBeNull(), { timeout: 4000 });
  },
};

/** The sign-in attempt expired (410): "Sign in again" links to `restart-href`. */
export const Expired: Story = {
  args: { 'restart-href': '#sign-in' },
  beforeEach: withBackend((backend) => {
    backend.use(http.post(api('/two-factor/challenge'), () => problem(410, 'challenge-expired', 'Sign-in expired')));
  }),
  play: async ({ canvasElement }) => {
    const { host, field } = await formOf(canvasElement);
    await enter(field, await totp(MOCK_TOTP_SECRET));
    await waitFor(() => expect(host.shadowRoot!.querySelector('[part="expired"]')).not.toBeNull(), { timeout: 4000 });
  },
};

/** Too many attempts (429, Retry-After 120): the wait at the field; "Verify" waits too. */
export const TooManyAttempts: Story = {
  name: 'Too many attempts (429)',
  beforeEach: withBackend((backend) => {
    backend.use(
      http.post(api('/two-factor/challenge'), () =>
        problem(429, 'rate-limited', 'Too many attempts', { extra: { retryAfter: 120 }, headers: { 'Retry-After': '120' } }),
      ),
    );
  }),
  play: async ({ canvasElement }) => {
    const { host, field } = await formOf(canvasElement);
    await enter(field, '123456');
    await waitFor(() => expect($(host, 'button[type="submit"]')).toHaveAttribute('aria-disabled', 'true'), { timeout: 4000 });
  },
};

/** The server fails (500): a message above the field; the code stays for another try. */
export const ServerError: Story = {
  name: 'Server error (500)',
  beforeEach: withBackend((backend) => {
    backend.use(http.post(api('/two-factor/challenge'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
  play: async ({ canvasElement }) => {
    const { host, field } = await formOf(canvasElement);
    await enter(field, '123456');
    await waitFor(() => expect(host.querySelector('[role="alert"]')).not.toBeNull(), { timeout: 4000 });
    await expect(field).toHaveValue('123456');
  },
};
