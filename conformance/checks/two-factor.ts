/**
 * The 2FA round trip: setup → a code computed from the secret → verify → backup codes →
 * a backup code works once → new backup codes → disable; a reused TOTP code is refused.
 * Needs the test user with 2FA off at the start; leaves it off.
 */
import type * as s from '../../src/api/schemas.js';
import { fail, skip, type Kit } from '../kit.js';
import { UNKNOWN_ID, WRONG_PASSWORD } from '../probes.js';
import { otherCode, secretOfUri, totpCode } from '../totp.js';
import { checkRevokeTrustedDevice } from './sessions.js';

export async function checkTwoFactor(kit: Kit): Promise<void> {
  const { client } = kit;
  const hooks = kit.options.hooks;
  let setup: s.TwoFactorSetup | undefined;
  let enabledCode: string | undefined;
  let backupCodes: string[] = [];
  let offAtStart = false;

  const needSetup = (): s.TwoFactorSetup => {
    if (!offAtStart) skip('the test user has 2FA on: turn it off to let the kit set it up');
    if (!setup) skip('2FA setup did not start');
    return setup;
  };
  const needEnabled = (): string => {
    needSetup();
    if (!enabledCode) skip('2FA could not be turned on');
    return enabledCode;
  };

  await kit.check({ id: 'two-factor/setup', rule: 'two-factor', endpoint: 'startTwoFactorSetup', title: 'setup: a base32 secret and a matching otpauth:// URI' }, async () => {
    const status = kit.ok<s.TwoFactorStatus>(await client.call('getTwoFactorStatus'), 'GET /two-factor');
    offAtStart = !status.enabled;
    if (status.enabled) {
      for (const name of ['startTwoFactorSetup', 'verifyTwoFactorSetup', 'disableTwoFactor', 'regenerateBackupCodes', 'verifyTwoFactorChallenge'] as const) {
        client.noSuccess(name, 'the test user has 2FA on');
      }
      skip('the test user has 2FA on: turn it off to let the kit set it up');
    }
    setup = kit.ok<s.TwoFactorSetup>(await client.call('startTwoFactorSetup'));
    const fromUri = secretOfUri(setup.otpauthUri);
    if (fromUri === null) fail(`otpauthUri "${setup.otpauthUri.slice(0, 60)}…" is not a TOTP URI an authenticator can read`);
    if (fromUri !== setup.secret) fail('the secret in otpauthUri differs from `secret`: the QR code and the typed key would give different codes');
  });

  await kit.check({ id: 'two-factor/wrong-code', rule: 'two-factor', endpoint: 'verifyTwoFactorSetup', title: 'a wrong code: 422 invalid-code on code' }, async () => {
    const started = needSetup();
    const right = totpCode(started.secret, { digits: started.digits, period: started.period });
    const answer = await client.call('verifyTwoFactorSetup', { body: { setupId: started.setupId, code: otherCode(right) } });
    kit.fieldError(answer, 'code', ['invalid-code']);
  });

  await kit.check(
    { id: 'two-factor/verify', rule: 'two-factor', endpoint: 'verifyTwoFactorSetup', title: 'the code from the secret: 2FA on, backup codes shown once' },
    async () => {
      const started = needSetup();
      const code = totpCode(started.secret, { digits: started.digits, period: started.period });
      const enabled = kit.ok<s.TwoFactorEnabled>(await client.call('verifyTwoFactorSetup', { body: { setupId: started.setupId, code } }), 'verifying the current code');
      enabledCode = code;
      backupCodes = enabled.backupCodes.codes;
      if (!enabled.status.enabled) fail('the answer says 2FA is still off');
      if (backupCodes.length < 5) fail(`only ${backupCodes.length} backup codes`);
      if (new Set(backupCodes).size !== backupCodes.length) fail('the backup codes repeat');
      const status = kit.ok<s.TwoFactorStatus>(await client.call('getTwoFactorStatus'), 'GET /two-factor');
      if (!status.enabled) fail('GET /two-factor says 2FA is off after the setup');
      if (status.backupCodesRemaining !== backupCodes.length) fail(`backupCodesRemaining is ${status.backupCodesRemaining}, ${backupCodes.length} codes were shown`);
    },
  );

  await kit.check({ id: 'two-factor/setup-used', rule: 'two-factor', endpoint: 'verifyTwoFactorSetup', title: 'a finished setup cannot be verified again: 410 or 409' }, async () => {
    const code = needEnabled();
    const answer = await client.call('verifyTwoFactorSetup', { body: { setupId: setup?.setupId ?? UNKNOWN_ID, code } });
    kit.refused(answer, [409, 410, 422]);
  });

  await kit.check(
    { id: 'two-factor/totp-replay', rule: 'two-factor', endpoint: 'reauthenticate', title: 'the TOTP code just used, again: refused (code-reused)' },
    async () => {
      const code = needEnabled();
      const answer = await client.call('reauthenticate', { body: { method: 'totp', code } });
      if (answer.status === 200) fail(`the code ${code}, already used to turn 2FA on, was accepted again by POST /reauth: a server must remember the last accepted time step and refuse replays (RFC 6238 §5.2)`);
      kit.refused(answer, 422, ['code-reused', 'invalid-code', 'invalid-credentials']);
    },
  );

  await kit.check({ id: 'two-factor/backup-once', rule: 'two-factor', endpoint: 'verifyTwoFactorChallenge', title: 'a backup code signs in once; the second time: 422' }, async () => {
    needEnabled();
    if (!hooks?.startTwoFactorChallenge) {
      client.noSuccess('verifyTwoFactorChallenge', 'needs the startTwoFactorChallenge hook (--sign-in module)');
      skip('needs a sign-in 2FA challenge: export startTwoFactorChallenge from the --sign-in module');
    }
    const code = backupCodes[0];
    if (!code) skip('no backup code was shown');
    const first = await client.call('verifyTwoFactorChallenge', {
      body: { challengeId: await hooks.startTwoFactorChallenge(kit.hookContext()), method: 'backup', code, trustDevice: false },
    });
    const result = kit.ok<s.TwoFactorChallengeResult>(first, 'the first use of a backup code');
    if (result.backupCodesRemaining !== null && result.backupCodesRemaining !== backupCodes.length - 1) {
      fail(`backupCodesRemaining is ${result.backupCodesRemaining} after one of ${backupCodes.length} was used`);
    }
    const second = await client.call('verifyTwoFactorChallenge', {
      body: { challengeId: await hooks.startTwoFactorChallenge(kit.hookContext()), method: 'backup', code, trustDevice: false },
    });
    if (second.status === 200) fail('the same backup code signed in a second time: each code works once');
    kit.refused(second, 422, ['code-reused', 'invalid-code']);
  });

  // A trusted device exists only while 2FA is on: sign in once more with "trust this device"
  // (a backup code the other checks leave alone), then revoke that device twice.
  const trustCode = backupCodes[2];
  if (enabledCode && trustCode && hooks?.startTwoFactorChallenge) {
    const start = hooks.startTwoFactorChallenge;
    await checkRevokeTrustedDevice(kit, async () => {
      const answer = await client.call('verifyTwoFactorChallenge', {
        body: { challengeId: await start(kit.hookContext()), method: 'backup', code: trustCode, trustDevice: true },
      });
      const result = kit.ok<s.TwoFactorChallengeResult>(answer, 'a sign-in with a backup code and "trust this device"');
      if (!result.trustedDevice) fail('the answer to a sign-in with "trust this device" has no trusted device');
      return result.trustedDevice.id;
    });
  }

  await kit.check(
    { id: 'two-factor/regenerate', rule: 'two-factor', endpoint: 'regenerateBackupCodes', title: 'new backup codes: a new set; a wrong password: 422' },
    async () => {
      needEnabled();
      const password = kit.needPassword();
      kit.refused(await client.call('regenerateBackupCodes', { body: { method: 'password', password: WRONG_PASSWORD } }), 422, ['invalid-credentials'], 'a wrong password');
      const fresh = kit.ok<s.BackupCodes>(await client.call('regenerateBackupCodes', { body: { method: 'password', password } }));
      if (fresh.codes.some((c) => backupCodes.includes(c))) fail('the new set repeats codes of the old one');
      const old = backupCodes[1];
      backupCodes = fresh.codes;
      if (old && hooks?.startTwoFactorChallenge) {
        const answer = await client.call('verifyTwoFactorChallenge', {
          body: { challengeId: await hooks.startTwoFactorChallenge(kit.hookContext()), method: 'backup', code: old, trustDevice: false },
        });
        if (answer.status === 200) fail('a backup code of the replaced set still signs in');
      }
    },
  );

  await kit.check({ id: 'two-factor/disable', rule: 'two-factor', endpoint: 'disableTwoFactor', title: 'turning 2FA off with the password: off' }, async () => {
    needEnabled();
    const password = kit.needPassword();
    const status = kit.ok<s.TwoFactorStatus>(await client.call('disableTwoFactor', { body: { method: 'password', password } }));
    if (status.enabled) fail('the answer says 2FA is still on');
    const after = kit.ok<s.TwoFactorStatus>(await client.call('getTwoFactorStatus'), 'GET /two-factor');
    if (after.enabled) fail('GET /two-factor says 2FA is on after turning it off');
  });
}
