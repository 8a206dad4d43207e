import * as v from 'valibot';
import { InvalidArgumentError } from '../errors/index.js';
import { buildSegments, type BuildSegmentsOptions } from './build-segments.js';
import { normalizeText } from './join-words.js';
import {
  TranscriptSchema,
  type Chapter,
  type Segment,
  type Transcript,
  type Warning,
  type Word,
} from './transcript-schema.js';

/** What {@link createTranscript} builds a transcript from. Only `provider` is required. */
export interface CreateTranscriptInput {
  /** The provider that produced the transcript, such as `soniox`. */
  provider: string;
  /**
  Every word, in time order.

  @default []
  */
  words?: readonly Word[] | undefined;
  /** The provider's id for the transcription job. */
  id?: string | undefined;
  /** The full text, when the provider's own should be kept. Built from the segments otherwise. */
  text?: string | undefined;
  /** The main language of the audio. */
  language?: string | undefined;
  /** The length of the audio in seconds. Defaults to the latest `end` of any word or segment. */
  durationInSeconds?: number | undefined;
  /** The segments, when the provider returned its own. Built from `words` otherwise. */
  segments?: readonly Segment[] | undefined;
  /** The speaker labels. Defaults to the distinct speakers of the words and segments. */
  speakers?: readonly string[] | undefined;
  /** Chapters, when known. */
  chapters?: readonly Chapter[] | undefined;
  /**
  Options the provider could not honour and other notices.

  @default []
  */
  warnings?: readonly Warning[] | undefined;
  /** Provider-specific data that has no place in the normalized shape. */
  providerMetadata?: Record<string, unknown> | undefined;
  /** How to build segments from `words` when `segments` is not given. */
  segmentation?: BuildSegmentsOptions | undefined;
}

/**
Builds a complete, validated {@link Transcript} from words and whatever else is known.

Fills in what is missing:

- `segments`: {@link buildSegments} of the words (with `segmentation` as its options);
- `text`: the segments' texts joined with single spaces (`''` when there are none);
- `speakers`: the distinct speakers of the words, then of the segments, in order of first appearance;
- `durationInSeconds`: the latest `end` of any word or segment (absent when there are none);
- `warnings`: `[]`.

Arrays are copied; words and segments are kept as given (not sorted). Keys whose value is
`undefined` are left out. Pure: no I/O.

Throws `InvalidArgumentError` when the result is not a valid transcript (a negative or NaN time, a
word that ends before it starts, …), with `argument` naming the offending field (`words[3].end`).

@example
```ts
import { createTranscript, toSrt } from 'scribekit';

const transcript = createTranscript({
  provider: 'soniox',
  language: 'en',
  words: [
    { text: 'Hello', start: 0.12, end: 0.5, speaker: '1' },
    { text: 'there.', start: 0.55, end: 0.9, speaker: '1' },
  ],
});
transcript.text; //=> 'Hello there.'
toSrt(transcript);
```
*/
export function createTranscript(input: CreateTranscriptInput): Transcript {
  const words = [...(input.words ?? [])];
  const segments =
    input.segments === undefined ? buildSegments(words, input.segmentation) : [...input.segments];

  const transcript: Transcript = {
    provider: input.provider,
    text: input.text ?? joinSegmentTexts(segments),
    words,
    segments,
    speakers: input.speakers === undefined ? distinctSpeakers(words, segments) : [...input.speakers],
    warnings: [...(input.warnings ?? [])],
  };
  if (input.id !== undefined) transcript.id = input.id;
  if (input.language !== undefined) transcript.language = input.language;
  const duration = input.durationInSeconds ?? latestEnd(words, segments);
  if (duration !== undefined) transcript.durationInSeconds = duration;
  if (input.chapters !== undefined) transcript.chapters = [...input.chapters];
  if (input.providerMetadata !== undefined) transcript.providerMetadata = input.providerMetadata;

  const result = v.safeParse(TranscriptSchema, transcript);
  if (!result.success) {
    const issue = result.issues[0];
    throw new InvalidArgumentError({
      argument: issuePath(issue.path),
      message: issue.message,
      value: issue.input,
    });
  }
  return transcript;
}

function joinSegmentTexts(segments: readonly Segment[]): string {
  const texts: string[] = [];
  for (const segment of segments) {
    // A bad segment is reported by the schema check below, with its path.
    if (typeof segment.text !== 'string') continue;
    const text = normalizeText(segment.text);
    if (text !== '') texts.push(text);
  }
  return texts.join(' ');
}

function distinctSpeakers(words: readonly Word[], segments: readonly Segment[]): string[] {
  const speakers = new Set<string>();
  for (const word of words) if (word.speaker !== undefined) speakers.add(word.speaker);
  for (const segment of segments) if (segment.speaker !== undefined) speakers.add(segment.speaker);
  return [...speakers];
}

function latestEnd(words: readonly Word[], segments: readonly Segment[]): number | undefined {
  let latest: number | undefined;
  const consider = (end: number): void => {
    // Invalid times are skipped here so the schema check reports them at their own path.
    if (Number.isFinite(end) && end >= 0 && (latest === undefined || end > latest)) latest = end;
  };
  for (const word of words) consider(word.end);
  for (const segment of segments) consider(segment.end);
  return latest;
}

function issuePath(path: readonly v.IssuePathItem[] | undefined): string {
  let argument = 'input';
  for (const item of path ?? []) {
    const key = item.key;
    argument += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  }
  return argument.replace(/^input\./, '');
}
