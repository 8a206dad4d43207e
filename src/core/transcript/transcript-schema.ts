import * as v from 'valibot';

// A time in seconds from the start of the audio, like `HTMLMediaElement.currentTime`.
const TimeSchema = v.pipe(
  v.number('must be a number'),
  v.finite('must be a finite number'),
  v.minValue(0, 'must not be negative'),
);

const ConfidenceSchema = v.pipe(
  v.number('must be a number'),
  v.finite('must be a finite number'),
  v.minValue(0, 'must be between 0 and 1'),
  v.maxValue(1, 'must be between 0 and 1'),
);

const startNotAfterEnd = 'must not be before `start`';

/**
The valibot schema of a {@link Word}: one recognized word with its timing.

`start` and `end` are finite, non-negative seconds with `start <= end`. `confidence`, when
present, is between 0 and 1. Unknown keys are accepted and dropped from the parsed output.

@example
```ts
import * as v from 'valibot';
import { WordSchema } from 'scribekit';

const word = v.parse(WordSchema, { text: 'שלום', start: 0.2, end: 0.6, language: 'he' });
```
*/
export const WordSchema = v.pipe(
  v.object({
    /** The word as it should be displayed, in its own script, punctuation attached. */
    text: v.string(),
    /** When the word starts, in seconds. */
    start: TimeSchema,
    /** When the word ends, in seconds; never before `start`. */
    end: TimeSchema,
    /** How sure the provider is of the word, from 0 to 1. */
    confidence: v.optional(ConfidenceSchema),
    /** The provider's label for who said the word, such as `1` or `A`. */
    speaker: v.optional(v.string()),
    /** The word's language, as the provider reported it (usually an ISO 639-1 code such as `he`). */
    language: v.optional(v.string()),
  }),
  v.forward(
    v.partialCheck([['start'], ['end']], (word) => word.start <= word.end, startNotAfterEnd),
    ['end'],
  ),
);

/**
One recognized word with its timing, speaker and language.

Words are whole words (providers that return sub-word tokens are merged before they reach a
`Transcript`) and keep the script they were spoken in.

@example
```ts
import type { Word } from 'scribekit';

const word: Word = { text: 'שלום', start: 0.2, end: 0.6, speaker: '1', language: 'he' };
```
*/
export type Word = v.InferOutput<typeof WordSchema>;

/**
The valibot schema of a {@link Segment}: an utterance of consecutive words.

`start` and `end` are finite, non-negative seconds with `start <= end`. `words` may be empty
when the provider only timed whole segments.

@example
```ts
import * as v from 'valibot';
import { SegmentSchema } from 'scribekit';

const segment = v.parse(SegmentSchema, { text: 'Hello there.', start: 0, end: 1.2, words: [] });
```
*/
export const SegmentSchema = v.pipe(
  v.object({
    /** The segment's words joined for display. */
    text: v.string(),
    /** When the segment starts, in seconds. */
    start: TimeSchema,
    /** When the segment ends, in seconds; never before `start`. */
    end: TimeSchema,
    /** Who speaks in this segment, when the transcript is diarized. */
    speaker: v.optional(v.string()),
    /** The segment's language: the language most of its words are in, when they have one. */
    language: v.optional(v.string()),
    /** The words of the segment, in time order; empty when the provider gave no word timings. */
    words: v.array(WordSchema),
  }),
  v.forward(
    v.partialCheck([['start'], ['end']], (segment) => segment.start <= segment.end, startNotAfterEnd),
    ['end'],
  ),
);

/**
An utterance: consecutive words of one speaker (and one language) without a long pause.

@example
```ts
import type { Segment } from 'scribekit';

const paragraphs = transcript.segments.map((segment: Segment) => `${segment.speaker}: ${segment.text}`);
```
*/
export type Segment = v.InferOutput<typeof SegmentSchema>;

/**
The valibot schema of a {@link Chapter}: a titled section of the audio.

`end` is optional: a chapter without one lasts until the next chapter starts (or the audio ends).

@example
```ts
import * as v from 'valibot';
import { ChapterSchema } from 'scribekit';

const chapter = v.parse(ChapterSchema, { title: 'Introduction', start: 0 });
```
*/
export const ChapterSchema = v.pipe(
  v.object({
    /** The chapter's title. */
    title: v.string(),
    /** When the chapter starts, in seconds. */
    start: TimeSchema,
    /** When the chapter ends, in seconds; absent when it runs until the next chapter. */
    end: v.optional(TimeSchema),
    /** How sure the provider is of the chapter, from 0 to 1. */
    confidence: v.optional(ConfidenceSchema),
  }),
  v.forward(
    v.partialCheck(
      [['start'], ['end']],
      (chapter) => chapter.end === undefined || chapter.start <= chapter.end,
      startNotAfterEnd,
    ),
    ['end'],
  ),
);

/**
A titled section of the audio, for an outline or a WebVTT chapters track.

@example
```ts
import type { Chapter } from 'scribekit';

const chapters: Chapter[] = [{ title: 'Intro', start: 0 }, { title: 'Questions', start: 95.5 }];
```
*/
export type Chapter = v.InferOutput<typeof ChapterSchema>;

/**
The valibot schema of a {@link Warning}, discriminated by `type`.

- `unsupported`: the provider could not honour a requested option; `feature` names the option as
  it was passed to `transcribe()` (`diarize`, `language`, …).
- `other`: anything else worth telling the caller (a truncated result, a guessed language, …);
  `feature` is optional.

@example
```ts
import * as v from 'valibot';
import { WarningSchema } from 'scribekit';

const warning = v.parse(WarningSchema, {
  type: 'unsupported',
  feature: 'diarize',
  message: 'Scriptivox does not label speakers.',
});
```
*/
export const WarningSchema = v.variant('type', [
  v.object({
    /** The provider could not honour a requested option. */
    type: v.literal('unsupported'),
    /** The option that was ignored, as it was passed to `transcribe()`. */
    feature: v.string(),
    /** A human-readable explanation. */
    message: v.string(),
  }),
  v.object({
    /** Any other notice about the result. */
    type: v.literal('other'),
    /** The option or part of the result the warning is about, when there is one. */
    feature: v.optional(v.string()),
    /** A human-readable explanation. */
    message: v.string(),
  }),
]);

/**
Something the caller should know about a transcript that is not an error: an option the
provider could not honour (`unsupported`, with the `feature`), or another notice (`other`).

@example
```ts
import type { Warning } from 'scribekit';

const ignored = transcript.warnings
  .filter((warning: Warning) => warning.type === 'unsupported')
  .map((warning) => warning.feature);
```
*/
export type Warning = v.InferOutput<typeof WarningSchema>;

/**
The valibot schema of a {@link Transcript}, the one result shape every provider is mapped to.

Every time is a finite, non-negative number of seconds, and every `start` is at or before its
`end`. Unknown keys are accepted and dropped from the parsed output. Words are not required to be
sorted, and segments may overlap (people talk over each other).

@example
```ts
import * as v from 'valibot';
import { TranscriptSchema } from 'scribekit';

const transcript = v.parse(TranscriptSchema, JSON.parse(stored));
```
*/
export const TranscriptSchema = v.object({
  /** The provider that produced the transcript, such as `soniox`. */
  provider: v.string(),
  /** The provider's id for the transcription job, when it has one. */
  id: v.optional(v.string()),
  /** The full text: the segments' texts joined with spaces. */
  text: v.string(),
  /** The main language of the audio, when known (usually an ISO 639-1 code such as `he`). */
  language: v.optional(v.string()),
  /** The length of the audio in seconds, when known. */
  durationInSeconds: v.optional(TimeSchema),
  /** Every word, in time order. */
  words: v.array(WordSchema),
  /** Utterances: consecutive words of one speaker, in time order. */
  segments: v.array(SegmentSchema),
  /** The distinct speaker labels, in order of first appearance; empty when not diarized. */
  speakers: v.array(v.string()),
  /** Chapters, when the provider detected them or they were aligned from an outline. */
  chapters: v.optional(v.array(ChapterSchema)),
  /** Options the provider could not honour and other notices; empty when there are none. */
  warnings: v.array(WarningSchema),
  /** Provider-specific data that has no place in the normalized shape. */
  providerMetadata: v.optional(v.record(v.string(), v.unknown())),
});

/**
One normalized transcript, whatever the provider: full text, words, speaker segments, chapters
and warnings. Times are seconds (floats), like `HTMLMediaElement.currentTime`.

@example
```ts
import { transcribe, type Transcript } from 'scribekit';

const transcript: Transcript = await transcribe({ provider, audio });
video.currentTime = transcript.segments[2]?.start ?? 0;
```
*/
export type Transcript = v.InferOutput<typeof TranscriptSchema>;
