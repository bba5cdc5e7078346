import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { AccountApi } from '../api/account-api.js';
import { defaultApi } from '../api/default-api.js';
import {
  defaultStore,
  resourceContext,
  type AccountStore,
  type ResourceKey,
  type ResourceSnapshot,
  type ResourceSubscription,
} from '../api/resource-store.js';
import type { ResourceDescriptor } from '../api/resources.js';


export interface ResourceControllerOptions<T> {
  /** What to read; `null` reads nothing (e.g. a form that needs no data in its current mode). */
  resource: () => ResourceDescriptor<T> | null;
  /** Called once per failure; what it returns is the error shown (the element's `handleFailure`). */
  failed?: (error: unknown) => unknown;
  /**
   * A new value arrived (loaded, refetched, or set by any reader): for state derived from it.
   * `own` is true when this controller's `set` stored it (the element already knows).
   */
  changed?: (value: T, previous: T | undefined, own: boolean) => void;
}

type Host = ReactiveControllerHost & HTMLElement & { api?: AccountApi };

/**
 * Internal event: an element's data arrived (or failed to) for the first time. Bubbles,
 * not composed: for `<dn-account-settings>`, which waits for it before moving focus.
 */
export const READY_EVENT = 'dn-ready';

/**
 * Reads one resource from the shared {@link AccountStore} of the element's API: the value
 * every reader on the page agrees on, kept while a refetch is under way. Renders from
 * `value`; `error` is the last failure (after `failed` mapped it), `retry()` fetches again.
 * Writes go through `set`, so every reader sees them.
 */
export class ResourceController<T> implements ReactiveController {
  private readonly host: Host;
  private readonly options: ResourceControllerOptions<T>;
  private readonly provided: ContextConsumer<typeof resourceContext, Host>;
  private subscription?: ResourceSubscription;
  private current?: { store: AccountStore; key: ResourceKey };
  private snapshot?: ResourceSnapshot<T>;
  private seenError: unknown;
  private mappedError: unknown;
  private ready = false;
  private writing = false;

  constructor(host: Host, options: ResourceControllerOptions<T>) {
    this.host = host;
    this.options = options;
    this.provided = new ContextConsumer(host, {
      context: resourceContext,
      subscribe: true,
      callback: () => host.requestUpdate(),
    });
    host.addController(this);
  }

  /** The value, kept while a refetch is pending or after it failed; `undefined` before it arrived. */
  get value(): T | undefined {
    return this.snapshot?.value;
  }

  /** True once a value arrived. */
  get hasValue(): boolean {
    return this.snapshot?.hasValue ?? false;
  }

  /** True while a request is under way (or about to start). */
  get pending(): boolean {
    return !this.snapshot || this.snapshot.status === 'pending' || this.snapshot.status === 'initial';
  }

  /** The last failure as `failed` mapped it, while the last request failed. */
  get error(): unknown {
    return this.snapshot?.status === 'error' ? this.mappedError : undefined;
  }

  /** The store this element reads (its API's). */
  get store(): AccountStore {
    const api = this.host.api ?? defaultApi();
    const provided = this.provided.value;
    return provided && provided.api === api ? provided : defaultStore(api);
  }

  /** What the store holds for `resource` now, without reading it (no request): `undefined` until some reader loaded it. */
  peek<U>(resource: ResourceDescriptor<U>): U | undefined {
    return this.store.get<U>(resource.key).value;
  }

  /** Fetches again, for every reader (replacing a request under way); resolves when it settled. */
  retry(): Promise<void> {
    this.sync();
    return this.current ? this.current.store.fetch(this.current.key, { force: true }) : Promise.resolve();
  }

  /** Stores `value` for every reader of this resource (what a mutation answered). */
  set(value: T): void {
    this.sync();
    if (!this.current) return;
    this.writing = true;
    try {
      this.current.store.set(this.current.key, value);
    } finally {
      this.writing = false;
    }
  }

  /** Refetches `keys` for every reader on the page (after a mutation that changed them). */
  invalidate(...keys: ResourceKey[]): void {
    this.store.invalidate(...keys);
  }

  hostConnected(): void {
    // Subscribes again in the next update.
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.current = undefined;
  }

  /** Follows the element's API and the resource it asks for. */
  private sync(): void {
    if (!this.host.isConnected) return;
    const resource = this.options.resource();
    const store = this.store;
    if (this.current && resource && this.current.store === store && this.current.key === resource.key) return;
    if (!this.current && !resource) return;
    const before = this.current;
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.current = undefined;
    if (!resource) {
      this.snapshot = undefined;
      return;
    }
    this.current = { store, key: resource.key };
    // Back on the page with the same data: no need to ask again unless it failed.
    const returning = !before && this.snapshot !== undefined && store.get(resource.key).hasValue;
    this.subscription = store.subscribe(resource.key, resource.load, (snapshot) => this.receive(snapshot), { refetch: !returning });
  }

  private receive(snapshot: ResourceSnapshot<T>): void {
    const previous = this.snapshot;
    this.snapshot = snapshot;
    if (snapshot.status === 'error' && snapshot.error !== this.seenError) {
      // Once per failure, not once per render of the error state.
      this.seenError = snapshot.error;
      this.mappedError = this.options.failed ? this.options.failed(snapshot.error) : snapshot.error;
    }
    if (snapshot.hasValue && (!previous?.hasValue || previous.value !== snapshot.value)) {
      this.options.changed?.(snapshot.value as T, previous?.value, this.writing);
    }
    this.host.requestUpdate();
    if (!this.ready && (snapshot.hasValue || snapshot.status === 'error')) {
      this.ready = true;
      void this.host.updateComplete.then(() => this.host.dispatchEvent(new Event(READY_EVENT, { bubbles: true })));
    }
  }
}
