/**
 * The demo's account on the server (`seedDemo: 'full'`, what `npm start` runs): the mock's
 * story — other sessions, sign-in history, trusted devices, 2FA with the mock's authenticator
 * key — and the development reset that seeds it again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../conformance/totp.js';
import { MOCK_TOTP_SECRET } from '../../mock/seed.js';
import { endpoints } from '../../src/api/endpoints.js';
import { createAccountServer, DEMO_EMAIL, DEMO_PASSWORD, type AccountServer } from '../src/index.js';
import { cookieClient } from './client.js';
import { testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
const API = `${ORIGIN}/api/account`;
const CHROME_ON_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

let server: AccountServer;

beforeAll(async () => {
  server = await createAccountServer({ ...testStorage(), baseUrl: ORIGIN, development: true, seedDemo: 'full' });
});

afterAll(async () => {
  await server?.close();
});

/**
 * Signs in as a browser would: the password, then the code of the demo authenticator (a code
 * of the next time step when this one was used already: the server takes each step once).
 */
async function signIn({ trustDevice = false, nextStep = false } = {}) {
  const fetch = cookieClient(() => server, ORIGIN);
  const json = (body: unknown) => ({ method: 'POST', headers: { 'User-Agent': CHROME_ON_MAC }, body: JSON.stringify(body) });
  const first = await fetch(`${ORIGIN}/api/auth/sign-in/email`, json({ email: DEMO_EMAIL, password: DEMO_PASSWORD }));
  expect(first.status).toBe(200);
  const answer = (await first.json()) as { twoFactorRedirect?: boolean; challengeId?: string };
  expect(answer.twoFactorRedirect).toBe(true);
  expect(answer.challengeId).toEqual(expect.any(String));
  const verified = await fetch(`${API}/two-factor/challenge`, json({ challengeId: answer.challengeId, method: 'totp', code: totpCode(MOCK_TOTP_SECRET, { timestamp: Date.now() + (nextStep ? 30_000 : 0) }), trustDevice }));
  expect(verified.status).toBe(200);
  return fetch;
}

describe('the full demo seed', () => {
  it('signs in with the password and the mock authenticator key, and shows the mock’s story', async () => {
    const fetch = await signIn({ trustDevice: true });

    const twoFactor = endpoints.getTwoFactorStatus.response.parse(await (await fetch(`${API}/two-factor`)).json());
    expect(twoFactor).toMatchObject({ enabled: true, backupCodesRemaining: 8, recommended: true });

    const sessions = endpoints.listSessions.response.parse(await (await fetch(`${API}/sessions`)).json()).items;
    expect(sessions).toHaveLength(6);
    expect(sessions[0]).toMatchObject({ current: true, browser: 'Chrome 131', os: 'macOS 14.5' });
    expect(sessions.slice(1).map((s) => `${s.browser} · ${s.os} · ${s.ip}`)).toEqual([
      'Safari 17.5 · iOS 17.5 · 198.51.100.77',
      'Firefox 127 · Windows · 192.0.2.146',
      'Safari 17.5 · iPadOS 17.5 · 203.0.113.201',
      'Edge 126 · Windows · 2001:db8:4a1f::1c',
      'Chrome 126 · Android 14 · 198.51.100.9',
    ]);
    expect(sessions[2]?.deviceType).toBe('desktop');
    expect(sessions[3]?.deviceType).toBe('tablet');

    const devices = endpoints.listTrustedDevices.response.parse(await (await fetch(`${API}/trusted-devices`)).json()).items;
    expect(devices.map((d) => ({ browser: d.browser, os: d.os, current: d.current }))).toEqual([
      { browser: 'Chrome 131', os: 'macOS 14.5', current: true },
      { browser: 'Safari 17.5', os: 'iOS 17.5', current: false },
    ]);

    const activity = endpoints.listLoginActivity.response.parse(await (await fetch(`${API}/login-activity?limit=100`)).json());
    expect(activity.items[0]).toMatchObject({ success: true, browser: 'Chrome 131' });
    expect(activity.nextCursor).not.toBeNull();
    const failed = endpoints.listLoginActivity.response.parse(await (await fetch(`${API}/login-activity?status=failed&limit=10`)).json()).items;
    // The mock's burst of failures from an unfamiliar client a few days before.
    expect(failed.slice(0, 7).map((a) => a.failureReason)).toEqual(['blocked', 'blocked', 'wrong-password', 'wrong-password', 'wrong-password', 'wrong-password', 'wrong-password']);
    expect(failed[0]).toMatchObject({ browser: 'Unknown', ip: '192.0.2.77' });

    const profile = endpoints.getProfile.response.parse(await (await fetch(`${API}/profile`)).json());
    expect(profile).toMatchObject({ displayName: 'Amira Haddad', company: 'Northwind Calls', timezone: 'Europe/Berlin', role: 'owner' });
    const connected = endpoints.listConnectedAccounts.response.parse(await (await fetch(`${API}/connected-accounts`)).json());
    expect(connected.items.filter((c) => c.connected).map((c) => c.provider)).toEqual(['google']);
  });

  it('resets the demo user: changes are gone, every session of the old user ends', async () => {
    const fetch = await signIn({ nextStep: true });
    expect((await fetch(`${API}/profile`, { method: 'PATCH', body: JSON.stringify({ displayName: 'Changed Name' }) })).status).toBe(200);

    const reset = await fetch(`${ORIGIN}/api/dev/reset-demo`, { method: 'POST', body: '{}' });
    expect(reset.status).toBe(200);
    expect(await reset.json()).toEqual({ reset: true });
    expect((await fetch(`${API}/profile`)).status).toBe(401);

    const again = await signIn();
    const profile = endpoints.getProfile.response.parse(await (await again(`${API}/profile`)).json());
    expect(profile.displayName).toBe('Amira Haddad');
    expect(endpoints.listSessions.response.parse(await (await again(`${API}/sessions`)).json()).items).toHaveLength(6);

    // From the sign-in page, with no session: the demo user (found by its address) is made again.
    const anonymous = await server.fetch(new Request(`${ORIGIN}/api/dev/reset-demo`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN }, body: '{}' }));
    expect(anonymous.status).toBe(200);
    expect((await again(`${API}/profile`)).status).toBe(401);
  });

  it('closes the caller’s re-authentication window on request (development only)', async () => {
    const fetch = await signIn({ nextStep: true });
    // Inside the window right after sign-in: a sensitive request goes through.
    expect((await fetch(`${API}/passkeys/registration-options`, { method: 'POST' })).status).toBe(200);

    const expired = await fetch(`${ORIGIN}/api/dev/expire-reauth`, { method: 'POST', body: '{}' });
    expect(expired.status).toBe(200);
    expect(await expired.json()).toEqual({ expired: true });
    const refused = await fetch(`${API}/passkeys/registration-options`, { method: 'POST' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ type: expect.stringMatching(/reauth-required$/), methods: ['password', 'totp'] });
    // Still signed in; "Confirm it's you" opens the window again.
    const confirmed = await fetch(`${API}/reauth`, { method: 'POST', body: JSON.stringify({ method: 'password', password: DEMO_PASSWORD }) });
    expect(confirmed.status).toBe(200);
    expect((await fetch(`${API}/passkeys/registration-options`, { method: 'POST' })).status).toBe(200);
    // A confirmation is forgotten too.
    expect((await fetch(`${ORIGIN}/api/dev/expire-reauth`, { method: 'POST', body: '{}' })).status).toBe(200);
    expect((await fetch(`${API}/passkeys/registration-options`, { method: 'POST' })).status).toBe(403);

    const anonymous = await server.fetch(new Request(`${ORIGIN}/api/dev/expire-reauth`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN }, body: '{}' }));
    expect(anonymous.status).toBe(401);
    const asText = await fetch(`${ORIGIN}/api/dev/expire-reauth`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(asText.status).toBe(415);
  });

  it('takes the reset only as JSON', async () => {
    const response = await server.fetch(new Request(`${ORIGIN}/api/dev/reset-demo`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' }));
    expect(response.status).toBe(415);
  });
});

describe('in production', () => {
  it('has no reset, no re-authentication expiry and no mailbox', async () => {
    const production = await createAccountServer({ baseUrl: ORIGIN, development: false, secret: 'a-production-secret-of-32-characters!', seedDemo: 'full' });
    try {
      for (const [method, path] of [
        ['POST', '/api/dev/reset-demo'],
        ['POST', '/api/dev/expire-reauth'],
        ['GET', '/api/dev/mailbox'],
      ] as const) {
        const response = await production.fetch(new Request(`${ORIGIN}${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(method === 'POST' && { body: '{}' }) }));
        expect(response.status).toBe(404);
      }
    } finally {
      await production.close();
    }
  });
});
