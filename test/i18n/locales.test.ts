import { expect } from '@open-wc/testing';
import { ensureLocale, translate, type Messages } from '../../src/i18n/i18n.js';
import en from '../../src/i18n/locales/en.js';
import de from '../../src/i18n/locales/de.js';
import es from '../../src/i18n/locales/es.js';
import ar from '../../src/i18n/locales/ar.js';

const locales: Record<string, Messages> = { de, es, ar };

/**
 * Translations that may equal the English text although it is longer than
 * {@link MIN_LENGTH_FOR_IDENTITY_CHECK} characters, as `locale:key.path`, each with
 * the reason. Empty today: every longer string has words to translate. Strings with
 * nothing but placeholders, digits and punctuation (e.g. `{{count}} / {{max}}`) need
 * no entry; {@link hasWords} exempts them.
 */
const SAME_AS_ENGLISH_ALLOWED = new Map<string, string>([
  // ['de:example.key', 'why the English text is correct in German too'],
]);

/** Shorter strings may legitimately match English ("optional", "Status", "OK"…). */
const MIN_LENGTH_FOR_IDENTITY_CHECK = 12;

type Leaf = { path: string; value: unknown };

/** Every leaf under `messages` with its dotted key path, in source order. */
function leaves(messages: Messages, prefix = ''): Leaf[] {
  return Object.entries(messages).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === 'object' ? leaves(value, path) : [{ path, value }];
  });
}

/** The set of i18next placeholders (`{{name}}`, also `{{ name }}` or `{{name, format}}`) used in `text`, sorted. */
function placeholders(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((match) => match[1]!);
  return [...new Set(names)].sort();
}

/** Whether `text` has anything to translate once placeholders are removed. */
function hasWords(text: string): boolean {
  return /\p{L}/u.test(text.replace(/\{\{[^}]*\}\}/g, ''));
}

const english = new Map(leaves(en).map(({ path, value }) => [path, value as string]));

describe('locale files', () => {
  it('English has only non-empty string leaves', () => {
    for (const { path, value } of leaves(en)) {
      expect(typeof value, `en: ${path}`).to.equal('string');
      expect((value as string).trim(), `en: ${path}`).not.to.equal('');
    }
  });

  for (const [locale, messages] of Object.entries(locales)) {
    describe(locale, () => {
      const translated = leaves(messages);
      const byPath = new Map(translated.map(({ path, value }) => [path, value]));

      it('has exactly the keys of English', () => {
        const missing = [...english.keys()].filter((path) => !byPath.has(path));
        const extra = [...byPath.keys()].filter((path) => !english.has(path));
        expect(
          { missing, extra },
          `${locale}: missing keys [${missing.join(', ')}], extra keys [${extra.join(', ')}]`,
        ).to.deep.equal({ missing: [], extra: [] });
        expect(translated.map(({ path }) => path), `${locale}: duplicate key paths`).to.have.lengthOf(byPath.size);
      });

      it('has a non-empty string at every leaf', () => {
        const bad = translated
          .filter(({ value }) => typeof value !== 'string' || value.trim() === '')
          .map(({ path, value }) => `${path} = ${JSON.stringify(value)}`);
        expect(bad, `${locale}: empty or non-string values`).to.deep.equal([]);
      });

      it('keeps the placeholders of every English string', () => {
        const mismatches: string[] = [];
        for (const { path, value } of translated) {
          const source = english.get(path);
          if (source === undefined || typeof value !== 'string') continue;
          const expected = placeholders(source);
          const actual = placeholders(value);
          if (expected.join() !== actual.join()) {
            mismatches.push(`${path}: expected {${expected.join(', ')}}, found {${actual.join(', ')}}`);
          }
        }
        expect(mismatches, `${locale}: placeholder mismatches`).to.deep.equal([]);
      });

      it('translates every string longer than 12 characters', () => {
        const untranslated = translated
          .filter(({ path, value }) => {
            const source = english.get(path);
            return (
              source !== undefined &&
              value === source &&
              source.length > MIN_LENGTH_FOR_IDENTITY_CHECK &&
              hasWords(source) &&
              !SAME_AS_ENGLISH_ALLOWED.has(`${locale}:${path}`)
            );
          })
          .map(({ path }) => path);
        expect(untranslated, `${locale}: strings identical to English`).to.deep.equal([]);
      });

      it('is what the i18n instance serves, with placeholders filled in', async () => {
        await ensureLocale(locale);
        const expected = (byPath.get('errors.rateLimitedFor') as string).replace('{{when}}', 'WHEN');
        expect(translate(locale, 'errors.rateLimitedFor', { when: 'WHEN' })).to.equal(expected);
        expect(translate(locale, 'reauth.title')).to.equal(byPath.get('reauth.title'));
      });
    });
  }

  it('allow-list entries name real keys whose translation still equals English', () => {
    for (const entry of SAME_AS_ENGLISH_ALLOWED.keys()) {
      const [locale, path] = entry.split(':') as [string, string];
      const messages = locales[locale];
      expect(messages, `${entry}: unknown locale`).not.to.equal(undefined);
      const value = leaves(messages!).find((leaf) => leaf.path === path)?.value;
      expect(value, `${entry}: stale allow-list entry`).to.equal(english.get(path));
    }
  });
});
