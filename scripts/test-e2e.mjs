/**
 * `npm run test:e2e` (the end of `npm test`): the demo on the reference server, end to end in
 * headless Chromium — the server (PGlite in a temporary folder, the full demo seed) and Vite's
 * dev server in front of it, both on free ports, as `npm start` runs them.
 *
 * The browser signs in with the demo password, passes 2FA with a code computed here from the
 * seeded authenticator key (otpauth, not the server's code) and trusts the device, and finds
 * this device in Security → Trusted devices. A second client signs in through the API and ends
 * the browser's session; the page's next request sends the user to the sign-in page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { chromium } from 'playwright-core';
import { freePort, startDemoOnServer } from './demo-server.mjs';

const STEP_TIMEOUT = 30_000;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const started = Date.now();
const log = (message) => console.log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s  ${message}`);

/** The code of the demo authenticator at `timestamp`, by otpauth. */
function totpCode(secret, timestamp = Date.now()) {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp });
}

/** A client outside the browser, keeping its cookies, sending the CSRF header when the server set its cookie. */
function apiClient(origin) {
  const jar = new Map();
  return async (path, { method = 'GET', body } = {}) => {
    const headers = { Origin: origin, Accept: 'application/json' };
    if (jar.size) headers.Cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const csrf = jar.get('dn-csrf');
    if (csrf && method !== 'GET') headers['X-CSRF-Token'] = decodeURIComponent(csrf);
    const response = await fetch(new URL(path, origin), { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    const json = await response.json().catch(() => null);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'dn-e2e-'));
let demo;
let browser;
let failed = false;
const answers = [];
try {
  demo = await startDemoOnServer({ dataDir, vitePort: await freePort(), quiet: true });
  const { DEMO_EMAIL, DEMO_PASSWORD, DEMO_TOTP_SECRET } = await import('../server/dist/index.js');
  const origin = new URL(demo.url).origin;
  log(`server and demo up: ${origin}`);

  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ARGS, headless: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(STEP_TIMEOUT);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // What the API answered, for the report when a step fails.
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/api/')) answers.push(`${response.request().method()} ${url.pathname} ${response.status()}`);
  });

  // Not signed in: the dashboard sends the user to sign in.
  await page.goto(demo.url);
  await page.waitForURL(/\/sign-in\.html$/);
  await page.locator('#password-step').getByLabel('Email').fill(DEMO_EMAIL);
  await page.locator('#password-step').getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const field = page.getByLabel('Authentication code');
  await field.waitFor();
  log('password accepted, code step shown');
  await page.getByLabel(/Trust this device/).check();
  await field.fill(totpCode(DEMO_TOTP_SECRET));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.locator('.user-email', { hasText: DEMO_EMAIL }).waitFor();
  log('code accepted: on the dashboard, signed in');

  await page.getByRole('tab', { name: 'Security', exact: true }).click();
  await page.locator('dn-trusted-devices').getByText('This device').first().waitFor();
  log('Security → Trusted devices lists this device');

  // A second client: the same account signed in elsewhere (the next time step's code: each is taken once).
  const other = apiClient(origin);
  const signIn = await other('/api/auth/sign-in/email', { method: 'POST', body: { email: DEMO_EMAIL, password: DEMO_PASSWORD } });
  await other('/api/account/two-factor/challenge', {
    method: 'POST',
    body: { challengeId: signIn.challengeId, method: 'totp', code: totpCode(DEMO_TOTP_SECRET, Date.now() + 30_000), trustDevice: false },
  });
  const { items } = await other('/api/account/sessions');
  // The browser's session: the newest but the second client's own.
  const browserSession = items.filter((s) => !s.current).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (!browserSession || Date.now() - Date.parse(browserSession.createdAt) > 5 * 60_000) throw new Error(`no recent session of the browser in ${JSON.stringify(items)}`);
  await other(`/api/account/sessions/${encodeURIComponent(browserSession.id)}`, { method: 'DELETE' });
  log(`second client ended the browser's session (${browserSession.browser} on ${browserSession.os})`);

  // The page's next request answers 401: the host sends the user to sign in.
  await page.getByRole('tab', { name: 'Notifications', exact: true }).click();
  await page.waitForURL(/\/sign-in\.html$/);
  await page.locator('#password-step').getByLabel('Email').waitFor();
  log('the next request answered 401: back on the sign-in page');
  if (errors.length) throw new Error(`errors on the page: ${errors.join('; ')}`);
  log('passed');
} catch (error) {
  failed = true;
  console.error(error);
  if (answers.length) console.error(`The API's answers to the page, oldest first:\n  ${answers.join('\n  ')}`);
} finally {
  await browser?.close();
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
