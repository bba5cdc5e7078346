/**
 * Passkeys: a whole life of one, with the kit's software authenticator (conformance/webauthn.ts)
 * in place of the browser's — registered, listed, renamed, used to confirm it's the user, and
 * removed — and the relying party's refusals: a challenge used twice, a signature that does
 * not verify, an assertion for another origin.
 */
import type * as s from '../../src/api/schemas.js';
import { fail, skip, type Kit } from '../kit.js';
import { UNKNOWN_ID } from '../probes.js';
import { base64url, fromBase64url, SoftAuthenticator } from '../webauthn.js';

const NAME = 'Conformance passkey';
/** Problem answers a server may give a credential it does not accept. */
const REFUSED = [400, 403, 409, 410, 422];

export async function checkPasskeys(kit: Kit): Promise<void> {
  const { client } = kit;
  const origin = kit.options.passkeyOrigin ?? new URL(client.baseUrl).origin;
  const authenticator = new SoftAuthenticator(origin);
  let passkey: s.Passkey | undefined;

  await kit.check({ id: 'passkeys/list', rule: 'passkeys', endpoint: 'listPasskeys', title: 'the list: ids unique, at most one current' }, async () => {
    const list = kit.ok<s.PasskeyList>(await client.call('listPasskeys'));
    if (new Set(list.items.map((p) => p.id)).size !== list.items.length) fail('passkey ids repeat');
    if (list.items.filter((p) => p.current).length > 1) fail('more than one passkey is marked current');
  });

  const registered = await kit.check(
    { id: 'passkeys/register', rule: 'passkeys', endpoint: 'finishPasskeyRegistration', title: 'options for create(), a new credential verified and listed under a name' },
    async () => {
      const options = kit.ok<s.PasskeyRegistrationOptions>(await client.call('startPasskeyRegistration'), 'POST /passkeys/registration-options');
      if (fromBase64url(options.challenge).length < 16) fail('the challenge is shorter than 16 bytes');
      if (!options.pubKeyCredParams.some((p) => p.alg === -7)) fail('pubKeyCredParams lacks ES256 (-7), which every authenticator supports');
      const second = kit.ok<s.PasskeyRegistrationOptions>(await client.call('startPasskeyRegistration'), 'a second POST /passkeys/registration-options');
      if (second.challenge === options.challenge) fail('two requests got the same challenge: each ceremony needs a new one');
      const credential = await authenticator.register(options);
      passkey = kit.ok<s.Passkey>(await client.call('finishPasskeyRegistration', { body: { credential } }), 'POST /passkeys');
      if (!passkey.name.trim()) fail('the new passkey has no name: give it a default (the authenticator’s or the browser’s)');
      const list = kit.ok<s.PasskeyList>(await client.call('listPasskeys'), 'GET /passkeys after');
      if (!list.items.some((p) => p.id === passkey!.id)) fail('the new passkey is not listed');
      // The same answer again: its challenge is used up.
      kit.refused(await client.call('finishPasskeyRegistration', { body: { credential } }), REFUSED, [], 'the same registration sent again');
      return `registered "${passkey.name}"`;
    },
  );

  await kit.check({ id: 'passkeys/rename', rule: 'passkeys', endpoint: 'renamePasskey', title: 'renamed: the answer and the list say the new name; an unknown id: 404' }, async () => {
    if (!registered || !passkey) {
      client.noSuccess('renamePasskey', 'no passkey was registered');
      skip('no passkey was registered');
    }
    const renamed = kit.ok<s.Passkey>(await client.call('renamePasskey', { params: { id: passkey.id }, body: { name: NAME } }));
    if (renamed.name !== NAME) fail(`the answer names it "${renamed.name}", expected "${NAME}"`);
    const listed = kit.ok<s.PasskeyList>(await client.call('listPasskeys'), 'GET /passkeys after').items.find((p) => p.id === passkey!.id);
    if (listed?.name !== NAME) fail(`the list names it "${listed?.name}", expected "${NAME}"`);
    kit.refused(await client.call('renamePasskey', { params: { id: UNKNOWN_ID }, body: { name: NAME } }), 404, [], 'an unknown id');
  });

  await kit.check(
    { id: 'passkeys/reauth', rule: 'passkeys', endpoint: 'reauthenticateWithPasskey', title: "\"Confirm it's you\" with the passkey; the same assertion again, a bad signature or another origin: refused" },
    async () => {
      if (!registered || !passkey) {
        client.noSuccess('startPasskeyReauth', 'no passkey was registered');
        client.noSuccess('reauthenticateWithPasskey', 'no passkey was registered');
        skip('no passkey was registered');
      }
      const options = kit.ok<s.PasskeyAuthenticationOptions>(await client.call('startPasskeyReauth'), 'POST /reauth/passkey/options');
      const assertion = await authenticator.assert(options);
      const result = kit.ok<s.ReauthResult>(await client.call('reauthenticateWithPasskey', { body: { credential: assertion } }));
      if (Number.isNaN(Date.parse(result.reauthenticatedUntil))) fail('reauthenticatedUntil is not a date');
      kit.refused(await client.call('reauthenticateWithPasskey', { body: { credential: assertion } }), REFUSED, [], 'the same assertion again');

      const tampered = await authenticator.assert(kit.ok<s.PasskeyAuthenticationOptions>(await client.call('startPasskeyReauth')));
      const signature = fromBase64url(tampered.response.signature);
      signature[signature.length - 1] = signature[signature.length - 1]! ^ 0x01;
      const bad = { ...tampered, response: { ...tampered.response, signature: base64url(signature) } };
      kit.refused(await client.call('reauthenticateWithPasskey', { body: { credential: bad } }), REFUSED, [], 'a signature that does not verify');

      const phished = await authenticator.assert(kit.ok<s.PasskeyAuthenticationOptions>(await client.call('startPasskeyReauth')), 'https://phishing.example');
      kit.refused(await client.call('reauthenticateWithPasskey', { body: { credential: phished } }), REFUSED, [], 'an assertion made on another origin');
      const after = kit.ok<s.PasskeyList>(await client.call('listPasskeys'), 'GET /passkeys after').items.find((p) => p.id === passkey!.id);
      if (!after?.lastUsedAt) fail('the passkey that confirmed shows no last use');
    },
  );

  await kit.check({ id: 'passkeys/remove', rule: 'passkeys', endpoint: 'deletePasskey', title: 'removed: no longer listed; again: 404' }, async () => {
    if (!registered || !passkey) {
      client.noSuccess('deletePasskey', 'no passkey was registered');
      skip('no passkey was registered');
    }
    const list = kit.ok<s.PasskeyList>(await client.call('deletePasskey', { params: { id: passkey.id } }));
    if (list.items.some((p) => p.id === passkey!.id)) fail('the answer still lists the removed passkey');
    const after = kit.ok<s.PasskeyList>(await client.call('listPasskeys'), 'GET /passkeys after');
    if (after.items.some((p) => p.id === passkey!.id)) fail('the removed passkey is still listed');
    kit.refused(await client.call('deletePasskey', { params: { id: passkey.id } }), 404, [], 'removing it again');
  });
}
