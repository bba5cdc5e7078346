import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig, type Plugin } from 'vite';

/**
 * A custom element cannot be defined twice, so hot-swapping an element module fails
 * ("the name … has already been used"). Reload the canvas instead when library code changes.
 */
const reloadOnLibraryChange: Plugin = {
  name: 'dn-reload-on-library-change',
  handleHotUpdate({ file, server }) {
    if (!file.startsWith(`${server.config.root}/src/`)) return undefined;
    server.ws.send({ type: 'full-reload' });
    return [];
  },
};

/**
 * Storybook for the dn- elements, on the built-in mock backend (MSW). Hand-written;
 * no addons: controls, actions, toolbars, viewport and interactions are in core.
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: [],
  core: { disableTelemetry: true },
  // public/mockServiceWorker.js is served at /mockServiceWorker.js.
  staticDirs: ['../public'],
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      plugins: [reloadOnLibraryChange],
      // Without this Vite pre-bundles Lit twice and two copies of Lit load.
      optimizeDeps: { include: ['lit/directive-helpers.js'] },
      // Edits to the demo pages (or build output) must not reload the Storybook canvas.
      server: { watch: { ignored: ['**/demo/**', '**/dist/**', '**/coverage/**', '**/storybook-static/**'] } },
    }),
};

export default config;
