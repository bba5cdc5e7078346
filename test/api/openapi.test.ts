import { expect } from '@open-wc/testing';
import { endpoints, type Endpoint } from '../../src/api/endpoints.js';
import { buildOpenApiDocument } from '../../src/api/openapi.js';
import { PROBLEM_CODES } from '../../src/api/schemas.js';

type Json = Record<string, unknown>;

const doc = buildOpenApiDocument({ version: '9.9.9' });
const entries = Object.entries(endpoints) as [string, Endpoint][];

function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '{$1}');
}

function operationOf(endpoint: Endpoint): Json {
  const paths = doc['paths'] as Record<string, Record<string, Json>>;
  const op = paths[openApiPath(endpoint.path)]?.[endpoint.method.toLowerCase()];
  if (!op) throw new Error(`No operation for ${endpoint.method} ${endpoint.path}`);
  return op;
}

/** Follows a local JSON pointer (`#/components/schemas/Profile`). */
function resolve(ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Json)[key] : undefined), doc);
}

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => collectRefs(item, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else collectRefs(value, out);
    }
  }
  return out;
}

/** A response, following its `$ref` when it has one. */
function response(op: Json, status: string): Json | undefined {
  const raw = (op['responses'] as Record<string, Json>)[status];
  const ref = raw?.['$ref'];
  return typeof ref === 'string' ? (resolve(ref) as Json | undefined) : raw;
}

describe('buildOpenApiDocument', () => {
  it('is an OpenAPI 3.1.0 document for the account API', () => {
    expect(doc['openapi']).to.equal('3.1.0');
    expect(doc['info']).to.deep.include({ title: 'DialNexa Account API', version: '9.9.9' });
    expect(doc['servers']).to.deep.equal([{ url: '/api/account' }]);
    expect(buildOpenApiDocument()['info']).to.deep.include({ version: '0.1.0' });
  });

  it('has exactly one operation per endpoint, with its method and operationId', () => {
    const paths = doc['paths'] as Record<string, Json>;
    const operationIds = Object.values(paths).flatMap((item) => Object.values(item).map((op) => (op as Json)['operationId']));
    expect(operationIds).to.have.members(entries.map(([name]) => name));
    for (const [name, endpoint] of entries) {
      const op = operationOf(endpoint);
      expect(op['operationId'], name).to.equal(name);
      expect(op['tags'], name).to.deep.equal([endpoint.tag]);
      expect(op['summary'], name).to.equal(endpoint.summary);
    }
  });

  it('resolves every $ref to a component', () => {
    const refs = collectRefs(doc);
    expect(refs.length).to.be.greaterThan(entries.length);
    for (const ref of refs) {
      expect(ref, ref).to.match(/^#\/components\//);
      expect(resolve(ref), ref).to.be.an('object');
    }
  });

  it('describes success bodies and JSON request bodies by their components', () => {
    const profile = operationOf(endpoints.getProfile);
    expect(response(profile, '200')).to.deep.equal({
      description: 'OK',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Profile' } } },
    });
    const update = operationOf(endpoints.updateProfile)['requestBody'] as Json;
    expect(update['content']).to.deep.equal({ 'application/json': { schema: { $ref: '#/components/schemas/ProfileUpdate' } } });
    const schema = resolve('#/components/schemas/ProfileUpdate') as Json;
    expect(schema['properties']).to.have.keys('displayName', 'phone', 'timezone', 'language', 'company', 'bio');
    expect(schema).not.to.have.property('$id');
  });

  it('has a Problem component listing the problem codes, used by every error response', () => {
    const problem = resolve('#/components/schemas/Problem') as Json;
    expect(problem['type']).to.equal('object');
    expect(problem['x-problem-codes']).to.deep.equal([...PROBLEM_CODES]);
    for (const [, endpoint] of entries) {
      const op = operationOf(endpoint);
      for (const status of Object.keys(op['responses'] as Json).filter((s) => s !== '200')) {
        const content = response(op, status)?.['content'] as Json;
        expect(content, `${endpoint.path} ${status}`).to.deep.equal({
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        });
      }
    }
  });

  it('documents 403 reauth-required on every sensitive endpoint, and only there', () => {
    for (const [name, endpoint] of entries) {
      const forbidden = response(operationOf(endpoint), '403');
      if (endpoint.sensitive) {
        expect(forbidden?.['description'], name).to.contain('reauth-required');
        expect(operationOf(endpoint)['x-sensitive'], name).to.equal(true);
      } else {
        expect(forbidden, name).to.equal(undefined);
      }
    }
  });

  it('documents 429 with Retry-After, 401 for non-public endpoints and 422 for bodies and queries', () => {
    for (const [name, endpoint] of entries) {
      const op = operationOf(endpoint);
      const limited = response(op, '429');
      const header = (limited?.['headers'] as Json)['Retry-After'] as Json;
      expect(resolve(header['$ref'] as string), name).to.have.property('schema');
      expect(response(op, '401') === undefined, name).to.equal(Boolean(endpoint.public));
      expect(response(op, '422') !== undefined, name).to.equal(Boolean(endpoint.body ?? endpoint.query));
    }
  });

  it('marks public endpoints with security: [] and others with the session schemes', () => {
    for (const [name, endpoint] of entries) {
      const security = operationOf(endpoint)['security'];
      if (endpoint.public) expect(security, name).to.deep.equal([]);
      else if (endpoint.method !== 'GET') expect(security, name).to.deep.include({ cookieSession: [], csrfHeader: [] });
      else expect(security, name).to.equal(undefined);
    }
    expect(doc['security']).to.deep.equal([{ cookieSession: [] }, { bearer: [] }]);
    const schemes = (doc['components'] as Json)['securitySchemes'] as Json;
    expect(schemes).to.have.keys('cookieSession', 'bearer', 'csrfHeader');
    expect(schemes['csrfHeader']).to.deep.include({ type: 'apiKey', in: 'header' });
  });

  it('declares path and query parameters', () => {
    expect(operationOf(endpoints.revokeSession)['parameters']).to.deep.equal([
      { name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 1 } },
    ]);
    const query = operationOf(endpoints.listLoginActivity)['parameters'] as Json[];
    expect(query.map((p) => [p['name'], p['in'], p['required']])).to.deep.equal([
      ['cursor', 'query', false],
      ['limit', 'query', false],
      ['status', 'query', false],
    ]);
    expect(operationOf(endpoints.getProfile)).not.to.have.property('parameters');
  });

  it('describes the avatar upload as a binary body of the accepted types', () => {
    const op = operationOf(endpoints.uploadAvatar);
    const body = op['requestBody'] as Json;
    expect(body['content']).to.have.keys(...endpoints.uploadAvatar.upload);
    expect(response(op, '413')).to.not.equal(undefined);
    expect(response(op, '415')).to.not.equal(undefined);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildOpenApiDocument({ version: '9.9.9' }))).to.equal(JSON.stringify(doc));
  });
});
