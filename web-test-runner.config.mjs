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
