import { readFile } from 'node:fs/promises';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeLauncher } from '@web/test-runner-chrome';

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
];

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        args: chromiumArgs,
      },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    commonjs({ include: ['**/node_modules/qrcode/**', '**/node_modules/dijkstrajs/**', '**/node_modules/pngjs/**'] }),
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
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
