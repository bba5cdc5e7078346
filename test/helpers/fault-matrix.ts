/**
 * The fault matrix: every way a backend fails (DEVELOPERS.md, "Definition of done" 4),
 * run against an element's load or one of its actions. Each fault must end in a
 * clear message on screen, the user's input intact, and — for loads — a retry
 * that works once the backend is healthy again.
 */
import { expect } from '@open-wc/testing';
import { http, HttpResponse, delay, type HttpHandler } from 'msw';
import type { MockBackend } from '../../src/api/mock/index.js';
import type { RestAccountApi } from '../../src/api/rest-client.js';
import { until, visibleText } from './fixture.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Fault {
  name: string;
  /** What the user reads (English). */
  message: RegExp;
  /** Loads cannot fail with a 409 or 422. */
  mutationOnly?: boolean;
  respond: () => Response | Promise<Response>;
  /** The host is told (`dn-unauthorized`). */
  unauthorized?: boolean;
}

function problem(status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return HttpResponse.json(
    { type: `urn:dialnexa:problem:${code}`, title: code, status, ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
}

export const FAULTS: Fault[] = [
  { name: '500 server error', message: /went wrong on our side/i, respond: () => problem(500, 'internal') },
  {
    name: 'timeout',
    message: /took too long/i,
    respond: async () => {
      await delay('infinite');
      return HttpResponse.json({});
    },
  },
  { name: 'offline', message: /offline/i, respond: () => HttpResponse.error() },
  {
    name: 'malformed JSON',
    message: /could not read/i,
    respond: () => new HttpResponse('{"displayName": "Am', { status: 200, headers: { 'Content-Type': 'application/json' } }),
  },
  { name: 'schema-invalid JSON', message: /could not read/i, respond: () => HttpResponse.json({ unexpected: true, displayName: 42 }) },
  { name: '401 unauthorized', message: /session has ended/i, unauthorized: true, respond: () => problem(401, 'unauthorized') },
  { name: '403 forbidden', message: /permission/i, respond: () => problem(403, 'forbidden') },
  { name: '409 conflict', message: /changed this in the meantime/i, mutationOnly: true, respond: () => problem(409, 'conflict') },
  {
    name: '422 validation',
    message: /need your attention|Server refused this value/i,
    mutationOnly: true,
    respond: () => problem(422, 'validation', { errors: [{ field: 'unknownField', message: 'Server refused this value' }] }),
  },
  {
    name: '429 rate limited',
    message: /too many attempts/i,
    respond: () => problem(429, 'rate-limited', { retryAfter: 30 }, { 'Retry-After': '30' }),
  },
];

export interface FaultContext<T extends HTMLElement> {
  el: T;
  backend: MockBackend;
  api: RestAccountApi;
}

/** How long the client waits in the timeout fault; everything before the fault gets the fixture's normal timeout. */
const FAULT_TIMEOUT_MS = 400;

export interface FaultMatrixOptions<T extends HTMLElement> {
  /** The request that fails, e.g. `['patch', '/api/account/profile']`. */
  request: [Method, string];
  /**
   * Mounts the element; `setup` must run before it renders (pass it to `mount`).
   * For a load, mount with a short client timeout (the timeout fault hits the load).
   */
  mount: (setup: (backend: MockBackend) => void) => Promise<FaultContext<T>>;
  /** The user's action that sends the request. Without it, the fault hits the element's first load. */
  act?: (context: FaultContext<T>) => Promise<void>;
  /** After the fault: what the user typed is still there. */
  kept?: (context: FaultContext<T>) => void | Promise<void>;
}

/** One `it` per fault, for one request of one element. */
export function runFaultMatrix<T extends HTMLElement>(options: FaultMatrixOptions<T>): void {
  const [method, path] = options.request;
  const isLoad = !options.act;
  for (const fault of FAULTS.filter((f) => !isLoad || !f.mutationOnly)) {
    const outcome = !isLoad ? ', keeping the input' : fault.unauthorized ? ', without a retry' : ' and retries';
    it(`${fault.name}: shows "${fault.message.source}"${outcome}`, async () => {
      const handler: HttpHandler = http[method](path, fault.respond);
      let unauthorized = 0;
      const listener = () => (unauthorized += 1);
      document.addEventListener('dn-unauthorized', listener);
      try {
        const context = await options.mount((backend) => {
          if (isLoad) backend.use(handler);
        });
        if (!isLoad) {
          context.backend.use(handler);
          context.api.timeoutMs = FAULT_TIMEOUT_MS;
          await options.act!(context);
        }
        await until(() => fault.message.test(visibleText(context.el)), `message ${fault.message} on screen`);
        expect(visibleText(context.el)).not.to.match(/undefined|\[object Object\]|NaN/);
        if (fault.unauthorized) expect(unauthorized, 'dn-unauthorized events').to.be.greaterThan(0);
        await options.kept?.(context);
        if (isLoad && fault.unauthorized) {
          for (let i = 0; i < 3; i += 1) {
            (context.el as unknown as { requestUpdate(): void; updateComplete: Promise<unknown> }).requestUpdate();
            await (context.el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
          }
          const retry = [...(context.el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => /try again/i.test(b.textContent ?? ''));
          expect(retry, 'no "Try again" once signed out: the host sends the user to sign in').to.equal(undefined);
          expect(unauthorized, 'dn-unauthorized once, however often the element renders').to.equal(1);
        } else if (isLoad) {
          context.backend.worker.resetHandlers();
          const retry = [...(context.el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => /try again/i.test(b.textContent ?? ''));
          expect(retry, 'a "Try again" button').to.exist;
          retry!.click();
          await until(() => !fault.message.test(visibleText(context.el)), 'the message to go after retrying');
        }
      } finally {
        document.removeEventListener('dn-unauthorized', listener);
      }
    });
  }
}
