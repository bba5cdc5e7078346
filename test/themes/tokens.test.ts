import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { LitElement, css, html, type CSSResult } from 'lit';
import { tokens } from '../../src/themes/tokens.js';
import { hostStyles } from '../../src/internal/styles/host.styles.js';
import { alertStyles } from '../../src/internal/styles/alerts.styles.js';
import { badgeStyles } from '../../src/internal/styles/badges.styles.js';
import { buttonStyles } from '../../src/internal/styles/buttons.styles.js';
import { dialogStyles } from '../../src/internal/styles/dialogs.styles.js';
import { fieldStyles } from '../../src/internal/styles/fields.styles.js';
import { choiceStyles, codeInputStyles } from '../../src/internal/styles/choices.styles.js';
import { layoutStyles } from '../../src/internal/styles/layout.styles.js';
import { skeletonStyles } from '../../src/internal/styles/skeleton.styles.js';
import { switchStyles } from '../../src/internal/styles/switch.styles.js';
import { visuallyHiddenStyles } from '../../src/internal/styles/utility.styles.js';

/**
 * A stand-in `dn-` element: tokens + shared styles, and one of everything they style. Not the
 * dialog sheet: it makes the host `display: contents`, so the host would paint no surface.
 */
class ThemeProbe extends LitElement {
  static override styles = [
    tokens,
    hostStyles,
    fieldStyles,
    buttonStyles,
    alertStyles,
    badgeStyles,
    skeletonStyles,
    layoutStyles,
    visuallyHiddenStyles,
    css`
      .swatch {
        display: block;
      }
    `,
  ];

  override render() {
    return html`<div class="stack">
      <span class="swatch"></span>
      <h2>Profile</h2>
      <p class="muted">Shown to your team.</p>
      <form class="form">
        <div class="field">
          <label for="name">Display name <span class="optional">(optional)</span></label>
          <input id="name" class="input" aria-invalid="true" aria-describedby="hint error" />
          <p id="hint" class="hint">2 to 50 characters</p>
          <p id="error" class="error">Too short</p>
        </div>
        <div class="field">
          <label for="email">Email</label>
          <input id="email" class="input" readonly value="ada@example.com" />
        </div>
        <div class="actions">
          <button class="button link" type="button">Change email</button>
          <button class="button link danger" type="button">Remove</button>
          <button class="button secondary" type="button">Discard</button>
          <button class="button danger" type="button">Delete</button>
          <button class="button primary" type="submit">Save</button>
        </div>
      </form>
      <div class="alert" role="note"><p>Info</p></div>
      <div class="alert success" role="note"><p>Saved</p></div>
      <div class="alert warning" role="note"><p>Careful</p></div>
      <div class="alert danger" role="note"><p>Failed</p></div>
      <p class="row">
        <span class="badge">Member</span><span class="badge info">New</span><span class="badge success">On</span>
        <span class="badge warning">Expiring</span><span class="badge danger">Failed</span>
      </p>
      <div class="status" role="status">Saved.</div>
    </div>`;
  }
}
customElements.define('dn-theme-probe', ThemeProbe);

type Theme = 'light' | 'dark' | 'system';
type Rgba = [number, number, number, number];

const mounted: HTMLElement[] = [];

/**
 * Puts markup on the page until the test ends. Not `fixture()`: for a plain root it
 * waits for an animation frame, which never comes while wtr runs this page in a
 * background tab beside another test file.
 */
function mount(markup: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = markup;
  document.body.append(root);
  mounted.push(root);
  return root;
}

afterEach(() => {
  for (const root of mounted.splice(0)) root.remove();
});

async function probe(attributes: { theme?: Theme; density?: 'comfortable' | 'compact' } = {}, wrapper = ''): Promise<ThemeProbe> {
  const root = mount(
    `<div ${wrapper}><dn-theme-probe data-dn-theme="${attributes.theme ?? 'light'}" data-dn-density="${attributes.density ?? 'comfortable'}"></dn-theme-probe></div>`,
  );
  const element = root.querySelector<ThemeProbe>('dn-theme-probe')!;
  await element.updateComplete;
  return element;
}

function swatch(element: HTMLElement): HTMLElement {
  return element.shadowRoot?.querySelector<HTMLElement>('.swatch') ?? element;
}

/** `token` as the used colour, in whatever syntax Chromium serialises it. */
function colorOf(element: HTMLElement, token: string): string {
  const target = swatch(element);
  target.style.color = `var(${token})`;
  return getComputedStyle(target).color;
}

/** `token` as a length in px. */
function lengthOf(element: HTMLElement, token: string): number {
  const target = swatch(element);
  target.style.paddingInlineStart = `var(${token})`;
  return parseFloat(getComputedStyle(target).paddingInlineStart);
}

/** `--dn-font` as a used font-family. */
function fontOf(element: HTMLElement): string {
  const target = swatch(element);
  target.style.fontFamily = 'var(--dn-font)';
  return getComputedStyle(target).fontFamily;
}

const canvas = document.createElement('canvas');
canvas.width = canvas.height = 1;
const context = canvas.getContext('2d', { willReadFrequently: true })!;

/** Any CSS colour (rgb, oklab, color-mix results…) as 8-bit sRGB, through a canvas. */
function rgba(color: string): Rgba {
  context.clearRect(0, 0, 1, 1);
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0, a = 0] = context.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a];
}

function rgbOf(element: HTMLElement, token: string): Rgba {
  return rgba(colorOf(element, token));
}

function luminance([r, g, b]: Rgba): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Text / background pairs that must reach 4.5:1 (WCAG 1.4.3). */
const TEXT_PAIRS: [string, string][] = [
  ['--dn-color-text', '--dn-color-surface'],
  ['--dn-color-text', '--dn-color-surface-raised'],
  ['--dn-color-text', '--dn-color-surface-sunken'],
  ['--dn-color-text-muted', '--dn-color-surface'],
  ['--dn-color-text-muted', '--dn-color-surface-raised'],
  ['--dn-color-text-muted', '--dn-color-surface-sunken'],
  ['--dn-color-accent', '--dn-color-surface'],
  ['--dn-color-accent', '--dn-color-surface-raised'],
  ['--dn-color-on-accent', '--dn-color-accent'],
  ['--dn-color-on-accent', '--dn-color-accent-hover'],
  ['--dn-color-danger', '--dn-color-surface'],
  ['--dn-color-danger', '--dn-color-surface-raised'],
  ['--dn-color-danger', '--dn-color-danger-surface'],
  ['--dn-color-on-danger', '--dn-color-danger'],
  ['--dn-color-success', '--dn-color-surface-raised'],
  ['--dn-color-success', '--dn-color-success-surface'],
  ['--dn-color-warning', '--dn-color-surface-raised'],
  ['--dn-color-warning', '--dn-color-warning-surface'],
  ['--dn-color-text', '--dn-color-danger-surface'],
  ['--dn-color-text', '--dn-color-success-surface'],
  ['--dn-color-text', '--dn-color-warning-surface'],
  ['--dn-color-text', '--dn-color-info-surface'],
];

/** Control boundaries and focus indicators that must reach 3:1 (WCAG 1.4.11). */
const UI_PAIRS: [string, string][] = [
  ['--dn-color-border-strong', '--dn-color-surface'],
  ['--dn-color-border-strong', '--dn-color-surface-raised'],
  ['--dn-color-focus', '--dn-color-surface'],
  ['--dn-color-focus', '--dn-color-surface-raised'],
  ['--dn-color-accent', '--dn-color-surface-sunken'],
];

function expectContrast(element: HTMLElement, label: string): void {
  for (const [pairs, minimum] of [
    [TEXT_PAIRS, 4.5],
    [UI_PAIRS, 3],
  ] as const) {
    for (const [fg, bg] of pairs) {
      const ratio = contrast(rgbOf(element, fg), rgbOf(element, bg));
      expect(ratio, `${label}: ${fg} on ${bg} is ${ratio.toFixed(2)}:1`).to.be.at.least(minimum);
    }
  }
}

const TOKEN_NAMES = [...new Set([...tokens.cssText.matchAll(/(--dn-[\w-]+)\s*:/g)].map((match) => match[1]!))];
const COLOR_TOKENS = TOKEN_NAMES.filter((name) => name.startsWith('--dn-color-'));

async function addStylesheet(path: string): Promise<HTMLStyleElement> {
  const response = await fetch(new URL(path, import.meta.url));
  expect(response.ok, path).to.equal(true);
  const style = document.createElement('style');
  style.textContent = await response.text();
  document.head.append(style);
  return style;
}

describe('theme tokens', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  it('passes axe (contrast included) in light, dark, compact and right to left', async () => {
    for (const [attributes, wrapper] of [
      [{ theme: 'light' }, ''],
      [{ theme: 'dark' }, ''],
      [{ theme: 'dark', density: 'compact' }, ''],
      [{ theme: 'light', density: 'compact' }, 'dir="rtl" lang="ar"'],
    ] as const) {
      const element = await probe(attributes, wrapper);
      await expect(element).to.be.accessible();
    }
  });

  it('would fail axe with a low-contrast token (the check sees the shadow root)', async () => {
    const element = await probe({ theme: 'light' }, 'class="washed-out"');
    const style = document.createElement('style');
    style.textContent = '.washed-out dn-theme-probe { --dn-color-text-muted: rgb(200, 200, 200); }';
    document.head.append(style);
    try {
      await expect(element).not.to.be.accessible();
    } finally {
      style.remove();
    }
  });

  it('defines every token in light and dark', async () => {
    expect(TOKEN_NAMES.length).to.be.greaterThan(50);
    for (const theme of ['light', 'dark'] as const) {
      const style = getComputedStyle(await probe({ theme }));
      for (const name of TOKEN_NAMES) expect(style.getPropertyValue(name).trim(), `${theme} ${name}`).not.to.equal('');
    }
  });

  it('switches colours with data-dn-theme', async () => {
    const element = await probe({ theme: 'light' });
    const light = Object.fromEntries(COLOR_TOKENS.map((name) => [name, colorOf(element, name)]));
    expect(getComputedStyle(element).colorScheme).to.equal('light');

    element.setAttribute('data-dn-theme', 'dark');
    expect(getComputedStyle(element).colorScheme).to.equal('dark');
    for (const name of ['--dn-color-surface', '--dn-color-text', '--dn-color-accent', '--dn-color-danger', '--dn-color-border']) {
      expect(colorOf(element, name), name).not.to.equal(light[name]);
    }
    expect(luminance(rgbOf(element, '--dn-color-surface'))).to.be.below(luminance(rgba(light['--dn-color-surface']!)));
    expect(luminance(rgbOf(element, '--dn-color-text'))).to.be.above(luminance(rgba(light['--dn-color-text']!)));
  });

  it('follows the operating system live with system', async () => {
    const light = await probe({ theme: 'light' });
    const dark = await probe({ theme: 'dark' });
    const system = await probe({ theme: 'system' });
    await emulateMedia({ colorScheme: 'dark' });
    for (const name of COLOR_TOKENS) expect(colorOf(system, name), `dark ${name}`).to.equal(colorOf(dark, name));
    expect(colorOf(light, '--dn-color-surface'), 'light stays light').not.to.equal(colorOf(dark, '--dn-color-surface'));
    await emulateMedia({ colorScheme: 'light' });
    for (const name of COLOR_TOKENS) expect(colorOf(system, name), `light ${name}`).to.equal(colorOf(light, name));
  });

  it('meets WCAG AA contrast in light, dark and system-dark', async () => {
    expectContrast(await probe({ theme: 'light' }), 'light');
    expectContrast(await probe({ theme: 'dark' }), 'dark');
    await emulateMedia({ colorScheme: 'dark' });
    expectContrast(await probe({ theme: 'system' }), 'system (dark OS)');
  });

  it('scales spacing and control height with compact, never below 24 px targets', async () => {
    const comfortable = await probe({ density: 'comfortable' });
    const compact = await probe({ density: 'compact' });
    expect(lengthOf(comfortable, '--dn-space-4')).to.equal(16);
    expect(lengthOf(compact, '--dn-space-4')).to.equal(12);
    expect(lengthOf(compact, '--dn-space-1')).to.be.below(lengthOf(comfortable, '--dn-space-1'));

    const height = (element: HTMLElement, selector: string) =>
      element.shadowRoot!.querySelector(selector)!.getBoundingClientRect().height;
    expect(height(comfortable, '#name')).to.equal(40);
    expect(height(compact, '#name')).to.equal(30);
    expect(height(compact, '.button.primary')).to.be.at.least(24);
    expect(height(compact, '.button.link')).to.be.at.least(24);

    // Even a partner squeezing the multiplier keeps controls at 24 px.
    const squeezed = await probe({ density: 'compact' }, 'class="squeeze"');
    const style = document.createElement('style');
    style.textContent = '.squeeze dn-theme-probe { --dn-density: 0.3; }';
    document.head.append(style);
    try {
      expect(lengthOf(squeezed, '--dn-control-height')).to.equal(24);
      expect(height(squeezed, '#name')).to.be.at.least(24);
      expect(height(squeezed, '.button.primary')).to.be.at.least(24);
    } finally {
      style.remove();
    }
  });

  it('re-brands from brand inputs set on an ancestor', async () => {
    const brand = 'style="--dn-brand-color: rgb(123, 31, 162); --dn-brand-contrast: rgb(255, 255, 240); --dn-font-family: Georgia, serif; --dn-radius: 0px"';
    const light = await probe({ theme: 'light' }, brand);
    expect(colorOf(light, '--dn-color-accent')).to.equal('rgb(123, 31, 162)');
    expect(colorOf(light, '--dn-color-focus')).to.equal('rgb(123, 31, 162)');
    expect(colorOf(light, '--dn-color-on-accent')).to.equal('rgb(255, 255, 240)');
    expect(getComputedStyle(light).fontFamily).to.equal('Georgia, serif');
    expect(getComputedStyle(light.shadowRoot!.querySelector('.button.primary')!).borderRadius).to.equal('0px');
    expect(getComputedStyle(light.shadowRoot!.querySelector('.button.primary')!).backgroundColor).to.equal('rgb(123, 31, 162)');

    // Dark mode without a dark brand colour: the brand, lightened enough to read on dark surfaces.
    const dark = await probe({ theme: 'dark' }, brand);
    const accent = rgbOf(dark, '--dn-color-accent');
    expect(luminance(accent)).to.be.above(luminance(rgba('rgb(123, 31, 162)')));
    expect(contrast(accent, rgbOf(dark, '--dn-color-surface-raised'))).to.be.at.least(4.5);
    expect(contrast(accent, rgbOf(dark, '--dn-color-on-accent'))).to.be.at.least(4.5);

    const withDark = await probe({ theme: 'dark' }, `${brand.slice(0, -1)}; --dn-brand-color-dark: rgb(200, 170, 255); --dn-brand-contrast-dark: rgb(20, 0, 40)"`);
    expect(colorOf(withDark, '--dn-color-accent')).to.equal('rgb(200, 170, 255)');
    expect(colorOf(withDark, '--dn-color-on-accent')).to.equal('rgb(20, 0, 40)');
  });

  it('lets the page override a semantic token on the element', async () => {
    const element = await probe({ theme: 'dark' });
    const style = document.createElement('style');
    style.textContent = 'dn-theme-probe { --dn-color-accent: rgb(0, 128, 0); --dn-space-4: 20px; }';
    document.head.append(style);
    try {
      expect(colorOf(element, '--dn-color-accent')).to.equal('rgb(0, 128, 0)');
      expect(colorOf(element, '--dn-color-focus'), 'derived tokens follow').to.equal('rgb(0, 128, 0)');
      expect(lengthOf(element, '--dn-space-4')).to.equal(20);
    } finally {
      style.remove();
    }
  });

  it('stops motion under prefers-reduced-motion', async () => {
    const element = await probe();
    expect(getComputedStyle(element).getPropertyValue('--dn-duration-fast').trim()).to.equal('120ms');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(element).getPropertyValue('--dn-duration-fast').trim()).to.equal('0s');
    expect(getComputedStyle(element).getPropertyValue('--dn-duration-normal').trim()).to.equal('0s');
  });

  it('maps colours to system colours in forced-colors mode, over both themes', () => {
    // The Chrome launcher cannot emulate forced-colors, so read the rule itself.
    const sheet = tokens.styleSheet!;
    const rules = [...sheet.cssRules];
    const index = rules.findIndex((rule) => rule instanceof CSSMediaRule && rule.conditionText.includes('forced-colors: active'));
    expect(index, 'forced-colors rule').to.be.greaterThan(-1);
    const forced = (rules[index] as CSSMediaRule).cssRules[0] as CSSStyleRule;
    expect(forced.selectorText).to.contain(':host([data-dn-theme])');
    expect(forced.style.getPropertyValue('--dn-color-focus').trim()).to.equal('Highlight');
    expect(forced.style.getPropertyValue('--dn-color-text').trim()).to.equal('CanvasText');
    expect(forced.style.getPropertyValue('--dn-color-surface').trim()).to.equal('Canvas');
    const darkIndex = rules.findIndex((rule) => rule.cssText.includes('data-dn-theme="dark"'));
    expect(darkIndex, 'dark rule').to.be.greaterThan(-1);
    expect(index, 'comes after the dark rules').to.be.greaterThan(darkIndex);
  });

  it('keeps literal colours out of the shared component styles', () => {
    const shared: CSSResult[] = [
      hostStyles,
      fieldStyles,
      choiceStyles,
      codeInputStyles,
      switchStyles,
      buttonStyles,
      alertStyles,
      badgeStyles,
      skeletonStyles,
      dialogStyles,
      layoutStyles,
      visuallyHiddenStyles,
    ];
    for (const result of shared) {
      const text = result.cssText.replace(/@media \(forced-colors: active\)[^@]*/g, '');
      expect(text).not.to.match(/#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|(?<![\w-])(white|black|red|blue|gray|grey)(?![\w-])/i);
    }
  });
});

describe('partner-example.css', () => {
  let sheet: HTMLStyleElement;
  before(async () => {
    sheet = await addStylesheet('../../src/themes/partner-example.css');
  });
  after(() => sheet.remove());

  it('re-brands with brand inputs only and stays AA in light and dark', async () => {
    const light = await probe({ theme: 'light' }, 'class="dn-brand-teal"');
    expect(colorOf(light, '--dn-color-accent')).to.equal('rgb(15, 118, 110)');
    expect(getComputedStyle(light).fontFamily).to.contain('Seravek');
    expect(lengthOf(light, '--dn-radius-md')).to.equal(14);
    expectContrast(light, 'partner light');

    const dark = await probe({ theme: 'dark' }, 'class="dn-brand-teal"');
    expect(colorOf(dark, '--dn-color-accent')).to.equal('rgb(94, 234, 212)');
    expectContrast(dark, 'partner dark');
    await expect(dark).to.be.accessible();
  });

  it('sets nothing but brand inputs', async () => {
    const text = await (await fetch(new URL('../../src/themes/partner-example.css', import.meta.url))).text();
    const names = [...text.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/(--[\w-]+)\s*:/g)].map((match) => match[1]);
    expect(names.length).to.be.greaterThan(0);
    for (const name of names) expect(name).to.match(/^--dn-(brand-|font-family$|radius$)/);
  });
});

describe('light.css, dark.css and compact.css on the page', () => {
  let sheets: HTMLStyleElement[] = [];
  before(async () => {
    // Reverse order on purpose: the files must not depend on it.
    sheets = [
      await addStylesheet('../../src/themes/compact.css'),
      await addStylesheet('../../src/themes/dark.css'),
      await addStylesheet('../../src/themes/light.css'),
    ];
  });
  after(() => sheets.forEach((sheet) => sheet.remove()));
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  function region(attributes: string): HTMLElement {
    return mount(`<div ${attributes}><span>light DOM</span></div>`).querySelector('span')!;
  }

  it('gives the page and light-DOM content the same values as the shadow tokens', async () => {
    const shadowLight = await probe({ theme: 'light' });
    const shadowDark = await probe({ theme: 'dark' });
    const page = region('');
    const dark = region('data-dn-theme="dark"');
    const lightIsland = mount('<div data-dn-theme="dark"><div data-dn-theme="light"><span></span></div></div>').querySelector('span')!;
    for (const name of COLOR_TOKENS) {
      expect(colorOf(page, name), `page ${name}`).to.equal(colorOf(shadowLight, name));
      expect(colorOf(dark, name), `dark ${name}`).to.equal(colorOf(shadowDark, name));
      expect(colorOf(lightIsland, name), `light island ${name}`).to.equal(colorOf(shadowLight, name));
    }
    expect(fontOf(dark)).to.equal(fontOf(shadowDark));
    expect(lengthOf(dark, '--dn-space-4')).to.equal(16);
  });

  it('follows the OS for system and applies compact density', async () => {
    const shadowDark = await probe({ theme: 'dark' });
    const system = region('data-dn-theme="system"');
    await emulateMedia({ colorScheme: 'dark' });
    expect(colorOf(system, '--dn-color-surface')).to.equal(colorOf(shadowDark, '--dn-color-surface'));
    const compact = region('data-dn-density="compact"');
    expect(lengthOf(compact, '--dn-space-4')).to.equal(12);
    expect(lengthOf(compact, '--dn-control-height')).to.equal(30);
  });

  it('picks up brand inputs set on :root', async () => {
    document.documentElement.style.setProperty('--dn-brand-color', 'rgb(15, 118, 110)');
    try {
      expect(colorOf(region(''), '--dn-color-accent')).to.equal('rgb(15, 118, 110)');
    } finally {
      document.documentElement.style.removeProperty('--dn-brand-color');
    }
  });

  it('never pulls an element out of its own theme, and loses to any page rule', async () => {
    const dark = await probe({ theme: 'dark' });
    sheets.forEach((sheet) => sheet.remove());
    const expected = Object.fromEntries(COLOR_TOKENS.map((name) => [name, colorOf(dark, name)]));
    sheets.forEach((sheet) => document.head.append(sheet));
    for (const name of COLOR_TOKENS) expect(colorOf(dark, name), name).to.equal(expected[name]);

    const style = document.createElement('style');
    style.textContent = 'dn-theme-probe { --dn-color-surface: rgb(1, 2, 3); } div { --dn-color-text: rgb(4, 5, 6); }';
    document.head.append(style);
    try {
      expect(colorOf(dark, '--dn-color-surface')).to.equal('rgb(1, 2, 3)');
      expect(colorOf(region('data-dn-theme="dark"'), '--dn-color-text')).to.equal('rgb(4, 5, 6)');
    } finally {
      style.remove();
    }
  });
});
