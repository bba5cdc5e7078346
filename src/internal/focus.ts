/** The focused element, looking inside shadow roots (where focus goes back after a dialog). */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * Focuses the first element matching `selector` in `root` once it is rendered: a plain
 * list has it after the element's update, a windowed one a frame or two later. Falls back to `fallback`
 * when the row never appears (e.g. it was the last one).
 */
export async function focusWhenRendered(root: ParentNode, selector: string, fallback?: () => HTMLElement | null | undefined): Promise<void> {
  for (let frame = 0; frame < 10; frame++) {
    const target = root.querySelector<HTMLElement>(selector);
    if (target) {
      target.focus();
      return;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  fallback?.()?.focus();
}
