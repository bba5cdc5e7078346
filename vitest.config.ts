import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/**
 * Two projects:
 * - `storybook`: every story in stories/ renders in headless Chromium (Debian's, no
 *   browser download) and runs its `play` function, through Storybook's vitest addon
 *   (`npm run test:stories`);
 * - `conformance`: the conformance kit (conformance/) against the mock backend over HTTP
 *   in Node, and against deliberately broken variants of it (`npm run test:conformance`).
 * - `server`: the reference server (server/) in Node on PGlite in a temporary folder, and
 *   `server-postgres`: the same tests on PostgreSQL when DN_TEST_DATABASE_URL is set
 *   (`npm run test:server` runs both; without the variable it says PostgreSQL was skipped).
 * All are part of `npm test`.
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
                args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        test: {
          name: 'conformance',
          environment: 'node',
          include: ['test/conformance/**/*.test.ts'],
          // A whole run of the kit takes a few seconds; more on a busy machine.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/test/**/*.test.ts'],
          globalSetup: ['server/test/global-setup.ts'],
          // Creating a PGlite database takes a few seconds; more on a busy machine.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      // The same tests on a real PostgreSQL, a fresh database per file, when DN_TEST_DATABASE_URL names one.
      ...(process.env['DN_TEST_DATABASE_URL']
        ? [
            {
              test: {
                name: 'server-postgres',
                environment: 'node',
                include: ['server/test/**/*.test.ts'],
                setupFiles: ['server/test/postgres-setup.ts'],
                testTimeout: 60_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
