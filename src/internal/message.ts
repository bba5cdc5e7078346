import type { TOptions } from 'i18next';

/**
 * Something to tell the user, kept as what to say rather than the words, so a
 * language switch translates it too: a message key (with `until`, a moment shown
 * as relative time in `{{when}}`), text from the server, or several in a row.
 */
export type Message = { key: string; options?: TOptions; until?: number } | { text: string } | Message[];
