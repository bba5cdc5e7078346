// Checks that dist/account-elements.bundle.js works the way the README tells people with no build
// step to use it: a static page, `<script type="module" src=…/account-elements.bundle.js>`, the
// dist/ folder served as is. Headless Chromium (playwright-core, /usr/bin/chromium or CHROME_PATH)
// opens the page, which uses the German locale (a lazy chunk beside the bundle) and a theme file;
// the elements must be defined and render, with no page error and no failed file request.
// Run by `npm run lint:package`, after `npm run build`.
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const dist = resolve(import.meta.dirname, '..', 'dist');
if (!existsSync(join(dist, 'account-elements.bundle.js'))) {
  console.error('check-cdn: dist/account-elements.bundle.js is missing: run `npm run build` first.');
  process.exit(1);
}

// The host page lives in a temp dir; /assets/dn/ is dist/ exactly as the build left it.
const site = mkdtempSync(join(tmpdir(), 'dn-cdn-'));
writeFileSync(
  join(site, 'index.html'),
  `<!doctype html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <title>CDN check</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/assets/dn/themes/dark.css">
  <script type="module" src="/assets/dn/account-elements.bundle.js"></script>
</head>
<body>
  <dn-account-provider api-base="/api/account" locale="de">
    <dn-account-settings></dn-account-settings>
  </dn-account-provider>
</body>
</html>
`,
);

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json' };
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/api/')) {
    // No backend: the elements must still render (their load-error state).
    res.writeHead(503, { 'content-type': 'application/problem+json' });
    res.end(JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503 }));
    return;
  }
  const [base, path] = url.pathname.startsWith('/assets/dn/')
    ? [dist, url.pathname.slice('/assets/dn/'.length)]
    : [site, url.pathname === '/' ? 'index.html' : url.pathname.slice(1)];
  const file = normalize(join(base, decodeURIComponent(path)));
  if (!file.startsWith(base) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const problems = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const loaded = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/503|Service Unavailable/.test(message.text())) problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/api/')) return;
    loaded.push(path);
    if (response.status() >= 400) problems.push(`${path}: HTTP ${response.status()}`);
  });
  page.on('requestfailed', (request) => problems.push(`${request.url()}: ${request.failure()?.errorText}`));

  await page.goto(`${origin}/`, { waitUntil: 'load' });
  const state = await page.waitForFunction(
    async () => {
      const tags = ['dn-account-provider', 'dn-account-settings'];
      if (!tags.every((tag) => customElements.get(tag))) return false;
      const settings = document.querySelector('dn-account-settings');
      await settings.updateComplete;
      const tabs = settings.shadowRoot?.querySelectorAll('[role="tab"]') ?? [];
      if (tabs.length === 0) return false;
      return {
        tabs: [...tabs].map((tab) => tab.textContent.trim()),
        defined: ['dn-profile-form', 'dn-session-list', 'dn-preferences'].filter((tag) => customElements.get(tag)),
        lang: document.querySelector('dn-account-provider').locale,
      };
    },
    undefined,
    { timeout: 15000 },
  ).then((handle) => handle.jsonValue());
  // Let the first tab's section load (a lazily imported chunk) and settle.
  await page.waitForFunction(() => customElements.get('dn-profile-form'), undefined, { timeout: 10000 });
  await page.waitForTimeout(300);

  if (!loaded.some((path) => /\/bundle-chunks\/de-[\w-]+\.js$/.test(path))) problems.push('the German locale chunk was not loaded from bundle-chunks/');
  if (!loaded.includes('/assets/dn/themes/dark.css')) problems.push('the theme file was not loaded');
  if (state.tabs.includes('Profile')) problems.push(`tabs are still in English with locale="de": ${state.tabs.join(', ')}`);
  console.log(`check-cdn: ${state.tabs.length} tabs (${state.tabs.join(', ')}); ${loaded.filter((p) => p.endsWith('.js')).length} modules loaded.`);
} catch (error) {
  problems.push(error instanceof Error ? error.message : String(error));
} finally {
  await browser.close();
  server.close();
  rmSync(site, { recursive: true, force: true });
}

if (problems.length) {
  for (const problem of problems) console.error(`check-cdn: ${problem}`);
  process.exit(1);
}
console.log('check-cdn: the CDN bundle defines and renders the elements from a plain <script type="module">.');
