/**
 * A controllable clock for one test: `setTimeout` / `setInterval` (and their `clear*`) and
 * `Date.now` read a fake time that moves only when the test calls `tick()`. Microtasks, animation
 * frames and message channels stay real, so Lit's updates and the page backend's answers still
 * run. Install it after the element has mounted and uninstall it in `finally`, so the mocha
 * timeouts and the fixture's polling never see it.
 */
import { nextTask } from './tasks.js';

type Faked = 'setTimeout' | 'setInterval' | 'Date';

interface FakeTimer {
  callback: TimerHandler;
  args: unknown[];
  at: number;
  /** Set for intervals: the period to schedule the next run with. */
  every?: number;
}

export interface FakeClock {
  /** The fake time (ms since the epoch). */
  readonly now: number;
  /** Fake timers not yet fired or cleared. */
  readonly pending: number;
  /** The delays timers were scheduled with, oldest first (intervals and timeouts). */
  readonly scheduled: readonly number[];
  /**
   * Moves the time forward by `ms`, firing every timer that falls due on the way, in order; after
   * each one the microtasks and the next task run, so what it started (a Lit update) settles.
   */
  tick(ms: number): Promise<void>;
  /**
   * Waits on real tasks, firing the timers already due but never moving the time, until
   * `predicate` holds; fails after `timeoutMs` of real time. The fixture's `until` polls with
   * `setTimeout`, which the clock holds still.
   */
  until(predicate: () => unknown, message?: string, timeoutMs?: number): Promise<void>;
  /** Puts the real timers and `Date.now` back. */
  uninstall(): void;
}

// Ids of fake timers start far above the browser's, so a real id cleared while the clock is
// installed still reaches the real `clear*`.
const FIRST_ID = 1_000_000_000;


/** Installs the fake clock on `window`; `fake` picks what it replaces (default: all three). */
export function installClock({ fake = ['setTimeout', 'setInterval', 'Date'] as Faked[], now = Date.now() } = {}): FakeClock {
  const real = {
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
    dateNow: Date.now,
  };
  const timers = new Map<number, FakeTimer>();
  const scheduled: number[] = [];
  let current = now;
  let nextId = FIRST_ID;

  const schedule = (callback: TimerHandler, ms: number | undefined, args: unknown[], repeat: boolean) => {
    const delay = Math.max(0, Number(ms) || 0);
    const id = nextId++;
    scheduled.push(delay);
    timers.set(id, { callback, args, at: current + delay, ...(repeat ? { every: Math.max(1, delay) } : {}) });
    return id;
  };
  const clear = (id: number | undefined, realClear: (id?: number) => void) => {
    if (id !== undefined && timers.delete(id)) return;
    realClear(id);
  };

  if (fake.includes('setTimeout')) {
    window.setTimeout = ((callback: TimerHandler, ms?: number, ...args: unknown[]) => schedule(callback, ms, args, false)) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => clear(id, real.clearTimeout)) as typeof window.clearTimeout;
  }
  if (fake.includes('setInterval')) {
    window.setInterval = ((callback: TimerHandler, ms?: number, ...args: unknown[]) => schedule(callback, ms, args, true)) as typeof window.setInterval;
    window.clearInterval = ((id?: number) => clear(id, real.clearInterval)) as typeof window.clearInterval;
  }
  if (fake.includes('Date')) Date.now = () => current;

  const due = (until: number) => {
    let first: [number, FakeTimer] | undefined;
    for (const entry of timers) if (entry[1].at <= until && (!first || entry[1].at < first[1].at)) first = entry;
    return first;
  };

  return {
    get now() {
      return current;
    },
    get pending() {
      return timers.size;
    },
    scheduled,
    async tick(ms: number) {
      const until = current + ms;
      for (let entry = due(until); entry; entry = due(until)) {
        const [id, timer] = entry;
        current = timer.at;
        if (timer.every) timer.at += timer.every;
        else timers.delete(id);
        if (typeof timer.callback === 'function') (timer.callback as (...args: unknown[]) => void)(...timer.args);
        await nextTask();
      }
      current = until;
      await nextTask();
    },
    async until(predicate: () => unknown, message = 'condition', timeoutMs = 5000) {
      const started = performance.now();
      while (!predicate()) {
        if (performance.now() - started > timeoutMs) throw new Error(`Timeout: ${message}`);
        await this.tick(0);
      }
    },
    uninstall() {
      window.setTimeout = real.setTimeout;
      window.clearTimeout = real.clearTimeout;
      window.setInterval = real.setInterval;
      window.clearInterval = real.clearInterval;
      Date.now = real.dateNow;
      timers.clear();
    },
  };
}
