// The second half of `npm run build` (after `vite build` and scripts/build-bundle.mjs):
//   dist/types/**.d.ts   declarations of src/ (tsconfig.build.json: no mock backend, no tests)
//   dist/themes/*.css    the theme files
//   dist/vscode.html-custom-data.json, dist/web-types.json   editor data (scripts/editor-data.mjs)
//   dist/conformance/cli.js   the `dn-account-conformance` command (scripts/build-conformance.mjs)
// and checks package.json against the output: every file the exports map names exists, and every
// file that defines an element is listed in `sideEffects` (else a bundler could drop it), and
// dist/index.js reaches no such file (importing the index defines nothing).
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { buildConformance } from './build-conformance.mjs';
import { elementsOf, vscodeCustomData, webTypes } from './editor-data.mjs';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const problems = [];

// 1. Declarations, with the same program that resolves attribute types for the editor data.
const configPath = join(root, 'tsconfig.build.json');
const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => problems.push(d) });
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
const emitted = program.emit(undefined, undefined, undefined, true);
const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
if (diagnostics.length) {
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' }));
  process.exit(1);
}
const checker = program.getTypeChecker();

/** The string values an attribute accepts when its property type is a union of string literals. */
function attributeValues(declaration, attribute) {
  const mod = elementsOf(manifest).find((e) => e.declaration === declaration)?.module;
  const source = mod && program.getSourceFile(join(root, mod));
  const cls = source?.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === declaration.name);
  const member = cls?.members.find((m) => m.name && ts.isIdentifier(m.name) && m.name.text === attribute.fieldName);
  if (!member) return {};
  const type = checker.getTypeAtLocation(member);
  const parts = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
  if (parts.length && parts.every((t) => t.flags & ts.TypeFlags.BooleanLike)) return { boolean: true };
  if (parts.length && parts.every((t) => t.isStringLiteral())) {
    return { values: parts.map((t) => t.value).filter((v) => v !== '') };
  }
  return {};
}

// 2. Themes.
mkdirSync(join(dist, 'themes'), { recursive: true });
for (const file of readdirSync(join(root, 'src/themes')).filter((f) => f.endsWith('.css'))) {
  copyFileSync(join(root, 'src/themes', file), join(dist, 'themes', file));
}

// 3. Editor data.
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
writeFileSync(join(dist, 'vscode.html-custom-data.json'), json(vscodeCustomData(manifest, attributeValues)));
writeFileSync(join(dist, 'web-types.json'), json(webTypes(manifest, attributeValues, pkg)));

// 4. The conformance command.
await buildConformance();

// 5. package.json against the output.
const targets = [];
const collect = (value) => {
  if (typeof value === 'string') targets.push(value);
  else if (value && typeof value === 'object') Object.values(value).forEach(collect);
};
collect(pkg.exports);
for (const target of [...targets, ...Object.values(pkg.bin ?? {}), pkg.types, pkg.module, pkg.main, pkg['web-types'], pkg.customElements].filter(Boolean)) {
  if (target.includes('*')) continue;
  if (!existsSync(join(root, target))) problems.push(`package.json names ${target}, which the build did not write`);
}
const glob = (pattern) => new RegExp(`^${pattern.replace(/^\.\//, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*\*\/?/g, '\0').replace(/\*/g, '[^/]*').replace(/\0/g, '(?:.*/)?')}$`);
const sideEffects = (pkg.sideEffects || []).map(glob);
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
// Every element that src/ defines (a `defineElement('dn-…', …)` or `customElements.define('dn-…', …)`
// call in a defining module) must be defined somewhere in the ES module build and in the CDN bundle
// (catches a definition tree-shaken away), and every file defining one must be in sideEffects.
const sourceDefines = /(?:defineElement|customElements\.define)\(\s*'(dn-[\w-]+)'\s*,/g;
const expected = [
  ...new Set(
    walk(join(root, 'src'))
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(sourceDefines)].map((m) => m[1])),
  ),
];
if (!expected.length) problems.push('found no defineElement() call in src/');
// In the output the call may be renamed or inlined (`e("dn-x",t)`, `customElements.define("dn-x",t)`).
const defines = /\(\s*["'](dn-[\w-]+)["']\s*,\s*[\w$.]+\s*\)/g;
const tagsDefinedBy = (file) => [...new Set([...readFileSync(file, 'utf8').matchAll(defines)].map((m) => m[1]))].filter((t) => expected.includes(t));
const definedIn = { esm: new Set(), bundle: new Set() };
for (const file of walk(dist).filter((f) => f.endsWith('.js'))) {
  const path = relative(root, file).split('\\').join('/');
  const tags = tagsDefinedBy(file);
  if (!tags.length) continue;
  tags.forEach((tag) => definedIn[/bundle/.test(path) ? 'bundle' : 'esm'].add(tag));
  if (!sideEffects.some((re) => re.test(path))) problems.push(`${path} defines ${tags.join(', ')} but package.json's sideEffects does not list it`);
}
for (const [build, tags] of Object.entries(definedIn)) {
  const missing = expected.filter((tag) => !tags.has(tag));
  if (missing.length) problems.push(`the ${build} build does not define ${missing.join(', ')} (tree-shaken away?)`);
}
// dist/index.js defines nothing: no module in its static import graph defines an element, and it
// is not in sideEffects (so a bundler drops what an app does not use).
const staticImports = /(?:^|[;\s])(?:import|export)\s*(?:[\w$*{},\s]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
const seen = new Set();
const visit = (file) => {
  if (seen.has(file)) return;
  seen.add(file);
  const tags = tagsDefinedBy(file);
  if (tags.length) problems.push(`dist/index.js imports ${relative(root, file)}, which defines ${tags.join(', ')}`);
  for (const m of readFileSync(file, 'utf8').matchAll(staticImports)) visit(resolve(dirname(file), m[1]));
};
visit(join(dist, 'index.js'));
if (sideEffects.some((re) => re.test('dist/index.js'))) problems.push("package.json's sideEffects lists dist/index.js, which defines nothing");

if (problems.length) {
  for (const p of problems) console.error(`build-package: ${p}`);
  process.exit(1);
}
console.log(`build-package: types, ${readdirSync(join(dist, 'themes')).length} themes, editor data for ${elementsOf(manifest).length} elements; package.json matches dist/.`);
