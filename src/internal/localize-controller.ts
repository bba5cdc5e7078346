import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TOptions } from 'i18next';
import { ensureLocale, i18n, isLocaleReady, translate } from '../i18n/i18n.js';

/**
 * Gives an element `t()` in its user's locale and re-renders it when that
 * locale's strings arrive or a host overrides strings.
 */
export class LocalizeController implements ReactiveController {
  private locale = 'en';
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

  t(key: string, options?: TOptions): string {
    return translate(this.locale, key, options);
  }
}
