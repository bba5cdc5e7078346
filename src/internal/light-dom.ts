import { css, render, type CSSResult, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** What the shadow roots get from the host reset, for the light-DOM containers. */
const lightBase = css`
  :host {
    display: block;
  }

  :host,
  :host *,
  :host *::before,
  :host *::after {
    box-sizing: border-box;
  }
`;

/**
 * Renders part of an element's template into its light DOM, slotted into the
 * shadow root by name. Password managers do not look inside shadow roots, so
 * credential fields (current password, new password, one-time codes) live here,
 * where the document can reach them.
 *
 * Styles: the given sheets are adopted by the light content's root (the document
 * or an enclosing shadow root) inside `@scope (.dn-light)`, so they reach only
 * these containers; custom properties still inherit from the host, so the
 * `--dn-` tokens apply.
 */
export class LightDomController implements ReactiveController {
  readonly container: HTMLElement;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly styles: CSSResult[];

  constructor(host: ReactiveControllerHost & HTMLElement, slot: string, styles: CSSResult[] = []) {
    this.host = host;
    this.styles = [lightBase, ...styles];
    this.container = document.createElement('div');
    this.container.slot = slot;
    this.container.className = 'dn-light';
    host.addController(this);
  }

  hostConnected(): void {
    if (this.container.parentNode !== this.host) this.host.append(this.container);
    // Selectors written for a shadow root (`:host`) mean the container here.
    adoptLightStyles(this.host.getRootNode(), this.styles, '.dn-light');
  }

  hostDisconnected(): void {
    // Nothing the user typed (or a secret) stays in the page once the element leaves it.
    render(null, this.container);
  }

  /** Call from the host's `updated()` with what the slot should show. */
  render(template: TemplateResult | null): void {
    render(template, this.container, { host: this.host });
  }
}

const adopted = new WeakMap<Document | ShadowRoot, Set<CSSStyleSheet>>();
/** One constructed sheet per style and scope (`''`: unscoped), shared by every root. */
const sheets = new Map<string, WeakMap<CSSResult, CSSStyleSheet>>();

/**
 * Adopts `styles` into `root` (the document or a shadow root) once, for light-DOM content an
 * element renders outside its shadow root. With `scope`, each sheet is wrapped in
 * `@scope (<scope>)` and `:host` means the scoping container.
 */
export function adoptLightStyles(root: Node, styles: CSSResult[], scope = ''): void {
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
  const done = adopted.get(root) ?? new Set<CSSStyleSheet>();
  adopted.set(root, done);
  const cache = sheets.get(scope) ?? new WeakMap<CSSResult, CSSStyleSheet>();
  sheets.set(scope, cache);
  const fresh = styles
    .map((style) => {
      let sheet = cache.get(style);
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(scope ? `@scope (${scope}) { ${style.cssText.replaceAll(':host', ':scope')} }` : style.cssText);
        cache.set(style, sheet);
      }
      return sheet;
    })
    .filter((sheet) => !done.has(sheet));
  if (fresh.length === 0) return;
  for (const sheet of fresh) done.add(sheet);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...fresh];
}
