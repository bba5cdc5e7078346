import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

export interface HeadingOptions {
  id?: string;
  part?: string;
  /** A sub-heading: one level below the element's heading, smaller. */
  sub?: boolean;
  /** Takes focus from script (`tabindex="-1"`). */
  focusable?: boolean;
  /** `data-focus`, for the elements that move focus to the heading of a step. */
  focus?: string;
}

/**
 * An element's heading at `level` (its `heading-level`, 2 to 6), or one of its sub-headings a
 * level below. The look comes from the class (`title`, `subtitle`), never from the level, so a
 * host fits the element into its page's outline without changing how it looks.
 */
export function heading(level: number, content: unknown, options: HeadingOptions = {}): TemplateResult {
  const n = Math.min(Math.max(Math.trunc(Number(level)) || 2, 2) + (options.sub ? 1 : 0), 6);
  const id = ifDefined(options.id);
  const part = ifDefined(options.part);
  const cls = options.sub ? 'subtitle' : 'title';
  const tabindex = options.focusable ? '-1' : nothing;
  const focus = ifDefined(options.focus);
  // One template per level: lit/static-html would cost every entry more than these five.
  switch (n) {
    case 2:
      return html`<h2 id=${id} part=${part} class=${cls} tabindex=${tabindex} data-focus=${focus}>${content}</h2>`;
    case 3:
      return html`<h3 id=${id} part=${part} class=${cls} tabindex=${tabindex} data-focus=${focus}>${content}</h3>`;
    case 4:
      return html`<h4 id=${id} part=${part} class=${cls} tabindex=${tabindex} data-focus=${focus}>${content}</h4>`;
    case 5:
      return html`<h5 id=${id} part=${part} class=${cls} tabindex=${tabindex} data-focus=${focus}>${content}</h5>`;
    default:
      return html`<h6 id=${id} part=${part} class=${cls} tabindex=${tabindex} data-focus=${focus}>${content}</h6>`;
  }
}
