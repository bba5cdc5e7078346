import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface HashRouteOptions<Route> {
  /** Whether the element follows the hash (`hash-sync`); read on connect and by {@link HashRouteController.sync}. */
  enabled: () => boolean;
  /** The route a hash names (`#security/two-factor`), or undefined for a hash that is the host page's own anchor. */
  parse: (hash: string) => Route | undefined;
  /** The hash changed (a link, Back or Forward). */
  onChange: () => void;
}

/**
 * Keeps an element and `location.hash` in step: listens for `hashchange` and `popstate` on
 * `window` while the element is connected and enabled (and only then), reads the route the
 * hash names and pushes a history entry for a new one.
 */
export class HashRouteController<Route> implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: HashRouteOptions<Route>;
  private listening = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: HashRouteOptions<Route>) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.listen(this.options.enabled());
  }

  hostDisconnected(): void {
    this.listen(false);
  }

  /** Call when `enabled` may have changed. */
  sync(): void {
    this.listen(this.options.enabled() && this.host.isConnected);
  }

  /** The route of the current hash, if it names one. */
  get route(): Route | undefined {
    return this.options.parse(location.hash);
  }

  /** The URL has no hash (or a bare `#`). */
  get empty(): boolean {
    return location.hash === '' || location.hash === '#';
  }

  /** Whether the URL's hash is `#<hash>` already. */
  isCurrent(hash: string): boolean {
    return location.hash === `#${hash}`;
  }

  /** Makes `#<hash>` the URL's hash, as a new history entry (so Back returns). */
  push(hash: string): void {
    // An absolute URL: a <base href> must not change the path.
    const url = new URL(location.href);
    url.hash = hash;
    history.pushState(history.state, '', url);
  }

  private readonly handleChange = (): void => this.options.onChange();

  private listen(on: boolean): void {
    if (on === this.listening) return;
    this.listening = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    window[method]('hashchange', this.handleChange);
    window[method]('popstate', this.handleChange);
  }
}
