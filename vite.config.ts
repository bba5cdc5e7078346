import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { resolve } from 'node:path';
import { viteMinifyCssLiterals } from './scripts/css-literals.mjs';
import { demoPartials } from './scripts/demo-partials.mjs';

const projectDir = import.meta.dirname;

// Chunks of the library build (dist/chunks/). Left alone, Rolldown makes one chunk per set of
// entries that share a module, so every small style sheet and controller became a file of its own,
// each gzipped apart (and a host's bundler keeps dist's files whole). Instead: `core` holds what
// <dn-account-provider> loads too (contract, client, contexts, store, i18n and its shared strings), `shared` what
// most elements load (base class, style sheets, controllers). Modules fewer than 10 of the 19
// entries use (index and define-all reach everything) stay automatic, and so do each element's own
// code and English strings (src/i18n/locales/<feature>/en.ts), other locales (<feature>/de.ts…, one
// chunk per feature and language), the re-auth dialog and the confirm dialog (which defines an element).
const CORE = /[\\/]src[\\/](api[\\/](?!resources\.ts|default-api\.ts)|i18n[\\/](?!format\.ts|locales[\\/])|i18n[\\/]locales[\\/]core[\\/](en|strings)\.ts$|internal[\\/]define\.ts$)|@oxc-project\+runtime/;
const SHARED = /[\\/]src[\\/](api|i18n|internal|themes)[\\/]|[\\/]src[\\/]components[\\/]reauth-dialog[\\/]confirm-identity\.ts$/;
const NEVER_GROUPED = /[\\/]src[\\/](i18n[\\/]locales[\\/][^\\/]+[\\/](?!en\.ts$|strings\.ts$)[^\\/]+$|internal[\\/](define-)?confirm-dialog\.ts$)/;
const grouped = (pattern: RegExp) => (id: string) => pattern.test(id) && !NEVER_GROUPED.test(id);

// Vite's dev server resolves the `development` export condition, which picks Lit's development
// build: extra checks, and "Lit is in dev mode" in the console of every page. The demo runs Lit's
// production build, as a host's page does; `LIT_DEV=1 npm start` picks the development build and
// its warnings. Storybook loads this file too (it sets STORYBOOK=true) but adds Vite's default
// conditions itself: its dev server, where elements are worked on, keeps the development build.
// The browser and story tests always run the development build, builds the production one.
const DEMO_CONDITIONS =
  process.env['LIT_DEV'] === '1' || process.env['STORYBOOK'] === 'true'
    ? undefined
    : defaultClientConditions.map((condition) => (condition === 'development|production' ? 'production' : condition));

/**
 * The demo's backend. `npm start` (scripts/start.mjs) sets DEMO_API_TARGET to the reference
 * server it started: /api goes there through Vite's proxy (one origin for the browser, so the
 * session cookie is first-party), the mailed links' pages (`/verify-email`, `/reset-password`)
 * are the demo's own, and the pages know they run on the server (`__DEMO_ON_SERVER__`).
 * Without it (`npm run start:mock`, the static demo, Storybook) the pages run on the mock.
 */
const DEMO_API_TARGET = process.env['DEMO_API_TARGET'];

/** The markup demo/index.html and demo/partner.html share (`<!-- partial: … -->`, demo/partials/). */
const sharedMarkup = demoPartials(resolve(projectDir, 'demo/partials'));

/**
 * The pages the server's mailed links lead to: the dashboard verifies an email, the sign-in page
 * resets a password. The sign-in page is also where a provider's sign-in that needs the code goes on (`/sign-in`).
 */
const demoLinkPages: Plugin = {
  name: 'demo-link-pages',
  configureServer(server) {
    server.middlewares.use((request, _response, next) => {
      const url = request.url ?? '';
      if (/^\/verify-email(\?|$)/.test(url)) request.url = url.replace('/verify-email', '/index.html');
      else if (/^\/reset-password(\?|$)/.test(url)) request.url = url.replace('/reset-password', '/sign-in.html');
      else if (/^\/sign-in(\?|$)/.test(url)) request.url = url.replace('/sign-in', '/sign-in.html');
      next();
    });
  },
};

/**
 * `npm start`: the demo host pages in demo/ on the reference server; `npm run start:mock` on the built-in mock backend.
 * `npm run build`: the library, one entry per element (dependencies external), plus `index` and
 * `define-all`; shared code goes to dist/chunks/. scripts/build-package.mjs then adds the types,
 * themes, manifests and editor data (and checks package.json's `sideEffects` against the output).
 */
export default defineConfig(({ command, mode }) =>
  command === 'serve'
    ? {
        root: 'demo',
        publicDir: resolve(projectDir, 'public'),
        resolve: { conditions: DEMO_CONDITIONS },
        define: { __DEMO_ON_SERVER__: JSON.stringify(Boolean(DEMO_API_TARGET)) },
        plugins: [sharedMarkup, ...(DEMO_API_TARGET ? [demoLinkPages] : [])],
        server: {
          port: 5173,
          strictPort: false,
          host: 'localhost',
          ...(DEMO_API_TARGET && { proxy: { '/api': DEMO_API_TARGET } }),
        },
        preview: { port: 4173 },
      }
    : mode === 'demo'
      ? {
          // `vite build --mode demo`: the demo pages as a static site in demo-dist/ (with MSW's
          // worker from public/), served under a strict CSP by scripts/serve-demo.mjs and checked
          // by scripts/check-csp.mjs.
          root: 'demo',
          publicDir: resolve(projectDir, 'public'),
          define: { __DEMO_ON_SERVER__: 'false' },
          plugins: [sharedMarkup],
          build: {
            outDir: resolve(projectDir, 'demo-dist'),
            emptyOutDir: true,
            target: 'es2022',
            // Nothing inline comes out (checked: the modulepreload polyfill goes into the entry chunk,
            // CSS into <link>ed files), so `script-src 'self'; style-src 'self'` hold as they are.
            // The mock-backend chunk carries MSW and the mock (~470 KB): the demo's, not the library's.
            chunkSizeWarningLimit: 800,
            rolldownOptions: {
              input: {
                index: resolve(projectDir, 'demo/index.html'),
                partner: resolve(projectDir, 'demo/partner.html'),
                'sign-in': resolve(projectDir, 'demo/sign-in.html'),
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
                index: resolve(projectDir, 'src/index.ts'),
                'define-all': resolve(projectDir, 'src/define-all.ts'),
                'account-provider': resolve(projectDir, 'src/components/account-provider/account-provider.ts'),
                'profile-form': resolve(projectDir, 'src/components/profile-form/profile-form.ts'),
                'email-change': resolve(projectDir, 'src/components/email-change/email-change.ts'),
                '2fa-setup': resolve(projectDir, 'src/components/2fa-setup/2fa-setup.ts'),
              '2fa-challenge': resolve(projectDir, 'src/components/2fa-challenge/2fa-challenge.ts'),
                'password-change': resolve(projectDir, 'src/components/password-change/password-change.ts'),
                'password-reset': resolve(projectDir, 'src/components/password-reset/password-reset.ts'),
                'trusted-devices': resolve(projectDir, 'src/components/trusted-devices/trusted-devices.ts'),
                passkeys: resolve(projectDir, 'src/components/passkeys/passkeys.ts'),
                'session-list': resolve(projectDir, 'src/components/session-list/session-list.ts'),
                'login-activity': resolve(projectDir, 'src/components/login-activity/login-activity.ts'),
                'notification-matrix': resolve(projectDir, 'src/components/notification-matrix/notification-matrix.ts'),
                'privacy-settings': resolve(projectDir, 'src/components/privacy-settings/privacy-settings.ts'),
                'delete-account': resolve(projectDir, 'src/components/delete-account/delete-account.ts'),
                'connected-accounts': resolve(projectDir, 'src/components/connected-accounts/connected-accounts.ts'),
                preferences: resolve(projectDir, 'src/components/preferences/preferences.ts'),
                'billing-summary': resolve(projectDir, 'src/components/billing-summary/billing-summary.ts'),
                'account-settings': resolve(projectDir, 'src/components/account-settings/account-settings.ts'),
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
