import type { Word } from './transcript-schema.js';

// Whitespace that would break a line or a subtitle block: ASCII whitespace and the Unicode line and
// paragraph separators. No-break spaces, joiners and bidi marks are content and are kept.
const breakingWhitespace = /[ \t\n\v\f\r\u0085\u2028\u2029]+/g;

// Punctuation that hugs the word before it: closing brackets and quotes, and the marks that end a
// clause or sentence in the scripts the providers return (Latin, Hebrew, Arabic, CJK).
const attachesLeft = /^[\p{Pe}\p{Pf}.,;:!?…%‰׃،؛؟。，、！？：；‼⁇⁈⁉]+$/u;

// Punctuation that hugs the word after it: opening brackets and quotes, Spanish inverted marks.
const attachesRight = /^[\p{Ps}\p{Pi}¿¡]+$/u;

// Scripts written without spaces between words.
const unspacedScript =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u;

/**
Collapses line breaks, tabs and runs of spaces into one space and trims the ends.

@internal Word and segment texts go through it before they are joined or exported, so no output
format can be broken by a line break inside a word.
*/
export function normalizeText(text: string): string {
  return text.replace(breakingWhitespace, ' ').replace(/^ | $/g, '');
}

/**
Whether a space belongs between two adjacent, already normalized, non-empty word texts.

@internal
*/
export function needsSpaceBetween(before: string, after: string): boolean {
  if (attachesLeft.test(after) || attachesRight.test(before)) return false;
  const last = [...before].at(-1) ?? '';
  const first = [...after][0] ?? '';
  return !(unspacedScript.test(last) && unspacedScript.test(first));
}

/**
Joins normalized, non-empty texts with the spacing rules of {@link joinWords}.

@internal
*/
export function joinTexts(texts: readonly string[]): string {
  let joined = '';
  let previous: string | undefined;
  for (const text of texts) {
    if (previous !== undefined && needsSpaceBetween(previous, text)) joined += ' ';
    joined += text;
    previous = text;
  }
  return joined;
}

/**
Counts the characters a reader sees: Unicode code points, not counting combining marks (Hebrew
niqqud, decomposed accents) or invisible format characters (bidi marks, joiners).

@internal The unit of `maxCharactersPerCue`.
*/
export function countCharacters(text: string): number {
  let count = 0;
  // Counting by iteration walks code points, so a surrogate pair counts once.
  for (const _character of text.replace(/[\p{M}\p{Cf}]/gu, '')) count++;
  return count;
}

/**
Joins words into display text.

Each word's text is trimmed and its inner line breaks and tabs become spaces, so words that carry
their own leading space (as Whisper-style models return them) join the same as bare words, and
words that are empty after trimming are skipped. Words are separated by one space, except:

- no space before a word made only of closing punctuation (`.`, `,`, `?`, `)`, `”`, `׃`, `،`, …);
- no space after a word made only of opening punctuation (`(`, `“`, `¿`, …);
- no space between two words of scripts written without spaces (Chinese, Japanese, Thai, …).

Dashes and quotes that could open or close (`-`, `—`, `"`) keep their spaces. Text is otherwise
kept as is: Hebrew, niqqud and bidi marks are never reordered or removed.

@example
```ts
import { joinWords } from 'scribekit';

joinWords([
  { text: 'Hello', start: 0, end: 0.4 },
  { text: ',', start: 0.4, end: 0.4 },
  { text: ' world', start: 0.5, end: 0.9 },
]);
//=> 'Hello, world'
```
*/
export function joinWords(words: readonly Pick<Word, 'text'>[]): string {
  const texts: string[] = [];
  for (const word of words) {
    const text = normalizeText(word.text);
    if (text !== '') texts.push(text);
  }
  return joinTexts(texts);
}
