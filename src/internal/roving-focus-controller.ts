import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How the arrow keys move: along a row, along a column, or in both directions of a grid. */
export type RovingOrientation = 'horizontal' | 'vertical' | 'grid';

export interface RovingFocusOptions {
  /** The items, in order (row by row for a grid); the one with `tabindex="0"` is the tab stop. */
  items: () => HTMLElement[];
  /** Read on every key press, so a list may turn vertical when the layout changes. */
  orientation: () => RovingOrientation;
  /** Items per row of a grid. */
  columns?: () => number;
  /** Past the last item the first comes next (and back); otherwise focus stays at the edge. */
  wrap?: boolean;
  /**
   * The item at `index` becomes the tab stop: the host records it in its state, so its next
   * render gives it `tabindex="0"`. Focus moves to it once that render is done.
   */
  onMove: (index: number) => void;
}

/**
 * Arrow-key navigation with a roving tab index (WAI-ARIA tabs, menus, grids), for a host that
 * renders the tab stop from its own state. Bind {@link handleKeydown} to the container.
 *
 * - `horizontal`: Left / Right, mirrored when the host's direction is right to left.
 * - `vertical`: Up / Down.
 * - `grid`: all four; Home and End go to the ends of the row, Ctrl+Home and Ctrl+End to the
 *   ends of the grid.
 * - Home and End go to the first and last item of a list.
 *
 * Keys with Alt or Meta are left to the browser (Alt+Left is Back).
 */
export class RovingFocusController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: RovingFocusOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: RovingFocusOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** Moves the tab stop for an arrow, Home or End key on an item; returns whether it did. */
  readonly handleKeydown = (event: KeyboardEvent): boolean => {
    if (event.altKey || event.metaKey) return false;
    const items = this.options.items();
    const from = items.findIndex((item) => item === event.target || item.contains(event.target as Node));
    if (from < 0) return false;
    const next = this.nextIndex(event, from, items.length);
    if (next === undefined) return false;
    event.preventDefault();
    this.options.onMove(next);
    void this.host.updateComplete.then(() => this.options.items()[next]?.focus());
    return true;
  };

  hostConnected(): void {}

  private nextIndex(event: KeyboardEvent, index: number, count: number): number | undefined {
    const orientation = this.options.orientation();
    const columns = orientation === 'grid' ? Math.max(1, this.options.columns?.() ?? count) : count;
    const rows = Math.ceil(count / columns);
    // Mirrored once here: the element's own direction, as its layout uses it.
    const rtl = getComputedStyle(this.host).direction === 'rtl';
    const forward = rtl ? -1 : 1;
    const row = Math.floor(index / columns);
    const col = index % columns;
    const ctrl = event.ctrlKey;
    if (orientation !== 'grid') {
      switch (event.key) {
        case 'ArrowRight':
          return orientation === 'horizontal' ? this.step(index, forward, count) : undefined;
        case 'ArrowLeft':
          return orientation === 'horizontal' ? this.step(index, -forward, count) : undefined;
        case 'ArrowDown':
          return orientation === 'vertical' ? this.step(index, 1, count) : undefined;
        case 'ArrowUp':
          return orientation === 'vertical' ? this.step(index, -1, count) : undefined;
        case 'Home':
          return 0;
        case 'End':
          return count - 1;
        default:
          return undefined;
      }
    }
    const at = (r: number, c: number) => Math.min(r * columns + c, count - 1);
    switch (event.key) {
      case 'ArrowRight':
        return at(row, this.step(col, forward, columns));
      case 'ArrowLeft':
        return at(row, this.step(col, -forward, columns));
      case 'ArrowDown':
        return at(this.step(row, 1, rows), col);
      case 'ArrowUp':
        return at(this.step(row, -1, rows), col);
      case 'Home':
        return at(ctrl ? 0 : row, 0);
      case 'End':
        return at(ctrl ? rows - 1 : row, columns - 1);
      default:
        return undefined;
    }
  }

  /** `index + delta` within `0 … size - 1`: wrapped around or held at the edge. */
  private step(index: number, delta: number, size: number): number {
    const next = index + delta;
    if (this.options.wrap) return (next + size) % size;
    return Math.max(0, Math.min(next, size - 1));
  }
}
