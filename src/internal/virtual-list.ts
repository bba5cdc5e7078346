/**
 * Windowed lists: only the rows in (and just around) the viewport are in the DOM, so a
 * list of 10,000 costs about what 10 do. Built on `@lit-labs/virtualizer`, which scrolls
 * with the page (no inner scrollbar) and measures rows of any height.
 *
 * Lists scroll inside a box (`.scroller`, at most `--dn-list-max-block-size` tall) rather
 * than stretching the page: a list that loads more as it scrolls would otherwise push
 * everything after it out of reach. The virtualizer follows whichever ancestor scrolls.
 *
 * Use inside a `<ul role="list">` (Safari drops list semantics from restyled lists); each
 * row is an `<li>` carrying `aria-posinset` / `aria-setsize`, so a screen reader still
 * says "3 of 10,000" although only a few rows exist.
 */
import { css, html, nothing, type ChildPart, type TemplateResult } from 'lit';
import { AsyncDirective } from 'lit/async-directive.js';
import { directive } from 'lit/directive.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';

export { RangeChangedEvent, VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
export { focusWhenRendered } from './focus.js';

const EMPTY = html``;

/**
 * Passes `value` through once the part's container is in the document. The virtualizer
 * looks for the ancestors that scroll when it starts; a template's new nodes are still a
 * detached fragment while their directives first run, so a list created together with its
 * scroll box would never notice the box scrolling. Deferred by a microtask, it sees them.
 */
class WhenConnected extends AsyncDirective {
  #ready = false;
  #latest: unknown = nothing;
  #part?: ChildPart;

  render(value: unknown): unknown {
    return value;
  }

  override update(part: ChildPart, [value]: [unknown]): unknown {
    this.#latest = value;
    this.#part = part;
    if (this.#ready || part.parentNode?.isConnected) {
      this.#ready = true;
      return value;
    }
    this.#startSoon();
    return nothing;
  }

  #startSoon(): void {
    queueMicrotask(() => {
      if (this.#ready || !this.isConnected) return;
      if (this.#part?.parentNode?.isConnected) {
        this.#ready = true;
        this.setValue(this.#latest);
      }
    });
  }

  protected override reconnected(): void {
    if (!this.#ready) this.#startSoon();
  }
}

const whenConnected = directive(WhenConnected);

/**
 * Renders `items` windowed. `key` must be stable per item (rows keep their DOM, and with it
 * focus, while they stay in view).
 */
export function virtualList<T>(items: readonly T[], key: (item: T) => string, renderItem: (item: T, index: number) => TemplateResult): unknown {
  return whenConnected(
    virtualize<T>({
    items: items as T[],
    // Given here, the layout is part of this module instead of a chunk fetched at first render.
    layout: flow(),
    // Right after the list shrinks, the directive renders the previous range once more
    // before the virtualizer reports the new one: rows past the end arrive as undefined.
    keyFunction: (item: T, index: number) => (item === undefined ? `\u0000${index}` : key(item)),
    renderItem: (item: T, index: number) => (item === undefined ? EMPTY : renderItem(item, index)),
    }),
  );
}


/**
 * The box a windowed list scrolls in: as tall as its rows, up to `--dn-list-max-block-size`.
 * The padding keeps the rows' focus rings inside the clipped area.
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
`;
