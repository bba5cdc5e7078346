/**
 * The top bar's behaviour (its markup: demo/partials/topbar.html, shared by index.html and
 * partner.html): its height for the page's scroll padding, and the buttons that open something —
 * the sidebar as a menu on small screens, the Display menu, the notifications.
 */

/**
 * The top bar is sticky and its height changes with the density and the language. The page's
 * scroll padding (demo.css) reads its height, so whatever the browser or the elements scroll into
 * view (focus, `#security/two-factor`, "Export your data") lands below the bar, never under it
 * (WCAG 2.4.11, Focus Not Obscured).
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

export interface Disclosure {
  readonly open: boolean;
  setOpen(open: boolean, options?: { returnFocus?: boolean }): void;
}

export interface DisclosureOptions {
  /** After it opened (focus the first link, mark what is shown read). */
  onOpen?: () => void;
  /** A media query under which the panel is part of the page, not a menu: it closes there. */
  closeWhen?: string;
}

/**
 * A button that shows and hides the panel it controls: `aria-expanded` on the button,
 * `data-open` on the panel (demo.css shows or hides it, or leaves it in place where it is part of
 * the page). Escape closes it and puts focus back on the button; a click elsewhere, or focus
 * moving out of it, closes it too.
 */
export function wireDisclosure(button: HTMLButtonElement, panel: HTMLElement, { onOpen, closeWhen }: DisclosureOptions = {}): Disclosure {
  const isOpen = () => panel.dataset.open === 'true';
  const setOpen = (open: boolean, { returnFocus = false } = {}) => {
    if (open === isOpen()) return;
    panel.dataset.open = String(open);
    button.setAttribute('aria-expanded', String(open));
    if (open) onOpen?.();
    else if (returnFocus) button.focus();
  };
  button.addEventListener('click', () => setOpen(!isOpen()));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && isOpen()) setOpen(false, { returnFocus: true });
  });
  document.addEventListener('click', (event) => {
    const path = event.composedPath();
    if (isOpen() && !path.includes(panel) && !path.includes(button)) setOpen(false);
  });
  panel.addEventListener('focusout', (event) => {
    const next = event.relatedTarget;
    if (isOpen() && next instanceof Node && !panel.contains(next) && !button.contains(next)) setOpen(false);
  });
  if (closeWhen) {
    matchMedia(closeWhen).addEventListener('change', (event) => {
      if (event.matches) setOpen(false);
    });
  }
  return {
    get open() {
      return isOpen();
    },
    setOpen,
  };
}
