import type { SampleWord } from '../samples/demo-sample.js';
import type { AudioIdentity } from '../samples/identify-audio.js';
import { sandboxWords } from '../samples/sandbox-words.js';
import type { MistralSandboxFamily } from './mistral-models.js';
import type { MistralTranscriptionForm } from './mistral-transcription-form.js';

/** A `TranscriptionSegmentChunk` as Mistral sends it. */
export interface MistralSegmentChunk {
  readonly type: 'transcription_segment';
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly speaker_id?: string;
}

/** A timed word, in the OpenAI-compatible shape (what Voxtral 2 sent for `word` is unconfirmed). */
export interface MistralWordChunk {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/** `UsageInfo`. */
export interface MistralUsageInfo {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
  readonly total_tokens: number;
  readonly prompt_audio_seconds: number;
  readonly request_count: number;
}

/** `TranscriptionResponse`, the body of a whole transcription and of the stream's last event. */
export interface MistralTranscriptionBody {
  readonly model: string;
  readonly text: string;
  readonly language: string | null;
  readonly segments: readonly MistralSegmentChunk[];
  readonly words?: readonly MistralWordChunk[];
  readonly usage: MistralUsageInfo;
}

/** Audio the sandbox can answer for: a demo sample, or other audio of a known length. */
export type UsableAudio = Extract<AudioIdentity, { kind: 'sample' | 'audio' }>;

// Voxtral's audio encoder emits 12.5 tokens a second (Voxtral model card); a word is about 1.3 text tokens.
const AUDIO_TOKENS_PER_SECOND = 12.5;

/**
What Mistral answers for some audio: a demo sample's words, or the sandbox's placeholder words
over the audio's length (two speakers when diarizing). Segments are sentences or speaker turns;
they are sent only when `segment` timestamps were asked for, `speaker_id` (`speaker_1`) only with
`diarize`.

`language` follows the family (reference/mistral.md §0): Voxtral 3 reports it only with
`return_language`, and otherwise sends `null` (the SDK requires the key); Voxtral 2 echoes a given
language, and reports the detected one only without timestamps, as its docs' examples show.
*/
export function transcriptionBody(
  audio: UsableAudio,
  form: MistralTranscriptionForm,
  family: MistralSandboxFamily,
): MistralTranscriptionBody {
  const words =
    audio.kind === 'sample'
      ? audio.sample.words
      : sandboxWords(audio.durationMs, { speakers: form.diarize ? 2 : 1 });
  const detected = audio.kind === 'sample' ? audio.sample.language : 'en';
  const timed = form.timestampGranularities.length > 0;
  const language =
    family === 'voxtral-3'
      ? form.returnLanguage
        ? detected
        : null
      : (form.language ?? (timed ? null : detected));
  const segments = form.timestampGranularities.includes('segment')
    ? utterances(words).map((run) => segmentChunk(run, form.diarize))
    : [];
  const seconds = Math.max(1, Math.ceil(audio.durationMs / 1000));
  const promptTokens = Math.round(seconds * AUDIO_TOKENS_PER_SECOND);
  const completionTokens = Math.ceil(words.length * 1.3);
  return {
    model: form.model,
    text: words.map((word) => word.text).join(' '),
    language,
    segments,
    ...(form.timestampGranularities.includes('word') && {
      words: words.map((word) => ({ word: word.text, start: word.startMs / 1000, end: word.endMs / 1000 })),
    }),
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_audio_seconds: seconds,
      request_count: 1,
    },
  };
}

/** Splits words into runs that end a sentence or change speaker. */
export function utterances(words: readonly SampleWord[]): SampleWord[][] {
  const runs: SampleWord[][] = [];
  let current: SampleWord[] = [];
  for (const word of words) {
    const last = current.at(-1);
    if (last !== undefined && (last.speaker ?? '1') !== (word.speaker ?? '1')) {
      runs.push(current);
      current = [];
    }
    current.push(word);
    if (/[.!?…]$/u.test(word.text)) {
      runs.push(current);
      current = [];
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

function segmentChunk(run: readonly SampleWord[], diarize: boolean): MistralSegmentChunk {
  const first = run[0];
  const last = run.at(-1);
  return {
    type: 'transcription_segment',
    text: run.map((word) => word.text).join(' '),
    start: (first?.startMs ?? 0) / 1000,
    end: (last?.endMs ?? 0) / 1000,
    ...(diarize && { speaker_id: `speaker_${first?.speaker ?? '1'}` }),
  };
}
