/** Layout checks for narrow screens. */

/** Every element of `root`'s shadow tree (and nested ones) that is wider than its box or sticks out of `host`. */
export function overflowing(host: HTMLElement): string[] {
  const edge = host.getBoundingClientRect();
  const out: string[] = [];
  const walk = (root: ShadowRoot) => {
    for (const node of root.querySelectorAll<HTMLElement>('*')) {
      if (node.shadowRoot) walk(node.shadowRoot);
      if (node.closest('.visually-hidden') || !node.checkVisibility()) continue;
      const box = node.getBoundingClientRect();
      const clips = getComputedStyle(node).overflowX !== 'visible' || node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement;
      if ((clips && node.scrollWidth > node.clientWidth + 1) || box.left < edge.left - 0.5 || box.right > edge.right + 0.5) {
        out.push(`${node.localName}${node.id ? '#' + node.id : ''}${node.className ? '.' + String(node.className).replace(/\s+/g, '.') : ''}`);
      }
    }
  };
  walk(host.shadowRoot!);
  return out;
}
