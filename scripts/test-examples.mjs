#!/usr/bin/env node
// Builds and opens every example in examples/ in headless Chromium, as a user of the package would:
// plain HTML with the CDN bundle, React 19 and Vue 3 (each its own project, installing the package
// through `file:../..`). For each: the profile form shows the display name from the example's own
// API object (a property reached the element), saving a new name reaches the framework's handler
// ("Saved: <name>" on the page), and nothing is logged as an error.
//
//   node scripts/test-examples.mjs            all examples
//   node scripts/test-examples.mjs react vue  only these
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = join(root, 'examples');
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const TIMEOUT = 15_000;

/**
 * Each example: `serve` is the folder the static server serves, `path` the page in it;
 * `build` says whether it is a project to install and build with Vite.
 */
const EXAMPLES = {
  html: { serve: root, path: '/examples/html/index.html', build: false },
  react: { serve: join(examplesDir, 'react', 'dist'), path: '/', build: true },
  vue: { serve: join(examplesDir, 'vue', 'dist'), path: '/', build: true },
};

const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!(name in EXAMPLES)) fail(`unknown example "${name}" (known: ${Object.keys(EXAMPLES).join(', ')})`);
}
const names = wanted.length > 0 ? wanted : Object.keys(EXAMPLES);

function fail(message) {
  console.error(`test-examples: ${message}`);
  process.exit(1);
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd} (exit ${result.status}):\n${output}`);
  }
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** A static file server on 127.0.0.1 and a free port; resolves with its origin. */
function serve(dir) {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (pathname === '/favicon.ico') {
      response.writeHead(204).end(); // the browser asks for it by itself; the examples have none
      return;
    }
    let file = normalize(join(dir, pathname));
    if (file !== dir && !file.startsWith(dir + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolvePromise({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

/** Opens one example and checks render, property, event and console; throws on the first problem. */
async function check(browser, name, origin, path) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url } = message.location();
      problems.push(`console error: ${message.text()}${url ? ` (${url})` : ''}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.setDefaultTimeout(TIMEOUT);
  try {
    await page.goto(origin + path);

    // Rendered, with data from the example's own API object (or its load-error state: fail fast).
    await page
      .waitForFunction(() => {
        const shadow = document.querySelector('dn-profile-form')?.shadowRoot;
        return Boolean(shadow?.querySelector('#displayName') || shadow?.querySelector('[part="error"]'));
      })
      .catch(() => {
        throw new Error('dn-profile-form never rendered its form');
      });
    const shown = await page.evaluate(() => {
      const form = document.querySelector('dn-profile-form');
      return {
        value: form?.shadowRoot?.querySelector('#displayName')?.value ?? null,
        ownApi: form?.api === document.querySelector('dn-account-provider')?.api,
      };
    });
    if (shown.value !== 'Ada Lovelace') {
      throw new Error(
        `the profile form shows ${shown.value === null ? 'its load error' : `"${shown.value}"`}, not "Ada Lovelace" from the example's API` +
          (shown.ownApi ? '' : " (the form did not get the provider's `api` through the context)"),
      );
    }
    const input = page.getByLabel('Display name');
    // The property reached the provider as a property (an object), not as an attribute.
    const api = await page.evaluate(() => {
      const provider = document.querySelector('dn-account-provider');
      return {
        defined: Boolean(customElements.get('dn-account-provider') && customElements.get('dn-profile-form')),
        isObject: typeof provider?.api === 'object' && typeof provider.api.getProfile === 'function',
        attribute: provider?.getAttribute('api') ?? null,
      };
    });
    if (!api.defined) throw new Error('dn-account-provider / dn-profile-form are not defined');
    if (!api.isObject) throw new Error('the provider has no `api` object property');
    if (api.attribute !== null) throw new Error(`\`api\` was set as an attribute ("${api.attribute}") instead of a property`);

    // The event reached the framework's handler.
    await input.fill('Grace Hopper');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved: Grace Hopper').waitFor().catch(() => {
      throw new Error('"Saved: Grace Hopper" never appeared: dn-profile-saved did not reach the handler');
    });

    if (problems.length > 0) throw new Error(problems.join('\n  '));
  } catch (error) {
    const extra = problems.length > 0 && !String(error.message).includes(problems[0]) ? `\n  ${problems.join('\n  ')}` : '';
    throw new Error(`${error.message}${extra}`, { cause: error });
  } finally {
    await page.close();
  }
}

const started = Date.now();
const built = [];
let browser;
let failures = 0;
try {
  // The library, as the examples consume it (dist/ and the package's exports map).
  const needed = ['account-elements.bundle.js', 'account-provider.js', 'profile-form.js'];
  if (needed.some((file) => !existsSync(join(root, 'dist', file)))) {
    console.log('test-examples: dist/ is missing, running npm run build');
    run('npm', ['run', 'build', '--silent'], root);
  }

  for (const name of names) {
    if (!EXAMPLES[name].build) continue;
    const dir = join(examplesDir, name);
    const install = existsSync(join(dir, 'package-lock.json')) ? 'ci' : 'install';
    run('npm', [install, '--no-audit', '--no-fund', '--loglevel=error'], dir);
    run(join(dir, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'error'], dir);
    built.push(join(dir, 'dist'));
  }

  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (set CHROME_PATH)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

  for (const name of names) {
    const { serve: dir, path } = EXAMPLES[name];
    const server = await serve(dir);
    const t0 = Date.now();
    try {
      await check(browser, name, server.origin, path);
      console.log(`ok   ${name.padEnd(6)} rendered, api property, dn-profile-saved handled, no console errors (${Date.now() - t0} ms)`);
    } catch (error) {
      failures += 1;
      console.error(`FAIL ${name.padEnd(6)} ${error.message}`);
    } finally {
      await server.close();
    }
  }
} catch (error) {
  failures += 1;
  console.error(`test-examples: ${error.message}`);
} finally {
  await browser?.close();
  for (const dir of built) rmSync(dir, { recursive: true, force: true });
}

console.log(`test-examples: ${failures === 0 ? 'all passed' : `${failures} failed`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failures === 0 ? 0 : 1);
