import { assertNonNegative, assertPositive, assertTimeRange } from './assert-options.js';
import { joinWords } from './join-words.js';
import type { Segment, Word } from './transcript-schema.js';

/** Options of {@link buildSegments}. */
export interface BuildSegmentsOptions {
  /**
  The longest silence, in seconds, that may separate two words of one segment. A longer gap
  between the end of a word and the start of the next starts a new segment.

  @default 1.5
  */
  maxPauseInSeconds?: number | undefined;
  /**
  Whether a word in another language than the segment's starts a new segment. Set it to `false`
  for code-switched speech (a Hebrew sentence with an English term in it) if you would rather keep
  sentences whole than have one language per segment.

  @default true
  */
  splitOnLanguageChange?: boolean | undefined;
  /**
  The longest a segment may last, in seconds. A word that would end later than this after the
  segment's start starts a new segment. A single word longer than this is a segment on its own.

  @default Infinity
  */
  maxSegmentDurationInSeconds?: number | undefined;
}

interface OpenSegment {
  words: Word[];
  start: number;
  end: number;
  speaker: string | undefined;
  language: string | undefined;
}

/**
Groups consecutive words into segments (utterances).

A new segment starts when the speaker changes, when the language changes (see
`splitOnLanguageChange`), after a pause longer than `maxPauseInSeconds`, or when the segment
would outlast `maxSegmentDurationInSeconds`. Words are taken in the order given, which should be
time order; they are never reordered, dropped or copied.

A word without a `speaker` (or `language`) continues the current segment rather than starting
one, and the segment takes the first speaker one of its words has. A segment's `language` is the
language most of its words have (the first one on a tie); `text` is {@link joinWords} of its words.

Throws `InvalidArgumentError` for a word with a negative, non-finite or reversed time, and for an
option out of range.

@example
```ts
import { buildSegments } from 'scribekit';

const segments = buildSegments([
  { text: 'Hi', start: 0, end: 0.3, speaker: 'A' },
  { text: 'there.', start: 0.35, end: 0.7, speaker: 'A' },
  { text: 'Hello!', start: 1, end: 1.4, speaker: 'B' },
]);
//=> [{ text: 'Hi there.', start: 0, end: 0.7, speaker: 'A', words: [...] },
//    { text: 'Hello!', start: 1, end: 1.4, speaker: 'B', words: [...] }]
```
*/
export function buildSegments(words: readonly Word[], options: BuildSegmentsOptions = {}): Segment[] {
  const maxPause = options.maxPauseInSeconds ?? 1.5;
  const splitOnLanguageChange = options.splitOnLanguageChange ?? true;
  const maxDuration = options.maxSegmentDurationInSeconds ?? Infinity;
  assertNonNegative(maxPause, 'maxPauseInSeconds');
  assertPositive(maxDuration, 'maxSegmentDurationInSeconds');

  const segments: Segment[] = [];
  let open: OpenSegment | undefined;

  words.forEach((word, index) => {
    assertTimeRange(word, `words[${index}]`);
    if (open !== undefined) {
      const speakerChanged =
        word.speaker !== undefined && open.speaker !== undefined && word.speaker !== open.speaker;
      const languageChanged =
        splitOnLanguageChange &&
        word.language !== undefined &&
        open.language !== undefined &&
        word.language !== open.language;
      const paused = word.start - open.end > maxPause;
      const tooLong = Math.max(open.end, word.end) - open.start > maxDuration;
      if (speakerChanged || languageChanged || paused || tooLong) {
        segments.push(closeSegment(open));
        open = undefined;
      }
    }
    if (open === undefined) {
      open = {
        words: [word],
        start: word.start,
        end: word.end,
        speaker: word.speaker,
        language: word.language,
      };
    } else {
      open.words.push(word);
      open.start = Math.min(open.start, word.start);
      open.end = Math.max(open.end, word.end);
      open.speaker ??= word.speaker;
      open.language ??= word.language;
    }
  });
  if (open !== undefined) segments.push(closeSegment(open));
  return segments;
}

function closeSegment(open: OpenSegment): Segment {
  const segment: Segment = {
    text: joinWords(open.words),
    start: open.start,
    end: open.end,
    words: open.words,
  };
  if (open.speaker !== undefined) segment.speaker = open.speaker;
  const language = mostCommonLanguage(open.words);
  if (language !== undefined) segment.language = language;
  return segment;
}

function mostCommonLanguage(words: readonly Word[]): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  let bestCount = 0;
  for (const word of words) {
    if (word.language === undefined) continue;
    const count = (counts.get(word.language) ?? 0) + 1;
    counts.set(word.language, count);
    // Strictly greater, so the language seen first wins a tie.
    if (count > bestCount) {
      best = word.language;
      bestCount = count;
    }
  }
  return best;
}
