/**
 * Lists of rows. Up to {@link WINDOW_THRESHOLD} rows a list is plain: every row is in the
 * DOM, in the page's own flow, so it is in the accessibility tree, in the Tab order, found
 * by find-in-page and printed. Rows carry `content-visibility: auto` ({@link listRowStyles}),
 * so rows off screen cost little to lay out and paint; creating them is what costs. So the
 * first {@link FIRST_ROWS} rows (more than a screen shows) are rendered with the element's
 * update and painted in the next frame; the rest follow, in order, {@link ROWS_PER_FRAME} a
 * frame in the frames after it — a page of 200 is whole in the fourth frame, long before
 * anyone scrolls (in a hidden page, which has no frames, every row comes at once). Every row
 * says from the start how many there are (`aria-setsize`), and the element's `updateComplete`
 * waits for the last row ({@link rowsRendered}).
 *
 * Longer lists are windowed: only the rows in (and just around) the view are in the DOM,
 * so 10,000 rows cost about what 10 do. The virtualizer (`@lit-labs/virtualizer`, which
 * measures rows of any height) is then loaded on demand from `windowed-rows.ts`; short
 * lists never download it. Find-in-page only finds the rows rendered: a known limit of
 * windowing.
 *
 * A windowed list scrolls inside a box (`.scroller`, at most `--dn-list-max-block-size`
 * tall) rather than stretching the page. Plain lists have no box of their own, except a
 * list that loads more as it scrolls (sign-in activity): it keeps the box at every length,
 * since loading on scroll would otherwise push everything after it out of reach.
 *
 * Use inside a `<ul role="list">` (Safari drops list semantics from restyled lists); each
 * row is an `<li>` carrying `aria-posinset` / `aria-setsize`, so a screen reader still
 * says "3 of 10,000" although only a few rows exist.
 */
import { css, nothing, type ChildPart, type TemplateResult } from 'lit';
import { AsyncDirective } from 'lit/async-directive.js';
import { directive } from 'lit/directive.js';
import { repeat } from 'lit/directives/repeat.js';
import type * as WindowedRowsModule from './windowed-rows.js';

export type { RangeChangedEvent, VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
export { focusWhenRendered } from './focus.js';

/** Lists longer than this are windowed; up to it, every row is rendered. */
export const WINDOW_THRESHOLD = 200;

/** Rows of a plain list rendered with the element's update; the rest come in the next frames. */
export const FIRST_ROWS = 20;

/** Rows a plain list adds in each frame after the first. */
export const ROWS_PER_FRAME = 60;

/** Whether a list of `count` rows is windowed. */
export const isWindowed = (count: number): boolean => count > WINDOW_THRESHOLD;

type WindowedRows = typeof WindowedRowsModule;
let windowedModule: WindowedRows | undefined;
let windowedLoading: Promise<WindowedRows> | undefined;

function loadWindowed(): Promise<WindowedRows> {
  windowedLoading ??= import('./windowed-rows.js').then((module) => (windowedModule = module));
  return windowedLoading;
}

type Rows = [items: readonly unknown[], key: (item: never) => string, renderItem: (item: never, index: number) => TemplateResult];

/**
 * Renders the windowed rows once the virtualizer's code has loaded and the part's container
 * is in the document. The virtualizer looks for the ancestors that scroll when it starts; a
 * template's new nodes are still a detached fragment while their directives first run, so a
 * list created together with its scroll box would never notice the box scrolling.
 */
class Windowed extends AsyncDirective {
  #ready = false;
  #latest?: Rows;
  #part?: ChildPart;

  render(..._rows: Rows): unknown {
    return nothing;
  }

  override update(part: ChildPart, rows: Rows): unknown {
    this.#latest = rows;
    this.#part = part;
    if (windowedModule && (this.#ready || part.parentNode?.isConnected)) {
      this.#ready = true;
      return this.#value();
    }
    this.#startSoon();
    return nothing;
  }

  #value(): unknown {
    const [items, key, renderItem] = this.#latest!;
    return windowedModule!.windowedRows(items, key as (item: unknown) => string, renderItem as (item: unknown, index: number) => TemplateResult);
  }

  #startSoon(): void {
    void loadWindowed().then(() => {
      // Deferred by a microtask at least: the template's nodes are in the document by then.
      if (this.#ready || !this.isConnected) return;
      if (this.#part?.parentNode?.isConnected) {
        this.#ready = true;
        this.setValue(this.#value());
      }
    });
  }

  protected override reconnected(): void {
    if (!this.#ready) this.#startSoon();
  }
}

const windowed = directive(Windowed);

/** Per element: resolves once every plain list of it that was adding rows has them all. */
const pendingRows = new WeakMap<object, Promise<unknown>>();

/**
 * Resolves once every row of the plain lists of `host` (the element rendering them) is in
 * the DOM: at once when none is still adding rows. The elements' `updateComplete` awaits it.
 */
export function rowsRendered(host: object): Promise<unknown> {
  return pendingRows.get(host) ?? Promise.resolve();
}

/**
 * A plain list: the first {@link FIRST_ROWS} rows (or as many as were already shown) with
 * the element's update, then {@link ROWS_PER_FRAME} more in each following frame, always in
 * order at the end. Rows keep their DOM across updates (`repeat` with the key), and a list
 * that grows (a page loaded after the first) shows its new rows the same way.
 */
class Plain extends AsyncDirective {
  #shown = 0;
  #latest?: Rows;
  #frame?: number;
  #host?: object;
  /** Resolves what `rowsRendered` returns while rows are still to come. */
  #done?: (value?: unknown) => void;

  render(..._rows: Rows): unknown {
    return nothing;
  }

  override update(part: ChildPart, rows: Rows): unknown {
    this.#latest = rows;
    this.#host ??= part.options?.host ?? this;
    const count = rows[0].length;
    // A hidden page has no frames (they resume only once it shows): every row at once there.
    this.#shown = document.visibilityState === 'hidden' ? count : Math.min(count, Math.max(this.#shown, FIRST_ROWS));
    if (this.#shown < count) this.#schedule();
    else this.#finish();
    return this.#value();
  }

  #value(): unknown {
    const [items, key, renderItem] = this.#latest!;
    const shown = this.#shown < items.length ? items.slice(0, this.#shown) : items;
    return repeat(shown, key as (item: unknown) => string, renderItem as (item: unknown, index: number) => TemplateResult);
  }

  /** A frame's callbacks run before it paints: the first rows are painted in the next frame, the rest added from the one after. */
  #schedule(): void {
    const host = this.#host!;
    if (!this.#done) pendingRows.set(host, Promise.all([rowsRendered(host), new Promise((resolve) => (this.#done = resolve))]));
    this.#frame ??= requestAnimationFrame(() => (this.#frame = requestAnimationFrame(this.#more)));
  }

  #more = (): void => {
    this.#frame = undefined;
    const count = this.#latest![0].length;
    this.#shown = Math.min(count, this.#shown + ROWS_PER_FRAME);
    this.setValue(this.#value());
    if (this.#shown < count) this.#frame = requestAnimationFrame(this.#more);
    else this.#finish();
  };

  #finish(): void {
    cancelAnimationFrame(this.#frame!);
    this.#frame = undefined;
    this.#done?.();
    this.#done = undefined;
  }

  protected override disconnected(): void {
    // Off the page, no frames to wait for: whoever awaits the rows is let go, and the rest
    // come once the list is back.
    this.#finish();
  }

  protected override reconnected(): void {
    if (this.#shown < this.#latest![0].length) this.#schedule();
  }
}

const plain = directive(Plain);

/**
 * Renders `items` as `<li>` rows: all of them up to {@link WINDOW_THRESHOLD} (the first
 * {@link FIRST_ROWS} at once, the rest in the next frames), windowed above.
 * `key` must be stable per item (rows keep their DOM, and with it focus, while they stay).
 */
export function virtualList<T>(items: readonly T[], key: (item: T) => string, renderItem: (item: T, index: number) => TemplateResult): unknown {
  if (!isWindowed(items.length)) return plain(items, key as (item: never) => string, renderItem as (item: never, index: number) => TemplateResult);
  return windowed(items, key as (item: never) => string, renderItem as (item: never, index: number) => TemplateResult);
}

/**
 * Rows of a plain list (`ul.list.plain > li`) skip layout and paint while off screen; the
 * browser remembers each row's last height, the estimate covers rows never shown.
 */
export const listRowStyles = css`
  .list.plain > li {
    content-visibility: auto;
    contain-intrinsic-block-size: auto 8rem;
  }
`;

/**
 * The box a windowed (or loading-on-scroll) list scrolls in: as tall as its rows, up to
 * `--dn-list-max-block-size`. The padding keeps the rows' focus rings inside the clipped area.
 */
export const listScrollerStyles = css`
  .scroller {
    max-block-size: var(--dn-list-max-block-size);
    overflow-y: auto;
    padding: var(--dn-space-1);
    margin: calc(-1 * var(--dn-space-1));
    border-radius: var(--dn-radius-md);
  }

  .scroller:focus {
    outline: none;
  }

  .scroller:focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: 0;
  }

  /* On paper, every rendered row: a box cannot scroll there. */
  @media print {
    .scroller {
      max-block-size: none;
      overflow: visible;
    }
  }
`;
