/** One heading of a page's outline: its level and its words. */
export interface OutlineHeading {
  level: number;
  text: string;
}

/**
 * The headings a screen reader finds in `root`, in reading order: through shadow roots and
 * slots (the flat tree), skipping what is not rendered (`hidden`, `display: none`); hidden
 * headings that stay in the accessibility tree (visually hidden text) count.
 */
export function headingOutline(root: Node): OutlineHeading[] {
  const found: OutlineHeading[] = [];
  const walk = (node: Node): void => {
    if (!(node instanceof Element)) return;
    if (node instanceof HTMLElement && (node.hidden || getComputedStyle(node).display === 'none')) return;
    const match = /^H([1-6])$/.exec(node.tagName);
    const role = node.getAttribute('role');
    if (match || role === 'heading') {
      const level = match ? Number(match[1]) : Number(node.getAttribute('aria-level') ?? 2);
      found.push({ level, text: (node.textContent ?? '').replace(/\s+/g, ' ').trim() });
      return;
    }
    const children: Node[] = node instanceof HTMLSlotElement ? node.assignedNodes({ flatten: true }) : [...(node.shadowRoot ?? node).childNodes];
    if (node instanceof HTMLSlotElement && children.length === 0) children.push(...node.childNodes);
    children.forEach(walk);
  };
  walk(root);
  return found;
}

/** What is wrong with an outline: a level that skips one, or a heading right after one with the same words. */
export function outlineProblems(outline: OutlineHeading[]): string[] {
  const problems: string[] = [];
  outline.forEach((heading, i) => {
    const previous = outline[i - 1];
    if (!previous) return;
    if (heading.level > previous.level + 1) problems.push(`h${previous.level} "${previous.text}" → h${heading.level} "${heading.text}"`);
    if (heading.text === previous.text) problems.push(`"${heading.text}" twice`);
  });
  return problems;
}
