// The size measurement shared by `npm run size` and `npm run bench`: esbuild bundles what a page
// imports (one element's entry, the whole page, src/index.ts), each in a build of its own as a
// host's bundler would, with its dependencies (lit, i18next, zod…), minified and split where code
// loads on demand; each chunk is compressed on its own (gzip level 9, brotli quality 11) and a
// figure is the sum over the chunks the page downloads before it runs (static imports). Code that
// loads on demand (other locales, the QR code, the re-auth dialog, the virtualizer of long lists)
// is counted apart.
import { build } from 'esbuild';
import { esbuildMinifyCssLiterals } from './css-literals.mjs';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Issue targets (reported, never enforced) and figures measured the same way for comparable products. */
export const TARGETS = { firstTabGzip: 40 * 1024, everythingGzip: 75 * 1024, entryGzip: 35 * 1024 };
export const COMPARISON = [
  { name: 'Hanko Elements', gzipKb: 44.4, note: 'all of its elements' },
  { name: "Descope's user-profile widget", gzipKb: 75.8 },
  { name: 'WorkOS Widgets', gzipKb: 153, note: '+ 85 KB CSS' },
  { name: "Clerk's user profile", gzipKb: 398 },
  { name: 'Ory Elements', gzipKb: 1129 },
];

const LOCALE_NAMES = { de: 'German', es: 'Spanish', ar: 'Arabic' };
/**
 * The chosen stack (lit, @lit/context, i18next, zod): with these left out of a build (external),
 * what remains of a figure is the library's own code; the difference is what the stack costs it.
 */
const STACK = ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/*', 'i18next', 'zod', 'zod/*'];
const ZERO = { min: 0, gzip: 0, brotli: 0 };

/**
 * Measures every entry. Returns
 * `{ entries, page: { firstTab, allTabs }, everything, everythingWithLazy, lazy, leaked }`,
 * each size `{ min, gzip, brotli }` in bytes.
 */
export async function measureSizes({ root = resolve(import.meta.dirname, '..') } = {}) {
  const src = (path) => join(root, path);
  const components = readdirSync(src('src/components'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => name !== 'reauth-dialog'); // opened on demand, not an entry of its own
  const entryPoints = Object.fromEntries([
    ...components.map((name) => [name, `src/components/${name}/${name}.ts`]),
    ['index', 'src/index.ts'],
  ]);

  const outdir = mkdtempSync(join(tmpdir(), 'dn-size-'));
  let builds = 0;
  /**
   * One esbuild build of `entryPoints`, as a host's bundler makes it for a page that imports
   * them: minified, split where code loads on demand. Returns its outputs, each .js file's
   * sizes, and helpers over them.
   */
  async function measureBuild(entryPoints, { external = [] } = {}) {
    const dir = join(outdir, String(builds++));
    const result = await build({
      external,
      absWorkingDir: root,
      entryPoints,
      outdir: dir,
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      metafile: true,
      legalComments: 'none',
      tsconfig: 'tsconfig.json',
      logLevel: 'error',
      define: { 'process.env.NODE_ENV': '"production"' },
      conditions: ['production'],
      // As the build ships them (see css-literals.mjs).
      plugins: [esbuildMinifyCssLiterals],
    });
    const outputs = result.metafile.outputs;
    const key = (file) => relative(root, resolve(root, file)).replaceAll('\\', '/');
    const bytes = new Map();
    for (const file of Object.keys(outputs)) {
      if (!file.endsWith('.js')) continue;
      const text = readFileSync(resolve(root, file));
      bytes.set(key(file), {
        min: text.length,
        gzip: gzipSync(text, { level: 9 }).length,
        brotli: brotliCompressSync(text, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: text.length },
        }).length,
      });
    }
    /** The files a page downloads for `file` before it runs (static imports), and those it may fetch later. */
    function closure(file) {
      const eager = new Set();
      const lazy = new Set();
      const visit = (f) => {
        if (eager.has(f)) return;
        eager.add(f);
        for (const imp of outputs[f]?.imports ?? []) {
          if (imp.external) continue;
          if (imp.kind === 'dynamic-import') lazy.add(imp.path);
          else visit(imp.path);
        }
      };
      visit(file);
      for (const f of eager) lazy.delete(f);
      return { eager, lazy };
    }
    const sum = (files) =>
      [...files].reduce((total, f) => {
        const size = bytes.get(key(f)) ?? ZERO;
        return { min: total.min + size.min, gzip: total.gzip + size.gzip, brotli: total.brotli + size.brotli };
      }, ZERO);
    const outputOf = (entry) => Object.keys(outputs).find((f) => outputs[f].entryPoint === entry);
    /** What a page that imports only `entry` downloads before it runs. */
    const eagerOf = (entry) => sum(closure(outputOf(entry)).eager);
    return { outputs, closure, sum, outputOf, eagerOf };
  }

  try {
    // Each figure is measured in a build of its own, of what that page imports (one element, the
    // whole page, everything): a host's bundler builds the host's imports, not all our entries
    // at once, so chunks another entry would share do not split (and lose compression) here.
    const entries = [];
    for (const name of components) {
      const entry = entryPoints[name];
      const { eagerOf } = await measureBuild({ [name]: entry });
      const own = (await measureBuild({ [name]: entry }, { external: STACK })).eagerOf(entry);
      entries.push({ name, ...eagerOf(entry), own });
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));

    // All entries in one build: which code loads on demand beyond what the elements load.
    const { outputs, closure, sum } = await measureBuild(entryPoints);
    const declared = new Set(Object.values(entryPoints));
    const allLazy = new Set();
    for (const [file, meta] of Object.entries(outputs)) {
      // Dynamically imported modules are entry points to esbuild too; only ours count.
      if (meta.entryPoint && declared.has(meta.entryPoint)) for (const f of closure(file).lazy) allLazy.add(f);
    }

    // Lazy chunks: what loads on demand beyond what the elements already loaded (a dynamic
    // import may sit in a chunk it shares with index.js, so count its whole closure).
    const componentEager = new Set();
    for (const [file, meta] of Object.entries(outputs)) {
      if (meta.entryPoint && declared.has(meta.entryPoint) && meta.entryPoint !== 'src/index.ts') {
        for (const f of closure(file).eager) componentEager.add(f);
      }
    }
    const lazyChunks = [...allLazy]
      .map((f) => {
        const files = [...closure(f).eager].filter((g) => !componentEager.has(g));
        const inputs = files.flatMap((g) => Object.keys(outputs[g]?.inputs ?? {}));
        // Name a chunk by what it holds: a package, a locale, or our modules.
        const names = new Set(
          inputs.map((i) => {
            const pkg = i.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
            if (pkg) return pkg[1];
            // A locale loads per feature: src/i18n/locales/<feature>/<locale>.ts.
            const locale = i.match(/^src\/i18n\/locales\/[a-z-]+\/([a-z-]+)\.ts$/i);
            // An element loaded on demand brings its English (`en.ts`, registered by `strings.ts`).
            if (locale) return locale[1] === 'en' || locale[1] === 'strings' ? 'its English strings' : `${LOCALE_NAMES[locale[1]] ?? locale[1]} strings`;
            if (i.includes('reauth-dialog')) return 're-auth dialog ("Confirm it\'s you")';
            // The client loads it before a call no element registered schemas for (src/api/validation.ts).
            if (/^src\/api\/(endpoints|schemas)\.ts$/.test(i)) return 'whole API contract (unregistered calls)';
            return i.replace(/^src\//, '').replace(/(\.styles)?\.ts$/, '');
          }),
        );
        // A chunk with no code of its own re-exports a module already loaded (the virtualizer's layout).
        const entry = outputs[f]?.entryPoint ?? '';
        const fallback = entry.includes('@lit-labs/virtualizer') ? 'virtualizer layout (re-export)' : basename(f, '.js');
        // An element's own English goes without saying beside the element.
        if (names.size > 1) names.delete('its English strings');
        const list = [...names].join(', ');
        // The virtualizer loads only for lists over WINDOW_THRESHOLD rows (src/internal/virtual-list.ts).
        const label = names.has('lean-qr')
          ? `QR code (${list})`
          : names.has('@lit-labs/virtualizer')
            ? 'virtualizer (windowed lists over 200 rows)'
            : list || fallback;
        return { label, ...sum(files) };
      })
      // An element the page imports lazily is an entry of its own (a row above), not extra code.
      .filter((row) => row.min > 0);
    // One row per locale: its chunks (one per feature) summed, with the largest one's gzip.
    const lazy = [];
    for (const row of lazyChunks) {
      const same = / strings$/.test(row.label) && !row.label.includes(', ') ? lazy.find((r) => r.label === row.label) : undefined;
      if (!same) {
        lazy.push({ ...row, chunks: 1, largestGzip: row.gzip });
        continue;
      }
      same.min += row.min;
      same.gzip += row.gzip;
      same.brotli += row.brotli;
      same.chunks += 1;
      same.largestGzip = Math.max(same.largestGzip, row.gzip);
    }
    lazy.sort((a, b) => a.label.localeCompare(b.label));

    // Everything: a page that imports the package's index (every element).
    const whole = await measureBuild({ index: 'src/index.ts' });
    const everything = { ...whole.eagerOf('src/index.ts') };
    everything.own = (await measureBuild({ index: 'src/index.ts' }, { external: STACK })).eagerOf('src/index.ts');
    // The floor under every figure: the stack alone, as the smallest element uses it.
    const floor = (await measureBuild({ floor: 'scripts/size-floor.ts' })).eagerOf('scripts/size-floor.ts');
    const lazyTotal = whole.sum(whole.closure(whole.outputOf('src/index.ts')).lazy);
    const everythingWithLazy = {
      min: everything.min + lazyTotal.min,
      gzip: everything.gzip + lazyTotal.gzip,
      brotli: everything.brotli + lazyTotal.brotli,
    };

    // The whole page as a host uses it: <dn-account-provider> + <dn-account-settings>, whose
    // tabs' elements load when a tab is first opened. "First tab" is what the page downloads
    // before Profile shows; "all tabs" adds every tab's code (other locales, the QR code and
    // the re-auth dialog still load only when used).
    const pageEntry = join(outdir, 'page.ts');
    writeFileSync(
      pageEntry,
      ['account-provider', 'account-settings'].map((name) => `import ${JSON.stringify(src(`src/components/${name}/${name}.ts`))};`).join('\n'),
    );
    const measurePage = async (external) => {
      const pageBuild = await measureBuild({ page: pageEntry }, { external });
      const pageFile = Object.keys(pageBuild.outputs).find((f) => pageBuild.outputs[f].entryPoint?.endsWith('page.ts'));
      if (!pageFile) return undefined;
      const shell = pageBuild.closure(pageFile).eager;
      const tabEntries = [...shell]
        .flatMap((f) => pageBuild.outputs[f]?.imports ?? [])
        .filter((imp) => imp.kind === 'dynamic-import' && /^src\/components\/(?!reauth-dialog)/.test(pageBuild.outputs[imp.path]?.entryPoint ?? ''))
        .map((imp) => imp.path);
      const profileEntry = tabEntries.find((f) => pageBuild.outputs[f].entryPoint.includes('profile-form'));
      const firstTab = new Set(shell);
      if (profileEntry) for (const f of pageBuild.closure(profileEntry).eager) firstTab.add(f);
      const allTabs = new Set(shell);
      for (const entry of tabEntries) for (const f of pageBuild.closure(entry).eager) allTabs.add(f);
      return { firstTab: pageBuild.sum(firstTab), allTabs: pageBuild.sum(allTabs), tabs: tabEntries.length };
    };
    const page = await measurePage([]);
    const pageOwn = await measurePage(STACK);
    if (page && pageOwn) {
      page.firstTab.own = pageOwn.firstTab;
      page.allTabs.own = pageOwn.allTabs;
    }

    const inputs = Object.values(outputs).flatMap((o) => Object.keys(o.inputs));
    const leaked = [...new Set(inputs.filter((i) => /^mock\/|node_modules\/msw\//.test(i)))];
    return { entries, page, everything, everythingWithLazy, lazy, leaked, floor };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pct = (value, target) => `${Math.round((value / target) * 100)}%`;

/** What "first tab" and "everything" stand beside: the target, and the comparison figures. */
export function sizeNotes(sizes) {
  const notes = {};
  if (sizes.page) {
    const g = sizes.page.firstTab.gzip;
    notes.firstTab = `target ≤ ${kb(TARGETS.firstTabGzip)} gzip: ${g <= TARGETS.firstTabGzip ? 'met' : `not met (${pct(g, TARGETS.firstTabGzip)} of it)`}`;
  }
  const over = sizes.entries.filter((entry) => entry.gzip > TARGETS.entryGzip).length;
  notes.entries = `every entry ≤ ${kb(TARGETS.entryGzip)} gzip: ${over ? `not met (${over} of ${sizes.entries.length} over)` : 'met'}`;
  const e = sizes.everything.gzip;
  notes.everything = `target ≤ ${kb(TARGETS.everythingGzip)} gzip: ${e <= TARGETS.everythingGzip ? 'met' : `not met (${pct(e, TARGETS.everythingGzip)} of it)`}`;
  if (sizes.floor) {
    const f = sizes.floor.gzip;
    const left = (target) => kb(Math.max(0, target - f));
    notes.floor = `the stack alone (lit, @lit/context, i18next, zod/mini in the smallest element, scripts/size-floor.ts) is ${kb(f)} gzip: it leaves ${left(TARGETS.entryGzip)} of an entry's ${kb(TARGETS.entryGzip)} and ${left(TARGETS.firstTabGzip)} of the first tab's ${kb(TARGETS.firstTabGzip)} for the library's own code`;
  }
  notes.comparison = COMPARISON.map((c) => `${c.name} ${c.gzipKb.toLocaleString('en')} KB${c.note ? ` (${c.note})` : ''}`).join(' · ');
  return notes;
}

/** For a locale's strings: in how many chunks (one per feature), and the largest. */
const chunkNote = (l) => (l.chunks > 1 ? `${l.chunks} chunks, one per feature, the largest ${kb(l.largestGzip)} gzip` : '');

/** The size part of the report, as plain-text lines. */
export function formatSizes(sizes) {
  const col = (n) => kb(n).padStart(10);
  const own = (s) => (s.own ? col(s.own.gzip) : ''.padStart(10));
  const row = (label, s, note = '') => `  ${label.padEnd(44)}${col(s.min)}${col(s.gzip)}${col(s.brotli)}${own(s)}${note ? `   ${note}` : ''}`;
  const notes = sizeNotes(sizes);
  const lines = [];
  lines.push('SIZE — minified JS, dependencies included; each chunk gzip -9 / brotli -q 11, summed over what loads');
  lines.push(`  ${'entry'.padEnd(44)}${'min'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}${'own gzip'.padStart(10)}`);
  lines.push(`  ${''.padEnd(44)}${''.padStart(30)}   own: the library's code alone (the stack left out)`);
  for (const e of sizes.entries) lines.push(row(e.name, e, e.gzip > TARGETS.entryGzip ? 'over' : ''));
  lines.push(`  ${notes.entries}`);
  lines.push('');
  if (sizes.page) {
    lines.push('  the whole page: <dn-account-provider> + <dn-account-settings>');
    lines.push(row('  first tab (Profile)', sizes.page.firstTab, notes.firstTab));
    lines.push(row('  every tab opened (all seven)', sizes.page.allTabs));
  }
  lines.push(row('everything (index, eager; lazy chunks apart)', sizes.everything, notes.everything));
  lines.push(row('everything + every lazy chunk', sizes.everythingWithLazy));
  lines.push(`  ${''.padEnd(44)}   same method, gzip: ${notes.comparison}`);
  if (notes.floor) lines.push(`  ${notes.floor}`);
  lines.push('');
  lines.push('  loaded on demand (beyond what the elements load)');
  for (const l of sizes.lazy) lines.push(row(`  ${l.label.slice(0, 42)}`, l, chunkNote(l)));
  lines.push('');
  lines.push(`  mock backend or MSW in the bundle: ${sizes.leaked.length ? `YES (${sizes.leaked.join(', ')})` : 'no'}`);
  return lines;
}

/** The size part as a README-ready markdown table. */
export function sizesMarkdown(sizes) {
  const notes = sizeNotes(sizes);
  const lines = ['| entry (dependencies included) | minified | gzip | brotli | own code, gzip | |', '|---|---:|---:|---:|---:|---|'];
  const row = (label, s, note = '') => lines.push(`| ${label} | ${kb(s.min)} | ${kb(s.gzip)} | ${kb(s.brotli)} | ${s.own ? kb(s.own.gzip) : ''} | ${note} |`);
  for (const e of sizes.entries) row(`\`${e.name}\``, e, e.gzip > TARGETS.entryGzip ? 'over 35 KB' : '');
  if (sizes.page) {
    row('**the whole page, first tab** (provider + `account-settings` + Profile)', sizes.page.firstTab, notes.firstTab);
    row('**the whole page, every tab opened**', sizes.page.allTabs);
  }
  row('**everything** (`index`, eager)', sizes.everything, `${notes.everything}; for comparison, same method: ${notes.comparison}`);
  row('everything + every lazy chunk', sizes.everythingWithLazy);
  for (const l of sizes.lazy) row(`on demand: ${l.label}`, l, chunkNote(l));
  if (sizes.floor) row('the stack alone (`scripts/size-floor.ts`)', sizes.floor, notes.floor);
  return lines;
}
