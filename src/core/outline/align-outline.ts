import { InvalidArgumentError } from '../errors/index.js';
import type { Transcript } from '../transcript/index.js';
import { matchPhrase, preparePhrase, type PhraseMatch } from './match-phrase.js';
import { tokenize } from './normalize-token.js';
import type { OutlineConfidence, OutlineTopic, OutlineTopicInput } from './outline-topic.js';

/** Options of {@link alignOutline}: SoferAI's outline flags, plus the size of the backoff. */
export interface AlignOutlineOptions {
  /**
  Search each topic only from the previous found topic's start (less `backoffSeconds`), so the
  chapters come out in order; of equally good matches, one past the previous start wins. A phrase
  said again later is then found in its right place.

  @default false
  */
  monotone?: boolean | undefined;
  /**
  For a topic whose title contains the word "conclusion" (any case), search only the last third of
  the audio, as SoferAI documents; a tie between equally good matches then goes to the later one.

  @default false
  */
  conclusionBias?: boolean | undefined;
  /**
  How far before the previous topic's start a `monotone` search begins, in seconds, so a match
  slightly earlier than that start is still allowed. SoferAI's own value is not published.

  @default 2
  */
  backoffSeconds?: number | undefined;
}

// Buckets of `scoreNorm`; SoferAI does not publish its thresholds (reference/soferai.md §3.7).
const buckets: readonly (readonly [number, OutlineConfidence])[] = [
  [0.8, 'HIGH'],
  [0.55, 'MEDIUM'],
  [0.3, 'LOW'],
];
const conclusionTitle = /\bconclusions?\b/i;

/**
Places outline topics on a transcript's timeline: finds each topic's starting phrase among the
words and returns what SoferAI's outline endpoint returns for it (start, matched words, token
span, a 0–1 score, a confidence bucket and the match diagnostics). It works on any provider's
transcript.

Words are compared after normalization: case, punctuation, accents, Hebrew niqqud and final letters
(ך→כ, ם→מ, ן→נ, ף→פ, ץ→צ) do not matter. The phrase is matched in order, but words missing on
either side are skipped, so a phrase quoted loosely is still found; stop-words and fillers (small
English, Hebrew and Yiddish lists) do not count as content. The best-scoring match wins (the
earliest on a tie). A match scoring under 0.3 is no match: `startTimeSec` and `tokenSpan` are then
`null` and `confidence` is `NONE`. `tokenSpan` indexes `transcript.words`, half-open.

Throws `InvalidArgumentError` for topics that are not `{ title, startingPhrase }` strings and for a
negative or non-finite `backoffSeconds`. Pure: no I/O.

@example
```ts
import { alignOutline, outlineToChapters } from 'scribekit';

const topics = alignOutline(
  transcript,
  [
    { title: 'Opening', startingPhrase: 'welcome to today’s shiur' },
    { title: 'Conclusion', startingPhrase: 'so to sum up' },
  ],
  { monotone: true, conclusionBias: true },
);
const chapters = outlineToChapters(topics, { durationInSeconds: transcript.durationInSeconds });
```
*/
export function alignOutline(
  transcript: Pick<Transcript, 'words' | 'durationInSeconds'>,
  topics: readonly OutlineTopicInput[],
  options: AlignOutlineOptions = {},
): OutlineTopic[] {
  checkInput(topics, options);
  const backoff = options.backoffSeconds ?? 2;
  const words = transcript.words;
  const tokens: string[] = [];
  const wordOf: number[] = [];
  words.forEach((word, index) => {
    for (const token of tokenize(word.text)) {
      tokens.push(token);
      wordOf.push(index);
    }
  });
  const startOf = (token: number) => words[wordOf[token] ?? 0]?.start ?? 0;
  const firstTokenFrom = (seconds: number) => {
    const found = wordOf.findIndex((_, token) => startOf(token) >= seconds);
    return found === -1 ? tokens.length : found;
  };
  const duration =
    transcript.durationInSeconds ?? words.reduce((latest, word) => Math.max(latest, word.end), 0);

  const aligned: OutlineTopic[] = [];
  let previousStart: number | undefined;
  let previousToken = -1;
  for (const topic of topics) {
    const isConclusion = options.conclusionBias === true && conclusionTitle.test(topic.title);
    let from = 0;
    if (options.monotone === true && previousStart !== undefined)
      from = firstTokenFrom(previousStart - backoff);
    // How conclusion_bias combines with monotone is unconfirmed (reference/soferai.md §4.5): both apply.
    if (isConclusion) from = Math.max(from, firstTokenFrom((duration * 2) / 3));
    const phrase = preparePhrase(topic.startingPhrase);
    let best: PhraseMatch | undefined;
    for (let start = from; start < tokens.length; start++) {
      if (!phrase.vocabulary.has(tokens[start] ?? '')) continue;
      const slack = Math.max(2, Math.ceil(phrase.tokens.length / 2));
      const match = matchPhrase(
        phrase,
        tokens,
        start,
        Math.min(tokens.length, start + phrase.tokens.length + slack),
      );
      if (match === undefined) continue;
      const tie = best !== undefined && Math.abs(match.score - best.score) <= 1e-9;
      const better =
        best === undefined ||
        match.score > best.score + 1e-9 ||
        (tie && isConclusion && match.firstToken > best.firstToken) ||
        // The backoff lets a topic start a little before the previous one, not on it: an equal
        // match past the previous start wins, so a repeated opening finds its next occurrence.
        (tie &&
          options.monotone === true &&
          best.firstToken <= previousToken &&
          match.firstToken > previousToken);
      if (better) best = match;
    }
    const result = toTopic(topic, phrase.tokens.length, best, words, wordOf);
    if (result.startTimeSec !== null && best !== undefined) {
      previousStart = result.startTimeSec;
      previousToken = best.firstToken;
    }
    aligned.push(result);
  }
  return aligned;
}

function toTopic(
  topic: OutlineTopicInput,
  phraseLength: number,
  match: PhraseMatch | undefined,
  words: Transcript['words'],
  wordOf: readonly number[],
): OutlineTopic {
  const confidence = buckets.find(([threshold]) => (match?.score ?? 0) >= threshold)?.[1] ?? 'NONE';
  const diagnostics = {
    scoreNorm: round(match?.score ?? 0),
    matchedContent: phraseLength === 0 ? null : (match?.matchedContent ?? 0),
    contentCoverage: phraseLength === 0 ? null : round(match?.contentCoverage ?? 0),
    longestContentRunSoft: phraseLength === 0 ? null : (match?.longestContentRunSoft ?? 0),
    longestContentRunStrict: phraseLength === 0 ? null : (match?.longestContentRunStrict ?? 0),
  };
  const base = { title: topic.title, startingPhrase: topic.startingPhrase, ...diagnostics };
  if (match === undefined || confidence === 'NONE') {
    return { ...base, startTimeSec: null, matchedText: '', confidence: 'NONE', tokenSpan: null };
  }
  const first = wordOf[match.firstToken] ?? 0;
  const last = wordOf[match.lastToken] ?? first;
  return {
    ...base,
    startTimeSec: words[first]?.start ?? 0,
    matchedText: words
      .slice(first, last + 1)
      .map((word) => word.text.trim())
      .join(' '),
    confidence,
    tokenSpan: [first, last + 1],
  };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function checkInput(topics: readonly OutlineTopicInput[], options: AlignOutlineOptions): void {
  if (!Array.isArray(topics)) {
    throw new InvalidArgumentError({
      argument: 'topics',
      message: 'must be an array of { title, startingPhrase }',
    });
  }
  topics.forEach((topic: unknown, index) => {
    const candidate = topic as Partial<OutlineTopicInput> | null;
    for (const field of ['title', 'startingPhrase'] as const) {
      if (typeof candidate?.[field] !== 'string') {
        throw new InvalidArgumentError({
          argument: `topics[${index}].${field}`,
          message: 'must be a string',
          value: candidate?.[field],
        });
      }
    }
  });
  const backoff = options.backoffSeconds;
  if (backoff !== undefined && !(Number.isFinite(backoff) && backoff >= 0)) {
    throw new InvalidArgumentError({
      argument: 'backoffSeconds',
      message: 'must be a non-negative number of seconds',
      value: backoff,
    });
  }
}
