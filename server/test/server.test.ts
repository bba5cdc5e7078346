/**
 * The reference server in Node on PGlite in a temporary folder (or on PostgreSQL, in the
 * `server-postgres` project): sign in through Better Auth, use the account API, restart on the
 * same data and find it kept (the conformance kit runs in conformance.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otherCode, secretOfUri, totpCode } from '../../conformance/totp.js';
import { unzipSync, strFromU8 } from 'fflate';
import { cookieClient } from './client.js';
import { endpoints } from '../../src/api/endpoints.js';
import { createAccountServer, DEMO_EMAIL, DEMO_PASSWORD, type AccountServer } from '../src/index.js';
import { testBackend, testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
const API = `${ORIGIN}/api/account`;

let dir: string;
let server: AccountServer | undefined;

function start(): Promise<AccountServer> {
  // Behind one proxy: a request's X-Forwarded-For is where it came from. The export worker looks for
  // queued jobs when the server starts and then only hourly, so a job requested in a test stays queued
  // until the next start builds it (the test of the export restarts the server for that).
  return createAccountServer({ ...testStorage(dir), baseUrl: ORIGIN, development: true, seedDemo: true, trustProxy: 1, exportPollMs: 3_600_000 });
}

/** A browser-like client: keeps the cookies the server sets. */
const client = (target: () => AccountServer) => cookieClient(target, ORIGIN);

async function signIn(fetch: ReturnType<typeof client>, password = DEMO_PASSWORD): Promise<Response> {
  return fetch(`${ORIGIN}/api/auth/sign-in/email`, { method: 'POST', body: JSON.stringify({ email: DEMO_EMAIL, password }) });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dn-account-server-'));
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the reference server', () => {
  it('signs the demo user in through Better Auth and answers the account API by the contract', async () => {
    server = await start();
    // PGlite in the `server` project, PostgreSQL in `server-postgres`.
    expect(server.database.kind).toBe(testBackend());
    const fetch = client(() => server!);

    expect((await fetch(`${API}/profile`)).status).toBe(401);
    expect((await signIn(fetch, 'wrong-password')).status).toBe(401);
    const signed = await signIn(fetch);
    expect(signed.status).toBe(200);
    expect(signed.headers.getSetCookie().join('\n')).toMatch(/HttpOnly/i);

    const profile = endpoints.getProfile.response.parse(await (await fetch(`${API}/profile`)).json());
    expect(profile).toMatchObject({ email: DEMO_EMAIL, displayName: 'Amira Haddad', role: 'owner', timezone: 'Europe/Berlin' });

    const patched = await fetch(`${API}/profile`, { method: 'PATCH', body: JSON.stringify({ displayName: '  Amira H.  ', company: 'Fjord Dialers' }) });
    expect(endpoints.updateProfile.response.parse(await patched.json())).toMatchObject({ displayName: 'Amira H.', company: 'Fjord Dialers' });

    const invalid = await fetch(`${API}/profile`, { method: 'PATCH', body: JSON.stringify({ displayName: 'x' }) });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await invalid.json()).toMatchObject({ type: 'urn:dialnexa:problem:validation', errors: [{ field: 'displayName' }] });

    const prefs = await fetch(`${API}/preferences`, { method: 'PATCH', body: JSON.stringify({ theme: 'dark' }) });
    expect(await prefs.json()).toEqual({ theme: 'dark', density: 'comfortable', dateFormat: 'auto', timeFormat: 'auto' });

    const locked = await fetch(`${API}/notifications`, { method: 'PATCH', body: JSON.stringify({ changes: [{ typeId: 'security-alerts', channelId: 'email', enabled: false }] }) });
    expect(locked.status).toBe(422);
    const notifications = await fetch(`${API}/notifications`, { method: 'PATCH', body: JSON.stringify({ changes: [{ typeId: 'marketing-emails', channelId: 'email', enabled: true }] }) });
    expect(endpoints.updateNotificationPreferences.response.parse(await notifications.json()).values['marketing-emails']).toEqual({ email: true, 'in-app': false });

    const billing = endpoints.getBillingSummary.response.parse(await (await fetch(`${API}/billing`)).json());
    expect(billing.plan).toMatchObject({ id: 'growth', free: false });

    // A second device signs in; the first revokes it and the second is signed out.
    const other = client(() => server!);
    await signIn(other);
    const sessions = endpoints.listSessions.response.parse(await (await fetch(`${API}/sessions`)).json());
    const second = sessions.items.find((s) => !s.current);
    expect(sessions.items.filter((s) => s.current)).toHaveLength(1);
    expect(second).toBeDefined();
    const revoked = await fetch(`${API}/sessions/${second!.id}`, { method: 'DELETE' });
    expect(await revoked.json()).toEqual({ revoked: 1 });
    expect((await other(`${API}/profile`)).status).toBe(401);

    // Wrong current password: a field error where the element shows it.
    const wrong = await fetch(`${API}/password`, { method: 'POST', body: JSON.stringify({ currentPassword: 'nope', newPassword: 'Another#Pass2027' }) });
    expect(await wrong.json()).toMatchObject({ type: 'urn:dialnexa:problem:invalid-credentials', errors: [{ field: 'currentPassword' }] });
  });

  it('keeps everything after a restart on the same data', async () => {
    await server?.close();
    server = await start();
    const fetch = client(() => server!);
    expect((await signIn(fetch)).status).toBe(200);
    expect(await (await fetch(`${API}/profile`)).json()).toMatchObject({ displayName: 'Amira H.', company: 'Fjord Dialers' });
    expect(await (await fetch(`${API}/preferences`)).json()).toMatchObject({ theme: 'dark' });
  });

  it('turns 2FA on, asks for it at sign-in through the plugin, refuses a used code and trusts a device', async () => {
    const fetch = client(() => server!);
    expect((await signIn(fetch)).status).toBe(200);
    const setup = endpoints.startTwoFactorSetup.response.parse(await (await fetch(`${API}/two-factor/setup`, { method: 'POST' })).json());
    expect(secretOfUri(setup.otpauthUri)).toBe(setup.secret);
    const wrong = await fetch(`${API}/two-factor/setup/verify`, { method: 'POST', body: JSON.stringify({ setupId: setup.setupId, code: otherCode(totpCode(setup.secret)) }) });
    expect(await wrong.json()).toMatchObject({ type: 'urn:dialnexa:problem:invalid-code', errors: [{ field: 'code' }] });
    const code = totpCode(setup.secret);
    const enabled = endpoints.verifyTwoFactorSetup.response.parse(await (await fetch(`${API}/two-factor/setup/verify`, { method: 'POST', body: JSON.stringify({ setupId: setup.setupId, code }) })).json());
    expect(enabled.status).toMatchObject({ enabled: true, backupCodesRemaining: 10 });
    expect(enabled.backupCodes.codes[0]).toMatch(/^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/);
    // The code that turned 2FA on cannot confirm the user again.
    expect(await (await fetch(`${API}/reauth`, { method: 'POST', body: JSON.stringify({ method: 'totp', code }) })).json()).toMatchObject({ type: 'urn:dialnexa:problem:code-reused' });

    // A new device: the password alone gives a challenge, no session.
    const phone = client(() => server!);
    const first = await signIn(phone);
    const { challengeId } = (await first.json()) as { challengeId: string };
    expect(challengeId).toBeTruthy();
    expect((await phone(`${API}/profile`)).status).toBe(401);
    const reused = await phone(`${API}/two-factor/challenge`, { method: 'POST', body: JSON.stringify({ challengeId, method: 'totp', code, trustDevice: true }) });
    expect(await reused.json()).toMatchObject({ type: 'urn:dialnexa:problem:code-reused' });
    const next = totpCode(setup.secret, { timestamp: Date.now() + 30_000 });
    const passed = await phone(`${API}/two-factor/challenge`, { method: 'POST', body: JSON.stringify({ challengeId, method: 'totp', code: next, trustDevice: true }) });
    expect(passed.status).toBe(200);
    const result = endpoints.verifyTwoFactorChallenge.response.parse(await passed.json());
    expect(result.trustedDevice).toMatchObject({ current: true });
    expect(passed.headers.getSetCookie().join('\n')).toMatch(/trust_device=.*HttpOnly/i);
    expect((await phone(`${API}/profile`)).status).toBe(200);
    // The trusted device signs in again without the second factor.
    const again = await signIn(phone);
    expect(await again.json()).toMatchObject({ user: { email: DEMO_EMAIL } });
    // It is listed (as this device on the phone, not on the first client), renewed by that sign-in; revoked, the next sign-in asks again.
    const listed = endpoints.listTrustedDevices.response.parse(await (await phone(`${API}/trusted-devices`)).json());
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ id: result.trustedDevice!.id, current: true });
    expect(endpoints.listTrustedDevices.response.parse(await (await fetch(`${API}/trusted-devices`)).json()).items[0]?.current).toBe(false);
    expect(await (await fetch(`${API}/trusted-devices/${listed.items[0]!.id}`, { method: 'DELETE' })).json()).toEqual({ revoked: 1 });
    expect((await fetch(`${API}/trusted-devices/${listed.items[0]!.id}`, { method: 'DELETE' })).status).toBe(404);
    expect(await (await signIn(phone)).json()).toMatchObject({ twoFactorRedirect: true });

    // A backup code signs in once, through the plugin.
    const laptop = client(() => server!);
    const backup = enabled.backupCodes.codes[0]!;
    const challenge = async () => ((await (await signIn(laptop)).json()) as { challengeId: string }).challengeId;
    const byBackup = await laptop(`${API}/two-factor/challenge`, { method: 'POST', body: JSON.stringify({ challengeId: await challenge(), method: 'backup', code: backup, trustDevice: false }) });
    expect(endpoints.verifyTwoFactorChallenge.response.parse(await byBackup.json())).toMatchObject({ backupCodesRemaining: 9, trustedDevice: null });
    const twice = await laptop(`${API}/two-factor/challenge`, { method: 'POST', body: JSON.stringify({ challengeId: await challenge(), method: 'backup', code: backup, trustDevice: false }) });
    expect(twice.status).toBe(422);

    const off = await fetch(`${API}/two-factor/disable`, { method: 'POST', body: JSON.stringify({ method: 'password', password: DEMO_PASSWORD }) });
    expect(endpoints.disableTwoFactor.response.parse(await off.json())).toMatchObject({ enabled: false });
  });

  it('records every sign-in attempt with its device and pages them by cursor', async () => {
    const fetch = client(() => server!);
    const agent = { 'User-Agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1', 'X-Forwarded-For': '203.0.113.7' };
    for (const password of ['wrong-1', 'wrong-2', DEMO_PASSWORD]) {
      await fetch(`${ORIGIN}/api/auth/sign-in/email`, { method: 'POST', headers: agent, body: JSON.stringify({ email: DEMO_EMAIL, password }) });
    }
    const all = endpoints.listLoginActivity.response.parse(await (await fetch(`${API}/login-activity?limit=200`)).json());
    expect(all.items.slice(0, 3)).toMatchObject([
      { success: true, failureReason: null, deviceType: 'mobile', browser: 'Safari 17.4', os: 'iOS 17.4', ip: '203.0.113.7' },
      { success: false, failureReason: 'wrong-password' },
      { success: false, failureReason: 'wrong-password' },
    ]);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = endpoints.listLoginActivity.response.parse(await (await fetch(`${API}/login-activity?limit=2${query}`)).json());
      walked.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all.items.map((i) => i.id));
    const failed = endpoints.listLoginActivity.response.parse(await (await fetch(`${API}/login-activity?status=failed`)).json());
    expect(failed.items.length).toBeGreaterThanOrEqual(2);
    expect(failed.items.every((i) => !i.success)).toBe(true);
    expect((await fetch(`${API}/login-activity?cursor=nonsense`)).status).toBe(422);
  });

  it('stores an avatar by its content, at most 2 MB, and serves it with its type and nosniff', async () => {
    const fetch = client(() => server!);
    await signIn(fetch);
    const put = (body: Uint8Array<ArrayBuffer>, type: string) => fetch(`${API}/profile/avatar`, { method: 'PUT', headers: { 'Content-Type': type }, body });
    // A 1×1 PNG, declared as a GIF: stored as what it is.
    const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
    const stored = endpoints.uploadAvatar.response.parse(await (await put(png, 'image/gif')).json());
    expect(stored.avatarUrl).toMatch(new RegExp(`^${API}/avatars/`));
    const served = await server!.fetch(new Request(stored.avatarUrl!));
    expect(served.headers.get('Content-Type')).toBe('image/png');
    expect(served.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);

    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await (await put(svg, 'image/png')).json()).toMatchObject({ status: 415, type: 'urn:dialnexa:problem:unsupported-media-type' });
    const large = new Uint8Array(2 * 1024 * 1024 + 1);
    large.set(png);
    expect(await (await put(large, 'image/png')).json()).toMatchObject({ status: 413, type: 'urn:dialnexa:problem:payload-too-large' });

    const removed = endpoints.removeAvatar.response.parse(await (await fetch(`${API}/profile/avatar`, { method: 'DELETE' })).json());
    expect(removed.avatarUrl).toBeNull();
    expect((await server!.fetch(new Request(stored.avatarUrl!))).status).toBe(404);
  });

  it('builds the data export in the background, as a ZIP behind an expiring link, and picks up queued jobs after a restart', async () => {
    let fetch = client(() => server!);
    await signIn(fetch);
    const started = endpoints.requestDataExport.response.parse(await (await fetch(`${API}/data-export`, { method: 'POST' })).json());
    expect(started.job).toMatchObject({ status: 'queued', progress: 0, downloadUrl: null });
    const second = await fetch(`${API}/data-export`, { method: 'POST' });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ type: 'urn:dialnexa:problem:export-in-progress' });

    // Stopped while the job waits: the next process builds it.
    await server!.close();
    server = await start();
    fetch = client(() => server!);
    await signIn(fetch);
    let job = started.job!;
    for (let i = 0; i < 100 && (job.status === 'queued' || job.status === 'running'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = endpoints.getDataExport.response.parse(await (await fetch(`${API}/data-export`)).json()).job!;
    }
    expect(job).toMatchObject({ id: started.job!.id, status: 'ready', progress: 100, mediaType: 'application/zip' });
    expect(Date.parse(job.expiresAt!) - Date.parse(job.readyAt!)).toBe(7 * 24 * 60 * 60_000);
    expect(job.downloadUrl).toMatch(new RegExp(`^${API}/data-export/download/[A-Za-z0-9_-]{43}$`));

    const download = await fetch(job.downloadUrl!);
    expect(download.status).toBe(200);
    expect(download.headers.get('Content-Type')).toBe('application/zip');
    expect(download.headers.get('Content-Disposition')).toMatch(/^attachment; filename="dialnexa-account-\d{4}-\d{2}-\d{2}\.zip"$/);
    expect(download.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const files = unzipSync(new Uint8Array(await download.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'connected-accounts.json', 'profile.json', 'sessions.json', 'settings.json', 'sign-in-history.json', 'trusted-devices.json']);
    expect(JSON.parse(strFromU8(files['profile.json']!))).toMatchObject({ email: DEMO_EMAIL, displayName: 'Amira H.' });
    expect(JSON.parse(strFromU8(files['settings.json']!))).toMatchObject({ preferences: { theme: 'dark' } });
    expect(JSON.parse(strFromU8(files['sign-in-history.json']!)).length).toBeGreaterThan(3);

    // Only the token's hash is stored; another user's session (none here) or a made-up token gets nothing.
    const token = job.downloadUrl!.split('/').pop()!;
    const links = await server!.database.db.selectFrom('dn_export_link').select('token_hash').execute();
    expect(links.map((l) => l.token_hash)).not.toContain(token);
    expect((await client(() => server!)(job.downloadUrl!)).status).toBe(401);
    expect((await fetch(`${API}/data-export/download/${'x'.repeat(43)}`)).status).toBe(404);

    // Past its expiry the archive is gone and the job says so.
    await server!.database.db.updateTable('dn_export').set({ expires_at: new Date(Date.now() - 1000) }).execute();
    expect(endpoints.getDataExport.response.parse(await (await fetch(`${API}/data-export`)).json()).job).toMatchObject({ status: 'expired', downloadUrl: null });
    expect((await fetch(job.downloadUrl!)).status).toBe(404);
  });

  it('lists connected accounts, connects one through the development provider and disconnects it', async () => {
    const fetch = client(() => server!);
    await signIn(fetch);
    const listed = endpoints.listConnectedAccounts.response.parse(await (await fetch(`${API}/connected-accounts`)).json());
    expect(listed.passwordSignIn).toBe(true);
    expect(listed.items.map((i) => [i.provider, i.connected])).toEqual([['google', true], ['microsoft', false], ['github', false]]);
    const outside = await fetch(`${API}/connected-accounts/github/connect`, { method: 'POST', body: JSON.stringify({ redirectUri: 'https://evil.example/', mode: 'redirect' }) });
    expect(outside.status).toBe(422);
    const start = endpoints.connectAccount.response.parse(await (await fetch(`${API}/connected-accounts/github/connect`, { method: 'POST', body: JSON.stringify({ redirectUri: `${ORIGIN}/settings`, mode: 'redirect' }) })).json());
    expect((await fetch(start.authorizationUrl)).headers.get('Content-Type')).toMatch(/text\/html/);
    const state = new URL(start.authorizationUrl).searchParams.get('state')!;
    const allow = () => fetch(start.authorizationUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ state, decision: 'allow' }).toString() });
    const back = await allow();
    expect(back.status).toBe(303);
    expect(back.headers.get('Location')).toBe(`${ORIGIN}/settings?connected=github`);
    expect((await allow()).status).toBe(400);
    const after = endpoints.listConnectedAccounts.response.parse(await (await fetch(`${API}/connected-accounts`)).json());
    expect(after.items.find((i) => i.provider === 'github')).toMatchObject({ connected: true, email: DEMO_EMAIL });
    const gone = endpoints.disconnectAccount.response.parse(await (await fetch(`${API}/connected-accounts/github`, { method: 'DELETE' })).json());
    expect(gone.items.find((i) => i.provider === 'github')?.connected).toBe(false);
    expect((await fetch(`${API}/connected-accounts/github`, { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses to delete an owner of a workspace with members, then deletes the account and every row of it', async () => {
    const email = 'leaving@northwind-calls.example';
    const password = 'Leaving#2026pass';
    const { user } = await server!.auth.api.signUpEmail({ body: { email, password, name: 'Leaving User' } });
    const db = server!.database.db;
    await db.insertInto('dn_workspace').values([{ id: 'wsp_team', name: 'Team' }, { id: 'wsp_solo', name: 'Solo' }]).execute();
    await db
      .insertInto('dn_workspace_member')
      .values([
        { workspace_id: 'wsp_team', email, user_id: user.id, role: 'owner' },
        { workspace_id: 'wsp_team', email: 'a@northwind-calls.example', user_id: null, role: 'member' },
        { workspace_id: 'wsp_team', email: 'b@northwind-calls.example', user_id: null, role: 'admin' },
        { workspace_id: 'wsp_solo', email, user_id: user.id, role: 'owner' },
        { workspace_id: 'wsp_fjord', email, user_id: user.id, role: 'member' },
      ])
      .execute();
    await db.insertInto('dn_usage').values({ user_id: user.id, agents: 3, phone_numbers: 1, recordings: 40, transcripts: 38, wallet_amount: 12.5, wallet_currency: 'EUR' }).execute();
    const fetch = client(() => server!);
    expect((await fetch(`${ORIGIN}/api/auth/sign-in/email`, { method: 'POST', body: JSON.stringify({ email, password }) })).status).toBe(200);
    await fetch(`${API}/data-export`, { method: 'POST' });

    const info = endpoints.getAccountDeletion.response.parse(await (await fetch(`${API}/deletion`)).json());
    expect(info).toMatchObject({ email, agents: 3, phoneNumbers: 1, recordings: 40, transcripts: 38, walletBalance: { amount: 12.5, currency: 'EUR' } });
    expect(info.blockingWorkspaces).toEqual([{ id: 'wsp_team', name: 'Team', memberCount: 3, role: 'owner' }]);

    const wrong = await fetch(`${API}/deletion`, { method: 'POST', body: JSON.stringify({ email, password: 'not-it' }) });
    expect(await wrong.json()).toMatchObject({ status: 422, type: 'urn:dialnexa:problem:invalid-credentials', errors: [{ field: 'password' }] });
    const other = await fetch(`${API}/deletion`, { method: 'POST', body: JSON.stringify({ email: 'someone@example.com', password }) });
    expect(await other.json()).toMatchObject({ status: 422, errors: [{ field: 'email' }] });
    const blocked = await fetch(`${API}/deletion`, { method: 'POST', body: JSON.stringify({ email, password }) });
    expect(blocked.status).toBe(409);
    expect(await blocked.json()).toMatchObject({ type: 'urn:dialnexa:problem:workspace-owner', workspaces: [{ id: 'wsp_team' }] });

    // The colleagues leave the workspace (the host's own screens do that); now it goes.
    await db.deleteFrom('dn_workspace_member').where('workspace_id', '=', 'wsp_team').where('email', '!=', email).execute();
    const deleted = await fetch(`${API}/deletion`, { method: 'POST', body: JSON.stringify({ email: email.toUpperCase(), password }) });
    expect(deleted.status).toBe(200);
    endpoints.deleteAccount.response.parse(await deleted.json());
    expect(deleted.headers.getSetCookie().join('\n')).toMatch(/session_token=;/);
    expect((await fetch(`${API}/profile`)).status).toBe(401);
    expect((await fetch(`${ORIGIN}/api/auth/sign-in/email`, { method: 'POST', body: JSON.stringify({ email, password }) })).status).toBe(401);

    for (const table of ['user', 'session', 'account'] as const) {
      expect(await db.selectFrom(table).select('id').where(table === 'user' ? 'id' : 'userId', '=', user.id).execute(), table).toEqual([]);
    }
    for (const table of ['dn_usage', 'dn_workspace_member', 'dn_export', 'dn_login_attempt'] as const) {
      expect(await db.selectFrom(table).select('user_id').where('user_id', '=', user.id).execute(), table).toEqual([]);
    }
    // Its own workspaces went with it; the partner's stays, 14 members again; the demo user is untouched.
    expect((await db.selectFrom('dn_workspace').select('id').execute()).map((w) => w.id).sort()).toEqual(['wsp_fjord', 'wsp_northwind', 'wsp_sandbox']);
    expect(await db.selectFrom('dn_workspace_member').select('email').where('workspace_id', '=', 'wsp_fjord').execute()).toHaveLength(14);
    expect((await db.selectFrom('user').select('email').execute()).map((u) => u.email)).toEqual([DEMO_EMAIL]);
  });
});
