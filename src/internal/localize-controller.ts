import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TOptions } from 'i18next';
import { ensureLocale, i18n, isLocaleReady, localeLoading, translate } from '../i18n/i18n.js';

/**
 * How long an element holds its update for strings still loading before it renders in
 * English (they replace it when they arrive).
 */
const LOCALE_WAIT_MS = 3000;

/**
 * Gives an element `t()` in its user's locale and re-renders it when that
 * locale's strings arrive or a host overrides strings.
 */
export class LocalizeController implements ReactiveController {
  private locale = 'en';
  /** The top-level keys (`sessions` of `sessions.title`) the element has translated. */
  private readonly namespaces = new Set<string>();
  private readonly host: ReactiveControllerHost;
  private readonly handleResourcesChanged = () => this.host.requestUpdate();

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    i18n.store.on('added', this.handleResourcesChanged);
  }

  hostDisconnected(): void {
    i18n.store.off('added', this.handleResourcesChanged);
  }

  /** Switches locale; until its strings have loaded, English is shown. */
  setLocale(locale: string): void {
    if (locale === this.locale) return;
    this.locale = locale;
    if (!isLocaleReady(locale)) void ensureLocale(locale).then(() => this.host.requestUpdate());
  }

  /**
   * What the element waits for before it renders in `locale`: the strings it uses still
   * loading (before its first render, those of every feature registered so far), for at most
   * {@link LOCALE_WAIT_MS}; `undefined` when it can render now. A German page that opens an
   * element later shows it in German from the start, not in English first.
   */
  loading(locale: string): Promise<void> | undefined {
    const pending = localeLoading(locale, this.namespaces.size > 0 ? this.namespaces : undefined);
    if (!pending) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, LOCALE_WAIT_MS)));
    return Promise.race([pending, timeout]).finally(() => clearTimeout(timer));
  }

  t(key: string, options?: TOptions): string {
    const dot = key.indexOf('.');
    this.namespaces.add(dot < 0 ? key : key.slice(0, dot));
    return translate(this.locale, key, options);
  }
}
