/** The signed-in session, the session list, login activity and trusted devices. */
import type * as s from '../../src/api/schemas.js';
import { TRUSTED_DEVICE_DAYS } from '../../src/api/schemas.js';
import {
  CURRENT_DEVICE,
  TIME,
  createRandom,
  hostileSession,
  LoginAttemptSeries,
  seedSessions,
  seedTrustedDevices,
  type LoginAttemptRecord,
  type SessionRecord,
  type TrustedDeviceRecord,
} from '../seed.js';
import { iso, type ResolvedOptions, type StoreContext } from './context.js';
import { fieldProblem, MockProblem, notFound } from './problem.js';

const { HOUR, DAY } = TIME;

export interface SessionsState {
  signedIn: boolean;
  sessions: SessionRecord[];
  /** Attempts recorded since the seed (newest first), above the seeded history. */
  recentAttempts: LoginAttemptRecord[];
  seededAttempts: LoginAttemptSeries;
  trusted: TrustedDeviceRecord[];
  nextTrustedId: number;
}

/** What the mock knows about the browser that calls it (for a newly trusted device). */
export interface ClientInfo {
  userAgent?: string;
}

export function seedSessionsState(o: ResolvedOptions, now: number): SessionsState {
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
  return { signedIn: true, sessions, recentAttempts, seededAttempts, trusted, nextTrustedId: trusted.length + 1 };
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
  // Android phones say "Mobile"; Android tablets do not.
  const deviceType = /iPad|Tablet/.test(ua) || (/Android/.test(ua) && !/Mobi/.test(ua)) ? 'tablet' : /Mobi|iPhone|Android/.test(ua) ? 'mobile' : 'desktop';
  return { deviceType, browser: browser.trim(), os };
}

// ——— Signed in ———

export function expireSession(ctx: StoreContext): void {
  ctx.state.signedIn = false;
}

export function assertSignedIn(ctx: StoreContext): void {
  if (!ctx.state.signedIn) throw new MockProblem(401, 'unauthorized', 'Signed out', 'Your session has ended. Sign in again.');
}

// ——— Sessions ———

export function listSessions(ctx: StoreContext): s.SessionList {
  const items = [...ctx.state.sessions].sort((a, b) => Number(b.current) - Number(a.current) || b.lastActiveAt - a.lastActiveAt);
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

export function revokeSession(ctx: StoreContext, id: string): s.Revoked {
  const index = ctx.state.sessions.findIndex((x) => x.id === id);
  if (index < 0) throw notFound('This session');
  if (ctx.state.sessions[index]?.current) {
    throw new MockProblem(409, 'conflict', 'Current session', 'This is the session you are using. Sign out instead.');
  }
  ctx.state.sessions.splice(index, 1);
  return { revoked: 1 };
}

export function revokeOtherSessions(ctx: StoreContext): s.Revoked {
  const before = ctx.state.sessions.length;
  ctx.state.sessions = ctx.state.sessions.filter((x) => x.current);
  return { revoked: before - ctx.state.sessions.length };
}

// ——— Login activity ———

/** Attempt `index` (0 = newest) across recent and seeded ones. */
function attempt(ctx: StoreContext, index: number): LoginAttemptRecord | undefined {
  const recent = ctx.state.recentAttempts;
  return index < recent.length ? recent[index] : ctx.state.seededAttempts.at(index - recent.length);
}

export function attemptCount(ctx: StoreContext): number {
  return ctx.state.recentAttempts.length + ctx.state.seededAttempts.count;
}

/** Adds a sign-in attempt from this browser at the top of the history. */
export function recordAttempt(ctx: StoreContext, success: boolean, failureReason: string | null, device: Pick<s.Session, 'deviceType' | 'browser' | 'os'>): void {
  ctx.state.recentAttempts.unshift({
    seq: attemptCount(ctx) + 1,
    at: ctx.now(),
    success,
    failureReason,
    device,
    ip: CURRENT_DEVICE.ip,
    location: CURRENT_DEVICE.location,
  });
}

export function listLoginActivity(ctx: StoreContext, query: s.LoginActivityQuery = {}): s.LoginActivityPage {
  const limit = query.limit ?? 50;
  const failedOnly = query.status === 'failed';
  const total = attemptCount(ctx);
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
    const a = attempt(ctx, i) as LoginAttemptRecord;
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
    if (!failedOnly || !attempt(ctx, j)?.success) {
      more = true;
      break;
    }
  }
  return { items, nextCursor: more && last ? encodeCursor(last.seq) : null };
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

// ——— Trusted devices ———

function trustedOut(x: TrustedDeviceRecord): s.TrustedDevice {
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

/** Trusts this browser (after a passed sign-in challenge): it becomes the current trusted device. */
export function trustCurrentDevice(ctx: StoreContext, device: Pick<s.Session, 'deviceType' | 'browser' | 'os'>, now: number): s.TrustedDevice {
  for (const d of ctx.state.trusted) d.current = false;
  const record: TrustedDeviceRecord = {
    id: `tdv_${(ctx.state.nextTrustedId++).toString(36).padStart(4, '0')}`,
    ...device,
    ip: CURRENT_DEVICE.ip,
    location: CURRENT_DEVICE.location,
    trustedAt: now,
    lastUsedAt: now,
    expiresAt: now + TRUSTED_DEVICE_DAYS * DAY,
    current: true,
  };
  ctx.state.trusted.unshift(record);
  return trustedOut(record);
}

export function listTrustedDevices(ctx: StoreContext): s.TrustedDeviceList {
  const now = ctx.now();
  ctx.state.trusted = ctx.state.trusted.filter((x) => x.expiresAt > now);
  const items = [...ctx.state.trusted].sort((a, b) => Number(b.current) - Number(a.current) || b.lastUsedAt - a.lastUsedAt);
  return { items: items.map((x) => trustedOut(x)) };
}

export function revokeTrustedDevice(ctx: StoreContext, id: string): s.Revoked {
  const index = ctx.state.trusted.findIndex((x) => x.id === id && x.expiresAt > ctx.now());
  if (index < 0) throw notFound('This trusted device');
  ctx.state.trusted.splice(index, 1);
  return { revoked: 1 };
}

export function revokeAllTrustedDevices(ctx: StoreContext): s.Revoked {
  const now = ctx.now();
  const revoked = ctx.state.trusted.filter((x) => x.expiresAt > now).length;
  ctx.state.trusted = [];
  return { revoked };
}
