import { setCustomElementsManifest, type Decorator, type Loader, type Preview, type StoryContext } from '@storybook/web-components';
import { action } from 'storybook/actions';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import { directionOf } from '../src/api/context.js';
import { startMockBackend } from '../mock/index.js';
import type { Density, Theme } from '../src/api/schemas.js';
import { API_BASE, type MockLoaded, type MockParameters } from '../stories/support/mock.js';
// Defines every element (the index only exports the classes).
import '../src/define-all.js';
import '../src/themes/light.css';
import '../src/themes/dark.css';
import '../src/themes/compact.css';
import './preview.css';

// ——— Controls and argument tables from the JSDoc (custom-elements.json) ———

interface ManifestMember {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
}
interface ManifestDeclaration {
  tagName?: string;
  members?: ManifestMember[];
  events?: { name: string }[];
}
interface Manifest {
  modules: { declarations?: ManifestDeclaration[] }[];
}

/**
 * Only the public API reaches the tables: private and protected members are left out,
 * and a property backed by an attribute is listed once, as the attribute (the
 * argument the stories bind).
 */
function publicApi(source: Manifest): Manifest {
  return {
    ...source,
    modules: source.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) =>
        declaration.tagName
          ? {
              ...declaration,
              members: declaration.members?.filter(
                (member) => (member.privacy ?? 'public') === 'public' && !member.static && !member.attribute && !member.name.startsWith('#'),
              ),
            }
          : declaration,
      ),
    })),
  };
}

setCustomElementsManifest(publicApi(manifest as Manifest));

// ——— Every documented dn- event in the Actions panel, with its detail ———

const EVENT_NAMES = [
  ...new Set((manifest as Manifest).modules.flatMap((module) => module.declarations ?? []).flatMap((declaration) => (declaration.events ?? []).map((event) => event.name))),
].filter((name) => name.startsWith('dn-'));

/** Logs each `dn-` event that reaches the canvas (they bubble and are composed) as an action of its `detail`. */
function logEvents({ canvasElement }: StoryContext): () => void {
  const listeners = EVENT_NAMES.map((name) => {
    const log = action(name);
    const listener = (event: Event): void => log(event instanceof CustomEvent ? event.detail : event);
    canvasElement.addEventListener(name, listener);
    return () => canvasElement.removeEventListener(name, listener);
  });
  return () => listeners.forEach((remove) => remove());
}

// ——— The mock backend: fresh state for every story ———

/**
 * Starts the mock backend (MSW's worker from /mockServiceWorker.js) before the story
 * renders, so even the first request of the first story is answered by it. Later
 * stories reuse the worker with fresh seed data built from their `parameters.mock`,
 * and the original handlers (one-off `backend.use()` faults of the previous story are gone).
 */
const mockBackend: Loader = async ({ parameters }): Promise<MockLoaded> => {
  const options = (parameters['mock'] ?? {}) as MockParameters;
  const backend = await startMockBackend({
    ...options,
    baseUrl: API_BASE,
    quiet: true,
    onUnhandledRequest: 'bypass',
    // Relative to the iframe, so a Storybook published under a sub-path still finds it.
    serviceWorkerUrl: new URL('mockServiceWorker.js', document.baseURI).pathname,
  });
  return { backend };
};

// ——— Theme, density and locale toolbars ———

const THEMES: readonly Theme[] = ['light', 'dark', 'system'];
const DENSITIES: readonly Density[] = ['comfortable', 'compact'];
const LOCALES = ['en', 'de', 'es', 'ar'] as const;

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/**
 * Wraps every story in `<dn-account-provider>` with the toolbar's theme, density and
 * locale, and puts the same theme and density on <html> so the canvas around the
 * elements (and preview.css) follows them.
 */
const withProvider: Decorator = (story, { globals }) => {
  const theme = pick(globals['theme'], THEMES, 'light');
  const density = pick(globals['density'], DENSITIES, 'comfortable');
  const locale = pick(globals['locale'], LOCALES, 'en');
  const root = document.documentElement;
  root.setAttribute('data-dn-theme', theme);
  root.setAttribute('data-dn-density', density);
  return html`<dn-account-provider api-base=${API_BASE} theme=${theme} density=${density} locale=${locale}>
    <div class="dn-story" lang=${locale} dir=${directionOf(locale)}>${story()}</div>
  </dn-account-provider>`;
};

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Theme of the elements and the canvas',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        dynamicTitle: true,
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'system', title: 'System', icon: 'browser' },
        ],
      },
    },
    density: {
      description: 'Spacing and control height',
      toolbar: {
        title: 'Density',
        icon: 'component',
        dynamicTitle: true,
        items: [
          { value: 'comfortable', title: 'Comfortable' },
          { value: 'compact', title: 'Compact' },
        ],
      },
    },
    locale: {
      description: 'Language of the elements (Arabic is right to left)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'en', right: 'EN', title: 'English' },
          { value: 'de', right: 'DE', title: 'Deutsch' },
          { value: 'es', right: 'ES', title: 'Español' },
          { value: 'ar', right: 'AR', title: 'العربية' },
        ],
      },
    },
  },
  initialGlobals: { theme: 'light', density: 'comfortable', locale: 'en' },
  loaders: [mockBackend],
  beforeEach: logEvents,
  decorators: [withProvider],
  parameters: {
    // The introduction first (Storybook opens on the first entry), then the whole page, then
    // each element.
    options: { storySort: { order: ['Introduction', ['Start here', 'Theming'], 'Pages', 'Elements'] } },
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    // The canvas colour comes from the theme toolbar, not from the backgrounds tool.
    backgrounds: { disable: true },
    // axe runs on every story; in the story tests a violation fails the story.
    a11y: { test: 'error' },
  },
};

export default preview;
