/**
 * Builds the OpenAPI 3.1 document of the REST contract from the route table and the
 * zod schemas (`npm run openapi` writes it to `openapi.json`). Node-free, so tests can
 * build it in the browser too.
 */
import * as z from 'zod/mini';
import { endpoints, type Endpoint, type EndpointName } from './endpoints.js';
import { PROBLEM_CODES } from './schemas.js';

/** A JSON object of the document. */
type Json = Record<string, unknown>;

export interface OpenApiOptions {
  /** `info.version`; the script passes the package version. */
  version?: string;
}

const SCHEMA_REF = '#/components/schemas/';
const PROBLEM_JSON = 'application/problem+json';

/** Reusable error responses, all `application/problem+json` bodies. */
const ERROR_RESPONSES = {
  BadRequest: 'The request is malformed (not JSON, wrong query parameters).',
  Unauthorized: 'No valid session or token: the user must sign in again.',
  ReauthRequired:
    'Forbidden. With type `…:reauth-required` the user must confirm it is them: `POST /reauth` with one of ' +
    'the `methods` the problem lists, then send the same request again. Other 403s: not allowed.',
  NotFound: 'No such resource.',
  Conflict:
    'The current state does not allow this: `email-taken`, `export-in-progress`, `workspace-owner` (with ' +
    '`workspaces`), `last-sign-in-method` (the account would be left with no way to sign in — no password, ' +
    'no connected provider, no passkey — e.g. on disconnecting its only provider or removing its only passkey; `detail` says why), or a ' +
    'generic conflict (a passkey already registered).',
  Gone:
    'Expired or already used: `token-expired`, `token-used` (links), `setup-expired` (2FA setup), ' +
    '`challenge-expired` (sign-in challenge, passkey ceremony).',
  PayloadTooLarge: 'The file is too large (`payload-too-large`).',
  UnsupportedMediaType: 'The file type is not accepted, or the file does not decode as an image of an accepted type (`unsupported-media-type`).',
  ValidationFailed:
    'Invalid fields: `errors` lists a message per field. Types: `validation`, `invalid-credentials`, ' +
    '`invalid-code`, `code-reused`, `password-rejected`.',
  RateLimited: 'Too many requests: wait `Retry-After` seconds (also in `retryAfter`).',
  ServerError: 'The server failed; reads may be retried with backoff.',
} as const;

type ErrorResponse = keyof typeof ERROR_RESPONSES;

/**
 * Statuses the route table cannot express, as the mock backend answers them
 * (mock/store/); the problem `type` tells the cases apart.
 */
const EXTRA_ERRORS: Partial<Record<EndpointName, Partial<Record<string, ErrorResponse>>>> = {
  requestEmailChange: { '409': 'Conflict' },
  resendEmailChange: { '409': 'Conflict' },
  verifyEmailChange: { '410': 'Gone' },
  completePasswordReset: { '410': 'Gone' },
  startTwoFactorSetup: { '409': 'Conflict' },
  verifyTwoFactorSetup: { '410': 'Gone' },
  regenerateBackupCodes: { '409': 'Conflict' },
  verifyTwoFactorChallenge: { '410': 'Gone' },
  revokeSession: { '409': 'Conflict' },
  requestDataExport: { '409': 'Conflict' },
  deleteAccount: { '409': 'Conflict' },
  disconnectAccount: { '409': 'Conflict' },
  finishPasskeyRegistration: { '409': 'Conflict', '410': 'Gone' },
  deletePasskey: { '409': 'Conflict' },
  startPasskeyReauth: { '409': 'Conflict' },
  reauthenticateWithPasskey: { '410': 'Gone' },
};

/** The OpenAPI 3.1.0 document of the REST contract. Deterministic: same input, same JSON. */
export function buildOpenApiDocument(options: OpenApiOptions = {}): Json {
  const paths: Record<string, Json> = {};
  const tags: string[] = [];
  for (const [name, endpoint] of Object.entries(endpoints) as [EndpointName, Endpoint][]) {
    if (!tags.includes(endpoint.tag)) tags.push(endpoint.tag);
    const path = endpoint.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const item = (paths[path] ??= {});
    item[endpoint.method.toLowerCase()] = operation(name, endpoint);
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'DialNexa Account API',
      version: options.version ?? '0.1.0',
      description:
        'The REST contract of `@dialnexa/account-elements`: implement it on your server and the elements work ' +
        'against it. JSON bodies; errors are RFC 9457 problem details (`application/problem+json`) whose ' +
        '`type` ends in one of the slugs listed in `Problem`. Mutations use POST, PUT, PATCH or DELETE and ' +
        'carry the CSRF header when the host configures one.',
    },
    servers: [{ url: '/api/account' }],
    tags: tags.map((name) => ({ name })),
    security: [{ cookieSession: [] }, { bearer: [] }],
    paths,
    components: {
      schemas: componentSchemas(),
      responses: Object.fromEntries(
        (Object.entries(ERROR_RESPONSES) as [ErrorResponse, string][]).map(([name, description]) => [
          name,
          {
            description,
            ...(name === 'RateLimited' ? { headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } } : {}),
            content: { [PROBLEM_JSON]: { schema: { $ref: `${SCHEMA_REF}Problem` } } },
          },
        ]),
      ),
      headers: {
        RetryAfter: {
          description: 'Seconds to wait (or an HTTP date) before trying again.',
          schema: { oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string' }] },
        },
      },
      securitySchemes: {
        cookieSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'session',
          description: 'The host application’s session cookie (any name); requests are sent with credentials.',
        },
        bearer: { type: 'http', scheme: 'bearer', description: 'A token from the host’s `getToken` option.' },
        csrfHeader: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description: 'Sent with every mutation when the host configures `csrf` (header name is configurable).',
        },
      },
    },
  };
}

function operation(name: EndpointName, endpoint: Endpoint): Json {
  const op: Json = {
    operationId: name,
    tags: [endpoint.tag],
    summary: endpoint.summary,
  };
  if (endpoint.sensitive) op['x-sensitive'] = true;

  const parameters = [...pathParameters(endpoint.path), ...queryParameters(endpoint.query)];
  if (parameters.length > 0) op['parameters'] = parameters;

  if (endpoint.body) {
    op['requestBody'] = { required: true, content: { 'application/json': { schema: schemaRef(endpoint.body) } } };
  } else if (endpoint.upload) {
    op['requestBody'] = {
      required: true,
      description:
        'The file itself as the body, its media type as `Content-Type`. The server judges the type by content, not by ' +
        'the name or `Content-Type`, and decodes the image: a file that starts with an image signature but does not ' +
        'decode as a JPG, PNG or WebP image is refused with 415 `unsupported-media-type`, like any other type.',
      content: Object.fromEntries(
        endpoint.upload.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]),
      ),
    };
  }

  op['responses'] = responses(name, endpoint, parameters.some((p) => p['in'] === 'path'));
  if (endpoint.public) op['security'] = [];
  else if (endpoint.method !== 'GET') op['security'] = [{ cookieSession: [], csrfHeader: [] }, { bearer: [] }];
  return op;
}

function responses(name: EndpointName, endpoint: Endpoint, hasPathParameters: boolean): Json {
  const errors: Record<string, ErrorResponse> = {};
  if (endpoint.body || endpoint.query) errors['400'] = 'BadRequest';
  if (!endpoint.public) errors['401'] = 'Unauthorized';
  if (endpoint.sensitive) errors['403'] = 'ReauthRequired';
  if (hasPathParameters) errors['404'] = 'NotFound';
  if (endpoint.upload) {
    errors['413'] = 'PayloadTooLarge';
    errors['415'] = 'UnsupportedMediaType';
  }
  if (endpoint.body || endpoint.query) errors['422'] = 'ValidationFailed';
  Object.assign(errors, EXTRA_ERRORS[name]);
  errors['429'] = 'RateLimited';
  errors['5XX'] = 'ServerError';

  const out: Json = {
    '200': { description: 'OK', content: { 'application/json': { schema: schemaRef(endpoint.response) } } },
  };
  // Numeric order, so the JSON reads in status order whatever was added last.
  for (const status of Object.keys(errors).sort()) {
    out[status] = { $ref: `#/components/responses/${errors[status]}` };
  }
  return out;
}

function pathParameters(path: string): Json[] {
  return [...path.matchAll(/:([A-Za-z]+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string', minLength: 1 },
  }));
}

function queryParameters(query: z.ZodMiniType | undefined): Json[] {
  if (!query) return [];
  const schema = toJsonSchema(query);
  const properties = (schema['properties'] ?? {}) as Record<string, Json>;
  const required = (schema['required'] ?? []) as string[];
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    schema: property,
  }));
}

/** A `$ref` to the named component, or the schema inline when it has no name. */
function schemaRef(schema: z.ZodMiniType): Json {
  const id = z.globalRegistry.get(schema)?.id;
  return id ? { $ref: SCHEMA_REF + id } : toJsonSchema(schema);
}

function toJsonSchema(schema: z.ZodMiniType): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Json;
  return rest;
}

/**
 * Every registered schema as a component. `io: 'input'` describes what travels on the
 * wire in both directions (what the schemas accept): defaults are optional and extra
 * properties allowed, as the client and mock tolerate them.
 */
function componentSchemas(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: 'draft-2020-12',
    io: 'input',
    uri: (id) => SCHEMA_REF + id,
  });
  const out: Record<string, Json> = {};
  for (const id of Object.keys(schemas).sort()) {
    // `$id`/`$schema` per component would rebase `$ref`s; OpenAPI 3.1 already implies the dialect.
    const { $id: _id, $schema: _dialect, ...schema } = schemas[id] as Json;
    out[id] = id === 'Problem' ? withProblemCodes(schema) : schema;
  }
  return out;
}

/** Partners need the slugs to build `type` URIs: list them in prose and machine-readably. */
function withProblemCodes(schema: Json): Json {
  const description = typeof schema['description'] === 'string' ? `${schema['description']} ` : '';
  return {
    ...schema,
    description: `${description}Slugs: ${PROBLEM_CODES.map((code) => `\`${code}\``).join(', ')}.`,
    'x-problem-codes': [...PROBLEM_CODES],
  };
}
