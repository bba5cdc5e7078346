/**
 * Deliberately broken variants of the mock: each seeded fault fails the check that names
 * it, with a message that says what the server did and what the contract wants, the command
 * exits non-zero — and nothing unrelated fails.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type * as s from '../../src/api/schemas.js';
import type { MockServer, MockServerContext } from '../../mock/node-server.js';
import { argsFor, failedIds, runCli, startServer } from './helpers.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Intercept = (request: Request, context: MockServerContext) => Promise<Response | undefined>;

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** Is `request` a `method` to `path` under the API base? */
const is = (request: Request, context: MockServerContext, method: string, path: string) =>
  request.method === method && new URL(request.url).pathname === `${context.basePath}${path}`;

async function runAgainst(intercept: Intercept) {
  server = await startServer({ intercept });
  return runCli(argsFor(server));
}

describe('the conformance kit against a broken backend', () => {
  it('a response that does not match its schema', async () => {
    const { code, out, report } = await runAgainst(async (request, context) => {
      if (!context.authenticated || !is(request, context, 'GET', '/billing')) return undefined;
      const billing = context.store.getBillingSummary();
      return json({ ...billing, paymentMethod: billing.paymentMethod && { ...billing.paymentMethod, last4: '42' } });
    });
    expect(code).toBe(1);
    expect(failedIds(report).sort()).toEqual(['schema/getBillingSummary', 'settings/billing']);
    const schema = report.results.find((r) => r.id === 'schema/getBillingSummary')!;
    expect(schema.message).toBe('GET /api/account/billing → 200: the body does not match BillingSummary: paymentMethod.last4: does not match /^\\d{4}$/ (got "42")');
    expect(out).toMatch(/FAIL {2}GET \/billing — every answer matches the contract: .*paymentMethod\.last4/);
  });

  it('no 422 for a display name of 51 characters', async () => {
    const { code, report } = await runAgainst(async (request, context) => {
      if (!context.authenticated || !is(request, context, 'PATCH', '/profile')) return undefined;
      const body = (await request.clone().json().catch(() => ({}))) as { displayName?: string };
      if ((body.displayName?.length ?? 0) <= 50) return undefined;
      // The server trusts the client's check: it saves what it gets.
      return json(context.store.updateProfile({ displayName: body.displayName! }));
    });
    expect(code).toBe(1);
    expect(failedIds(report)).toEqual(['validation/display-name-too-long']);
    expect(report.results.find((r) => r.id === 'validation/display-name-too-long')!.message).toBe(
      'a display name of 51 characters was saved (200); the contract allows at most 50 — the server must refuse it with 422, a client can be bypassed',
    );
    // The kit put the name back.
    expect(server!.store.getProfile().displayName).toBe('Amira Haddad');
  });

  it('a display name with a right-to-left override saved', async () => {
    const { code, report } = await runAgainst(async (request, context) => {
      if (!context.authenticated || !is(request, context, 'PATCH', '/profile')) return undefined;
      const body = (await request.clone().json().catch(() => ({}))) as { displayName?: string };
      if (!body.displayName?.includes('\u202E')) return undefined;
      // The server checks lengths only.
      return json(context.store.updateProfile({ displayName: body.displayName }));
    });
    expect(code).toBe(1);
    expect(failedIds(report)).toEqual(['validation/display-name-bidi-override']);
    expect(report.results.find((r) => r.id === 'validation/display-name-bidi-override')!.message).toMatch(
      /^a display name with U\+202E \(RIGHT-TO-LEFT OVERRIDE\) was saved \(200\).*must answer 422$/,
    );
    expect(server!.store.getProfile().displayName).toBe('Amira Haddad');
  });

  it('a password policy served but not enforced', async () => {
    const { code, report } = await runAgainst(async (request, context) => {
      if (!context.authenticated || !is(request, context, 'POST', '/password')) return undefined;
      const body = (await request.clone().json()) as s.PasswordChangeRequest;
      const meetsPolicy = body.newPassword.length >= 8 && /\d/.test(body.newPassword) && /[^\p{L}\p{Nd}]/u.test(body.newPassword);
      if (meetsPolicy || body.currentPassword !== context.store.currentPassword()) return undefined;
      // Accepted without the policy check (the password itself is left alone).
      return json({ changedAt: new Date().toISOString(), otherSessions: 0 });
    });
    expect(code).toBe(1);
    expect(failedIds(report).sort()).toEqual(['server-enforced/password-no-number', 'server-enforced/password-no-special', 'server-enforced/password-too-short']);
    const short = report.results.find((r) => r.id === 'server-enforced/password-too-short')!;
    expect(short.title).toBe('a new password with 7 characters (policy: at least 8): 422 on newPassword');
    expect(short.message).toMatch(/^the server accepted a password its own policy refuses \(7 characters \(policy: at least 8\)\); changing it back failed \(422\)/);
  });

  it('a TOTP code accepted twice', async () => {
    const { code, report } = await runAgainst(async (request, context) => {
      if (!context.authenticated || !is(request, context, 'POST', '/reauth')) return undefined;
      const body = (await request.clone().json()) as s.ReauthRequest;
      if (body.method !== 'totp') return undefined;
      // Checks the code's shape only: no replay protection.
      context.store.markReauthenticated();
      return json({ reauthenticatedUntil: new Date(Date.now() + 600_000).toISOString() });
    });
    expect(code).toBe(1);
    expect(failedIds(report)).toEqual(['two-factor/totp-replay']);
    expect(report.results.find((r) => r.id === 'two-factor/totp-replay')!.message).toMatch(
      /^the code \d{6}, already used to turn 2FA on, was accepted again by POST \/reauth: a server must remember the last accepted time step/,
    );
  });

  it('a passkey assertion accepted without checking its signature', async () => {
    const { code, report } = await runAgainst(async (request, context) => {
      if (!context.authenticated || !is(request, context, 'POST', '/reauth/passkey')) return undefined;
      const body = (await request.clone().json()) as s.PasskeyReauthRequest;
      // Knows the credential, checks nothing else: no signature, no challenge, no origin.
      const listed = context.store.listPasskeys().items.length > 0;
      if (!listed || !body.credential.rawId) return undefined;
      context.store.markReauthenticated();
      return json({ reauthenticatedUntil: new Date(Date.now() + 600_000).toISOString() });
    });
    expect(code).toBe(1);
    expect(failedIds(report)).toEqual(['passkeys/reauth']);
    expect(report.results.find((r) => r.id === 'passkeys/reauth')!.message).toMatch(/^the same assertion again: POST \/api\/account\/reauth\/passkey was accepted \(200\)/);
  });

  it('200 instead of 401 without credentials', async () => {
    const { code, out, report } = await runAgainst(async (request, context) => {
      if (context.authenticated || !is(request, context, 'GET', '/billing')) return undefined;
      return json(context.store.getBillingSummary());
    });
    expect(code).toBe(1);
    expect(failedIds(report)).toEqual(['authentication/401/getBillingSummary']);
    expect(report.results.find((r) => r.id === 'authentication/401/getBillingSummary')!.message).toBe(
      'without a cookie or token it answered 200, expected 401 (the elements then ask the host to sign in again)',
    );
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/^\d+ passed, 1 failed, \d+ skipped$/);
  });
});
