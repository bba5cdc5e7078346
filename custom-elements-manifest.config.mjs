/** `npm run analyze` writes custom-elements.json from the JSDoc of every element. */
export default {
  globs: ['src/components/**/*.ts', 'src/internal/dn-element.ts', 'src/events.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  // check-generated.mjs writes a fresh copy elsewhere to compare.
  outdir: process.env.CEM_OUTDIR ?? '.',
  plugins: [
    {
      // The analyzer reads files in no fixed order; sorted output makes the freshness check exact.
      name: 'dn-stable-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
