import { expect } from '@open-wc/testing';
import type { AccountSettings } from '../../src/api/context.js';
import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatList,
  formatMoney,
  formatNumber,
  formatRelative,
  formatTime,
  parseDate,
} from '../../src/i18n/format.js';

/** Friday 5 April 2024, 20:30 UTC: Saturday morning in Auckland, Friday afternoon in Los Angeles. */
const instant = new Date('2024-04-05T20:30:00Z');

function settings(overrides: Partial<AccountSettings> = {}): AccountSettings {
  return {
    locale: 'en',
    dir: 'ltr',
    theme: 'light',
    density: 'comfortable',
    timeZone: 'UTC',
    dateFormat: 'auto',
    timeFormat: 'auto',
    ...overrides,
  };
}

/** ICU separates times and units with narrow or no-break spaces; compare with plain ones. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

const RLM = '\u200f';
const arabicIndicDigit = /[\u0660-\u0669]/;

describe('formatDate', () => {
  it('shows the calendar day of the user’s time zone', () => {
    const iso = { dateFormat: 'YYYY-MM-DD' } as const;
    expect(formatDate(instant, settings({ ...iso, timeZone: 'Pacific/Auckland' }))).to.equal('2024-04-06');
    expect(formatDate(instant, settings({ ...iso, timeZone: 'America/Los_Angeles' }))).to.equal('2024-04-05');
    expect(formatDate(instant, settings({ timeZone: 'Pacific/Auckland' }))).to.equal('Apr 6, 2024');
    expect(formatDate(instant, settings({ timeZone: 'America/Los_Angeles' }))).to.equal('Apr 5, 2024');
  });

  it('uses the locale’s medium date for auto', () => {
    expect(formatDate(instant, settings())).to.equal('Apr 5, 2024');
    expect(formatDate(instant, settings({ locale: 'de' }))).to.equal('05.04.2024');
    expect(formatDate(instant, settings({ locale: 'es' }))).to.equal('5 abr 2024');
  });

  it('builds each explicit pattern', () => {
    expect(formatDate(instant, settings({ dateFormat: 'DD/MM/YYYY' }))).to.equal('05/04/2024');
    expect(formatDate(instant, settings({ dateFormat: 'MM/DD/YYYY' }))).to.equal('04/05/2024');
    expect(formatDate(instant, settings({ dateFormat: 'YYYY-MM-DD' }))).to.equal('2024-04-05');
    expect(formatDate(instant, settings({ dateFormat: 'D MMM YYYY' }))).to.equal('5 Apr 2024');
  });

  it('takes month names from the locale in D MMM YYYY', () => {
    expect(formatDate(instant, settings({ locale: 'de', dateFormat: 'D MMM YYYY' }))).to.equal('5 Apr. 2024');
    expect(formatDate(instant, settings({ locale: 'es', dateFormat: 'D MMM YYYY' }))).to.equal('5 abr 2024');
    expect(formatDate(instant, settings({ locale: 'ar', dateFormat: 'D MMM YYYY' }))).to.equal('5 أبريل 2024');
  });

  it('keeps the locale’s digits in Arabic, for auto and explicit patterns', () => {
    const auto = formatDate(instant, settings({ locale: 'ar-EG' }));
    expect(auto).to.match(arabicIndicDigit);
    expect(auto).not.to.match(/[0-9]/);
    expect(formatDate(instant, settings({ locale: 'ar-EG', dateFormat: 'DD/MM/YYYY' }))).to.equal(`٠٥${RLM}/٠٤${RLM}/٢٠٢٤`);
    expect(formatDate(instant, settings({ locale: 'ar-EG', dateFormat: 'D MMM YYYY' }))).to.equal('٥ أبريل ٢٠٢٤');
  });

  it('keeps right-to-left fields in order with the locale’s bidi mark', () => {
    expect(formatDate(instant, settings({ locale: 'ar', dateFormat: 'YYYY-MM-DD' }))).to.equal(`2024${RLM}-04${RLM}-05`);
    expect(formatDate(instant, settings({ locale: 'ar', dateFormat: 'MM/DD/YYYY' }))).to.equal(`04${RLM}/05${RLM}/2024`);
  });

  it('writes explicit patterns in Gregorian years even where the locale’s calendar differs', () => {
    expect(formatDate(instant, settings({ locale: 'fa', dateFormat: 'YYYY-MM-DD' }))).to.equal('۲۰۲۴-۰۴-۰۵');
  });

  it('accepts ISO strings and epoch milliseconds', () => {
    expect(formatDate('2024-04-05T20:30:00Z', settings({ dateFormat: 'YYYY-MM-DD' }))).to.equal('2024-04-05');
    expect(formatDate(instant.getTime(), settings({ dateFormat: 'YYYY-MM-DD' }))).to.equal('2024-04-05');
  });
});

describe('formatTime', () => {
  it('follows the locale for auto', () => {
    expect(plain(formatTime(instant, settings()))).to.equal('8:30 PM');
    expect(formatTime(instant, settings({ locale: 'de' }))).to.equal('20:30');
  });

  it('forces a 12 or 24 hour clock', () => {
    expect(formatTime(instant, settings({ timeFormat: '24h' }))).to.equal('20:30');
    expect(plain(formatTime(instant, settings({ locale: 'de', timeFormat: '12h' })))).to.match(/^0?8:30 PM$/);
    expect(plain(formatTime(instant, settings({ locale: 'es', timeFormat: '12h' })))).to.match(/^8:30 p\. ?m\.$/);
  });

  it('writes midnight as 00, not 24, on a 24 hour clock', () => {
    expect(formatTime('2024-04-05T00:05:00Z', settings({ timeFormat: '24h' }))).to.equal('00:05');
    expect(plain(formatTime('2024-04-05T00:05:00Z', settings({ timeFormat: '12h' })))).to.equal('12:05 AM');
  });

  it('uses the user’s time zone', () => {
    expect(formatTime(instant, settings({ timeZone: 'Pacific/Auckland', timeFormat: '24h' }))).to.equal('09:30');
    expect(formatTime(instant, settings({ timeZone: 'America/Los_Angeles', timeFormat: '24h' }))).to.equal('13:30');
  });
});

describe('formatDateTime', () => {
  it('combines the auto date with the chosen clock', () => {
    expect(plain(formatDateTime(instant, settings()))).to.equal('Apr 5, 2024, 8:30 PM');
    expect(formatDateTime(instant, settings({ timeFormat: '24h' }))).to.equal('Apr 5, 2024, 20:30');
    expect(formatDateTime(instant, settings({ locale: 'de' }))).to.equal('05.04.2024, 20:30');
  });

  it('combines an explicit date with the time as formatDate and formatTime would', () => {
    const s = settings({ dateFormat: 'DD/MM/YYYY', timeFormat: '24h', timeZone: 'Pacific/Auckland' });
    expect(formatDateTime(instant, s)).to.equal('06/04/2024, 09:30');
    expect(formatDateTime(instant, s)).to.equal(`${formatDate(instant, s)}, ${formatTime(instant, s)}`);
  });

  it('joins date and time the locale’s way', () => {
    const s = settings({ locale: 'ar-EG', dateFormat: 'YYYY-MM-DD' });
    const text = formatDateTime(instant, s);
    expect(text).to.equal(`${formatDate(instant, s)}، ${formatTime(instant, s)}`);
    expect(text).not.to.match(/[0-9]/);
  });
});

describe('formatRelative', () => {
  const now = instant.getTime();
  const at = (seconds: number) => now + seconds * 1000;
  const second = 1;
  const minute = 60;
  const hour = 60 * minute;
  const day = 24 * hour;

  it('picks the unit that fits, from seconds to years', () => {
    const en = settings();
    expect(formatRelative(now, en, now)).to.equal('now');
    expect(formatRelative(at(-30 * second), en, now)).to.equal('30 seconds ago');
    expect(formatRelative(at(-5 * minute), en, now)).to.equal('5 minutes ago');
    expect(formatRelative(at(-59.7 * minute), en, now)).to.equal('1 hour ago');
    expect(formatRelative(at(2 * hour), en, now)).to.equal('in 2 hours');
    expect(formatRelative(at(-1 * day), en, now)).to.equal('yesterday');
    expect(formatRelative(at(-3 * day), en, now)).to.equal('3 days ago');
    expect(formatRelative(at(-14 * day), en, now)).to.equal('2 weeks ago');
    expect(formatRelative(at(-60 * day), en, now)).to.equal('2 months ago');
    expect(formatRelative(at(400 * day), en, now)).to.equal('next year');
    expect(formatRelative(at(-800 * day), en, now)).to.equal('2 years ago');
  });

  it('accepts dates and ISO strings for both ends', () => {
    expect(formatRelative(new Date(at(-90 * second)), settings(), new Date(now))).to.equal('2 minutes ago');
    expect(formatRelative('2024-04-05T20:00:00Z', settings(), '2024-04-05T20:30:00Z')).to.equal('30 minutes ago');
  });

  it('speaks German, Spanish and Arabic', () => {
    expect(formatRelative(at(-3 * minute), settings({ locale: 'de' }), now)).to.equal('vor 3 Minuten');
    expect(formatRelative(at(-3 * minute), settings({ locale: 'es' }), now)).to.equal('hace 3 minutos');
    expect(formatRelative(at(-1 * day), settings({ locale: 'de' }), now)).to.equal('gestern');
    const arabic = formatRelative(at(-3 * minute), settings({ locale: 'ar-EG' }), now);
    expect(arabic).to.contain('قبل');
    expect(arabic).to.contain('٣');
  });

  it('defaults now to the current time', () => {
    expect(formatRelative(Date.now() - 10 * 60 * 1000, settings())).to.equal('10 minutes ago');
  });
});

describe('formatNumber, formatList, formatMoney, formatBytes', () => {
  it('formats numbers in the locale', () => {
    expect(formatNumber(1234.5, settings())).to.equal('1,234.5');
    expect(formatNumber(1234.5, settings({ locale: 'de' }))).to.equal('1.234,5');
    expect(formatNumber(0.42, settings({ locale: 'es' }), { style: 'percent' })).to.equal('42 %'.replace(' ', '\u00a0'));
    expect(formatNumber(1234, settings({ locale: 'ar-EG' }))).to.equal('١٬٢٣٤');
    expect(formatNumber(Number.NaN, settings())).to.equal('');
  });

  it('joins lists in the locale’s words', () => {
    expect(formatList(['Email', 'SMS', 'In-app'], settings())).to.equal('Email, SMS, and In-app');
    expect(formatList(['E-Mail', 'SMS', 'In-App'], settings({ locale: 'de' }))).to.equal('E-Mail, SMS und In-App');
    expect(formatList(['Google', 'GitHub'], settings({ locale: 'es' }), 'disjunction')).to.equal('Google o GitHub');
    expect(formatList(['أ', 'ب'], settings({ locale: 'ar' }))).to.equal('أ وب');
    expect(formatList([], settings())).to.equal('');
  });

  it('formats money in major units', () => {
    expect(formatMoney({ amount: 12.5, currency: 'EUR' }, settings())).to.equal('€12.50');
    expect(plain(formatMoney({ amount: 1234.5, currency: 'EUR' }, settings({ locale: 'de' })))).to.equal('1.234,50 €');
    expect(plain(formatMoney({ amount: 9, currency: 'USD' }, settings({ locale: 'es' })))).to.equal('9,00 US$');
    expect(formatMoney({ amount: 0, currency: 'JPY' }, settings())).to.equal('¥0');
  });

  it('falls back to number and code for a currency Intl rejects', () => {
    expect(formatMoney({ amount: 12.5, currency: '€€€' }, settings())).to.equal('12.5 €€€');
    expect(formatMoney({ amount: Number.NaN, currency: 'EUR' }, settings())).to.equal('');
  });

  it('formats file sizes in binary units', () => {
    expect(plain(formatBytes(2 * 1024 * 1024, settings()))).to.equal('2 MB');
    expect(plain(formatBytes(1536, settings()))).to.equal('1.5 kB');
    expect(plain(formatBytes(512, settings()))).to.equal('512 bytes');
    expect(plain(formatBytes(0, settings()))).to.equal('0 bytes');
    expect(plain(formatBytes(5.25 * 1024 ** 3, settings({ locale: 'de' })))).to.equal('5,3 GB');
    expect(formatBytes(2 * 1024 * 1024, settings({ locale: 'ar-EG' }))).to.match(arabicIndicDigit);
    expect(formatBytes(-1, settings())).to.equal('');
    expect(formatBytes(Number.NaN, settings())).to.equal('');
  });
});

describe('bad input', () => {
  const all = settings({ dateFormat: 'D MMM YYYY', timeFormat: '24h' });
  const invalid: unknown[] = ['not a date', '', Number.NaN, new Date(Number.NaN), '2024-13-45'];

  it('gives an empty string for invalid dates, never "Invalid Date" and never a throw', () => {
    for (const input of invalid as (string | number | Date)[]) {
      expect(formatDate(input, all), String(input)).to.equal('');
      expect(formatDate(input, settings()), String(input)).to.equal('');
      expect(formatTime(input, all), String(input)).to.equal('');
      expect(formatDateTime(input, all), String(input)).to.equal('');
      expect(formatRelative(input, all), String(input)).to.equal('');
      expect(formatRelative(instant, all, input), String(input)).to.equal('');
    }
    expect(parseDate('nope')).to.equal(undefined);
  });

  it('survives an unknown time zone and an unknown locale', () => {
    expect(formatDate(instant, settings({ timeZone: 'Mars/Olympus_Mons' }))).to.match(/2024/);
    expect(formatTime(instant, settings({ timeZone: 'Mars/Olympus_Mons' }))).not.to.equal('');
    expect(formatDate(instant, settings({ locale: 'not a locale!', dateFormat: 'YYYY-MM-DD' }))).to.equal('2024-04-05');
    expect(formatRelative(instant, settings({ locale: '??' }), instant.getTime() - 60_000)).to.equal('in 1 minute');
    expect(formatNumber(1, settings({ locale: '' }))).to.equal('1');
  });
});
