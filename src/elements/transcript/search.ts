/** A run of tokens a search query matched, first and last inclusive. */
export interface SearchMatch {
  readonly first: number;
  readonly last: number;
}

/**
Folds text for searching: lower case, without combining marks (Hebrew niqqud and cantillation,
accents), without punctuation (so `don't` is found by `dont` and `שָׁלוֹם,` by `שלום`); dashes, the
Hebrew maqaf included, become spaces, and runs of spaces become one.
*/
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\p{M}\p{Cf}]/gu, '')
    .replace(/\p{Pd}/gu, ' ')
    .replace(/\p{P}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
Finds a query in a transcript's tokens, across token boundaries, ignoring case, niqqud, accents
and punctuation (see {@link foldForSearch}).

The tokens are folded once into one string with a space between tokens, so each search is a plain
`indexOf` scan plus a binary search per match to map it back to tokens.
*/
export class SearchIndex {
  readonly #text: string;
  // Where each token's folded text starts in #text; a token that folds to nothing starts where the
  // next separator would go, so it is never the token an offset maps to.
  readonly #starts: Int32Array;

  constructor(tokens: readonly { readonly text: string }[]) {
    const starts = new Int32Array(tokens.length);
    let text = '';
    tokens.forEach((token, index) => {
      const folded = foldForSearch(token.text);
      if (folded !== '' && text !== '') text += ' ';
      starts[index] = text.length;
      text += folded;
    });
    this.#text = text;
    this.#starts = starts;
  }

  /** The non-overlapping matches of `query`, in transcript order; none for a query that folds to nothing. */
  find(query: string): SearchMatch[] {
    const needle = foldForSearch(query);
    const matches: SearchMatch[] = [];
    if (needle === '') return matches;
    let from = 0;
    for (;;) {
      const at = this.#text.indexOf(needle, from);
      if (at === -1) return matches;
      matches.push({ first: this.#tokenAt(at), last: this.#tokenAt(at + needle.length - 1) });
      from = at + needle.length;
    }
  }

  #tokenAt(offset: number): number {
    const starts = this.#starts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle + 1;
      else high = middle;
    }
    return Math.max(0, low - 1);
  }
}
