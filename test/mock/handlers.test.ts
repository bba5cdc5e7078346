import { expect } from '@open-wc/testing';
import { endpoints, type EndpointName } from '../../src/api/endpoints.js';
import { dispatch, mockOAuthResponse, oauthReturnUrl, routes } from '../../mock/handlers.js';
import { MOCK_PASSWORD } from '../../mock/seed.js';
import { MockStore } from '../../mock/index.js';
import { assertResponse, expectProblem, fakeClock, fieldsOf } from './helpers.js';

const names = Object.keys(endpoints) as EndpointName[];

describe('mock dispatch', () => {
  it('has one route per endpoint', () => {
    expect(Object.keys(routes).sort()).to.deep.equal([...names].sort());
  });

  it('answers every GET with a body that passes the response schema, in every seed variant', async () => {
    const variants = [
      {},
      { twoFactorEnabled: true, plan: 'free' as const, passwordPolicy: 'nist' as const },
      { sessions: 1, loginAttempts: 0, trustedDevices: 0 },
      { hostile: true, sessions: 500, loginAttempts: 2000, seed: 9 },
    ];
    for (const options of variants) {
      const store = new MockStore(options);
      for (const name of names.filter((n) => endpoints[n].method === 'GET')) {
        const response = await dispatch(store, name, { query: { limit: '200' } });
        expect(response.status, `${name} ${JSON.stringify(response.body)}`).to.equal(200);
        expect(response.headers['Content-Type']).to.equal('application/json');
        assertResponse(name, response.body);
      }
    }
  });

  it('answers every mutation with a schema-valid body once reauthenticated', async () => {
    const clock = fakeClock();
    const store = new MockStore({ now: clock.now, ownsWorkspaceWithMembers: false, exportDurationMs: 0 });
    await store.reauthenticate({ method: 'password', password: MOCK_PASSWORD });
    const session = store.listSessions().items[1]?.id ?? '';
    const device = store.listTrustedDevices().items[1]?.id ?? '';
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
    const calls: [EndpointName, Parameters<typeof dispatch>[2]][] = [
      ['updateProfile', { json: { displayName: '  Amira  ', bio: 'Hi' } }],
      ['uploadAvatar', { bytes: png }],
      ['removeAvatar', {}],
      ['requestEmailChange', { json: { newEmail: 'amira.h@northwind-calls.example' } }],
      ['resendEmailChange', {}],
      ['cancelEmailChange', {}],
      ['reauthenticate', { json: { method: 'password', password: MOCK_PASSWORD } }],
      ['changePassword', { json: { currentPassword: MOCK_PASSWORD, newPassword: 'N3w-passw0rd!' } }],
      ['requestPasswordReset', { json: { email: 'amira@northwind-calls.example' } }],
      ['revokeSession', { params: { id: session } }],
      ['revokeOtherSessions', {}],
      ['revokeTrustedDevice', { params: { id: device } }],
      ['revokeAllTrustedDevices', {}],
      ['updateNotificationPreferences', { json: { changes: [{ typeId: 'call-alerts', channelId: 'email', enabled: true }] } }],
      ['resetNotificationPreferences', {}],
      ['updatePrivacySettings', { json: { analyticsEnabled: false } }],
      ['requestDataExport', {}],
      ['connectAccount', { params: { provider: 'microsoft' }, json: { redirectUri: 'http://localhost/settings', mode: 'popup' } }],
      ['disconnectAccount', { params: { provider: 'google' } }],
      ['updatePreferences', { json: { density: 'compact' } }],
    ];
    for (const [name, request] of calls) {
      const response = await dispatch(store, name, request);
      expect(response.status, `${name} ${JSON.stringify(response.body)}`).to.equal(200);
      assertResponse(name, response.body);
    }
    expect(store.getProfile().displayName).to.equal('Amira');
    const reset = await dispatch(store, 'completePasswordReset', { json: { token: store.lastPasswordResetToken(), newPassword: 'Res3t-passw0rd!' } });
    assertResponse('completePasswordReset', reset.body);
    const deleted = await dispatch(store, 'deleteAccount', { json: { email: 'amira@northwind-calls.example', password: 'Res3t-passw0rd!' } });
    expect(deleted.status).to.equal(200);
    assertResponse('deleteAccount', deleted.body);
    const after = await dispatch(store, 'getProfile');
    expect(after.status).to.equal(401);
    expectProblem(after.body, 401, 'unauthorized');
    expect((await dispatch(store, 'getPasswordPolicy')).status).to.equal(200, 'public endpoints still answer');
  });

  it('validates bodies with the endpoint schema: 422 with per-field errors, 400 for malformed JSON', async () => {
    const store = new MockStore();
    const short = await dispatch(store, 'updateProfile', { json: { displayName: ' A ', phone: 'call me', bio: 'x'.repeat(501) } });
    expect(short.status).to.equal(422);
    expect(short.headers['Content-Type']).to.equal('application/problem+json');
    const problem = expectProblem(short.body, 422, 'validation');
    expect(Object.keys(fieldsOf(problem)).sort()).to.deep.equal(['bio', 'displayName', 'phone']);
    expect(fieldsOf(problem)['displayName']).to.equal('Use at least 2 characters.');
    expect(store.getProfile().displayName).to.equal('Amira Haddad');

    const missing = await dispatch(store, 'reauthenticate', { json: { method: 'password' } });
    expect(fieldsOf(expectProblem(missing.body, 422, 'validation'))).to.have.property('password');
    const badMethod = await dispatch(store, 'reauthenticate', { json: { method: 'sms', code: '123456' } });
    expect(fieldsOf(expectProblem(badMethod.body, 422, 'validation'))).to.have.property('method');
    const nested = await dispatch(store, 'updateNotificationPreferences', { json: { changes: [{ typeId: 'call-alerts', channelId: 'email', enabled: 'yes' }] } });
    expect(fieldsOf(expectProblem(nested.body, 422, 'validation'))).to.have.property('/changes/0/enabled');
    const empty = await dispatch(store, 'updateNotificationPreferences', { json: { changes: [] } });
    expect(empty.status).to.equal(422);
    const malformed = await dispatch(store, 'updatePrivacySettings', { malformedJson: true });
    expectProblem(malformed.body, 400, 'bad-request');
    const none = await dispatch(store, 'updatePrivacySettings', {});
    expect(none.status).to.equal(422);
  });

  it('validates and coerces the login-activity query', async () => {
    const store = new MockStore();
    const page = await dispatch(store, 'listLoginActivity', { query: new URLSearchParams('limit=7&status=failed') });
    const body = page.body as { items: { success: boolean }[] };
    expect(body.items).to.have.length(7);
    expect(body.items.every((x) => !x.success)).to.equal(true);
    expect((await dispatch(store, 'listLoginActivity', { query: { limit: '500' } })).status).to.equal(422);
    expect((await dispatch(store, 'listLoginActivity', { query: { limit: 'ten' } })).status).to.equal(422);
    expect((await dispatch(store, 'listLoginActivity', { query: { status: 'weird' } })).status).to.equal(422);
    expect(((await dispatch(store, 'listLoginActivity')).body as { items: unknown[] }).items).to.have.length(50);
  });

  it('gates every sensitive endpoint behind a recent reauthentication', async () => {
    const clock = fakeClock();
    const store = new MockStore({ now: clock.now });
    const sensitive = names.filter((n) => (endpoints[n] as { sensitive?: boolean }).sensitive);
    expect(sensitive).to.include.members(['requestEmailChange', 'startTwoFactorSetup', 'revokeSession', 'deleteAccount', 'disconnectAccount']);
    const bodies: Partial<Record<EndpointName, unknown>> = {
      requestEmailChange: { newEmail: 'x@northwind-calls.example' },
      disableTwoFactor: { method: 'password', password: MOCK_PASSWORD },
      regenerateBackupCodes: { method: 'password', password: MOCK_PASSWORD },
      deleteAccount: { email: 'amira@northwind-calls.example', password: MOCK_PASSWORD },
    };
    for (const name of sensitive) {
      const response = await dispatch(store, name, { json: bodies[name], params: { id: 'ses_00002', provider: 'google' } });
      expect(response.status, name).to.equal(403);
      const problem = expectProblem(response.body, 403, 'reauth-required');
      expect(problem['methods']).to.deep.equal(['password']);
    }
    expect(store.listSessions().items).to.have.length(6, 'nothing happened');

    const reauth = await dispatch(store, 'reauthenticate', { json: { method: 'password', password: MOCK_PASSWORD } });
    expect(reauth.status).to.equal(200);
    expect((await dispatch(store, 'revokeSession', { params: { id: 'ses_00002' } })).status).to.equal(200);
    clock.advance(11 * 60_000);
    expect((await dispatch(store, 'revokeSession', { params: { id: 'ses_00003' } })).status).to.equal(403);
  });

  it('in `always` mode, a failed sensitive request keeps the reauthentication for the retry', async () => {
    const store = new MockStore({ reauth: 'always' });
    await dispatch(store, 'reauthenticate', { json: { method: 'password', password: MOCK_PASSWORD } });
    const taken = await dispatch(store, 'requestEmailChange', { json: { newEmail: 'taken@northwind-calls.example' } });
    expectProblem(taken.body, 409, 'email-taken');
    expect((await dispatch(store, 'requestEmailChange', { json: { newEmail: 'free@northwind-calls.example' } })).status).to.equal(200);
    expect((await dispatch(store, 'cancelEmailChange')).status).to.equal(200, 'not sensitive');
    expect((await dispatch(store, 'requestEmailChange', { json: { newEmail: 'free@northwind-calls.example' } })).status).to.equal(403);
  });

  it('sends Retry-After with 429', async () => {
    const store = new MockStore({ twoFactorEnabled: true });
    const challengeId = store.createSignInChallenge();
    let last = await dispatch(store, 'verifyTwoFactorChallenge', { json: { challengeId, method: 'backup', code: 'zzzz-zzzz', trustDevice: false } });
    for (let i = 0; i < 5; i++) {
      last = await dispatch(store, 'verifyTwoFactorChallenge', { json: { challengeId, method: 'backup', code: 'zzzz-zzzz', trustDevice: false } });
    }
    expect(last.status).to.equal(429);
    expect(last.headers['Retry-After']).to.equal('60');
    expect(expectProblem(last.body, 429, 'rate-limited')['retryAfter']).to.equal(60);
  });

  it('answers 404 for unknown ids and providers', async () => {
    const store = new MockStore({ reauth: 'never' });
    expectProblem((await dispatch(store, 'revokeSession', { params: { id: 'ses_nope' } })).body, 404, 'not-found');
    expectProblem((await dispatch(store, 'revokeTrustedDevice', { params: { id: 'nope' } })).body, 404, 'not-found');
    expectProblem((await dispatch(store, 'disconnectAccount', { params: { provider: 'myspace' } })).body, 404, 'not-found');
  });

  it('serves the mock OAuth provider: 302 back for redirect mode, an opener message for popup mode', () => {
    const store = new MockStore();
    const redirect = store.connectAccount('github', { redirectUri: 'http://localhost:8000/settings?tab=connected#x', mode: 'redirect' }, 'http://localhost:8000/api/account');
    const response = mockOAuthResponse(store, 'github', new URL(redirect.authorizationUrl));
    expect(response.status).to.equal(302);
    expect(response.headers['Location']).to.equal('http://localhost:8000/settings?tab=connected&connected=github#x');
    expect(store.listConnectedAccounts().items.find((a) => a.provider === 'github')?.connected).to.equal(true);

    const popup = store.connectAccount('microsoft', { redirectUri: 'http://localhost:8000/done', mode: 'popup' }, 'http://localhost:8000/api/account');
    const page = mockOAuthResponse(store, 'microsoft', new URL(popup.authorizationUrl));
    expect(page.status).to.equal(200);
    expect(page.headers['Content-Type']).to.contain('text/html');
    expect(String(page.body)).to.contain('postMessage').and.contain('"dn-connected-account"').and.contain('"http://localhost:8000"');
    const replay = mockOAuthResponse(store, 'microsoft', new URL(popup.authorizationUrl));
    expect(replay.status).to.equal(400);
    expect(oauthReturnUrl('/settings', 'google')).to.equal('/settings?connected=google');
  });
});
