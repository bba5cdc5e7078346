// Takes a PNG of a page, as a person would see it: node scripts/screenshot.mjs <url> <out.png> [width] [height] [--dark] [--click=text]
import { chromium } from 'playwright-core';

const [url, out = 'screenshot.png', width = '1280', height = '900', ...flags] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({
  viewport: { width: Number(width), height: Number(height) },
  colorScheme: flags.includes('--dark') ? 'dark' : 'light',
});
page.on('console', (msg) => {
  if (msg.type() === 'error' || msg.type() === 'warning') console.log(`[console.${msg.type()}]`, msg.text());
});
page.on('pageerror', (error) => console.log('[pageerror]', error.message));
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(800);
for (const flag of flags.filter((f) => f.startsWith('--click='))) {
  await page.getByRole('button', { name: flag.slice(8) }).first().click();
  await page.waitForTimeout(600);
}
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`wrote ${out}`);
