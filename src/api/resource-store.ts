import { createContext } from '@lit/context';
import type { AccountApi } from './account-api.js';

/**
 * The account data elements share. Two elements reading the same resource see the same
 * value; a mutation in one refreshes (or sets) it for all.
 */
export const RESOURCE_KEYS = [
  'profile',
  'email-change',
  'password-policy',
  'two-factor',
  'sessions',
  'login-activity',
  'trusted-devices',
  'passkeys',
  'notifications',
  'privacy',
  'account-deletion',
  'connected-accounts',
  'preferences',
  'billing',
] as const;

/** One resource: a name from {@link RESOURCE_KEYS}. */
export type ResourceName = (typeof RESOURCE_KEYS)[number];

/**
 * A resource, optionally with its query (`login-activity:failed:20`). Invalidating the
 * bare name reaches every query of it.
 */
export type ResourceKey = ResourceName | `${ResourceName}:${string}`;

/** Fetches a resource; `signal` aborts when no reader is left. */
export type ResourceLoader<T> = (api: AccountApi, signal: AbortSignal) => Promise<T>;

/** What a reader sees of a resource. */
export interface ResourceSnapshot<T> {
  /** `initial` (never asked), `pending`, `complete`, or `error` (the last request failed). */
  readonly status: 'initial' | 'pending' | 'complete' | 'error';
  /** The last value: kept while a refetch is pending or after it failed. */
  readonly value: T | undefined;
  /** True once a value arrived (a value may itself be `null`). */
  readonly hasValue: boolean;
  /** Why the last request failed (`status` is `error`). */
  readonly error: unknown;
}

/** A reader's hold on a resource; `unsubscribe` when it leaves the page. */
export interface ResourceSubscription {
  unsubscribe(): void;
}

interface Reader {
  loader: ResourceLoader<unknown>;
  listener: (snapshot: ResourceSnapshot<unknown>) => void;
}

interface Entry {
  snapshot: ResourceSnapshot<unknown>;
  readers: Set<Reader>;
  request?: { controller: AbortController; promise: Promise<void> };
}

const INITIAL: ResourceSnapshot<never> = { status: 'initial', value: undefined, hasValue: false, error: undefined };

/**
 * A small cache of account resources for one `AccountApi`, in the way TanStack Query made
 * common: readers subscribe to a key with a loader; readers asking at the same time share
 * one request; `invalidate` refetches what is on the page (readers keep the old value
 * meanwhile); `set` stores what a mutation answered. A request is aborted when its last
 * reader leaves.
 */
export class AccountStore {
  private readonly entries = new Map<ResourceKey, Entry>();

  constructor(readonly api: AccountApi) {}

  /** The current snapshot of `key`. */
  get<T>(key: ResourceKey): ResourceSnapshot<T> {
    return (this.entries.get(key)?.snapshot ?? INITIAL) as ResourceSnapshot<T>;
  }

  /**
   * Adds a reader of `key` and fetches it (joining a request already under way); `listener`
   * hears every change from now on, the current snapshot first. With `refetch: false`, a
   * value already there is enough (a reader coming back to the page).
   */
  subscribe<T>(
    key: ResourceKey,
    loader: ResourceLoader<T>,
    listener: (snapshot: ResourceSnapshot<T>) => void,
    { refetch = true }: { refetch?: boolean } = {},
  ): ResourceSubscription {
    const entry = this.entry(key);
    const reader: Reader = { loader, listener: listener as Reader['listener'] };
    entry.readers.add(reader);
    if (refetch || entry.snapshot.status === 'error' || !entry.snapshot.hasValue) void this.fetch(key);
    listener(entry.snapshot as ResourceSnapshot<T>);
    return {
      unsubscribe: () => {
        if (!entry.readers.delete(reader) || entry.readers.size > 0) return;
        // Nobody is left to show the answer.
        this.abort(entry);
      },
    };
  }

  /**
   * Fetches `key` for its readers, or joins the request under way (with `force`, replaces it:
   * its answer may predate what the caller knows). Resolves when it settled (never rejects:
   * the snapshot holds the failure). Without readers there is nothing to fetch.
   */
  fetch(key: ResourceKey, { force = false }: { force?: boolean } = {}): Promise<void> {
    const entry = this.entries.get(key);
    if (!entry) return Promise.resolve();
    if (entry.request && force) this.abort(entry);
    if (entry.request) return entry.request.promise;
    const reader = [...entry.readers].at(-1);
    if (!reader) return Promise.resolve();
    const controller = new AbortController();
    this.update(entry, { ...entry.snapshot, status: 'pending' });
    const promise = reader.loader(this.api, controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        entry.request = undefined;
        this.update(entry, { status: 'complete', value, hasValue: true, error: undefined });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        entry.request = undefined;
        this.update(entry, { ...entry.snapshot, status: 'error', error });
      },
    );
    entry.request = { controller, promise };
    return promise;
  }

  /** Stores `value` (what a mutation answered) and shows it to every reader of `key`. */
  set<T>(key: ResourceKey, value: T): void {
    const entry = this.entry(key);
    // An answer under way predates the mutation: it must not overwrite this.
    if (entry.request) this.abort(entry);
    this.update(entry, { status: 'complete', value, hasValue: true, error: undefined });
  }

  /**
   * Marks `keys` (a name reaches all its queries) out of date: what is on the page refetches
   * while still showing the old value; what is not is forgotten, so a reader arriving later
   * does not show it first.
   */
  invalidate(...keys: ResourceKey[]): void {
    for (const [key, entry] of this.entries) {
      if (!keys.some((name) => key === name || key.startsWith(`${name}:`))) continue;
      if (entry.readers.size > 0) void this.fetch(key, { force: true });
      else this.entries.delete(key);
    }
  }

  private entry(key: ResourceKey): Entry {
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = { snapshot: INITIAL, readers: new Set() }));
    return entry;
  }

  private abort(entry: Entry): void {
    const request = entry.request;
    if (!request) return;
    entry.request = undefined;
    request.controller.abort();
    // Back to what was there before the request began.
    const before = entry.snapshot;
    if (before.status === 'pending') entry.snapshot = { ...before, status: before.hasValue ? 'complete' : 'initial' };
  }

  private update(entry: Entry, snapshot: ResourceSnapshot<unknown>): void {
    entry.snapshot = snapshot;
    for (const reader of [...entry.readers]) reader.listener(snapshot);
  }
}

const defaultStores = new WeakMap<AccountApi, AccountStore>();

/** The store of elements with no provider above them: one per API object. */
export function defaultStore(api: AccountApi): AccountStore {
  let store = defaultStores.get(api);
  if (!store) defaultStores.set(api, (store = new AccountStore(api)));
  return store;
}

/** Provided by `<dn-account-provider>`: the {@link AccountStore} of its API. */
export const resourceContext = createContext<AccountStore>(Symbol.for('dn-account-store'));
