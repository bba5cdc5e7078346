/**
 * The kit's HTTP client: sends one endpoint of the contract at a time with the test user's
 * credentials (cookies it keeps like a browser, a bearer token, the CSRF header on
 * mutations), re-authenticates with the password when a sensitive endpoint asks, and judges
 * every answer against the contract as it arrives — a success body against the endpoint's
 * zod schema (the one the elements use), an error as RFC 9457 problem details whose `type`
 * ends in a slug of the contract. Each endpoint's verdicts feed its "responses match the
 * contract" check.
 */
import * as z from 'zod/mini';
import { buildPath, endpoints, type Endpoint, type EndpointName } from '../src/api/endpoints.js';
import { problemCode } from '../src/api/errors.js';
import * as s from '../src/api/schemas.js';
import type { Credentials } from './options.js';

export interface CallInput {
  /** URL parameters (`:id`, `:provider`). */
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  /** JSON body. */
  body?: unknown;
  /** A body sent as is (avatar bytes, malformed JSON). */
  raw?: { body: string | Uint8Array; contentType: string };
  /** Send the credentials (cookies, bearer, extra headers). Default true. */
  auth?: boolean;
  /** Send the CSRF header on a mutation. Default true. */
  csrf?: boolean;
  /** On 403 `reauth-required`, confirm with the password and send again once. Default true. */
  reauth?: boolean;
}

export interface Answer {
  name: EndpointName;
  method: string;
  path: string;
  status: number;
  headers: Headers;
  contentType: string;
  text: string;
  /** The parsed JSON body; undefined when the body is not JSON. */
  json: unknown;
  /** Set for an error answer whose body is a problem object. */
  problem: s.Problem | undefined;
  /** The slug the problem `type` ends in, known to the contract or not. */
  code: string | undefined;
  /** The success body parsed with the endpoint's schema (undefined when it does not match). */
  data: unknown;
  /** What in this answer breaks the contract (empty when nothing). */
  violations: string[];
}

/** Everything the client saw of one endpoint. */
export interface EndpointRecord {
  statuses: number[];
  /** Distinct contract violations, each with the request that showed it. */
  violations: string[];
  /** Why no successful answer was asked for, when a check chose not to. */
  noSuccess: string | undefined;
}

export class KitError extends Error {
  override readonly name = 'KitError';
}

/** `METHOD /path` of an endpoint, as the report names it. */
export function describeEndpoint(name: EndpointName): string {
  const e: Endpoint = endpoints[name];
  return `${e.method} ${e.path}`;
}

/** The schema's component name (`Profile`), for messages. */
export function schemaName(schema: z.ZodMiniType): string {
  return z.globalRegistry.get(schema)?.id ?? 'its schema';
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${clip(JSON.stringify(value), 40)}`;
}

/** One zod issue in words (zod/mini carries codes, not sentences). */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `missing (${issue.expected} expected)` : `${issue.expected} expected, got ${kindOf(issue.input)}`;
    case 'invalid_format': {
      const got = typeof issue.input === 'string' ? ` (got ${clip(JSON.stringify(issue.input), 60)})` : '';
      const pattern = (issue as { pattern?: unknown }).pattern;
      return issue.format === 'regex' && typeof pattern === 'string' ? `does not match ${pattern}${got}` : `not a valid ${issue.format}${got}`;
    }
    case 'too_small':
      return `${issue.origin === 'string' ? 'length' : issue.origin === 'array' ? 'item count' : 'value'} below ${issue.minimum}${issue.input !== undefined ? ` (got ${kindOf(issue.input)})` : ''}`;
    case 'too_big':
      return `${issue.origin === 'string' ? 'length' : issue.origin === 'array' ? 'item count' : 'value'} above ${issue.maximum}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} expected${issue.input !== undefined ? `, got ${kindOf(issue.input)}` : ''}`;
    case 'invalid_union':
      return 'matches none of the allowed shapes';
    case 'unrecognized_keys':
      return `unexpected keys ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

/** A zod error as `path: what is wrong; …` (at most five). */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 5).map((i) => `${i.path.length ? i.path.map(String).join('.') : '(body)'}: ${describeIssue(i)}`);
  return parts.join('; ') + (issues.length > 5 ? `; and ${issues.length - 5} more` : '');
}

/** Why a request got no answer, with the network error's cause (`ECONNREFUSED 127.0.0.1:9`). */
function noAnswer(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms (--timeout)`;
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = cause && typeof cause.message === 'string' ? cause.message : '';
  return `no answer (${detail || error.message})`;
}

function slugOf(type: string): string {
  return type.split(/[:/#]/).pop() ?? type;
}

function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function parseCookieHeader(header: string): [string, string][] {
  return header
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const eq = part.indexOf('=');
      return (eq < 0 ? [part, ''] : [part.slice(0, eq).trim(), part.slice(eq + 1).trim()]) as [string, string];
    });
}

export interface ClientOptions {
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  password: string | undefined;
  csrfHeader: string | undefined;
  csrfToken: string | undefined;
  csrfCookie: string | undefined;
}

export class KitClient {
  readonly baseUrl: string;
  readonly records = new Map<EndpointName, EndpointRecord>();
  /** Cookies, as a browser keeps them for the API's site. */
  readonly jar = new Map<string, string>();
  bearer: string | undefined;
  headers: Record<string, string> = {};
  csrfToken: string | undefined;
  /** How many times the client confirmed with the password on its own. */
  reauthCount = 0;
  readonly #options: ClientOptions;

  constructor(options: ClientOptions) {
    this.#options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.csrfToken = options.csrfToken;
    for (const name of Object.keys(endpoints) as EndpointName[]) {
      this.records.set(name, { statuses: [], violations: [], noSuccess: undefined });
    }
  }

  get password(): string | undefined {
    return this.#options.password;
  }

  get csrfHeader(): string | undefined {
    return this.#options.csrfHeader;
  }

  /** Adds credentials (from the options or a sign-in hook). */
  use(credentials: Credentials | undefined): void {
    if (!credentials) return;
    if (credentials.cookie) for (const [name, value] of parseCookieHeader(credentials.cookie)) this.jar.set(name, value);
    if (credentials.bearer) this.bearer = credentials.bearer;
    if (credentials.csrfToken) this.csrfToken = credentials.csrfToken;
    if (credentials.headers) this.headers = { ...this.headers, ...credentials.headers };
  }

  /** The CSRF token to send now (a cookie's current value when it comes from one). */
  currentCsrfToken(): string | undefined {
    const cookie = this.#options.csrfCookie;
    return (cookie ? this.jar.get(cookie) : undefined) ?? this.csrfToken;
  }

  get hasCredentials(): boolean {
    return this.jar.size > 0 || this.bearer !== undefined || Object.keys(this.headers).length > 0;
  }

  #keepCookies(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const attrs = attributes.map((a) => a.trim().toLowerCase());
      const maxAge = attrs.find((a) => a.startsWith('max-age='));
      const expires = attributes.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith('expires='));
      const gone =
        (maxAge !== undefined && Number(maxAge.slice(8)) <= 0) || (expires !== undefined && Date.parse(expires.slice(8)) <= Date.now());
      if (gone) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  /** Headers with or without the credentials. */
  #credentialHeaders(auth: boolean): Record<string, string> {
    if (!auth) return {};
    const out: Record<string, string> = { ...this.headers };
    if (this.jar.size) out['Cookie'] = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.bearer) out['Authorization'] = `Bearer ${this.bearer}`;
    return out;
  }

  /**
   * A `fetch` for hooks: to the API's origin it sends the current credentials and keeps the
   * cookies the answer sets; it does not follow redirects unless asked (a 302 that signs in
   * still sets its cookies). Other origins get the request as the hook wrote it.
   */
  readonly hookFetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), `${this.baseUrl}/`);
    const sameOrigin = url.origin === new URL(this.baseUrl).origin;
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    if (sameOrigin) for (const [k, v] of Object.entries(this.#credentialHeaders(true))) if (!headers.has(k)) headers.set(k, v);
    const response = await this.#options.fetch(url, { ...init, headers, redirect: init?.redirect ?? 'manual' });
    if (sameOrigin) this.#keepCookies(response.headers);
    return response;
  };

  /** Fetches a URL the server handed out (a download), with the credentials for the API's own origin. */
  async fetchUrl(url: string): Promise<Response> {
    const target = new URL(url, `${this.baseUrl}/`);
    const sameOrigin = target.origin === new URL(this.baseUrl).origin;
    return this.#options.fetch(target, {
      headers: sameOrigin ? this.#credentialHeaders(true) : {},
      signal: AbortSignal.timeout(this.#options.timeoutMs),
    });
  }

  /** Notes why a check did not ask `name` for a successful answer. */
  noSuccess(name: EndpointName, why: string): void {
    const record = this.records.get(name);
    if (record) record.noSuccess ??= why;
  }

  /** Sends one request to `name` and judges the answer. */
  async call(name: EndpointName, input: CallInput = {}): Promise<Answer> {
    const first = await this.#send(name, input);
    if (first.status === 403 && first.code === 'reauth-required' && input.reauth !== false && this.password !== undefined) {
      const confirmed = await this.#send('reauthenticate', { body: { method: 'password', password: this.password } });
      this.reauthCount++;
      if (confirmed.status === 200) return this.#send(name, input);
    }
    return first;
  }

  async #send(name: EndpointName, input: CallInput): Promise<Answer> {
    const endpoint: Endpoint = endpoints[name];
    const path = buildPath(endpoint.path, input.params ?? {});
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [k, v] of Object.entries(input.query ?? {})) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...this.#credentialHeaders(input.auth ?? true) };
    let body: string | Uint8Array | undefined;
    if (input.raw) {
      body = input.raw.body;
      headers['Content-Type'] = input.raw.contentType;
    } else if (input.body !== undefined) {
      body = JSON.stringify(input.body);
      headers['Content-Type'] = 'application/json';
    }
    const csrfToken = this.currentCsrfToken();
    if (endpoint.method !== 'GET' && (input.csrf ?? true) && this.csrfHeader && csrfToken !== undefined) headers[this.csrfHeader] = csrfToken;
    const what = `${endpoint.method} ${url.pathname}${url.search}`;
    let response: Response;
    try {
      response = await this.#options.fetch(url, {
        method: endpoint.method,
        headers,
        body: body as BodyInit | undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
    } catch (error) {
      throw new KitError(`${what}: ${noAnswer(error, this.#options.timeoutMs)}`);
    }
    this.#keepCookies(response.headers);
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    let json: unknown;
    try {
      json = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      json = undefined;
    }
    const answer: Answer = {
      name,
      method: endpoint.method,
      path: url.pathname + url.search,
      status: response.status,
      headers: response.headers,
      contentType,
      text,
      json,
      problem: undefined,
      code: undefined,
      data: undefined,
      violations: [],
    };
    this.#judge(endpoint, answer);
    const record = this.records.get(name);
    if (record) {
      record.statuses.push(answer.status);
      for (const v of answer.violations) {
        const line = `${what} → ${answer.status}: ${v}`;
        if (!record.violations.includes(line) && record.violations.length < 20) record.violations.push(line);
      }
    }
    return answer;
  }

  #judge(endpoint: Endpoint, answer: Answer): void {
    const { status, json, contentType } = answer;
    const v = answer.violations;
    if (status >= 200 && status < 300) {
      if (!/\bjson\b/i.test(contentType)) v.push(`Content-Type is "${contentType || 'missing'}", not application/json`);
      if (json === undefined) {
        v.push(`the body is not JSON (${clip(answer.text) || 'empty'})`);
        return;
      }
      const parsed = endpoint.response.safeParse(json, { reportInput: true });
      if (parsed.success) answer.data = parsed.data;
      else v.push(`the body does not match ${schemaName(endpoint.response)}: ${describeIssues(parsed.error.issues)}`);
      return;
    }
    if (status >= 300 && status < 400) {
      v.push(`a redirect (to ${answer.headers.get('location') ?? 'nowhere'}); the API answers with a status and problem details instead`);
      return;
    }
    if (status >= 500) v.push('a server error');
    if (!contentType.toLowerCase().startsWith('application/problem+json')) {
      v.push(`Content-Type is "${contentType || 'missing'}", not application/problem+json (RFC 9457)`);
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      v.push(`the body is not a problem object (${clip(answer.text) || 'empty'})`);
      return;
    }
    const parsed = s.Problem.safeParse(json, { reportInput: true });
    if (!parsed.success) {
      v.push(`the body does not match Problem: ${describeIssues(parsed.error.issues)}`);
      return;
    }
    answer.problem = parsed.data;
    const raw = (json as { type?: unknown }).type;
    if (typeof raw !== 'string') v.push('the problem has no `type`; it must end in a slug of the contract (e.g. `urn:dialnexa:problem:validation`)');
    else {
      answer.code = slugOf(raw);
      if (!problemCode(raw)) v.push(`the problem type "${raw}" does not end in a slug of the contract (${s.PROBLEM_CODES.join(', ')})`);
    }
    if (parsed.data.status !== undefined && parsed.data.status !== status) v.push(`the problem says status ${parsed.data.status}, the response ${status}`);
    if (status === 429 && !answer.headers.has('retry-after') && parsed.data.retryAfter === undefined) {
      v.push('a 429 without Retry-After (header) or retryAfter (problem member)');
    }
  }
}
