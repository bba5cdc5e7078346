import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig, type Plugin } from 'vite';

/**
 * A custom element cannot be defined twice, so hot-swapping an element module fails
 * ("the name … has already been used"). Reload the canvas instead when library code changes
 * (or the mock backend's: the preview starts it once).
 */
const reloadOnLibraryChange: Plugin = {
  name: 'dn-reload-on-library-change',
  handleHotUpdate({ file, server }) {
    if (!file.startsWith(`${server.config.root}/src/`) && !file.startsWith(`${server.config.root}/mock/`)) return undefined;
    server.ws.send({ type: 'full-reload' });
    return [];
  },
};

/**
 * The mock OAuth provider page for navigations, which MSW's worker never sees (see
 * `handleMockOAuthNavigation` in mock/browser.ts): in a popup it tells its opener
 * (whose mock backend marks the provider connected) and closes; a redirect goes back to
 * `redirect_uri?connected=<provider>`, where the story's mock backend marks it connected.
 */
const mockOAuthPage: Plugin = {
  name: 'dn-mock-oauth-page',
  configureServer(server) {
    server.middlewares.use('/api/account/__mock/oauth/', (_request, response) => {
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mock provider</title></head><body>
<p>Mock provider: connecting…</p>
<script>
  const url = new URL(location.href);
  const provider = decodeURIComponent(url.pathname.split('/').pop() || '');
  const redirectUri = url.searchParams.get('redirect_uri');
  if (url.searchParams.get('mode') === 'popup' && window.opener) {
    window.opener.postMessage({ type: 'dn-connected-account', source: 'dn-mock-oauth', provider, connected: true }, location.origin);
    window.close();
  } else if (redirectUri) {
    const back = new URL(redirectUri, location.href);
    back.searchParams.set('connected', provider);
    location.replace(back.href);
  }
</script></body></html>`);
    });
  },
};

/**
 * Storybook for the dn- elements, on the built-in mock backend (MSW). Hand-written.
 * Controls, actions, toolbars, viewport and interactions are in core; the addons are
 * docs (the "Start here" page, stories/introduction.mdx, which opens first: see
 * `storySort` in preview.ts), accessibility (axe on every story, also in the story tests)
 * and vitest (the story tests: `npm run test:stories`, and the testing widget in the sidebar).
 * Storybook's own onboarding (the checklist in the sidebar and the guide in the menu) is off:
 * the introduction page is this project's. scripts/check-storybook.mjs checks both.
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/introduction.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  // public/mockServiceWorker.js is served at /mockServiceWorker.js.
  staticDirs: ['../public'],
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      plugins: [reloadOnLibraryChange, mockOAuthPage],
      // Without the first, Vite pre-bundles Lit twice and two copies of Lit load. The rest are
      // modules the elements reach only through a lazy import or a later render: found during a
      // test run, Vite would optimise them then and reload the page under the story tests.
      optimizeDeps: {
        include: [
          'lit/directive-helpers.js',
          'lit/directives/class-map.js',
          'lit/directives/if-defined.js',
          'lit/directives/live.js',
          'lit/directives/ref.js',
          'lit/directives/repeat.js',
          '@lit-labs/virtualizer/virtualize.js',
          '@lit-labs/virtualizer/layouts/flow.js',
          '@lit-labs/virtualizer/events.js',
        ],
      },
      // Edits to the demo pages (or build output) must not reload the Storybook canvas.
      server: { watch: { ignored: ['**/demo/**', '**/dist/**', '**/coverage/**', '**/storybook-static/**'] } },
    }),
};

export default config;
