import { isStopWord } from './stop-words.js';
import { tokenize } from './normalize-token.js';

/** A starting phrase, tokenized, with which of its tokens carry content. */
export interface PreparedPhrase {
  readonly tokens: readonly string[];
  readonly isContent: readonly boolean[];
  /** How many content tokens there are; every token counts when all are stop-words. */
  readonly contentTotal: number;
  /** The distinct tokens, to find where a match may begin. */
  readonly vocabulary: ReadonlySet<string>;
}

/** The best in-order match of a phrase inside one stretch of transcript tokens. */
export interface PhraseMatch {
  /** Index of the first matched transcript token. */
  readonly firstToken: number;
  /** Index of the last matched transcript token (inclusive). */
  readonly lastToken: number;
  readonly matchedContent: number;
  readonly contentCoverage: number;
  readonly longestContentRunSoft: number;
  readonly longestContentRunStrict: number;
  /** 0 to 1. */
  readonly score: number;
}

// A stop-word match counts a quarter of a content match, so "the" alone never outweighs a content word.
const stopWordWeight = 0.25;

/** Tokenizes a starting phrase and marks its content tokens. */
export function preparePhrase(phrase: string): PreparedPhrase {
  const tokens = tokenize(phrase);
  let isContent = tokens.map((token) => !isStopWord(token));
  // A phrase of stop-words only ("and so it is") is all the evidence there is: count it all.
  if (!isContent.includes(true)) isContent = tokens.map(() => true);
  return {
    tokens,
    isContent,
    contentTotal: isContent.filter(Boolean).length,
    vocabulary: new Set(tokens),
  };
}

/**
Matches `phrase` in order against `tokens[start, end)` (a weighted longest common subsequence, so
words missing on either side are skipped) and scores the result:

score = (0.55 · coverage + 0.2 · softRun / content + 0.15 · strictRun / content + 0.1 · all)
        · (0.85 + 0.15 · density)

where coverage is the share of content tokens matched, the runs are the longest stretches of
matched content tokens (strict: nothing skipped; soft: at most one token skipped on either side),
`all` is the share of every phrase token matched (so a match that leaves out the phrase's
stop-words scores a little less than the whole quote), and density is matched tokens over the
length of the matched stretch. An exact quote scores 1.
SoferAI does not publish its weighting (reference/soferai.md §4.6); these weights are scribekit's.
*/
export function matchPhrase(
  phrase: PreparedPhrase,
  tokens: readonly string[],
  start: number,
  end: number,
): PhraseMatch | undefined {
  const rows = phrase.tokens.length;
  const columns = end - start;
  if (rows === 0 || columns <= 0) return undefined;
  const width = columns + 1;
  const table = new Float64Array((rows + 1) * width);
  const weight = (row: number) => (phrase.isContent[row] === true ? 1 : stopWordWeight);
  for (let row = 1; row <= rows; row++) {
    for (let column = 1; column <= columns; column++) {
      const skip = Math.max(table[(row - 1) * width + column] ?? 0, table[row * width + column - 1] ?? 0);
      const same = phrase.tokens[row - 1] === tokens[start + column - 1];
      const take = same ? (table[(row - 1) * width + column - 1] ?? 0) + weight(row - 1) : -1;
      table[row * width + column] = Math.max(skip, take);
    }
  }
  const pairs: [number, number][] = [];
  for (let row = rows, column = columns; row > 0 && column > 0;) {
    const here = table[row * width + column] ?? 0;
    const diagonal = table[(row - 1) * width + column - 1] ?? 0;
    if (phrase.tokens[row - 1] === tokens[start + column - 1] && here === diagonal + weight(row - 1)) {
      pairs.push([row - 1, start + column - 1]);
      row--;
      column--;
    } else if ((table[(row - 1) * width + column] ?? 0) >= (table[row * width + column - 1] ?? 0)) row--;
    else column--;
  }
  pairs.reverse();
  const first = pairs[0];
  const last = pairs.at(-1);
  if (first === undefined || last === undefined) return undefined;
  const matchedContent = pairs.filter(([row]) => phrase.isContent[row] === true).length;
  const contentCoverage = matchedContent / phrase.contentTotal;
  const longestContentRunStrict = longestRun(pairs, phrase.isContent, 1);
  const longestContentRunSoft = longestRun(pairs, phrase.isContent, 2);
  const density = pairs.length / (last[1] - first[1] + 1);
  const score =
    (0.55 * contentCoverage +
      (0.2 * longestContentRunSoft) / phrase.contentTotal +
      (0.15 * longestContentRunStrict) / phrase.contentTotal +
      (0.1 * pairs.length) / rows) *
    (0.85 + 0.15 * density);
  return {
    firstToken: first[1],
    lastToken: last[1],
    matchedContent,
    contentCoverage,
    longestContentRunSoft,
    longestContentRunStrict,
    score: Math.min(1, Math.max(0, score)),
  };
}

/** The most content tokens in one run of pairs whose steps on both sides are at most `maxStep`. */
function longestRun(
  pairs: readonly [number, number][],
  isContent: readonly boolean[],
  maxStep: number,
): number {
  let best = 0;
  let current = 0;
  let previous: [number, number] | undefined;
  for (const pair of pairs) {
    const continues =
      previous !== undefined && pair[0] - previous[0] <= maxStep && pair[1] - previous[1] <= maxStep;
    if (!continues) current = 0;
    if (isContent[pair[0]] === true) current++;
    best = Math.max(best, current);
    previous = pair;
  }
  return best;
}
