// Builds the conformance kit's command (conformance/bin.ts) into one ES module for Node 20,
// dist/conformance/cli.js — the package's `bin` `dn-account-conformance`. The contract (src/api's
// endpoint table and schemas) is bundled in; zod and otpauth stay imports of the installed packages.
// Part of `npm run build` (scripts/build-package.mjs); tests build it elsewhere with `buildConformance()`.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(import.meta.dirname, '..');

/** Builds the command to `outfile` (default dist/conformance/cli.js); resolves with its path. */
export async function buildConformance({ outfile = join(root, 'dist/conformance/cli.js') } = {}) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['conformance/bin.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: 'tsconfig.json',
    legalComments: 'none',
    logLevel: 'error',
    banner: { js: '#!/usr/bin/env node' },
    define: { 'process.env.DN_CONFORMANCE_VERSION': JSON.stringify(pkg.version) },
    metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs);
  const stray = inputs.filter((f) => /^(mock|test|stories|demo)\//.test(f) || (f.startsWith('src/') && !/^src\/api\/(endpoints|schemas|errors|routes)\.ts$|^src\/api\/contract\//.test(f)));
  if (stray.length) throw new Error(`the conformance command must bundle only the contract from src/ (src/api/endpoints, schemas, errors, routes, contract/), not ${stray.join(', ')}`);
  chmodSync(outfile, 0o755);
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildConformance();
  console.log(`build-conformance: ${out.slice(root.length + 1)}`);
}
