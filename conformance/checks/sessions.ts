/** Sessions, trusted devices and the login activity pages. */
import type * as s from '../../src/api/schemas.js';
import { fail, skip, type Kit } from '../kit.js';
import { UNKNOWN_ID } from '../probes.js';

/**
 * Revokes one other session, twice. Runs before the re-authentication probes let a
 * revoke-others through (which leaves no other session).
 */
export async function checkRevokeSession(kit: Kit): Promise<void> {
  const { client } = kit;
  await kit.check(
    { id: 'not-found/session-revoke-twice', rule: 'not-found', endpoint: 'revokeSession', title: 'revoking another session: 200; again: 404' },
    async () => {
      const list = kit.ok<s.SessionList>(await client.call('listSessions'), 'GET /sessions');
      const other = list.items.find((x) => !x.current);
      if (!other) {
        client.noSuccess('revokeSession', 'the test user had no other session');
        skip('the test user has no other session to revoke (sign in elsewhere first)');
      }
      const revoked = kit.ok<s.Revoked>(await client.call('revokeSession', { params: { id: other.id } }));
      if (revoked.revoked !== 1) fail(`revoked is ${revoked.revoked}, expected 1`);
      kit.refused(await client.call('revokeSession', { params: { id: other.id } }), 404, [], 'revoking it again');
      const after = kit.ok<s.SessionList>(await client.call('listSessions'), 'GET /sessions after');
      if (after.items.some((x) => x.id === other.id)) fail('the revoked session is still listed');
    },
  );
}

export async function checkSessions(kit: Kit): Promise<void> {
  const { client } = kit;

  await kit.check({ id: 'sessions/one-current', rule: 'sessions', endpoint: 'listSessions', title: 'exactly one session is the current one' }, async () => {
    const list = kit.ok<s.SessionList>(await client.call('listSessions'));
    const current = list.items.filter((x) => x.current);
    if (current.length !== 1) fail(`${current.length} sessions are marked current; the one this request came from must be, alone`);
    if (new Set(list.items.map((x) => x.id)).size !== list.items.length) fail('session ids repeat');
  });

  await kit.check({ id: 'not-found/session-unknown', rule: 'not-found', endpoint: 'revokeSession', title: 'an unknown session id: 404' }, async () => {
    kit.refused(await client.call('revokeSession', { params: { id: UNKNOWN_ID } }), 404);
  });

  await kit.check({ id: 'sessions/revoke-others', rule: 'sessions', endpoint: 'revokeOtherSessions', title: 'revoke others: only the current session is left' }, async () => {
    const before = kit.ok<s.SessionList>(await client.call('listSessions'), 'GET /sessions');
    const revoked = kit.ok<s.Revoked>(await client.call('revokeOtherSessions'));
    const others = before.items.filter((x) => !x.current).length;
    if (revoked.revoked !== others) fail(`revoked is ${revoked.revoked}; ${others} other sessions were listed just before`);
    const after = kit.ok<s.SessionList>(await client.call('listSessions'), 'GET /sessions after');
    if (after.items.length !== 1 || !after.items[0]?.current) {
      fail(`after revoking the others ${after.items.length} sessions are listed (${after.items.filter((x) => x.current).length} current); expected the current one alone`);
    }
    // This request still works: the current session survived.
    kit.ok(await client.call('getProfile'), 'GET /profile with the current session');
  });

  // ——— Trusted devices ———
  // Run inside the 2FA part when it could sign in with "trust this device" (servers end trust when 2FA goes off).
  if (!kit.state.trustedDeviceChecked) await checkRevokeTrustedDevice(kit);
  await kit.check({ id: 'not-found/trusted-device-unknown', rule: 'not-found', endpoint: 'revokeTrustedDevice', title: 'an unknown trusted device id: 404' }, async () => {
    kit.refused(await client.call('revokeTrustedDevice', { params: { id: UNKNOWN_ID } }), 404);
  });
  await kit.check(
    { id: 'not-found/trusted-devices-revoke-all-twice', rule: 'not-found', endpoint: 'revokeAllTrustedDevices', title: 'revoke all: none left; again: 200, revoked 0' },
    async () => {
      kit.ok(await client.call('revokeAllTrustedDevices'));
      const list = kit.ok<s.TrustedDeviceList>(await client.call('listTrustedDevices'), 'GET /trusted-devices after');
      if (list.items.length) fail(`${list.items.length} trusted devices are still listed`);
      const again = kit.ok<s.Revoked>(await client.call('revokeAllTrustedDevices'), 'revoking all again');
      if (again.revoked !== 0) fail(`the second revoke-all says revoked ${again.revoked}`);
    },
  );
}

/** Walks the cursor pages of `/login-activity` (at most `max` items). */
async function walk(kit: Kit, limit: number, status: 'all' | 'failed', max: number): Promise<{ items: s.LoginAttempt[]; complete: boolean; pages: number }> {
  const items: s.LoginAttempt[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query: Record<string, string | number> = { limit, status };
    if (cursor !== null) query['cursor'] = cursor;
    const page = kit.ok<s.LoginActivityPage>(await kit.client.call('listLoginActivity', { query }), `page ${pages + 1} (limit ${limit}, status ${status})`);
    pages++;
    if (page.items.length > limit) fail(`page ${pages} has ${page.items.length} items for limit ${limit}`);
    if (page.nextCursor !== null && page.items.length === 0) fail(`page ${pages} is empty but has a nextCursor`);
    if (page.nextCursor !== null && page.nextCursor === cursor) fail(`page ${pages} hands back the cursor it was asked with`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && items.length < max);
  return { items, complete: cursor === null, pages };
}

export async function checkLoginActivity(kit: Kit): Promise<void> {
  const MAX = 400;
  let all: Awaited<ReturnType<typeof walk>> | undefined;

  await kit.check(
    { id: 'login-activity/pages', rule: 'login-activity', endpoint: 'listLoginActivity', title: 'pages of 7 give the same attempts as pages of 200: no gap, no duplicate, newest first' },
    async () => {
      all = await walk(kit, 200, 'all', MAX);
      const small = await walk(kit, 7, 'all', all.items.length);
      const ids = small.items.map((x) => x.id);
      const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
      if (dupes.length) fail(`ids repeat across pages of 7: ${[...new Set(dupes)].slice(0, 5).join(', ')}`);
      const n = Math.min(small.items.length, all.items.length);
      for (let i = 0; i < n; i++) {
        if (small.items[i]?.id !== all.items[i]?.id) {
          fail(`attempt ${i + 1} differs: pages of 7 give ${small.items[i]?.id}, pages of 200 give ${all.items[i]?.id} (a gap or an overlap at a page boundary)`);
        }
      }
      if (small.items.length < n || (all.complete && small.items.length !== all.items.length)) {
        fail(`pages of 7 end after ${small.items.length} attempts, pages of 200 have ${all.items.length}`);
      }
      for (let i = 1; i < all.items.length; i++) {
        if (Date.parse(all.items[i]!.at) > Date.parse(all.items[i - 1]!.at)) fail(`attempt ${i + 1} (${all.items[i]!.at}) is newer than the one before it: newest first`);
      }
      if (all.items.length < 8) return `only ${all.items.length} attempts: too few to cross a page boundary of 7`;
      return `${all.items.length} attempts, ${small.pages} pages of 7`;
    },
  );

  await kit.check(
    { id: 'login-activity/failed-filter', rule: 'login-activity', endpoint: 'listLoginActivity', title: 'status=failed: failed attempts only, the same ones, paged without gaps' },
    async () => {
      if (!all) skip('the unfiltered pages could not be read');
      const failed = await walk(kit, 5, 'failed', MAX);
      const succeeded = failed.items.filter((x) => x.success);
      if (succeeded.length) fail(`status=failed returned ${succeeded.length} successful attempts (${succeeded.slice(0, 3).map((x) => x.id).join(', ')})`);
      const expected = all.items.filter((x) => !x.success).map((x) => x.id);
      const got = failed.items.map((x) => x.id);
      const n = all.complete && failed.complete ? Math.max(expected.length, got.length) : Math.min(expected.length, got.length);
      for (let i = 0; i < n; i++) {
        if (expected[i] !== got[i]) fail(`failed attempt ${i + 1}: the filter gives ${got[i] ?? 'nothing'}, the unfiltered list ${expected[i] ?? 'nothing'}`);
      }
      if (expected.length === 0) return 'no failed attempts in the history to compare';
      return `${got.length} failed attempts in ${failed.pages} pages of 5`;
    },
  );

  await kit.check({ id: 'validation/cursor', rule: 'validation', endpoint: 'listLoginActivity', title: 'a cursor the server never issued: 400 or 422' }, async () => {
    kit.refused(await kit.client.call('listLoginActivity', { query: { cursor: 'not-a-cursor!' } }), [400, 422]);
  });
}

/**
 * Revokes a trusted device, twice: 200, then 404. `prepare` may first make one (a sign-in
 * challenge with "trust this device") and answer its id; otherwise the first one listed.
 */
export async function checkRevokeTrustedDevice(kit: Kit, prepare?: () => Promise<string>): Promise<void> {
  const { client } = kit;
  kit.state.trustedDeviceChecked = true;
  await kit.check(
    { id: 'not-found/trusted-device-revoke-twice', rule: 'not-found', endpoint: 'revokeTrustedDevice', title: 'revoking a trusted device: 200; again: 404' },
    async () => {
      const made = await prepare?.();
      const list = kit.ok<s.TrustedDeviceList>(await client.call('listTrustedDevices'));
      if (made && !list.items.some((x) => x.id === made)) fail(`the device just trusted (${made}) is not in GET /trusted-devices`);
      const device = list.items.find((x) => x.id === made) ?? list.items[0];
      if (!device) {
        client.noSuccess('revokeTrustedDevice', 'the test user had no trusted device');
        skip('the test user has no trusted device');
      }
      const revoked = kit.ok<s.Revoked>(await client.call('revokeTrustedDevice', { params: { id: device.id } }));
      if (revoked.revoked !== 1) fail(`revoked is ${revoked.revoked}, expected 1`);
      kit.refused(await client.call('revokeTrustedDevice', { params: { id: device.id } }), 404, [], 'revoking it again');
    },
  );
}
