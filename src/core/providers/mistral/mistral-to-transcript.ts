import { createTranscript } from '../../transcript/index.js';
import type { Segment, Transcript, Warning, Word } from '../../transcript/index.js';
import type { MistralSegment, MistralTranscription, MistralWord } from './mistral-api.js';

/** What {@link mistralToTranscript} knows beyond the response. */
export interface MistralToTranscriptOptions {
  /** The language that was requested, used when Mistral reports none (Voxtral 3 without `returnLanguage`). */
  language?: string | undefined;
  /** The audio's length, when known from the file itself; Mistral reports only whole seconds. */
  durationInSeconds?: number | undefined;
  /** Notices to carry on the transcript. */
  warnings?: readonly Warning[] | undefined;
}

/**
Turns a Mistral transcription into the normalized {@link Transcript}. Segments keep their text,
times and `speakerId`; a segment without times (which Mistral allows) is left out of `segments`
but stays in `text`. Mistral returns no words unless a model sends them (see `MistralWord`): then
each word joins the segment its midpoint falls in, and takes that segment's speaker if it has
none. Pure: no I/O.

@example
```ts
import { createMistral, mistralToTranscript } from 'scribekit/mistral';

const mistral = createMistral({ apiKey });
const result = await mistral.audio.transcriptions.complete({
  model: 'voxtral-mini-transcribe-3-0',
  file,
  timestampGranularities: ['segment'],
  diarize: true,
});
console.log(mistralToTranscript(result).segments);
```
*/
export function mistralToTranscript(
  transcription: MistralTranscription,
  options: MistralToTranscriptOptions = {},
): Transcript {
  const words = transcription.words.map(toWord).filter((word) => word !== undefined);
  const timed = transcription.segments.filter(
    (segment): segment is MistralSegment & { start: number; end: number } =>
      segment.start !== undefined && segment.end !== undefined,
  );
  const owner = words.map((word) => {
    const middle = (word.start + word.end) / 2;
    return timed.findIndex((segment) => middle >= segment.start && middle <= segment.end);
  });
  const segments = timed.map((segment, index) =>
    toSegment(
      segment,
      words.filter((_word, wordIndex) => owner[wordIndex] === index),
    ),
  );
  const latestEnd = Math.max(0, ...segments.map((segment) => segment.end), ...words.map((word) => word.end));
  const billed = transcription.usage?.promptAudioSeconds;
  const metadata: Record<string, unknown> = { model: transcription.model };
  if (transcription.usage !== undefined) metadata.usage = transcription.usage;
  return createTranscript({
    provider: 'mistral',
    text: transcription.text.trim(),
    language: transcription.language ?? options.language,
    words,
    // Without segments, words (if any) are grouped by the shared segment builder.
    segments: segments.length > 0 || words.length === 0 ? segments : undefined,
    // Whole billed seconds can round below the last timestamp; a timestamp never lies about length.
    durationInSeconds:
      options.durationInSeconds ?? (billed !== undefined && billed >= latestEnd ? billed : undefined),
    warnings: options.warnings,
    providerMetadata: { mistral: metadata },
  });
}

function toWord(word: MistralWord): Word | undefined {
  const text = word.text.trim();
  if (text === '' || !(word.start >= 0)) return undefined;
  const result: Word = { text, start: word.start, end: Math.max(word.start, word.end) };
  if (word.confidence !== undefined && word.confidence >= 0 && word.confidence <= 1)
    result.confidence = word.confidence;
  if (word.speakerId !== undefined) result.speaker = word.speakerId;
  return result;
}

function toSegment(segment: MistralSegment & { start: number; end: number }, inside: Word[]): Segment {
  const start = Math.max(0, segment.start);
  const end = Math.max(start, segment.end);
  if (segment.speakerId !== undefined) {
    for (const word of inside) word.speaker ??= segment.speakerId;
  }
  const result: Segment = { text: segment.text.trim(), start, end, words: inside };
  if (segment.speakerId !== undefined) result.speaker = segment.speakerId;
  return result;
}
