/**
 * `dn-account-conformance`: checks that a server speaks the REST contract of
 * @dialnexa/account-elements (openapi.json). Exit code 0 when every check passed, 1 when
 * one failed, 2 when the command itself could not run.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { OPTIONAL_PARTS, type Credentials, type Hooks, type KitOptions, type OptionalPart } from './options.js';
import { formatJson, formatJunit, formatText } from './report.js';
import { preamble, runConformance } from './run.js';

export const USAGE = `Usage: dn-account-conformance --base-url <url> [options]

Checks that the server at <url> speaks the REST contract of @dialnexa/account-elements
(openapi.json): every endpoint, every rule the elements rely on. It signs in as a test user
and changes only that user's own data.

Where and who
  --base-url <url>        the API base, e.g. https://api.example.com/account (required)
  --cookie <cookies>      Cookie header of a signed-in test user, e.g. "session=abc"
  --bearer <token>        bearer token of the test user (or DN_CONFORMANCE_BEARER)
  --header <name: value>  another header for every request (repeatable)
  --sign-in <module>      a module exporting signIn(ctx) (and optionally
                          startTwoFactorChallenge(ctx), readToken(ctx)); see the README
  --password <password>   the test user's password (required; or DN_CONFORMANCE_PASSWORD)

CSRF
  --csrf-header <name>    the header every mutation must carry; mutations without it must be refused
  --csrf-token <token>    its value
  --csrf-cookie <name>    take its value from this cookie (double-submit)

Passkeys
  --passkey-origin <url>  the origin of the pages the elements run on, as browsers put it in WebAuthn
                          client data (default: the origin of --base-url)

What to check
  --check <part>          an optional part (repeatable, or comma-separated; "all" for every one):
${Object.entries(OPTIONAL_PARTS)
  .map(([part, what]) => `                            ${part}: ${what}`)
  .join('\n')}

Output
  --json <file>           write the results as JSON
  --junit <file>          write the results as JUnit XML
  --quiet                 list only failed and skipped checks
  --no-color              no ANSI colours
  --timeout <ms>          time limit of one request (default 15000)
  --export-timeout <ms>   how long the data export may take (default 120000)
  --help, --version
`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  isTty: boolean;
  /** `fetch` to use (tests). */
  fetch?: typeof globalThis.fetch;
}

const defaultIo = (): CliIo => ({
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isTty: Boolean(process.stdout.isTTY),
});

class UsageError extends Error {}

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} takes a positive whole number of milliseconds, not "${value}"`);
  return n;
}

async function loadHooks(path: string, cwd: string): Promise<Hooks> {
  const mod = (await import(pathToFileURL(resolve(cwd, path)).href)) as Hooks & { default?: unknown };
  const hooks: Hooks = {};
  const fromDefault = typeof mod.default === 'object' && mod.default !== null ? (mod.default as Hooks) : {};
  hooks.signIn = mod.signIn ?? fromDefault.signIn ?? (typeof mod.default === 'function' ? (mod.default as Hooks['signIn']) : undefined);
  hooks.startTwoFactorChallenge = mod.startTwoFactorChallenge ?? fromDefault.startTwoFactorChallenge;
  hooks.readToken = mod.readToken ?? fromDefault.readToken;
  if (!hooks.signIn && !hooks.startTwoFactorChallenge && !hooks.readToken) {
    throw new UsageError(`${path} exports none of signIn, startTwoFactorChallenge, readToken`);
  }
  return hooks;
}

/** Parses the arguments into the kit's options (throws `UsageError`). */
export async function optionsFromArgs(argv: string[], io: CliIo): Promise<{ options: KitOptions; json?: string; junit?: string; quiet: boolean; color: boolean } | 'help' | 'version'> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      'base-url': { type: 'string' },
      cookie: { type: 'string' },
      bearer: { type: 'string' },
      header: { type: 'string', multiple: true },
      'sign-in': { type: 'string' },
      password: { type: 'string' },
      'csrf-header': { type: 'string' },
      'csrf-token': { type: 'string' },
      'csrf-cookie': { type: 'string' },
      'passkey-origin': { type: 'string' },
      check: { type: 'string', multiple: true },
      json: { type: 'string' },
      junit: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'no-color': { type: 'boolean', default: false },
      timeout: { type: 'string' },
      'export-timeout': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  if (values.version) return 'version';
  const baseUrl = values['base-url'];
  if (!baseUrl) throw new UsageError('--base-url is required');
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
  } catch {
    throw new UsageError(`--base-url must be an http(s) URL, not "${baseUrl}"`);
  }
  const parts: OptionalPart[] = [];
  for (const value of (values.check ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean)) {
    if (value === 'all') parts.push(...(Object.keys(OPTIONAL_PARTS) as OptionalPart[]));
    else if (value in OPTIONAL_PARTS) parts.push(value as OptionalPart);
    else throw new UsageError(`--check ${value}: unknown part (${Object.keys(OPTIONAL_PARTS).join(', ')}, all)`);
  }
  const headers: Record<string, string> = {};
  for (const header of values.header ?? []) {
    const colon = header.indexOf(':');
    if (colon <= 0) throw new UsageError(`--header "${header}" is not "Name: value"`);
    headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
  }
  const credentials: Credentials = {};
  if (values.cookie) credentials.cookie = values.cookie;
  const bearer = values.bearer ?? io.env['DN_CONFORMANCE_BEARER'];
  if (bearer) credentials.bearer = bearer;
  if (Object.keys(headers).length) credentials.headers = headers;
  if (values['csrf-token'] && values['csrf-cookie']) throw new UsageError('give --csrf-token or --csrf-cookie, not both');
  if ((values['csrf-token'] || values['csrf-cookie']) && !values['csrf-header']) throw new UsageError('--csrf-token and --csrf-cookie need --csrf-header');
  const password = values.password ?? io.env['DN_CONFORMANCE_PASSWORD'];
  if (!password) throw new UsageError('the test user’s password is required (--password or DN_CONFORMANCE_PASSWORD): re-authentication, 2FA and deletion checks confirm with it');
  const options: KitOptions = {
    baseUrl,
    credentials,
    password,
    csrfHeader: values['csrf-header'],
    csrfToken: values['csrf-token'],
    csrfCookie: values['csrf-cookie'],
    parts: [...new Set(parts)],
    timeoutMs: positiveInt(values.timeout, '--timeout'),
    exportTimeoutMs: positiveInt(values['export-timeout'], '--export-timeout'),
    ...(values['passkey-origin'] ? { passkeyOrigin: passkeyOrigin(values['passkey-origin']) } : {}),
    ...(io.fetch ? { fetch: io.fetch } : {}),
  };
  if (values['sign-in']) options.hooks = await loadHooks(values['sign-in'], io.cwd);
  return {
    options,
    json: values.json,
    junit: values.junit,
    quiet: values.quiet,
    color: io.isTty && !values['no-color'] && !io.env['NO_COLOR'],
  };
}

/** Runs the command; resolves with the exit code. */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  let parsed: Awaited<ReturnType<typeof optionsFromArgs>>;
  try {
    parsed = await optionsFromArgs(argv, io);
  } catch (error) {
    io.err(`dn-account-conformance: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (parsed === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (parsed === 'version') {
    io.out(`${process.env['DN_CONFORMANCE_VERSION'] ?? 'development'}\n`);
    return 0;
  }
  const { options, json, junit, quiet, color } = parsed;
  io.out(`${preamble(options)}\n\n`);
  const report = await runConformance(options);
  io.out(formatText(report, { color, problemsOnly: quiet }));
  try {
    if (json) writeFileSync(resolve(io.cwd, json), formatJson(report));
    if (junit) writeFileSync(resolve(io.cwd, junit), formatJunit(report));
  } catch (error) {
    io.err(`dn-account-conformance: could not write the report: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  return report.failed > 0 ? 1 : 0;
}

function passkeyOrigin(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
    return url.origin;
  } catch {
    throw new UsageError(`--passkey-origin must be an http(s) URL, not "${value}"`);
  }
}
