import type { AccountSettings } from '../api/context.js';

/*
 * Dates, times, numbers, lists, money and sizes through Intl, in the user's
 * locale, time zone and chosen formats. Nothing here throws on bad input: an
 * invalid date gives '', an unknown time zone or locale falls back (the
 * browser's zone, English) instead of breaking the page.
 */

export type DateInput = Date | string | number;
export type LocaleSettings = Pick<AccountSettings, 'locale'>;
export type DateSettings = Pick<AccountSettings, 'locale' | 'timeZone' | 'dateFormat'>;
export type TimeSettings = Pick<AccountSettings, 'locale' | 'timeZone' | 'timeFormat'>;
export type DateTimeSettings = DateSettings & TimeSettings;

const cache = new Map<string, unknown>();

/**
 * One formatter per locale and options (they are costly to build and lists
 * format thousands of rows). When Intl rejects the time zone or the locale,
 * retries without the time zone, then in English; throws only when the options
 * themselves are invalid (an unknown currency code).
 */
function formatter<T, O extends object>(kind: string, create: (locale: string, options: O) => T, locale: string, options: O): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let value = cache.get(key) as T | undefined;
  if (value) return value;
  const withoutZone = { ...options, timeZone: undefined };
  try {
    value = create(locale, options);
  } catch {
    try {
      value = create(locale, withoutZone);
    } catch {
      value = create('en', withoutZone);
    }
  }
  cache.set(key, value);
  return value;
}

const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  formatter('dt', (l, o) => new Intl.DateTimeFormat(l, o), locale, options);

const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  formatter('n', (l, o) => new Intl.NumberFormat(l, o), locale, options);

/** A valid `Date` for `input`, or `undefined`. */
export function parseDate(input: DateInput): Date | undefined {
  const date = input instanceof Date ? input : new Date(input);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function hourCycle(timeFormat: AccountSettings['timeFormat']): Intl.DateTimeFormatOptions {
  if (timeFormat === '12h') return { hourCycle: 'h12' };
  if (timeFormat === '24h') return { hourCycle: 'h23' };
  return {};
}

function partsOf(parts: Intl.DateTimeFormatPart[]): Partial<Record<Intl.DateTimeFormatPartTypes, string>> {
  const found: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of parts) found[part.type] ??= part.value;
  return found;
}

const BIDI_MARK = /[\u061c\u200e\u200f]/;

function explicitDate(date: Date, settings: DateSettings): string {
  const { locale, timeZone, dateFormat } = settings;
  // Explicit patterns are Gregorian (a Persian or Hijri year in "YYYY-MM-DD" would mislead);
  // the digits stay the locale's own.
  if (dateFormat === 'D MMM YYYY') {
    const { day, month, year } = partsOf(
      dateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', calendar: 'gregory', timeZone }).formatToParts(date),
    );
    return `${day} ${month} ${year}`;
  }
  const parts = dateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', calendar: 'gregory', timeZone }).formatToParts(
    date,
  );
  const { day, month, year } = partsOf(parts);
  // Right-to-left locales put a bidi mark before each separator (Arabic: U+200F) so the
  // fields read in order; keep whichever mark the locale's own numeric date uses.
  const literal = parts.find((part) => part.type === 'literal')?.value ?? '';
  const mark = BIDI_MARK.exec(literal)?.[0] ?? '';
  switch (dateFormat) {
    case 'DD/MM/YYYY':
      return `${day}${mark}/${month}${mark}/${year}`;
    case 'MM/DD/YYYY':
      return `${month}${mark}/${day}${mark}/${year}`;
    default:
      return `${year}${mark}-${month}${mark}-${day}`;
  }
}

/**
 * The date of `input` in the user's time zone: the locale's medium date for
 * `auto`, else the chosen pattern with the locale's digits and month names.
 */
export function formatDate(input: DateInput, settings: DateSettings): string {
  const date = parseDate(input);
  if (!date) return '';
  if (settings.dateFormat === 'auto') {
    return dateTimeFormat(settings.locale, { dateStyle: 'medium', timeZone: settings.timeZone }).format(date);
  }
  return explicitDate(date, settings);
}

/** The time of day of `input` in the user's time zone, 12 or 24 hour as chosen. */
export function formatTime(input: DateInput, settings: TimeSettings): string {
  const date = parseDate(input);
  if (!date) return '';
  return dateTimeFormat(settings.locale, {
    timeStyle: 'short',
    timeZone: settings.timeZone,
    ...hourCycle(settings.timeFormat),
  }).format(date);
}

/** What the locale puts between a date and a time (", " in English, "، " in Arabic). */
function dateTimeJoiner(locale: string): string {
  const parts = dateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' }).formatToParts(0);
  const hour = parts.findIndex((part) => part.type === 'hour');
  const before = parts[hour - 1];
  return hour > 1 && before?.type === 'literal' ? before.value : ' ';
}

/** Date and time of `input`, consistent with `formatDate` and `formatTime`. */
export function formatDateTime(input: DateInput, settings: DateTimeSettings): string {
  const date = parseDate(input);
  if (!date) return '';
  if (settings.dateFormat === 'auto') {
    return dateTimeFormat(settings.locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: settings.timeZone,
      ...hourCycle(settings.timeFormat),
    }).format(date);
  }
  return `${explicitDate(date, settings)}${dateTimeJoiner(settings.locale)}${formatTime(date, settings)}`;
}

/** Each unit and how many of it make the next one. */
const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 365.25 / 12 / 7],
  ['month', 12],
  ['year', Infinity],
];

/** "3 minutes ago", "in 2 days", "yesterday": `input` relative to `now`, in the largest fitting unit. */
export function formatRelative(input: DateInput, settings: LocaleSettings, now: DateInput = Date.now()): string {
  const date = parseDate(input);
  const reference = parseDate(now);
  if (!date || !reference) return '';
  const format = formatter(
    'rt',
    (l, o) => new Intl.RelativeTimeFormat(l, o),
    settings.locale,
    { numeric: 'auto' } satisfies Intl.RelativeTimeFormatOptions,
  );
  let value = (date.getTime() - reference.getTime()) / 1000;
  for (const [unit, size] of RELATIVE_UNITS) {
    const rounded = Math.round(Math.abs(value));
    if (rounded < size) return format.format(Math.sign(value) * rounded || 0, unit);
    value /= size;
  }
  return '';
}

/** `value` in the locale's digits and separators; '' for NaN. */
export function formatNumber(value: number, settings: LocaleSettings, options: Intl.NumberFormatOptions = {}): string {
  return Number.isNaN(value) ? '' : numberFormat(settings.locale, options).format(value);
}

/** "a, b and c" (`conjunction`), "a, b or c" (`disjunction`), or `unit` lists, in the locale's words. */
export function formatList(items: readonly string[], settings: LocaleSettings, type: Intl.ListFormatType = 'conjunction'): string {
  return formatter('l', (l, o) => new Intl.ListFormat(l, o), settings.locale, { type } satisfies Intl.ListFormatOptions).format(items);
}

/** An amount in major units (`12.5` EUR is twelve euros fifty) in the locale's currency format. */
export function formatMoney(money: { amount: number; currency: string }, settings: LocaleSettings): string {
  if (!Number.isFinite(money.amount)) return '';
  try {
    return numberFormat(settings.locale, { style: 'currency', currency: money.currency }).format(money.amount);
  } catch {
    return `${formatNumber(money.amount, settings)} ${money.currency}`;
  }
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A file size: "512 bytes", "1.5 kB", "2 MB" (powers of 1024, as file pickers show them). */
export function formatBytes(bytes: number, settings: LocaleSettings): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  let value = bytes;
  let index = 0;
  while (value >= 1024 && index < BYTE_UNITS.length - 1) {
    value /= 1024;
    index++;
  }
  return numberFormat(settings.locale, {
    style: 'unit',
    unit: BYTE_UNITS[index],
    unitDisplay: index === 0 ? 'long' : 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
