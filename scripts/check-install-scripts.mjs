// Every dependency with an install script (`hasInstallScript` in package-lock.json) must have a
// decision in package.json's `allowScripts` (npm 11's install-script policy): `true` runs it,
// `false` skips it. An undecided one makes `npm install` and `npm ci` end with a warning, and a
// later npm will not run it at all. README ("Install scripts") says why each is allowed or not.
// Part of `npm run lint`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));

/** The package name an `allowScripts` key applies to: `name`, `name@range`, `@scope/name@range`. */
const nameOf = (key) => key.slice(0, key.indexOf('@', 1) > 0 ? key.indexOf('@', 1) : undefined);
const decided = new Set(Object.keys(manifest.allowScripts ?? {}).map(nameOf));

const withScripts = new Set();
for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  if (!entry.hasInstallScript || path === '') continue;
  withScripts.add(entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
}

const undecided = [...withScripts].filter((name) => !decided.has(name)).sort();
const stale = [...decided].filter((name) => !withScripts.has(name)).sort();
const problems = [
  ...undecided.map((name) => `${name} has an install script but no entry in package.json's allowScripts (\`npm install-scripts approve|deny ${name}\`, and say why in README)`),
  ...stale.map((name) => `allowScripts lists ${name}, which no longer has an install script (\`npm install-scripts prune\`)`),
];
if (problems.length > 0) {
  console.error(`check-install-scripts:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-install-scripts: ${withScripts.size} install script(s), each allowed or denied in package.json.`);
