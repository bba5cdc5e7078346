/**
 * The mock's relying-party checks, with real credentials from Chromium's virtual authenticator:
 * a challenge is good once, the origin and RP ID must be the page's, the signature must verify
 * with the stored key, and the signature counter must grow.
 */
import { expect } from '@open-wc/testing';
import { MockProblem, MockStore } from '../../mock/index.js';
import type { AuthenticationResponse } from '../../src/api/contract/passkeys.js';
import { createPasskey, getPasskey, toBase64url, fromBase64url } from '../../src/internal/webauthn.js';
import { addVirtualAuthenticator, removeVirtualAuthenticator } from '../helpers/webauthn.js';

const rp = { origin: location.origin, rpId: location.hostname };
const signal = new AbortController().signal;

async function refusal(promise: Promise<unknown>): Promise<MockProblem> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MockProblem) return error;
    throw error;
  }
  throw new Error('expected the store to refuse');
}

/** A store with one passkey registered through a real ceremony. */
async function registered(): Promise<MockStore> {
  const store = new MockStore({ passkeys: 0, reauth: 'always' });
  const credential = await createPasskey(store.startPasskeyRegistration(rp), signal);
  const passkey = await store.finishPasskeyRegistration({ credential }, rp, { userAgent: navigator.userAgent });
  expect(passkey.name).to.match(/ on /);
  return store;
}

const assertion = (store: MockStore): Promise<AuthenticationResponse> => getPasskey(store.startPasskeyReauth(rp), signal);

describe('mock passkeys (relying party)', () => {
  beforeEach(() => addVirtualAuthenticator());
  afterEach(() => removeVirtualAuthenticator());

  it('accepts a real assertion once: the same one sent again is refused (single-use challenge)', async () => {
    const store = await registered();
    const answer = await assertion(store);
    expect((await store.reauthenticateWithPasskey({ credential: answer }, rp)).reauthenticatedUntil).to.be.a('string');
    const again = await refusal(store.reauthenticateWithPasskey({ credential: answer }, rp));
    expect(again.status).to.equal(422);
    expect(again.detail).to.match(/challenge is unknown or was already used/);
  });

  it('refuses an assertion made for another origin or RP ID', async () => {
    const store = await registered();
    const answer = await assertion(store);
    const other = await refusal(store.reauthenticateWithPasskey({ credential: answer }, { origin: 'https://evil.example', rpId: rp.rpId }));
    expect(other.detail).to.match(/not on https:\/\/evil\.example/);
    const second = await assertion(store);
    const elsewhere = await refusal(store.reauthenticateWithPasskey({ credential: second }, { origin: rp.origin, rpId: 'example.com' }));
    expect(elsewhere.detail).to.match(/not for example\.com/);
  });

  it('refuses a signature that does not verify', async () => {
    const store = await registered();
    const answer = await assertion(store);
    const signature = fromBase64url(answer.response.signature);
    signature[signature.length - 1] = signature[signature.length - 1]! ^ 0x01;
    const tampered = { ...answer, response: { ...answer.response, signature: toBase64url(signature) } };
    expect((await refusal(store.reauthenticateWithPasskey({ credential: tampered }, rp))).detail).to.match(/signature does not verify/);
  });

  it('refuses a counter that does not grow (a copied authenticator)', async () => {
    const store = await registered();
    const first = await assertion(store);
    const second = await assertion(store);
    await store.reauthenticateWithPasskey({ credential: second }, rp);
    expect((await refusal(store.reauthenticateWithPasskey({ credential: first }, rp))).detail).to.match(/counter went backwards/);
  });

  it('refuses a registration answered for a challenge it did not hand out, or twice', async () => {
    const store = new MockStore({ passkeys: 0 });
    const options = store.startPasskeyRegistration(rp);
    const credential = await createPasskey({ ...options, challenge: toBase64url(crypto.getRandomValues(new Uint8Array(32))) }, signal);
    expect((await refusal(store.finishPasskeyRegistration({ credential }, rp))).detail).to.match(/challenge is unknown/);
    expect(store.listPasskeys().items).to.deep.equal([]);
    await removeVirtualAuthenticator();
    await addVirtualAuthenticator();
    const good = await createPasskey(store.startPasskeyRegistration(rp), signal);
    await store.finishPasskeyRegistration({ credential: good }, rp);
    expect((await refusal(store.finishPasskeyRegistration({ credential: good }, rp))).status).to.equal(422);
    expect(store.listPasskeys().items).to.have.length(1);
  });

  it('reads the key from the attestation object when the browser sends no publicKey, and refuses authenticator data that differs from it', async () => {
    const store = new MockStore({ passkeys: 0, reauth: 'always' });
    const full = await createPasskey(store.startPasskeyRegistration(rp), signal);
    const { authenticatorData, publicKey: _key, publicKeyAlgorithm: _alg, ...standard } = full.response;
    const other = fromBase64url(authenticatorData!);
    other[32] = other[32]! & ~0x04;
    const differing = { ...full, response: { ...full.response, authenticatorData: toBase64url(other) } };
    expect((await refusal(store.finishPasskeyRegistration({ credential: differing }, rp))).detail).to.match(/differs from the attestation/);
    await removeVirtualAuthenticator();
    await addVirtualAuthenticator();
    const fresh = await createPasskey(store.startPasskeyRegistration(rp), signal);
    const { authenticatorData: _a, publicKey: _p, publicKeyAlgorithm: _g, ...bare } = fresh.response;
    expect(standard).to.have.keys(Object.keys(bare));
    await store.finishPasskeyRegistration({ credential: { ...fresh, response: bare } }, rp);
    expect((await store.reauthenticateWithPasskey({ credential: await assertion(store) }, rp)).reauthenticatedUntil).to.be.a('string');
  });

  it('offers the passkey among the re-authentication methods once there is one', async () => {
    const store = new MockStore({ passkeys: 0 });
    expect(store.reauthMethods()).to.deep.equal(['password']);
    const credential = await createPasskey(store.startPasskeyRegistration(rp), signal);
    await store.finishPasskeyRegistration({ credential }, rp);
    expect(store.reauthMethods()).to.deep.equal(['password', 'passkey']);
  });
});
