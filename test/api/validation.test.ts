/**
 * Elements carry the schemas of the endpoints they call, not the whole contract
 * (src/api/validation.ts), and still validate every answer; a call no element registered loads
 * the whole contract first. Web Test Runner gives this file a page of its own, and nothing here
 * imports the contract's aggregate (schemas.ts, endpoints.ts) or the mock backend, so the
 * modules the page requested tell whether the whole contract loaded. The library is imported
 * only once the requests are being watched.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { RestAccountApi as RestAccountApiType } from '../../src/api/rest-client.js';
import type * as Routes from '../../src/api/routes.js';
import type * as Validation from '../../src/api/validation.js';
import type { DnBillingSummary } from '../../src/components/billing-summary/billing-summary.js';

const requested: string[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) requested.push(new URL(entry.name).pathname);
}).observe({ type: 'resource', buffered: true });

/** Whether the page requested `src/api/<name>` (as .ts or .js). */
const requestedModule = (name: string) => requested.some((path) => new RegExp(`/src/api/${name}\\.[jt]s$`).test(path));
const wholeContractRequested = () => requestedModule('endpoints') || requestedModule('schemas');

/** A `fetch` that answers every request with `body` (status 200) and counts the requests. */
function answering(body: unknown): typeof fetch & { calls: number } {
  const fn = async () => {
    fn.calls++;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  fn.calls = 0;
  return fn as typeof fn & typeof fetch;
}

const billing = {
  plan: { id: 'pro', name: 'Pro', free: false, price: { amount: 20, currency: 'EUR', interval: 'month' } },
  paymentMethod: { brand: 'visa', last4: '4242', expMonth: 8, expYear: 2030 },
  nextRenewalAt: '2030-01-01T00:00:00Z',
};

let RestAccountApi: typeof RestAccountApiType;
let validation: typeof Validation;
let routes: typeof Routes;

describe('validation by the schemas elements register', () => {
  before(async () => {
    // Every element, as a page that defines them all loads them (the re-auth dialog loads on demand).
    await import('../../src/define-all.js');
    ({ RestAccountApi } = await import('../../src/api/rest-client.js'));
    validation = await import('../../src/api/validation.js');
    routes = await import('../../src/api/routes.js');
    // The observer's callback runs after the requests; give it a task to catch up.
    await new Promise((resolve) => setTimeout(resolve));
  });

  it('no element loads the whole contract, and every endpoint but re-authentication is registered', () => {
    expect(requestedModule('rest-client'), 'the watch sees module requests').to.equal(true);
    expect(requestedModule('contract/billing'), 'the watch sees module requests').to.equal(true);
    expect(wholeContractRequested()).to.equal(false);
    const unregistered = (Object.keys(routes.routes) as (keyof typeof routes.routes)[]).filter(
      (name) => !validation.registeredSchemas(name),
    );
    // Re-authentication is registered by the re-auth dialog, which loads when first needed.
    expect(unregistered).to.deep.equal(['reauthenticate', 'startPasskeyReauth', 'reauthenticateWithPasskey']);
  });

  it('an element rejects a schema-invalid answer with the schemas it registered', async () => {
    const invalid = { ...billing, paymentMethod: { ...billing.paymentMethod, last4: 'x42' } };
    const api = new RestAccountApi({ baseUrl: '/api/account', fetch: answering(invalid), retry: { attempts: 0 } });
    const el = await fixture<DnBillingSummary>(html`<dn-billing-summary .api=${api}></dn-billing-summary>`);
    await waitUntil(() => /could not read/i.test(el.shadowRoot!.textContent ?? ''), 'the element shows the invalid answer as an error');
    expect(el.shadowRoot!.textContent).not.to.contain('4242');

    const error = await api.getBillingSummary().catch((e: unknown) => e);
    expect(error).to.have.property('kind', 'invalid-response');
    expect((error as Error).message).to.contain('paymentMethod.last4');

    // The same schema accepts the valid answer.
    const valid = new RestAccountApi({ baseUrl: '/api/account', fetch: answering(billing) });
    expect(await valid.getBillingSummary()).to.deep.equal(billing);
    await new Promise((resolve) => setTimeout(resolve));
    expect(wholeContractRequested()).to.equal(false);
  });

  it('a direct call no element registered loads the whole contract, then validates the request and the answer', async () => {
    expect(validation.registeredSchemas('reauthenticate')).to.equal(undefined);
    const fetch = answering({ reauthenticatedUntil: 'tomorrow' });
    const api = new RestAccountApi({ baseUrl: '/api/account', fetch });

    const refused = await api.reauthenticate({ method: 'totp', code: '12ab' }).catch((e: unknown) => e);
    expect(refused).to.have.property('kind', 'validation');
    expect(refused).to.have.nested.property('fieldErrors.code');
    expect(fetch.calls, 'nothing was sent').to.equal(0);
    await new Promise((resolve) => setTimeout(resolve));
    expect(requestedModule('endpoints')).to.equal(true);
    expect(validation.registeredSchemas('reauthenticate')).to.exist;

    const error = await api.reauthenticate({ method: 'password', password: 'secret' }).catch((e: unknown) => e);
    expect(error).to.have.property('kind', 'invalid-response');
    expect((error as Error).message).to.contain('reauthenticatedUntil');
    expect(fetch.calls).to.equal(1);
  });
});
