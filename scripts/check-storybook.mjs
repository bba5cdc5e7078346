// Checks the static Storybook site that `npm run build-storybook` wrote to storybook-static/, served
// as is by a plain static server (the way it is published): the manager page loads and opens on the
// introduction ("Introduction/Start here", stories/introduction.mdx, sorted first), without
// Storybook's own onboarding; the introduction renders and its links lead to stories that exist; and
// the first story of every component renders on the mock backend (MSW's worker from the built site)
// and runs its play function to the end, with no page error. Every story's checks run in `npm run
// test:stories` (Vitest, against the sources); this one is about the built output.
// Headless Chromium: playwright-core with /usr/bin/chromium or CHROME_PATH.
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
// index.json lists the entries in the sidebar's order (preview.ts `storySort`); Storybook opens on
// the first one.
const first = Object.values(index.entries)[0];
const intro = first?.type === 'docs' && first.title === 'Introduction/Start here' ? first : undefined;
const failures = [];
if (!intro) failures.push(`the first entry is ${first ? `${first.type} "${first.title}"` : 'missing'}, not the docs page "Introduction/Start here"`);
// Addons are built into sb-addons/<name>-<n>/: no onboarding addon among them.
const onboardingAddons = readdirSync(join(site, 'sb-addons')).filter((name) => /onboarding/i.test(name));
if (onboardingAddons.length > 0) failures.push(`onboarding addon built in: ${onboardingAddons.join(', ')}`);
const firstStories = new Map();
for (const entry of Object.values(index.entries)) {
  if (entry.type === 'story' && !firstStories.has(entry.title)) firstStories.set(entry.title, entry);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto(`${origin}/index.html`);
  await page.locator('#storybook-explorer-menu, [data-nodetype="component"]').first().waitFor({ timeout: 30_000 });
  // The manager writes the entry it opened into the address.
  const opened = await page
    .waitForURL((url) => url.searchParams.has('path'), { timeout: 30_000 })
    .then(() => new URL(page.url()).searchParams.get('path'))
    .catch(() => 'nothing');
  if (opened !== `/docs/${intro?.id ?? 'introduction-start-here--docs'}`) failures.push(`manager: opens on ${opened}, not the introduction`);
  // The checklist widget in the sidebar and the guide in the menu (both shown by `storybook dev`).
  const features = await page.evaluate(() => globalThis.FEATURES ?? {});
  for (const feature of ['sidebarOnboardingChecklist', 'menuOnboardingChecklist']) {
    if (features[feature] !== false) failures.push(`manager: FEATURES.${feature} is ${features[feature]}, not false (.storybook/main.ts \`features\`)`);
  }
  if (errors.length > 0) failures.push(`manager: ${errors.join('; ')}`);

  // The introduction renders, and each of its links to a story or page leads to one that exists
  // (the whole page among them).
  if (intro) {
    errors.length = 0;
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(intro.id)}&viewMode=docs`);
    const heading = await page
      .locator('#storybook-docs h1')
      .first()
      .textContent({ timeout: 30_000 })
      .catch(() => '');
    const targets = await page.locator('#storybook-docs a[href*="path=/"]').evaluateAll((links) => links.map((link) => new URL(link.getAttribute('href') ?? '', 'http://x').searchParams.get('path') ?? ''));
    const ids = targets.map((path) => path.replace(/^\/(story|docs)\//, ''));
    const broken = ids.filter((id) => !index.entries[id]);
    const problem = !heading
      ? 'no heading rendered'
      : broken.length > 0
        ? `links to missing entries: ${broken.join(', ')}`
        : !ids.some((id) => index.entries[id].title.startsWith('Pages/'))
          ? 'no link to the whole page'
          : errors.length > 0
            ? errors.join('; ')
            : '';
    console.log(`${problem ? '✗' : '✓'} ${intro.title}${problem ? `: ${problem}` : ` (${ids.length} links to stories)`}`);
    if (problem) failures.push(`${intro.title}: ${problem}`);
  }

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
console.log(`check-storybook: the built site works (opens on ${intro.title}; ${firstStories.size} components, one story each).`);
