/**
 * Trusted Types for the DEMO's mock backend — not for the library.
 *
 * Under `require-trusted-types-for 'script'`, `navigator.serviceWorker.register(url)` takes only a
 * TrustedScriptURL. MSW (the demo's mock backend) turns whatever URL it is given into a string
 * (`serviceWorker.url.toString()`) before it registers its worker, so a named policy cannot reach that
 * call: only the `default` policy, which the browser consults for plain strings, can. This one allows
 * exactly one script URL — MSW's worker, /mockServiceWorker.js on this origin — and nothing else: it
 * has no createHTML or createScript, so every HTML and script sink stays blocked, and any other
 * script URL is refused (the browser reports it as a violation).
 *
 * The policy header lists it (`trusted-types lit-html default`, scripts/serve-demo.mjs). A host
 * running the elements on its real backend needs only `lit-html`.
 */

/** The bits of the Trusted Types API used here (TypeScript's DOM lib does not declare them yet). */
interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL(input: string): string | null }): unknown;
}

export const MOCK_WORKER_PATH = '/mockServiceWorker.js';

let installed = false;

/** Creates the demo's `default` policy once, before the mock backend registers its worker. */
export function allowMockWorker(): void {
  const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (installed || !trustedTypes) return;
  installed = true;
  trustedTypes.createPolicy('default', {
    createScriptURL(input: string): string | null {
      const url = new URL(input, location.href);
      const isMockWorker = url.origin === location.origin && url.pathname === MOCK_WORKER_PATH && !url.search && !url.hash;
      return isMockWorker ? url.href : null;
    },
  });
}
