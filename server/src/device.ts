/** A session's device, browser and system, read from its User-Agent (Bowser), and where a request came from. */
import { isIP } from 'node:net';
import Bowser from 'bowser';
import type { DeviceType } from '../../src/api/contract/common.js';

export interface DeviceInfo {
  deviceType: DeviceType;
  browser: string;
  os: string;
}

/** Names as a person knows them, where the parser's differ. */
const BROWSER_NAMES: Record<string, string> = { 'Microsoft Edge': 'Edge', 'Samsung Internet for Android': 'Samsung Internet', 'Opera Touch': 'Opera' };
const SYSTEM_NAMES: Record<string, string> = { 'Chrome OS': 'ChromeOS' };

/** Clients that are not browsers (scripts, tools): the parser knows none of them. */
const TOOLS: [RegExp, string][] = [
  [/curl\/(\d+(?:\.\d+)?)/, 'curl'],
  [/node(?:-fetch)?\/?(\d*)/i, 'Node.js'],
];

const major = (version: string | undefined): string => version?.split('.')[0] ?? '';
const majorMinor = (version: string | undefined): string => version?.split('.').slice(0, 2).join('.') ?? '';

/**
 * Browser, system and kind of device from a User-Agent, read by Bowser. Versions as a person
 * knows them: Safari and Apple's systems with their minor version, others with the major one.
 * Windows 10 and 11 send the same version (NT 10.0), so both read "Windows"; older ones carry
 * their name ("Windows 7"). An iPad reads "iPadOS", an Android tablet is a tablet.
 */
export function describeUserAgent(ua: string | null | undefined): DeviceInfo {
  const text = ua ?? '';
  const parsed = text ? Bowser.parse(text) : undefined;
  let browser = 'Unknown';
  const name = parsed?.browser.name;
  if (name) {
    const version = name === 'Safari' ? majorMinor(parsed.browser.version) : major(parsed.browser.version);
    browser = [BROWSER_NAMES[name] ?? name, version].filter(Boolean).join(' ');
  } else {
    for (const [re, tool] of TOOLS) {
      const m = text.match(re);
      if (m) {
        browser = m[1] ? `${tool} ${m[1]}` : tool;
        break;
      }
    }
  }
  const type = parsed?.platform.type;
  let os = 'Unknown';
  const system = parsed?.os.name;
  if (system === 'iOS') os = `${type === 'tablet' ? 'iPadOS' : 'iOS'} ${majorMinor(parsed?.os.version)}`.trim();
  else if (system === 'macOS') os = `macOS ${majorMinor(parsed?.os.version)}`.trim();
  else if (system === 'Android') os = `Android ${major(parsed?.os.version)}`.trim();
  else if (system === 'Windows') os = parsed?.os.versionName && parsed.os.versionName !== '10' ? `Windows ${parsed.os.versionName}` : 'Windows';
  else if (system) os = SYSTEM_NAMES[system] ?? system;
  const deviceType: DeviceType =
    type === 'tablet' ? 'tablet' : type === 'mobile' ? 'mobile' : type === 'desktop' || type === 'tv' ? 'desktop' : os !== 'Unknown' ? 'desktop' : 'unknown';
  return { deviceType, browser, os };
}

/**
 * The client's address, as `resolveClientAddress` left it in the request (Better Auth reads the
 * same header): everything that records or limits by address sees the same one.
 */
export function clientIp(headers: Headers): string {
  return headers.get('x-forwarded-for')?.trim() ?? '';
}

/** `TRUST_PROXY`: unset, empty, `0` or `false` → 0 (no proxy); a whole number → that many hops. */
export function parseTrustProxy(value: string | undefined): number {
  const text = value?.trim().toLowerCase() ?? '';
  if (text === '' || text === '0' || text === 'false') return 0;
  if (!/^\d{1,2}$/.test(text)) throw new Error(`TRUST_PROXY must be the number of proxies in front (0, 1, 2…), not "${value}"`);
  return Number(text);
}

/**
 * Where a request came from. With no proxy trusted (`hops` 0), the socket's address, and any
 * `X-Forwarded-For` the client sent is ignored (a client can write anything there). With `hops`
 * proxies in front, each appending the address it was reached from, the client is the `hops`-th
 * address from the right: the one the outermost of our proxies saw; what stands left of it was
 * written by the client. No header (a request that bypassed the proxy): the socket's address.
 * An entry that is not an IP address gives none ('').
 */
export function resolveClientAddress(headers: Headers, socketAddress: string | undefined, hops: number): string {
  const plain = (address: string): string => (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address);
  const socket = socketAddress ? plain(socketAddress) : '';
  const forwarded = hops > 0 ? headers.get('x-forwarded-for') : null;
  if (!forwarded) return socket;
  const chain = forwarded
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const picked = chain[Math.max(0, chain.length - hops)];
  return picked && isIP(plain(picked)) ? plain(picked) : '';
}

/** The value of the request's cookie `name`, if it sent one. */
export function requestCookie(headers: Headers, name: string): string | null {
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}
