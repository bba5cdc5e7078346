/**
 * The mock backend's state and business rules, for the whole REST contract. No HTTP
 * here: `handlers.ts` validates requests with the endpoint table, asks `MockStore` and
 * turns a thrown `MockProblem` into `application/problem+json`. Tests may call the
 * store directly.
 */
import type * as s from '../src/api/schemas.js';
import {
  AVATAR_MAX_BYTES,
  EMAIL_CHANGE_VALID_HOURS,
  PASSWORD_RESET_VALID_MINUTES,
  TRUSTED_DEVICE_DAYS,
  type ProblemCode,
} from '../src/api/schemas.js';
import {
  BREACHED_PASSWORDS,
  CURRENT_DEVICE,
  DELETION_IMPACT,
  MOCK_PASSWORD,
  MOCK_TOTP_SECRET,
  MOCK_USER,
  NOTIFICATION_CATALOG,
  PROVIDERS,
  TAKEN_EMAILS,
  TIME,
  createRandom,
  defaultNotificationValues,
  hostileSession,
  LoginAttemptSeries,
  seedSessions,
  seedTrustedDevices,
  seedWorkspaces,
  type LoginAttemptRecord,
  type SessionRecord,
  type TrustedDeviceRecord,
} from './seed.js';
import { generateSecret, otpauthUri, totp, verifyTotp } from './totp.js';

const { MINUTE, HOUR, DAY } = TIME;

export interface MockOptions {
  /** Active sessions, the current one included. Default 6. */
  sessions?: number;
  /** Login attempts in the history. Default 300. */
  loginAttempts?: number;
  /** Trusted devices. Default 2. */
  trustedDevices?: number;
  /**
   * When sensitive endpoints answer 403 `reauth-required`:
   * - `when-stale` (default): unless the user re-authenticated in the last 10 minutes (the seeded session signed in days ago);
   * - `always`: every sensitive request needs its own fresh re-authentication (one reauth, one sensitive request);
   * - `never`.
   */
  reauth?: 'when-stale' | 'always' | 'never';
  /** The email change request must carry the current password. Default false. */
  emailChangePasswordRequired?: boolean;
  /** Start with 2FA on, keyed with `MOCK_TOTP_SECRET` and 10 backup codes (2 already used). Default false. */
  twoFactorEnabled?: boolean;
  /** `default`: ≥ 8, a number and a special character. `nist`: ≥ 15, no composition rules. */
  passwordPolicy?: 'default' | 'nist';
  /** How long a data export takes. Default 6 s. */
  exportDurationMs?: number;
  /** Exports end in `failed` instead of `ready`. Default false. */
  exportFails?: boolean;
  /** The user owns "Northwind Calls", which has other members (account deletion is refused). Default true. */
  ownsWorkspaceWithMembers?: boolean;
  /** `growth` (default): paid plan with a Visa card; `free`: no price, no card, no renewal. */
  plan?: 'growth' | 'free';
  /**
   * The card on file with the paid plan: `valid` (default; a Visa expiring in two years),
   * `expiring` (at the end of next month), `expired` (at the end of last month) or `none`
   * (no payment method on file). The free plan never has a card.
   */
  card?: 'valid' | 'expiring' | 'expired' | 'none';
  /** Adds a session, a login attempt and a trusted device whose text fields carry markup, RTL text and emoji. */
  hostile?: boolean;
  /** The clock. Default `Date.now`. */
  now?: () => number;
  /** Seed of the generator for lists. Default 1. */
  seed?: number;
}

/** Slugs the mock puts in problem `type`s: the contract's, plus a few for plain HTTP statuses. */
export type MockProblemCode = ProblemCode | 'unauthorized' | 'not-found' | 'conflict' | 'bad-request' | 'csrf-failed' | 'internal';

export const PROBLEM_TYPE_PREFIX = 'urn:dialnexa:problem:';

/** Thrown by the store; `handlers.ts` answers it as RFC 9457 problem details. */
export class MockProblem extends Error {
  override readonly name = 'MockProblem';
  constructor(
    readonly status: number,
    readonly code: MockProblemCode,
    readonly title: string,
    readonly detail?: string,
    /** Extra members (`errors`, `methods`, `workspaces`, `retryAfter`). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${status} ${code}: ${detail ?? title}`);
  }

  /** The problem+json body. */
  toJSON(): s.Problem {
    return {
      type: `${PROBLEM_TYPE_PREFIX}${this.code}`,
      title: this.title,
      status: this.status,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...this.extra,
    };
  }

  /** Headers to send with it (`Retry-After` for 429). */
  get headers(): Record<string, string> {
    const retryAfter = this.extra['retryAfter'];
    return typeof retryAfter === 'number' ? { 'Retry-After': String(retryAfter) } : {};
  }
}

function fieldProblem(status: number, code: MockProblemCode, title: string, errors: s.FieldError[], detail?: string): MockProblem {
  return new MockProblem(status, code, title, detail ?? errors[0]?.message, { errors });
}

function notFound(what: string): MockProblem {
  return new MockProblem(404, 'not-found', 'Not found', `${what} does not exist.`);
}

const iso = (ms: number): string => new Date(ms).toISOString();

function randomToken(bytes = 24): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes));
  let out = '';
  for (const b of raw) out += b.toString(16).padStart(2, '0');
  return out;
}

function randomId(prefix: string): string {
  return `${prefix}_${randomToken(8)}`;
}

const BACKUP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function backupCode(random: () => number): string {
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === 4) out += '-';
    out += BACKUP_ALPHABET[Math.floor(random() * BACKUP_ALPHABET.length)];
  }
  return out;
}

const cryptoRandom = (): number => (crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) / 4294967296;

function normalizeBackupCode(code: string): string {
  const compact = code.toLowerCase().replace(/[\s-]/g, '');
  return compact.length === 8 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The image type from the file's first bytes, whatever its name or Content-Type says. */
export function sniffImageType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  const at = (i: number): number => bytes[i] ?? -1;
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => at(i) === b)) return 'image/png';
  const ascii = (from: number, text: string): boolean => [...text].every((c, i) => at(from + i) === c.charCodeAt(0));
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  return null;
}

const POLICIES: Record<'default' | 'nist', s.PasswordPolicy> = {
  default: { minLength: 8, maxLength: 128, rules: ['number', 'special'] },
  nist: { minLength: 15, maxLength: 128, rules: [] },
};

const RULE_TESTS: Record<s.PasswordRule, { test: RegExp; message: string }> = {
  number: { test: /\p{Nd}/u, message: 'Include at least one number.' },
  special: { test: /[^\p{L}\p{Nd}]/u, message: 'Include at least one special character.' },
  uppercase: { test: /\p{Lu}/u, message: 'Include at least one upper-case letter.' },
  lowercase: { test: /\p{Ll}/u, message: 'Include at least one lower-case letter.' },
};

/** Length in Unicode code points (an emoji counts once), as NIST SP 800-63B counts. */
export function passwordLength(password: string): number {
  let n = 0;
  for (const _ of password) n++;
  return n;
}

const REAUTH_VALID_MS = 10 * MINUTE;
const SETUP_VALID_MS = 10 * MINUTE;
const CHALLENGE_VALID_MS = 10 * MINUTE;
const CHALLENGE_MAX_WRONG = 5;
const CHALLENGE_LOCK_SECONDS = 60;
const OAUTH_STATE_VALID_MS = 10 * MINUTE;
const EXPORT_VALID_MS = 7 * DAY;

interface EmailChangeRecord {
  newEmail: string;
  requestedAt: number;
  expiresAt: number;
  token: string;
}

interface ResetTokenRecord {
  email: string;
  issuedAt: number;
  usedAt: number | null;
}

interface SetupRecord {
  secret: string;
  expiresAt: number;
}

interface ChallengeRecord {
  expiresAt: number;
  wrong: number;
  lockedUntil: number;
  usedAt: number | null;
}

interface ExportRecord {
  id: string;
  requestedAt: number;
  durationMs: number;
  fails: boolean;
  downloadUrl: string | null;
}

interface ConnectionRecord {
  provider: string;
  name: string;
  email: string | null;
  connectedAt: number | null;
}

interface OAuthStateRecord {
  provider: string;
  redirectUri: string;
  mode: 'redirect' | 'popup';
  expiresAt: number;
}

interface State {
  signedIn: boolean;
  profile: Omit<s.Profile, 'updatedAt'> & { updatedAt: number };
  password: string;
  lastAuthAt: number;
  reauthGrant: boolean;
  emailChange: EmailChangeRecord | null;
  usedEmailTokens: Set<string>;
  lastEmailToken: string | null;
  resetTokens: Map<string, ResetTokenRecord>;
  lastResetToken: string | null;
  twoFactor: {
    enabled: boolean;
    enabledAt: number | null;
    secret: string | null;
    /** Last accepted time step: a code from it or an earlier step is refused (replay). */
    lastStep: number | null;
    /** code → used at (null while unused). The real service keeps hashes only. */
    backupCodes: Map<string, number | null>;
  };
  setups: Map<string, SetupRecord>;
  challenges: Map<string, ChallengeRecord>;
  sessions: SessionRecord[];
  /** Attempts recorded since the seed (newest first), above the seeded history. */
  recentAttempts: LoginAttemptRecord[];
  seededAttempts: LoginAttemptSeries;
  trusted: TrustedDeviceRecord[];
  nextTrustedId: number;
  notifications: Record<string, Record<string, boolean>>;
  privacy: s.PrivacySettings;
  exportJob: ExportRecord | null;
  workspaces: s.Workspace[];
  connections: ConnectionRecord[];
  oauthStates: Map<string, OAuthStateRecord>;
  preferences: s.Preferences;
  billing: s.BillingSummary;
}

/** What the mock knows about the browser that calls it (for a newly trusted device). */
export interface ClientInfo {
  userAgent?: string;
}

/** A rough user-agent reading, enough for a device row. */
export function describeUserAgent(ua: string | undefined): Pick<s.Session, 'deviceType' | 'browser' | 'os'> {
  if (!ua) return { deviceType: CURRENT_DEVICE.deviceType, browser: CURRENT_DEVICE.browser, os: CURRENT_DEVICE.os };
  const version = (re: RegExp): string => re.exec(ua)?.[1]?.split('.')[0] ?? '';
  const browser = /Edg\//.test(ua)
    ? `Edge ${version(/Edg\/([\d.]+)/)}`
    : /Firefox\//.test(ua)
      ? `Firefox ${version(/Firefox\/([\d.]+)/)}`
      : /Chrom(e|ium)\//.test(ua)
        ? `${/HeadlessChrome/.test(ua) ? 'Headless Chrome' : 'Chrome'} ${version(/Chrom(?:e|ium)\/([\d.]+)/)}`
        : /Safari\//.test(ua)
          ? `Safari ${version(/Version\/([\d.]+)/)}`
          : 'Unknown browser';
  const os = /iPad/.test(ua)
    ? 'iPadOS'
    : /iPhone|iPod/.test(ua)
      ? 'iOS'
      : /Android/.test(ua)
        ? 'Android'
        : /Windows/.test(ua)
          ? 'Windows'
          : /CrOS/.test(ua)
            ? 'ChromeOS'
            : /Mac OS X/.test(ua)
              ? 'macOS'
              : /Linux/.test(ua)
                ? 'Linux'
                : 'Unknown';
  const deviceType = /iPad|Tablet/.test(ua) ? 'tablet' : /Mobi|iPhone|Android/.test(ua) ? 'mobile' : 'desktop';
  return { deviceType, browser: browser.trim(), os };
}

export class MockStore {
  #options!: Required<Omit<MockOptions, 'now'>> & { now: () => number };
  #state!: State;

  constructor(options: MockOptions = {}) {
    this.reset(options);
  }

  /** Back to fresh seed data (in place: references to this store stay valid). */
  reset(options: MockOptions = {}): void {
    this.#options = {
      sessions: 6,
      loginAttempts: 300,
      trustedDevices: 2,
      reauth: 'when-stale',
      emailChangePasswordRequired: false,
      twoFactorEnabled: false,
      passwordPolicy: 'default',
      exportDurationMs: 6000,
      exportFails: false,
      ownsWorkspaceWithMembers: true,
      plan: 'growth',
      card: 'valid',
      hostile: false,
      seed: 1,
      ...options,
      now: options.now ?? (() => Date.now()),
    };
    this.#state = this.#seed();
  }

  get options(): Readonly<Required<MockOptions>> {
    return this.#options;
  }

  /** The store's clock. */
  now(): number {
    return this.#options.now();
  }

  #seed(): State {
    const o = this.#options;
    const now = this.now();
    const random = createRandom(o.seed);
    const sessions = seedSessions(Math.max(0, o.sessions), now, random);
    const seededAttempts = new LoginAttemptSeries(o.loginAttempts, now, o.seed * 7919 + 17);
    const recentAttempts: LoginAttemptRecord[] = [];
    const trusted = seedTrustedDevices(Math.max(0, o.trustedDevices), now, random, TRUSTED_DEVICE_DAYS);
    if (o.hostile) {
      const bad = hostileSession('ses_hostile', now);
      sessions.splice(Math.min(1, sessions.length), 0, bad);
      recentAttempts.unshift({
        seq: seededAttempts.count + 1,
        at: now - 4 * HOUR,
        success: false,
        failureReason: '<b>bold</b> ‮reason‬ 🔥',
        device: { deviceType: bad.deviceType, browser: bad.browser, os: bad.os },
        ip: bad.ip,
        location: bad.location,
      });
      trusted.push({ ...bad, id: 'tdv_hostile', trustedAt: now - DAY, lastUsedAt: now - 5 * HOUR, expiresAt: now + 29 * DAY, current: false });
    }
    const codes = new Map<string, number | null>();
    if (o.twoFactorEnabled) {
      const seeded = createRandom(o.seed + 7);
      for (let i = 0; i < 10; i++) codes.set(backupCode(() => seeded.next()), i < 2 ? now - (40 - i) * DAY : null);
    }
    const renewal = new Date(now);
    const nextRenewal = Date.UTC(renewal.getUTCFullYear(), renewal.getUTCMonth() + 1, 1, 9, 0, 0);
    // A card is valid until the end of its expiry month.
    const cardMonth = (offset: number) => {
      const month = new Date(Date.UTC(renewal.getUTCFullYear(), renewal.getUTCMonth() + offset, 1));
      return { expMonth: month.getUTCMonth() + 1, expYear: month.getUTCFullYear() };
    };
    const card = { valid: { expMonth: 8, expYear: renewal.getUTCFullYear() + 2 }, expiring: cardMonth(1), expired: cardMonth(-1), none: null }[o.card];
    return {
      signedIn: true,
      profile: { ...MOCK_USER, avatarUrl: null, updatedAt: now - 41 * DAY },
      password: MOCK_PASSWORD,
      lastAuthAt: now - 3 * DAY - 2 * HOUR,
      reauthGrant: false,
      emailChange: null,
      usedEmailTokens: new Set(),
      lastEmailToken: null,
      resetTokens: new Map(),
      lastResetToken: null,
      twoFactor: o.twoFactorEnabled
        ? { enabled: true, enabledAt: now - 60 * DAY, secret: MOCK_TOTP_SECRET, lastStep: null, backupCodes: codes }
        : { enabled: false, enabledAt: null, secret: null, lastStep: null, backupCodes: codes },
      setups: new Map(),
      challenges: new Map(),
      sessions,
      recentAttempts,
      seededAttempts,
      trusted,
      nextTrustedId: trusted.length + 1,
      notifications: defaultNotificationValues(),
      privacy: { analyticsEnabled: true },
      exportJob: null,
      workspaces: seedWorkspaces(o.ownsWorkspaceWithMembers),
      connections: PROVIDERS.map(({ provider, name }) =>
        provider === 'google'
          ? { provider, name, email: MOCK_USER.email, connectedAt: now - 238 * DAY }
          : { provider, name, email: null, connectedAt: null },
      ),
      oauthStates: new Map(),
      preferences: { theme: 'system', density: 'comfortable', dateFormat: 'auto', timeFormat: 'auto' },
      billing:
        o.plan === 'free'
          ? { plan: { id: 'free', name: 'Free', free: true, price: null }, paymentMethod: null, nextRenewalAt: null }
          : {
              plan: { id: 'growth', name: 'Growth', free: false, price: { amount: 99, currency: 'USD', interval: 'month' } },
              paymentMethod: card && { brand: 'Visa', last4: '4242', ...card },
              nextRenewalAt: iso(nextRenewal),
            },
    };
  }

  // ——— Session and re-authentication ———

  /** False once the account is deleted or `expireSession()` was called: non-public endpoints answer 401. */
  get signedIn(): boolean {
    return this.#state.signedIn;
  }

  /** Ends the session: every non-public endpoint answers 401 until `reset()`. */
  expireSession(): void {
    this.#state.signedIn = false;
  }

  assertSignedIn(): void {
    if (!this.#state.signedIn) throw new MockProblem(401, 'unauthorized', 'Signed out', 'Your session has ended. Sign in again.');
  }

  /** Methods accepted by "Confirm it's you". */
  reauthMethods(): ('password' | 'totp')[] {
    return this.#state.twoFactor.enabled ? ['password', 'totp'] : ['password'];
  }

  /**
   * Throws 403 `reauth-required` unless a recent re-authentication covers a sensitive
   * request. In `always` mode, call `consumeReauth()` once the request succeeded.
   */
  assertReauthenticated(): void {
    const mode = this.#options.reauth;
    if (mode === 'never') return;
    const fresh = this.now() - this.#state.lastAuthAt <= REAUTH_VALID_MS;
    if (mode === 'when-stale' && fresh) return;
    if (mode === 'always' && fresh && this.#state.reauthGrant) return;
    throw new MockProblem(403, 'reauth-required', "Confirm it's you", 'For your security, confirm your identity to continue.', {
      methods: this.reauthMethods(),
    });
  }

  /** In `always` mode a re-authentication covers one successful sensitive request. */
  consumeReauth(): void {
    if (this.#options.reauth === 'always') this.#state.reauthGrant = false;
  }

  /** Marks the user as just authenticated (as a successful reauth does). */
  markReauthenticated(): void {
    this.#state.lastAuthAt = this.now();
    this.#state.reauthGrant = true;
  }

  async reauthenticate(request: s.ReauthRequest): Promise<s.ReauthResult> {
    await this.#confirm(request);
    this.markReauthenticated();
    return { reauthenticatedUntil: iso(this.now() + REAUTH_VALID_MS) };
  }

  /** Checks a `{method: 'password' | 'totp'}` confirmation; 422 `invalid-credentials` / `code-reused` otherwise. */
  async #confirm(request: s.ReauthRequest): Promise<void> {
    if (request.method === 'password') {
      if (request.password !== this.#state.password) {
        throw fieldProblem(422, 'invalid-credentials', 'Wrong password', [
          { field: 'password', message: 'That password is not correct.', code: 'invalid-credentials' },
        ]);
      }
      return;
    }
    const result = await this.#checkTotp(request.code);
    if (result === 'reused') {
      throw fieldProblem(422, 'code-reused', 'Code already used', [
        { field: 'code', message: 'That code was already used. Wait for the next one.', code: 'code-reused' },
      ]);
    }
    if (result === 'invalid') {
      throw fieldProblem(422, 'invalid-credentials', 'Wrong code', [
        { field: 'code', message: 'That code is not correct.', code: 'invalid-credentials' },
      ]);
    }
  }

  /** Verifies a TOTP code against the enabled secret, remembering the step to refuse replays. */
  async #checkTotp(code: string): Promise<'ok' | 'invalid' | 'reused'> {
    const tf = this.#state.twoFactor;
    if (!tf.enabled || !tf.secret) return 'invalid';
    const step = await verifyTotp(tf.secret, code, { window: 1, timeMs: this.now() });
    if (step === null) return 'invalid';
    if (tf.lastStep !== null && step <= tf.lastStep) return 'reused';
    tf.lastStep = step;
    return 'ok';
  }

  // ——— Profile ———

  getProfile(): s.Profile {
    const { updatedAt, ...rest } = this.#state.profile;
    return { ...rest, updatedAt: iso(updatedAt) };
  }

  updateProfile(update: s.ProfileUpdate): s.Profile {
    const errors: s.FieldError[] = [];
    if (update.timezone !== undefined) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: update.timezone });
      } catch {
        errors.push({ field: 'timezone', message: 'Choose a time zone from the list.' });
      }
    }
    if (update.language !== undefined) {
      try {
        Intl.getCanonicalLocales(update.language);
      } catch {
        errors.push({ field: 'language', message: 'Choose a language from the list.' });
      }
    }
    if (errors.length) throw fieldProblem(422, 'validation', 'Some fields need attention', errors);
    const p = this.#state.profile;
    const blankToNull = (v: string | null): string | null => (v === null || v.trim() === '' ? null : v);
    if (update.displayName !== undefined) p.displayName = update.displayName.trim();
    if (update.phone !== undefined) p.phone = update.phone === null ? null : update.phone.trim();
    if (update.timezone !== undefined) p.timezone = update.timezone;
    if (update.language !== undefined) p.language = update.language;
    if (update.company !== undefined) p.company = blankToNull(update.company === null ? null : update.company.trim());
    if (update.bio !== undefined) p.bio = blankToNull(update.bio);
    p.updatedAt = this.now();
    return this.getProfile();
  }

  /** Checks the bytes (not the name or Content-Type): JPEG, PNG or WebP, at most 2 MB. */
  uploadAvatar(bytes: Uint8Array): s.Profile {
    if (bytes.byteLength > AVATAR_MAX_BYTES) {
      throw new MockProblem(413, 'payload-too-large', 'File too large', `The image is ${(bytes.byteLength / 1048576).toFixed(1)} MB; the limit is 2 MB.`);
    }
    const type = sniffImageType(bytes);
    if (!type) {
      throw new MockProblem(415, 'unsupported-media-type', 'Unsupported file type', 'Upload a JPG, PNG or WebP image.');
    }
    this.#state.profile.avatarUrl = `data:${type};base64,${bytesToBase64(bytes)}`;
    this.#state.profile.updatedAt = this.now();
    return this.getProfile();
  }

  removeAvatar(): s.Profile {
    this.#state.profile.avatarUrl = null;
    this.#state.profile.updatedAt = this.now();
    return this.getProfile();
  }

  // ——— Email change ———

  #pendingEmailChange(): EmailChangeRecord | null {
    const pending = this.#state.emailChange;
    if (pending && pending.expiresAt <= this.now()) return null;
    return pending;
  }

  getEmailChange(): s.EmailChangeState {
    const pending = this.#pendingEmailChange();
    return {
      pending: pending ? { newEmail: pending.newEmail, requestedAt: iso(pending.requestedAt), expiresAt: iso(pending.expiresAt) } : null,
      passwordRequired: this.#options.emailChangePasswordRequired,
    };
  }

  requestEmailChange(request: s.EmailChangeRequest): s.EmailChangeState {
    const newEmail = request.newEmail.trim();
    if (this.#options.emailChangePasswordRequired) {
      if (request.currentPassword === undefined) {
        throw fieldProblem(422, 'validation', 'Password required', [
          { field: 'currentPassword', message: 'Enter your current password to change your email.' },
        ]);
      }
      if (request.currentPassword !== this.#state.password) {
        throw fieldProblem(422, 'invalid-credentials', 'Wrong password', [
          { field: 'currentPassword', message: 'That password is not correct.', code: 'invalid-credentials' },
        ]);
      }
    }
    if (newEmail.toLowerCase() === this.#state.profile.email.toLowerCase()) {
      throw fieldProblem(422, 'validation', 'Same address', [{ field: 'newEmail', message: 'This is already your email address.' }]);
    }
    if (TAKEN_EMAILS.includes(newEmail.toLowerCase())) {
      throw fieldProblem(409, 'email-taken', 'Email already in use', [
        { field: 'newEmail', message: 'Another account already uses this address.', code: 'email-taken' },
      ]);
    }
    const now = this.now();
    const token = randomToken();
    this.#state.emailChange = { newEmail, requestedAt: now, expiresAt: now + EMAIL_CHANGE_VALID_HOURS * HOUR, token };
    this.#state.lastEmailToken = token;
    return this.getEmailChange();
  }

  resendEmailChange(): s.EmailChangeState {
    const pending = this.#pendingEmailChange();
    if (!pending) throw new MockProblem(409, 'conflict', 'Nothing to resend', 'No email change is pending.');
    const token = randomToken();
    pending.token = token;
    pending.expiresAt = this.now() + EMAIL_CHANGE_VALID_HOURS * HOUR;
    this.#state.lastEmailToken = token;
    return this.getEmailChange();
  }

  cancelEmailChange(): s.EmailChangeState {
    this.#state.emailChange = null;
    return this.getEmailChange();
  }

  verifyEmailChange(request: s.TokenRequest): s.Profile {
    const { token } = request;
    if (this.#state.usedEmailTokens.has(token)) {
      throw new MockProblem(410, 'token-used', 'Link already used', 'This verification link was already used.');
    }
    const pending = this.#state.emailChange;
    if (!pending || pending.token !== token || pending.expiresAt <= this.now()) {
      throw new MockProblem(410, 'token-expired', 'Link expired', 'This verification link has expired or was replaced by a newer one. Request the change again.');
    }
    this.#state.usedEmailTokens.add(token);
    this.#state.emailChange = null;
    this.#state.profile.email = pending.newEmail;
    this.#state.profile.updatedAt = this.now();
    return this.getProfile();
  }

  /** The token of the last verification link "sent" (the demo's and tests' inbox). */
  lastEmailVerificationToken(): string | null {
    return this.#state.lastEmailToken;
  }

  // ——— Password ———

  getPasswordPolicy(): s.PasswordPolicy {
    const policy = POLICIES[this.#options.passwordPolicy];
    return { ...policy, rules: [...policy.rules] };
  }

  /** Policy and breach checks for a new password; throws 422 on `newPassword`. Never trims. */
  #checkNewPassword(password: string, field = 'newPassword'): void {
    const policy = this.getPasswordPolicy();
    const length = passwordLength(password);
    const errors: s.FieldError[] = [];
    if (length < policy.minLength) errors.push({ field, message: `Use at least ${policy.minLength} characters.`, code: 'too-short' });
    if (length > policy.maxLength) errors.push({ field, message: `Use at most ${policy.maxLength} characters.`, code: 'too-long' });
    for (const rule of policy.rules) {
      const check = RULE_TESTS[rule];
      if (!check.test.test(password)) errors.push({ field, message: check.message, code: rule });
    }
    if (errors.length) throw fieldProblem(422, 'validation', 'Password does not meet the policy', errors);
    if (BREACHED_PASSWORDS.some((p) => p.toLowerCase() === password.toLowerCase())) {
      throw fieldProblem(422, 'password-rejected', 'Password rejected', [
        { field, message: 'This password has appeared in a data breach. Choose a different one.', code: 'breached' },
      ]);
    }
  }

  changePassword(request: s.PasswordChangeRequest): s.PasswordChangeResult {
    if (request.currentPassword !== this.#state.password) {
      throw fieldProblem(422, 'invalid-credentials', 'Wrong password', [
        { field: 'currentPassword', message: 'Your current password is not correct.', code: 'invalid-credentials' },
      ]);
    }
    this.#checkNewPassword(request.newPassword);
    if (request.newPassword === this.#state.password) {
      throw fieldProblem(422, 'password-rejected', 'Password rejected', [
        { field: 'newPassword', message: 'Choose a password different from your current one.', code: 'same-as-current' },
      ]);
    }
    this.#state.password = request.newPassword;
    this.#state.lastAuthAt = this.now();
    return { changedAt: iso(this.now()), otherSessions: this.#state.sessions.filter((x) => !x.current).length };
  }

  /** The current password (after changes and resets). */
  currentPassword(): string {
    return this.#state.password;
  }

  requestPasswordReset(request: s.PasswordResetRequest): s.PasswordResetRequested {
    if (request.email.trim().toLowerCase() === this.#state.profile.email.toLowerCase()) {
      this.issuePasswordResetToken(request.email);
    }
    return { validForMinutes: PASSWORD_RESET_VALID_MINUTES, resendAfterSeconds: 60 };
  }

  /** Issues a reset token as the reset email would carry (valid 1 hour, single use). */
  issuePasswordResetToken(email: string = this.#state.profile.email): string {
    const token = randomToken();
    this.#state.resetTokens.set(token, { email, issuedAt: this.now(), usedAt: null });
    this.#state.lastResetToken = token;
    return token;
  }

  /** The token of the last reset link "sent". */
  lastPasswordResetToken(): string | null {
    return this.#state.lastResetToken;
  }

  completePasswordReset(request: s.PasswordResetComplete): s.Completed {
    const record = this.#state.resetTokens.get(request.token);
    if (record?.usedAt != null) throw new MockProblem(410, 'token-used', 'Link already used', 'This reset link was already used. Request a new one.');
    if (!record || this.now() - record.issuedAt > PASSWORD_RESET_VALID_MINUTES * MINUTE) {
      throw new MockProblem(410, 'token-expired', 'Link expired', 'This reset link has expired. Request a new one.');
    }
    this.#checkNewPassword(request.newPassword);
    record.usedAt = this.now();
    this.#state.password = request.newPassword;
    return { completedAt: iso(this.now()) };
  }

  // ——— Two-factor authentication ———

  getTwoFactorStatus(): s.TwoFactorStatus {
    const tf = this.#state.twoFactor;
    return {
      enabled: tf.enabled,
      enabledAt: tf.enabledAt === null ? null : iso(tf.enabledAt),
      backupCodesRemaining: tf.enabled ? [...tf.backupCodes.values()].filter((v) => v === null).length : 0,
      recommended: this.#state.profile.role === 'owner' || this.#state.profile.role === 'admin',
    };
  }

  startTwoFactorSetup(): s.TwoFactorSetup {
    if (this.#state.twoFactor.enabled) {
      throw new MockProblem(409, 'conflict', 'Already on', 'Two-factor authentication is already on. Turn it off first to set up a new app.');
    }
    const secret = generateSecret(20);
    const setupId = randomId('tfs');
    const expiresAt = this.now() + SETUP_VALID_MS;
    this.#state.setups.set(setupId, { secret, expiresAt });
    const accountName = this.#state.profile.email;
    return {
      setupId,
      secret,
      otpauthUri: otpauthUri({ secret, issuer: 'DialNexa', accountName }),
      issuer: 'DialNexa',
      accountName,
      digits: 6,
      period: 30,
      expiresAt: iso(expiresAt),
    };
  }

  async verifyTwoFactorSetup(request: s.TwoFactorVerifyRequest): Promise<s.TwoFactorEnabled> {
    const setup = this.#state.setups.get(request.setupId);
    if (!setup || setup.expiresAt <= this.now()) {
      this.#state.setups.delete(request.setupId);
      throw new MockProblem(410, 'setup-expired', 'Setup expired', 'This setup has expired. Start again to get a new QR code.');
    }
    const step = await verifyTotp(setup.secret, request.code, { window: 1, timeMs: this.now() });
    if (step === null) {
      throw fieldProblem(422, 'invalid-code', 'Wrong code', [
        { field: 'code', message: 'That code is not correct. Check the time on your device and try the current code.', code: 'invalid-code' },
      ]);
    }
    this.#state.setups.clear();
    const tf = this.#state.twoFactor;
    tf.enabled = true;
    tf.enabledAt = this.now();
    tf.secret = setup.secret;
    tf.lastStep = step;
    const backupCodes = this.#newBackupCodes();
    return { status: this.getTwoFactorStatus(), backupCodes };
  }

  #newBackupCodes(): s.BackupCodes {
    const codes = new Map<string, number | null>();
    while (codes.size < 10) codes.set(backupCode(cryptoRandom), null);
    this.#state.twoFactor.backupCodes = codes;
    return { codes: [...codes.keys()], generatedAt: iso(this.now()) };
  }

  async disableTwoFactor(request: s.ReauthRequest): Promise<s.TwoFactorStatus> {
    await this.#confirm(request);
    const tf = this.#state.twoFactor;
    tf.enabled = false;
    tf.enabledAt = null;
    tf.secret = null;
    tf.lastStep = null;
    tf.backupCodes = new Map();
    return this.getTwoFactorStatus();
  }

  async regenerateBackupCodes(request: s.ReauthRequest): Promise<s.BackupCodes> {
    if (!this.#state.twoFactor.enabled) {
      throw new MockProblem(409, 'conflict', '2FA is off', 'Turn on two-factor authentication first.');
    }
    await this.#confirm(request);
    return this.#newBackupCodes();
  }

  /** Starts a sign-in 2FA step (as the sign-in page would after the password); returns its id. */
  createSignInChallenge({ validForMs = CHALLENGE_VALID_MS }: { validForMs?: number } = {}): string {
    const id = randomId('chl');
    this.#state.challenges.set(id, { expiresAt: this.now() + validForMs, wrong: 0, lockedUntil: 0, usedAt: null });
    return id;
  }

  async verifyTwoFactorChallenge(request: s.TwoFactorChallengeRequest, client: ClientInfo = {}): Promise<s.TwoFactorChallengeResult> {
    const now = this.now();
    const challenge = this.#state.challenges.get(request.challengeId);
    if (!challenge || challenge.usedAt !== null || challenge.expiresAt <= now) {
      throw new MockProblem(410, 'challenge-expired', 'Sign-in expired', 'This sign-in attempt has expired. Sign in again.');
    }
    if (challenge.lockedUntil > now) {
      const retryAfter = Math.ceil((challenge.lockedUntil - now) / 1000);
      throw new MockProblem(429, 'rate-limited', 'Too many attempts', `Too many wrong codes. Try again in ${retryAfter} seconds.`, { retryAfter });
    }
    const tf = this.#state.twoFactor;
    let outcome: 'ok' | 'invalid' | 'reused';
    let backupCodesRemaining: number | null = null;
    if (request.method === 'totp') {
      outcome = /^\d{6}$/.test(request.code) ? await this.#checkTotp(request.code) : 'invalid';
    } else {
      const code = normalizeBackupCode(request.code);
      const usedAt = tf.enabled ? tf.backupCodes.get(code) : undefined;
      outcome = usedAt === undefined ? 'invalid' : usedAt === null ? 'ok' : 'reused';
      if (outcome === 'ok') {
        tf.backupCodes.set(code, now);
        backupCodesRemaining = this.getTwoFactorStatus().backupCodesRemaining;
      }
    }
    const device = describeUserAgent(client.userAgent);
    if (outcome !== 'ok') {
      challenge.wrong++;
      if (challenge.wrong >= CHALLENGE_MAX_WRONG) {
        challenge.lockedUntil = now + CHALLENGE_LOCK_SECONDS * 1000;
        challenge.wrong = 0;
      }
      this.#recordAttempt(false, 'wrong-2fa-code', device);
      const reused = outcome === 'reused';
      const message = reused
        ? request.method === 'backup'
          ? 'That backup code was already used.'
          : 'That code was already used. Wait for the next one.'
        : request.method === 'backup'
          ? 'That backup code is not correct.'
          : 'That code is not correct.';
      throw fieldProblem(422, reused ? 'code-reused' : 'invalid-code', reused ? 'Code already used' : 'Wrong code', [
        { field: 'code', message, code: reused ? 'code-reused' : 'invalid-code' },
      ]);
    }
    challenge.usedAt = now;
    this.#state.lastAuthAt = now;
    this.#recordAttempt(true, null, device);
    let trustedDevice: s.TrustedDevice | null = null;
    if (request.trustDevice) {
      for (const d of this.#state.trusted) d.current = false;
      const record: TrustedDeviceRecord = {
        id: `tdv_${(this.#state.nextTrustedId++).toString(36).padStart(4, '0')}`,
        ...device,
        ip: CURRENT_DEVICE.ip,
        location: CURRENT_DEVICE.location,
        trustedAt: now,
        lastUsedAt: now,
        expiresAt: now + TRUSTED_DEVICE_DAYS * DAY,
        current: true,
      };
      this.#state.trusted.unshift(record);
      trustedDevice = this.#trustedOut(record);
    }
    return { verifiedAt: iso(now), trustedDevice, backupCodesRemaining };
  }

  /** The enabled TOTP key (null while 2FA is off): tests and the demo compute codes from it. */
  twoFactorSecret(): string | null {
    return this.#state.twoFactor.secret;
  }

  /**
   * The code the authenticator would show now. With a frozen clock, successive calls give
   * the same code — advance the clock 30 s between uses, or the store refuses it as reused.
   */
  async currentTotp(offsetSteps = 0): Promise<string> {
    const secret = this.#state.twoFactor.secret;
    if (!secret) throw new Error('Two-factor authentication is off');
    return totp(secret, this.now() + offsetSteps * 30_000);
  }

  /** Backup codes not used yet. */
  unusedBackupCodes(): string[] {
    return [...this.#state.twoFactor.backupCodes].filter(([, used]) => used === null).map(([code]) => code);
  }

  /** The time step the last accepted TOTP code came from. */
  lastTotpStep(): number | null {
    return this.#state.twoFactor.lastStep;
  }

  /** Attempt `index` (0 = newest) across recent and seeded ones. */
  #attempt(index: number): LoginAttemptRecord | undefined {
    const recent = this.#state.recentAttempts;
    return index < recent.length ? recent[index] : this.#state.seededAttempts.at(index - recent.length);
  }

  #attemptCount(): number {
    return this.#state.recentAttempts.length + this.#state.seededAttempts.count;
  }

  #recordAttempt(success: boolean, failureReason: string | null, device: Pick<s.Session, 'deviceType' | 'browser' | 'os'>): void {
    this.#state.recentAttempts.unshift({
      seq: this.#attemptCount() + 1,
      at: this.now(),
      success,
      failureReason,
      device,
      ip: CURRENT_DEVICE.ip,
      location: CURRENT_DEVICE.location,
    });
  }

  // ——— Sessions, login activity, trusted devices ———

  listSessions(): s.SessionList {
    const items = [...this.#state.sessions].sort((a, b) => Number(b.current) - Number(a.current) || b.lastActiveAt - a.lastActiveAt);
    return {
      items: items.map((x) => ({
        id: x.id,
        deviceType: x.deviceType,
        browser: x.browser,
        os: x.os,
        ip: x.ip,
        location: x.location,
        createdAt: iso(x.createdAt),
        lastActiveAt: iso(x.lastActiveAt),
        current: x.current,
      })),
    };
  }

  revokeSession(id: string): s.Revoked {
    const index = this.#state.sessions.findIndex((x) => x.id === id);
    if (index < 0) throw notFound('This session');
    if (this.#state.sessions[index]?.current) {
      throw new MockProblem(409, 'conflict', 'Current session', 'This is the session you are using. Sign out instead.');
    }
    this.#state.sessions.splice(index, 1);
    return { revoked: 1 };
  }

  revokeOtherSessions(): s.Revoked {
    const before = this.#state.sessions.length;
    this.#state.sessions = this.#state.sessions.filter((x) => x.current);
    return { revoked: before - this.#state.sessions.length };
  }

  /** Newest first; `cursor` is opaque (it names the last attempt of the previous page). */
  listLoginActivity(query: s.LoginActivityQuery = {}): s.LoginActivityPage {
    const limit = query.limit ?? 50;
    const failedOnly = query.status === 'failed';
    const total = this.#attemptCount();
    let start = 0;
    if (query.cursor !== undefined) {
      const before = decodeCursor(query.cursor);
      if (before === null || before > total) {
        throw fieldProblem(422, 'validation', 'Invalid cursor', [{ field: 'cursor', message: 'This cursor is not valid. Start from the first page.' }]);
      }
      // seq runs from `total` (newest, index 0) down to 1 without gaps.
      start = total - before + 1;
    }
    const items: s.LoginAttempt[] = [];
    let last: LoginAttemptRecord | undefined;
    let i = start;
    for (; i < total && items.length < limit; i++) {
      const a = this.#attempt(i) as LoginAttemptRecord;
      if (failedOnly && a.success) continue;
      items.push({
        id: `att_${a.seq.toString(36)}`,
        at: iso(a.at),
        success: a.success,
        failureReason: a.failureReason,
        deviceType: a.device.deviceType,
        browser: a.device.browser,
        os: a.device.os,
        ip: a.ip,
        location: a.location,
      });
      last = a;
    }
    let more = false;
    for (let j = i; j < total; j++) {
      if (!failedOnly || !this.#attempt(j)?.success) {
        more = true;
        break;
      }
    }
    return { items, nextCursor: more && last ? encodeCursor(last.seq) : null };
  }

  #trustedOut(x: TrustedDeviceRecord): s.TrustedDevice {
    return {
      id: x.id,
      deviceType: x.deviceType,
      browser: x.browser,
      os: x.os,
      ip: x.ip,
      location: x.location,
      trustedAt: iso(x.trustedAt),
      lastUsedAt: iso(x.lastUsedAt),
      expiresAt: iso(x.expiresAt),
      current: x.current,
    };
  }

  listTrustedDevices(): s.TrustedDeviceList {
    const now = this.now();
    this.#state.trusted = this.#state.trusted.filter((x) => x.expiresAt > now);
    const items = [...this.#state.trusted].sort((a, b) => Number(b.current) - Number(a.current) || b.lastUsedAt - a.lastUsedAt);
    return { items: items.map((x) => this.#trustedOut(x)) };
  }

  revokeTrustedDevice(id: string): s.Revoked {
    const index = this.#state.trusted.findIndex((x) => x.id === id && x.expiresAt > this.now());
    if (index < 0) throw notFound('This trusted device');
    this.#state.trusted.splice(index, 1);
    return { revoked: 1 };
  }

  revokeAllTrustedDevices(): s.Revoked {
    const now = this.now();
    const revoked = this.#state.trusted.filter((x) => x.expiresAt > now).length;
    this.#state.trusted = [];
    return { revoked };
  }

  // ——— Notifications ———

  getNotificationPreferences(): s.NotificationPreferences {
    const values: Record<string, Record<string, boolean>> = {};
    for (const [type, row] of Object.entries(this.#state.notifications)) values[type] = { ...row };
    return structuredClone({ ...NOTIFICATION_CATALOG, values });
  }

  /** All or nothing: an unknown or locked cell refuses the whole update (422). */
  updateNotificationPreferences(update: s.NotificationUpdate): s.NotificationPreferences {
    const errors: s.FieldError[] = [];
    let lockReason: string | undefined;
    update.changes.forEach((change, i) => {
      const type = NOTIFICATION_CATALOG.types.find((t) => t.id === change.typeId);
      if (!type) {
        errors.push({ field: `/changes/${i}/typeId`, message: `Unknown notification type "${change.typeId}".` });
        return;
      }
      if (!NOTIFICATION_CATALOG.channels.some((c) => c.id === change.channelId)) {
        errors.push({ field: `/changes/${i}/channelId`, message: `Unknown channel "${change.channelId}".` });
        return;
      }
      const reason = type.locked[change.channelId];
      if (reason !== undefined && change.enabled !== (type.defaults[change.channelId] ?? false)) {
        lockReason ??= reason;
        errors.push({ field: `/changes/${i}/enabled`, message: reason, code: 'locked' });
      }
    });
    if (errors.length) {
      throw fieldProblem(422, 'validation', lockReason ? 'This notification cannot be changed' : 'Unknown notification', errors, lockReason);
    }
    for (const change of update.changes) {
      const row = this.#state.notifications[change.typeId];
      if (row) row[change.channelId] = change.enabled;
    }
    return this.getNotificationPreferences();
  }

  resetNotificationPreferences(): s.NotificationPreferences {
    this.#state.notifications = defaultNotificationValues();
    return this.getNotificationPreferences();
  }

  // ——— Privacy, export, deletion ———

  getPrivacySettings(): s.PrivacySettings {
    return { ...this.#state.privacy };
  }

  updatePrivacySettings(update: s.PrivacyUpdate): s.PrivacySettings {
    this.#state.privacy.analyticsEnabled = update.analyticsEnabled;
    return this.getPrivacySettings();
  }

  #exportJob(): s.ExportJob | null {
    const job = this.#state.exportJob;
    if (!job) return null;
    const now = this.now();
    const elapsed = now - job.requestedAt;
    const base = { id: job.id, requestedAt: iso(job.requestedAt), error: null, readyAt: null, expiresAt: null, downloadUrl: null };
    const queuedFor = Math.min(1000, job.durationMs * 0.15);
    if (elapsed < queuedFor) return { ...base, status: 'queued', progress: 0 };
    if (elapsed < job.durationMs) {
      const progress = Math.min(99, Math.max(1, Math.floor(((elapsed - queuedFor) / (job.durationMs - queuedFor)) * 100)));
      return { ...base, status: 'running', progress };
    }
    const readyAt = job.requestedAt + job.durationMs;
    if (job.fails) return { ...base, status: 'failed', progress: 100, error: 'The export could not be completed. Try again.' };
    const expiresAt = readyAt + EXPORT_VALID_MS;
    if (now >= expiresAt) return { ...base, status: 'expired', progress: 100, readyAt: iso(readyAt), expiresAt: iso(expiresAt) };
    job.downloadUrl ??= this.#exportFile(readyAt);
    return { ...base, status: 'ready', progress: 100, readyAt: iso(readyAt), expiresAt: iso(expiresAt), downloadUrl: job.downloadUrl };
  }

  #exportFile(at: number): string {
    const data = {
      exportedAt: iso(at),
      profile: this.getProfile(),
      preferences: this.#state.preferences,
      notifications: this.#state.notifications,
      privacy: this.#state.privacy,
      connectedAccounts: this.#state.connections.filter((c) => c.connectedAt !== null).map((c) => c.provider),
      sessions: this.#state.sessions.length,
      loginActivity: this.listLoginActivity({ limit: 20 }).items,
    };
    return `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(data, null, 2))}`;
  }

  getDataExport(): s.DataExportState {
    return { job: this.#exportJob() };
  }

  requestDataExport(): s.DataExportState {
    const current = this.#exportJob();
    if (current && (current.status === 'queued' || current.status === 'running')) {
      throw new MockProblem(409, 'export-in-progress', 'Export in progress', 'An export is already being prepared. You can start another once it finishes.');
    }
    this.#state.exportJob = {
      id: randomId('exp'),
      requestedAt: this.now(),
      durationMs: Math.max(0, this.#options.exportDurationMs),
      fails: this.#options.exportFails,
      downloadUrl: null,
    };
    return this.getDataExport();
  }

  #blockingWorkspaces(): s.Workspace[] {
    return this.#state.workspaces.filter((w) => w.role === 'owner' && w.memberCount > 1).map((w) => ({ ...w }));
  }

  getAccountDeletion(): s.AccountDeletionInfo {
    return {
      email: this.#state.profile.email,
      ...structuredClone(DELETION_IMPACT),
      blockingWorkspaces: this.#blockingWorkspaces(),
    };
  }

  deleteAccount(request: s.AccountDeletionRequest): s.Completed {
    const errors: s.FieldError[] = [];
    if (request.email.trim().toLowerCase() !== this.#state.profile.email.toLowerCase()) {
      errors.push({ field: 'email', message: 'This does not match your account email.' });
    }
    const wrongPassword = request.password !== this.#state.password;
    if (wrongPassword) errors.push({ field: 'password', message: 'That password is not correct.', code: 'invalid-credentials' });
    if (errors.length) {
      throw fieldProblem(422, wrongPassword ? 'invalid-credentials' : 'validation', 'Check the confirmation', errors);
    }
    const blocking = this.#blockingWorkspaces();
    if (blocking.length) {
      throw new MockProblem(
        409,
        'workspace-owner',
        'You own workspaces with other members',
        'Transfer ownership of these workspaces, or delete them, before you delete your account.',
        { workspaces: blocking },
      );
    }
    this.#state.signedIn = false;
    return { completedAt: iso(this.now()) };
  }

  /** Replaces the workspaces (e.g. to let deletion through after "transferring" ownership). */
  setWorkspaces(workspaces: s.Workspace[]): void {
    this.#state.workspaces = workspaces.map((w) => ({ ...w }));
  }

  // ——— Connected accounts ———

  listConnectedAccounts(): s.ConnectedAccountList {
    return {
      items: this.#state.connections.map((c) => ({
        provider: c.provider,
        name: c.name,
        connected: c.connectedAt !== null,
        email: c.email,
        connectedAt: c.connectedAt === null ? null : iso(c.connectedAt),
      })),
      passwordSignIn: true,
    };
  }

  #connection(provider: string): ConnectionRecord {
    const connection = this.#state.connections.find((c) => c.provider === provider);
    if (!connection) throw notFound(`The provider "${provider}"`);
    return connection;
  }

  /**
   * Starts connecting: the authorization URL points at the mock provider page
   * (`<authorizeBase>/__mock/oauth/<provider>?…`), which `handlers.ts` answers.
   */
  connectAccount(provider: string, request: s.ConnectRequest, authorizeBase = '/api/account'): s.ConnectStart {
    this.#connection(provider);
    const state = randomId('oauth');
    this.#state.oauthStates.set(state, { provider, redirectUri: request.redirectUri, mode: request.mode, expiresAt: this.now() + OAUTH_STATE_VALID_MS });
    const params = new URLSearchParams({ redirect_uri: request.redirectUri, state, mode: request.mode });
    return { authorizationUrl: `${authorizeBase.replace(/\/$/, '')}/__mock/oauth/${encodeURIComponent(provider)}?${params}` };
  }

  /**
   * The mock provider's consent: marks the provider connected and says where to go back.
   * Throws 400 for an unknown or expired `state`.
   */
  completeOAuth(provider: string, state: string): { redirectUri: string; mode: 'redirect' | 'popup' } {
    const record = this.#state.oauthStates.get(state);
    this.#state.oauthStates.delete(state);
    if (!record || record.provider !== provider || record.expiresAt <= this.now()) {
      throw new MockProblem(400, 'bad-request', 'Invalid state', 'This authorization request is unknown or expired.');
    }
    this.markConnected(provider);
    return { redirectUri: record.redirectUri, mode: record.mode };
  }

  /** Connects a provider directly (as if the user consented at the provider). */
  markConnected(provider: string, email: string = this.#state.profile.email): void {
    const connection = this.#connection(provider);
    connection.email = email;
    connection.connectedAt = this.now();
  }

  disconnectAccount(provider: string): s.ConnectedAccountList {
    const connection = this.#connection(provider);
    connection.email = null;
    connection.connectedAt = null;
    return this.listConnectedAccounts();
  }

  // ——— Preferences, billing ———

  getPreferences(): s.Preferences {
    return { ...this.#state.preferences };
  }

  updatePreferences(update: s.PreferencesUpdate): s.Preferences {
    for (const [key, value] of Object.entries(update)) {
      if (value !== undefined) (this.#state.preferences as Record<string, unknown>)[key] = value;
    }
    return this.getPreferences();
  }

  getBillingSummary(): s.BillingSummary {
    return structuredClone(this.#state.billing);
  }

  // ——— Counts (for tests and stories) ———

  get counts(): { sessions: number; loginAttempts: number; trustedDevices: number } {
    return { sessions: this.#state.sessions.length, loginAttempts: this.#attemptCount(), trustedDevices: this.#state.trusted.length };
  }
}

function encodeCursor(seq: number): string {
  return btoa(`la:${seq}`).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

function decodeCursor(cursor: string): number | null {
  try {
    const padded = cursor.replace(/-/g, '+').replace(/_/g, '/');
    const text = atob(padded + '='.repeat((4 - (padded.length % 4)) % 4));
    const match = /^la:(\d{1,15})$/.exec(text);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}
