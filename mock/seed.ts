/**
 * Seed data for the mock backend: a DialNexa user, her devices, her history, the
 * notification catalog of both product documents. Lists are generated from a small
 * seeded PRNG, so the same options always give the same data (stable screenshots) and
 * tens of thousands of rows take milliseconds.
 */
import type { DeviceType, NotificationPreferences, Role, Workspace } from '../src/api/schemas.js';
import { base32Encode } from './totp.js';

/** The demo account's password (reauthentication, password change, account deletion). */
export const MOCK_PASSWORD = 'DialNexa#2026';

/**
 * The TOTP key used when the store starts with `twoFactorEnabled: true`. Add it to an
 * authenticator app (or compute codes with `totp(MOCK_TOTP_SECRET)`) to pass the 2FA steps.
 */
export const MOCK_TOTP_SECRET = base32Encode(new TextEncoder().encode('DialNexaDemoSecret20'));

export const MOCK_USER = {
  id: 'usr_7f3a9c2e',
  displayName: 'Amira Haddad',
  email: 'amira@northwind-calls.example',
  phone: '+49 30 901820 44',
  timezone: 'Europe/Berlin',
  language: 'en',
  company: 'Northwind Calls',
  bio: 'Head of customer operations at Northwind Calls. I look after our inbound support agents and the outbound renewal campaigns.',
  role: 'owner' as Role,
};

/** Addresses that belong to other accounts: an email change to one answers 409 `email-taken`. */
export const TAKEN_EMAILS: readonly string[] = [
  'taken@northwind-calls.example',
  'jonas@northwind-calls.example',
  'support@northwind-calls.example',
];

/** A tiny "breached passwords" list (the real service asks a k-anonymity API). Compared case-insensitively. */
export const BREACHED_PASSWORDS: readonly string[] = [
  'Password1!',
  'Passw0rd!',
  'P@ssw0rd1',
  'Welcome1!',
  'Qwerty123!',
  'Letmein1!',
  'Admin123!',
  'Summer2024!',
  'Iloveyou1!',
  '12345678!a',
  'passwordpassword',
  'correcthorsebatterystaple',
  'qwertyuiopasdfgh',
];

// ——— PRNG ———

export interface Random {
  /** [0, 1) */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: tiny, fast, good enough for fake data. */
export function createRandom(seed: number): Random {
  let a = seed >>> 0 || 0x9e3779b9;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      return items[int(items.length)] as T;
    },
  };
}

// ——— Devices and places ———

export interface DeviceTemplate {
  deviceType: DeviceType;
  browser: string;
  os: string;
}

export interface Place {
  location: string | null;
  /** Documentation address ranges (RFC 5737 / RFC 3849) so no real host is named. */
  ipPrefix: string;
  ipv6?: boolean;
}

export const DEVICES: readonly DeviceTemplate[] = [
  { deviceType: 'desktop', browser: 'Chrome 126', os: 'macOS 14.5' },
  { deviceType: 'mobile', browser: 'Safari 17.5', os: 'iOS 17.5' },
  { deviceType: 'desktop', browser: 'Firefox 127', os: 'Windows 11' },
  { deviceType: 'tablet', browser: 'Safari 17.5', os: 'iPadOS 17.5' },
  { deviceType: 'desktop', browser: 'Edge 126', os: 'Windows 10' },
  { deviceType: 'mobile', browser: 'Chrome 126', os: 'Android 14' },
  { deviceType: 'desktop', browser: 'Chrome 125', os: 'Ubuntu 24.04' },
  { deviceType: 'desktop', browser: 'Safari 17.5', os: 'macOS 14.5' },
  { deviceType: 'mobile', browser: 'Samsung Internet 25', os: 'Android 14' },
  { deviceType: 'tablet', browser: 'Chrome 126', os: 'Android 13' },
];

/** Devices seen only in failed attempts (scripts, unknown clients). */
export const SUSPICIOUS_DEVICES: readonly DeviceTemplate[] = [
  { deviceType: 'unknown', browser: 'python-requests 2.31', os: 'Unknown' },
  { deviceType: 'desktop', browser: 'Chrome 109', os: 'Windows 7' },
  { deviceType: 'unknown', browser: 'curl 8.5', os: 'Linux' },
];

export const PLACES: readonly Place[] = [
  { location: 'Berlin, Germany', ipPrefix: '203.0.113.' },
  { location: 'Berlin, Germany', ipPrefix: '198.51.100.' },
  { location: 'Hamburg, Germany', ipPrefix: '192.0.2.' },
  { location: 'Lisbon, Portugal', ipPrefix: '203.0.113.' },
  { location: 'Dubai, United Arab Emirates', ipPrefix: '2001:db8:4a1f::', ipv6: true },
  { location: 'Amsterdam, Netherlands', ipPrefix: '198.51.100.' },
  { location: 'London, United Kingdom', ipPrefix: '192.0.2.' },
  { location: 'Munich, Germany', ipPrefix: '203.0.113.' },
  { location: null, ipPrefix: '198.51.100.' },
];

export const SUSPICIOUS_PLACES: readonly Place[] = [
  { location: 'São Paulo, Brazil', ipPrefix: '192.0.2.' },
  { location: 'Singapore', ipPrefix: '2001:db8:9c2::', ipv6: true },
  { location: null, ipPrefix: '203.0.113.' },
];

export function ipFor(place: Place, random: Random): string {
  return place.ipv6 ? `${place.ipPrefix}${(random.int(0xfffe) + 1).toString(16)}` : `${place.ipPrefix}${random.int(253) + 1}`;
}

// ——— Records the store keeps (times as epoch milliseconds) ———

export interface SessionRecord {
  id: string;
  deviceType: DeviceType;
  browser: string;
  os: string;
  ip: string;
  location: string | null;
  createdAt: number;
  lastActiveAt: number;
  current: boolean;
}

export interface LoginAttemptRecord {
  /** Rises with time; the cursor remembers the last one returned. */
  seq: number;
  at: number;
  success: boolean;
  failureReason: string | null;
  device: DeviceTemplate;
  ip: string;
  location: string | null;
}

export interface TrustedDeviceRecord {
  id: string;
  deviceType: DeviceType;
  browser: string;
  os: string;
  ip: string;
  location: string | null;
  trustedAt: number;
  lastUsedAt: number;
  expiresAt: number;
  current: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The session this browser is in. */
export const CURRENT_DEVICE: DeviceTemplate & { ip: string; location: string } = {
  deviceType: 'desktop',
  browser: 'Chrome 126',
  os: 'macOS 14.5',
  ip: '203.0.113.24',
  location: 'Berlin, Germany',
};

/** How long ago the current session signed in: long enough that sensitive actions ask to confirm it's you. */
export const CURRENT_SESSION_AGE_MS = 3 * DAY + 2 * HOUR;

const HANDPICKED_SESSIONS: readonly Omit<SessionRecord, 'id' | 'current'>[] = [
  { deviceType: 'mobile', browser: 'Safari 17.5', os: 'iOS 17.5', ip: '198.51.100.77', location: 'Berlin, Germany', createdAt: -12 * DAY, lastActiveAt: -2 * HOUR },
  { deviceType: 'desktop', browser: 'Firefox 127', os: 'Windows 11', ip: '192.0.2.146', location: 'Hamburg, Germany', createdAt: -20 * DAY, lastActiveAt: -26 * HOUR },
  { deviceType: 'tablet', browser: 'Safari 17.5', os: 'iPadOS 17.5', ip: '203.0.113.201', location: 'Lisbon, Portugal', createdAt: -31 * DAY, lastActiveAt: -4 * DAY },
  { deviceType: 'desktop', browser: 'Edge 126', os: 'Windows 10', ip: '2001:db8:4a1f::1c', location: 'Dubai, United Arab Emirates', createdAt: -44 * DAY, lastActiveAt: -9 * DAY },
  { deviceType: 'mobile', browser: 'Chrome 126', os: 'Android 14', ip: '198.51.100.9', location: null, createdAt: -58 * DAY, lastActiveAt: -16 * DAY - 3 * HOUR },
];

function sessionId(n: number): string {
  return `ses_${n.toString(36).padStart(5, '0')}`;
}

/** `count` sessions, the current one first, the rest most recently active first. */
export function seedSessions(count: number, now: number, random: Random): SessionRecord[] {
  const out: SessionRecord[] = [];
  if (count <= 0) return out;
  out.push({ id: sessionId(1), ...CURRENT_DEVICE, createdAt: now - CURRENT_SESSION_AGE_MS, lastActiveAt: now, current: true });
  let lastActive = now - 16 * DAY;
  for (let i = 1; i < count; i++) {
    const hand = HANDPICKED_SESSIONS[i - 1];
    if (hand) {
      out.push({ ...hand, id: sessionId(i + 1), createdAt: now + hand.createdAt, lastActiveAt: now + hand.lastActiveAt, current: false });
      continue;
    }
    const device = random.pick(DEVICES);
    const place = random.pick(PLACES);
    lastActive -= random.int(18 * HOUR) + 5 * MINUTE;
    out.push({
      id: sessionId(i + 1),
      deviceType: device.deviceType,
      browser: device.browser,
      os: device.os,
      ip: ipFor(place, random),
      location: place.location,
      createdAt: lastActive - random.int(60 * DAY) - HOUR,
      lastActiveAt: lastActive,
      current: false,
    });
  }
  return out;
}

/** Sessions with hostile text in every server-provided field (`hostile: true`). */
export function hostileSession(id: string, now: number): SessionRecord {
  return {
    id,
    deviceType: 'unknown',
    browser: '<img src=x onerror="alert(1)"> Chrome',
    os: '<script>alert("os")</script> ‮Windows‬ '.repeat(3) + 'x'.repeat(300),
    ip: '203.0.113.66',
    location: 'القاهرة، مصر 🇪🇬 — "><svg onload=alert(1)>',
    createdAt: now - 2 * DAY,
    lastActiveAt: now - 5 * HOUR,
    current: false,
  };
}

const BURST = ['wrong-password', 'wrong-password', 'wrong-password', 'wrong-password', 'wrong-password', 'blocked', 'blocked'];

/**
 * `count` login attempts, newest first, spread over about half a year: mostly successes,
 * about one in eight failed (wrong password, wrong 2FA code, blocked), plus a burst of
 * failures from an unfamiliar place a few days ago. Rows are made on first access, so
 * a history of 50,000 costs nothing until someone pages through it; `seq` runs from
 * `count` (newest) down to 1.
 */
export class LoginAttemptSeries {
  readonly count: number;
  readonly #rows: LoginAttemptRecord[] = [];
  readonly #random: Random;
  readonly #meanGap: number;
  #at: number;

  constructor(count: number, now: number, seed: number) {
    this.count = Math.max(0, Math.floor(count));
    this.#random = createRandom(seed);
    this.#meanGap = (180 * DAY) / Math.max(1, this.count);
    this.#at = now - CURRENT_SESSION_AGE_MS;
  }

  /** The attempt at `index` (0 = newest), or undefined past the end. */
  at(index: number): LoginAttemptRecord | undefined {
    if (index < 0 || index >= this.count) return undefined;
    while (this.#rows.length <= index) this.#rows.push(this.#next(this.#rows.length));
    return this.#rows[index];
  }

  /** Every attempt (materialises them all). */
  all(): LoginAttemptRecord[] {
    this.at(this.count - 1);
    return this.#rows.slice();
  }

  #next(i: number): LoginAttemptRecord {
    const random = this.#random;
    const seq = this.count - i;
    if (i === 0) {
      return { seq, at: this.#at, success: true, failureReason: null, device: CURRENT_DEVICE, ip: CURRENT_DEVICE.ip, location: CURRENT_DEVICE.location };
    }
    const burstIndex = i - Math.min(3, this.count - 1);
    if (burstIndex >= 0 && burstIndex < BURST.length) {
      // Newest first: the burst reads "blocked, blocked, wrong-password ×5" going down the list.
      this.#at -= 40_000 + random.int(50_000);
      const place = SUSPICIOUS_PLACES[0] as Place;
      return {
        seq,
        at: this.#at,
        success: false,
        failureReason: BURST[BURST.length - 1 - burstIndex] ?? 'wrong-password',
        device: SUSPICIOUS_DEVICES[0] as DeviceTemplate,
        ip: `${place.ipPrefix}77`,
        location: place.location,
      };
    }
    this.#at -= Math.max(1000, Math.round(this.#meanGap * (0.2 + random.next() * 1.6)));
    if (random.next() < 0.125) {
      const reasonRoll = random.next();
      const reason = reasonRoll < 0.7 ? 'wrong-password' : reasonRoll < 0.9 ? 'wrong-2fa-code' : 'blocked';
      const unfamiliar = reason === 'blocked' || random.next() < 0.3;
      const place = unfamiliar ? random.pick(SUSPICIOUS_PLACES) : random.pick(PLACES);
      const device = unfamiliar ? random.pick(SUSPICIOUS_DEVICES) : random.pick(DEVICES);
      return { seq, at: this.#at, success: false, failureReason: reason, device, ip: ipFor(place, random), location: place.location };
    }
    const place = random.pick(PLACES);
    return { seq, at: this.#at, success: true, failureReason: null, device: random.pick(DEVICES), ip: ipFor(place, random), location: place.location };
  }
}

export function seedTrustedDevices(count: number, now: number, random: Random, trustDays: number): TrustedDeviceRecord[] {
  const out: TrustedDeviceRecord[] = [];
  const span = trustDays * DAY;
  for (let i = 0; i < count; i++) {
    const id = `tdv_${(i + 1).toString(36).padStart(4, '0')}`;
    if (i === 0) {
      const trustedAt = now - 10 * DAY;
      out.push({ id, ...CURRENT_DEVICE, trustedAt, lastUsedAt: now - CURRENT_SESSION_AGE_MS, expiresAt: trustedAt + span, current: true });
    } else if (i === 1) {
      const trustedAt = now - 22 * DAY;
      out.push({ id, deviceType: 'mobile', browser: 'Safari 17.5', os: 'iOS 17.5', ip: '198.51.100.77', location: 'Berlin, Germany', trustedAt, lastUsedAt: now - 5 * DAY, expiresAt: trustedAt + span, current: false });
    } else {
      const device = random.pick(DEVICES);
      const place = random.pick(PLACES);
      const trustedAt = now - random.int(span - HOUR) - HOUR;
      out.push({
        id,
        ...device,
        ip: ipFor(place, random),
        location: place.location,
        trustedAt,
        lastUsedAt: trustedAt + random.int(now - trustedAt),
        expiresAt: trustedAt + span,
        current: false,
      });
    }
  }
  return out;
}

// ——— Notifications (both product documents) ———

type Catalog = Omit<NotificationPreferences, 'values'>;

const SECURITY_LOCK = 'Security alerts are always sent by email and in-app.';

export const NOTIFICATION_CATALOG: Catalog = {
  channels: [
    { id: 'email', label: 'Email' },
    { id: 'in-app', label: 'In-app' },
  ],
  groups: [
    { id: 'calls', label: 'Calls & campaigns' },
    { id: 'wallet', label: 'Wallet & billing' },
    { id: 'workspace', label: 'Workspace' },
    { id: 'platform', label: 'Platform' },
    { id: 'security', label: 'Security' },
    { id: 'marketing', label: 'Product & marketing' },
  ],
  types: [
    { id: 'call-alerts', groupId: 'calls', label: 'Call alerts', description: 'Get notified about new calls', defaults: { email: false, 'in-app': true }, locked: {} },
    { id: 'campaign-updates', groupId: 'calls', label: 'Campaign updates', description: 'Progress updates on running campaigns', defaults: { email: true, 'in-app': true }, locked: {} },
    { id: 'campaign-completed', groupId: 'calls', label: 'Call campaign completed', description: 'A batch campaign finishes', defaults: { email: true, 'in-app': true }, locked: {} },
    { id: 'agent-error-rate', groupId: 'calls', label: 'Agent error rate alert', description: 'More than 10% of calls fail in an hour', defaults: { email: true, 'in-app': true }, locked: {} },
    { id: 'low-wallet-balance', groupId: 'wallet', label: 'Low wallet balance', description: 'Wallet balance drops below your threshold', defaults: { email: true, 'in-app': true }, locked: {} },
    { id: 'auto-recharge', groupId: 'wallet', label: 'Auto-recharge triggered', description: 'Automatic wallet top-up occurs', defaults: { email: true, 'in-app': true }, locked: {} },
    { id: 'billing-notifications', groupId: 'wallet', label: 'Billing notifications', description: 'Payment confirmations and usage warnings', defaults: { email: true, 'in-app': true }, locked: {} },
    { id: 'monthly-usage-summary', groupId: 'wallet', label: 'Monthly usage summary', description: 'Summary of previous month’s usage', defaults: { email: true, 'in-app': true }, locked: {} },
    { id: 'team-member-joined', groupId: 'workspace', label: 'New team member joined', description: 'Someone accepts a workspace invitation', defaults: { email: false, 'in-app': true }, locked: {} },
    { id: 'integration-alerts', groupId: 'workspace', label: 'Integration alerts', description: 'Sync failures and connection issues', defaults: { email: true, 'in-app': true }, locked: {} },
    { id: 'platform-status', groupId: 'platform', label: 'Platform status updates', description: 'Scheduled maintenance or incidents', defaults: { email: true, 'in-app': true }, locked: {} },
    {
      id: 'security-alerts',
      groupId: 'security',
      label: 'Security alerts',
      description: 'New login from an unrecognized device',
      defaults: { email: true, 'in-app': true },
      locked: { email: SECURITY_LOCK, 'in-app': SECURITY_LOCK },
    },
    { id: 'product-updates', groupId: 'marketing', label: 'Product updates', description: 'New features and improvements', defaults: { email: true, 'in-app': true }, locked: {} },
    { id: 'marketing-emails', groupId: 'marketing', label: 'Marketing emails', description: 'Tips, best practices, and offers', defaults: { email: false, 'in-app': false }, locked: {} },
  ],
};

export function defaultNotificationValues(catalog: Catalog = NOTIFICATION_CATALOG): Record<string, Record<string, boolean>> {
  const values: Record<string, Record<string, boolean>> = {};
  for (const type of catalog.types) {
    const row: Record<string, boolean> = {};
    for (const channel of catalog.channels) row[channel.id] = type.defaults[channel.id] ?? false;
    values[type.id] = row;
  }
  return values;
}

// ——— Workspaces, deletion impact, connected accounts, billing ———

/** Owned with other members: blocks account deletion. */
export const OWNED_WORKSPACE_WITH_MEMBERS: Workspace = { id: 'wsp_northwind', name: 'Northwind Calls', memberCount: 8, role: 'owner' };

export function seedWorkspaces(ownsWorkspaceWithMembers: boolean): Workspace[] {
  return [
    ownsWorkspaceWithMembers ? { ...OWNED_WORKSPACE_WITH_MEMBERS } : { ...OWNED_WORKSPACE_WITH_MEMBERS, role: 'admin' },
    { id: 'wsp_sandbox', name: 'Amira’s sandbox', memberCount: 1, role: 'owner' },
    { id: 'wsp_fjord', name: 'Fjord Dialers (partner)', memberCount: 14, role: 'member' },
  ];
}

export const DELETION_IMPACT = {
  agents: 12,
  phoneNumbers: 5,
  recordings: 18_432,
  transcripts: 17_961,
  walletBalance: { amount: 248.5, currency: 'USD' },
};

export const PROVIDERS = [
  { provider: 'google', name: 'Google' },
  { provider: 'microsoft', name: 'Microsoft' },
  { provider: 'github', name: 'GitHub' },
] as const;

export const TIME = { MINUTE, HOUR, DAY };
