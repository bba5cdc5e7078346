import type * as z from 'zod/mini';
import type { AccountApi, RequestOptions, UploadOptions } from './account-api.js';
import { AVATAR_MAX_BYTES, AVATAR_TYPES, type ProblemCode } from './contract/constants.js';
import type { EndpointSchemas } from './contract/part.js';
import { Problem, type FieldError } from './contract/problem.js';
import type { endpoints } from './endpoints.js';
import { ApiError, problemCode, toApiError, type ApiErrorKind } from './errors.js';
import { sniffImageType } from './image-type.js';
import { buildPath, routeOf, type EndpointName, type HttpMethod } from './routes.js';
import type * as s from './schemas.js';
import { registeredSchemas, schemasOf } from './validation.js';

type MaybePromise<T> = T | Promise<T>;

/** Returns a secret (token) or nothing; called before every request, so it may refresh. */
export type TokenGetter = () => MaybePromise<string | null | undefined>;

/** Retry policy for idempotent reads (GET). */
export interface RetryOptions {
  /** Retries after the first try (0 turns retrying off). Default 2. */
  attempts: number;
  /** Delay before the first retry, doubled for each further one. Default 300 ms. */
  baseDelayMs: number;
  /** Upper bound of one delay. Default 3000 ms. */
  maxDelayMs: number;
}

/** Options of `RestAccountApi`. */
export interface RestAccountApiOptions {
  /** Base URL of the REST API, relative (`/api/account`) or absolute (`https://api.example.com/account`). */
  baseUrl: string;
  /**
   * The `fetch` to use; defaults to `globalThis.fetch`. When given, avatar uploads also
   * go through it and report progress only once, at the end (fetch has no upload progress).
   */
  fetch?: typeof globalThis.fetch;
  /** Cookie policy of every request. Default `'include'` (session cookies, also cross-origin). */
  credentials?: RequestCredentials;
  /** Bearer token for the `Authorization` header; no header when it returns nothing. */
  getToken?: TokenGetter;
  /** CSRF header sent with every mutation (POST, PUT, PATCH, DELETE), never with GET. */
  csrf?: { header: string; getToken: TokenGetter };
  /** Time limit of one try, in milliseconds, body included. Default 15000; 0 for none. */
  timeoutMs?: number;
  /** Retry policy for GET requests; fields left out keep their defaults. */
  retry?: Partial<RetryOptions>;
  /** Extra headers for every request (they may override `Accept`). */
  headers?: Record<string, string>;
  /** Locale for `Accept-Language`, read before every request. */
  locale?: () => string | null | undefined;
}

/** Default retry policy: two retries, 300 ms then about 600 ms. */
export const DEFAULT_RETRY: Readonly<RetryOptions> = { attempts: 2, baseDelayMs: 300, maxDelayMs: 3000 };

/** Default time limit of one try. */
export const DEFAULT_TIMEOUT_MS = 15_000;

const ACCEPT = 'application/json, application/problem+json';
const TRANSIENT_STATUSES = [502, 503, 504];

/** One request as both transports (fetch, XMLHttpRequest) send it. */
interface Outgoing {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body: string | Blob | undefined;
}

/** One answer, body already read, so the timeout covers the whole exchange. */
interface Incoming {
  status: number;
  statusText: string;
  header(name: string): string | null;
  text: string;
}

type Transport = (request: Outgoing, signal: AbortSignal) => Promise<Incoming>;

interface CallInput {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, unknown>;
  signal?: AbortSignal | undefined;
}

interface SendInput {
  url: string;
  body: string | Blob | undefined;
  contentType: string | undefined;
  signal: AbortSignal | undefined;
  transport: Transport;
}

type ResponseOf<N extends EndpointName> = z.output<(typeof endpoints)[N]['response']>;

/** Where a call goes and what its answer must look like. */
interface Target {
  name: EndpointName;
  method: HttpMethod;
  path: string;
  response: z.ZodMiniType;
}

/**
 * The default `AccountApi`: REST/JSON over `fetch`, as described by `openapi.json`.
 *
 * Options (`RestAccountApiOptions`): `baseUrl` (required); `credentials` (default
 * `'include'`); `getToken` for a bearer token; `csrf: { header, getToken }` for a header on
 * every mutation; `timeoutMs` (default 15 s per try); `retry` (GET only: default 2 retries,
 * 300 ms base, exponential with jitter, at most 3 s); `headers`; `locale`; `fetch`.
 *
 * Every method rejects with `ApiError` only:
 * - request bodies and queries are validated against the contract first; an invalid one
 *   rejects with kind `validation` and `fieldErrors`, and nothing is sent (the schemas are
 *   those the elements registered, else the whole contract, loaded on the first such call:
 *   see `validation.ts`; when that chunk cannot load → `network`);
 * - the caller's `signal` → `aborted`; the time limit → `timeout`; no answer → `network`;
 * - RFC 9457 problem bodies are parsed: 401 `unauthorized`; 403 `reauth-required` (with
 *   `methods`) or `forbidden`; 404 `not-found`; 409 `conflict`; 410 `gone`; 400/422
 *   `validation`; 413/415 `unsupported-file`; 429 `rate-limited` (`retryAfter` from the
 *   `Retry-After` header, seconds or HTTP date, else from the problem); 5xx `server`;
 *   the message is the problem's `detail` or `title` when present;
 * - a success body that is not JSON, or not the contract's shape → `invalid-response`.
 *
 * GET requests are retried on `network`, `timeout`, 502, 503 and 504, never after the
 * caller aborted; mutations and 429 are never retried.
 */
export class RestAccountApi implements AccountApi {
  private readonly baseUrl: string;
  private readonly customFetch: typeof globalThis.fetch | undefined;
  private readonly credentials: RequestCredentials;
  private readonly getToken: TokenGetter | undefined;
  private readonly csrf: RestAccountApiOptions['csrf'];
  /** Milliseconds one try may take (0: no limit); read at each request, so it may be changed at any time. */
  timeoutMs: number;
  private readonly retry: RetryOptions;
  private readonly extraHeaders: Record<string, string>;
  private readonly locale: (() => string | null | undefined) | undefined;

  constructor(options: RestAccountApiOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.customFetch = options.fetch;
    this.credentials = options.credentials ?? 'include';
    this.getToken = options.getToken;
    this.csrf = options.csrf;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.extraHeaders = { ...options.headers };
    this.locale = options.locale;
  }

  /** Reads the profile. */
  getProfile(options?: RequestOptions): Promise<s.Profile> {
    return this.call('getProfile', { signal: options?.signal });
  }

  /** Changes the fields present in `update`. */
  updateProfile(update: s.ProfileUpdate, options?: RequestOptions): Promise<s.Profile> {
    return this.call('updateProfile', { body: update, signal: options?.signal });
  }

  /**
   * Uploads an avatar (JPG, PNG or WebP by content, at most 2 MB) with progress through
   * XMLHttpRequest; a wrong type or size rejects with `unsupported-file` before anything is sent.
   */
  async uploadAvatar(file: Blob, options: UploadOptions = {}): Promise<s.Profile> {
    // Judged by content, not by the name or declared type: a PNG named .gif is a PNG.
    const type = await sniffImageType(file);
    if (!type) {
      throw clientProblem('unsupported-file', 'unsupported-media-type', `Use an image of type ${AVATAR_TYPES.join(', ')}`, 'file');
    }
    if (file.size > AVATAR_MAX_BYTES) {
      throw clientProblem('unsupported-file', 'payload-too-large', `Use an image of at most ${AVATAR_MAX_BYTES} bytes`, 'file');
    }
    const target = targetOf('uploadAvatar', registeredSchemas('uploadAvatar') ?? (await loadSchemas('uploadAvatar')));
    // fetch cannot report upload progress; a caller-supplied fetch (tests, SSR) still wins.
    const useXhr = !this.customFetch && typeof XMLHttpRequest !== 'undefined';
    const profile = await this.run<'uploadAvatar'>(target, {
      url: this.urlFor(buildPath(target.path)),
      body: file,
      contentType: type,
      signal: options.signal,
      transport: useXhr ? this.xhrTransport(options.onProgress) : this.fetchTransport,
    });
    if (!useXhr) options.onProgress?.(1);
    return profile;
  }

  /** Removes the avatar. */
  removeAvatar(options?: RequestOptions): Promise<s.Profile> {
    return this.call('removeAvatar', { signal: options?.signal });
  }

  /** Reads the pending email change, if any. */
  getEmailChange(options?: RequestOptions): Promise<s.EmailChangeState> {
    return this.call('getEmailChange', { signal: options?.signal });
  }

  /** Starts an email change (sensitive: may reject with `reauth-required`). */
  requestEmailChange(request: s.EmailChangeRequest, options?: RequestOptions): Promise<s.EmailChangeState> {
    return this.call('requestEmailChange', { body: request, signal: options?.signal });
  }

  /** Sends the verification link again. */
  resendEmailChange(options?: RequestOptions): Promise<s.EmailChangeState> {
    return this.call('resendEmailChange', { signal: options?.signal });
  }

  /** Cancels the pending email change. */
  cancelEmailChange(options?: RequestOptions): Promise<s.EmailChangeState> {
    return this.call('cancelEmailChange', { signal: options?.signal });
  }

  /** Confirms the new address with the token from the link. */
  verifyEmailChange(request: s.TokenRequest, options?: RequestOptions): Promise<s.Profile> {
    return this.call('verifyEmailChange', { body: request, signal: options?.signal });
  }

  /** Confirms it's the user, with the password or a 2FA code. */
  reauthenticate(request: s.ReauthRequest, options?: RequestOptions): Promise<s.ReauthResult> {
    return this.call('reauthenticate', { body: request, signal: options?.signal });
  }

  /** Asks for the options of `navigator.credentials.get()` for "Confirm it's you". */
  startPasskeyReauth(options?: RequestOptions): Promise<s.PasskeyAuthenticationOptions> {
    return this.call('startPasskeyReauth', { signal: options?.signal });
  }

  /** Confirms it's the user with a passkey assertion. */
  reauthenticateWithPasskey(request: s.PasskeyReauthRequest, options?: RequestOptions): Promise<s.ReauthResult> {
    return this.call('reauthenticateWithPasskey', { body: request, signal: options?.signal });
  }

  /** Reads the password policy. */
  getPasswordPolicy(options?: RequestOptions): Promise<s.PasswordPolicy> {
    return this.call('getPasswordPolicy', { signal: options?.signal });
  }

  /** Changes the password. */
  changePassword(request: s.PasswordChangeRequest, options?: RequestOptions): Promise<s.PasswordChangeResult> {
    return this.call('changePassword', { body: request, signal: options?.signal });
  }

  /** Sends a password-reset link. */
  requestPasswordReset(request: s.PasswordResetRequest, options?: RequestOptions): Promise<s.PasswordResetRequested> {
    return this.call('requestPasswordReset', { body: request, signal: options?.signal });
  }

  /** Sets a new password with the token from the reset link. */
  completePasswordReset(request: s.PasswordResetComplete, options?: RequestOptions): Promise<s.Completed> {
    return this.call('completePasswordReset', { body: request, signal: options?.signal });
  }

  /** Reads the 2FA status. */
  getTwoFactorStatus(options?: RequestOptions): Promise<s.TwoFactorStatus> {
    return this.call('getTwoFactorStatus', { signal: options?.signal });
  }

  /** Creates a TOTP secret for setup (sensitive). */
  startTwoFactorSetup(options?: RequestOptions): Promise<s.TwoFactorSetup> {
    return this.call('startTwoFactorSetup', { signal: options?.signal });
  }

  /** Confirms 2FA setup with a code; resolves with the backup codes, shown once. */
  verifyTwoFactorSetup(request: s.TwoFactorVerifyRequest, options?: RequestOptions): Promise<s.TwoFactorEnabled> {
    return this.call('verifyTwoFactorSetup', { body: request, signal: options?.signal });
  }

  /** Turns 2FA off (sensitive). */
  disableTwoFactor(request: s.ReauthRequest, options?: RequestOptions): Promise<s.TwoFactorStatus> {
    return this.call('disableTwoFactor', { body: request, signal: options?.signal });
  }

  /** Replaces the backup codes (sensitive). */
  regenerateBackupCodes(request: s.ReauthRequest, options?: RequestOptions): Promise<s.BackupCodes> {
    return this.call('regenerateBackupCodes', { body: request, signal: options?.signal });
  }

  /** Verifies a sign-in 2FA challenge, optionally trusting the device. */
  verifyTwoFactorChallenge(
    request: s.TwoFactorChallengeRequest,
    options?: RequestOptions,
  ): Promise<s.TwoFactorChallengeResult> {
    return this.call('verifyTwoFactorChallenge', { body: request, signal: options?.signal });
  }

  /** Lists the active sessions. */
  listSessions(options?: RequestOptions): Promise<s.SessionList> {
    return this.call('listSessions', { signal: options?.signal });
  }

  /** Signs out one session (sensitive). */
  revokeSession(id: string, options?: RequestOptions): Promise<s.Revoked> {
    return this.call('revokeSession', { params: { id }, signal: options?.signal });
  }

  /** Signs out every session but the current one (sensitive). */
  revokeOtherSessions(options?: RequestOptions): Promise<s.Revoked> {
    return this.call('revokeOtherSessions', { signal: options?.signal });
  }

  /** Reads one page of login activity. */
  listLoginActivity(query: s.LoginActivityQuery, options?: RequestOptions): Promise<s.LoginActivityPage> {
    return this.call('listLoginActivity', { query, signal: options?.signal });
  }

  /** Lists the trusted devices. */
  listTrustedDevices(options?: RequestOptions): Promise<s.TrustedDeviceList> {
    return this.call('listTrustedDevices', { signal: options?.signal });
  }

  /** Stops trusting one device. */
  revokeTrustedDevice(id: string, options?: RequestOptions): Promise<s.Revoked> {
    return this.call('revokeTrustedDevice', { params: { id }, signal: options?.signal });
  }

  /** Stops trusting every device. */
  revokeAllTrustedDevices(options?: RequestOptions): Promise<s.Revoked> {
    return this.call('revokeAllTrustedDevices', { signal: options?.signal });
  }

  /** Lists the passkeys. */
  listPasskeys(options?: RequestOptions): Promise<s.PasskeyList> {
    return this.call('listPasskeys', { signal: options?.signal });
  }

  /** Asks for the options of `navigator.credentials.create()` (sensitive). */
  startPasskeyRegistration(options?: RequestOptions): Promise<s.PasskeyRegistrationOptions> {
    return this.call('startPasskeyRegistration', { signal: options?.signal });
  }

  /** Sends the new credential for the server to verify and store. */
  finishPasskeyRegistration(request: s.PasskeyRegistration, options?: RequestOptions): Promise<s.Passkey> {
    return this.call('finishPasskeyRegistration', { body: request, signal: options?.signal });
  }

  /** Renames a passkey. */
  renamePasskey(id: string, request: s.PasskeyRename, options?: RequestOptions): Promise<s.Passkey> {
    return this.call('renamePasskey', { params: { id }, body: request, signal: options?.signal });
  }

  /** Removes a passkey (sensitive); resolves with the passkeys left. */
  deletePasskey(id: string, options?: RequestOptions): Promise<s.PasskeyList> {
    return this.call('deletePasskey', { params: { id }, signal: options?.signal });
  }

  /** Reads the notification catalog and values. */
  getNotificationPreferences(options?: RequestOptions): Promise<s.NotificationPreferences> {
    return this.call('getNotificationPreferences', { signal: options?.signal });
  }

  /** Changes notification cells. */
  updateNotificationPreferences(
    update: s.NotificationUpdate,
    options?: RequestOptions,
  ): Promise<s.NotificationPreferences> {
    return this.call('updateNotificationPreferences', { body: update, signal: options?.signal });
  }

  /** Resets notifications to their defaults. */
  resetNotificationPreferences(options?: RequestOptions): Promise<s.NotificationPreferences> {
    return this.call('resetNotificationPreferences', { signal: options?.signal });
  }

  /** Reads the privacy settings. */
  getPrivacySettings(options?: RequestOptions): Promise<s.PrivacySettings> {
    return this.call('getPrivacySettings', { signal: options?.signal });
  }

  /** Changes the privacy settings. */
  updatePrivacySettings(update: s.PrivacyUpdate, options?: RequestOptions): Promise<s.PrivacySettings> {
    return this.call('updatePrivacySettings', { body: update, signal: options?.signal });
  }

  /** Reads the current or last data export. */
  getDataExport(options?: RequestOptions): Promise<s.DataExportState> {
    return this.call('getDataExport', { signal: options?.signal });
  }

  /** Starts a data export (`conflict` while one runs). */
  requestDataExport(options?: RequestOptions): Promise<s.DataExportState> {
    return this.call('requestDataExport', { signal: options?.signal });
  }

  /** Reads what deleting the account removes and what blocks it. */
  getAccountDeletion(options?: RequestOptions): Promise<s.AccountDeletionInfo> {
    return this.call('getAccountDeletion', { signal: options?.signal });
  }

  /** Deletes the account (sensitive; `conflict` with `workspaces` while owned workspaces have members). */
  deleteAccount(request: s.AccountDeletionRequest, options?: RequestOptions): Promise<s.Completed> {
    return this.call('deleteAccount', { body: request, signal: options?.signal });
  }

  /** Lists the sign-in providers and their state. */
  listConnectedAccounts(options?: RequestOptions): Promise<s.ConnectedAccountList> {
    return this.call('listConnectedAccounts', { signal: options?.signal });
  }

  /** Starts connecting a provider; resolves with its authorization URL. */
  connectAccount(provider: string, request: s.ConnectRequest, options?: RequestOptions): Promise<s.ConnectStart> {
    return this.call('connectAccount', { params: { provider }, body: request, signal: options?.signal });
  }

  /** Disconnects a provider (sensitive). */
  disconnectAccount(provider: string, options?: RequestOptions): Promise<s.ConnectedAccountList> {
    return this.call('disconnectAccount', { params: { provider }, signal: options?.signal });
  }

  /** Reads the display preferences. */
  getPreferences(options?: RequestOptions): Promise<s.Preferences> {
    return this.call('getPreferences', { signal: options?.signal });
  }

  /** Changes display preferences. */
  updatePreferences(update: s.PreferencesUpdate, options?: RequestOptions): Promise<s.Preferences> {
    return this.call('updatePreferences', { body: update, signal: options?.signal });
  }

  /** Reads plan, payment method and renewal date. */
  getBillingSummary(options?: RequestOptions): Promise<s.BillingSummary> {
    return this.call('getBillingSummary', { signal: options?.signal });
  }

  /** Any JSON endpoint of the route table: validates the input, then sends it. */
  private async call<N extends EndpointName>(name: N, input: CallInput = {}): Promise<ResponseOf<N>> {
    const schemas = registeredSchemas(name) ?? (await loadSchemas(name));
    let body: string | undefined;
    if (schemas.body) {
      const parsed = schemas.body.safeParse(input.body);
      if (!parsed.success) throw invalidRequest(parsed.error.issues);
      // The parsed value: trimmed strings, unknown keys dropped, as the server will read it.
      body = JSON.stringify(parsed.data);
    }
    let query: Record<string, unknown> | undefined;
    if (schemas.query) {
      const parsed = schemas.query.safeParse(input.query ?? {});
      if (!parsed.success) throw invalidRequest(parsed.error.issues);
      query = parsed.data as Record<string, unknown>;
    }
    const target = targetOf(name, schemas);
    return this.run<N>(target, {
      url: this.urlFor(buildPath(target.path, input.params), query),
      body,
      contentType: body === undefined ? undefined : 'application/json',
      signal: input.signal,
      transport: this.fetchTransport,
    });
  }

  /**
   * Sends with retries (GET only) and resolves with the response, validated against
   * `target.response`: the schema of `N` in the contract, so it is of type `ResponseOf<N>`.
   */
  private async run<N extends EndpointName>(target: Target, request: SendInput): Promise<ResponseOf<N>> {
    const retries = target.method === 'GET' ? Math.max(0, this.retry.attempts) : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        const incoming = await this.attempt(target.method, request);
        return parseResponse(target, incoming) as ResponseOf<N>;
      } catch (error) {
        const apiError = toApiError(error);
        if (attempt >= retries || request.signal?.aborted || !isTransient(apiError)) throw apiError;
        await sleep(this.backoff(attempt), request.signal);
      }
    }
  }

  /** One try under the time limit; rejects with `aborted`, `timeout` or `network`. */
  private async attempt(method: HttpMethod, request: SendInput): Promise<Incoming> {
    const callerSignal = request.signal;
    if (callerSignal?.aborted) throw aborted(callerSignal.reason);
    const headers = await this.headersFor(method, request.contentType);
    if (callerSignal?.aborted) throw aborted(callerSignal.reason);

    const controller = new AbortController();
    const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    let timedOut = false;
    const timer =
      this.timeoutMs > 0 && Number.isFinite(this.timeoutMs)
        ? setTimeout(() => {
            timedOut = true;
            controller.abort(new DOMException('Timed out', 'TimeoutError'));
          }, this.timeoutMs)
        : undefined;
    try {
      return await request.transport({ method, url: request.url, headers, body: request.body }, controller.signal);
    } catch (error) {
      if (callerSignal?.aborted) throw aborted(error);
      if (timedOut) throw new ApiError('timeout', `No answer within ${this.timeoutMs} ms`, { cause: error });
      if (error instanceof TypeError) throw new ApiError('network', error.message || 'Network error', { cause: error });
      throw toApiError(error);
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  }

  private async headersFor(method: HttpMethod, contentType: string | undefined): Promise<Record<string, string>> {
    const headers: Record<string, string> = { Accept: ACCEPT, ...this.extraHeaders };
    if (contentType) headers['Content-Type'] = contentType;
    const locale = this.locale?.();
    if (locale) headers['Accept-Language'] = locale;
    const token = await this.getToken?.();
    if (token) headers['Authorization'] = `Bearer ${token}`;
    if (method !== 'GET' && this.csrf) {
      const csrfToken = await this.csrf.getToken();
      if (csrfToken) headers[this.csrf.header] = csrfToken;
    }
    return headers;
  }

  private urlFor(path: string, query?: Record<string, unknown>): string {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
    }
    const qs = search.toString();
    return this.baseUrl + path + (qs ? `?${qs}` : '');
  }

  /** Exponential backoff with "equal jitter": half fixed, half random, capped. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** attempt);
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  }

  private readonly fetchTransport: Transport = async (request, signal) => {
    const fetchImpl = this.customFetch ?? ((input, init) => globalThis.fetch(input, init));
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
      credentials: this.credentials,
      signal,
    });
    const text = await response.text();
    return {
      status: response.status,
      statusText: response.statusText,
      header: (name) => response.headers.get(name),
      text,
    };
  };

  private xhrTransport(onProgress: ((fraction: number) => void) | undefined): Transport {
    return (request, signal) =>
      new Promise<Incoming>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        const onAbort = (): void => xhr.abort();
        const settle = (): void => signal.removeEventListener('abort', onAbort);
        xhr.open(request.method, request.url);
        // XHR cannot omit same-origin cookies; 'include' is the only policy it can widen to.
        xhr.withCredentials = this.credentials === 'include';
        for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
        if (onProgress) {
          xhr.upload.onprogress = (event) => {
            if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
          };
        }
        xhr.onload = () => {
          settle();
          if (xhr.status === 0) {
            reject(new TypeError('Network request failed'));
            return;
          }
          resolve({
            status: xhr.status,
            statusText: xhr.statusText,
            header: (name) => xhr.getResponseHeader(name),
            text: xhr.responseText,
          });
        };
        xhr.onerror = () => {
          settle();
          reject(new TypeError('Network request failed'));
        };
        xhr.onabort = () => {
          settle();
          reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        xhr.send(request.body ?? null);
      });
  }
}

/** The schemas of `name`, once the whole contract has loaded (no element registered them). */
async function loadSchemas(name: EndpointName): Promise<EndpointSchemas> {
  try {
    return await schemasOf(name);
  } catch (error) {
    throw new ApiError('network', 'The API contract could not be loaded', { cause: error });
  }
}

function targetOf(name: EndpointName, schemas: EndpointSchemas): Target {
  return { name, ...routeOf(name), response: schemas.response };
}

function parseResponse({ name, method, path, response }: Target, incoming: Incoming): unknown {
  const label = `${method} ${path}`;
  const { status } = incoming;
  if (status < 200 || status >= 300) throw errorFromResponse(label, incoming);
  let json: unknown;
  try {
    json = JSON.parse(incoming.text);
  } catch (error) {
    throw new ApiError('invalid-response', `${label} answered ${status} with a body that is not JSON`, {
      status,
      cause: error,
    });
  }
  const parsed = response.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    throw new ApiError(
      'invalid-response',
      `${name}: the response of ${label} does not match the contract at ${where}: ${issue?.message ?? 'invalid'}`,
      { status, cause: parsed.error },
    );
  }
  return parsed.data;
}

function errorFromResponse(label: string, incoming: Incoming): ApiError {
  const { status } = incoming;
  const problem = parseProblem(incoming.text);
  const kind = errorKind(status, problem);
  const retryAfter = kind === 'rate-limited' ? parseRetryAfter(incoming.header('Retry-After')) : undefined;
  const fallback = `${label} failed: ${status}${incoming.statusText ? ` ${incoming.statusText}` : ''}`;
  const message = problem?.detail ?? problem?.title ?? fallback;
  return new ApiError(kind, message, {
    status,
    ...(problem ? { problem } : {}),
    ...(retryAfter === undefined ? {} : { retryAfter }),
  });
}

/** A problem+json (or plain JSON) error body; anything else (HTML, text, nothing) is ignored. */
function parseProblem(text: string): Problem | undefined {
  if (!text.trim()) return undefined;
  try {
    const parsed = Problem.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function errorKind(status: number, problem: Problem | undefined): ApiErrorKind {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return problemCode(problem?.type) === 'reauth-required' ? 'reauth-required' : 'forbidden';
    case 404:
      return 'not-found';
    case 408:
      return 'timeout';
    case 409:
      return 'conflict';
    case 410:
      return 'gone';
    case 400:
    case 422:
      return 'validation';
    case 413:
    case 415:
      return 'unsupported-file';
    case 429:
      return 'rate-limited';
    default:
      // 5xx, and statuses the contract never uses (405, 3xx…): the server is at fault.
      return 'server';
  }
}

/** `Retry-After` as seconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function isTransient(error: ApiError): boolean {
  return (
    error.kind === 'network' ||
    error.kind === 'timeout' ||
    (error.kind === 'server' && error.status !== undefined && TRANSIENT_STATUSES.includes(error.status))
  );
}

function aborted(cause: unknown): ApiError {
  return new ApiError('aborted', 'Aborted', { cause });
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(aborted(signal.reason));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(aborted(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A `validation` error built from zod issues, for a request the client refuses to send. */
function invalidRequest(issues: readonly z.core.$ZodIssue[]): ApiError {
  const errors: FieldError[] = issues.map((issue) => ({
    field: issue.path.map(String).join('/'),
    message: issue.message,
    code: issue.code,
  }));
  return new ApiError('validation', issues[0]?.message ?? 'Invalid request', {
    problem: { type: 'urn:dialnexa:problem:validation', title: 'The request is invalid', errors },
  });
}

function clientProblem(kind: ApiErrorKind, code: ProblemCode, detail: string, field: string): ApiError {
  return new ApiError(kind, detail, {
    problem: { type: `urn:dialnexa:problem:${code}`, detail, errors: [{ field, message: detail }] },
  });
}
