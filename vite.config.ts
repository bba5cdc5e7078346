import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { viteMinifyCssLiterals } from './scripts/css-literals.mjs';

// Chunks of the library build (dist/chunks/). Left alone, Rolldown makes one chunk per set of
// entries that share a module, so every small style sheet and controller became a file of its own,
// each gzipped apart (and a host's bundler keeps dist's files whole). Instead: `core` holds what
// <dn-account-provider> loads too (contract, client, contexts, store, strings, i18n), `shared` what
// most elements load (base class, style sheets, controllers). Modules fewer than 10 of the 19
// entries use (index and define-all reach everything) stay automatic, and so do each element's own
// code, other locales, the re-auth dialog and the confirm dialog (which defines an element).
const CORE = /[\\/]src[\\/](api[\\/](?!resources\.ts|default-api\.ts)|i18n[\\/](?!format\.ts|locales[\\/](?!en))|internal[\\/]define\.ts$)|@oxc-project\+runtime/;
const SHARED = /[\\/]src[\\/](api|i18n|internal|themes)[\\/]|[\\/]src[\\/]components[\\/]reauth-dialog[\\/]confirm-identity\.ts$/;
const NEVER_GROUPED = /[\\/]src[\\/](i18n[\\/]locales[\\/](?!en)|internal[\\/](define-)?confirm-dialog\.ts$)/;
const grouped = (pattern: RegExp) => (id: string) => pattern.test(id) && !NEVER_GROUPED.test(id);

/**
 * `npm start`: the demo host pages in demo/ on the built-in mock backend.
 * `npm run build`: the library, one entry per element (dependencies external), plus `index` and
 * `define-all`; shared code goes to dist/chunks/. scripts/build-package.mjs then adds the types,
 * themes, manifests and editor data (and checks package.json's `sideEffects` against the output).
 */
export default defineConfig(({ command, mode }) =>
  command === 'serve'
    ? {
        root: 'demo',
        publicDir: resolve(__dirname, 'public'),
        server: { port: 5173, strictPort: false, host: 'localhost' },
        preview: { port: 4173 },
      }
    : mode === 'demo'
      ? {
          // `vite build --mode demo`: the demo pages as a static site in demo-dist/ (with MSW's
          // worker from public/), served under a strict CSP by scripts/serve-demo.mjs and checked
          // by scripts/check-csp.mjs.
          root: 'demo',
          publicDir: resolve(__dirname, 'public'),
          build: {
            outDir: resolve(__dirname, 'demo-dist'),
            emptyOutDir: true,
            target: 'es2022',
            // Nothing inline comes out (checked: the modulepreload polyfill goes into the entry chunk,
            // CSS into <link>ed files), so `script-src 'self'; style-src 'self'` hold as they are.
            // The main chunk carries MSW and the mock backend (~540 KB): the demo's, not the library's.
            chunkSizeWarningLimit: 800,
            rolldownOptions: {
              input: {
                index: resolve(__dirname, 'demo/index.html'),
                partner: resolve(__dirname, 'demo/partner.html'),
                'sign-in': resolve(__dirname, 'demo/sign-in.html'),
              },
            },
          },
        }
      : {
          publicDir: false,
          // The style sheets' whitespace and comments stay out of dist/ (see scripts/css-literals.mjs).
          plugins: [viteMinifyCssLiterals],
          build: {
            outDir: 'dist',
            emptyOutDir: true,
            target: 'es2022',
            sourcemap: true,
            lib: {
              formats: ['es'],
              entry: {
                index: resolve(__dirname, 'src/index.ts'),
                'define-all': resolve(__dirname, 'src/define-all.ts'),
                'account-provider': resolve(__dirname, 'src/components/account-provider/account-provider.ts'),
                'profile-form': resolve(__dirname, 'src/components/profile-form/profile-form.ts'),
                'email-change': resolve(__dirname, 'src/components/email-change/email-change.ts'),
                '2fa-setup': resolve(__dirname, 'src/components/2fa-setup/2fa-setup.ts'),
              '2fa-challenge': resolve(__dirname, 'src/components/2fa-challenge/2fa-challenge.ts'),
                'password-change': resolve(__dirname, 'src/components/password-change/password-change.ts'),
                'password-reset': resolve(__dirname, 'src/components/password-reset/password-reset.ts'),
                'trusted-devices': resolve(__dirname, 'src/components/trusted-devices/trusted-devices.ts'),
                'session-list': resolve(__dirname, 'src/components/session-list/session-list.ts'),
                'login-activity': resolve(__dirname, 'src/components/login-activity/login-activity.ts'),
                'notification-matrix': resolve(__dirname, 'src/components/notification-matrix/notification-matrix.ts'),
                'privacy-settings': resolve(__dirname, 'src/components/privacy-settings/privacy-settings.ts'),
                'delete-account': resolve(__dirname, 'src/components/delete-account/delete-account.ts'),
                'connected-accounts': resolve(__dirname, 'src/components/connected-accounts/connected-accounts.ts'),
                preferences: resolve(__dirname, 'src/components/preferences/preferences.ts'),
                'billing-summary': resolve(__dirname, 'src/components/billing-summary/billing-summary.ts'),
                'account-settings': resolve(__dirname, 'src/components/account-settings/account-settings.ts'),
              },
            },
            rolldownOptions: {
              external: [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^zod($|\/)/, 'lean-qr', 'i18next'],
              // Chunks keep the name of their first module, so package.json's `sideEffects` can list
              // the ones that define an element (`./dist/chunks/<element>-*.js`).
              output: {
                chunkFileNames: 'chunks/[name]-[hash].js',
                codeSplitting: {
                  groups: [
                    { name: 'core', priority: 2, minShareCount: 10, test: grouped(CORE) },
                    { name: 'shared', priority: 1, minShareCount: 10, test: grouped(SHARED) },
                  ],
                },
              },
            },
          },
        },
);
