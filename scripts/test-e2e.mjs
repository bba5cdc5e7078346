/**
 * `npm run test:e2e` (the end of `npm test`): the demo on the reference server, end to end in
 * headless Chromium — the server (PGlite in a temporary folder, the full demo seed) and Vite's
 * dev server in front of it, both on free ports, as `npm start` runs them.
 *
 * The browser signs in with the demo password, passes 2FA with a code computed here from the
 * seeded authenticator key (otpauth, not the server's code) and trusts the device, and finds
 * this device in Security → Trusted devices. Then passkeys, with Chromium's virtual authenticator
 * (CTAP2, resident keys, user verification, through the DevTools protocol): Security → Passkeys →
 * Add a passkey, "Confirm it's you" with the password, the browser's prompt, a name given,
 * renamed, used to sign in again from a signed-out state ("Sign in with a passkey" on the sign-in
 * page, no password, no code), and removed after "Confirm it's you" with that passkey — what the page shows and what
 * the server stored, checked at each step. A second client signs in through the API and ends
 * the browser's session; the page's next request sends the user to the sign-in page. Last, the
 * sign-in page opened as the server's OAuth callback leaves a provider's sign-in of an account with
 * 2FA on (`/sign-in?two-factor=required`, the two-factor plugin's pending sign-in in its cookie)
 * shows the code step and signs in; the development provider only connects accounts, so the
 * pending sign-in there is made by the password (the same plugin record and cookie), and the
 * callback's part is covered by server/test/social-sign-in.test.ts.
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

/** The development server's hook that closes this session's re-authentication window (server/src/dev-demo.ts). */
const EXPIRE_REAUTH_PATH = '/api/dev/expire-reauth';

/** The code of the demo authenticator at `timestamp`, by otpauth. */
function totpCode(secret, timestamp = Date.now()) {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp });
}

/**
 * The server takes each time step's code once: the code of the first step after the last one used,
 * this step's or the next (it accepts one step either side), waiting for the next when both were used.
 */
let lastStep = -1;
async function nextCode(secret) {
  for (;;) {
    const now = Date.now();
    for (const at of [now, now + 30_000]) {
      const step = Math.floor(at / 30_000);
      if (step > lastStep) {
        lastStep = step;
        return totpCode(secret, at);
      }
    }
    await new Promise((done) => setTimeout(done, 1000));
  }
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
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  // A platform authenticator that holds passkeys and verifies its user without a touch.
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
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
  await field.fill(await nextCode(DEMO_TOTP_SECRET));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.locator('.user-email', { hasText: DEMO_EMAIL }).waitFor({ state: 'attached' });
  log('code accepted: on the dashboard, signed in');

  await page.getByRole('tab', { name: 'Security', exact: true }).click();
  await page.locator('dn-trusted-devices').getByText('This device').first().waitFor();
  log('Security → Trusted devices lists this device');

  // ——— Passkeys ———
  // The server counts a fresh sign-in as a confirmation for ten minutes (server/src/account.ts,
  // REAUTH_WINDOW_MS). Rather than wait, or reach into the database the server process holds
  // open, the development server's own hook closes this session's window: the same state as
  // ten minutes later, so "Confirm it's you" is asked for as it would be then.
  const expireReauth = async () => {
    const answer = await page.request.post(new URL(EXPIRE_REAUTH_PATH, origin).href, { data: {} });
    if (!answer.ok()) throw new Error(`POST ${EXPIRE_REAUTH_PATH}: ${answer.status()} ${await answer.text()}`);
  };
  /** The passkeys the server holds for the signed-in user, through the page's own cookie. */
  const storedPasskeys = async () => {
    const answer = await page.request.get(new URL('/api/account/passkeys', origin).href);
    if (!answer.ok()) throw new Error(`GET /api/account/passkeys: ${answer.status()}`);
    return (await answer.json()).items;
  };
  const expectStored = async (names, what) => {
    const got = (await storedPasskeys()).map((p) => p.name);
    if (JSON.stringify(got) !== JSON.stringify(names)) throw new Error(`${what}: the server holds ${JSON.stringify(got)}, expected ${JSON.stringify(names)}`);
  };
  const credentials = async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;

  const passkeys = page.locator('dn-passkeys');
  await passkeys.getByRole('heading', { name: 'Passkeys' }).waitFor();
  await passkeys.getByText(/A passkey lets you sign in/).waitFor();
  await expectStored([], 'before adding');

  await expireReauth();
  await passkeys.getByRole('button', { name: 'Add a passkey' }).click();
  // The dialog's fields are its light DOM (password managers fill them), slotted into the <dialog>.
  const reauthDialog = page.getByRole('dialog', { name: "Confirm it's you" });
  const reauth = page.locator('dn-reauth-dialog');
  await reauthDialog.waitFor();
  // No passkey yet: the password or a code only.
  if (await reauth.getByRole('button', { name: 'Use a passkey' }).count()) throw new Error('"Use a passkey" offered before the account has one');
  await reauth.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  const registered = page.waitForResponse((r) => r.url().endsWith('/api/account/passkeys') && r.request().method() === 'POST');
  await reauth.getByRole('button', { name: 'Confirm' }).click();
  await reauthDialog.waitFor({ state: 'hidden' });
  const added = await registered;
  if (added.status() !== 200) throw new Error(`the server refused the new passkey: ${added.status()} ${await added.text()}`);
  const suggested = (await added.json()).name;
  log(`"Confirm it's you" with the password; the authenticator made a passkey, the server suggests "${suggested}"`);
  if ((await credentials()).length !== 1) throw new Error('the virtual authenticator holds no passkey');

  // The new passkey invites a name: the suggestion, selected.
  const nameField = passkeys.getByLabel('Passkey name');
  if ((await nameField.inputValue()) !== suggested) throw new Error(`the name field shows "${await nameField.inputValue()}", not the suggestion "${suggested}"`);
  await nameField.fill('Work laptop');
  await passkeys.getByRole('button', { name: 'Save' }).click();
  const list = passkeys.getByRole('list', { name: 'Passkeys' });
  await list.getByRole('listitem').filter({ hasText: 'Work laptop' }).waitFor();
  await expectStored(['Work laptop'], 'after naming');
  log('named "Work laptop": listed so, and so on the server');

  await passkeys.getByRole('button', { name: 'Rename Work laptop' }).click();
  await nameField.fill('Travel laptop');
  await nameField.press('Enter');
  await list.getByRole('listitem').filter({ hasText: 'Travel laptop' }).waitFor();
  if (await list.getByText('Work laptop').count()) throw new Error('the old name is still listed');
  await expectStored(['Travel laptop'], 'after renaming');
  log('renamed "Travel laptop": listed so, and so on the server');

  // Signed out (the context's cookies gone, the authenticator kept): sign in with the passkey, no password, no code.
  await context.clearCookies();
  await page.goto(demo.url);
  await page.waitForURL(/\/sign-in\.html$/);
  const passkeySignIn = page.waitForResponse((r) => r.url().endsWith('/api/auth/passkey/sign-in') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  if ((await passkeySignIn).status() !== 200) throw new Error(`the server refused the passkey sign-in: ${(await passkeySignIn).status()} ${await (await passkeySignIn).text()}`);
  await page.waitForURL((url) => url.pathname === '/');
  await page.locator('.user-email', { hasText: DEMO_EMAIL }).waitFor({ state: 'attached' });
  const current = (await storedPasskeys()).find((p) => p.current);
  if (current?.name !== 'Travel laptop') throw new Error(`after the passkey sign-in the server marks ${JSON.stringify(current?.name)} current, not "Travel laptop"`);
  log('signed out, then signed in with the passkey: on the dashboard, the passkey marked current');
  await page.getByRole('tab', { name: 'Security', exact: true }).click();
  await list.getByRole('listitem').filter({ hasText: 'Travel laptop' }).waitFor();

  await expireReauth();
  await passkeys.getByRole('button', { name: 'Remove Travel laptop' }).click();
  const confirmRemoval = page.getByRole('dialog', { name: 'Remove Travel laptop?' });
  await confirmRemoval.waitFor();
  await confirmRemoval.getByRole('button', { name: 'Remove' }).click();
  await reauthDialog.waitFor();
  const confirmed = page.waitForResponse((r) => r.url().endsWith('/api/account/reauth/passkey') && r.request().method() === 'POST');
  const removed = page.waitForResponse((r) => /\/api\/account\/passkeys\/[^/]+$/.test(new URL(r.url()).pathname) && r.request().method() === 'DELETE' && r.status() === 200);
  await reauth.getByRole('button', { name: 'Use a passkey' }).click();
  if ((await confirmed).status() !== 200) throw new Error(`the server refused the passkey's confirmation: ${(await confirmed).status()}`);
  await reauthDialog.waitFor({ state: 'hidden' });
  await removed;
  await passkeys.getByText(/A passkey lets you sign in/).waitFor();
  await passkeys.getByRole('status').filter({ hasText: 'Travel laptop was removed.' }).waitFor({ state: 'attached' });
  if (await list.count()) throw new Error('the removed passkey is still listed');
  await expectStored([], 'after removing');
  log('"Confirm it\'s you" with the passkey, then removed: gone from the list and from the server');

  // A second client: the same account signed in elsewhere (a later time step's code: each is taken once).
  const other = apiClient(origin);
  const signIn = await other('/api/auth/sign-in/email', { method: 'POST', body: { email: DEMO_EMAIL, password: DEMO_PASSWORD } });
  await other('/api/account/two-factor/challenge', {
    method: 'POST',
    body: { challengeId: signIn.challengeId, method: 'totp', code: await nextCode(DEMO_TOTP_SECRET), trustDevice: false },
  });
  const { items } = await other('/api/account/sessions');
  // The browser's session: the last active but the second client's own (its sign-in time is
  // eleven minutes back since the passkey steps closed its re-authentication window).
  const browserSession = items.filter((s) => !s.current).sort((a, b) => b.lastActiveAt.localeCompare(a.lastActiveAt))[0];
  if (!browserSession || Date.now() - Date.parse(browserSession.lastActiveAt) > 5 * 60_000) throw new Error(`no recent session of the browser in ${JSON.stringify(items)}`);
  await other(`/api/account/sessions/${encodeURIComponent(browserSession.id)}`, { method: 'DELETE' });
  log(`second client ended the browser's session (${browserSession.browser} on ${browserSession.os})`);

  // The page's next request answers 401: the host sends the user to sign in.
  await page.getByRole('tab', { name: 'Notifications', exact: true }).click();
  await page.waitForURL(/\/sign-in\.html$/);
  await page.locator('#password-step').getByLabel('Email').waitFor();
  log('the next request answered 401: back on the sign-in page');

  // ——— The code step after a provider ———
  // Signed out, the device no longer trusted: a pending sign-in in the browser's cookies, then the
  // sign-in page as the callback leaves it.
  await context.clearCookies();
  const pending = await page.request.post(new URL('/api/auth/sign-in/email', origin).href, { headers: { Origin: origin }, data: { email: DEMO_EMAIL, password: DEMO_PASSWORD } });
  if (!pending.ok() || !(await pending.json()).twoFactorRedirect) throw new Error(`the sign-in did not wait for the code: ${pending.status()}`);
  await page.goto(new URL('/sign-in?two-factor=required', origin).href);
  await field.waitFor();
  if (new URL(page.url()).search) throw new Error(`the flag stayed in the address bar: ${page.url()}`);
  if (await page.locator('#password-step').isVisible()) throw new Error('the password form shows beside the code step');
  await field.fill(await nextCode(DEMO_TOTP_SECRET));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.locator('.user-email', { hasText: DEMO_EMAIL }).waitFor({ state: 'attached' });
  log('/sign-in?two-factor=required showed the code step for the pending sign-in: on the dashboard, signed in');
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
