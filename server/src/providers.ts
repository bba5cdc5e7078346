/**
 * Sign-in providers for connected accounts, from environment variables: each one with both its
 * client id and secret set becomes one of Better Auth's `socialProviders`, linked to a signed-in
 * user through Better Auth's account linking (`linkSocial`). Register the redirect URI
 * `<BASE_URL>/api/auth/callback/<google|microsoft|github>` with the provider.
 */
import type { SocialProviders } from 'better-auth';

/** The providers the contract's connected accounts know, by Better Auth's id. */
export type ProviderId = 'google' | 'microsoft' | 'github';

export type ProvidersConfig = Pick<SocialProviders, ProviderId>;

/**
 * GOOGLE_CLIENT_ID / GOOGLE_CLIENT_SECRET, MICROSOFT_CLIENT_ID / MICROSOFT_CLIENT_SECRET /
 * MICROSOFT_TENANT_ID (`common` when unset: work, school and personal accounts), GITHUB_CLIENT_ID /
 * GITHUB_CLIENT_SECRET. A provider with only one of its pair set is an error, not silently absent.
 */
export function socialProvidersFromEnv(env: Record<string, string | undefined>): ProvidersConfig {
  const pair = (prefix: string) => {
    const clientId = env[`${prefix}_CLIENT_ID`]?.trim();
    const clientSecret = env[`${prefix}_CLIENT_SECRET`]?.trim();
    if (!clientId && !clientSecret) return undefined;
    if (!clientId || !clientSecret) throw new Error(`${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET are needed together`);
    return { clientId, clientSecret, getAccountFields: accountFields };
  };
  const config: ProvidersConfig = {};
  const google = pair('GOOGLE');
  if (google) config.google = google;
  const microsoft = pair('MICROSOFT');
  if (microsoft) config.microsoft = { ...microsoft, tenantId: env['MICROSOFT_TENANT_ID']?.trim() || 'common' };
  const github = pair('GITHUB');
  if (github) config.github = github;
  return config;
}

/** What Better Auth stores on the linked `account` row beside its own fields: the provider account's address. */
const accountFields = (_tokens: unknown, user: { email?: string | null | undefined }) => ({ providerEmail: user.email ?? undefined });

/** The ids of the configured providers. */
export function configuredProviders(config: ProvidersConfig | undefined): ProviderId[] {
  return (['google', 'microsoft', 'github'] as const).filter((id) => config?.[id]);
}
