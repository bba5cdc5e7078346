#!/usr/bin/env node
/**
 * The demo's top bar (demo/partials/topbar.html) holds one row at every width, with nothing cut
 * short, overlapping or pushed off the page: the built demo (demo-dist/, `npm run build:demo`) in
 * headless Chromium, on index.html and partner.html, in each language of the demo (Arabic right to
 * left) and in the dark theme too, at the widths where the bar changes (360 to 1600px). The bell
 * and Sign out, which only the reference server shows, are shown here too: they are the bar's
 * widest content. Below 1280px the Display menu is opened from the keyboard, must lie inside the
 * window, and Escape must close it with focus back on its button.
 *
 *   node scripts/check-demo-topbar.mjs          (builds nothing: expects demo-dist/)
 *
 * Fails (exit 1) listing each page, language, theme and width where something is wrong.
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { DEMO_DIR, serve } from './serve-demo.mjs';

/** Both sides of each of the bar's steps (demo.css, "Top bar"), and a phone. */
const WIDTHS = [360, 400, 401, 720, 721, 800, 1023, 1024, 1279, 1280, 1440, 1599, 1600];
const LOCALES = ['en', 'de', 'es', 'ar'];
const PAGES = ['index.html', 'partner.html'];
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const STEP_TIMEOUT = 20_000;

/** Runs in the page: what is wrong with the bar as laid out now (an empty list when nothing). */
function measureBar() {
  const problems = [];
  const bar = document.querySelector('.topbar');
  if (!bar) return ['no .topbar'];
  const box = bar.getBoundingClientRect();
  const style = getComputedStyle(bar);
  const shown = (element) => element.checkVisibility() && element.getClientRects().length > 0;
  // Names kept for screen readers only (clip-path: inset(50%), as .visually-hidden) are meant to take no room.
  const forScreenReaders = (element) => {
    for (let node = element; node && node !== bar; node = node.parentElement) if (getComputedStyle(node).clipPath !== 'none') return true;
    return false;
  };
  const seen = (element) => shown(element) && !forScreenReaders(element);
  const items = [...bar.children].filter(shown);
  const name = (element) => element.id || element.className || element.tagName.toLowerCase();
  // One row: as tall as its tallest item and its padding.
  const tallest = Math.max(...items.map((item) => item.getBoundingClientRect().height));
  const oneRow = tallest + parseFloat(style.paddingBlockStart) + parseFloat(style.paddingBlockEnd) + parseFloat(style.borderBlockEndWidth);
  if (box.height > oneRow + 1) problems.push(`${Math.round(box.height)}px tall, one row is ${Math.round(oneRow)}px`);
  if (document.documentElement.scrollWidth > innerWidth) problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth}px)`);
  // What each item paints (its own box and whatever of its content spills out of it): side by
  // side, none over another, all inside the bar.
  const painted = items
    .map((item) => {
      const rects = [item, ...item.querySelectorAll('*')].filter(seen).map((element) => element.getBoundingClientRect()).filter((rect) => rect.width > 0);
      return { item, left: Math.min(...rects.map((rect) => rect.left)), right: Math.max(...rects.map((rect) => rect.right)) };
    })
    .sort((a, b) => a.left - b.left);
  painted.forEach(({ item, left, right }, index) => {
    if (left < box.left - 0.5 || right > box.right + 0.5) problems.push(`${name(item)} reaches outside the bar`);
    const next = painted[index + 1];
    if (next && next.left < right - 0.5) problems.push(`${name(item)} and ${name(next.item)} overlap`);
  });
  // No words cut short: an ellipsis, or a box too narrow for them (down to none at all).
  for (const text of bar.querySelectorAll('.crumbs li, .bar-label, .menu-label, .segmented span, .user-name, .user-email, select')) {
    if (seen(text) && text.scrollWidth > text.clientWidth + 1) problems.push(`"${text.textContent.trim().slice(0, 24)}" is cut short`);
  }
  return problems;
}

/** The reference server's items, shown as `npm start` shows them. */
function showServerItems() {
  for (const id of ['bell', 'sign-out', 'bell-count']) document.getElementById(id)?.removeAttribute('hidden');
  const count = document.getElementById('bell-count');
  if (count) count.textContent = '3';
}

/** The Display menu from the keyboard: opens inside the window, its controls next in the tab order, Escape closes it. */
async function checkDisplayMenu(page) {
  const button = page.locator('#display-button');
  const panel = page.locator('#display-panel');
  await button.focus();
  await page.keyboard.press('Enter');
  const problems = [];
  if ((await button.getAttribute('aria-expanded')) !== 'true' || !(await panel.isVisible())) problems.push('the Display menu did not open');
  const rect = await panel.evaluate((element) => element.getBoundingClientRect().toJSON());
  const width = await page.evaluate(() => innerWidth);
  if (rect.left < 0 || rect.right > width) problems.push(`the Display menu lies outside the window (${Math.round(rect.left)}–${Math.round(rect.right)}px)`);
  await page.keyboard.press('Tab');
  if (!(await page.evaluate(() => document.activeElement?.closest('#display-panel') !== null))) problems.push('Tab after Display does not reach its controls');
  await page.keyboard.press('Escape');
  if (await panel.isVisible()) problems.push('Escape did not close the Display menu');
  if (!(await button.evaluate((element) => element === document.activeElement))) problems.push('Escape did not put focus back on Display');
  return problems;
}

export async function checkTopbar({ dir = DEMO_DIR } = {}) {
  const started = Date.now();
  const problems = [];
  let layouts = 0;
  const server = await serve({ port: 0, dir });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ARGS });
  try {
    for (const path of PAGES) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.setDefaultTimeout(STEP_TIMEOUT);
      await page.goto(new URL(path, server.url).href);
      await page.getByRole('tab', { name: 'Profile', exact: true }).waitFor();
      await page.evaluate(showServerItems);
      const runs = [...LOCALES.map((locale) => [locale, 'light']), ['ar', 'dark'], ['en', 'dark']];
      for (const [locale, theme] of runs) {
        // Chosen where the controls are in the bar, as a user would.
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.locator('select[name="locale"]').selectOption(locale);
        await page.locator(`input[name="theme"][value="${theme}"]`).check();
        await page.waitForFunction(([lang, dnTheme]) => document.documentElement.lang === lang && document.documentElement.dataset.dnTheme === dnTheme, [locale, theme]);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          // Layout settles in a frame; the fonts are the system's, already there.
          await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
          const found = await page.evaluate(measureBar);
          if (width < 1280) found.push(...(await checkDisplayMenu(page)));
          for (const problem of found) problems.push(`${path} ${locale} ${theme} ${width}px: ${problem}`);
          layouts += 1;
        }
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { problems, layouts, ms: Date.now() - started };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!(await stat(join(DEMO_DIR, 'index.html')).catch(() => undefined))) {
    console.error('check-demo-topbar: demo-dist/ is missing. Build the demo first: `npm run build:demo` (vite build --mode demo).');
    process.exit(1);
  }
  const { problems, layouts, ms } = await checkTopbar();
  if (problems.length) {
    console.error(`check-demo-topbar: FAILED — ${problems.length} problem(s):`);
    for (const problem of problems) console.error(`- ${problem}`);
    process.exit(1);
  }
  console.log(`check-demo-topbar: the top bar holds one row, nothing cut short or overlapping, in ${layouts} layouts (${(ms / 1000).toFixed(1)} s).`);
}
