/** Password change and reset round trips (optional part `password`), and the reset's uniform answer. */
import type * as s from '../../src/api/schemas.js';
import { fail, skip, type Kit } from '../kit.js';
import { NOBODY_EMAIL, UNKNOWN_ID } from '../probes.js';

/** A password that meets any policy the contract can express. */
function strongPassword(policy: s.PasswordPolicy | undefined): string {
  let out = `Dn-Conformance-${Date.now().toString(36)}-7Qx!`;
  while (out.length < (policy?.minLength ?? 0)) out += 'aB3$';
  return out;
}

export async function checkPassword(kit: Kit): Promise<void> {
  const { client } = kit;
  const policy = (await client.call('getPasswordPolicy', { auth: false })).data as s.PasswordPolicy | undefined;

  await kit.check(
    { id: 'password/reset-uniform', rule: 'password', endpoint: 'requestPasswordReset', title: 'a reset for an unknown address answers as for the test user' },
    async () => {
      const email = kit.state.email;
      if (!email) skip('the profile could not be read');
      const known = kit.ok<s.PasswordResetRequested>(await client.call('requestPasswordReset', { body: { email }, auth: false }), 'a reset for the test user');
      const unknown = kit.ok<s.PasswordResetRequested>(await client.call('requestPasswordReset', { body: { email: NOBODY_EMAIL }, auth: false }), 'a reset for an unknown address');
      if (JSON.stringify(known) !== JSON.stringify(unknown)) {
        fail(`the answers differ (${JSON.stringify(known)} vs ${JSON.stringify(unknown)}): they tell who has an account`);
      }
    },
  );
  await kit.check({ id: 'password/reset-bad-token', rule: 'password', endpoint: 'completePasswordReset', title: 'a token never issued: 410' }, async () => {
    kit.refused(await client.call('completePasswordReset', { body: { token: UNKNOWN_ID, newPassword: strongPassword(policy) }, auth: false }), 410, ['token-expired', 'token-used']);
  });

  await kit.check({ id: 'password/change', rule: 'password', endpoint: 'changePassword', title: 'change the password and change it back' }, async () => {
    if (!kit.has('password')) {
      client.noSuccess('changePassword', kit.notAsked('password'));
      skip(kit.notAsked('password'));
    }
    const password = kit.needPassword();
    const temporary = strongPassword(policy);
    kit.ok<s.PasswordChangeResult>(await client.call('changePassword', { body: { currentPassword: password, newPassword: temporary } }), 'changing to a temporary password');
    const old = await client.call('reauthenticate', { body: { method: 'password', password } });
    const back = await client.call('changePassword', { body: { currentPassword: temporary, newPassword: password } });
    if (back.status !== 200) fail(`changing back answered ${back.status}: the test user's password is now "${temporary}"`);
    kit.ok(back, 'changing back');
    if (old.status === 200) fail('right after the change, /reauth still accepted the old password');
  });

  await kit.check(
    { id: 'password/reset-complete', rule: 'password', endpoint: 'completePasswordReset', title: 'a reset link sets a password once; weak passwords refused' },
    async () => {
      if (!kit.has('password')) {
        client.noSuccess('completePasswordReset', kit.notAsked('password'));
        skip(kit.notAsked('password'));
      }
      const readToken = kit.options.hooks?.readToken;
      if (!readToken) {
        client.noSuccess('completePasswordReset', 'needs the readToken hook');
        skip('needs the link’s token: export readToken from the --sign-in module');
      }
      const password = kit.needPassword();
      const email = kit.state.email;
      if (!email) skip('the profile could not be read');
      kit.ok(await client.call('requestPasswordReset', { body: { email }, auth: false }), 'requesting a reset');
      const token = await readToken({ ...kit.hookContext(), kind: 'password-reset', email });
      if (!token) fail(`the readToken hook found no password-reset token for ${email}`);
      const tooShort = 'a1!'.slice(0, Math.max(1, (policy?.minLength ?? 8) - 1));
      kit.fieldError(await client.call('completePasswordReset', { body: { token, newPassword: tooShort }, auth: false }), 'newPassword', ['validation', 'password-rejected']);
      const temporary = strongPassword(policy);
      kit.ok(await client.call('completePasswordReset', { body: { token, newPassword: temporary }, auth: false }), 'completing the reset');
      kit.refused(await client.call('completePasswordReset', { body: { token, newPassword: temporary }, auth: false }), 410, ['token-used', 'token-expired'], 'the same link again');
      // A server may end every session on a reset (a good one does): sign in again with the new password.
      const still = await client.call('getProfile');
      if (still.status === 401) {
        const signIn = kit.options.hooks?.signIn;
        if (!signIn) fail(`the reset ended the kit's session and there is no signIn hook to sign in again: the test user's password is now "${temporary}"`);
        client.use((await signIn({ ...kit.hookContext(), password: temporary })) ?? undefined);
      }
      const back = await client.call('changePassword', { body: { currentPassword: temporary, newPassword: password } });
      if (back.status !== 200) fail(`changing the password back answered ${back.status}: the test user's password is now "${temporary}"`);
    },
  );
}
