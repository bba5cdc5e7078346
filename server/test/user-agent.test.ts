import { describe, expect, it } from 'vitest';
import { describeUserAgent } from '../src/device.js';

const cases: [string, string, { deviceType: string; browser: string; os: string }][] = [
  [
    'Chrome on a Mac (macOS sends a frozen version)',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    { deviceType: 'desktop', browser: 'Chrome 131', os: 'macOS 10.15' },
  ],
  [
    'Edge on Windows 10 or 11 (the same NT 10.0)',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
    { deviceType: 'desktop', browser: 'Edge 126', os: 'Windows' },
  ],
  [
    'Chrome on Windows 7',
    'Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36',
    { deviceType: 'desktop', browser: 'Chrome 109', os: 'Windows 7' },
  ],
  [
    'Safari on an iPad',
    'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    { deviceType: 'tablet', browser: 'Safari 17.5', os: 'iPadOS 17.5' },
  ],
  [
    'Safari on an iPhone',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
    { deviceType: 'mobile', browser: 'Safari 17.4', os: 'iOS 17.4' },
  ],
  [
    'Chrome on an Android phone',
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
    { deviceType: 'mobile', browser: 'Chrome 126', os: 'Android 14' },
  ],
  [
    'Chrome on an Android tablet (no "Mobile")',
    'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
    { deviceType: 'tablet', browser: 'Chrome 126', os: 'Android 14' },
  ],
  [
    'Firefox on Linux',
    'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0',
    { deviceType: 'desktop', browser: 'Firefox 127', os: 'Linux' },
  ],
  [
    'Chrome on a Chromebook',
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
    { deviceType: 'desktop', browser: 'Chrome 126', os: 'ChromeOS' },
  ],
  ['curl', 'curl/8.5.0', { deviceType: 'unknown', browser: 'curl 8.5', os: 'Unknown' }],
  ['no User-Agent', '', { deviceType: 'unknown', browser: 'Unknown', os: 'Unknown' }],
];

describe('describeUserAgent', () => {
  it.each(cases)('%s', (_, ua, expected) => {
    expect(describeUserAgent(ua)).toEqual(expected);
  });

  it('reads hostile text as nothing it knows', () => {
    expect(describeUserAgent('<script>alert(1)</script>')).toEqual({ deviceType: 'unknown', browser: 'Unknown', os: 'Unknown' });
  });
});
