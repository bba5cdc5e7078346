// `npm run bench`: list speed and memory figures in headless Chromium (issue targets are
// reported, never enforced: these machines are shared and noisy).
//
//   - time from a list's data arriving to its first painted frame: 10 vs 10,000 sessions,
//     10 vs 50,000 login events (the first page, and the page that completes 50,000 rows);
//   - frame times and long tasks (> 50 ms) while scrolling the large lists;
//   - heap growth over 1,000 mount / remove cycles of every element.
//
// Options: --runs=N (first-frame samples per case, default 15), --cycles=N (default 1000),
//          --json (print the figures as JSON too).
import { resolve } from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? true];
  }),
);
const RUNS = Number(args.runs ?? 15);
const CYCLES = Number(args.cycles ?? 1000);
const root = resolve(import.meta.dirname, '..', 'bench');
const outDir = resolve(import.meta.dirname, '..', 'node_modules', '.cache', 'dn-bench');

const ELEMENTS = [
  'dn-profile-form',
  'dn-email-change',
  'dn-password-change',
  'dn-password-reset',
  'dn-2fa-setup',
  'dn-trusted-devices',
  'dn-session-list',
  'dn-login-activity',
  'dn-notification-matrix',
  'dn-privacy-settings',
  'dn-delete-account',
  'dn-connected-accounts',
  'dn-preferences',
  'dn-billing-summary',
  'dn-account-settings',
];

console.log('Building the benchmark page (production build)…');
await build({ root, configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 10_000 } });
const server = await preview({ root, configFile: false, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
const url = server.resolvedUrls?.local[0];

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const ms = (value) => `${value.toFixed(1)} ms`;

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => console.error('[page error]', error.message));
  await page.goto(url);
  await page.waitForFunction(() => window.dnBench?.ready);

  const sample = async (tag, options, attributes = {}) => {
    const times = [];
    // One warm-up run: the first render also compiles templates and styles.
    await page.evaluate(([t, o, a]) => window.dnBench.firstFrame(t, o, a), [tag, options, attributes]);
    for (let i = 0; i < RUNS; i++) times.push(await page.evaluate(([t, o, a]) => window.dnBench.firstFrame(t, o, a), [tag, options, attributes]));
    return median(times);
  };

  console.log(`First frame after the data arrives (median of ${RUNS})…`);
  const sessionsSmall = await sample('dn-session-list', { sessions: 10 });
  const sessionsLarge = await sample('dn-session-list', { sessions: 10_000 });
  const sessionsScroll = await page.evaluate(() => window.dnBench.scroll());
  const activitySmall = await sample('dn-login-activity', { loginAttempts: 10 }, { 'page-size': '200' });
  const activityLarge = await sample('dn-login-activity', { loginAttempts: 50_000 }, { 'page-size': '200' });

  console.log('Loading 50,000 login events page by page…');
  const loaded = await page.evaluate(() => window.dnBench.loadAll(50_000, 200));
  const activityScroll = await page.evaluate(() => window.dnBench.scroll());

  console.log(`Heap growth over ${CYCLES} mount / remove cycles…`);
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const growth = [];
  for (const tag of ELEMENTS) {
    await page.evaluate(([t]) => window.dnBench.cycles(t, 50), [tag]);
    const before = await heap();
    await page.evaluate(([t, n]) => window.dnBench.cycles(t, n), [tag, CYCLES]);
    const after = await heap();
    growth.push({ tag, before, after, growthKb: (after - before) / 1024 });
  }

  const figures = {
    sessions: { small: sessionsSmall, large: sessionsLarge, ratio: sessionsLarge / sessionsSmall, scroll: sessionsScroll },
    activity: { small: activitySmall, large: activityLarge, ratio: activityLarge / activitySmall, lastPage: loaded.lastPageFrame, loaded: loaded.loaded, scroll: activityScroll },
    heap: growth,
  };

  const rows = [
    ['Sessions: 10', ms(sessionsSmall), ''],
    ['Sessions: 10,000', ms(sessionsLarge), `${figures.sessions.ratio.toFixed(2)}× (target ≤ 1.5×)`],
    ['Login events: 10 (first page)', ms(activitySmall), ''],
    ['Login events: 50,000 (first page of 200)', ms(activityLarge), `${figures.activity.ratio.toFixed(2)}× (target ≤ 1.5×)`],
    [`Login events: page that completes ${loaded.loaded.toLocaleString('en')} rows`, ms(loaded.lastPageFrame), `${(loaded.lastPageFrame / activitySmall).toFixed(2)}× the first page`],
  ];
  console.log('\nFirst painted frame after the data arrives');
  console.table(Object.fromEntries(rows.map(([name, time, ratio]) => [name, { time, ratio }])));

  const scrollRow = (s) => ({ frames: s.frames, 'p50 frame': ms(s.p50), 'p95 frame': ms(s.p95), 'max frame': ms(s.max), 'long tasks > 50 ms': s.longTasks, 'longest task': ms(s.longestTask) });
  console.log('Scrolling the large lists (one step of 160 px a frame)');
  console.table({ '10,000 sessions': scrollRow(sessionsScroll), '50,000 login events': scrollRow(activityScroll) });

  console.log(`Heap after ${CYCLES} mount / remove cycles (after GC)`);
  console.table(Object.fromEntries(growth.map((g) => [g.tag, { 'before (KB)': Math.round(g.before / 1024), 'after (KB)': Math.round(g.after / 1024), 'growth (KB)': g.growthKb.toFixed(1) }])));

  if (args.json) console.log(JSON.stringify(figures, null, 2));
} finally {
  await browser.close();
  await new Promise((done) => server.httpServer.close(done));
}
