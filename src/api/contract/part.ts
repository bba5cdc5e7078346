import type * as z from 'zod/mini';
import type { EndpointName } from '../routes.js';

/** What one endpoint's messages are checked against. */
export interface EndpointSchemas {
  /** JSON request body. */
  readonly body?: z.ZodMiniType;
  /** Query string parameters. */
  readonly query?: z.ZodMiniType;
  /** Successful JSON response. */
  readonly response: z.ZodMiniType;
}

/**
 * Some endpoints' schemas, by endpoint name: one part of the contract. Each module of
 * `contract/` exports the part of its resources; `endpoints.ts` joins them all.
 */
export type ContractPart = { readonly [N in EndpointName]?: EndpointSchemas };
