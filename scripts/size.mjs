// `npm run size`: what each element costs a host page, minified and compressed (gzip and
// brotli), dependencies included (lit, i18next, zod…), with code that loads lazily (other
// locales, the re-auth dialog, the QR code) listed apart. Figures to watch, not a pass/fail
// gate (the measurement is in scripts/sizes.mjs; `npm run bench` prints the same part).
//
// Options: --markdown (print the README table too), --json.
import { formatSizes, measureSizes, sizesMarkdown } from './sizes.mjs';

const args = new Set(process.argv.slice(2));
const sizes = await measureSizes();
console.log('\nDialNexa Account Elements — size\n');
console.log(formatSizes(sizes).join('\n'));
if (args.has('--markdown')) console.log(`\n${sizesMarkdown(sizes).join('\n')}`);
if (args.has('--json')) console.log(JSON.stringify(sizes, null, 2));
if (sizes.leaked.length) process.exitCode = 1;
