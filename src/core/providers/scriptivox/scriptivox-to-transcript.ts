import { InvalidArgumentError } from '../../errors/index.js';
import { createTranscript } from '../../transcript/index.js';
import type { Segment, Transcript, Warning, Word } from '../../transcript/index.js';
import type { ScriptivoxTranscription, ScriptivoxUtterance, ScriptivoxWord } from './scriptivox-api.js';

/**
Turns a completed Scriptivox job into the normalized {@link Transcript}: each utterance becomes a
segment with its speaker (`SPEAKER 1`) and its words (with `align`), each word keeps its
confidence and takes the utterance's speaker when it names none. `text` is Scriptivox's
`full_transcript`; utterance confidences and the cost go to `providerMetadata.scriptivox`. Pure:
no I/O.

Throws `InvalidArgumentError` for a job that has no result yet.

@example
```ts
import { createScriptivox, scriptivoxToTranscript } from 'scribekit/scriptivox';

const scriptivox = createScriptivox({ apiKey });
const job = await scriptivox.transcribe.wait(id);
console.log(scriptivoxToTranscript(job).segments);
```
*/
export function scriptivoxToTranscript(
  transcription: ScriptivoxTranscription,
  options: { warnings?: readonly Warning[] | undefined } = {},
): Transcript {
  const result = transcription.result;
  if (result === undefined) {
    throw new InvalidArgumentError({
      argument: 'transcription',
      message: `has no result: it is ${transcription.status}, not completed`,
      value: transcription.id,
    });
  }
  const segments = result.utterances.map(toSegment);
  const metadata: Record<string, unknown> = {
    utteranceConfidences: result.utterances.map((utterance) => utterance.confidence ?? null),
  };
  if (transcription.costCents !== undefined) metadata.costCents = transcription.costCents;
  return createTranscript({
    provider: 'scriptivox',
    id: transcription.id,
    text: result.fullTranscript.trim(),
    language: result.language ?? transcription.language,
    durationInSeconds: result.durationSeconds ?? transcription.audioDurationSeconds,
    words: segments.flatMap((segment) => segment.words),
    segments,
    speakers: result.speakers.length > 0 ? result.speakers : undefined,
    warnings: options.warnings,
    providerMetadata: { scriptivox: metadata },
  });
}

function toSegment(utterance: ScriptivoxUtterance): Segment {
  const start = Math.max(0, utterance.start);
  const segment: Segment = {
    text: utterance.text.trim(),
    start,
    end: Math.max(start, utterance.end),
    words: utterance.words
      .map((word) => toWord(word, utterance.speaker))
      .filter((word) => word !== undefined),
  };
  if (utterance.speaker !== undefined) segment.speaker = utterance.speaker;
  return segment;
}

function toWord(word: ScriptivoxWord, utteranceSpeaker: string | undefined): Word | undefined {
  const text = word.word.trim();
  if (text === '' || !(word.start >= 0)) return undefined;
  const result: Word = { text, start: word.start, end: Math.max(word.start, word.end) };
  // A confidence outside 0–1 would make the transcript invalid; it is dropped rather than guessed at.
  if (word.confidence !== undefined && word.confidence >= 0 && word.confidence <= 1)
    result.confidence = word.confidence;
  const speaker = word.speaker ?? utteranceSpeaker;
  if (speaker !== undefined) result.speaker = speaker;
  return result;
}
