/**
 * The top bar is sticky and its height changes with the width (its controls wrap) and the
 * language. The page's scroll padding (demo.css) reads its height, so whatever the browser or
 * the elements scroll into view (focus, `#security/two-factor`, "Export your data") lands
 * below the bar, never under it (WCAG 2.4.11, Focus Not Obscured).
 */
export function followTopbarHeight(): ResizeObserver | undefined {
  const topbar = document.querySelector<HTMLElement>('.topbar');
  if (!topbar) return undefined;
  const root = document.documentElement;
  const observer = new ResizeObserver(() => {
    const sticky = getComputedStyle(topbar).position === 'sticky';
    root.style.setProperty('--demo-topbar-block-size', sticky ? `${topbar.getBoundingClientRect().height}px` : '0px');
  });
  observer.observe(topbar);
  return observer;
}
