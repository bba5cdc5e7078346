/** A session's device, browser and system, read from its User-Agent (enough for a list the user recognises). */
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

/** The client's address as the proxy in front reports it (Better Auth reads the same header). */
export function clientIp(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || '';
}

/** The value of the request's cookie `name`, if it sent one. */
export function requestCookie(headers: Headers, name: string): string | null {
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}
