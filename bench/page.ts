/**
 * The whole-page benchmark `npm run bench` drives (scripts/bench.mjs): `<dn-account-provider>`
 * + `<dn-account-settings>` on the in-process mock backend (no latency), built on its own so
 * the page's tabs load lazily as they do for a host (bench.ts imports every element, which
 * would make those dynamic imports static). Measurements are exposed on `window.dnPage`.
 *
 * With `?auto`, the page mounts itself as soon as its module runs, for the cold figure
 * (navigation start → Profile painted, every module and the Profile chunk fetched).
 */
import type { AccountApi } from '../src/api/account-api.js';
import { createMockFetch } from '../mock/index.js';
import { RestAccountApi } from '../src/api/rest-client.js';
import '../src/components/account-provider/account-provider.js';
import '../src/components/account-settings/account-settings.js';

const stage = document.getElementById('stage') as HTMLElement;
const SECURITY = ['dn-password-change', 'dn-2fa-setup', 'dn-session-list', 'dn-login-activity', 'dn-trusted-devices'];

function settings(): HTMLElement {
  const el = stage.querySelector<HTMLElement>('dn-account-settings');
  if (!el) throw new Error('no page on stage');
  return el;
}

/** The Profile tab shows its form with its fields. */
function profileShown(): boolean {
  return !!stage.querySelector('dn-account-settings dn-profile-form')?.shadowRoot?.querySelector('form[part="form"] input');
}

/** A section element is defined, rendered and shows no loading placeholder. */
function sectionShown(el: Element | null): boolean {
  const root = el?.shadowRoot;
  return !!root && el!.matches(':defined') && !!root.querySelector('[part="base"], form') && !root.querySelector('[part="loading"]');
}

/** Every section of the Security tab is shown. */
function securityShown(): boolean {
  const page = stage.querySelector('dn-account-settings');
  return !!page && SECURITY.every((tag) => sectionShown(page.querySelector(tag)));
}

/** Resolves with the time of the first painted frame in which `predicate` holds (checked before each frame). */
function firstFrameWhere(predicate: () => boolean, timeout = 15_000): Promise<number> {
  const end = performance.now() + timeout;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (predicate()) setTimeout(() => resolve(performance.now()), 0);
      else if (performance.now() > end) reject(new Error('timed out'));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Removes what is on stage and mounts a fresh page on a fresh mock; returns the time of the append. */
function mount(): number {
  stage.replaceChildren();
  window.scrollTo(0, 0);
  const { fetch } = createMockFetch({ validateResponses: false });
  const provider = document.createElement('dn-account-provider') as HTMLElement & { api: AccountApi };
  provider.api = new RestAccountApi({ baseUrl: '/api/account', fetch, retry: { attempts: 0 }, timeoutMs: 0 });
  provider.append(document.createElement('dn-account-settings'));
  const start = performance.now();
  stage.append(provider);
  return start;
}

/** Milliseconds from appending a fresh page to the first frame showing the Profile form's fields. */
async function firstRender(): Promise<number> {
  const start = mount();
  return (await firstFrameWhere(profileShown)) - start;
}

/** On the page on stage: milliseconds from clicking the Security tab to the frame showing all its sections. */
async function securityTab(): Promise<number> {
  const tab = settings().shadowRoot?.querySelector<HTMLElement>('[role="tab"][data-tab="security"]');
  if (!tab) throw new Error('no Security tab');
  const start = performance.now();
  tab.click();
  return (await firstFrameWhere(securityShown)) - start;
}

const cold: { appended?: number; painted?: number; error?: string } = {};
if (new URLSearchParams(location.search).has('auto')) {
  cold.appended = mount();
  firstFrameWhere(profileShown).then(
    (painted) => (cold.painted = painted),
    (error: Error) => (cold.error = error.message),
  );
}

Object.assign(window, { dnPage: { firstRender, securityTab, cold, ready: true } });
