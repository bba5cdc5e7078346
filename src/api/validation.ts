/**
 * The schemas `RestAccountApi` checks requests and responses against, by endpoint.
 *
 * An element registers the parts of the contract it calls (`registerSchemas(billingContract)`
 * in its module), so its page carries those schemas and no others. A call whose schemas nobody
 * registered (a host calling the API directly) loads the whole contract first, once: every
 * request and response is checked all the same, the unregistered ones only a chunk later.
 */
import type { ContractPart, EndpointSchemas } from './contract/part.js';
import type { EndpointName } from './routes.js';

const registered: { [N in EndpointName]?: EndpointSchemas } = {};
let whole: Promise<void> | undefined;

/** Makes these endpoints' schemas available to every `RestAccountApi`. */
export function registerSchemas(...parts: ContractPart[]): void {
  for (const part of parts) Object.assign(registered, part);
}

/** The registered schemas of `name`, if any. */
export function registeredSchemas(name: EndpointName): EndpointSchemas | undefined {
  return registered[name];
}

/** The schemas of `name`, loading the whole contract when they were not registered. */
export async function schemasOf(name: EndpointName): Promise<EndpointSchemas> {
  const known = registered[name];
  if (known) return known;
  whole ??= import('./endpoints.js').then(
    ({ endpoints }) => registerSchemas(endpoints),
    (error: unknown) => {
      // A chunk that failed to load (offline) may load on the next call.
      whole = undefined;
      throw error;
    },
  );
  await whole;
  return registered[name] as EndpointSchemas;
}
