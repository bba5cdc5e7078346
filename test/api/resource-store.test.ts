import { expect } from '@open-wc/testing';
import type { AccountApi } from '../../src/api/account-api.js';
import { AccountStore, defaultStore, type ResourceSnapshot } from '../../src/api/resource-store.js';

/** A loader the test answers by hand, recording every call and its signal. */
function manualLoader<T>() {
  const calls: { signal: AbortSignal; resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  const load = (_api: AccountApi, signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      calls.push({ signal, resolve, reject });
    });
  return { calls, load };
}

const tick = () => new Promise((resolve) => setTimeout(resolve));
const api = {} as AccountApi;

/** Records what a reader saw. */
function reader<T>() {
  const seen: ResourceSnapshot<T>[] = [];
  return { seen, listener: (snapshot: ResourceSnapshot<T>) => seen.push(snapshot), last: () => seen.at(-1)! };
}

describe('AccountStore', () => {
  it('shares one request between two readers that ask at the same time', async () => {
    const store = new AccountStore(api);
    const { calls, load } = manualLoader<string>();
    const a = reader<string>();
    const b = reader<string>();
    store.subscribe('sessions', load, a.listener);
    store.subscribe('sessions', load, b.listener);
    expect(calls.length).to.equal(1);
    calls[0]!.resolve('list');
    await tick();
    expect(a.last()).to.include({ status: 'complete', value: 'list' });
    expect(b.last()).to.include({ status: 'complete', value: 'list' });
  });

  it('refetches every reader on invalidate, keeping the old value meanwhile', async () => {
    const store = new AccountStore(api);
    const { calls, load } = manualLoader<string>();
    const a = reader<string>();
    store.subscribe('sessions', load, a.listener);
    calls[0]!.resolve('old');
    await tick();
    store.invalidate('sessions');
    expect(calls.length).to.equal(2);
    expect(a.last()).to.include({ status: 'pending', value: 'old', hasValue: true });
    calls[1]!.resolve('new');
    await tick();
    expect(a.last()).to.include({ status: 'complete', value: 'new' });
  });

  it('restarts a request under way on invalidate, so an answer from before the change is not shown', async () => {
    const store = new AccountStore(api);
    const { calls, load } = manualLoader<string>();
    const a = reader<string>();
    store.subscribe('sessions', load, a.listener);
    store.invalidate('sessions');
    expect(calls[0]!.signal.aborted).to.equal(true);
    calls[0]!.resolve('before');
    calls[1]!.resolve('after');
    await tick();
    expect(a.seen.map((s) => s.value)).not.to.include('before');
    expect(a.last().value).to.equal('after');
  });

  it('reaches every query of a name, and forgets data no reader shows', async () => {
    const store = new AccountStore(api);
    const { calls, load } = manualLoader<string>();
    const sub = store.subscribe('login-activity:all:20', load, () => {});
    calls[0]!.resolve('page');
    await tick();
    sub.unsubscribe();
    store.invalidate('login-activity');
    expect(store.get('login-activity:all:20').hasValue).to.equal(false);
  });

  it('aborts the shared request only when the last reader leaves', () => {
    const store = new AccountStore(api);
    const { calls, load } = manualLoader<string>();
    const a = store.subscribe('profile', load, () => {});
    const b = store.subscribe('profile', load, () => {});
    a.unsubscribe();
    expect(calls[0]!.signal.aborted).to.equal(false);
    b.unsubscribe();
    expect(calls[0]!.signal.aborted).to.equal(true);
  });

  it('shows a set value to every reader, over an answer still under way', async () => {
    const store = new AccountStore(api);
    const { calls, load } = manualLoader<string>();
    const a = reader<string>();
    const b = reader<string>();
    store.subscribe('two-factor', load, a.listener);
    store.subscribe('two-factor', load, b.listener);
    store.set('two-factor', 'enabled');
    expect(a.last()).to.include({ status: 'complete', value: 'enabled' });
    expect(b.last()).to.include({ status: 'complete', value: 'enabled' });
    calls[0]!.resolve('stale');
    await tick();
    expect(b.last().value).to.equal('enabled');
  });

  it('keeps the failure for its readers and the last value with it', async () => {
    const store = new AccountStore(api);
    const { calls, load } = manualLoader<string>();
    const a = reader<string>();
    store.subscribe('billing', load, a.listener);
    calls[0]!.resolve('summary');
    await tick();
    void store.fetch('billing');
    const failure = new Error('offline');
    calls[1]!.reject(failure);
    await tick();
    expect(a.last()).to.include({ status: 'error', error: failure, value: 'summary' });
  });

  it('gives elements without a provider one store per API', () => {
    const other = {} as AccountApi;
    expect(defaultStore(api)).to.equal(defaultStore(api));
    expect(defaultStore(other)).not.to.equal(defaultStore(api));
  });
});
