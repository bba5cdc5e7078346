/** Without credentials, without the CSRF header, before re-authentication. */
import { endpoints, type Endpoint, type EndpointName } from '../../src/api/endpoints.js';
import { describeAnswer, fail, skip, type Kit } from '../kit.js';
import { probeRequest } from '../probes.js';

const names = Object.keys(endpoints) as EndpointName[];

/** Every endpoint without credentials: 401 unless public; public ones answer without a session. */
export async function checkAuthentication(kit: Kit): Promise<void> {
  for (const name of names) {
    const endpoint: Endpoint = endpoints[name];
    if (endpoint.public) {
      await kit.check(
        { id: `authentication/public/${name}`, rule: 'authentication', endpoint: name, title: 'public: answers without credentials (no 401)' },
        async () => {
          const answer = await kit.client.call(name, { ...probeRequest(name, kit.state.email), auth: false, reauth: false });
          if (answer.status === 401 || answer.status === 403) fail(`a public endpoint (sign-in and reset pages call it signed out) answered ${describeAnswer(answer)}`);
          if (answer.status >= 500) fail(`answered ${describeAnswer(answer)}`);
          return `answered ${answer.status}`;
        },
      );
      continue;
    }
    await kit.check({ id: `authentication/401/${name}`, rule: 'authentication', endpoint: name, title: 'without credentials: 401' }, async () => {
      const answer = await kit.client.call(name, { ...probeRequest(name, kit.state.email), auth: false, reauth: false });
      if (answer.status !== 401) fail(`without a cookie or token it answered ${describeAnswer(answer)}, expected 401 (the elements then ask the host to sign in again)`);
      kit.refused(answer, 401);
    });
  }
}

/** Every mutation with credentials but without the CSRF header: refused with 403. */
export async function checkCsrf(kit: Kit): Promise<void> {
  const header = kit.options.csrfHeader;
  for (const name of names) {
    const endpoint: Endpoint = endpoints[name];
    if (endpoint.method === 'GET' || endpoint.public) continue;
    await kit.check({ id: `csrf/${name}`, rule: 'csrf', endpoint: name, title: 'without the CSRF header: 403' }, async () => {
      if (!header) skip('no CSRF header given (--csrf-header): the server says it needs none');
      const answer = await kit.client.call(name, { ...probeRequest(name, kit.state.email), csrf: false, reauth: false });
      if (answer.status !== 403) fail(`without ${header} it answered ${describeAnswer(answer)}, expected 403 (csrf-failed)`);
      if (answer.code === 'reauth-required') fail(`without ${header} it answered 403 reauth-required: the CSRF check must come first`);
      kit.refused(answer, 403);
    });
  }
}

const sensitive = names.filter((name) => (endpoints[name] as Endpoint).sensitive);
/** Endpoints that answered 403 `reauth-required` before any re-authentication. */
const gatedBy = new WeakMap<Kit, Set<EndpointName>>();

/** The sensitive endpoints, before anything re-authenticated: a harmless request answers 403 `reauth-required`. */
export async function checkReauthRequired(kit: Kit): Promise<void> {
  const gated = new Set<EndpointName>();
  gatedBy.set(kit, gated);
  for (const name of sensitive) {
    const passed = await kit.check(
      { id: `reauth/required/${name}`, rule: 'reauth', endpoint: name, title: 'before /reauth: 403 reauth-required with methods' },
      async () => {
        if (!kit.has('reauth')) skip(kit.notAsked('reauth'));
        const answer = await kit.client.call(name, { ...probeRequest(name, kit.state.email), reauth: false });
        if (answer.status !== 403 || answer.code !== 'reauth-required') {
          fail(`a request without a recent re-authentication answered ${describeAnswer(answer)}, expected 403 reauth-required (the elements then show "Confirm it's you")`);
        }
        kit.refused(answer, 403, ['reauth-required']);
        const methods = answer.problem?.methods;
        if (!methods?.length) fail('the reauth-required problem lists no `methods` (password, totp): the dialog cannot tell the user how to confirm');
      },
    );
    if (passed) gated.add(name);
  }
}

/** The same requests right after `/reauth` with the password: let through. */
export async function checkReauthPasses(kit: Kit): Promise<void> {
  const gated = gatedBy.get(kit) ?? new Set<EndpointName>();
  for (const name of sensitive) {
    await kit.check({ id: `reauth/after/${name}`, rule: 'reauth', endpoint: name, title: 'after /reauth with the password: let through' }, async () => {
      if (!kit.has('reauth')) skip(kit.notAsked('reauth'));
      if (!gated.has(name)) skip('the endpoint did not ask for re-authentication');
      const password = kit.needPassword();
      const confirmed = await kit.client.call('reauthenticate', { body: { method: 'password', password } });
      kit.ok(confirmed, 'POST /reauth with the test user’s password');
      const answer = await kit.client.call(name, { ...probeRequest(name, kit.state.email), reauth: false });
      if (answer.status === 403 && answer.code === 'reauth-required') fail('right after a successful /reauth it still answered 403 reauth-required');
      if (answer.status === 401 || answer.status >= 500) fail(`after /reauth it answered ${describeAnswer(answer)}`);
      return `answered ${describeAnswer(answer)}`;
    });
  }
}
