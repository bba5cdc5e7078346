/**
 * The one place theme values are written. `scripts/build-themes.mjs` turns this
 * into `tokens.ts` (the Lit `css` every shadow root includes) and the plain CSS
 * files `light.css`, `dark.css`, `compact.css`. Nothing imports this module at
 * run time; after editing it run `node scripts/build-themes.mjs`.
 *
 * Tiers:
 * 1. `palette` — primitive values, the only literal colours in the library.
 * 2. Brand inputs (`--dn-brand-*`, `--dn-font-family`, `--dn-radius`) — read with
 *    a fallback, never set here, so a partner can set them anywhere up the tree.
 * 3. Semantic and component tokens — set on each element's host, read by styles.
 */

const gray = {
  0: '#ffffff',
  50: '#f4f5f7',
  100: '#e9ecf0',
  200: '#d5dae1',
  400: '#8a94a3',
  500: '#6b7584',
  600: '#525b69',
  800: '#2a3039',
  900: '#181c22',
  950: '#111418',
  1000: '#0b0d10',
} as const;

/** Primitive palette (tier 1). */
export const palette = {
  white: '#ffffff',
  black: '#000000',
  gray,
  blue: { 50: '#eef3ff', 600: '#2855d8', 950: '#15213d' },
  red: { 50: '#fdeeee', 300: '#ff8f86', 600: '#c52a2a', 950: '#3b1618' },
  green: { 50: '#e7f6ec', 300: '#6fdc9c', 700: '#1b7a43', 950: '#0f2e1c' },
  amber: { 50: '#fff5db', 300: '#f5c451', 800: '#8a5300', 950: '#33270a' },
  /** Shadow and backdrop ink, with alpha. */
  ink: (alpha: number) => `rgb(17 20 24 / ${alpha})`,
  shade: (alpha: number) => `rgb(0 0 0 / ${alpha})`,
} as const;

/** Declarations: custom properties and the odd real property (`color-scheme`). */
export type Declarations = Readonly<Record<string, string>>;

const brandColor = `var(--dn-brand-color, ${palette.blue[600]})`;
const radius = 'var(--dn-radius, 0.5rem)';
const space = (rem: number) => `calc(${rem}rem * var(--dn-density, 1))`;

/** Theme-independent tokens: type, spacing, radii, motion, component sizes. */
const base: Declarations = {
  '--dn-font': 'var(--dn-font-family, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif)',
  '--dn-font-mono': 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  '--dn-font-size-xs': '0.75rem',
  '--dn-font-size-sm': '0.875rem',
  '--dn-font-size-md': '1rem',
  '--dn-font-size-lg': '1.125rem',
  '--dn-font-size-xl': '1.375rem',
  '--dn-font-weight-normal': '400',
  '--dn-font-weight-medium': '500',
  '--dn-font-weight-bold': '650',
  '--dn-line-height': '1.5',
  '--dn-space-1': space(0.25),
  '--dn-space-2': space(0.5),
  '--dn-space-3': space(0.75),
  '--dn-space-4': space(1),
  '--dn-space-5': space(1.25),
  '--dn-space-6': space(1.5),
  '--dn-space-7': space(2),
  '--dn-space-8': space(2.5),
  // WCAG 2.5.8: a target never gets smaller than 24 px, however dense.
  '--dn-control-height': 'max(24px, calc(2.5rem * var(--dn-density, 1)))',
  '--dn-radius-sm': `calc(${radius} * 0.5)`,
  '--dn-radius-md': radius,
  '--dn-radius-lg': `calc(${radius} * 1.5)`,
  '--dn-radius-full': '9999px',
  '--dn-duration-fast': '120ms',
  '--dn-duration-normal': '200ms',
  '--dn-easing': 'cubic-bezier(0.2, 0, 0, 1)',
  '--dn-focus-ring': '2px solid var(--dn-color-focus)',
  '--dn-focus-offset': '2px',
};

/** Component tier: sizes one kind of element reads. Shadow roots only; the page has no use for them. */
const component: Declarations = {
  '--dn-avatar-size': '4.5rem',
  '--dn-dialog-width': '30rem',
  /** Long lists (sessions, sign-ins, devices) scroll inside a box this tall at most, so what follows stays reachable. */
  '--dn-list-max-block-size': 'min(40rem, 80vh)',
};

/** Light colours (also the default). */
const light: Declarations = {
  'color-scheme': 'light',
  '--dn-color-surface': gray[0],
  '--dn-color-surface-raised': gray[0],
  '--dn-color-surface-sunken': gray[50],
  '--dn-color-text': gray[900],
  '--dn-color-text-muted': gray[600],
  '--dn-color-border': gray[200],
  '--dn-color-border-strong': gray[500],
  '--dn-color-accent': brandColor,
  '--dn-color-accent-hover': `color-mix(in oklab, var(--dn-color-accent) 85%, ${palette.black})`,
  '--dn-color-on-accent': `var(--dn-brand-contrast, ${palette.white})`,
  '--dn-color-danger': palette.red[600],
  '--dn-color-danger-surface': palette.red[50],
  '--dn-color-on-danger': palette.white,
  '--dn-color-success': palette.green[700],
  '--dn-color-success-surface': palette.green[50],
  '--dn-color-warning': palette.amber[800],
  '--dn-color-warning-surface': palette.amber[50],
  '--dn-color-info-surface': palette.blue[50],
  '--dn-color-focus': 'var(--dn-color-accent)',
  '--dn-color-backdrop': palette.ink(0.5),
  '--dn-shadow-sm': `0 1px 2px ${palette.ink(0.06)}, 0 1px 3px ${palette.ink(0.1)}`,
  '--dn-shadow-md': `0 4px 8px -2px ${palette.ink(0.1)}, 0 2px 4px -2px ${palette.ink(0.06)}`,
  '--dn-shadow-lg': `0 20px 24px -4px ${palette.ink(0.12)}, 0 8px 8px -4px ${palette.ink(0.05)}`,
};

/**
 * Dark colours. Without `--dn-brand-color-dark` the accent is the brand colour
 * lightened, so one brand colour gives readable accents in both themes.
 */
const dark: Declarations = {
  'color-scheme': 'dark',
  '--dn-color-surface': gray[950],
  '--dn-color-surface-raised': gray[900],
  '--dn-color-surface-sunken': gray[1000],
  '--dn-color-text': gray[100],
  '--dn-color-text-muted': gray[400],
  '--dn-color-border': gray[800],
  '--dn-color-border-strong': gray[500],
  '--dn-color-accent': `var(--dn-brand-color-dark, color-mix(in oklab, ${brandColor} 55%, ${palette.white}))`,
  '--dn-color-accent-hover': `color-mix(in oklab, var(--dn-color-accent) 85%, ${palette.white})`,
  '--dn-color-on-accent': `var(--dn-brand-contrast-dark, ${gray[1000]})`,
  '--dn-color-danger': palette.red[300],
  '--dn-color-danger-surface': palette.red[950],
  '--dn-color-on-danger': gray[1000],
  '--dn-color-success': palette.green[300],
  '--dn-color-success-surface': palette.green[950],
  '--dn-color-warning': palette.amber[300],
  '--dn-color-warning-surface': palette.amber[950],
  '--dn-color-info-surface': palette.blue[950],
  '--dn-color-focus': 'var(--dn-color-accent)',
  '--dn-color-backdrop': palette.shade(0.65),
  '--dn-shadow-sm': `0 1px 2px ${palette.shade(0.4)}`,
  '--dn-shadow-md': `0 4px 8px -2px ${palette.shade(0.5)}, 0 2px 4px -2px ${palette.shade(0.4)}`,
  '--dn-shadow-lg': `0 20px 24px -4px ${palette.shade(0.6)}, 0 8px 8px -4px ${palette.shade(0.4)}`,
};

/**
 * Windows High Contrast and other forced palettes: system colours wherever a
 * token feeds something the browser does not force (fills, gradients, outlines).
 */
const forcedColors: Declarations = {
  '--dn-color-surface': 'Canvas',
  '--dn-color-surface-raised': 'Canvas',
  '--dn-color-surface-sunken': 'Canvas',
  '--dn-color-text': 'CanvasText',
  '--dn-color-text-muted': 'CanvasText',
  '--dn-color-border': 'CanvasText',
  '--dn-color-border-strong': 'CanvasText',
  '--dn-color-accent': 'Highlight',
  '--dn-color-accent-hover': 'Highlight',
  '--dn-color-on-accent': 'HighlightText',
  '--dn-color-danger': 'CanvasText',
  '--dn-color-danger-surface': 'Canvas',
  '--dn-color-on-danger': 'Canvas',
  '--dn-color-success': 'CanvasText',
  '--dn-color-success-surface': 'Canvas',
  '--dn-color-warning': 'CanvasText',
  '--dn-color-warning-surface': 'Canvas',
  '--dn-color-info-surface': 'Canvas',
  '--dn-color-focus': 'Highlight',
  '--dn-color-backdrop': 'transparent',
};

export const themeSource = {
  base,
  component,
  light,
  dark,
  forcedColors,
  /** The density multiplier; every spacing token and the control height scale with it. */
  density: {
    comfortable: { '--dn-density': '1' },
    compact: { '--dn-density': '0.75' },
  },
  reducedMotion: { '--dn-duration-fast': '0s', '--dn-duration-normal': '0s' },
  /** Partner inputs: read above, never set by the library. */
  brandInputs: [
    '--dn-brand-color',
    '--dn-brand-color-dark',
    '--dn-brand-contrast',
    '--dn-brand-contrast-dark',
    '--dn-font-family',
    '--dn-radius',
  ],
} as const;
