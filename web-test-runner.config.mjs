import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './scripts/summary-reporter.mjs';

const commonjs = fromRollup(rollupCommonjs);

/** Flags Chromium needs on these machines (root, closed network). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Two test pages run at once; a backgrounded page must still get animation frames and timers.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  // One page at a time: pages share the mock's service worker, and a background page gets no frames.
  concurrency: 1,
  // The per-file limit: the lifecycle files mount elements 1,000 times each (a margin for busy machines).
  testsFinishTimeout: 420_000,
  reporters: [defaultReporter(), summaryReporter()],
  // Generous: two test pages share two cores; waits inside tests poll for up to 8 s.
  testFramework: { config: { timeout: 20000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        args: chromiumArgs,
      },
    }),
  ],
  plugins: [
    bundledTestDependency('shadow-dom-testing-library'),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // qrcode is CommonJS.
    commonjs({
      include: [
        '**/node_modules/qrcode/**',
        '**/node_modules/dijkstrajs/**',
        '**/node_modules/pngjs/**',
      ],
    }),
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
