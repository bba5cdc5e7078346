/**
 * The one fixture every element test uses: the element inside a
 * `<dn-account-provider>` on the mock backend (this page's own, fresh store),
 * with helpers to find things as a person would and to see what reached the server.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { pageBackend, type PageBackend, type PageBackendOptions } from './page-backend.js';
export { nextTask } from './tasks.js';
import { RestAccountApi } from '../../src/api/rest-client.js';
import type { EndpointName } from '../../src/api/endpoints.js';
import type { DnAccountProvider } from '../../src/components/account-provider/account-provider.js';
import '../../src/components/account-provider/account-provider.js';

/** The mock backend of the test page (see `page-backend.ts`). */
export type MockBackend = PageBackend;

export interface MountOptions extends PageBackendOptions {
  locale?: string;
  theme?: 'light' | 'dark' | 'system';
  density?: 'comfortable' | 'compact';
  timeZone?: string;
  /** Client timeout; short so the timeout fault does not slow the suite. */
  timeoutMs?: number;
  /** Runs after the backend is reset and before the element renders (e.g. `backend.use(fault)`). */
  setup?: (backend: MockBackend) => void | Promise<void>;
  /** Wait until the element has loaded (default); false to look at the loading state. */
  settle?: boolean;
}

export interface Mounted<T extends HTMLElement> {
  el: T;
  provider: DnAccountProvider;
  backend: MockBackend;
  api: RestAccountApi;
}

/** Resets the page's mock backend to fresh seed data; unknown API requests fail the test. */
export async function mockBackend(options: PageBackendOptions = {}): Promise<MockBackend> {
  return pageBackend(options);
}

/** Renders `template` inside a provider on a fresh mock backend and waits until the element has loaded. */
export async function mount<T extends HTMLElement>(template: TemplateResult, options: MountOptions = {}): Promise<Mounted<T>> {
  const { locale = 'en', theme = 'light', density = 'comfortable', timeZone = 'Europe/Berlin', timeoutMs = 1500, setup, settle = true, ...mock } = options;
  const backend = await mockBackend(mock);
  await setup?.(backend);
  // No retries: each fault in a test is one answer, seen once.
  const api = new RestAccountApi({ baseUrl: '/api/account', timeoutMs, retry: { attempts: 0 } });
  const provider = await fixture<DnAccountProvider>(
    html`<dn-account-provider .api=${api} locale=${locale} theme=${theme} density=${density} time-zone=${timeZone}>${template}</dn-account-provider>`,
  );
  const el = provider.firstElementChild as T;
  if (settle) await settled(el);
  return { el, provider, backend, api };
}

/** Waits until `el` shows neither its loading placeholder nor pending work. */
export async function settled(el: HTMLElement, message = 'element to finish loading'): Promise<void> {
  await waitUntil(() => !el.shadowRoot?.querySelector('[part="loading"]'), message, { timeout: 8000 });
  await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  // Windowed lists place their rows once the virtualizer has measured them (next frames).
  await nextFrame();
  await nextFrame();
}


/** Resolves after the next animation frame. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Requests the mock backend answered for `name` (what reached the server). */
export function requestsTo(backend: MockBackend, name: EndpointName) {
  return backend.requests.filter((entry) => entry.name === name);
}

/** Focuses `input`, selects what it holds and types `text` with the real keyboard. */
export async function typeInto(input: HTMLElement, text: string, { replace = true } = {}): Promise<void> {
  input.focus();
  if (replace && (input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) input.select();
  if (replace) await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
}

/** Sets `input`'s value as a paste would (one input event), for long or non-keyboard text. */
export function pasteInto(input: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste', data: text }));
}

/** Resolves once `predicate` holds (polling). */
export function until(predicate: () => unknown, message = 'condition', timeout = 8000): Promise<void> {
  return waitUntil(predicate, message, { timeout });
}

/** Everything the element shows, shadow and light DOM (what a person reads). */
export function visibleText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof HTMLElement && (node.hidden || node.getAttribute('aria-hidden') === 'true')) return;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) {
      for (const child of node.shadowRoot.childNodes) walk(child);
    } else {
      for (const child of node.childNodes) walk(child);
    }
    if (node instanceof HTMLSlotElement) for (const child of node.assignedNodes({ flatten: true })) walk(child);
  };
  walk(el);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** What the element's polite status region says (success messages). */
export function statusOf(el: HTMLElement): string {
  return el.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim() ?? '';
}

/** The error message tied to `input` through aria-describedby, when one shows. */
export function errorOf(input: HTMLElement): string {
  const root = input.getRootNode() as Document | ShadowRoot;
  return (
    (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => (id ? root.getElementById(id) : null))
      .find((node) => node?.classList.contains('error') && !node.hidden)
      ?.textContent?.trim() ?? ''
  );
}

export interface IntervalSpy {
  started: { id: number; ms: number | undefined; handler: TimerHandler }[];
  cleared: (number | undefined)[];
  restore(): void;
}

/** Records every `setInterval` / `clearInterval` until `restore()`; timers still run. */
export function spyOnIntervals(): IntervalSpy {
  const realSet = window.setInterval;
  const realClear = window.clearInterval;
  const spy: IntervalSpy = {
    started: [],
    cleared: [],
    restore: () => {
      window.setInterval = realSet;
      window.clearInterval = realClear;
    },
  };
  window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = realSet(handler, ms, ...args);
    spy.started.push({ id, ms, handler });
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    spy.cleared.push(id);
    realClear(id);
  }) as typeof window.clearInterval;
  return spy;
}
