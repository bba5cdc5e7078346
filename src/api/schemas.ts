/**
 * The REST contract, once: every resource and request body as a zod schema.
 * Types are inferred from these, the HTTP client validates responses with them,
 * the mock backend validates requests with them, and `npm run openapi` turns them
 * into the OpenAPI 3.1 document partners implement.
 *
 * `zod/mini` keeps the runtime small (see README, "Size").
 */
import * as z from 'zod/mini';

/** Registers a schema as a named OpenAPI component. */
function named<T extends z.ZodMiniType>(id: string, schema: T, description?: string): T {
  z.globalRegistry.add(schema, description ? { id, description } : { id });
  return schema;
}

const id = z.string().check(z.minLength(1), z.maxLength(200));
const dateTime = z.iso.datetime({ offset: true });
const count = z.int().check(z.gte(0));

// ——— Shared limits (the client validates with the same numbers the server does) ———

export const DISPLAY_NAME_MIN = 2;
export const DISPLAY_NAME_MAX = 50;
export const BIO_MAX = 500;
export const COMPANY_MAX = 100;
export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
export const AVATAR_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const EMAIL_CHANGE_VALID_HOURS = 24;
export const PASSWORD_RESET_VALID_MINUTES = 60;
export const TRUSTED_DEVICE_DAYS = 30;
/** Loose international phone shape: digits with optional +, spaces, dashes, dots and brackets. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ().-]{4,22}[0-9]$/;

// ——— Errors (RFC 9457 problem details) ———

export const FieldError = named(
  'FieldError',
  z.object({
    /** Name of the request field (`displayName`) or a JSON pointer (`/displayName`). */
    field: z.string(),
    message: z.string(),
    code: z.optional(z.string()),
  }),
);

export const Workspace = named(
  'Workspace',
  z.object({
    id,
    name: z.string(),
    memberCount: count,
    role: z.enum(['owner', 'admin', 'member']),
  }),
);

export const Problem = named(
  'Problem',
  z.looseObject({
    type: z._default(z.string(), 'about:blank'),
    title: z.optional(z.string()),
    status: z.optional(z.int()),
    detail: z.optional(z.string()),
    instance: z.optional(z.string()),
    /** 422: per-field messages. */
    errors: z.optional(z.array(FieldError)),
    /** 429: seconds to wait (also sent as the `Retry-After` header). */
    retryAfter: z.optional(z.number()),
    /** Re-authentication required: the methods the server accepts. */
    methods: z.optional(z.array(z.enum(['password', 'totp']))),
    /** Account deletion refused: workspaces the user owns that still have members. */
    workspaces: z.optional(z.array(Workspace)),
  }),
  'RFC 9457 problem details. `type` ends in one of the slugs of `ProblemCode`.',
);

/** Slugs that end a problem `type` URI (`urn:dialnexa:problem:reauth-required`, `https://…/reauth-required`). */
export const PROBLEM_CODES = [
  'reauth-required',
  'invalid-credentials',
  'validation',
  'rate-limited',
  'token-expired',
  'token-used',
  'setup-expired',
  'invalid-code',
  'code-reused',
  'challenge-expired',
  'password-rejected',
  'export-in-progress',
  'workspace-owner',
  'email-taken',
  'unsupported-media-type',
  'payload-too-large',
  'locked',
  'not-found',
  'conflict',
  'unauthorized',
  'bad-request',
  'csrf-failed',
  'internal',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

// ——— Profile ———

export const Role = z.enum(['owner', 'admin', 'member']);

export const Profile = named(
  'Profile',
  z.object({
    id,
    displayName: z.string(),
    email: z.email(),
    phone: z.nullable(z.string()),
    /** IANA time zone, e.g. `Europe/Berlin`. */
    timezone: z.string(),
    /** BCP 47 language tag, e.g. `en`, `de`, `ar`. */
    language: z.string(),
    company: z.nullable(z.string()),
    bio: z.nullable(z.string()),
    avatarUrl: z.nullable(z.string()),
    role: Role,
    updatedAt: dateTime,
  }),
);

const displayName = z
  .string()
  .check(z.trim(), z.minLength(DISPLAY_NAME_MIN), z.maxLength(DISPLAY_NAME_MAX));

export const ProfileUpdate = named(
  'ProfileUpdate',
  z.object({
    displayName: z.optional(displayName),
    phone: z.optional(z.nullable(z.string().check(z.trim(), z.regex(PHONE_PATTERN)))),
    timezone: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    language: z.optional(z.string().check(z.minLength(2), z.maxLength(35))),
    company: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(COMPANY_MAX)))),
    bio: z.optional(z.nullable(z.string().check(z.maxLength(BIO_MAX)))),
  }),
  'Only the fields present are changed. `null` clears an optional field.',
);

// ——— Email change ———

export const EmailChangeState = named(
  'EmailChangeState',
  z.object({
    pending: z.nullable(
      z.object({
        newEmail: z.email(),
        requestedAt: dateTime,
        expiresAt: dateTime,
      }),
    ),
    /** When true, the request must carry `currentPassword`. */
    passwordRequired: z.boolean(),
  }),
);

export const EmailChangeRequest = named(
  'EmailChangeRequest',
  z.object({
    newEmail: z.email(),
    currentPassword: z.optional(z.string().check(z.minLength(1))),
  }),
);

export const TokenRequest = named('TokenRequest', z.object({ token: z.string().check(z.minLength(1)) }));

// ——— Re-authentication ("Confirm it's you") ———

export const ReauthRequest = named(
  'ReauthRequest',
  z.discriminatedUnion('method', [
    z.object({ method: z.literal('password'), password: z.string().check(z.minLength(1)) }),
    z.object({ method: z.literal('totp'), code: z.string().check(z.regex(/^\d{6}$/)) }),
  ]),
);

export const ReauthResult = named('ReauthResult', z.object({ reauthenticatedUntil: dateTime }));

// ——— Password ———

export const PasswordRule = z.enum(['number', 'special', 'uppercase', 'lowercase']);

export const PasswordPolicy = named(
  'PasswordPolicy',
  z.object({
    minLength: z.int().check(z.gte(1)),
    /** At least 64 (NIST SP 800-63B). */
    maxLength: z.int().check(z.gte(64)),
    /** Composition rules; empty for a NIST-style policy. */
    rules: z.array(PasswordRule),
  }),
);

export const PasswordChangeRequest = named(
  'PasswordChangeRequest',
  z.object({ currentPassword: z.string().check(z.minLength(1)), newPassword: z.string().check(z.minLength(1)) }),
);

export const PasswordChangeResult = named(
  'PasswordChangeResult',
  z.object({ changedAt: dateTime, otherSessions: count }),
);

export const PasswordResetRequest = named('PasswordResetRequest', z.object({ email: z.email() }));

export const PasswordResetRequested = named(
  'PasswordResetRequested',
  z.object({ validForMinutes: z.int().check(z.gte(1)), resendAfterSeconds: count }),
  'Always the same answer, whether or not an account exists for the address.',
);

export const PasswordResetComplete = named(
  'PasswordResetComplete',
  z.object({ token: z.string().check(z.minLength(1)), newPassword: z.string().check(z.minLength(1)) }),
);

export const Completed = named('Completed', z.object({ completedAt: dateTime }));

// ——— Two-factor authentication ———

export const TwoFactorStatus = named(
  'TwoFactorStatus',
  z.object({
    enabled: z.boolean(),
    enabledAt: z.nullable(dateTime),
    backupCodesRemaining: count,
    /** True for roles the product recommends 2FA for (admin, owner). */
    recommended: z.boolean(),
  }),
);

export const TwoFactorSetup = named(
  'TwoFactorSetup',
  z.object({
    setupId: id,
    /** Base32 TOTP key (RFC 4648, no padding). A secret: never put it in URLs, attributes or storage. */
    secret: z.string().check(z.regex(/^[A-Z2-7]+$/)),
    otpauthUri: z.string().check(z.startsWith('otpauth://totp/')),
    issuer: z.string(),
    accountName: z.string(),
    digits: z.literal(6),
    period: z.literal(30),
    expiresAt: dateTime,
  }),
);

const otp = z.string().check(z.regex(/^\d{6}$/));

export const TwoFactorVerifyRequest = named('TwoFactorVerifyRequest', z.object({ setupId: id, code: otp }));

export const BackupCodes = named(
  'BackupCodes',
  z.object({ codes: z.array(z.string()), generatedAt: dateTime }),
  'Shown once: the server keeps only hashes.',
);

export const TwoFactorEnabled = named(
  'TwoFactorEnabled',
  z.object({ status: TwoFactorStatus, backupCodes: BackupCodes }),
);

export const TwoFactorChallengeRequest = named(
  'TwoFactorChallengeRequest',
  z.object({
    challengeId: id,
    method: z.enum(['totp', 'backup']),
    code: z.string().check(z.minLength(6), z.maxLength(32)),
    trustDevice: z.boolean(),
  }),
);

// ——— Sessions, login activity, trusted devices ———

export const DeviceType = z.enum(['desktop', 'mobile', 'tablet', 'unknown']);

const device = {
  deviceType: DeviceType,
  browser: z.string(),
  os: z.string(),
  ip: z.string(),
  /** Approximate, e.g. `Berlin, Germany`. */
  location: z.nullable(z.string()),
};

export const Session = named(
  'Session',
  z.object({
    id,
    ...device,
    createdAt: dateTime,
    lastActiveAt: dateTime,
    current: z.boolean(),
  }),
);

export const SessionList = named('SessionList', z.object({ items: z.array(Session) }));

export const Revoked = named('Revoked', z.object({ revoked: count }));

export const LoginAttempt = named(
  'LoginAttempt',
  z.object({
    id,
    at: dateTime,
    success: z.boolean(),
    /** `wrong-password`, `wrong-2fa-code`, `blocked`, `locked`, … (unknown reasons are shown generically). */
    failureReason: z.nullable(z.string()),
    ...device,
  }),
);

export const LoginActivityPage = named(
  'LoginActivityPage',
  z.object({ items: z.array(LoginAttempt), nextCursor: z.nullable(z.string()) }),
);

export const LoginActivityQuery = z.object({
  cursor: z.optional(z.string()),
  limit: z.optional(z.int().check(z.gte(1), z.lte(200))),
  status: z.optional(z.enum(['all', 'failed'])),
});

export const TrustedDevice = named(
  'TrustedDevice',
  z.object({
    id,
    ...device,
    trustedAt: dateTime,
    lastUsedAt: dateTime,
    expiresAt: dateTime,
    current: z.boolean(),
  }),
);

export const TwoFactorChallengeResult = named(
  'TwoFactorChallengeResult',
  z.object({
    verifiedAt: dateTime,
    trustedDevice: z.nullable(TrustedDevice),
    /** Set when a backup code was used. */
    backupCodesRemaining: z.nullable(count),
  }),
);

export const TrustedDeviceList = named('TrustedDeviceList', z.object({ items: z.array(TrustedDevice) }));

// ——— Notifications ———

export const NotificationPreferences = named(
  'NotificationPreferences',
  z.object({
    /** Columns: email and in-app, or more. */
    channels: z.array(z.object({ id, label: z.string() })),
    groups: z.array(z.object({ id, label: z.string() })),
    types: z.array(
      z.object({
        id,
        groupId: id,
        label: z.string(),
        /** What triggers it. */
        description: z.string(),
        /** channel id → on by default. */
        defaults: z.record(z.string(), z.boolean()),
        /** channel id → why it cannot be changed. Locked cells keep their default. */
        locked: z.record(z.string(), z.string()),
      }),
    ),
    /** type id → channel id → enabled. */
    values: z.record(z.string(), z.record(z.string(), z.boolean())),
  }),
);

export const NotificationChange = z.object({ typeId: id, channelId: id, enabled: z.boolean() });

export const NotificationUpdate = named(
  'NotificationUpdate',
  z.object({ changes: z.array(NotificationChange).check(z.minLength(1)) }),
);

// ——— Privacy, data export, deletion ———

export const PrivacySettings = named('PrivacySettings', z.object({ analyticsEnabled: z.boolean() }));

export const PrivacyUpdate = named('PrivacyUpdate', z.object({ analyticsEnabled: z.boolean() }));

export const ExportJob = named(
  'ExportJob',
  z.object({
    id,
    status: z.enum(['queued', 'running', 'ready', 'failed', 'expired']),
    /** 0–100. */
    progress: z.number().check(z.gte(0), z.lte(100)),
    requestedAt: dateTime,
    readyAt: z.nullable(dateTime),
    expiresAt: z.nullable(dateTime),
    downloadUrl: z.nullable(z.string()),
    error: z.nullable(z.string()),
  }),
);

export const DataExportState = named('DataExportState', z.object({ job: z.nullable(ExportJob) }));

export const Money = named('Money', z.object({ amount: z.number(), currency: z.string().check(z.length(3)) }));

export const AccountDeletionInfo = named(
  'AccountDeletionInfo',
  z.object({
    email: z.email(),
    agents: count,
    phoneNumbers: count,
    recordings: count,
    transcripts: count,
    walletBalance: Money,
    /** Workspaces the user owns that still have other members: deletion is refused while any remain. */
    blockingWorkspaces: z.array(Workspace),
  }),
);

export const AccountDeletionRequest = named(
  'AccountDeletionRequest',
  z.object({ email: z.email(), password: z.string().check(z.minLength(1)) }),
);

// ——— Connected accounts ———

export const ConnectedAccount = named(
  'ConnectedAccount',
  z.object({
    provider: id,
    name: z.string(),
    connected: z.boolean(),
    email: z.nullable(z.string()),
    connectedAt: z.nullable(dateTime),
  }),
);

export const ConnectedAccountList = named(
  'ConnectedAccountList',
  z.object({
    items: z.array(ConnectedAccount),
    /** Email + password sign-in stays available whatever is connected. */
    passwordSignIn: z.boolean(),
  }),
);

export const ConnectRequest = named(
  'ConnectRequest',
  z.object({ redirectUri: z.string(), mode: z.enum(['redirect', 'popup']) }),
);

export const ConnectStart = named('ConnectStart', z.object({ authorizationUrl: z.string() }));

// ——— Preferences, billing ———

export const DATE_FORMATS = ['auto', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD', 'D MMM YYYY'] as const;
export const TIME_FORMATS = ['auto', '12h', '24h'] as const;
export const THEMES = ['light', 'dark', 'system'] as const;
export const DENSITIES = ['comfortable', 'compact'] as const;

export const Preferences = named(
  'Preferences',
  z.object({
    theme: z.enum(THEMES),
    density: z.enum(DENSITIES),
    dateFormat: z.enum(DATE_FORMATS),
    timeFormat: z.enum(TIME_FORMATS),
  }),
);

export const PreferencesUpdate = named('PreferencesUpdate', z.partial(Preferences));

export const BillingSummary = named(
  'BillingSummary',
  z.object({
    plan: z.object({
      id,
      name: z.string(),
      free: z.boolean(),
      price: z.nullable(z.object({ ...Money.shape, interval: z.enum(['month', 'year']) })),
    }),
    paymentMethod: z.nullable(
      z.object({
        brand: z.string(),
        last4: z.string().check(z.regex(/^\d{4}$/)),
        expMonth: z.int().check(z.gte(1), z.lte(12)),
        expYear: z.int().check(z.gte(2000)),
      }),
    ),
    nextRenewalAt: z.nullable(dateTime),
  }),
);

// ——— Inferred types ———

export type FieldError = z.infer<typeof FieldError>;
export type Workspace = z.infer<typeof Workspace>;
export type Problem = z.infer<typeof Problem>;
export type Role = z.infer<typeof Role>;
export type Profile = z.infer<typeof Profile>;
export type ProfileUpdate = z.input<typeof ProfileUpdate>;
export type EmailChangeState = z.infer<typeof EmailChangeState>;
export type EmailChangeRequest = z.infer<typeof EmailChangeRequest>;
export type TokenRequest = z.infer<typeof TokenRequest>;
export type ReauthRequest = z.infer<typeof ReauthRequest>;
export type ReauthResult = z.infer<typeof ReauthResult>;
export type PasswordRule = z.infer<typeof PasswordRule>;
export type PasswordPolicy = z.infer<typeof PasswordPolicy>;
export type PasswordChangeRequest = z.infer<typeof PasswordChangeRequest>;
export type PasswordChangeResult = z.infer<typeof PasswordChangeResult>;
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;
export type PasswordResetRequested = z.infer<typeof PasswordResetRequested>;
export type PasswordResetComplete = z.infer<typeof PasswordResetComplete>;
export type Completed = z.infer<typeof Completed>;
export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>;
export type TwoFactorSetup = z.infer<typeof TwoFactorSetup>;
export type TwoFactorVerifyRequest = z.infer<typeof TwoFactorVerifyRequest>;
export type BackupCodes = z.infer<typeof BackupCodes>;
export type TwoFactorEnabled = z.infer<typeof TwoFactorEnabled>;
export type TwoFactorChallengeRequest = z.infer<typeof TwoFactorChallengeRequest>;
export type TwoFactorChallengeResult = z.infer<typeof TwoFactorChallengeResult>;
export type DeviceType = z.infer<typeof DeviceType>;
export type Session = z.infer<typeof Session>;
export type SessionList = z.infer<typeof SessionList>;
export type Revoked = z.infer<typeof Revoked>;
export type LoginAttempt = z.infer<typeof LoginAttempt>;
export type LoginActivityPage = z.infer<typeof LoginActivityPage>;
export type LoginActivityQuery = z.infer<typeof LoginActivityQuery>;
export type TrustedDevice = z.infer<typeof TrustedDevice>;
export type TrustedDeviceList = z.infer<typeof TrustedDeviceList>;
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;
export type NotificationChange = z.infer<typeof NotificationChange>;
export type NotificationUpdate = z.infer<typeof NotificationUpdate>;
export type PrivacySettings = z.infer<typeof PrivacySettings>;
export type PrivacyUpdate = z.infer<typeof PrivacyUpdate>;
export type ExportJob = z.infer<typeof ExportJob>;
export type DataExportState = z.infer<typeof DataExportState>;
export type Money = z.infer<typeof Money>;
export type AccountDeletionInfo = z.infer<typeof AccountDeletionInfo>;
export type AccountDeletionRequest = z.infer<typeof AccountDeletionRequest>;
export type ConnectedAccount = z.infer<typeof ConnectedAccount>;
export type ConnectedAccountList = z.infer<typeof ConnectedAccountList>;
export type ConnectRequest = z.infer<typeof ConnectRequest>;
export type ConnectStart = z.infer<typeof ConnectStart>;
export type DateFormat = (typeof DATE_FORMATS)[number];
export type TimeFormat = (typeof TIME_FORMATS)[number];
export type Theme = (typeof THEMES)[number];
export type Density = (typeof DENSITIES)[number];
export type Preferences = z.infer<typeof Preferences>;
export type PreferencesUpdate = z.infer<typeof PreferencesUpdate>;
export type BillingSummary = z.infer<typeof BillingSummary>;
