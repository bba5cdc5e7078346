/**
 * The virtualizer itself, apart so that it loads only when a list is long enough to be
 * windowed (see `virtual-list.ts`, which imports this module on demand).
 */
import { html, type TemplateResult } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';

const EMPTY = html``;

/** `items` windowed by `@lit-labs/virtualizer`; `key` must be stable per item. */
export function windowedRows<T>(items: readonly T[], key: (item: T) => string, renderItem: (item: T, index: number) => TemplateResult): unknown {
  return virtualize<T>({
    items: items as T[],
    // Given here, the layout is part of this chunk instead of one more fetched at first render.
    layout: flow(),
    // Right after the list shrinks, the directive renders the previous range once more
    // before the virtualizer reports the new one: rows past the end arrive as undefined.
    keyFunction: (item: T, index: number) => (item === undefined ? `\u0000${index}` : key(item)),
    renderItem: (item: T, index: number) => (item === undefined ? EMPTY : renderItem(item, index)),
  });
}
