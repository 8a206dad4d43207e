// Hebrew final forms and the letters they are written as mid-word.
const finalLetters: Record<string, string> = { ך: 'כ', ם: 'מ', ן: 'נ', ף: 'פ', ץ: 'צ' };

// Where a phrase and a transcript may split one written word differently: whitespace, hyphens,
// the Hebrew maqaf, dashes and slashes. Both sides are split the same way, so "Rosh-Hashana" in a
// transcript meets "Rosh Hashana" in a phrase.
const splitters = /[\s\-\u05BE\u2010-\u2015/]+/u;

/**
Reduces a word to the form two renderings of it share: lower case, accents, Hebrew niqqud and
cantillation removed (they are combining marks after NFKD), Hebrew final letters written as their
mid-word forms (ך→כ, ם→מ, ן→נ, ף→פ, ץ→צ), and everything that is not a letter or digit dropped
(punctuation, apostrophes, geresh and gershayim). `''` when nothing is left: `'שָׁלוֹם,'` gives
`'שלומ'`, `"Today's"` gives `'todays'`.

@internal The outline aligner's notion of "the same word".
*/
export function normalizeToken(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ךםןףץ]/gu, (letter) => finalLetters[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
Splits text into normalized tokens (see {@link normalizeToken}), dropping the empty ones:
`'So—today: the laws of Shabbos!'` gives `['so', 'today', 'the', 'laws', 'of', 'shabbos']`.

@internal
*/
export function tokenize(text: string): string[] {
  return text
    .split(splitters)
    .map(normalizeToken)
    .filter((token) => token !== '');
}
