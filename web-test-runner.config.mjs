import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './scripts/summary-reporter.mjs';

/** Flags Chromium needs on these machines (root, closed network). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Test pages run side by side; none may be throttled as a background page.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  // test/conformance runs in Node (vitest's `conformance` project), not in the browser.
  files: ['test/**/*.test.ts', '!test/conformance/**'],
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  // Each page answers its own API calls (test/helpers/page-backend.ts), so files run side by side.
  concurrency: Number(process.env.WTR_CONCURRENCY) || 2,
  // The per-file limit: the lifecycle files mount elements 1,000 times each (a margin for busy machines).
  testsFinishTimeout: Number(process.env.WTR_FILE_TIMEOUT) || 420_000,
  reporters: [defaultReporter(), summaryReporter()],
  // Generous: two test pages share two cores; waits inside tests poll for up to 8 s.
  testFramework: { config: { timeout: 20000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        args: chromiumArgs,
      },
      // A browser context (its own window) per page: a second tab in one window is hidden and gets no
      // animation frames, and contexts share no service worker, storage or cookies.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
  plugins: [
    webAuthnCommand(),
    bundledTestDependency('shadow-dom-testing-library'),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  ],
  middleware: [
    // The MSW service worker must be served from the root to control the test pages.
    async function mockServiceWorker(context, next) {
      if (context.url === '/mockServiceWorker.js') {
        context.type = 'application/javascript';
        context.body = await readFile(new URL('./public/mockServiceWorker.js', import.meta.url), 'utf8');
        return;
      }
      return next();
    },
  ],
  coverageConfig: { include: ['src/**/*.ts'] },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>DialNexa Account Elements tests</title></head>
  <body>
    <script>
      // Benign browser notice (the list virtualizer resizes rows inside a ResizeObserver
      // callback); it is not an exception, so it must not fail the test that saw it.
      window.addEventListener('error', (event) => {
        if (String(event.message).startsWith('ResizeObserver loop')) event.stopImmediatePropagation();
      }, true);
    </script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};

/**
 * Serves a test-only dependency as one esbuild bundle: @testing-library/dom pulls in
 * CommonJS packages (aria-query, pretty-format) the dev server cannot convert.
 */
function bundledTestDependency(name) {
  const url = `/__bundled__/${name}.js`;
  let bundle;
  return {
    name: `bundle-${name}`,
    resolveImport({ source }) {
      if (source === name) return url;
    },
    async serve(context) {
      if (context.path !== url) return;
      bundle ??= build({
        entryPoints: [name],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        define: { 'process.env.NODE_ENV': '"test"', 'process.env.DEBUG_PRINT_LIMIT': '"2000"' },
      }).then((result) => result.outputFiles[0].text);
      return { body: await bundle, type: 'js' };
    },
  };
}

/**
 * `executeServerCommand('webauthn', …)`: a virtual authenticator for the test page, through the
 * DevTools protocol's WebAuthn domain, so passkey ceremonies run for real in headless Chromium.
 * Payload `{ action: 'add', options }` adds one (a CTAP2 platform authenticator with resident keys
 * and user verification unless `options` say otherwise) and answers its id; `'credentials'` lists
 * what it holds; `'user-verified'` with `value` makes it pass or fail verification;
 * `'remove'` takes it away.
 */
function webAuthnCommand() {
  /** Per test page: its DevTools session and the authenticator added. */
  const pages = new Map();
  return {
    name: 'webauthn-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'webauthn') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('The webauthn command needs the Chrome launcher');
      const page = session.browser.getPage(session.id);
      let entry = pages.get(page);
      if (!entry) {
        const cdp = await page.createCDPSession();
        await cdp.send('WebAuthn.enable', { enableUI: false });
        entry = { cdp, authenticatorId: null };
        pages.set(page, entry);
        page.once('close', () => pages.delete(page));
      }
      const { cdp } = entry;
      switch (payload?.action) {
        case 'add': {
          if (entry.authenticatorId) await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: entry.authenticatorId });
          const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
            options: {
              protocol: 'ctap2',
              transport: 'internal',
              hasResidentKey: true,
              hasUserVerification: true,
              isUserVerified: true,
              automaticPresenceSimulation: true,
              ...payload.options,
            },
          });
          entry.authenticatorId = authenticatorId;
          return authenticatorId;
        }
        case 'credentials': {
          if (!entry.authenticatorId) return [];
          const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId: entry.authenticatorId });
          return credentials.map((c) => ({ credentialId: c.credentialId, isResidentCredential: c.isResidentCredential, signCount: c.signCount, rpId: c.rpId }));
        }
        case 'user-verified':
          await cdp.send('WebAuthn.setUserVerified', { authenticatorId: entry.authenticatorId, isUserVerified: Boolean(payload.value) });
          return true;
        case 'remove':
          if (entry.authenticatorId) await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: entry.authenticatorId });
          entry.authenticatorId = null;
          return true;
        default:
          throw new Error(`Unknown webauthn action ${JSON.stringify(payload?.action)}`);
      }
    },
  };
}
