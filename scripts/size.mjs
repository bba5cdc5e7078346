// `npm run size`: what each element costs a host page, minified and gzipped, dependencies
// included (lit, i18next, zod…), with code that loads lazily (other locales, the re-auth
// dialog, later the QR code) listed apart. Figures to watch, not a pass/fail gate.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const components = readdirSync('src/components', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => name !== 'reauth-dialog'); // opened on demand, not an entry of its own
const entryPoints = Object.fromEntries([
  ...components.map((name) => [name, `src/components/${name}/${name}.ts`]),
  ['index', 'src/index.ts'],
]);

const outdir = mkdtempSync(join(tmpdir(), 'dn-size-'));
try {
  const result = await build({
    entryPoints,
    outdir,
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
  });

  const outputs = result.metafile.outputs;
  const key = (file) => relative(process.cwd(), file).replaceAll('\\', '/');
  const bytes = new Map();
  for (const file of Object.keys(outputs)) {
    if (!file.endsWith('.js')) continue;
    const text = readFileSync(file);
    bytes.set(key(file), { min: text.length, gzip: gzipSync(text, { level: 9 }).length });
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
      const size = bytes.get(key(f)) ?? { min: 0, gzip: 0 };
      return { min: total.min + size.min, gzip: total.gzip + size.gzip };
    }, { min: 0, gzip: 0 });
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);

  const rows = [];
  const allLazy = new Set();
  const declared = new Set(Object.values(entryPoints));
  for (const [file, meta] of Object.entries(outputs)) {
    // Dynamically imported modules are entry points to esbuild too; only ours are rows.
    if (!meta.entryPoint || !declared.has(meta.entryPoint)) continue;
    const { eager, lazy } = closure(file);
    for (const f of lazy) allLazy.add(f);
    rows.push({ name: basename(file, '.js'), ...sum(eager) });
  }
  rows.sort((a, b) => a.name.localeCompare(b.name));

  console.log('\nDialNexa Account Elements — size (minified, gzip level 9; dependencies included)\n');
  console.log(`${'entry'.padEnd(22)}${'min'.padStart(9)}${'gzip'.padStart(9)}`);
  for (const row of rows) console.log(`${row.name.padEnd(22)}${kb(row.min)}${kb(row.gzip)}`);

  // Lazy chunks: what loads on demand beyond what the elements already loaded (a dynamic
  // import may sit in a chunk it shares with index.js, so count its whole closure).
  const componentEager = new Set();
  for (const [file, meta] of Object.entries(outputs)) {
    if (meta.entryPoint && declared.has(meta.entryPoint) && meta.entryPoint !== 'src/index.ts') {
      for (const f of closure(file).eager) componentEager.add(f);
    }
  }
  const lazyRows = [...allLazy]
    .map((f) => {
      const files = [...closure(f).eager].filter((g) => !componentEager.has(g));
      const inputs = files.flatMap((g) => Object.keys(outputs[g]?.inputs ?? {}));
      // Name a chunk by what it holds: a package, a locale, or our modules.
      const names = new Set(
        inputs.map((i) => {
          const pkg = i.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
          if (pkg) return pkg[1];
          const locale = i.match(/^src\/i18n\/locales\/([a-z-]+)/i);
          if (locale) return `locale ${locale[1].replace(/\.ts$/, '')}`;
          return i.replace(/^src\//, '').replace(/(\.styles)?\.ts$/, '');
        }),
      );
      const label = [...names].join(', ') || basename(f, '.js').replace(/-[A-Z0-9]{8}$/, '');
      return { label, ...sum(files) };
    })
    // An element the page imports lazily is an entry of its own (a row above), not extra code.
    .filter((row) => row.min > 0)
    .sort((a, b) => a.label.localeCompare(b.label));
  console.log('\nloaded on demand');
  for (const row of lazyRows) console.log(`  ${row.label.slice(0, 60).padEnd(62)}${kb(row.min)}${kb(row.gzip)}`);

  const everything = closure(Object.keys(outputs).find((f) => outputs[f].entryPoint === 'src/index.ts'));
  const total = sum(everything.eager);
  const lazyTotal = sum(allLazy);
  console.log(`\neverything (index.js, eager)        ${kb(total.min)}${kb(total.gzip)}`);
  console.log(`everything + all lazy chunks        ${kb(total.min + lazyTotal.min)}${kb(total.gzip + lazyTotal.gzip)}`);

  // The whole page as a host uses it: <dn-account-provider> + <dn-account-settings>, whose
  // tabs' elements load when a tab is first opened. "First tab" is what the page downloads
  // before Profile shows; "all tabs" adds every tab's code (other locales, the QR code and
  // the re-auth dialog still load only when used).
  const pageFile = Object.keys(outputs).find((f) => outputs[f].entryPoint === 'src/components/account-settings/account-settings.ts');
  const providerFile = Object.keys(outputs).find((f) => outputs[f].entryPoint === 'src/components/account-provider/account-provider.ts');
  if (pageFile && providerFile) {
    const page = new Set([...closure(pageFile).eager, ...closure(providerFile).eager]);
    const tabEntries = [...page]
      .flatMap((f) => outputs[f]?.imports ?? [])
      .filter((imp) => imp.kind === 'dynamic-import' && /^src\/components\/(?!reauth-dialog)/.test(outputs[imp.path]?.entryPoint ?? ''))
      .map((imp) => imp.path);
    const profileEntry = tabEntries.find((f) => outputs[f].entryPoint.includes('profile-form'));
    const firstTab = new Set(page);
    if (profileEntry) for (const f of closure(profileEntry).eager) firstTab.add(f);
    const allTabs = new Set(page);
    for (const entry of tabEntries) for (const f of closure(entry).eager) allTabs.add(f);
    const first = sum(firstTab);
    const all = sum(allTabs);
    console.log('\nthe whole page: <dn-account-provider> + <dn-account-settings>');
    console.log(`  first tab (Profile)                ${kb(first.min)}${kb(first.gzip)}`);
    console.log(`  all seven tabs                     ${kb(all.min)}${kb(all.gzip)}`);
  }

  const inputs = Object.values(outputs).flatMap((o) => Object.keys(o.inputs));
  const leaked = inputs.filter((i) => /src\/api\/mock\/|node_modules\/msw\//.test(i));
  console.log(`mock backend or MSW in the bundle:  ${leaked.length ? `YES (${[...new Set(leaked)].join(', ')})` : 'no'}`);
  if (leaked.length) process.exitCode = 1;
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
