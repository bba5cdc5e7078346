// Fails when the import graph of src/ has a cycle, or when a lower layer (src/internal, src/api,
// src/i18n, src/themes) imports from src/components: shared code must not know the elements.
// Type-only imports count too: a type cycle still ties modules together for readers and for
// declaration output, and breaking it costs only a small shared module.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const LOWER_LAYERS = ['internal', 'api', 'i18n', 'themes'];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** The .ts file a relative specifier (written with .js, as in the sources) points at. */
function resolveSpecifier(from, specifier) {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts'), base]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return undefined;
}

const rel = (path) => relative(root, path).split(sep).join('/');
const layerOf = (path) => relative(src, path).split(sep)[0];

const files = walk(src);
const graph = new Map();
const problems = [];

for (const file of files) {
  // preProcessFile finds `import`, `export … from`, `import type` and `import()` specifiers.
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const targets = [];
  for (const { fileName } of importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const target = resolveSpecifier(file, fileName);
    if (!target) {
      problems.push(`${rel(file)}: cannot resolve '${fileName}'`);
      continue;
    }
    targets.push(target);
    if (LOWER_LAYERS.includes(layerOf(file)) && layerOf(target) === 'components') {
      problems.push(`${rel(file)} imports ${rel(target)}: src/${layerOf(file)} must not depend on src/components`);
    }
  }
  graph.set(file, targets);
}

// Depth-first search; a back edge to a module still on the stack closes a cycle.
const state = new Map(); // undefined: unvisited, 1: on the stack, 2: done
const stack = [];
const cycles = new Set();

function visit(file) {
  state.set(file, 1);
  stack.push(file);
  for (const target of graph.get(file) ?? []) {
    const seen = state.get(target);
    if (seen === 1) {
      const cycle = stack.slice(stack.indexOf(target)).concat(target).map(rel);
      cycles.add(cycle.join(' → '));
    } else if (seen === undefined) {
      visit(target);
    }
  }
  stack.pop();
  state.set(file, 2);
}

for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
for (const cycle of cycles) problems.push(`import cycle: ${cycle}`);

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`\ncheck-imports: ${problems.length} problem(s) in ${files.length} modules.`);
  process.exit(1);
}
console.log(`check-imports: ${files.length} modules, no cycles, no upward imports.`);
