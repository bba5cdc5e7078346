/**
 * The email change's pending state: requested → shown → resent → cancelled → nothing to
 * resend; with the `readToken` hook, verified by its link and changed back.
 */
import type * as s from '../../src/api/schemas.js';
import { fail, skip, type Kit } from '../kit.js';
import { UNKNOWN_ID } from '../probes.js';

function pendingOf(state: s.EmailChangeState): string | null {
  return state.pending?.newEmail ?? null;
}

export async function checkEmailChange(kit: Kit): Promise<void> {
  const { client } = kit;
  const newEmail = `dn-conformance+${Date.now().toString(36)}@example.invalid`;
  const request = (address: string, state: s.EmailChangeState) =>
    client.call('requestEmailChange', { body: { newEmail: address, ...(state.passwordRequired && kit.password !== undefined ? { currentPassword: kit.password } : {}) } });

  await kit.check(
    { id: 'email-change/lifecycle', rule: 'email-change', endpoint: 'requestEmailChange', title: 'request → pending → resend → cancel → none; resend with none: 409' },
    async () => {
      let state = kit.ok<s.EmailChangeState>(await client.call('getEmailChange'), 'GET /email-change');
      if (state.pending) kit.ok(await client.call('cancelEmailChange'), 'cancelling the change that was pending before the run');
      if (state.passwordRequired) kit.needPassword();
      state = kit.ok<s.EmailChangeState>(await request(newEmail, state), `requesting a change to ${newEmail}`);
      if (pendingOf(state) !== newEmail) fail(`after the request pending.newEmail is ${pendingOf(state) ?? 'null'}, expected ${newEmail}`);
      const { requestedAt, expiresAt } = state.pending!;
      if (Date.parse(expiresAt) <= Date.parse(requestedAt)) fail(`expiresAt (${expiresAt}) is not after requestedAt (${requestedAt})`);
      state = kit.ok<s.EmailChangeState>(await client.call('getEmailChange'), 'GET /email-change while pending');
      if (pendingOf(state) !== newEmail) fail(`GET /email-change shows ${pendingOf(state) ?? 'no pending change'} right after the request`);
      state = kit.ok<s.EmailChangeState>(await client.call('resendEmailChange'), 'resending the link');
      if (pendingOf(state) !== newEmail) fail(`after resending, pending.newEmail is ${pendingOf(state) ?? 'null'}`);
      const profile = kit.ok<s.Profile>(await client.call('getProfile'), 'GET /profile while pending');
      if (profile.email === newEmail) fail('the profile email changed before the new address was verified');
      state = kit.ok<s.EmailChangeState>(await client.call('cancelEmailChange'), 'cancelling');
      if (state.pending !== null) fail('after cancelling, pending is not null');
      state = kit.ok<s.EmailChangeState>(await client.call('getEmailChange'), 'GET /email-change after cancelling');
      if (state.pending !== null) fail('GET /email-change still shows a pending change after cancelling');
      kit.refused(await client.call('resendEmailChange'), 409, [], 'resending with nothing pending');
    },
  );
  await kit.check(
    { id: 'not-found/email-change-cancel-twice', rule: 'not-found', endpoint: 'cancelEmailChange', title: 'cancel with nothing pending: 200, pending null (idempotent)' },
    async () => {
      const state = kit.ok<s.EmailChangeState>(await client.call('cancelEmailChange'));
      if (state.pending !== null) fail('pending is not null');
    },
  );
  await kit.check({ id: 'email-change/bad-token', rule: 'email-change', endpoint: 'verifyEmailChange', title: 'a token never issued: 410 token-expired or token-used' }, async () => {
    kit.refused(await client.call('verifyEmailChange', { body: { token: UNKNOWN_ID } }), 410, ['token-expired', 'token-used']);
  });
  await kit.check(
    { id: 'email-change/verify', rule: 'email-change', endpoint: 'verifyEmailChange', title: 'the link’s token: email changed, the token then used; changed back' },
    async () => {
      const readToken = kit.options.hooks?.readToken;
      if (!readToken) {
        client.noSuccess('verifyEmailChange', 'needs the readToken hook');
        skip('needs the link’s token: export readToken from the --sign-in module');
      }
      const original = kit.state.email;
      if (!original) skip('the profile could not be read');
      const state = kit.ok<s.EmailChangeState>(await client.call('getEmailChange'), 'GET /email-change');
      kit.ok(await request(newEmail, state), `requesting a change to ${newEmail}`);
      const token = await readToken({ ...kit.hookContext(), kind: 'email-change', email: newEmail });
      if (!token) fail(`the readToken hook found no email-change token for ${newEmail}`);
      const profile = kit.ok<s.Profile>(await client.call('verifyEmailChange', { body: { token } }), 'verifying with the token');
      if (profile.email !== newEmail) fail(`after verifying, the profile email is ${profile.email}`);
      kit.refused(await client.call('verifyEmailChange', { body: { token } }), 410, ['token-used', 'token-expired'], 'the same token again');
      // Back to the original address, by the same route.
      kit.ok(await request(original, state), `requesting the change back to ${original}`);
      const back = await readToken({ ...kit.hookContext(), kind: 'email-change', email: original });
      if (!back) fail(`the readToken hook found no token to change back to ${original}: the test user's email is now ${newEmail}`);
      const restored = kit.ok<s.Profile>(await client.call('verifyEmailChange', { body: { token: back } }), 'changing back');
      if (restored.email !== original) fail(`changing back left the email at ${restored.email}`);
    },
  );
}
