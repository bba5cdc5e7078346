// `npm run bench`: one report of the size and speed figures (issue targets are reported,
// never enforced: these machines are shared and noisy).
//
//   1. size: every element's entry, the whole page's first tab and every tab, everything
//      (index), lazy chunks apart; gzip and brotli (scripts/sizes.mjs, also `npm run size`);
//   2. the whole page (`<dn-account-provider>` + `<dn-account-settings>`, bench/page.html,
//      built on its own so its tabs load lazily) on the in-process mock, no latency: time to
//      the first frame showing the Profile form's fields (a fresh page load, and a remount
//      with the modules loaded), and from clicking Security to all its sections shown;
//   3. lists (bench/index.html): time from a list's data arriving to its first painted
//      frame, 10 vs 10,000 sessions, 10 vs 50,000 login events (and to the frame with all
//      200 rows of the first page in the DOM); frame times and long tasks (> 50 ms) while
//      scrolling the large lists;
//   4. heap growth over 1,000 mount / remove cycles of every element.
//
// Progress goes to stderr, the report to stdout at the end.
// Options: --runs=N (samples per timed case, default 15), --cold-runs=N (fresh page loads,
//          default 7), --cycles=N (default 1000), --only=size,page,lists,heap,
//          --markdown (the report as README-ready tables too), --json (the figures as JSON too).
import { resolve } from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { formatSizes, measureSizes, sizesMarkdown } from './sizes.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? true];
  }),
);
const RUNS = Number(args.runs ?? 15);
const COLD_RUNS = Number(args['cold-runs'] ?? 7);
const CYCLES = Number(args.cycles ?? 1000);
const ONLY = new Set(typeof args.only === 'string' ? args.only.split(',') : ['size', 'page', 'lists', 'heap']);
const root = resolve(import.meta.dirname, '..', 'bench');
const outDir = resolve(import.meta.dirname, '..', 'node_modules', '.cache', 'dn-bench');
const progress = (message) => console.error(`· ${message}`);

const ELEMENTS = [
  'dn-profile-form',
  'dn-email-change',
  'dn-password-change',
  'dn-password-reset',
  'dn-2fa-setup',
  'dn-2fa-challenge',
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

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const ms = (value) => `${value.toFixed(1)} ms`;
const range = (values) => `${ms(Math.min(...values))} – ${ms(Math.max(...values))}`;
const figures = {};
const report = [];
const markdown = [];

// 1. Size
if (ONLY.has('size')) {
  progress('Measuring sizes (esbuild, gzip, brotli)…');
  figures.size = await measureSizes();
  report.push(...formatSizes(figures.size), '');
  markdown.push('### Size', '', ...sizesMarkdown(figures.size), '');
}

const needBrowser = ['page', 'lists', 'heap'].some((part) => ONLY.has(part));
if (needBrowser) {
  progress('Building the benchmark pages (production build)…');
  // bench/index.html imports every element statically, so account-settings' dynamic imports
  // of its tabs are ineffective there (expected: that page measures elements one by one).
  // bench/page.html is built on its own, as a host would build the whole page.
  const quiet = (level, log, handler) => {
    if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return;
    handler(level, log);
  };
  const config = (input, empty) => ({
    root,
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: empty, target: 'es2022', chunkSizeWarningLimit: 10_000, rolldownOptions: { input: resolve(root, input), onLog: quiet } },
  });
  await build(config('index.html', true));
  await build(config('page.html', false));
  const server = await preview({ root, configFile: false, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  const url = server.resolvedUrls?.local[0];

  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
  });
  const open = async (path, context) => {
    const page = await (context ?? browser).newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => console.error('[page error]', error.message));
    await page.goto(new URL(path, url).href);
    return page;
  };

  try {
    // 2. The whole page
    if (ONLY.has('page')) {
      progress(`Whole page: ${COLD_RUNS} fresh page loads…`);
      const cold = [];
      for (let i = 0; i < COLD_RUNS; i++) {
        const context = await browser.newContext(); // empty cache: every module is fetched
        const page = await open('page.html?auto', context);
        await page.waitForFunction(() => window.dnPage?.cold.painted || window.dnPage?.cold.error, null, { timeout: 30_000 });
        const { appended, painted, error } = await page.evaluate(() => window.dnPage.cold);
        if (error) throw new Error(`whole page, fresh load: ${error}`);
        const security = await page.evaluate(() => window.dnPage.securityTab());
        cold.push({ load: painted, append: painted - appended, security });
        await context.close();
      }
      progress(`Whole page: ${RUNS} remounts…`);
      const page = await open('page.html');
      await page.waitForFunction(() => window.dnPage?.ready);
      const warm = [];
      // One warm-up run: the first render also compiles templates and styles.
      for (let i = 0; i <= RUNS; i++) {
        const first = await page.evaluate(() => window.dnPage.firstRender());
        const security = await page.evaluate(() => window.dnPage.securityTab());
        if (i > 0) warm.push({ first, security });
      }
      await page.close();
      const p = {
        coldLoad: median(cold.map((c) => c.load)),
        coldAppend: median(cold.map((c) => c.append)),
        coldSecurity: median(cold.map((c) => c.security)),
        warmFirst: median(warm.map((w) => w.first)),
        warmSecurity: median(warm.map((w) => w.security)),
        samples: { cold, warm },
      };
      figures.page = p;
      const rows = [
        [`fresh page load: navigation start → Profile fields painted`, p.coldLoad, range(cold.map((c) => c.load)), `median of ${COLD_RUNS}`],
        [`  of which: append → Profile painted (its chunk fetched)`, p.coldAppend, range(cold.map((c) => c.append)), ''],
        [`  then: click Security → its 5 sections painted (chunks fetched)`, p.coldSecurity, range(cold.map((c) => c.security)), ''],
        [`remount, modules loaded: append → Profile fields painted`, p.warmFirst, range(warm.map((w) => w.first)), `median of ${RUNS}, each a fresh page on a fresh mock`],
        [`  then: click Security → its 5 sections painted`, p.warmSecurity, range(warm.map((w) => w.security)), ''],
      ];
      report.push('WHOLE PAGE — <dn-account-provider> + <dn-account-settings>, in-process mock, no latency, production build');
      report.push(`  ${''.padEnd(66)}${'median'.padStart(10)}   range`);
      for (const [label, value, spread, note] of rows) report.push(`  ${label.padEnd(66)}${ms(value).padStart(10)}   ${spread}${note ? `   (${note})` : ''}`);
      report.push('');
      markdown.push('### Time to first render of the whole page', '', '| `<dn-account-provider>` + `<dn-account-settings>` on the in-process mock, no latency | median | range |', '|---|---:|---:|');
      for (const [label, value, spread, note] of rows) markdown.push(`| ${label.trim()}${note ? ` (${note})` : ''} | ${ms(value)} | ${spread} |`);
      markdown.push('');
    }

    if (ONLY.has('lists') || ONLY.has('heap')) {
      const page = await open('index.html');
      await page.waitForFunction(() => window.dnBench?.ready);

      // 3. Lists
      if (ONLY.has('lists')) {
        // Each sample: the first painted frame showing rows, and the painted frame with every row
        // in the DOM (a long plain list adds the rows after its first ones in the next frames).
        const sample = async (tag, options, attributes = {}) => {
          const runs = [];
          // One warm-up run: the first render also compiles templates and styles.
          await page.evaluate(([t, o, a]) => window.dnBench.firstFrame(t, o, a), [tag, options, attributes]);
          for (let i = 0; i < RUNS; i++) runs.push(await page.evaluate(([t, o, a]) => window.dnBench.firstFrame(t, o, a), [tag, options, attributes]));
          return { first: median(runs.map((r) => r.first)), complete: median(runs.map((r) => r.complete)), rows: runs[0].rows };
        };
        progress(`Lists: first frame after the data arrives (median of ${RUNS})…`);
        const sessionsSmall = await sample('dn-session-list', { sessions: 10 });
        const sessionsLarge = await sample('dn-session-list', { sessions: 10_000 });
        const sessionsScroll = await page.evaluate(() => window.dnBench.scroll());
        const activitySmall = await sample('dn-login-activity', { loginAttempts: 10 }, { 'page-size': '200' });
        const activityLarge = await sample('dn-login-activity', { loginAttempts: 50_000 }, { 'page-size': '200' });
        progress('Lists: loading 50,000 login events page by page…');
        const loaded = await page.evaluate(() => window.dnBench.loadAll(50_000, 200));
        const activityScroll = await page.evaluate(() => window.dnBench.scroll());
        figures.lists = {
          sessions: { small: sessionsSmall.first, large: sessionsLarge.first, ratio: sessionsLarge.first / sessionsSmall.first, scroll: sessionsScroll },
          activity: {
            small: activitySmall.first,
            large: activityLarge.first,
            ratio: activityLarge.first / activitySmall.first,
            largeComplete: activityLarge.complete,
            completeRatio: activityLarge.complete / activitySmall.complete,
            lastPage: loaded.lastPageFrame,
            loaded: loaded.loaded,
            scroll: activityScroll,
          },
        };
        const l = figures.lists;
        const rows = [
          ['10 sessions', sessionsSmall.first, ''],
          ['10,000 sessions', sessionsLarge.first, `${l.sessions.ratio.toFixed(2)}× the 10 (target ≤ 1.5×)`],
          ['10 login events', activitySmall.first, ''],
          ['50,000 login events, first page of 200', activityLarge.first, `${l.activity.ratio.toFixed(2)}× the 10 (target ≤ 1.5×)`],
          [`  the same page with all its ${activityLarge.rows} rows in the DOM`, activityLarge.complete, `${l.activity.completeRatio.toFixed(2)}× the 10`],
          [`the page that completes ${loaded.loaded.toLocaleString('en')} loaded rows`, loaded.lastPageFrame, `${(loaded.lastPageFrame / activityLarge.first).toFixed(2)}× the first page`],
        ];
        report.push(`LISTS — first painted frame after the data arrives (median of ${RUNS})`);
        for (const [label, value, note] of rows) report.push(`  ${label.padEnd(66)}${ms(value).padStart(10)}   ${note}`);
        const scrollRows = [
          ['10,000 sessions', sessionsScroll],
          ['50,000 login events', activityScroll],
        ];
        report.push(`  scrolling, 160 px a frame for 240 frames ${'p50'.padStart(10)}${'p95'.padStart(10)}${'max'.padStart(10)}  long tasks > 50 ms (longest)`);
        for (const [label, s] of scrollRows) {
          report.push(`    ${label.padEnd(38)}${ms(s.p50).padStart(10)}${ms(s.p95).padStart(10)}${ms(s.max).padStart(10)}  ${s.longTasks} (${ms(s.longestTask)})`);
        }
        report.push('');
        markdown.push(`### Lists`, '', `| first painted frame after the data arrives (median of ${RUNS}) | time | |`, '|---|---:|---|');
        for (const [label, value, note] of rows) markdown.push(`| ${label} | ${ms(value)} | ${note} |`);
        markdown.push('', '| scrolling, 160 px a frame for 240 frames | p50 frame | p95 frame | max frame | long tasks > 50 ms (longest) |', '|---|---:|---:|---:|---:|');
        for (const [label, s] of scrollRows) markdown.push(`| ${label} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} | ${s.longTasks} (${ms(s.longestTask)}) |`);
        markdown.push('');
      }

      // 4. Heap
      if (ONLY.has('heap')) {
        progress(`Heap growth over ${CYCLES} mount / remove cycles of ${ELEMENTS.length} elements…`);
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
        figures.heap = growth;
        report.push(`HEAP — growth over ${CYCLES.toLocaleString('en')} mount / remove cycles (after GC; single runs are noisy)`);
        report.push(`  ${'element'.padEnd(28)}${'before'.padStart(12)}${'after'.padStart(12)}${'growth'.padStart(12)}${'per cycle'.padStart(12)}`);
        for (const g of growth) {
          report.push(`  ${g.tag.padEnd(28)}${`${Math.round(g.before / 1024)} KB`.padStart(12)}${`${Math.round(g.after / 1024)} KB`.padStart(12)}${`${g.growthKb.toFixed(1)} KB`.padStart(12)}${`${Math.round((g.growthKb * 1024) / CYCLES)} B`.padStart(12)}`);
        }
        report.push('');
        markdown.push(`### Heap growth over ${CYCLES.toLocaleString('en')} mount / remove cycles (after GC)`, '', '| element | before | after | growth |', '|---|---:|---:|---:|');
        for (const g of growth) markdown.push(`| \`<${g.tag}>\` | ${Math.round(g.before / 1024)} KB | ${Math.round(g.after / 1024)} KB | ${g.growthKb.toFixed(1)} KB |`);
        markdown.push('');
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await new Promise((done) => server.httpServer.close(done));
  }
}

const version = `Node ${process.version}`;
console.log(`\nDialNexa Account Elements — size and speed report (${new Date().toISOString().slice(0, 10)}, ${version}; targets reported, not enforced)\n`);
console.log(report.map((line) => line.trimEnd()).join('\n'));
if (args.markdown) console.log(`${markdown.join('\n')}`);
if (args.json) console.log(JSON.stringify(figures, null, 2));
if (figures.size?.leaked.length) process.exitCode = 1;

// 5. The reference server under load (scripts/bench-server.mjs): requests per second and p50 / p99
//    latency on PGlite and PostgreSQL. Without --only it runs last; --only=server runs it alone.
if (typeof args.only !== 'string' || args.only.split(',').includes('server')) {
  const { benchServer } = await import('./bench-server.mjs');
  await benchServer({ markdown: !!args.markdown, json: !!args.json });
}
