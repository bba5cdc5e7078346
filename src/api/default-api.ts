import type { AccountApi } from './account-api.js';
import { DEFAULT_API_BASE } from './context.js';
import { RestAccountApi } from './rest-client.js';

let api: AccountApi | undefined;

/** The API of elements with no provider above them: REST at `/api/account`, cookies included. */
export function defaultApi(): AccountApi {
  return (api ??= new RestAccountApi({ baseUrl: DEFAULT_API_BASE }));
}
