/**
 * A whole run: sign in, the checks in an order that keeps them independent (the access
 * checks before anything re-authenticates; deletion last), then the per-endpoint verdicts.
 */
import type * as s from '../src/api/schemas.js';
import { checkAuthentication, checkCsrf, checkReauthPasses, checkReauthRequired } from './checks/access.js';
import { checkEmailChange } from './checks/email-change.js';
import { checkExport } from './checks/export.js';
import { checkContract, checkDeletion, checkRateLimits } from './checks/limits.js';
import { checkPasskeys } from './checks/passkeys.js';
import { checkPassword } from './checks/password.js';
import { checkLoginActivity, checkRevokeSession, checkSessions } from './checks/sessions.js';
import { checkSettings } from './checks/settings.js';
import { checkTwoFactor } from './checks/two-factor.js';
import { checkServerEnforced, checkValidation } from './checks/validation.js';
import { KitClient } from './http.js';
import { fail, Kit } from './kit.js';
import { OPTIONAL_PARTS, type KitOptions } from './options.js';
import type { Report } from './report.js';

/** What the kit changes, said before it starts. */
export function preamble(options: Pick<KitOptions, 'baseUrl' | 'parts'>): string {
  const parts = options.parts ?? [];
  const lines = [
    `dn-account-conformance: checking ${options.baseUrl}`,
    'It signs in as the test user and changes that user’s own data only — nothing of any other account.',
    'It changes and then restores: display name, avatar, preferences, privacy and notification settings.',
    'It cancels a pending email change, turns 2FA on and off again, revokes the user’s other sessions and trusted devices,',
    'adds a passkey (a software key of the kit’s own), uses it once to confirm it’s the user and removes it,',
    'starts a data export, and makes a few failed attempts (wrong passwords and codes) that the user’s login activity may show.',
  ];
  for (const part of parts) lines.push(`Asked for --check ${part}: ${OPTIONAL_PARTS[part]}.`);
  if (!parts.includes('delete-account')) lines.push('It never deletes the account.');
  return lines.join('\n');
}

export async function runConformance(options: KitOptions): Promise<Report> {
  const startedAt = new Date();
  const started = performance.now();
  const client = new KitClient({
    baseUrl: options.baseUrl,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 15_000,
    password: options.password,
    csrfHeader: options.csrfHeader,
    csrfToken: options.csrfToken,
    csrfCookie: options.csrfCookie,
  });
  client.use(options.credentials);
  const kit = new Kit(client, options);

  const signedIn = await kit.check(
    { id: 'authentication/signed-in', rule: 'authentication', endpoint: 'getProfile', title: 'the test user is signed in (the profile reads)' },
    async () => {
      const signIn = options.hooks?.signIn;
      if (signIn) client.use((await signIn(kit.hookContext())) ?? undefined);
      if (!client.hasCredentials) fail('no credentials: give --cookie, --bearer, --header or a --sign-in module');
      const answer = await client.call('getProfile');
      if (answer.status === 401) fail('GET /profile answered 401 with the credentials given: the sign-in did not work');
      const profile = kit.ok<s.Profile>(answer, 'GET /profile');
      kit.state.email = profile.email;
      kit.state.displayName = profile.displayName;
      if (options.csrfHeader && client.currentCsrfToken() === undefined) {
        fail(`--csrf-header ${options.csrfHeader} is set but no token: give --csrf-token, --csrf-cookie, or return csrfToken from signIn`);
      }
      return `signed in as ${profile.email}`;
    },
  );

  if (signedIn) {
    await checkAuthentication(kit);
    await checkReauthRequired(kit);
    await checkRevokeSession(kit);
    await checkReauthPasses(kit);
    await checkCsrf(kit);
    await checkValidation(kit);
    await checkServerEnforced(kit);
    await checkSettings(kit);
    await checkEmailChange(kit);
    await checkTwoFactor(kit);
    await checkPassword(kit);
    await checkSessions(kit);
    await checkPasskeys(kit);
    await checkLoginActivity(kit);
    await checkExport(kit);
    await checkRateLimits(kit);
    await checkDeletion(kit);
    await checkContract(kit);
  }

  const results = kit.results;
  return {
    baseUrl: client.baseUrl,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    parts: [...(options.parts ?? [])],
    results,
    passed: results.filter((r) => r.outcome === 'pass').length,
    failed: results.filter((r) => r.outcome === 'fail').length,
    skipped: results.filter((r) => r.outcome === 'skip').length,
    ...(signedIn ? {} : { aborted: 'the test user could not be signed in, so no other check ran' }),
  };
}
