// dist/account-elements.bundle.js, from src/bundle.ts: every export of the index, every element
// defined, and all dependencies in one ES module, for pages with no build step
// (`<script type="module" src=".../account-elements.bundle.js">`). Other locales and the re-auth
// dialog stay separate chunks beside it and load on demand.
import { build } from 'esbuild';
import { esbuildMinifyCssLiterals } from './css-literals.mjs';

await build({
  entryPoints: { 'account-elements.bundle': 'src/bundle.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  sourcemap: true,
  target: 'es2022',
  tsconfig: 'tsconfig.json',
  chunkNames: 'bundle-chunks/[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"' },
  conditions: ['production'],
  legalComments: 'linked',
  logLevel: 'info',
  plugins: [esbuildMinifyCssLiterals],
});
