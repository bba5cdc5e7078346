/**
 * Invalid requests (422 with an error per field, 400 for malformed JSON), and the rules a
 * server must enforce itself because a client can be bypassed: display-name length and
 * characters (no control or bidi-control characters, right-to-left letters allowed), the
 * password policy it serves, avatar type by content (decoded, not only sniffed) and size,
 * locked notification cells.
 */
import * as s from '../../src/api/schemas.js';
import { GIF, largePng, png, PNG_SIGNATURE_SCRIPT, SVG } from '../images.js';
import { fail, skip, type Kit } from '../kit.js';
import { WRONG_PASSWORD } from '../probes.js';

export async function checkValidation(kit: Kit): Promise<void> {
  const { client } = kit;
  const restoreName = async (): Promise<void> => {
    if (kit.state.displayName !== undefined) await client.call('updateProfile', { body: { displayName: kit.state.displayName } });
  };

  await kit.check(
    { id: 'validation/display-name-too-short', rule: 'validation', endpoint: 'updateProfile', title: `display name of 1 character: 422 on displayName` },
    async () => {
      const answer = await client.call('updateProfile', { body: { displayName: 'A' } });
      if (answer.status === 200) await restoreName();
      kit.fieldError(answer, 'displayName', ['validation']);
    },
  );
  await kit.check(
    {
      id: 'validation/display-name-too-long',
      rule: 'validation',
      endpoint: 'updateProfile',
      title: `display name of ${s.DISPLAY_NAME_MAX + 1} characters: 422 on displayName`,
    },
    async () => {
      const answer = await client.call('updateProfile', { body: { displayName: 'A'.repeat(s.DISPLAY_NAME_MAX + 1) } });
      if (answer.status === 200) {
        await restoreName();
        fail(`a display name of ${s.DISPLAY_NAME_MAX + 1} characters was saved (200); the contract allows at most ${s.DISPLAY_NAME_MAX} — the server must refuse it with 422, a client can be bypassed`);
      }
      kit.fieldError(answer, 'displayName', ['validation']);
    },
  );
  await kit.check(
    { id: 'validation/display-name-longest', rule: 'validation', endpoint: 'updateProfile', title: `display name of ${s.DISPLAY_NAME_MAX} characters: accepted` },
    async () => {
      const name = 'Conformance '.padEnd(s.DISPLAY_NAME_MAX, 'x');
      const answer = await client.call('updateProfile', { body: { displayName: name } });
      const profile = kit.ok<s.Profile>(answer, `a display name of ${s.DISPLAY_NAME_MAX} characters`);
      await restoreName();
      if (profile.displayName !== name) fail(`the answer's displayName is "${profile.displayName}", not the ${s.DISPLAY_NAME_MAX} characters sent`);
    },
  );
  await kit.check(
    {
      id: 'validation/display-name-bidi-override',
      rule: 'validation',
      endpoint: 'updateProfile',
      title: 'display name with a right-to-left override (U+202E): 422 on displayName',
    },
    async () => {
      const answer = await client.call('updateProfile', { body: { displayName: 'Conformance\u202Egpj.exe' } });
      if (answer.status === 200) {
        await restoreName();
        fail('a display name with U+202E (RIGHT-TO-LEFT OVERRIDE) was saved (200): it shows as "Conformanceexe.jpg" — the contract refuses control and bidi-control characters in single-line fields, the server must answer 422');
      }
      kit.fieldError(answer, 'displayName', ['validation']);
    },
  );
  await kit.check(
    { id: 'validation/display-name-right-to-left', rule: 'validation', endpoint: 'updateProfile', title: 'display name in Arabic and in Hebrew: accepted' },
    async () => {
      for (const name of ['أميرة حداد', 'שרה לוי']) {
        const profile = kit.ok<s.Profile>(await client.call('updateProfile', { body: { displayName: name } }), `the display name "${name}"`);
        if (profile.displayName !== name) fail(`the answer's displayName is "${profile.displayName}", not "${name}" as sent`);
      }
      await restoreName();
    },
  );
  await kit.check({ id: 'validation/malformed-json', rule: 'validation', endpoint: 'updateProfile', title: 'malformed JSON: 400 or 422 problem' }, async () => {
    const answer = await client.call('updateProfile', { raw: { body: '{"displayName": "Amira', contentType: 'application/json' } });
    kit.refused(answer, [400, 422]);
  });
  await kit.check({ id: 'validation/enum', rule: 'validation', endpoint: 'updatePreferences', title: 'an unknown theme: 422 on theme' }, async () => {
    kit.fieldError(await client.call('updatePreferences', { body: { theme: 'neon' } }), 'theme', ['validation']);
  });
  await kit.check(
    { id: 'validation/required-field', rule: 'validation', endpoint: 'updatePrivacySettings', title: 'a missing field: 422 on analyticsEnabled' },
    async () => {
      kit.fieldError(await client.call('updatePrivacySettings', { body: {} }), 'analyticsEnabled', ['validation']);
    },
  );
  await kit.check({ id: 'validation/email', rule: 'validation', endpoint: 'requestEmailChange', title: 'a new address that is no address: 422 on newEmail' }, async () => {
    kit.fieldError(await client.call('requestEmailChange', { body: { newEmail: 'not-an-address' } }), 'newEmail', ['validation']);
  });
  await kit.check({ id: 'validation/query-limit', rule: 'validation', endpoint: 'listLoginActivity', title: 'limit=0 and limit=201: 400 or 422' }, async () => {
    for (const limit of [0, 201]) kit.refused(await client.call('listLoginActivity', { query: { limit } }), [400, 422], [], `limit=${limit}`);
  });
  await kit.check({ id: 'validation/reauth-empty', rule: 'validation', endpoint: 'reauthenticate', title: 'an empty password: 422 on password' }, async () => {
    kit.fieldError(await client.call('reauthenticate', { body: { method: 'password', password: '' } }), 'password', ['validation']);
  });
}

/** Rules a client also checks and the server must enforce anyway. */
export async function checkServerEnforced(kit: Kit): Promise<void> {
  const { client } = kit;

  // ——— Password policy, as the server serves it ———
  const policyAnswer = await client.call('getPasswordPolicy', { auth: false });
  const policy = policyAnswer.data as s.PasswordPolicy | undefined;
  const weak: { id: string; title: string; password: string }[] = [];
  if (policy) {
    const strong = (length: number): string => {
      let out = 'Cf7!';
      while (out.length < length) out += 'zQ3#k'[out.length % 5];
      return out;
    };
    if (policy.minLength > 4) weak.push({ id: 'too-short', title: `${policy.minLength - 1} characters (policy: at least ${policy.minLength})`, password: strong(policy.minLength - 1) });
    weak.push({ id: 'too-long', title: `${policy.maxLength + 1} characters (policy: at most ${policy.maxLength})`, password: strong(policy.maxLength + 1) });
    const base = strong(Math.max(policy.minLength, 16));
    const without: Record<s.PasswordRule, [RegExp, string]> = {
      number: [/\p{Nd}/gu, 'k'],
      special: [/[^\p{L}\p{Nd}]/gu, 'k'],
      uppercase: [/\p{Lu}/gu, 'k'],
      lowercase: [/\p{Ll}/gu, 'K'],
    };
    for (const rule of policy.rules) {
      const [re, filler] = without[rule];
      weak.push({ id: `no-${rule}`, title: `no ${rule === 'number' ? 'number' : rule === 'special' ? 'special character' : `${rule} letter`} (policy rule "${rule}")`, password: base.replace(re, filler) });
    }
  }
  for (const w of weak) {
    await kit.check(
      { id: `server-enforced/password-${w.id}`, rule: 'server-enforced', endpoint: 'changePassword', title: `a new password with ${w.title}: 422 on newPassword` },
      async () => {
        const password = kit.needPassword();
        const answer = await client.call('changePassword', { body: { currentPassword: password, newPassword: w.password } });
        if (answer.status === 200) {
          const back = await client.call('changePassword', { body: { currentPassword: w.password, newPassword: password } });
          const restored = back.status === 200 ? 'it was changed back' : `changing it back failed (${back.status}): the test user's password is now "${w.password}"`;
          fail(`the server accepted a password its own policy refuses (${w.title}); ${restored}`);
        }
        kit.fieldError(answer, 'newPassword', ['validation', 'password-rejected']);
      },
    );
  }
  if (!policy) {
    await kit.check({ id: 'server-enforced/password-policy', rule: 'server-enforced', endpoint: 'changePassword', title: 'the served password policy is enforced' }, async () => {
      skip('GET /password/policy gave no valid policy');
    });
  }
  await kit.check(
    { id: 'server-enforced/password-wrong-current', rule: 'server-enforced', endpoint: 'changePassword', title: 'a wrong current password: 422 invalid-credentials on currentPassword' },
    async () => {
      const answer = await client.call('changePassword', { body: { currentPassword: WRONG_PASSWORD, newPassword: 'Cf7!zQ3#kCf7!zQ3#kCf7!' } });
      kit.fieldError(answer, 'currentPassword', ['invalid-credentials']);
    },
  );

  // ——— Avatar: by content and size ———
  const before = await client.call('getProfile');
  const original = (before.data as s.Profile | undefined)?.avatarUrl ?? null;
  const upload = (bytes: Uint8Array, contentType: string) => client.call('uploadAvatar', { raw: { body: bytes, contentType } });
  await kit.check(
    { id: 'server-enforced/avatar-too-large', rule: 'server-enforced', endpoint: 'uploadAvatar', title: 'a PNG of 3 MB: 413 payload-too-large' },
    async () => {
      kit.refused(await upload(largePng(), 'image/png'), 413, ['payload-too-large'], 'a 3 MB PNG');
    },
  );
  await kit.check({ id: 'server-enforced/avatar-svg', rule: 'server-enforced', endpoint: 'uploadAvatar', title: 'an SVG: 415 unsupported-media-type' }, async () => {
    kit.refused(await upload(SVG, 'image/svg+xml'), 415, ['unsupported-media-type'], 'an SVG');
  });
  await kit.check(
    {
      id: 'server-enforced/avatar-content',
      rule: 'server-enforced',
      endpoint: 'uploadAvatar',
      title: 'a GIF and an SVG declared image/png: 415 (the type is judged by content)',
    },
    async () => {
      kit.refused(await upload(GIF, 'image/png'), 415, ['unsupported-media-type'], 'GIF bytes sent as image/png');
      kit.refused(await upload(SVG, 'image/png'), 415, ['unsupported-media-type'], 'SVG bytes sent as image/png');
    },
  );
  await kit.check(
    {
      id: 'server-enforced/avatar-undecodable',
      rule: 'server-enforced',
      endpoint: 'uploadAvatar',
      title: 'a PNG signature followed by a script tag: 415 (the image is decoded, not only its first bytes read)',
    },
    async () => {
      const answer = await upload(PNG_SIGNATURE_SCRIPT, 'image/png');
      if (answer.status === 200) {
        fail('46 bytes of PNG signature and a script tag were stored as the avatar (200): a signature is not an image — the server must decode the file and refuse it with 415');
      }
      kit.refused(answer, 415, ['unsupported-media-type'], 'a PNG signature followed by a script tag');
    },
  );
  await kit.check(
    {
      id: 'server-enforced/avatar-renamed',
      rule: 'server-enforced',
      endpoint: 'uploadAvatar',
      title: 'a PNG renamed .gif (sent as image/gif): stored as a PNG, or 415',
    },
    async () => {
      const answer = await upload(png(8), 'image/gif');
      if (answer.status === 415) {
        kit.refused(answer, 415, ['unsupported-media-type']);
        return 'refused by its declared type';
      }
      const profile = kit.ok<s.Profile>(answer, 'a PNG declared image/gif');
      if (profile.avatarUrl?.startsWith('data:image/gif')) fail('the PNG was stored as image/gif: the type must come from the content');
      return 'stored as a PNG';
    },
  );
  await kit.check({ id: 'settings/avatar-upload', rule: 'settings', endpoint: 'uploadAvatar', title: 'a small PNG: stored, avatarUrl set' }, async () => {
    const profile = kit.ok<s.Profile>(await upload(png(64), 'image/png'), 'a 64×64 PNG');
    if (!profile.avatarUrl) fail('the answer after an upload has avatarUrl null');
  });
  await kit.check(
    { id: 'not-found/avatar-remove-twice', rule: 'not-found', endpoint: 'removeAvatar', title: 'remove twice: both 200, avatarUrl null (idempotent)' },
    async () => {
      for (const round of ['first', 'second']) {
        const profile = kit.ok<s.Profile>(await client.call('removeAvatar'), `the ${round} DELETE /profile/avatar`);
        if (profile.avatarUrl !== null) fail(`after the ${round} removal avatarUrl is ${profile.avatarUrl}`);
      }
    },
  );
  await kit.check({ id: 'settings/avatar-restored', rule: 'settings', endpoint: 'uploadAvatar', title: 'the test user’s avatar is put back' }, async () => {
    if (original === null) return 'the test user had none';
    const response = await client.fetchUrl(original).catch(() => undefined);
    if (!response?.ok) skip(`the original avatar (${original.slice(0, 80)}) could not be read back to upload it again`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const type = response.headers.get('content-type')?.split(';')[0] ?? 'image/png';
    kit.ok(await upload(bytes, type), 'uploading the original avatar again');
  });

  // ——— Locked notification cells ———
  await kit.check(
    { id: 'server-enforced/notification-locked', rule: 'server-enforced', endpoint: 'updateNotificationPreferences', title: 'changing a locked cell: 422, value unchanged' },
    async () => {
      const prefs = kit.ok<s.NotificationPreferences>(await client.call('getNotificationPreferences'), 'GET /notifications');
      const type = prefs.types.find((t) => Object.keys(t.locked).length > 0);
      const channelId = type && Object.keys(type.locked)[0];
      if (!type || !channelId) skip('the catalog has no locked cell');
      const current = prefs.values[type.id]?.[channelId] ?? type.defaults[channelId] ?? false;
      const answer = await client.call('updateNotificationPreferences', { body: { changes: [{ typeId: type.id, channelId, enabled: !current }] } });
      if (answer.status === 200) {
        await client.call('updateNotificationPreferences', { body: { changes: [{ typeId: type.id, channelId, enabled: current }] } });
        fail(`the locked cell ${type.id} × ${channelId} ("${type.locked[channelId]}") was changed (200)`);
      }
      kit.refused(answer, 422);
      if (!answer.problem?.errors?.length) fail('the 422 has no `errors`: the matrix cannot point at the refused cell');
      const after = kit.ok<s.NotificationPreferences>(await client.call('getNotificationPreferences'), 'GET /notifications after');
      if ((after.values[type.id]?.[channelId] ?? current) !== current) fail('after the refusal the locked cell has changed all the same');
    },
  );
  await kit.check(
    { id: 'server-enforced/notification-unknown', rule: 'server-enforced', endpoint: 'updateNotificationPreferences', title: 'an unknown notification type: 422' },
    async () => {
      const answer = await client.call('updateNotificationPreferences', { body: { changes: [{ typeId: 'dn-conformance-unknown', channelId: 'email', enabled: true }] } });
      kit.refused(answer, 422);
    },
  );
}
