/** Reads and round trips that leave the test user's settings as they were. */
import type * as s from '../../src/api/schemas.js';
import { fail, skip, type Kit } from '../kit.js';
import { UNKNOWN_ID } from '../probes.js';

export async function checkSettings(kit: Kit): Promise<void> {
  const { client } = kit;

  await kit.check({ id: 'settings/profile-update', rule: 'settings', endpoint: 'updateProfile', title: 'saving the current display name: 200, unchanged' }, async () => {
    const name = kit.state.displayName;
    if (name === undefined) skip('the profile could not be read');
    const profile = kit.ok<s.Profile>(await client.call('updateProfile', { body: { displayName: name } }));
    if (profile.displayName !== name) fail(`the answer's displayName is "${profile.displayName}", not "${name}"`);
  });

  await kit.check({ id: 'settings/preferences', rule: 'settings', endpoint: 'updatePreferences', title: 'saving the current preferences: 200, unchanged' }, async () => {
    const current = kit.ok<s.Preferences>(await client.call('getPreferences'), 'GET /preferences');
    const saved = kit.ok<s.Preferences>(await client.call('updatePreferences', { body: current }));
    for (const key of Object.keys(current) as (keyof s.Preferences)[]) {
      if (saved[key] !== current[key]) fail(`${key} came back as "${saved[key]}", sent "${current[key]}"`);
    }
  });

  await kit.check({ id: 'settings/privacy', rule: 'settings', endpoint: 'updatePrivacySettings', title: 'saving the current privacy setting: 200, unchanged' }, async () => {
    const current = kit.ok<s.PrivacySettings>(await client.call('getPrivacySettings'), 'GET /privacy');
    const saved = kit.ok<s.PrivacySettings>(await client.call('updatePrivacySettings', { body: current }));
    if (saved.analyticsEnabled !== current.analyticsEnabled) fail(`analyticsEnabled came back as ${saved.analyticsEnabled}`);
  });

  // ——— Notifications: one unlocked cell toggled and back; reset to the defaults, then the old values back ———
  let original: s.NotificationPreferences | undefined;
  await kit.check(
    { id: 'settings/notification-toggle', rule: 'settings', endpoint: 'updateNotificationPreferences', title: 'an unlocked cell: changed, then changed back' },
    async () => {
      original = kit.ok<s.NotificationPreferences>(await client.call('getNotificationPreferences'), 'GET /notifications');
      const prefs = original;
      const cell = prefs.types.flatMap((t) => prefs.channels.filter((c) => t.locked[c.id] === undefined).map((c) => ({ typeId: t.id, channelId: c.id }))).at(0);
      if (!cell) skip('every cell of the catalog is locked');
      const current = prefs.values[cell.typeId]?.[cell.channelId] ?? false;
      const changed = kit.ok<s.NotificationPreferences>(
        await client.call('updateNotificationPreferences', { body: { changes: [{ ...cell, enabled: !current }] } }),
        `turning ${cell.typeId} × ${cell.channelId} ${current ? 'off' : 'on'}`,
      );
      if (changed.values[cell.typeId]?.[cell.channelId] !== !current) fail(`the answer still shows ${cell.typeId} × ${cell.channelId} as ${current}`);
      const back = kit.ok<s.NotificationPreferences>(await client.call('updateNotificationPreferences', { body: { changes: [{ ...cell, enabled: current }] } }));
      if (back.values[cell.typeId]?.[cell.channelId] !== current) fail('changing it back did not show in the answer');
    },
  );
  await kit.check(
    { id: 'settings/notification-reset', rule: 'settings', endpoint: 'resetNotificationPreferences', title: 'reset: every cell at its default; then the old values back' },
    async () => {
      const before = original ?? kit.ok<s.NotificationPreferences>(await client.call('getNotificationPreferences'), 'GET /notifications');
      const reset = kit.ok<s.NotificationPreferences>(await client.call('resetNotificationPreferences'));
      const wrong: string[] = [];
      for (const type of reset.types) {
        for (const [channel, on] of Object.entries(type.defaults)) {
          const value = reset.values[type.id]?.[channel];
          if (value !== undefined && value !== on) wrong.push(`${type.id} × ${channel}`);
        }
      }
      const changes = before.types.flatMap((t) =>
        Object.entries(before.values[t.id] ?? {})
          .filter(([channel, on]) => t.locked[channel] === undefined && reset.values[t.id]?.[channel] !== on)
          .map(([channelId, enabled]) => ({ typeId: t.id, channelId, enabled })),
      );
      if (changes.length) kit.ok(await client.call('updateNotificationPreferences', { body: { changes } }), 'putting the old values back');
      if (wrong.length) fail(`after the reset these cells are not at their default: ${wrong.slice(0, 5).join(', ')}`);
    },
  );

  // ——— Connected accounts ———
  await kit.check(
    { id: 'settings/connect-start', rule: 'settings', endpoint: 'connectAccount', title: 'connecting a provider: an authorization URL' },
    async () => {
      const list = kit.ok<s.ConnectedAccountList>(await client.call('listConnectedAccounts'), 'GET /connected-accounts');
      const provider = list.items.find((a) => !a.connected) ?? list.items[0];
      if (!provider) skip('the server lists no provider');
      const start = kit.ok<s.ConnectStart>(
        await client.call('connectAccount', { params: { provider: provider.provider }, body: { redirectUri: `${new URL(client.baseUrl).origin}/settings`, mode: 'redirect' } }),
      );
      let url: URL;
      try {
        url = new URL(start.authorizationUrl, `${client.baseUrl}/`);
      } catch {
        fail(`authorizationUrl "${start.authorizationUrl}" is not a URL`);
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(`authorizationUrl uses ${url.protocol}; the elements open only http(s) URLs`);
    },
  );
  await kit.check({ id: 'not-found/connect-unknown', rule: 'not-found', endpoint: 'connectAccount', title: 'an unknown provider: 404' }, async () => {
    kit.refused(
      await client.call('connectAccount', { params: { provider: UNKNOWN_ID }, body: { redirectUri: 'https://example.invalid/settings', mode: 'redirect' } }),
      404,
    );
  });
  await kit.check({ id: 'not-found/disconnect-unknown', rule: 'not-found', endpoint: 'disconnectAccount', title: 'an unknown provider: 404' }, async () => {
    kit.refused(await client.call('disconnectAccount', { params: { provider: UNKNOWN_ID } }), 404);
  });
  await kit.check(
    { id: 'settings/disconnect', rule: 'settings', endpoint: 'disconnectAccount', title: 'disconnecting a provider; again: 200 or 404' },
    async () => {
      if (!kit.has('disconnect')) {
        client.noSuccess('disconnectAccount', kit.notAsked('disconnect'));
        skip(kit.notAsked('disconnect'));
      }
      const list = kit.ok<s.ConnectedAccountList>(await client.call('listConnectedAccounts'), 'GET /connected-accounts');
      const connected = list.items.find((a) => a.connected);
      if (!connected) skip('the test user has no connected provider');
      const after = kit.ok<s.ConnectedAccountList>(await client.call('disconnectAccount', { params: { provider: connected.provider } }));
      if (after.items.find((a) => a.provider === connected.provider)?.connected) fail(`the answer still lists ${connected.provider} as connected`);
      const again = await client.call('disconnectAccount', { params: { provider: connected.provider } });
      if (again.status !== 200) kit.refused(again, 404, [], 'disconnecting again');
      else kit.ok(again, 'disconnecting again');
    },
  );

  await kit.check({ id: 'settings/billing', rule: 'settings', endpoint: 'getBillingSummary', title: 'the billing summary reads' }, async () => {
    kit.ok(await client.call('getBillingSummary'));
  });
  await kit.check({ id: 'settings/deletion-info', rule: 'settings', endpoint: 'getAccountDeletion', title: 'what deleting would remove reads, for the signed-in address' }, async () => {
    const info = kit.ok<s.AccountDeletionInfo>(await client.call('getAccountDeletion'));
    if (kit.state.email && info.email.toLowerCase() !== kit.state.email.toLowerCase()) fail(`it names ${info.email}, the profile ${kit.state.email}`);
  });
}
