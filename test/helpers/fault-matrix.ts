/**
 * The fault matrix: every way a backend fails (DEVELOPERS.md, "Definition of done" 4),
 * run against an element's load or one of its actions. Each fault must end in a
 * clear message on screen, the user's input intact, a way to retry that works once
 * the backend is healthy again (none after a 401: the host signs the user in again),
 * no unhandled rejection and no `console.error`.
 *
 * `test/hardening/fault-table.ts` holds one row per element × action; the
 * `test/hardening/faults*.test.ts` files run them with {@link runFaultRows}.
 */
import { expect } from '@open-wc/testing';
import { http, HttpResponse, delay, type HttpHandler } from 'msw';
import type { MockBackend } from './fixture.js';
import type { RestAccountApi } from '../../src/api/rest-client.js';
import { endpoints, type EndpointName } from '../../src/api/endpoints.js';
import { nextTask, until, visibleText } from './fixture.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Fault {
  name: string;
  /** What the user reads (English). */
  message: RegExp;
  /** Loads cannot fail with a 409 or 422. */
  mutationOnly?: boolean;
  respond: () => Response | Promise<Response>;
  /** Never answers: the client's time limit ends it. */
  hangs?: boolean;
  /** The host is told (`dn-unauthorized`); no retry is offered. */
  unauthorized?: boolean;
  /**
   * 403 `reauth-required`: a sensitive action opens "Confirm it's you"; the test cancels
   * it. Elsewhere (loads, actions the server does not mark sensitive) `message` shows.
   */
  reauth?: boolean;
}

function problem(status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return HttpResponse.json(
    { type: `urn:dialnexa:problem:${code}`, title: code, status, ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
}

export const FAULTS: Fault[] = [
  { name: '500 server error', message: /went wrong on our side/i, respond: () => problem(500, 'internal') },
  // The fixture's client retries no GET (`retry.attempts: 0`): one 503 is one failure the user sees.
  { name: '503 unavailable', message: /went wrong on our side/i, respond: () => problem(503, 'unavailable') },
  {
    name: '503 unavailable with Retry-After',
    message: /went wrong on our side/i,
    respond: () => problem(503, 'unavailable', {}, { 'Retry-After': '5' }),
  },
  {
    name: 'timeout',
    message: /took too long/i,
    hangs: true,
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
  {
    name: '403 re-auth',
    message: /confirm your identity/i,
    reauth: true,
    respond: () => problem(403, 'reauth-required', { methods: ['password'] }),
  },
  { name: '409 conflict', message: /changed this in the meantime/i, mutationOnly: true, respond: () => problem(409, 'conflict') },
  {
    name: '422 validation',
    message: /need your attention|Server refused this value/i,
    mutationOnly: true,
    respond: () => problem(422, 'validation', { errors: [{ field: 'unknownField', message: 'Server refused this value' }] }),
  },
  {
    // The wait the server asks for is what the user reads ("in 30 seconds").
    name: '429 rate limited with Retry-After',
    message: /too many attempts\. you can try again in (30|29|28) seconds/i,
    respond: () => problem(429, 'rate-limited', { retryAfter: 30 }, { 'Retry-After': '30' }),
  },
];

export interface FaultContext<T extends HTMLElement> {
  el: T;
  backend: MockBackend;
  api: RestAccountApi;
}

/**
 * How long the client waits for an action in the timeout fault. Every other answer gets
 * the fixture's normal limit: on a busy machine a quick error may take longer than this.
 */
const FAULT_TIMEOUT_MS = 400;

export interface FaultMatrixOptions<T extends HTMLElement> {
  /** The request that fails, e.g. `['patch', '/api/account/profile']`. */
  request: [Method, string];
  /**
   * Mounts the element; `setup` must run before it renders (pass it to `mount`).
   * For a load, the timeout fault waits the client's whole time limit (the fixture's 1.5 s).
   */
  mount: (setup: (backend: MockBackend) => void) => Promise<FaultContext<T>>;
  /** The user's action that sends the request. Without it, the fault hits the element's first load. */
  act?: (context: FaultContext<T>) => Promise<void>;
  /** After the fault: what the user typed is still there. */
  kept?: (context: FaultContext<T>) => void | Promise<void>;
  /** The control that sends the action: after a fault (not a 401) it is enabled and not busy. */
  control?: (context: FaultContext<T>) => HTMLElement;
  /** Sends the action again once the backend is healthy; default `act`. */
  again?: (context: FaultContext<T>) => Promise<void>;
  /** Holds once the retried action succeeded, as the user sees it. */
  succeeded?: (context: FaultContext<T>) => unknown;
  /**
   * After a 429 with `Retry-After` the control stays unusable until the wait shown is over
   * (the 2FA sign-in step: more guesses would only extend the lock). The matrix then checks
   * that it is unusable and that pressing it sends nothing, instead of retrying at once.
   */
  waitsOutRateLimit?: boolean;
}

/** One row of the fault table: one element, one action (or its load). */
export interface FaultRow<T extends HTMLElement = HTMLElement> extends FaultMatrixOptions<T> {
  tag: string;
  action: string;
}

/** The endpoint `request` reaches, from the route table. */
export function endpointFor([method, path]: [Method, string]): EndpointName {
  const name = (Object.keys(endpoints) as EndpointName[]).find(
    (candidate) => endpoints[candidate].method.toLowerCase() === method && `/api/account${endpoints[candidate].path}` === path,
  );
  if (!name) throw new Error(`no endpoint for ${method.toUpperCase()} ${path}`);
  return name;
}

const answered = (backend: MockBackend, name: EndpointName) =>
  backend.requests.filter((entry) => entry.name === name && entry.status >= 200 && entry.status < 300).length;

/** Every button in `el`'s shadow root and light DOM. */
const buttonsOf = (el: HTMLElement) => [...(el.shadowRoot?.querySelectorAll('button') ?? []), ...el.querySelectorAll('button')];

/**
 * Records unhandled rejections and `console.error` calls until `stop()`; the calls still
 * reach the console unless `forward` is false.
 */
export function watchErrors({ forward = true } = {}): { stop(): Promise<string[]> } {
  const seen: string[] = [];
  const onRejection = (event: PromiseRejectionEvent) => {
    const reason = event.reason as unknown;
    seen.push(`unhandled rejection: ${reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)}`);
  };
  const realError = console.error;
  console.error = (...args: unknown[]) => {
    seen.push(`console.error: ${args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' ')}`);
    if (forward) realError.apply(console, args);
  };
  window.addEventListener('unhandledrejection', onRejection);
  return {
    async stop() {
      // Rejections are reported after a task; give them one.
      await new Promise((resolve) => setTimeout(resolve, 0));
      window.removeEventListener('unhandledrejection', onRejection);
      console.error = realError;
      return seen;
    },
  };
}

/** The open "Confirm it's you" dialog, when there is one. */
function openReauthDialog(): HTMLElement | null {
  for (const dialog of document.querySelectorAll<HTMLElement>('dn-reauth-dialog')) {
    if (dialog.shadowRoot?.querySelector('dialog')?.open) return dialog;
  }
  return null;
}

/** One `it` per fault, for one request of one element. */
export function runFaultMatrix<T extends HTMLElement>(options: FaultMatrixOptions<T>): void {
  const [method, path] = options.request;
  const isLoad = !options.act;
  const endpoint = endpointFor(options.request);
  const sensitive = Boolean((endpoints[endpoint] as { sensitive?: boolean }).sensitive);
  for (const fault of FAULTS.filter((f) => !isLoad || !f.mutationOnly)) {
    const outcome = !isLoad
      ? fault.unauthorized
        ? ', keeping the input'
        : ', keeping the input, and retries'
      : fault.unauthorized
        ? ', without a retry'
        : ' and retries';
    const shows = fault.reauth && sensitive && !isLoad ? `"Confirm it's you", cancelled,` : `"${fault.message.source}"`;
    it(`${fault.name}: shows ${shows}${outcome}`, async () => {
      const handler: HttpHandler = http[method](path, fault.respond);
      let unauthorized = 0;
      const listener = () => (unauthorized += 1);
      document.addEventListener('dn-unauthorized', listener);
      const errors = watchErrors();
      let context: FaultContext<T> | undefined;
      let finished = false;
      try {
        context = await options.mount((backend) => {
          if (isLoad) backend.use(handler);
        });
        const ctx = context;
        if (!isLoad) {
          ctx.backend.use(handler);
          if (fault.hangs) ctx.api.timeoutMs = FAULT_TIMEOUT_MS;
          await options.act!(ctx);
        }
        const shown = () => fault.message.test(visibleText(ctx.el));
        if (fault.reauth && !isLoad) {
          // A sensitive action opens "Confirm it's you"; others may say so in words.
          await until(() => openReauthDialog() || (!sensitive && shown()), `"Confirm it's you" or ${fault.message}`).catch(() => {
            throw new Error(`neither "Confirm it's you" nor ${fault.message}; the element shows: "${visibleText(ctx.el)}"`);
          });
        } else {
          await until(shown, `message ${fault.message} on screen`).catch(() => {
            throw new Error(`no ${fault.message} on screen; the element shows: "${visibleText(ctx.el)}"`);
          });
        }
        const dialog = openReauthDialog();
        if (dialog) {
          // The user closes "Confirm it's you": nothing sent, nothing lost, no error.
          expect(fault.reauth, '"Confirm it\'s you" only for 403 reauth-required').to.equal(true);
          expect(visibleText(dialog)).to.match(/Confirm it's you/);
          const cancel = buttonsOf(dialog).find((b) => b.textContent!.trim() === 'Cancel');
          expect(cancel, 'a Cancel button in "Confirm it\'s you"').to.exist;
          cancel!.click();
          await until(() => !openReauthDialog(), '"Confirm it\'s you" to close');
          await (ctx.el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        }
        expect(visibleText(ctx.el)).not.to.match(/undefined|\[object Object\]|NaN/);
        if (fault.unauthorized) expect(unauthorized, 'dn-unauthorized events').to.be.greaterThan(0);
        await options.kept?.(ctx);
        if (isLoad && fault.unauthorized) {
          for (let i = 0; i < 3; i += 1) {
            (ctx.el as unknown as { requestUpdate(): void; updateComplete: Promise<unknown> }).requestUpdate();
            await (ctx.el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
          }
          const retry = buttonsOf(ctx.el).find((b) => /try again/i.test(b.textContent ?? ''));
          expect(retry, 'no "Try again" once signed out: the host sends the user to sign in').to.equal(undefined);
          expect(unauthorized, 'dn-unauthorized once, however often the element renders').to.equal(1);
        } else if (isLoad) {
          ctx.backend.resetHandlers();
          const retry = buttonsOf(ctx.el).find((b) => /try again/i.test(b.textContent ?? ''));
          expect(retry, 'a "Try again" button').to.exist;
          retry!.click();
          await until(() => !fault.message.test(visibleText(ctx.el)), 'the message to go after retrying');
          await until(() => answered(ctx.backend, endpoint) > 0, 'the retried load to reach the server');
        } else if (options.waitsOutRateLimit && fault.name.startsWith('429')) {
          const control = options.control!(ctx);
          expect(control.getAttribute('aria-disabled'), 'the action waits out the Retry-After shown').to.equal('true');
          // Healthy again: a request sent now would reach (and be logged by) the mock.
          ctx.backend.resetHandlers();
          const before = ctx.backend.sent;
          await (options.again ?? options.act)!(ctx);
          // A request leaves within the click's microtasks; counted when sent, not when answered.
          await nextTask();
          expect(ctx.backend.sent, 'nothing sent during the wait').to.equal(before);
        } else if (!fault.unauthorized) {
          // A way to retry: the action's control is usable again, and using it works.
          if (options.control) {
            const usable = () => {
              const control = options.control!(ctx);
              return !(control as HTMLButtonElement).disabled && control.getAttribute('aria-disabled') !== 'true' && control.getAttribute('aria-busy') !== 'true';
            };
            // Found by role and name: absent for a moment while a dialog closes.
            await until(() => {
              try {
                return usable();
              } catch {
                return false;
              }
            }, 'the action enabled again');
            expect(usable(), 'the action enabled again').to.equal(true);
          }
          ctx.backend.resetHandlers();
          ctx.backend.store.markReauthenticated();
          ctx.api.timeoutMs = 1500;
          const before = answered(ctx.backend, endpoint);
          await (options.again ?? options.act)!(ctx);
          await until(() => answered(ctx.backend, endpoint) > before, `the retried ${method.toUpperCase()} ${path} to succeed`);
          if (options.succeeded) await until(() => options.succeeded!(ctx), 'the retried action to show its success');
          await until(() => !shown(), 'the message to go after the retry succeeded');
        }
        finished = true;
      } finally {
        document.removeEventListener('dn-unauthorized', listener);
        const seen = await errors.stop();
        // When an assertion failed already, that failure is the one reported.
        if (finished) expect(seen, 'unhandled rejections and console errors').to.deep.equal([]);
      }
    });
  }
}

/** The fault matrix over every row of a fault table: one `describe` per element and action. */
export function runFaultRows(rows: readonly FaultRow<HTMLElement>[]): void {
  for (const row of rows) {
    describe(`<${row.tag}> ${row.action}`, () => runFaultMatrix(row));
  }
}
