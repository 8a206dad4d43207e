import { joinWords, type Word } from '../../core/index.js';

/** A word's display text: trimmed, inner line breaks collapsed (empty for a word that is only space). */
export function wordText(word: Pick<Word, 'text'>): string {
  return joinWords([word]);
}

/**
Whether a space goes between two adjacent word texts (already through {@link wordText}), by core's
spacing rules: none before closing punctuation, after opening punctuation, or between words of
scripts written without spaces.
*/
export function needsSpace(before: string | undefined, after: string): boolean {
  if (before === undefined || before === '' || after === '') return false;
  return joinWords([{ text: before }, { text: after }]).length > before.length + after.length;
}

/**
Joins `words` onto text that ended with `previous`: the string to append (with its leading space
when one is due) and the last word's text, for the next call. Costs time in the words given only.
*/
export function appendWords(
  previous: string | undefined,
  words: readonly Pick<Word, 'text'>[],
): { text: string; last: string | undefined } {
  let text = '';
  let last = previous;
  for (const word of words) {
    const next = wordText(word);
    if (next === '') continue;
    if (needsSpace(last, next)) text += ' ';
    text += next;
    last = next;
  }
  return { text, last };
}
