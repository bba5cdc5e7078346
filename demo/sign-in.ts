/**
 * The demo sign-in page, host code only.
 *
 * On the reference server (`npm start`): the host's own email + password form posts to Better
 * Auth (`POST /api/auth/sign-in/email`); when the account has 2FA on, the answer carries a
 * `challengeId` for `<dn-2fa-challenge>`, and once the code is accepted the user goes to the
 * dashboard. "Forgot password?" shows `<dn-password-reset>`; the mailed link
 * (`/reset-password?token=…`, from the development mailbox beside it) opens this page on its
 * second step. The demo account, its password and the demo authenticator's current code are
 * shown so anyone can sign in. "Sign in with a passkey" (when the browser has WebAuthn) asks
 * the server for a challenge (`POST /api/auth/passkey/sign-in/options`), runs
 * `navigator.credentials.get()` and sends the assertion to `POST /api/auth/passkey/sign-in`:
 * a passkey is both factors, so the user goes straight to the dashboard. A sign-in through a
 * provider (Google, Microsoft, GitHub) of an account with 2FA on comes back here as
 * `/sign-in?two-factor=required`: the page asks the server for that pending sign-in
 * (`POST /api/auth/two-factor/pending`, its `challengeId` as the password step answers it) and
 * shows the same code step; once the code is right it goes where the provider's sign-in was to
 * lead (the answer's `callbackURL`, a path of this origin), else to the dashboard.
 *
 * On the mock (`npm run start:mock`, the static demo): the page after the password step, with
 * the challenge started as the host's server would, and the backup codes beside it.
 */
import { MOCK_PASSWORD, MOCK_TOTP_SECRET, MOCK_USER } from '../mock/seed.js';
import { totp } from '../mock/totp.js';
import type { PasskeyAuthenticationOptions } from '../src/api/contract/passkeys.js';
import { CeremonyError, getPasskey, passkeySupport } from '../src/internal/webauthn.js';
import type * as ServerBackend from './server-backend.js';

const API_BASE = '/api/account';
/** Set by vite.config.ts: the page is served by `npm start`, in front of the reference server. */
const ON_SERVER = __DEMO_ON_SERVER__;

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing`);
  return found as T;
}

function showCurrentCode(): void {
  const codeLine = byId('current-code');
  const showCode = async () => {
    const seconds = 30 - (Math.floor(Date.now() / 1000) % 30);
    codeLine.textContent = `Authenticator: ${await totp(MOCK_TOTP_SECRET)} (${seconds} s left)`;
  };
  void showCode();
  setInterval(() => void showCode(), 1000);
}

async function defineElements(): Promise<void> {
  await import('../src/components/account-provider/account-provider.js');
  await import('../src/components/2fa-challenge/2fa-challenge.js');
  if (ON_SERVER) await import('../src/components/password-reset/password-reset.js');
  else await import('../src/components/trusted-devices/trusted-devices.js');
}

// ——— On the mock ———

async function startOnMock(): Promise<void> {
  const { startMock } = await import('./mock-backend.js');
  const backend = await startMock({ baseUrl: API_BASE, latencyMs: 350, twoFactorEnabled: true });
  const codes = (await backend.store.regenerateBackupCodes({ method: 'password', password: MOCK_PASSWORD })).codes;
  byId('backup-codes').replaceChildren(
    ...codes.map((code) => {
      const item = document.createElement('li');
      item.textContent = code;
      return item;
    }),
  );
  showCurrentCode();
  await defineElements();

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

// ——— On the reference server ———

interface SignInAnswer {
  twoFactorRedirect?: boolean;
  challengeId?: string;
  /** A provider's pending sign-in: where it was to lead, a path of this origin (or null). */
  callbackURL?: string | null;
  message?: string;
  code?: string;
}

/** The address of `value` when it is a path of this page's origin (`/settings?tab=security`), never another host's. */
function samePagePath(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  const url = new URL(value, location.origin);
  return url.origin === location.origin ? url.href : null;
}

async function startOnServer(): Promise<void> {
  const server: typeof ServerBackend = await import('./server-backend.js');
  const form = byId<HTMLFormElement>('password-step');
  const email = form.elements.namedItem('email') as HTMLInputElement;
  const password = form.elements.namedItem('password') as HTMLInputElement;
  const error = byId('sign-in-error');
  const step = byId('sign-in-step');
  const challenge = document.querySelector('dn-2fa-challenge')!;
  const resetStep = byId('reset-step');
  const reset = document.querySelector('dn-password-reset')!;

  // The mock's parts of the page go; the server's come.
  for (const id of ['new-challenge', 'backup-panel', 'trusted-panel']) byId(id).hidden = true;
  for (const id of ['demo-account', 'use-demo-account', 'mailbox-panel', 'reset-panel']) byId(id).hidden = false;
  byId('tools-note').textContent =
    'This page is a host’s sign-in page on the reference server: its own password form, then the library’s code step. ' +
    'The demo account has two-factor authentication on with the demo authenticator below.';
  byId('demo-email').textContent = MOCK_USER.email;
  byId('demo-password').textContent = MOCK_PASSWORD;
  // For an authenticator app of your own (TOTP, SHA-1, 6 digits, 30 s).
  byId('demo-key').textContent = MOCK_TOTP_SECRET;
  step.hidden = true;
  challenge.hidden = true;
  for (const provider of document.querySelectorAll('dn-account-provider')) provider.api = server.createServerApi();
  showCurrentCode();

  const mailTo = new Set([MOCK_USER.email]);
  const refreshMailbox = async () => renderMailbox(server, await server.readMailbox([...mailTo]));
  void refreshMailbox();

  byId('use-demo-account').addEventListener('click', () => {
    email.value = MOCK_USER.email;
    password.value = MOCK_PASSWORD;
    form.hidden = false;
    resetStep.hidden = true;
    password.focus();
  });
  byId('forgot-password').addEventListener('click', () => {
    form.hidden = true;
    reset.mode = 'request';
    if (email.value) reset.setAttribute('email', email.value);
    resetStep.hidden = false;
  });
  reset.addEventListener('dn-password-reset-requested', (event) => {
    mailTo.add(event.detail.email);
    // The server sends the message after it answers; read the mailbox a moment later.
    setTimeout(() => void refreshMailbox(), 500);
  });

  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    error.hidden = true;
    byId('sign-in-submit').setAttribute('aria-disabled', 'true');
    void signIn(email.value.trim(), password.value)
      .catch((failure: unknown) => showError(failure instanceof Error ? failure.message : String(failure)))
      .finally(() => {
        busy = false;
        byId('sign-in-submit').removeAttribute('aria-disabled');
      });
  });

  function showError(message: string): void {
    error.textContent = message;
    error.hidden = false;
  }

  async function signIn(address: string, secret: string): Promise<void> {
    const response = await fetch('/api/auth/sign-in/email', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', ...(server.csrfToken() && { 'X-CSRF-Token': server.csrfToken() }) },
      body: JSON.stringify({ email: address, password: secret }),
    });
    const answer = (await response.json().catch(() => ({}))) as SignInAnswer;
    if (!response.ok) {
      showError(
        response.status === 401
          ? 'That email and password do not match an account.'
          : response.status === 429
            ? 'Too many attempts. Wait a moment and try again.'
            : (answer.message ?? `Sign-in failed (${response.status}).`),
      );
      password.select();
      return;
    }
    if (answer.twoFactorRedirect && answer.challengeId) {
      form.hidden = true;
      step.textContent = `${address} · password accepted`;
      step.hidden = false;
      challenge.challengeId = answer.challengeId;
      challenge.hidden = false;
      return;
    }
    // No second factor on this account (or this device is trusted): signed in.
    location.assign('./');
  }

  /** Where the code step leads: the dashboard, or where a provider's sign-in was to lead. */
  let afterCode = './';
  challenge.addEventListener('dn-2fa-verified', () => location.assign(afterCode));

  /** The code step of a provider's sign-in, which the server sent the browser here to finish. */
  async function continuePendingSignIn(): Promise<void> {
    const response = await fetch('/api/auth/two-factor/pending', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    const answer = (await response.json().catch(() => ({}))) as SignInAnswer;
    if (!response.ok || !answer.challengeId) {
      form.hidden = false;
      showError(response.status === 410 ? 'That sign-in has expired. Sign in again.' : `Sign-in failed (${response.status}).`);
      return;
    }
    afterCode = samePagePath(answer.callbackURL) ?? './';
    step.textContent = 'Your provider accepted the sign-in · now the code';
    step.hidden = false;
    challenge.challengeId = answer.challengeId;
    challenge.hidden = false;
  }

  const passkeyButton = byId<HTMLButtonElement>('passkey-sign-in');
  const passkeyError = byId('passkey-error');
  byId('passkey-step').hidden = passkeySupport() !== 'ok';
  passkeyButton.addEventListener('click', () => {
    if (busy) return;
    busy = true;
    passkeyError.hidden = true;
    error.hidden = true;
    passkeyButton.setAttribute('aria-disabled', 'true');
    void signInWithPasskey()
      .catch((failure: unknown) => {
        passkeyError.textContent = failure instanceof Error ? failure.message : String(failure);
        passkeyError.hidden = false;
      })
      .finally(() => {
        busy = false;
        passkeyButton.removeAttribute('aria-disabled');
      });
  });

  async function passkeyPost(path: string, body?: unknown): Promise<Response> {
    return fetch(`/api/auth/passkey/${path}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
  }

  async function signInWithPasskey(): Promise<void> {
    const optionsResponse = await passkeyPost('sign-in/options');
    if (!optionsResponse.ok) throw new Error(`Passkey sign-in is not available (${optionsResponse.status}).`);
    const options = (await optionsResponse.json()) as PasskeyAuthenticationOptions;
    let credential;
    try {
      credential = await getPasskey(options, new AbortController().signal);
    } catch (failure) {
      const reason = failure instanceof CeremonyError ? failure.reason : 'failed';
      throw new Error(
        reason === 'cancelled' || reason === 'not-allowed'
          ? 'Passkey sign-in was cancelled. Try again, or sign in with your password.'
          : reason === 'timeout'
            ? 'The passkey prompt timed out. Try again.'
            : 'Your browser could not use a passkey here. Sign in with your password.',
        { cause: failure },
      );
    }
    const response = await passkeyPost('sign-in', credential);
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { detail?: string };
      throw new Error(
        response.status === 429
          ? 'Too many attempts. Wait a moment and try again.'
          : response.status === 410
            ? 'That took too long. Try again.'
            : `That passkey was not accepted${problem.detail ? `: ${problem.detail}` : '.'} Try another, or sign in with your password.`,
      );
    }
    location.assign('./');
  }

  // The form shows once it is wired (a submit before would be the browser's own, a GET).
  // The mailed reset link opens this page as /reset-password?token=…: the second step of the reset.
  const query = new URLSearchParams(location.search);
  const token = query.get('token');
  // A provider's sign-in that needs the second factor lands here with ?two-factor=required.
  const pendingSignIn = query.get('two-factor') === 'required';
  if (location.pathname === '/reset-password' && token) {
    // The token leaves the address bar (and the history) before the form shows.
    history.replaceState(null, '', './sign-in.html');
    reset.token = token;
    reset.mode = 'complete';
    resetStep.hidden = false;
  } else if (pendingSignIn) {
    // Shown once the code step's element is defined (below); a reload shows the password form.
    history.replaceState(null, '', './sign-in.html');
  } else {
    form.hidden = false;
  }

  const resetButton = byId<HTMLButtonElement>('reset-demo');
  const resetNote = byId('reset-note');
  resetButton.addEventListener('click', () => {
    if (resetButton.getAttribute('aria-disabled') === 'true') return;
    resetButton.setAttribute('aria-disabled', 'true');
    resetNote.textContent = 'Resetting…';
    server
      .resetDemoData()
      .then(
        () => (resetNote.textContent = 'The demo account is as new: sign in with the password above.'),
        (failure: unknown) => (resetNote.textContent = `The demo data could not be reset: ${failure instanceof Error ? failure.message : String(failure)}`),
      )
      .finally(() => resetButton.removeAttribute('aria-disabled'));
  });
  await defineElements();
  if (pendingSignIn) await continuePendingSignIn();
}

function renderMailbox(server: typeof ServerBackend, mails: ServerBackend.Mail[]): void {
  const box = byId('mailbox');
  const items = mails.slice(0, 3).map((mail) => {
    const item = document.createElement('div');
    item.className = 'mail';
    const subject = document.createElement('p');
    subject.textContent = `${mail.subject} — to ${mail.to}`;
    item.append(subject);
    const link = server.linkOf(mail);
    if (link) {
      const open = document.createElement('a');
      open.className = 'demo-button primary';
      open.href = link;
      open.textContent = 'Open the link';
      item.append(open);
    }
    return item;
  });
  if (!items.length) {
    const empty = document.createElement('p');
    empty.className = 'inbox-empty';
    empty.textContent = 'No email yet. “Forgot password?” sends a reset link here.';
    items.push(empty);
  }
  box.replaceChildren(...items);
}

(ON_SERVER ? startOnServer() : startOnMock()).catch((error: unknown) => {
  console.error(error);
  const alert = document.createElement('div');
  alert.className = 'start-error';
  alert.setAttribute('role', 'alert');
  const reason = error instanceof Error ? error.message : String(error);
  alert.textContent = ON_SERVER ? `The demo could not reach the account server: ${reason}` : `The demo's mock backend could not start: ${reason}`;
  document.querySelector('main')?.prepend(alert);
});
