/** A session's device, browser and system, read from its User-Agent (enough for a list the user recognises). */
import { isIP } from 'node:net';
import type { DeviceType } from '../../src/api/contract/common.js';

export interface DeviceInfo {
  deviceType: DeviceType;
  browser: string;
  os: string;
}

const BROWSERS: [RegExp, string][] = [
  [/Edg\/(\d+)/, 'Edge'],
  [/SamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/OPR\/(\d+)/, 'Opera'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/Chrome\/(\d+)/, 'Chrome'],
  [/Version\/(\d+(?:\.\d+)?).*Safari\//, 'Safari'],
  [/curl\/(\d+(?:\.\d+)?)/, 'curl'],
  [/node(?:-fetch)?\/?(\d*)/i, 'Node.js'],
];

const SYSTEMS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/iPad.*OS (\d+)[_.](\d+)/, (m) => `iPadOS ${m[1]}.${m[2]}`],
  [/iPhone OS (\d+)[_.](\d+)/, (m) => `iOS ${m[1]}.${m[2]}`],
  [/Android (\d+)/, (m) => `Android ${m[1]}`],
  [/Windows NT 10/, () => 'Windows'],
  [/Mac OS X (\d+)[_.](\d+)/, (m) => `macOS ${m[1]}.${m[2]}`],
  [/CrOS/, () => 'ChromeOS'],
  [/Linux/, () => 'Linux'],
];

export function describeUserAgent(ua: string | null | undefined): DeviceInfo {
  const text = ua ?? '';
  let browser = 'Unknown';
  for (const [re, name] of BROWSERS) {
    const m = text.match(re);
    if (m) {
      browser = m[1] ? `${name} ${m[1]}` : name;
      break;
    }
  }
  let os = 'Unknown';
  for (const [re, name] of SYSTEMS) {
    const m = text.match(re);
    if (m) {
      os = name(m);
      break;
    }
  }
  const deviceType: DeviceType = /iPad|Tablet/.test(text) ? 'tablet' : /Mobi|iPhone|Android/.test(text) ? 'mobile' : text && os !== 'Unknown' ? 'desktop' : 'unknown';
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
