import { expect } from '@open-wc/testing';
import { ensureLocale, i18n, translate, type Messages } from '../../src/i18n/i18n.js';
// Every element registers the strings of what it shows; together they must be all of English.
import '../../src/define-all.js';
// Opened on demand, not defined by define-all: it registers its strings when it loads.
import '../../src/components/reauth-dialog/reauth-dialog.js';
import en from '../../src/i18n/locales/en.js';
import de from '../../src/i18n/locales/de.js';
import es from '../../src/i18n/locales/es.js';
import ar from '../../src/i18n/locales/ar.js';
import { text, type DemoLocale } from '../../demo/strings.js';

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

/** The suffixes i18next adds for `count` (Intl.PluralRules categories). */
const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** The categories `language` needs, as Intl.PluralRules (and so i18next) picks them. */
function pluralCategories(language: string): string[] {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
  return PLURAL_CATEGORIES.filter((category) => categories.includes(category));
}

interface LocaleProblems {
  /** English keys (or plural families, as `key_*`) the locale lacks. */
  missing: string[];
  /** Keys English does not have. */
  extra: string[];
  /** Plural families without exactly the categories of the language. */
  plurals: string[];
  /** Strings whose placeholders differ from English. */
  placeholders: string[];
}

/**
 * Compares `messages` (in `language`) with `source` (English). A family `x_one`, `x_other`…
 * is one logical key: English decides which keys are families (those with an `_other`
 * form); each locale has exactly the plural categories of its language, no more, no less.
 * Placeholders: each plain string has those of English; across a family, the forms use
 * together what the English forms use together, and none uses one English lacks (Arabic
 * `_one` may say "one" in words rather than `{{count}}`).
 */
function compareLocale(source: Messages, messages: Messages, language: string): LocaleProblems {
  const sourceLeaves = new Map(leaves(source).map(({ path, value }) => [path, String(value)]));
  const families = new Set([...sourceLeaves.keys()].filter((path) => path.endsWith('_other')).map((path) => path.slice(0, -'_other'.length)));
  const split = (entries: Map<string, string>) => {
    const plain = new Map<string, string>();
    const forms = new Map<string, Map<string, string>>();
    for (const [path, value] of entries) {
      const match = /^(.*)_([a-z]+)$/.exec(path);
      if (match && families.has(match[1]!) && PLURAL_CATEGORIES.includes(match[2]!)) {
        const family = forms.get(match[1]!) ?? new Map<string, string>();
        family.set(match[2]!, value);
        forms.set(match[1]!, family);
      } else {
        plain.set(path, value);
      }
    }
    return { plain, forms };
  };
  const from = split(sourceLeaves);
  const to = split(new Map(leaves(messages).map(({ path, value }) => [path, typeof value === 'string' ? value : ''])));
  const problems: LocaleProblems = { missing: [], extra: [], plurals: [], placeholders: [] };

  for (const [path, text] of from.plain) {
    const translated = to.plain.get(path);
    if (translated === undefined) problems.missing.push(path);
    else if (placeholders(translated).join() !== placeholders(text).join()) {
      problems.placeholders.push(`${path}: expected {${placeholders(text).join(', ')}}, found {${placeholders(translated).join(', ')}}`);
    }
  }
  problems.extra.push(...[...to.plain.keys()].filter((path) => !from.plain.has(path)));

  const expected = pluralCategories(language);
  for (const [family, sourceForms] of from.forms) {
    const forms = to.forms.get(family);
    if (!forms) {
      problems.missing.push(`${family}_*`);
      continue;
    }
    const found = PLURAL_CATEGORIES.filter((category) => forms.has(category));
    if (found.join() !== expected.join()) {
      problems.plurals.push(`${family}: ${language} needs _${expected.join(', _')}; found _${found.join(', _')}`);
    }
    const allowed = new Set([...sourceForms.values()].flatMap(placeholders));
    const used = new Set([...forms.values()].flatMap(placeholders));
    const strange = [...used].filter((name) => !allowed.has(name));
    const unused = [...allowed].filter((name) => !used.has(name));
    if (strange.length > 0 || unused.length > 0) {
      problems.placeholders.push(`${family}_*: expected {${[...allowed].sort().join(', ')}}, found {${[...used].sort().join(', ')}}`);
    }
  }
  return problems;
}

const NO_PROBLEMS: LocaleProblems = { missing: [], extra: [], plurals: [], placeholders: [] };

describe('the plural-aware comparison', () => {
  const source = {
    title: 'Sessions',
    revoke: { message: 'Sign out {{name}}?' },
    left_one: 'One session left.',
    left_other: '{{count}} sessions left.',
  } satisfies Messages;

  it('needs each language\'s own plural categories, as Intl.PluralRules lists them', () => {
    expect(pluralCategories('en')).to.deep.equal(['one', 'other']);
    expect(pluralCategories('de')).to.deep.equal(['one', 'other']);
    expect(pluralCategories('es')).to.deep.equal(['one', 'many', 'other']);
    expect(pluralCategories('ar')).to.deep.equal(['zero', 'one', 'two', 'few', 'many', 'other']);
  });

  it('takes a family as one key: English and a complete German pass', () => {
    expect(compareLocale(source, source, 'en')).to.deep.equal(NO_PROBLEMS);
    const german = {
      title: 'Sitzungen',
      revoke: { message: '{{name}} abmelden?' },
      left_one: 'Eine Sitzung übrig.',
      left_other: '{{count}} Sitzungen übrig.',
    };
    expect(compareLocale(source, german, 'de')).to.deep.equal(NO_PROBLEMS);
  });

  it('needs every category of the language, and no other', () => {
    const arabic = {
      title: 'الجلسات',
      revoke: { message: 'تسجيل خروج {{name}}؟' },
      left_one: 'بقيت جلسة واحدة.',
      left_other: 'بقيت {{count}} جلسة.',
    };
    expect(compareLocale(source, arabic, 'ar').plurals).to.deep.equal([
      'left: ar needs _zero, _one, _two, _few, _many, _other; found _one, _other',
    ]);
    const german = {
      title: 'Sitzungen',
      revoke: { message: '{{name}} abmelden?' },
      left_one: 'Eine übrig.',
      left_few: 'Ein paar übrig.',
      left_other: '{{count}} übrig.',
    };
    expect(compareLocale(source, german, 'de').plurals).to.deep.equal(['left: de needs _one, _other; found _one, _few, _other']);
  });

  it('reports a missing family, a missing key and a key English does not have', () => {
    const spanish = { title: 'Sesiones', extra: 'Sobra' };
    expect(compareLocale(source, spanish, 'es')).to.deep.equal({
      missing: ['revoke.message', 'left_*'],
      extra: ['extra'],
      plurals: [],
      placeholders: [],
    });
  });

  it('treats a plural suffix on a key English has no family for as an extra key', () => {
    const german = {
      title: 'Sitzungen',
      title_one: 'Sitzung',
      revoke: { message: '{{name}} abmelden?' },
      left_one: 'Eine.',
      left_other: '{{count}}.',
    };
    expect(compareLocale(source, german, 'de').extra).to.deep.equal(['title_one']);
  });

  it('compares placeholders per string, and per family across its forms', () => {
    const german = {
      title: 'Sitzungen',
      revoke: { message: 'Abmelden?' },
      left_one: 'Eine für {{name}}.',
      left_other: 'Noch einige.',
    };
    expect(compareLocale(source, german, 'de').placeholders).to.deep.equal([
      'revoke.message: expected {name}, found {}',
      'left_*: expected {count}, found {name}',
    ]);
  });
});

describe('locale files', () => {
  it('English has exactly its own plural forms (one, other)', () => {
    expect(compareLocale(en, en, 'en')).to.deep.equal(NO_PROBLEMS);
  });

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

      const problems = compareLocale(en, messages, locale);

      it('has exactly the keys of English (a plural family counts as one)', () => {
        expect(
          { missing: problems.missing, extra: problems.extra },
          `${locale}: missing keys [${problems.missing.join(', ')}], extra keys [${problems.extra.join(', ')}]`,
        ).to.deep.equal({ missing: [], extra: [] });
        expect(translated.map(({ path }) => path), `${locale}: duplicate key paths`).to.have.lengthOf(byPath.size);
      });

      it('has exactly the plural forms of its language', () => {
        expect(problems.plurals, `${locale}: plural families`).to.deep.equal([]);
      });

      it('has a non-empty string at every leaf', () => {
        const bad = translated
          .filter(({ value }) => typeof value !== 'string' || value.trim() === '')
          .map(({ path, value }) => `${path} = ${JSON.stringify(value)}`);
        expect(bad, `${locale}: empty or non-string values`).to.deep.equal([]);
      });

      it('keeps the placeholders of every English string', () => {
        expect(problems.placeholders, `${locale}: placeholder mismatches`).to.deep.equal([]);
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

  it('picks the plural form of each language when an element passes `count`', async () => {
    await Promise.all(Object.keys(locales).map((locale) => ensureLocale(locale)));
    expect(translate('en', 'activity.shown', { count: 1, number: '1' })).to.equal('Showing 1 sign-in attempt');
    expect(translate('en', 'activity.shown', { count: 50, number: '50' })).to.equal('Showing 50 sign-in attempts');
    expect(translate('de', 'twoFactor.backupCodesLow', { count: 1, remaining: '1' })).to.match(/^Nur noch 1 Backup-Code übrig\./);
    expect(translate('es', 'activity.loadedMore', { count: 1, number: '1' })).to.equal('Se cargó 1 intento de inicio de sesión más.');
    const arabic = ar.activity as Messages;
    for (const [count, category] of [[0, 'zero'], [1, 'one'], [2, 'two'], [3, 'few'], [11, 'many'], [100, 'other']] as const) {
      const expected = (arabic[`loadedMore_${category}`] as string).replace('{{number}}', String(count));
      expect(translate('ar', 'activity.loadedMore', { count, number: String(count) }), `ar, ${count}`).to.equal(expected);
    }
  });

  it('the elements register exactly the English set, so every key above is one they serve', () => {
    expect(i18n.getResourceBundle('en', 'translation')).to.deep.equal(en);
  });

  it('the per-feature files of each locale add up to exactly its set', async () => {
    for (const [locale, messages] of Object.entries(locales)) {
      await ensureLocale(locale);
      expect(i18n.getResourceBundle(locale, 'translation'), locale).to.deep.equal(messages);
    }
  });

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

describe('one name for two-factor authentication', () => {
  /** Per language: the name settings use, and the other names the sign-in step must not use. */
  const TERMS: Record<string, { term: RegExp; others: RegExp }> = {
    en: { term: /two-factor authentication/i, others: /two[- ]step|2-step/i },
    de: { term: /Zwei-Faktor-Authentifizierung/, others: /zwei Schritten|Zwei-Schritt|2-Schritt|Bestätigung in zwei/i },
    es: { term: /verificación en dos pasos/i, others: /autenticación en dos pasos|dos factores|doble factor/i },
    ar: { term: /المصادقة الثنائية/, others: /بخطوتين|خطوتين/ },
  };
  const all: Record<string, Messages> = { en, ...locales };

  for (const [locale, { term, others }] of Object.entries(TERMS)) {
    it(`${locale}: the sign-in step, settings and the demo say the same`, () => {
      const messages = all[locale]!;
      const title = (feature: string) => (messages[feature] as Messages).title as string;
      expect(title('challenge'), 'the sign-in step').to.equal(title('twoFactor'));
      expect(title('twoFactor')).to.match(term);
      const stray = leaves(messages).filter(({ value }) => typeof value === 'string' && others.test(value));
      expect(stray.map(({ path }) => path)).to.deep.equal([]);
      expect(text(locale as DemoLocale, 'signInLink')).not.to.match(others);
    });
  }
});
