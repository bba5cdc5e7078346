#!/usr/bin/env node
/**
 * Writes `openapi.json` from the zod schemas and the route table (src/api/openapi.ts).
 * `--check` only compares and fails when the committed file is stale.
 *
 *   node scripts/openapi.mjs          # write openapi.json
 *   node scripts/openapi.mjs --check  # exit 1 when openapi.json differs
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const target = fileURLToPath(new URL('openapi.json', root));
const check = process.argv.includes('--check');

// Bundled (zod included) so the module imports nothing and can load from a data: URL.
const result = await build({
  entryPoints: [fileURLToPath(new URL('src/api/openapi.ts', root))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  logLevel: 'silent',
});
const code = result.outputFiles[0].text;
const { buildOpenApiDocument } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);

const { version } = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
const json = `${JSON.stringify(buildOpenApiDocument({ version }), null, 2)}\n`;

if (check) {
  const current = await readFile(target, 'utf8').catch(() => null);
  if (current !== json) {
    console.error(
      current === null ? 'openapi.json is missing: run npm run openapi' : 'openapi.json is stale: run npm run openapi',
    );
    process.exit(1);
  }
  console.log('openapi.json is up to date');
} else {
  await writeFile(target, json);
  console.log(`wrote openapi.json (${Object.keys(JSON.parse(json).paths).length} paths)`);
}
