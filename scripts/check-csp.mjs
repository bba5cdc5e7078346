#!/usr/bin/env node
/**
 * Drives the built demo (demo-dist/, `npm run build:demo`) in headless Chromium under the strict
 * Content-Security-Policy and Trusted Types of scripts/serve-demo.mjs, as a person would: every tab;
 * 2FA setup to the QR code, the code, the backup codes and their download; the avatar preview; the
 * data export to its download; the demo's own panels. Fails (exit 1) on any `securitypolicyviolation`
 * event or console error, listing them.
 *
 *   node scripts/check-csp.mjs              (builds nothing: expects demo-dist/)
 *
 * `checkCsp({ policy, dir })` runs the same walk under another policy or build (to prove a broken one fails).
 */
import { createHmac } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { DEMO_DIR, POLICY, serve } from './serve-demo.mjs';

const MOCK_PASSWORD = 'DialNexa#2026';
const STEP_TIMEOUT = 20_000;
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// ——— What Node computes for the page ———

/** RFC 4648 base32 → bytes. */
function base32Decode(input) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = input.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  const out = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new SyntaxError(`not base32: ${char}`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 255);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return Buffer.from(out);
}

/** RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30 s), as the mock backend checks it (mock/totp.ts). */
export function totp(secretBase32, timeMs = Date.now()) {
  const counter = Math.floor(timeMs / 1000 / 30);
  const message = Buffer.alloc(8);
  message.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
  message.writeUInt32BE(counter >>> 0, 4);
  const mac = createHmac('sha1', base32Decode(secretBase32)).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 1_000_000).padStart(6, '0');
}

/** A real PNG (RGBA, `size` × `size`, a diagonal gradient) for the avatar. */
function png(size = 64) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set([15, 118 + ((x + y) % 100), 110, 255], 1 + x * 4);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ——— The walk ———

/** Records every CSP violation in the page (and its frames) as soon as it happens. */
function recordViolations() {
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      const report = /** @type {(v: object) => void} */ (/** @type {any} */ (window).__dnCspViolation);
      report?.({
        violatedDirective: e.violatedDirective,
        effectiveDirective: e.effectiveDirective,
        blockedURI: e.blockedURI,
        sourceFile: e.sourceFile,
        lineNumber: e.lineNumber,
        sample: e.sample,
        disposition: e.disposition,
        page: location.href,
      });
    },
    true,
  );
}

let reauthsAnswered = 0;

/** Answers "Confirm it's you" with the mock password when it is open; returns whether it was. */
async function reauthIfAsked(page) {
  const dialog = page.getByRole('dialog', { name: "Confirm it's you" });
  if (!(await dialog.isVisible())) return false;
  // The password field lives in the light DOM (for password managers), slotted into the dialog.
  await page.getByLabel('Password', { exact: true }).fill(MOCK_PASSWORD);
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  reauthsAnswered += 1;
  await dialog.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
  return true;
}

/** Waits for `locator`, confirming identity on the way if the page asks. */
async function reach(page, locator) {
  const deadline = Date.now() + STEP_TIMEOUT;
  while (Date.now() < deadline) {
    if (await locator.first().isVisible()) return;
    await reauthIfAsked(page);
    await page.waitForTimeout(100);
  }
  throw new Error(`not visible after ${STEP_TIMEOUT / 1000} s: ${locator}`);
}

async function openTab(page, name) {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await page.waitForFunction((label) => {
    const tabs = [...document.querySelector('dn-account-settings').shadowRoot.querySelectorAll('[role="tab"]')];
    return tabs.some((t) => t.textContent.trim() === label && t.getAttribute('aria-selected') === 'true');
  }, name);
}

/** The steps, each named for the report; `page` runs under the policy. */
function steps(page, log, baseUrl) {
  const section = (tag) => page.locator(tag);
  return [
    [
      'Profile tab renders; avatar preview of a chosen PNG, uploaded',
      async () => {
        await openTab(page, 'Profile');
        const form = section('dn-profile-form');
        await reach(page, form.getByLabel('Display name'));
        // The preview (a blob: URL) shows only while the upload runs: watched every frame, in the page.
        const previewShown = page.waitForFunction(
          () => {
            const img = document.querySelector('dn-profile-form')?.shadowRoot?.querySelector('img[part="avatar-image"]');
            return img instanceof HTMLImageElement && img.src.startsWith('blob:') && img.complete && img.naturalWidth > 0;
          },
          undefined,
          { timeout: STEP_TIMEOUT, polling: 'raf' },
        );
        previewShown.catch(() => undefined);
        const chooser = page.waitForEvent('filechooser');
        await form.getByRole('button', { name: /Upload photo|Change photo/ }).click();
        await (await chooser).setFiles({ name: 'avatar.png', mimeType: 'image/png', buffer: png() });
        await previewShown;
        await form.getByText('Photo updated.').first().waitFor({ timeout: STEP_TIMEOUT });
        await page.waitForFunction(
          () => {
            const img = document.querySelector('dn-profile-form')?.shadowRoot?.querySelector('img[part="avatar-image"]');
            return img instanceof HTMLImageElement && img.src.startsWith('data:') && img.complete && img.naturalWidth > 0;
          },
          undefined,
          { timeout: STEP_TIMEOUT },
        );
        log('avatar preview (blob:) shown, then the uploaded photo (data:)');
      },
    ],
    [
      'Security tab: 2FA setup → QR → code → backup codes → download',
      async () => {
        await openTab(page, 'Security');
        const twoFa = section('dn-2fa-setup');
        await reach(page, twoFa.getByRole('button', { name: 'Turn on two-factor authentication' }));
        await twoFa.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
        const qr = twoFa.getByRole('img', { name: 'QR code for your authenticator app' });
        await reach(page, qr);
        await page.waitForFunction(
          () => (document.querySelector('dn-2fa-setup')?.shadowRoot?.querySelector('canvas')?.width ?? 0) > 0,
          undefined,
          { timeout: STEP_TIMEOUT },
        );
        const box = await qr.boundingBox();
        if (!box || box.width < 50 || box.height < 50) throw new Error(`the QR code is not visible (${JSON.stringify(box)})`);
        const key = (await twoFa.locator('[part="key"]').innerText()).replace(/\s/g, '');
        if (!/^[A-Z2-7]{16,}$/.test(key)) throw new Error(`no key shown next to the QR code (${key})`);
        // Not within 3 s of a step boundary, so the code is still current when it arrives.
        while (30_000 - (Date.now() % 30_000) < 3000) await page.waitForTimeout(250);
        await twoFa.locator('input[autocomplete="one-time-code"]').fill(totp(key));
        await twoFa.getByRole('button', { name: 'Verify and turn on' }).click();
        const codes = twoFa.getByRole('list', { name: 'Backup codes' });
        await reach(page, codes);
        const count = await codes.getByRole('listitem').count();
        if (count !== 10) throw new Error(`expected 10 backup codes, saw ${count}`);
        const download = page.waitForEvent('download', { timeout: STEP_TIMEOUT });
        await twoFa.getByRole('button', { name: 'Download (.txt)' }).click();
        const file = await download;
        const text = await streamText(await file.createReadStream());
        const first = (await codes.getByRole('listitem').first().innerText()).trim();
        if (!text.includes(first)) throw new Error('the downloaded file does not hold the codes shown');
        await twoFa.getByRole('checkbox', { name: 'I have saved my backup codes' }).check();
        await twoFa.getByRole('button', { name: 'Finish' }).click();
        await twoFa.getByText('Status: On').first().waitFor({ timeout: STEP_TIMEOUT });
        log(`QR ${Math.round(box.width)}px, code accepted, ${count} backup codes, downloaded ${file.suggestedFilename()}`);
      },
    ],
    [
      'Security tab: password form, sessions, sign-in activity, trusted devices render',
      async () => {
        await reach(page, section('dn-password-change').getByLabel('Current password'));
        await reach(page, section('dn-password-change').getByLabel('New password', { exact: true }));
        await reach(page, section('dn-session-list').getByRole('heading', { name: 'Active sessions' }));
        // The lists render only the rows in view: bring them into view first.
        await section('dn-session-list').getByRole('list', { name: 'Active sessions' }).scrollIntoViewIfNeeded();
        await reach(page, section('dn-session-list').getByText('This device', { exact: true }));
        await section('dn-login-activity').scrollIntoViewIfNeeded();
        await reach(page, section('dn-login-activity').getByRole('heading', { name: 'Sign-in activity' }));
        await reach(page, section('dn-trusted-devices').getByRole('heading', { name: 'Trusted devices' }));
      },
    ],
    [
      'Notifications tab renders',
      async () => {
        await openTab(page, 'Notifications');
        await reach(page, section('dn-notification-matrix').getByRole('switch').first());
      },
    ],
    [
      'Privacy tab: data export → ready → download',
      async () => {
        await openTab(page, 'Privacy');
        const privacy = section('dn-privacy-settings');
        const request = privacy.getByRole('button', { name: /^Request (data export|a new export)$/ });
        await reach(page, request);
        await request.click();
        // The mock serves JSON and says so (the export's mediaType); the button names the format.
        const link = privacy.getByRole('link', { name: /^Download \(JSON\)/ });
        // The mock prepares the export for a few seconds; the element polls until it is ready.
        await link.waitFor({ timeout: 60_000 });
        const download = page.waitForEvent('download', { timeout: STEP_TIMEOUT });
        await link.click();
        const file = await download;
        const data = JSON.parse(await streamText(await file.createReadStream()));
        if (!data.profile?.email) throw new Error('the export download holds no profile');
        await reach(page, section('dn-delete-account').getByRole('heading', { name: 'Delete account' }));
        log(`export ready and downloaded (${file.suggestedFilename() || 'unnamed'}, profile ${data.profile.email})`);
      },
    ],
    [
      'Connected accounts tab renders',
      async () => {
        await openTab(page, 'Connected accounts');
        await reach(page, section('dn-connected-accounts').getByRole('button', { name: /Connect|Disconnect/ }));
      },
    ],
    [
      'Preferences tab renders',
      async () => {
        await openTab(page, 'Preferences');
        await reach(page, section('dn-preferences').getByRole('heading', { name: 'Display preferences' }));
      },
    ],
    [
      'Billing tab renders',
      async () => {
        await openTab(page, 'Billing');
        await reach(page, section('dn-billing-summary').getByRole('heading', { name: 'Billing' }));
      },
    ],
    [
      'Demo panel: dark theme, Deutsch, back; mock inbox after an email change',
      async () => {
        await page.getByRole('radio', { name: 'Dark' }).check();
        await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
        await page.getByRole('tab', { name: 'Profil', exact: true }).waitFor({ timeout: STEP_TIMEOUT });
        await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
        await page.getByRole('radio', { name: 'Light' }).check();
        await openTab(page, 'Profile');
        const form = section('dn-profile-form');
        await form.getByRole('button', { name: 'Change email' }).click();
        const email = section('dn-email-change');
        await reach(page, email.getByLabel('New email address'));
        await email.getByLabel('New email address').fill('csp-check@example.com');
        const password = email.getByLabel('Current password');
        if (await password.isVisible()) await password.fill(MOCK_PASSWORD);
        await email.getByRole('button', { name: 'Send verification link' }).click();
        const open = page.locator('#inbox').getByRole('button', { name: 'Open verification link' });
        await reach(page, open);
        await open.click();
        await page.locator('#inbox').getByText('Link opened: csp-check@example.com is now the login email.').waitFor({ timeout: STEP_TIMEOUT });
        await page.locator('#events .event-name').first().waitFor({ timeout: STEP_TIMEOUT });
        log(`mock inbox link opened; events panel shows ${await page.locator('#events .event-name').count()} events`);
      },
    ],
    [
      'The partner white-label page loads',
      async () => {
        // In a second tab, so nothing the first page still has in flight is cut off by leaving it.
        const partner = await page.context().newPage();
        const link = await page.getByRole('link', { name: 'View partner white-label demo' }).getAttribute('href');
        await partner.goto(new URL(link ?? './partner.html', baseUrl).href);
        await reach(partner, partner.getByRole('tab', { name: 'Profile', exact: true }));
        await reach(partner, partner.locator('dn-profile-form').getByLabel('Display name'));
        await openTab(partner, 'Security');
        await reach(partner, partner.locator('dn-2fa-setup').getByRole('heading', { name: 'Two-factor authentication' }));
        await partner.close();
      },
    ],
    [
      'The sign-in page: the 2FA step with the demo authenticator, trusting the device',
      async () => {
        const signIn = await page.context().newPage();
        await signIn.goto(new URL('./sign-in.html', baseUrl).href);
        const field = signIn.getByLabel('Authentication code');
        await reach(signIn, field);
        const line = await signIn.locator('#current-code').textContent({ timeout: STEP_TIMEOUT });
        await signIn.getByLabel(/Trust this device/).check();
        await field.fill(/\d{6}/.exec(line ?? '')?.[0] ?? '');
        await signIn.getByRole('button', { name: 'Verify' }).click();
        await signIn.getByText('Signed in; this device is trusted for 30 days.').waitFor({ timeout: STEP_TIMEOUT });
        await signIn.locator('dn-trusted-devices').getByText('This device').first().waitFor({ timeout: STEP_TIMEOUT });
        log('sign-in page: code accepted, device trusted and listed');
        await signIn.close();
      },
    ],
    [
      'Demo: date and time formats survive a reload; the password hint follows a changed password',
      async () => {
        const demo = await page.context().newPage();
        await demo.goto(baseUrl);
        await reach(demo, demo.getByRole('tab', { name: 'Preferences', exact: true }));
        await openTab(demo, 'Preferences');
        const prefs = demo.locator('dn-preferences');
        await reach(demo, prefs.getByRole('radio', { name: /\(year-month-day\)/ }));
        await prefs.getByRole('radio', { name: /\(year-month-day\)/ }).check();
        await prefs.getByRole('radio', { name: /^24-hour/ }).check();
        // The demo keeps the saved choice in localStorage once the server accepted it.
        await demo.waitForFunction(() => Object.values(localStorage).some((value) => value.includes('"timeFormat":"24h"') && value.includes('"dateFormat":"YYYY-MM-DD"')), undefined, { timeout: STEP_TIMEOUT });
        await demo.reload();
        await reach(demo, demo.getByRole('tab', { name: 'Preferences', exact: true }));
        await openTab(demo, 'Preferences');
        await reach(demo, prefs.getByRole('radio', { name: /\(year-month-day\)/ }));
        if (!(await prefs.getByRole('radio', { name: /\(year-month-day\)/ }).isChecked())) throw new Error('the date format was lost on reload');
        if (!(await prefs.getByRole('radio', { name: /^24-hour/ }).isChecked())) throw new Error('the time format was lost on reload');
        await openTab(demo, 'Security');
        const form = demo.locator('dn-password-change');
        const next = 'Lantern-harbour-2026!';
        await reach(demo, form.getByLabel('Current password'));
        await form.getByLabel('Current password').fill('DialNexa#2026');
        await form.getByLabel('New password', { exact: true }).fill(next);
        await form.getByLabel('Confirm new password').fill(next);
        await form.getByRole('button', { name: 'Change password' }).click();
        await demo.locator('#password-hint', { hasText: next }).waitFor({ timeout: STEP_TIMEOUT });
        log('demo: formats kept across a reload, the hint shows the new password');
        await demo.close();
      },
    ],
  ];
}

async function streamText(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves demo-dist under `policy` and walks the page. Resolves with `{ problems, notes, steps, expected, ms }`;
 * `problems` is empty when everything ran clean; `expected` lists the allowed console errors.
 */
export async function checkCsp({ policy = POLICY, dir = DEMO_DIR, headless = true, verbose = false } = {}) {
  const started = Date.now();
  const problems = [];
  const notes = [];
  const log = (line) => {
    notes.push(line);
    if (verbose) console.log(`  ${line}`);
  };
  const allowedErrors = [];
  let stepsDone = 0;
  reauthsAnswered = 0;
  const server = await serve({ port: 0, policy, dir });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ARGS, headless });
  try {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    // Context-wide: every page the walk opens is watched the same way.
    await context.exposeFunction('__dnCspViolation', (v) => problems.push({ kind: 'CSP violation', ...v }));
    await context.addInitScript(recordViolations);
    // The one console error the walk expects: Chromium logs every HTTP error status, and the mock
    // answers the first sensitive request with 403 `reauth-required` (the product's "Confirm it's
    // you" step). Allowed only when that exact response (URL, status, problem type) was seen; an
    // HTTP status is never the policy's doing (a blocked request has none).
    const reauthAnswers = new Set();
    context.on('response', async (response) => {
      if (response.status() !== 403) return;
      const problem = await response.json().catch(() => undefined);
      if (typeof problem?.type === 'string' && problem.type.endsWith('reauth-required')) reauthAnswers.add(response.url());
    });
    const consoleErrors = [];
    context.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push({ text: message.text(), at: message.location()?.url });
    });
    context.on('weberror', (error) => problems.push({ kind: 'page error', text: String(error.error()?.stack ?? error.error()) }));
    context.on('requestfailed', (request) => {
      // A download's navigation is "aborted" by design; anything else failing is reported.
      if (!request.url().startsWith('data:') && !request.url().startsWith('blob:')) {
        problems.push({ kind: 'request failed', text: `${request.method()} ${request.url()}: ${request.failure()?.errorText}` });
      }
    });
    context.on('serviceworker', (worker) => log(`service worker ${new URL(worker.url()).pathname} running`));
    const page = await context.newPage();

    const load = async () => {
      await page.goto(server.url);
      await page.getByRole('tab', { name: 'Profile', exact: true }).waitFor({ timeout: STEP_TIMEOUT });
    };
    for (const [name, run] of [['The page loads on the mock backend', load], ...steps(page, log, server.url)]) {
      if (verbose) console.log(`- ${name}`);
      try {
        await run();
        stepsDone += 1;
      } catch (error) {
        problems.push({ kind: 'step failed', text: `${name}: ${String(error?.message ?? error).split('\n')[0]}` });
        const shot = join(tmpdir(), 'check-csp-failure.png');
        await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
        problems.push({ kind: 'screenshot', text: shot });
        break;
      }
    }
    // Anything still in flight (a late violation) gets its chance to be reported.
    await page.waitForTimeout(500);
    for (const error of consoleErrors) {
      const expected = /status of 403\b/.test(error.text) && reauthAnswers.has(error.at ?? '') && reauthsAnswered > 0;
      if (expected) allowedErrors.push(`403 reauth-required from ${new URL(error.at ?? '').pathname}, answered in "Confirm it's you"`);
      else problems.push({ kind: 'console error', ...error });
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  return { problems, notes, steps: stepsDone, expected: allowedErrors, ms: Date.now() - started };
}

function describe(problem) {
  const { kind, ...rest } = problem;
  return `- ${kind}: ${Object.entries(rest)
    .filter(([, value]) => value !== undefined && value !== '' && value !== 0)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ')}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!(await stat(join(DEMO_DIR, 'index.html')).catch(() => undefined))) {
    console.error('check-csp: demo-dist/ is missing. Build the demo first: `npm run build:demo` (vite build --mode demo).');
    process.exit(1);
  }
  const verbose = process.argv.includes('--verbose');
  const { problems, steps: done, expected, ms } = await checkCsp({ verbose });
  const seconds = (ms / 1000).toFixed(1);
  if (problems.length) {
    console.error(`check-csp: FAILED under "${POLICY}" — ${problems.length} problem(s):`);
    for (const problem of problems) console.error(describe(problem));
    process.exit(1);
  }
  const allowed = expected.length ? ` (${expected.length} expected: ${expected.join('; ')})` : '';
  console.log(
    `check-csp: ${done} steps ran clean under the strict CSP and Trusted Types — 0 violations, 0 unexpected console errors${allowed} (${seconds} s).`,
  );
}
