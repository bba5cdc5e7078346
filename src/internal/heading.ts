import { nothing, type TemplateResult } from 'lit';
import { html, literal } from 'lit/static-html.js';
import { ifDefined } from 'lit/directives/if-defined.js';

const TAGS = [literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

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
  const tag = TAGS[n - 2]!;
  // The tag is one of the static literals above (lit/static-html), not a binding.
  // eslint-disable-next-line lit/binding-positions, lit/no-invalid-html
  return html`<${tag} id=${ifDefined(options.id)} part=${ifDefined(options.part)} class=${options.sub ? 'subtitle' : 'title'} tabindex=${options.focusable ? '-1' : nothing} data-focus=${ifDefined(options.focus)}>${content}</${tag}>`;
}
