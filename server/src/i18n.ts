/**
 * The language and time zone of what the server writes to a person: the emails and in-app
 * notices follow the user's profile (`dn_profile.language`, `dn_profile.timezone`), not the
 * server's. Texts come from an i18next instance of the server's own (`messages/`: en, de, es,
 * ar, the element library's languages); a language it lacks falls back to English. Dates are
 * written through Intl in the user's time zone, with the zone named ("6. Dezember 2026 um
 * 11:05 MEZ").
 *
 * Messages are plain text, so values are interpolated unescaped: an address or a device name
 * is never markup in them.
 */
import i18next from 'i18next';
import type { Kysely } from 'kysely';
import ar from './messages/ar.js';
import de from './messages/de.js';
import en, { type Messages } from './messages/en.js';
import es from './messages/es.js';
import type { Database } from './schema.js';

export const MESSAGE_LANGUAGES = ['en', 'de', 'es', 'ar'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

export const MESSAGES: Record<MessageLanguage, Messages> = { en, de, es, ar };

type Leaves<T, P extends string = ''> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];

/** A message's key, e.g. `newDevice.subject`. */
export type MessageKey = Leaves<Messages>;

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(MESSAGE_LANGUAGES.map((language) => [language, { translation: MESSAGES[language] }])),
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...MESSAGE_LANGUAGES],
  // The resources are here: ready before the first message, without waiting.
  initAsync: false,
  // Plain text: nothing to escape, and `/` or `&` in a value must stay as typed.
  interpolation: { escapeValue: false },
  returnEmptyString: false,
});

/** The language of the messages for a profile's language tag: its primary subtag when the server has it, else English. */
export function messageLanguage(tag: string | null | undefined): MessageLanguage {
  const primary = (tag ?? '').split(/[-_]/)[0]!.toLowerCase();
  return (MESSAGE_LANGUAGES as readonly string[]).includes(primary) ? (primary as MessageLanguage) : 'en';
}

/** `zone` when Intl knows it, else UTC (a profile only stores zones Intl accepted, but a database may hold anything). */
function knownTimeZone(zone: string | null | undefined): string {
  if (!zone) return 'UTC';
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}

/** The locale dates are written in: the profile's own tag (`es-MX`) when its language is the messages', else the messages' language. */
function dateLocale(tag: string | null | undefined, language: MessageLanguage): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag ?? []);
    if (!canonical || new Intl.Locale(canonical).language !== language) return language;
    return Intl.DateTimeFormat.supportedLocalesOf(canonical)[0] ?? language;
  } catch {
    return language;
  }
}

/** Who a message is written for: its language and time zone, and the texts and dates in them. */
export interface Recipient {
  language: MessageLanguage;
  /** The IANA time zone dates are written in. */
  timeZone: string;
  /** The message `key` in the recipient's language, `values` put in as given. */
  t(key: MessageKey, values?: Record<string, string>): string;
  /** A moment as a date and time in the recipient's zone, the zone named: "December 6, 2026 at 10:05 AM UTC". */
  when(at: Date): string;
  /** A length of time in words: "24 hours", "60 Minuten". */
  duration(amount: number, unit: 'minute' | 'hour'): string;
}

/** The recipient with these profile settings (missing ones: English, UTC). */
export function recipient(profile: { language?: string | null | undefined; timezone?: string | null | undefined } = {}): Recipient {
  const language = messageLanguage(profile.language);
  const timeZone = knownTimeZone(profile.timezone);
  const locale = dateLocale(profile.language, language);
  const t = instance.getFixedT(language);
  const dateTime = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone });
  return {
    language,
    timeZone,
    t: (key, values) => t(key, values ?? {}),
    when: (at) => dateTime.format(at),
    duration: (amount, unit) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(amount),
  };
}

/** The recipient for a user, from their profile (English and UTC when they have none). */
export async function recipientOf(db: Kysely<Database>, userId: string): Promise<Recipient> {
  const profile = await db.selectFrom('dn_profile').select(['language', 'timezone']).where('user_id', '=', userId).executeTakeFirst();
  return recipient(profile);
}
