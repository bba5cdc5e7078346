/**
 * A pseudo-locale for finding text that does not go through i18next: every string is
 * accented, about a third longer and wrapped in `⟦…⟧`, so anything on screen without the
 * brackets is hard-coded, and layouts meet longer words (as German's) early.
 * Not loaded unless imported.
 */
import { registerLocale, type Messages } from './i18n.js';
import en from './locales/en.js';

// One UTF-16 unit per letter in both: the accented letter sits at the plain one's index.
// Plain strings, no module-level calls: the module tree-shakes away when unused.
const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = 'áƀçðéƒĝĥíĵķļɱñóþǫŕšţúṽŵẋýžÁƁÇÐÉƑĜĤÍĴĶĻṀÑÓÞǪŔŠŢÚṼŴẊÝŽ';

/** What i18next reads rather than shows: `{{placeholders}}` (`{{- raw}}`, `{{value, format}}`) and `$t(nesting)`. */
const SYNTAX = /(\{\{[^}]*\}\}|\$t\([^)]*\))/;

/** Extra characters for `length` visible ones: 40 % for short strings down to 25 % for long ones, at least 2. */
function padding(length: number): number {
  const ratio = length <= 10 ? 0.4 : length <= 40 ? 0.35 : length <= 80 ? 0.3 : 0.25;
  return Math.max(2, Math.round(length * ratio));
}

function pseudoString(text: string): string {
  let visible = 0;
  const accented = text
    .split(SYNTAX)
    .map((piece, i) => {
      // split() with a capturing group puts the syntax at odd indices.
      if (i % 2 === 1) return piece;
      visible += piece.length;
      return piece.replace(/[a-z]/gi, (letter) => ACCENTED[PLAIN.indexOf(letter)]!);
    })
    .join('');
  return `⟦${accented} ${'·'.repeat(padding(visible))}⟧`;
}

/**
 * `messages` with every string accented (`Save` → `⟦Šáṽé ··⟧`), lengthened by about a
 * third and bracketed; placeholders and `$t()` nesting stay as they are, keys too
 * (plural suffixes keep working).
 */
export function pseudoLocalize(messages: Messages): Messages {
  return Object.fromEntries(
    Object.entries(messages).map(([key, value]) => [key, typeof value === 'string' ? pseudoString(value) : pseudoLocalize(value)]),
  );
}

/**
 * Registers the pseudo-locale, built from the bundled English, under `tag`
 * (`en-XA`, the conventional tag for accented English). Use it in tests or a
 * development build: `registerPseudoLocale()`, then `locale="en-XA"` on the provider.
 */
export function registerPseudoLocale(tag = 'en-XA'): void {
  registerLocale(tag, pseudoLocalize(en));
}
