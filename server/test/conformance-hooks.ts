/**
 * The conformance kit's hooks for the reference server (as `test/conformance/mock-hooks.mjs`
 * is for the mock): sign in through Better Auth, start the sign-in 2FA step on a device of its
 * own, and read the links the server mailed from the development mailbox.
 */
import type { HookContext, Hooks } from '../../conformance/options.js';
import { secretOfUri, totpCode } from '../../conformance/totp.js';

export interface ServerHooksOptions {
  /** The server's origin, e.g. `http://localhost:8787`. */
  origin: string;
  email: string;
  /** The password at the start; the kit passes the current one (its `password` part changes it). */
  password: string;
  /** Sends a request without the kit's cookies (a fresh device); `globalThis.fetch` by default. */
  fetch?: typeof globalThis.fetch;
}

/** The link's `token=` parameter in the newest message of `kind` to `email`. */
export function tokenOfMail(items: readonly { kind: string; to: string; text: string }[], kind: string, email: string): string | null {
  const mail = items.find((m) => m.kind === kind && m.to.toLowerCase() === email.toLowerCase());
  const link = mail?.text.match(/https?:\/\/\S+/)?.[0];
  return link ? new URL(link).searchParams.get('token') : null;
}

/**
 * Turns 2FA on for the signed-in test user through the account API, as the user would in the
 * settings page: confirm the password, start the setup, send the code of its secret. The kit's
 * own 2FA part leaves 2FA off, so the `rate-limits` part needs it on again for a challenge.
 */
async function turnOnTwoFactor(context: HookContext, password: string): Promise<void> {
  const { token } = (await (await context.fetch(`${context.baseUrl}/csrf`)).json()) as { token: string };
  const post = (path: string, body?: unknown) =>
    context.fetch(`${context.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const confirmed = await post('/reauth', { method: 'password', password });
  if (!confirmed.ok) throw new Error(`/reauth answered ${confirmed.status}`);
  const setup = (await (await post('/two-factor/setup')).json()) as { setupId: string; otpauthUri: string };
  const secret = secretOfUri(setup.otpauthUri);
  if (!secret) throw new Error('the 2FA setup gave no readable secret');
  const verified = await post('/two-factor/setup/verify', { setupId: setup.setupId, code: totpCode(secret) });
  if (!verified.ok) throw new Error(`verifying the 2FA setup answered ${verified.status}`);
}

export function serverHooks(options: ServerHooksOptions): Hooks {
  const plain = options.fetch ?? globalThis.fetch;
  const signInRequest = (fetch: typeof globalThis.fetch, password: string) =>
    fetch(`${options.origin}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: options.origin },
      body: JSON.stringify({ email: options.email, password }),
    });
  const challenge = async (password: string): Promise<{ challengeId?: string; status: number }> => {
    const response = await signInRequest(plain, password);
    const body = (await response.json()) as { twoFactorRedirect?: boolean; challengeId?: string };
    return { status: response.status, ...(body.twoFactorRedirect && body.challengeId ? { challengeId: body.challengeId } : {}) };
  };
  return {
    signIn: async ({ fetch, password }) => {
      const response = await signInRequest(fetch, password ?? options.password);
      if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
    },
    startTwoFactorChallenge: async (context) => {
      const password = context.password ?? options.password;
      let started = await challenge(password);
      if (!started.challengeId && started.status === 200) {
        await turnOnTwoFactor(context, password);
        started = await challenge(password);
      }
      if (!started.challengeId) throw new Error(`sign-in did not ask for the second factor (${started.status})`);
      return started.challengeId;
    },
    readToken: async ({ kind, email }) => {
      const response = await plain(`${options.origin}/api/dev/mailbox?to=${encodeURIComponent(email)}`);
      if (!response.ok) throw new Error(`the development mailbox answered ${response.status}`);
      const { items } = (await response.json()) as { items: { kind: string; to: string; text: string }[] };
      return tokenOfMail(items, kind, email);
    },
  };
}
