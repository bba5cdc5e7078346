/**
 * The demo sign-in page: the host's page after the password step, with `<dn-2fa-challenge>`
 * on the mock backend (2FA on, the demo authenticator key). Host code only: it starts the
 * challenge (as the host's server would), listens to the element's events, and shows the
 * demo authenticator's current code and the backup codes so anyone can pass the step.
 */
import { startMockBackend } from '../mock/browser.js';
import { MOCK_PASSWORD, MOCK_TOTP_SECRET } from '../mock/seed.js';
import { totp } from '../mock/totp.js';
import { allowMockWorker } from './trusted-types.js';

const API_BASE = '/api/account';

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing`);
  return found as T;
}

async function start(): Promise<void> {
  // Under Trusted Types, MSW may register only its worker through the demo's policy (trusted-types.ts).
  allowMockWorker();
  const backend = await startMockBackend({ baseUrl: API_BASE, latencyMs: 350, twoFactorEnabled: true });
  const codes = (await backend.store.regenerateBackupCodes({ method: 'password', password: MOCK_PASSWORD })).codes;
  const list = byId('backup-codes');
  list.replaceChildren(
    ...codes.map((code) => {
      const item = document.createElement('li');
      item.textContent = code;
      return item;
    }),
  );

  const codeLine = byId('current-code');
  const showCode = async () => {
    const seconds = 30 - (Math.floor(Date.now() / 1000) % 30);
    codeLine.textContent = `Authenticator: ${await totp(MOCK_TOTP_SECRET)} (${seconds} s left)`;
  };
  void showCode();
  setInterval(() => void showCode(), 1000);

  await import('../src/components/account-provider/account-provider.js');
  await import('../src/components/2fa-challenge/2fa-challenge.js');
  await import('../src/components/trusted-devices/trusted-devices.js');

  const challenge = document.querySelector('dn-2fa-challenge')!;
  const signedIn = byId('signed-in');
  const newSignIn = () => {
    signedIn.hidden = true;
    challenge.hidden = false;
    challenge.challengeId = backend.store.createSignInChallenge();
  };
  newSignIn();
  byId('new-challenge').addEventListener('click', newSignIn);

  challenge.addEventListener('dn-2fa-verified', (event) => {
    const { trusted, backupCodesRemaining } = event.detail;
    byId('signed-in-text').textContent =
      `Signed in${trusted ? '; this device is trusted for 30 days' : ''}` +
      (backupCodesRemaining === null ? '.' : `; ${backupCodesRemaining} backup codes left.`);
    signedIn.hidden = false;
    // The settings page would read the list again: a fresh element does.
    document.querySelector('dn-trusted-devices')?.replaceWith(document.createElement('dn-trusted-devices'));
  });
}

start().catch((error: unknown) => {
  console.error(error);
  const alert = document.createElement('div');
  alert.className = 'start-error';
  alert.setAttribute('role', 'alert');
  alert.textContent = `The demo's mock backend could not start: ${error instanceof Error ? error.message : String(error)}`;
  document.querySelector('main')?.prepend(alert);
});
