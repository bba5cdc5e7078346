/**
 * The conformance kit's hooks for the reference server (as `test/conformance/mock-hooks.mjs`
 * is for the mock): sign in through Better Auth, start the sign-in 2FA step on a device of its
 * own, and read the links the server mailed from the development mailbox.
 */
import type { Hooks } from '../../conformance/options.js';

export interface ServerHooksOptions {
  /** The server's origin, e.g. `http://localhost:8787`. */
  origin: string;
  email: string;
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

export function serverHooks(options: ServerHooksOptions): Hooks {
  const plain = options.fetch ?? globalThis.fetch;
  const signInRequest = (fetch: typeof globalThis.fetch) =>
    fetch(`${options.origin}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: options.origin },
      body: JSON.stringify({ email: options.email, password: options.password }),
    });
  return {
    signIn: async ({ fetch }) => {
      const response = await signInRequest(fetch);
      if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
    },
    startTwoFactorChallenge: async () => {
      const response = await signInRequest(plain);
      const body = (await response.json()) as { twoFactorRedirect?: boolean; challengeId?: string };
      if (!body.twoFactorRedirect || !body.challengeId) throw new Error(`sign-in did not ask for the second factor (${response.status})`);
      return body.challengeId;
    },
    readToken: async ({ kind, email }) => {
      const response = await plain(`${options.origin}/api/dev/mailbox?to=${encodeURIComponent(email)}`);
      if (!response.ok) throw new Error(`the development mailbox answered ${response.status}`);
      const { items } = (await response.json()) as { items: { kind: string; to: string; text: string }[] };
      return tokenOfMail(items, kind, email);
    },
  };
}
