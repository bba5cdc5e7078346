// Fails when a generated, committed file no longer matches its source:
// custom-elements.json (from the elements' JSDoc), openapi.json (from the zod schemas),
// the theme files (from src/themes/theme-source.ts) and README's white-label reference (from both).
import { execFileSync } from 'node:child_process';
import { readFileSync, readFileSync as read, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

let stale = false;

// The analyzer resolves outdir against the working directory and rewrites package.json's
// `customElements`; keep the copy under node_modules and restore package.json.
const dir = join('node_modules', '.cache', 'dn-cem-check');
const packageJson = read('package.json', 'utf8');
try {
  execFileSync('npx', ['cem', 'analyze'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CEM_OUTDIR: dir } });
  const fresh = readFileSync(join(dir, 'custom-elements.json'), 'utf8');
  let committed = '';
  try {
    committed = readFileSync('custom-elements.json', 'utf8');
  } catch {
    /* missing counts as stale */
  }
  if (fresh.trim() !== committed.trim()) {
    console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
    stale = true;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  writeFileSync('package.json', packageJson);
}

for (const script of ['scripts/openapi.mjs', 'scripts/build-themes.mjs', 'scripts/docs.mjs']) {
  try {
    execFileSync('node', [script, '--check'], { stdio: 'inherit' });
  } catch {
    stale = true;
  }
}

if (stale) process.exit(1);
console.log("Generated files are fresh: custom-elements.json, openapi.json, themes, README's white-label reference.");
