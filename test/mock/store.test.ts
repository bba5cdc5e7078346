import { expect } from '@open-wc/testing';
import { MOCK_PASSWORD, MOCK_TOTP_SECRET, NOTIFICATION_CATALOG } from '../../mock/seed.js';
import { describeUserAgent, MockStore, sniffImageType } from '../../mock/index.js';
import { timeStep, totp } from '../../mock/totp.js';
import { assertResponse, canvasImage, fakeClock, fieldsOf, PNG_1X1, pngOfSize, problemOf, SVG_BYTES } from './helpers.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('MockStore seed data', () => {
  it('is Amira Haddad, owner at Northwind Calls, in Berlin', () => {
    const store = new MockStore();
    const profile = store.getProfile();
    assertResponse('getProfile', profile);
    expect(profile).to.include({
      displayName: 'Amira Haddad',
      email: 'amira@northwind-calls.example',
      role: 'owner',
      timezone: 'Europe/Berlin',
      language: 'en',
      company: 'Northwind Calls',
      avatarUrl: null,
    });
    expect(profile.bio).to.be.a('string').and.have.length.greaterThan(20);
    expect(profile.phone).to.match(/^\+49/);
  });

  it('has ~6 sessions with the current one first, varied devices, and one without a location', () => {
    const { items } = new MockStore().listSessions();
    assertResponse('listSessions', { items });
    expect(items).to.have.length(6);
    expect(items[0]?.current).to.equal(true);
    expect(items.filter((x) => x.current)).to.have.length(1);
    expect(new Set(items.map((x) => x.browser)).size).to.be.greaterThan(3);
    expect([...new Set(items.map((x) => x.deviceType))]).to.include.members(['desktop', 'mobile', 'tablet']);
    expect(items.some((x) => x.location === null)).to.equal(true);
    expect(items.some((x) => x.ip.includes(':'))).to.equal(true, 'an IPv6 address');
    const rest = items.slice(1).map((x) => Date.parse(x.lastActiveAt));
    expect(rest).to.deep.equal([...rest].sort((a, b) => b - a));
  });

  it('has 300 login attempts, newest first, with failures of every reason and a burst of failures', () => {
    const store = new MockStore();
    expect(store.counts.loginAttempts).to.equal(300);
    const all = store.listLoginActivity({ limit: 200 }).items.concat(
      store.listLoginActivity({ limit: 200, cursor: store.listLoginActivity({ limit: 200 }).nextCursor ?? undefined }).items,
    );
    expect(all).to.have.length(300);
    const times = all.map((x) => Date.parse(x.at));
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    const reasons = new Set(all.filter((x) => !x.success).map((x) => x.failureReason));
    expect([...reasons]).to.include.members(['wrong-password', 'wrong-2fa-code', 'blocked']);
    let longest = 0;
    let run = 0;
    for (const attempt of all) {
      run = attempt.success ? 0 : run + 1;
      longest = Math.max(longest, run);
      if (attempt.success) expect(attempt.failureReason).to.equal(null);
    }
    expect(longest).to.be.at.least(5);
    expect(all[0]?.success).to.equal(true);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const clock = fakeClock();
    const a = new MockStore({ now: clock.now, seed: 42, sessions: 50 }).listSessions();
    const b = new MockStore({ now: clock.now, seed: 42, sessions: 50 }).listSessions();
    const c = new MockStore({ now: clock.now, seed: 43, sessions: 50 }).listSessions();
    expect(a).to.deep.equal(b);
    expect(a).not.to.deep.equal(c);
  });

  it('carries the notification catalog of both product documents, with security alerts locked on', () => {
    const prefs = new MockStore().getNotificationPreferences();
    assertResponse('getNotificationPreferences', prefs);
    expect(prefs.channels.map((c) => c.id)).to.deep.equal(['email', 'in-app']);
    const labels = prefs.types.map((t) => t.label);
    expect(labels).to.include.members([
      'Low wallet balance',
      'Auto-recharge triggered',
      'Call campaign completed',
      'Agent error rate alert',
      'New team member joined',
      'Platform status updates',
      'Monthly usage summary',
      'Security alerts',
      'Call alerts',
      'Campaign updates',
      'Integration alerts',
      'Billing notifications',
      'Product updates',
      'Marketing emails',
    ]);
    expect(prefs.groups.map((g) => g.label)).to.include.members(['Calls & campaigns', 'Wallet & billing', 'Workspace', 'Platform', 'Security']);
    for (const type of prefs.types) expect(prefs.groups.some((g) => g.id === type.groupId)).to.equal(true, type.id);
    const security = prefs.types.find((t) => t.id === 'security-alerts');
    expect(security?.locked).to.deep.equal({
      email: 'Security alerts are always sent by email and in-app.',
      'in-app': 'Security alerts are always sent by email and in-app.',
    });
    expect(prefs.values['team-member-joined']?.['email']).to.equal(false);
    expect(prefs.values['agent-error-rate']?.['email']).to.equal(true);
    expect(prefs.types.find((t) => t.id === 'agent-error-rate')?.description).to.contain('10%');
  });

  it('has Google connected, Growth billing with a Visa ending 4242, system preferences, analytics on, no export', () => {
    const store = new MockStore();
    const accounts = store.listConnectedAccounts();
    assertResponse('listConnectedAccounts', accounts);
    expect(accounts.passwordSignIn).to.equal(true);
    expect(accounts.items.map((a) => [a.provider, a.connected])).to.deep.equal([
      ['google', true],
      ['microsoft', false],
      ['github', false],
    ]);
    expect(accounts.items[0]?.email).to.equal('amira@northwind-calls.example');
    const billing = store.getBillingSummary();
    assertResponse('getBillingSummary', billing);
    expect(billing.plan.name).to.equal('Growth');
    expect(billing.plan.price?.interval).to.equal('month');
    expect(billing.paymentMethod).to.include({ brand: 'Visa', last4: '4242' });
    expect(Date.parse(billing.nextRenewalAt ?? '')).to.be.greaterThan(Date.now());
    expect(store.getPreferences()).to.deep.equal({ theme: 'system', density: 'comfortable', dateFormat: 'auto', timeFormat: 'auto' });
    expect(store.getPrivacySettings()).to.deep.equal({ analyticsEnabled: true });
    expect(store.getDataExport()).to.deep.equal({ job: null });
    const free = new MockStore({ plan: 'free' }).getBillingSummary();
    assertResponse('getBillingSummary', free);
    expect(free).to.deep.include({ paymentMethod: null, nextRenewalAt: null });
  });

  it('generates 10,000 sessions and 50,000 login attempts quickly (attempts lazily)', () => {
    new MockStore({ sessions: 1000, loginAttempts: 5000 }).listLoginActivity({ limit: 200 }); // warm up the JIT
    let started = performance.now();
    const sessionsStore = new MockStore({ sessions: 10_000, loginAttempts: 0 });
    const sessionsMs = performance.now() - started;
    started = performance.now();
    const store = new MockStore({ sessions: 1, loginAttempts: 50_000 });
    const attemptsMs = performance.now() - started;
    started = performance.now();
    const first = store.listLoginActivity();
    const firstPageMs = performance.now() - started;
    started = performance.now();
    const ids = new Set<string>();
    let cursor: string | undefined;
    let previous = Infinity;
    do {
      const page = store.listLoginActivity({ limit: 200, cursor });
      for (const item of page.items) {
        ids.add(item.id);
        const at = Date.parse(item.at);
        if (at > previous) throw new Error('not newest first');
        previous = at;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const allPagesMs = performance.now() - started;
    started = performance.now();
    const sessions = sessionsStore.listSessions();
    const listSessionsMs = performance.now() - started;
    // eslint-disable-next-line no-console -- the measurement is the point
    console.log(
      `[mock] seed 10,000 sessions ${sessionsMs.toFixed(1)} ms, list them ${listSessionsMs.toFixed(1)} ms; ` +
        `seed 50,000 login attempts ${attemptsMs.toFixed(1)} ms, first page ${firstPageMs.toFixed(1)} ms, all 250 pages of 200 ${allPagesMs.toFixed(1)} ms`,
    );
    expect(sessions.items).to.have.length(10_000);
    expect(new Set(sessions.items.map((x) => x.id)).size).to.equal(10_000);
    expect(store.counts.loginAttempts).to.equal(50_000);
    expect(first.items).to.have.length(50);
    expect(ids.size).to.equal(50_000);
    const failed = store.listLoginActivity({ limit: 200, status: 'failed' });
    expect(failed.items).to.have.length(200);
    expect(failed.items.every((x) => !x.success)).to.equal(true);
    assertResponse('listSessions', sessions);
    assertResponse('listLoginActivity', failed);
  });
});

describe('MockStore device of a User-Agent', () => {
  it('tells an Android tablet (no "Mobile") from an Android phone', () => {
    const tablet = 'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
    const phone = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
    expect(describeUserAgent(tablet)).to.include({ deviceType: 'tablet', os: 'Android' });
    expect(describeUserAgent(phone)).to.include({ deviceType: 'mobile', os: 'Android' });
  });
});

describe('MockStore re-authentication', () => {
  it('when-stale: refuses sensitive requests until a reauth, which lasts 10 minutes', async () => {
    const clock = fakeClock();
    const store = new MockStore({ now: clock.now });
    const refused = await problemOf(() => store.assertReauthenticated());
    expect(refused.status).to.equal(403);
    expect(refused.code).to.equal('reauth-required');
    expect(refused.toJSON()['methods']).to.deep.equal(['password']);

    const wrong = await problemOf(() => store.reauthenticate({ method: 'password', password: 'nope' }));
    expect([wrong.status, wrong.code]).to.deep.equal([422, 'invalid-credentials']);
    expect(fieldsOf(wrong)).to.have.property('password');

    const result = await store.reauthenticate({ method: 'password', password: MOCK_PASSWORD });
    expect(Date.parse(result.reauthenticatedUntil)).to.equal(clock.now() + 10 * MINUTE);
    store.assertReauthenticated();
    clock.advance(9 * MINUTE);
    store.assertReauthenticated();
    clock.advance(2 * MINUTE);
    expect((await problemOf(() => store.assertReauthenticated())).code).to.equal('reauth-required');
  });

  it('never: does not ask; always: one reauth per sensitive request', async () => {
    new MockStore({ reauth: 'never' }).assertReauthenticated();
    const store = new MockStore({ reauth: 'always' });
    await problemOf(() => store.assertReauthenticated());
    await store.reauthenticate({ method: 'password', password: MOCK_PASSWORD });
    store.assertReauthenticated();
    store.assertReauthenticated(); // not consumed until the request succeeds
    store.consumeReauth();
    expect((await problemOf(() => store.assertReauthenticated())).code).to.equal('reauth-required');
  });

  it('accepts a TOTP code when 2FA is on, once per time step', async () => {
    const clock = fakeClock();
    const store = new MockStore({ now: clock.now, twoFactorEnabled: true });
    expect((await problemOf(() => store.assertReauthenticated())).toJSON()['methods']).to.deep.equal(['password', 'totp']);
    expect(store.twoFactorSecret()).to.equal(MOCK_TOTP_SECRET);
    const code = await totp(MOCK_TOTP_SECRET, clock.now());
    await store.reauthenticate({ method: 'totp', code });
    const replay = await problemOf(() => store.reauthenticate({ method: 'totp', code }));
    expect([replay.status, replay.code]).to.deep.equal([422, 'code-reused']);
    const wrong = await problemOf(() => store.reauthenticate({ method: 'totp', code: code === '000000' ? '111111' : '000000' }));
    expect([wrong.code, Object.keys(fieldsOf(wrong))]).to.deep.equal(['invalid-credentials', ['code']]);
    clock.advance(30_000);
    await store.reauthenticate({ method: 'totp', code: await store.currentTotp() });
  });
});

describe('MockStore profile and avatar', () => {
  it('updates fields, clears with null, moves updatedAt and validates the time zone', async () => {
    const clock = fakeClock();
    const store = new MockStore({ now: clock.now });
    clock.advance(5000);
    const updated = store.updateProfile({ displayName: 'Amira H.', company: null, bio: null, phone: null, timezone: 'Asia/Dubai', language: 'ar' });
    assertResponse('updateProfile', updated);
    expect(updated).to.include({ displayName: 'Amira H.', company: null, bio: null, phone: null, timezone: 'Asia/Dubai', language: 'ar' });
    expect(Date.parse(updated.updatedAt)).to.equal(clock.now());
    const bad = await problemOf(() => store.updateProfile({ timezone: 'Mars/Olympus_Mons' }));
    expect([bad.status, bad.code]).to.deep.equal([422, 'validation']);
    expect(fieldsOf(bad)).to.have.property('timezone');
    expect(store.getProfile().timezone).to.equal('Asia/Dubai');
  });

  it('recognises images by their bytes', async () => {
    expect(sniffImageType(PNG_1X1)).to.equal('image/png');
    expect(sniffImageType(await canvasImage('image/jpeg'))).to.equal('image/jpeg');
    expect(sniffImageType(await canvasImage('image/webp'))).to.equal('image/webp');
    expect(sniffImageType(SVG_BYTES)).to.equal(null);
    expect(sniffImageType(new TextEncoder().encode('GIF89a'))).to.equal(null);
    expect(sniffImageType(new Uint8Array(0))).to.equal(null);
  });

  it('stores an avatar as a data URL and refuses other content or more than 2 MB', async () => {
    const store = new MockStore();
    const jpeg = await canvasImage('image/jpeg');
    const profile = store.uploadAvatar(jpeg);
    expect(profile.avatarUrl).to.match(/^data:image\/jpeg;base64,\/9j\//);
    expect(store.uploadAvatar(pngOfSize(2 * 1024 * 1024)).avatarUrl).to.match(/^data:image\/png;base64,/);
    expect(store.uploadAvatar(await canvasImage('image/webp')).avatarUrl).to.match(/^data:image\/webp;base64,/);
    const tooBig = await problemOf(() => store.uploadAvatar(pngOfSize(2 * 1024 * 1024 + 1)));
    expect([tooBig.status, tooBig.code]).to.deep.equal([413, 'payload-too-large']);
    const svg = await problemOf(() => store.uploadAvatar(SVG_BYTES));
    expect([svg.status, svg.code]).to.deep.equal([415, 'unsupported-media-type']);
    expect(store.removeAvatar().avatarUrl).to.equal(null);
  });

  it('refuses bytes that only start like an image', async () => {
    const store = new MockStore();
    const script = new TextEncoder().encode('<script>alert(document.domain)</script>');
    const fakes = {
      png: [...PNG_1X1.slice(0, 8), ...script],
      'png-without-image-data': [...PNG_1X1.slice(0, 33), ...PNG_1X1.slice(-12)],
      jpeg: [0xff, 0xd8, 0xff, 0xe0, ...script],
      webp: [...new TextEncoder().encode('RIFF\x20\x00\x00\x00WEBP'), ...script],
    };
    for (const [name, bytes] of Object.entries(fakes)) {
      expect(sniffImageType(Uint8Array.from(bytes)), name).not.to.equal(null);
      const problem = await problemOf(() => store.uploadAvatar(Uint8Array.from(bytes)));
      expect([problem.status, problem.code], name).to.deep.equal([415, 'unsupported-media-type']);
    }
    expect(store.getProfile().avatarUrl).to.equal(null);
  });
});

describe('MockStore email change', () => {
  it('goes pending for 24 hours, then the link changes the email once', async () => {
    const clock = fakeClock();
    const store = new MockStore({ now: clock.now });
    expect(store.getEmailChange()).to.deep.equal({ pending: null, passwordRequired: false });
    const state = store.requestEmailChange({ newEmail: 'amira.haddad@northwind-calls.example' });
    assertResponse('requestEmailChange', state);
    expect(state.pending?.newEmail).to.equal('amira.haddad@northwind-calls.example');
    expect(Date.parse(state.pending?.expiresAt ?? '') - clock.now()).to.equal(24 * HOUR);
    const token = store.lastEmailVerificationToken();
    expect(token).to.be.a('string');
    const profile = store.verifyEmailChange({ token: token ?? '' });
    expect(profile.email).to.equal('amira.haddad@northwind-calls.example');
    expect(store.getEmailChange().pending).to.equal(null);
    expect((await problemOf(() => store.verifyEmailChange({ token: token ?? '' }))).code).to.equal('token-used');
  });

  it('refuses a taken or identical address, and expired or replaced links', async () => {
    const clock = fakeClock();
    const store = new MockStore({ now: clock.now });
    const taken = await problemOf(() => store.requestEmailChange({ newEmail: 'taken@northwind-calls.example' }));
    expect([taken.status, taken.code]).to.deep.equal([409, 'email-taken']);
    expect(fieldsOf(taken)).to.have.property('newEmail');
    const same = await problemOf(() => store.requestEmailChange({ newEmail: 'AMIRA@northwind-calls.example' }));
    expect([same.status, Object.keys(fieldsOf(same))]).to.deep.equal([422, ['newEmail']]);

    store.requestEmailChange({ newEmail: 'new@northwind-calls.example' });
    const first = store.lastEmailVerificationToken() ?? '';
    clock.advance(HOUR);
    const resent = store.resendEmailChange();
    expect(Date.parse(resent.pending?.expiresAt ?? '') - clock.now()).to.equal(24 * HOUR);
    const second = store.lastEmailVerificationToken() ?? '';
    expect(second).not.to.equal(first);
    expect((await problemOf(() => store.verifyEmailChange({ token: first }))).code).to.equal('token-expired');
    clock.advance(24 * HOUR + 1);
    expect(store.getEmailChange().pending).to.equal(null);
    const expired = await problemOf(() => store.verifyEmailChange({ token: second }));
    expect([expired.status, expired.code]).to.deep.equal([410, 'token-expired']);
    expect(store.getProfile().email).to.equal('amira@northwind-calls.example');

    store.requestEmailChange({ newEmail: 'new@northwind-calls.example' });
    expect(store.cancelEmailChange().pending).to.equal(null);
    expect((await problemOf(() => store.resendEmailChange())).status).to.equal(409);
  });

  it('asks for the current password when configured', async () => {
    const store = new MockStore({ emailChangePasswordRequired: true });
    expect(store.getEmailChange().passwordRequired).to.equal(true);
    const missing = await problemOf(() => store.requestEmailChange({ newEmail: 'new@northwind-calls.example' }));
    expect([missing.status, missing.code, Object.keys(fieldsOf(missing))]).to.deep.equal([422, 'validation', ['currentPassword']]);
    const wrong = await problemOf(() => store.requestEmailChange({ newEmail: 'new@northwind-calls.example', currentPassword: 'guess' }));
    expect([wrong.status, wrong.code, Object.keys(fieldsOf(wrong))]).to.deep.equal([422, 'invalid-credentials', ['currentPassword']]);
    expect(store.requestEmailChange({ newEmail: 'new@northwind-calls.example', currentPassword: MOCK_PASSWORD }).pending).not.to.equal(null);
  });
});

describe('MockStore passwords', () => {
  it('serves the default or the NIST policy', () => {
    expect(new MockStore().getPasswordPolicy()).to.deep.equal({ minLength: 8, maxLength: 128, rules: ['number', 'special'] });
    const nist = new MockStore({ passwordPolicy: 'nist' }).getPasswordPolicy();
    assertResponse('getPasswordPolicy', nist);
    expect(nist).to.deep.equal({ minLength: 15, maxLength: 128, rules: [] });
  });

  it('checks the current password, the policy and the breached list, and never trims', async () => {
    const store = new MockStore();
    const wrong = await problemOf(() => store.changePassword({ currentPassword: 'nope', newPassword: 'Str0ng!pass' }));
    expect([wrong.status, wrong.code, Object.keys(fieldsOf(wrong))]).to.deep.equal([422, 'invalid-credentials', ['currentPassword']]);
    const weak = await problemOf(() => store.changePassword({ currentPassword: MOCK_PASSWORD, newPassword: 'short' }));
    expect([weak.status, weak.code]).to.deep.equal([422, 'validation']);
    const codes = ((weak.toJSON()['errors'] ?? []) as { code?: string }[]).map((e) => e.code);
    expect(codes).to.deep.equal(['too-short', 'number', 'special']);
    const breached = await problemOf(() => store.changePassword({ currentPassword: MOCK_PASSWORD, newPassword: 'Password1!' }));
    expect([breached.status, breached.code, Object.keys(fieldsOf(breached))]).to.deep.equal([422, 'password-rejected', ['newPassword']]);
    expect(fieldsOf(breached)['newPassword']).to.contain('breach');

    const long = `  ${'correct horse battery staple 7! '.repeat(3)}  `; // 100 characters with spaces at both ends
    expect(long.length).to.be.greaterThan(64);
    const result = store.changePassword({ currentPassword: MOCK_PASSWORD, newPassword: long });
    assertResponse('changePassword', result);
    expect(result.otherSessions).to.equal(5);
    expect(store.currentPassword()).to.equal(long);
    await problemOf(() => store.reauthenticate({ method: 'password', password: long.trim() }));
    await store.reauthenticate({ method: 'password', password: long });
  });

  it('counts an emoji as one character (NIST)', async () => {
    const store = new MockStore({ passwordPolicy: 'nist' });
    const fourteenEmoji = '🔐'.repeat(14);
    expect(fourteenEmoji.length).to.equal(28);
    expect((await problemOf(() => store.changePassword({ currentPassword: MOCK_PASSWORD, newPassword: fourteenEmoji }))).code).to.equal('validation');
    store.changePassword({ currentPassword: MOCK_PASSWORD, newPassword: '🔐'.repeat(15) });
  });

  it('resets with a 1-hour single-use token, and answers the same for unknown addresses', async () => {
    const clock = fakeClock();
    const store = new MockStore({ now: clock.now });
    const unknown = store.requestPasswordReset({ email: 'nobody@example.com' });
    expect(store.lastPasswordResetToken()).to.equal(null);
    const known = store.requestPasswordReset({ email: 'Amira@northwind-calls.example' });
    expect(known).to.deep.equal(unknown);
    expect(known.validForMinutes).to.equal(60);
    const token = store.lastPasswordResetToken() ?? '';
    expect(token).to.have.length.greaterThan(20);

    const breached = await problemOf(() => store.completePasswordReset({ token, newPassword: 'Password1!' }));
    expect(breached.code).to.equal('password-rejected');
    assertResponse('completePasswordReset', store.completePasswordReset({ token, newPassword: 'N3w-secret!' }));
    expect(store.currentPassword()).to.equal('N3w-secret!');
    const used = await problemOf(() => store.completePasswordReset({ token, newPassword: 'An0ther-one!' }));
    expect([used.status, used.code]).to.deep.equal([410, 'token-used']);

    const late = store.issuePasswordResetToken();
    clock.advance(60 * MINUTE + 1);
    const expired = await problemOf(() => store.completePasswordReset({ token: late, newPassword: 'An0ther-one!' }));
    expect([expired.status, expired.code]).to.deep.equal([410, 'token-expired']);
    expect((await problemOf(() => store.completePasswordReset({ token: 'made-up', newPassword: 'An0ther-one!' }))).code).to.equal('token-expired');
  });
});

describe('MockStore two-factor authentication', () => {
  it('enables with a real TOTP code, returns 10 backup codes, refuses replays', async () => {
    const clock = fakeClock();
    const store = new MockStore({ now: clock.now });
    expect(store.getTwoFactorStatus()).to.deep.equal({ enabled: false, enabledAt: null, backupCodesRemaining: 0, recommended: true });
    const setup = store.startTwoFactorSetup();
    assertResponse('startTwoFactorSetup', setup);
    expect(setup.otpauthUri).to.equal(
      `otpauth://totp/DialNexa:amira@northwind-calls.example?secret=${setup.secret}&issuer=DialNexa&digits=6&period=30`,
    );
    expect(Date.parse(setup.expiresAt) - clock.now()).to.equal(10 * MINUTE);

    const code = await totp(setup.secret, clock.now());
    const wrong = await problemOf(() => store.verifyTwoFactorSetup({ setupId: setup.setupId, code: code === '123456' ? '654321' : '123456' }));
    expect([wrong.status, wrong.code, Object.keys(fieldsOf(wrong))]).to.deep.equal([422, 'invalid-code', ['code']]);

    const enabled = await store.verifyTwoFactorSetup({ setupId: setup.setupId, code });
    assertResponse('verifyTwoFactorSetup', enabled);
    expect(enabled.status).to.include({ enabled: true, backupCodesRemaining: 10 });
    expect(enabled.backupCodes.codes).to.have.length(10);
    for (const c of enabled.backupCodes.codes) expect(c).to.match(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(new Set(enabled.backupCodes.codes).size).to.equal(10);
    expect(store.lastTotpStep()).to.equal(timeStep(clock.now()));

    const replay = await problemOf(() => store.disableTwoFactor({ method: 'totp', code }));
    expect([replay.status, replay.code]).to.deep.equal([422, 'code-reused']);
    expect(store.getTwoFactorStatus().enabled).to.equal(true);
  });

  it('expires an unfinished setup after 10 minutes', async () => {
    const clock = fakeClock();
    const store = new MockStore({ now: clock.now });
    const setup = store.startTwoFactorSetup();
    clock.advance(10 * MINUTE + 1);
    const code = await totp(setup.secret, clock.now());
    const expired = await problemOf(() => store.verifyTwoFactorSetup({ setupId: setup.setupId, code }));
    expect([expired.status, expired.code]).to.deep.equal([410, 'setup-expired']);
  });

  it('disables and regenerates only with a valid confirmation', async () => {
    const clock = fakeClock();
    const store = new MockStore({ now: clock.now, twoFactorEnabled: true });
    expect(store.getTwoFactorStatus()).to.include({ enabled: true, backupCodesRemaining: 8 });
    const old = store.unusedBackupCodes();
    expect((await problemOf(() => store.regenerateBackupCodes({ method: 'password', password: 'x' }))).code).to.equal('invalid-credentials');
    const fresh = await store.regenerateBackupCodes({ method: 'totp', code: await store.currentTotp() });
    assertResponse('regenerateBackupCodes', fresh);
    expect(fresh.codes.some((c) => old.includes(c))).to.equal(false);
    expect(store.getTwoFactorStatus().backupCodesRemaining).to.equal(10);
    expect((await problemOf(() => store.disableTwoFactor({ method: 'password', password: 'x' }))).code).to.equal('invalid-credentials');
    const status = await store.disableTwoFactor({ method: 'password', password: MOCK_PASSWORD });
    expect(status).to.include({ enabled: false, backupCodesRemaining: 0 });
    expect(store.twoFactorSecret()).to.equal(null);
  });

  it('signs in with a TOTP code and trusts the device for 30 days', async () => {
    const clock = fakeClock();
    const store = new MockStore({ now: clock.now, twoFactorEnabled: true });
    const challengeId = store.createSignInChallenge();
    const result = await store.verifyTwoFactorChallenge(
      { challengeId, method: 'totp', code: await store.currentTotp(), trustDevice: true },
      { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' },
    );
    assertResponse('verifyTwoFactorChallenge', result);
    expect(result.backupCodesRemaining).to.equal(null);
    expect(result.trustedDevice).to.include({ browser: 'Chrome 131', os: 'Linux', deviceType: 'desktop', current: true });
    expect(Date.parse(result.trustedDevice?.expiresAt ?? '') - clock.now()).to.equal(30 * DAY);
    const devices = store.listTrustedDevices().items;
    expect(devices[0]?.id).to.equal(result.trustedDevice?.id);
    expect(devices.filter((d) => d.current)).to.have.length(1);
    expect(store.listLoginActivity({ limit: 1 }).items[0]).to.include({ success: true, browser: 'Chrome 131' });
    const again = await problemOf(() => store.verifyTwoFactorChallenge({ challengeId, method: 'totp', code: '000000', trustDevice: false }));
    expect([again.status, again.code]).to.deep.equal([410, 'challenge-expired']);
  });

  it('accepts each backup code once and says how many remain', async () => {
    const store = new MockStore({ twoFactorEnabled: true });
    const [code] = store.unusedBackupCodes();
    const result = await store.verifyTwoFactorChallenge({ challengeId: store.createSignInChallenge(), method: 'backup', code: ` ${(code ?? '').toUpperCase()} `.replace('-', ''), trustDevice: false });
    expect(result.backupCodesRemaining).to.equal(7);
    expect(result.trustedDevice).to.equal(null);
    const reused = await problemOf(() => store.verifyTwoFactorChallenge({ challengeId: store.createSignInChallenge(), method: 'backup', code: code ?? '', trustDevice: false }));
    expect([reused.status, reused.code]).to.deep.equal([422, 'code-reused']);
    const wrong = await problemOf(() => store.verifyTwoFactorChallenge({ challengeId: store.createSignInChallenge(), method: 'backup', code: 'zzzz-zzzz', trustDevice: false }));
    expect(wrong.code).to.equal('invalid-code');
  });

  it('locks a challenge for a minute after 5 wrong codes, and expires it after 10 minutes', async () => {
    const clock = fakeClock();
    const store = new MockStore({ now: clock.now, twoFactorEnabled: true });
    const challengeId = store.createSignInChallenge();
    const right = await store.currentTotp();
    const wrongCode = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const wrong = await problemOf(() => store.verifyTwoFactorChallenge({ challengeId, method: 'totp', code: wrongCode, trustDevice: false }));
      expect([wrong.status, wrong.code]).to.deep.equal([422, 'invalid-code']);
    }
    const limited = await problemOf(() => store.verifyTwoFactorChallenge({ challengeId, method: 'totp', code: right, trustDevice: false }));
    expect([limited.status, limited.code]).to.deep.equal([429, 'rate-limited']);
    expect(limited.toJSON()['retryAfter']).to.equal(60);
    expect(limited.headers).to.deep.equal({ 'Retry-After': '60' });
    clock.advance(20_000);
    expect((await problemOf(() => store.verifyTwoFactorChallenge({ challengeId, method: 'totp', code: right, trustDevice: false }))).toJSON()['retryAfter']).to.equal(40);
    clock.advance(40_000);
    await store.verifyTwoFactorChallenge({ challengeId, method: 'totp', code: await store.currentTotp(), trustDevice: false });
    const failures = store.listLoginActivity({ status: 'failed', limit: 5 }).items;
    expect(failures.every((f) => f.failureReason === 'wrong-2fa-code')).to.equal(true);

    const late = store.createSignInChallenge();
    clock.advance(10 * MINUTE + 1);
    expect((await problemOf(() => store.verifyTwoFactorChallenge({ challengeId: late, method: 'totp', code: '123456', trustDevice: false }))).code).to.equal('challenge-expired');
  });
});

describe('MockStore sessions, login activity and trusted devices', () => {
  it('revokes one session, refuses unknown ids and the current one, and revokes the others', async () => {
    const store = new MockStore();
    const [current, other] = store.listSessions().items;
    expect(store.revokeSession(other?.id ?? '')).to.deep.equal({ revoked: 1 });
    expect(store.listSessions().items.some((x) => x.id === other?.id)).to.equal(false);
    expect((await problemOf(() => store.revokeSession(other?.id ?? ''))).status).to.equal(404);
    expect((await problemOf(() => store.revokeSession(current?.id ?? ''))).status).to.equal(409);
    expect(store.revokeOtherSessions()).to.deep.equal({ revoked: 4 });
    expect(store.listSessions().items.map((x) => x.id)).to.deep.equal([current?.id]);
  });

  it('pages login activity newest first with an opaque cursor, and filters failures', async () => {
    const store = new MockStore({ loginAttempts: 1234 });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    let previous = Infinity;
    do {
      const page = store.listLoginActivity({ cursor });
      assertResponse('listLoginActivity', page);
      pages++;
      for (const item of page.items) {
        expect(Date.parse(item.at)).to.be.at.most(previous);
        previous = Date.parse(item.at);
        seen.push(item.id);
      }
      if (page.nextCursor) expect(page.items).to.have.length(50);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).to.equal(Math.ceil(1234 / 50));
    expect(new Set(seen).size).to.equal(1234);

    const failed: string[] = [];
    cursor = undefined;
    do {
      const page = store.listLoginActivity({ cursor, status: 'failed', limit: 37 });
      expect(page.items.every((x) => !x.success && x.failureReason)).to.equal(true);
      failed.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const firstAll = store.listLoginActivity({ limit: 200 });
    expect(failed.length).to.be.greaterThan(100);
    expect(new Set(failed).size).to.equal(failed.length);
    expect(firstAll.items.filter((x) => !x.success).map((x) => x.id)).to.deep.equal(failed.slice(0, firstAll.items.filter((x) => !x.success).length));

    const bad = await problemOf(() => store.listLoginActivity({ cursor: 'not-a-cursor' }));
    expect([bad.status, Object.keys(fieldsOf(bad))]).to.deep.equal([422, ['cursor']]);
    expect(new MockStore({ loginAttempts: 0 }).listLoginActivity()).to.deep.equal({ items: [], nextCursor: null });
  });

  it('keeps a cursor stable when new attempts arrive', async () => {
    const clock = fakeClock();
    const store = new MockStore({ now: clock.now, twoFactorEnabled: true });
    const first = store.listLoginActivity({ limit: 10 });
    await problemOf(() => store.verifyTwoFactorChallenge({ challengeId: store.createSignInChallenge(), method: 'backup', code: 'zzzz-zzzz', trustDevice: false }));
    const second = store.listLoginActivity({ limit: 10, cursor: first.nextCursor ?? undefined });
    expect(second.items[0]?.id).not.to.equal(first.items[9]?.id);
    expect(Date.parse(second.items[0]?.at ?? '')).to.be.at.most(Date.parse(first.items[9]?.at ?? ''));
    expect(store.listLoginActivity({ limit: 1 }).items[0]?.failureReason).to.equal('wrong-2fa-code');
  });

  it('revokes trusted devices and drops expired ones', async () => {
    const clock = fakeClock();
    const store = new MockStore({ now: clock.now, trustedDevices: 5 });
    const list = store.listTrustedDevices();
    assertResponse('listTrustedDevices', list);
    expect(list.items).to.have.length(5);
    expect(list.items[0]?.current).to.equal(true);
    expect(store.revokeTrustedDevice(list.items[1]?.id ?? '')).to.deep.equal({ revoked: 1 });
    expect((await problemOf(() => store.revokeTrustedDevice('tdv_nope'))).status).to.equal(404);
    clock.advance(31 * DAY);
    expect(store.listTrustedDevices().items).to.have.length(0);
    const fresh = new MockStore({ trustedDevices: 3 });
    expect(fresh.revokeAllTrustedDevices()).to.deep.equal({ revoked: 3 });
    expect(fresh.listTrustedDevices().items).to.deep.equal([]);
  });
});

describe('MockStore notifications, privacy, preferences', () => {
  it('changes cells, refuses locked ones atomically, resets to defaults', async () => {
    const store = new MockStore();
    const next = store.updateNotificationPreferences({ changes: [{ typeId: 'marketing-emails', channelId: 'email', enabled: true }] });
    expect(next.values['marketing-emails']?.['email']).to.equal(true);
    const locked = await problemOf(() =>
      store.updateNotificationPreferences({
        changes: [
          { typeId: 'call-alerts', channelId: 'email', enabled: true },
          { typeId: 'security-alerts', channelId: 'email', enabled: false },
        ],
      }),
    );
    expect([locked.status, locked.code]).to.deep.equal([422, 'validation']);
    expect(locked.detail).to.equal('Security alerts are always sent by email and in-app.');
    expect(fieldsOf(locked)).to.deep.equal({ '/changes/1/enabled': 'Security alerts are always sent by email and in-app.' });
    expect(store.getNotificationPreferences().values['call-alerts']?.['email']).to.equal(false, 'nothing applied');
    store.updateNotificationPreferences({ changes: [{ typeId: 'security-alerts', channelId: 'in-app', enabled: true }] });
    expect((await problemOf(() => store.updateNotificationPreferences({ changes: [{ typeId: 'nope', channelId: 'email', enabled: true }] }))).status).to.equal(422);
    expect((await problemOf(() => store.updateNotificationPreferences({ changes: [{ typeId: 'call-alerts', channelId: 'sms', enabled: true }] }))).status).to.equal(422);
    const reset = store.resetNotificationPreferences();
    expect(reset.values['marketing-emails']?.['email']).to.equal(false);
    expect(Object.keys(reset.values)).to.have.length(NOTIFICATION_CATALOG.types.length);
  });

  it('updates privacy and preferences', () => {
    const store = new MockStore();
    expect(store.updatePrivacySettings({ analyticsEnabled: false })).to.deep.equal({ analyticsEnabled: false });
    expect(store.updatePreferences({ theme: 'dark', timeFormat: '24h' })).to.deep.equal({ theme: 'dark', density: 'comfortable', dateFormat: 'auto', timeFormat: '24h' });
  });
});

describe('MockStore data export', () => {
  it('runs queued → running → ready from elapsed time, one at a time, and expires after 7 days', async () => {
    const clock = fakeClock();
    const store = new MockStore({ now: clock.now, exportDurationMs: 10_000 });
    const started = store.requestDataExport();
    assertResponse('requestDataExport', started);
    expect(started.job).to.include({ status: 'queued', progress: 0, downloadUrl: null });
    const conflict = await problemOf(() => store.requestDataExport());
    expect([conflict.status, conflict.code]).to.deep.equal([409, 'export-in-progress']);
    const progress: number[] = [];
    for (let i = 0; i < 8; i++) {
      clock.advance(1100);
      const job = store.getDataExport().job;
      expect(job?.status).to.equal('running');
      progress.push(job?.progress ?? -1);
    }
    expect(progress).to.deep.equal([...progress].sort((a, b) => a - b));
    expect(progress[0]).to.be.greaterThan(0);
    expect(progress.at(-1)).to.be.lessThan(100);
    expect(new Set(progress).size).to.be.greaterThan(5);
    clock.advance(2000);
    const ready = store.getDataExport();
    assertResponse('getDataExport', ready);
    expect(ready.job).to.include({ status: 'ready', progress: 100 });
    expect(Date.parse(ready.job?.expiresAt ?? '') - Date.parse(ready.job?.readyAt ?? '')).to.equal(7 * DAY);
    const file = (await (await fetch(ready.job?.downloadUrl ?? '')).json()) as { profile: { email: string } };
    expect(file.profile.email).to.equal('amira@northwind-calls.example');
    clock.advance(7 * DAY);
    expect(store.getDataExport().job).to.include({ status: 'expired', downloadUrl: null });
    expect(store.requestDataExport().job?.status).to.equal('queued');
  });

  it('can end in failure', () => {
    const clock = fakeClock();
    const store = new MockStore({ now: clock.now, exportFails: true });
    store.requestDataExport();
    clock.advance(6000);
    const state = store.getDataExport();
    assertResponse('getDataExport', state);
    expect(state.job?.status).to.equal('failed');
    expect(state.job?.error).to.be.a('string');
  });
});

describe('MockStore account deletion and connected accounts', () => {
  it('lists the impact and refuses deletion while an owned workspace has members', async () => {
    const store = new MockStore();
    const info = store.getAccountDeletion();
    assertResponse('getAccountDeletion', info);
    expect(info.walletBalance.currency).to.equal('USD');
    expect(info.agents).to.be.greaterThan(0);
    expect(info.blockingWorkspaces.map((w) => w.name)).to.deep.equal(['Northwind Calls']);
    const fields = await problemOf(() => store.deleteAccount({ email: 'someone@else.example', password: 'wrong' }));
    expect([fields.status, fields.code]).to.deep.equal([422, 'invalid-credentials']);
    expect(Object.keys(fieldsOf(fields))).to.deep.equal(['email', 'password']);
    const blocked = await problemOf(() => store.deleteAccount({ email: 'AMIRA@northwind-calls.example', password: MOCK_PASSWORD }));
    expect([blocked.status, blocked.code]).to.deep.equal([409, 'workspace-owner']);
    expect((blocked.toJSON()['workspaces'] as { name: string }[]).map((w) => w.name)).to.deep.equal(['Northwind Calls']);
    expect(store.signedIn).to.equal(true);
  });

  it('deletes when nothing blocks, and the session ends', async () => {
    const store = new MockStore({ ownsWorkspaceWithMembers: false });
    expect(store.getAccountDeletion().blockingWorkspaces).to.deep.equal([]);
    assertResponse('deleteAccount', store.deleteAccount({ email: 'amira@northwind-calls.example', password: MOCK_PASSWORD }));
    expect(store.signedIn).to.equal(false);
    expect((await problemOf(() => store.assertSignedIn())).status).to.equal(401);
  });

  it('connects through the mock provider and disconnects', async () => {
    const store = new MockStore();
    const start = store.connectAccount('github', { redirectUri: 'https://app.example/settings#connected', mode: 'redirect' }, 'https://app.example/api/account/');
    assertResponse('connectAccount', start);
    const url = new URL(start.authorizationUrl);
    expect(url.origin + url.pathname).to.equal('https://app.example/api/account/__mock/oauth/github');
    expect(url.searchParams.get('redirect_uri')).to.equal('https://app.example/settings#connected');
    const state = url.searchParams.get('state') ?? '';
    expect((await problemOf(() => store.completeOAuth('github', 'forged'))).status).to.equal(400);
    expect(store.completeOAuth('github', state)).to.deep.equal({ redirectUri: 'https://app.example/settings#connected', mode: 'redirect' });
    expect(store.listConnectedAccounts().items.find((a) => a.provider === 'github')).to.include({ connected: true, email: 'amira@northwind-calls.example' });
    expect((await problemOf(() => store.completeOAuth('github', state))).status).to.equal(400, 'state is single use');
    const after = store.disconnectAccount('google');
    expect(after.items.find((a) => a.provider === 'google')).to.deep.include({ connected: false, email: null, connectedAt: null });
    expect(after.passwordSignIn).to.equal(true);
    expect((await problemOf(() => store.disconnectAccount('myspace'))).status).to.equal(404);
    // Not connected (any more): 404 as the reference server answers, and nothing changes.
    const again = await problemOf(() => store.disconnectAccount('google'));
    expect(again.toJSON()).to.deep.equal({
      type: 'urn:dialnexa:problem:not-found',
      title: 'Not found',
      status: 404,
      detail: 'A connected Google account does not exist.',
    });
    expect((await problemOf(() => store.disconnectAccount('microsoft'))).status).to.equal(404);
    expect(store.listConnectedAccounts()).to.deep.equal(after);
    expect((await problemOf(() => store.connectAccount('myspace', { redirectUri: '/', mode: 'popup' }))).status).to.equal(404);
  });

  it('refuses to take away the last way to sign in, counting a password, the providers and the passkeys alike', async () => {
    // No password, no passkey: Google, the only provider, stays.
    const bare = new MockStore({ passwordless: true });
    expect(bare.listConnectedAccounts().passwordSignIn).to.equal(false);
    const refused = await problemOf(() => bare.disconnectAccount('google'));
    expect(refused.toJSON()).to.deep.equal({
      type: 'urn:dialnexa:problem:last-sign-in-method',
      title: 'Last way to sign in',
      status: 409,
      detail: 'Google is the only way left to sign in to your account. Set a password, add a passkey or connect another account first.',
    });
    expect(bare.listConnectedAccounts().items.find((a) => a.provider === 'google')?.connected).to.equal(true);
    // With a second provider either may go; the other is then the last.
    bare.markConnected('github');
    assertResponse('disconnectAccount', bare.disconnectAccount('google'));
    expect((await problemOf(() => bare.disconnectAccount('github'))).code).to.equal('last-sign-in-method');

    // A passkey is a way to sign in: the only provider may go, and then the passkey is the last.
    const withPasskey = new MockStore({ passwordless: true, passkeys: 1 });
    const [passkey] = withPasskey.listPasskeys().items;
    withPasskey.disconnectAccount('google');
    expect((await problemOf(() => withPasskey.deletePasskey(passkey!.id))).code).to.equal('last-sign-in-method');

    // And the other way round: the passkey may go while the provider remains, which is then the last.
    const providerLeft = new MockStore({ passwordless: true, passkeys: 1 });
    expect(providerLeft.deletePasskey(providerLeft.listPasskeys().items[0]!.id).items).to.deep.equal([]);
    expect((await problemOf(() => providerLeft.disconnectAccount('google'))).code).to.equal('last-sign-in-method');

    // With a password, nothing else is needed.
    const withPassword = new MockStore({ passkeys: 1 });
    withPassword.disconnectAccount('google');
    expect(withPassword.deletePasskey(withPassword.listPasskeys().items[0]!.id).items).to.deep.equal([]);
  });

  it('resets in place', () => {
    const store = new MockStore();
    store.updatePreferences({ theme: 'dark' });
    store.reset({ sessions: 1 });
    expect(store.getPreferences().theme).to.equal('system');
    expect(store.listSessions().items).to.have.length(1);
  });

  it('can seed hostile text for rendering tests', () => {
    const store = new MockStore({ hostile: true });
    const sessions = store.listSessions();
    assertResponse('listSessions', sessions);
    expect(sessions.items.some((x) => x.browser.includes('<img'))).to.equal(true);
    assertResponse('listLoginActivity', store.listLoginActivity());
    assertResponse('listTrustedDevices', store.listTrustedDevices());
  });
});

describe('MockStore billing card option', () => {
  it('seeds a card that expires next month, expired last month, or none', () => {
    const now = Date.UTC(2026, 11, 15, 12);
    const card = (option: 'valid' | 'expiring' | 'expired' | 'none') => new MockStore({ card: option, now: () => now }).getBillingSummary();
    for (const option of ['valid', 'expiring', 'expired', 'none'] as const) assertResponse('getBillingSummary', card(option));
    expect(card('valid').paymentMethod).to.include({ expMonth: 8, expYear: 2028 });
    expect(card('expiring').paymentMethod).to.include({ brand: 'Visa', last4: '4242', expMonth: 1, expYear: 2027 });
    expect(card('expired').paymentMethod).to.include({ expMonth: 11, expYear: 2026 });
    expect(card('none')).to.deep.include({ paymentMethod: null, nextRenewalAt: new Date(Date.UTC(2027, 0, 1, 9)).toISOString() });
    expect(new MockStore({ plan: 'free', card: 'expired' }).getBillingSummary().paymentMethod).to.equal(null);
  });
});
