/** Rate limits (optional part), account deletion, and the per-endpoint contract verdicts. */
import { endpoints, type EndpointName } from '../../src/api/endpoints.js';
import type * as s from '../../src/api/schemas.js';
import { describeAnswer, fail, skip, type Kit } from '../kit.js';
import { WRONG_PASSWORD } from '../probes.js';
import { otherCode } from '../totp.js';

/** Wrong codes on one sign-in challenge end in 429 with Retry-After. */
export async function checkRateLimits(kit: Kit): Promise<void> {
  const ATTEMPTS = 20;
  await kit.check(
    { id: 'rate-limits/two-factor-challenge', rule: 'rate-limits', endpoint: 'verifyTwoFactorChallenge', title: `wrong 2FA codes: 429 rate-limited within ${ATTEMPTS} tries, with Retry-After` },
    async () => {
      if (!kit.has('rate-limits')) skip(kit.notAsked('rate-limits'));
      const start = kit.options.hooks?.startTwoFactorChallenge;
      if (!start) skip('needs a sign-in 2FA challenge: export startTwoFactorChallenge from the --sign-in module');
      const challengeId = await start(kit.hookContext());
      let code = '000000';
      for (let i = 1; i <= ATTEMPTS; i++) {
        code = otherCode(code === '000000' ? '123456' : code);
        const answer = await kit.client.call('verifyTwoFactorChallenge', { body: { challengeId, method: 'totp', code, trustDevice: false } });
        if (answer.status === 429) {
          kit.refused(answer, 429, ['rate-limited']);
          const header = answer.headers.get('retry-after');
          if (header === null) fail('the 429 has no Retry-After header (the elements count down from it)');
          if (!/^\d+$/.test(header.trim()) && Number.isNaN(Date.parse(header))) fail(`Retry-After "${header}" is neither seconds nor an HTTP date`);
          return `429 after ${i} wrong codes, Retry-After ${header}`;
        }
        if (answer.status === 200) fail(`wrong code ${code} was accepted`);
        if (answer.status !== 422) fail(`wrong code ${i} answered ${describeAnswer(answer)}, expected 422 and then 429`);
      }
      fail(`${ATTEMPTS} wrong codes on one challenge, and no 429: a server must limit guessing (six digits fall to brute force)`);
    },
  );
}

/** Deletion: refused with a wrong password or address; with the optional part, done for real last. */
export async function checkDeletion(kit: Kit): Promise<void> {
  const { client } = kit;
  await kit.check(
    { id: 'server-enforced/deletion-wrong-password', rule: 'deletion', endpoint: 'deleteAccount', title: 'a wrong password: 422 invalid-credentials on password' },
    async () => {
      const email = kit.state.email;
      if (!email) skip('the profile could not be read');
      kit.fieldError(await client.call('deleteAccount', { body: { email, password: WRONG_PASSWORD } }), 'password', ['invalid-credentials']);
    },
  );
  await kit.check(
    { id: 'server-enforced/deletion-wrong-email', rule: 'deletion', endpoint: 'deleteAccount', title: 'another address: 422 on email' },
    async () => {
      const password = kit.needPassword();
      kit.fieldError(await client.call('deleteAccount', { body: { email: 'dn-conformance-other@example.invalid', password } }), 'email', ['validation', 'invalid-credentials']);
    },
  );
  await kit.check({ id: 'deletion/delete', rule: 'deletion', endpoint: 'deleteAccount', title: 'deleting the test user: 409 workspace-owner while blocked, else done and signed out' }, async () => {
    if (!kit.has('delete-account')) {
      client.noSuccess('deleteAccount', kit.notAsked('delete-account'));
      skip(kit.notAsked('delete-account'));
    }
    const password = kit.needPassword();
    const info = kit.ok<s.AccountDeletionInfo>(await client.call('getAccountDeletion'), 'GET /deletion');
    const answer = await client.call('deleteAccount', { body: { email: info.email, password } });
    if (info.blockingWorkspaces.length) {
      client.noSuccess('deleteAccount', 'the test user owns workspaces with members');
      kit.refused(answer, 409, ['workspace-owner'], 'deleting while owning workspaces with members');
      if (!answer.problem?.workspaces?.length) fail('the workspace-owner problem lists no `workspaces`: the element cannot say which to transfer');
      return 'refused: the test user owns workspaces with members';
    }
    kit.ok(answer, 'deleting the account');
    const after = await client.call('getProfile');
    if (after.status !== 401) fail(`after the deletion GET /profile answered ${describeAnswer(after)}, expected 401`);
    return 'deleted';
  });
}

/** One line per endpoint: every answer seen during the run matched the contract. */
export async function checkContract(kit: Kit): Promise<void> {
  for (const name of Object.keys(endpoints) as EndpointName[]) {
    await kit.check({ id: `schema/${name}`, rule: 'schema', endpoint: name, title: 'every answer matches the contract' }, async () => {
      const record = kit.client.records.get(name);
      if (!record?.statuses.length) skip('no request was sent');
      if (record.violations.length) fail(record.violations.slice(0, 3).join(' | ') + (record.violations.length > 3 ? ` | and ${record.violations.length - 3} more` : ''));
      const successes = record.statuses.filter((st) => st >= 200 && st < 300).length;
      const counts = [...new Set(record.statuses)].sort().map((st) => `${st} ×${record.statuses.filter((x) => x === st).length}`);
      if (!successes) skip(`only errors were asked for (${counts.join(', ')}), all valid problem details; no success: ${record.noSuccess ?? 'no check asked for one'}`);
      return counts.join(', ');
    });
  }
}
