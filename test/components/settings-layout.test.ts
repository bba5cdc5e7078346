import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { screen } from 'shadow-dom-testing-library';
import { followTopbarHeight } from '../../demo/topbar.js';
import { deepActive } from '../helpers/dialogs.js';
import type { DnAccountSettings } from '../../src/components/account-settings/account-settings.js';
import '../../src/components/account-provider/account-provider.js';
import '../../src/components/account-settings/account-settings.js';
import { mockBackend, nextFrame, settled, until } from '../helpers/fixture.js';

/**
 * The whole page inside the demo's shell (demo/index.html and demo/partner.html with their style
 * sheets: sidebar, top bar, demo tools), at common laptop and desktop widths.
 */
const WIDTHS = [1024, 1280, 1440, 1920];
const SHELLS = [
  { name: 'the demo', page: '/demo/index.html', fitsFrom: 0 },
  // Larger pills: in the narrower column (44–46rem) the row scrolls.
  { name: 'the partner demo (pill tabs)', page: '/demo/partner.html', fitsFrom: 1440 },
];

let cleanup: (() => void)[] = [];

afterEach(async () => {
  for (const undo of cleanup.reverse()) undo();
  cleanup = [];
  await setViewport({ width: 800, height: 600 });
});

/** Puts the shell of `page` (its markup, without scripts, and its style sheets) on this page, on Notifications. */
async function mountShell(page: string, width: number, { tab = 'notifications', hashSync = false } = {}): Promise<DnAccountSettings> {
  await setViewport({ width, height: 900 });
  await mockBackend();
  // The page as Vite serves it: its `<!-- partial: x.html -->` lines replaced by demo/partials/x.html (scripts/demo-partials.mjs).
  let markup = await (await fetch(page)).text();
  for (const [line, name] of markup.matchAll(/<!--\s*partial:\s*([\w-]+\.html)\s*-->/g)) {
    markup = markup.replace(line, await (await fetch(new URL(`partials/${name}`, new URL(page, location.href)))).text());
  }
  const doc = new DOMParser().parseFromString(markup, 'text/html');
  const sheets = [...doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((link) => {
    const sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = new URL(link.getAttribute('href')!, new URL(page, location.href)).href;
    return sheet;
  });
  await Promise.all(
    sheets.map((sheet) => new Promise((resolve, reject) => {
      sheet.addEventListener('load', resolve, { once: true });
      sheet.addEventListener('error', reject, { once: true });
      document.head.append(sheet);
    })),
  );
  const root = document.documentElement;
  const attributes = ['data-dn-theme', 'data-dn-density', 'class'].map((name) => [name, root.getAttribute(name)] as const);
  for (const [name] of attributes) {
    const value = doc.documentElement.getAttribute(name);
    if (value === null) root.removeAttribute(name);
    else root.setAttribute(name, value);
  }
  for (const script of doc.querySelectorAll('script')) script.remove();
  const settings = doc.querySelector('dn-account-settings')!;
  if (!hashSync) settings.removeAttribute('hash-sync');
  settings.setAttribute('tab', tab);
  const shell = [...doc.body.children].map((child) => document.importNode(child, true));
  document.body.append(...shell);
  cleanup.push(() => {
    for (const node of shell) node.remove();
    for (const sheet of sheets) sheet.remove();
    for (const [name, value] of attributes) {
      if (value === null) root.removeAttribute(name);
      else root.setAttribute(name, value);
    }
  });
  const observer = followTopbarHeight();
  cleanup.push(() => observer?.disconnect());
  const el = document.querySelector<DnAccountSettings>('dn-account-settings')!;
  if (tab === 'notifications') {
    await until(() => el.querySelector('dn-notification-matrix')?.shadowRoot?.querySelector('[part="grid"]'), 'the notification matrix');
    await settled(el.querySelector('dn-notification-matrix')!);
  }
  await nextFrame();
  return el;
}

describe('the settings page in the demo shell', () => {
  for (const { name, page, fitsFrom } of SHELLS) {
    describe(name, () => {
      for (const width of WIDTHS) {
        it(`at ${width} px: a wide column, one row of tabs and the matrix as a table`, async function () {
          this.timeout(30000);
          const el = await mountShell(page, width);
          expect(document.documentElement.scrollWidth, 'no sideways scrolling').to.be.at.most(width);
          // The settings keep a column of at least 44rem beside (or above) the demo tools.
          expect(el.getBoundingClientRect().width, 'the settings column').to.be.at.least(44 * 16);

          const root = el.shadowRoot!;
          expect(root.querySelector<HTMLElement>('[part="menu-button"]')!.checkVisibility(), 'the menu button').to.equal(false);
          const tablist = root.querySelector<HTMLElement>('[role="tablist"]')!;
          expect(tablist.getAttribute('aria-orientation')).to.equal('horizontal');
          const tabs = [...root.querySelectorAll<HTMLElement>('[role="tab"]')];
          expect(tabs).to.have.length(7);
          expect(new Set(tabs.map((tab) => tab.offsetTop)).size, 'one row of tabs').to.equal(1);
          const row = tablist.getBoundingClientRect();
          const shows = (tab: HTMLElement) => {
            const box = tab.getBoundingClientRect();
            return box.left >= row.left - 1 && box.right <= row.right + 1;
          };
          const selected = root.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')!;
          expect(shows(selected), 'the selected tab shows whole').to.equal(true);
          if (width >= fitsFrom) {
            // Every English tab shows whole: nothing to scroll to, no fade.
            expect(tablist.scrollWidth, 'the row of tabs fits').to.be.at.most(tablist.clientWidth);
            expect(tabs.every(shows), 'every tab shows').to.equal(true);
            expect(getComputedStyle(tablist).maskImage).to.equal('none');
          } else {
            // The row scrolls, and fades where more tabs are.
            expect(getComputedStyle(tablist).overflowX).to.equal('auto');
            expect(tablist.scrollWidth).to.be.greaterThan(tablist.clientWidth);
            expect(getComputedStyle(tablist).maskImage).to.contain('linear-gradient');
          }

          const matrix = el.querySelector('dn-notification-matrix')!.shadowRoot!;
          const grid = matrix.querySelector<HTMLElement>('[part="grid"]')!;
          expect(getComputedStyle(grid).display).to.equal('table');
          const headers = [...grid.querySelectorAll<HTMLElement>('thead th')];
          expect(headers.map((th) => th.textContent!.trim())).to.deep.equal(['Notification', 'Email', 'In-app']);
          for (const th of headers) {
            expect(th.getBoundingClientRect().height, `the column header ${th.textContent!.trim()}`).to.be.greaterThan(10);
          }
          const type = grid.querySelector<HTMLElement>('[part="type"]')!;
          const cells = [...type.querySelectorAll<HTMLElement>('td')];
          expect(new Set(cells.map((cell) => Math.round(cell.getBoundingClientRect().top))).size, 'the switches side by side').to.equal(1);
        });
      }
    });
  }
});

describe('focus and deep links in the demo shell stay clear of its sticky top bar', () => {
  /** The bottom edge of the sticky top bar, in the viewport. */
  const barBottom = () => document.querySelector('.topbar')!.getBoundingClientRect().bottom;
  const withHash = (hash: string) => {
    const before = location.href;
    history.replaceState(null, '', hash);
    cleanup.push(() => history.replaceState(null, '', before));
  };

  for (const width of [1280, 1024]) {
    it(`opens #security/two-factor below the bar (${width} px)`, async function () {
      this.timeout(30000);
      withHash('#security/two-factor');
      const el = await mountShell('/demo/index.html', width, { tab: 'profile', hashSync: true });
      const section = await (async () => {
        await until(() => el.querySelector('[data-dn-section="two-factor"]'), 'the two-factor section');
        return el.querySelector<HTMLElement>('[data-dn-section="two-factor"]')!;
      })();
      await until(() => {
        const active = deepActive();
        return !!active && (section === active || section.shadowRoot!.contains(active));
      }, 'focus in the two-factor section');
      await nextFrame();
      expect(window.scrollY, 'the page scrolled to the section').to.be.greaterThan(0);
      expect(section.getBoundingClientRect().top, 'the section').to.be.at.least(barBottom());
      expect(deepActive()!.getBoundingClientRect().top, 'what has focus').to.be.at.least(barBottom());
    });
  }

  it('scrolls "Sign out all other sessions" out from under the bar on Shift+Tab', async function () {
    this.timeout(30000);
    const el = await mountShell('/demo/index.html', 1280, { tab: 'security' });
    await until(() => el.querySelector('dn-session-list')?.shadowRoot?.querySelector('[part="session"]'), 'the sessions');
    await settled(el.querySelector('dn-session-list')!);
    const target = screen.getByShadowRole('button', { name: 'Sign out all other sessions' });
    // Focus on what follows it, then the page scrolled so that the button sits under the bar.
    target.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).not.to.equal(target);
    window.scrollBy(0, target.getBoundingClientRect().top - 10);
    expect(target.getBoundingClientRect().top).to.be.below(barBottom());
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActive()).to.equal(target);
    await nextFrame();
    expect(target.getBoundingClientRect().top).to.be.at.least(barBottom());
  });

  it('shows the data export below the bar from "Export your data", its focus ring whole', async function () {
    this.timeout(30000);
    const el = await mountShell('/demo/index.html', 1280, { tab: 'privacy' });
    await until(() => el.querySelector('dn-delete-account')?.shadowRoot?.querySelector('[part="export-link"]'), 'the export link');
    await settled(el.querySelector('dn-privacy-settings')!);
    await settled(el.querySelector('dn-delete-account')!);
    el.querySelector('dn-delete-account')!.shadowRoot!.querySelector<HTMLElement>('[part="export-link"]')!.click();
    const heading = el.querySelector('dn-privacy-settings')!.shadowRoot!.querySelector<HTMLElement>('#export-title')!;
    await until(() => deepActive() === heading, 'focus on the export heading');
    await nextFrame();
    const ring = parseFloat(getComputedStyle(heading).outlineOffset) + parseFloat(getComputedStyle(heading).outlineWidth);
    expect(heading.getBoundingClientRect().top - ring, 'the heading and its focus ring').to.be.at.least(barBottom());
  });
});
