// Checks the static Storybook site that `npm run build-storybook` wrote to storybook-static/, served
// as is by a plain static server (the way it is published): the manager page loads, and the first
// story of every component renders on the mock backend (MSW's worker from the built site) and runs
// its play function to the end, with no page error. Every story's checks run in `npm run
// test:stories` (Vitest, against the sources); this one is about the built output.
// Headless Chromium: playwright-core with /usr/bin/chromium or CHROME_PATH.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const site = resolve(import.meta.dirname, '..', 'storybook-static');
if (!existsSync(join(site, 'index.json'))) {
  console.error('check-storybook: storybook-static/ is missing: run `npm run build-storybook` first.');
  process.exit(1);
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let file = normalize(join(site, decodeURIComponent(url.pathname)));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(site) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(readFileSync(join(site, 'index.json'), 'utf8'));
const firstStories = new Map();
for (const entry of Object.values(index.entries)) {
  if (entry.type === 'story' && !firstStories.has(entry.title)) firstStories.set(entry.title, entry);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const failures = [];
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto(`${origin}/index.html`);
  await page.locator('#storybook-explorer-menu, [data-nodetype="component"]').first().waitFor({ timeout: 30_000 });
  if (errors.length > 0) failures.push(`manager: ${errors.join('; ')}`);

  for (const story of firstStories.values()) {
    errors.length = 0;
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
    const phase = await page
      .waitForFunction(
        () => {
          const phase = globalThis.__STORYBOOK_PREVIEW__?.currentRender?.phase;
          return ['finished', 'errored', 'aborted'].includes(phase) ? phase : false;
        },
        undefined,
        { timeout: 30_000 },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => 'timed out');
    const rendered = await page.evaluate(() => {
      const element = [...document.querySelectorAll('#storybook-root *')].find((node) => node.localName.startsWith('dn-') && node.localName !== 'dn-account-provider');
      return Boolean(element && (element.shadowRoot?.childNodes.length ?? 0) > 0);
    });
    const problem = phase !== 'finished' ? `ended ${phase}` : !rendered ? 'no dn- element rendered' : errors.length > 0 ? errors.join('; ') : '';
    console.log(`${problem ? '✗' : '✓'} ${story.title} › ${story.name}${problem ? `: ${problem}` : ''}`);
    if (problem) failures.push(`${story.title} › ${story.name}: ${problem}`);
  }
} finally {
  await browser.close();
  server.close();
}

if (failures.length > 0) {
  console.error(`check-storybook: ${failures.length} problem(s) in the built site:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-storybook: the built site works (${firstStories.size} components, one story each).`);
