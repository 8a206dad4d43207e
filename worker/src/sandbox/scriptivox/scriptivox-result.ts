import type { SampleWord } from '../samples/demo-sample.js';
import type { AudioIdentity } from '../samples/identify-audio.js';
import { sandboxWords } from '../samples/sandbox-words.js';
import type { ScriptivoxJobRequest } from './scriptivox-job.js';

/** A word of `result.utterances[].words`. */
export interface ScriptivoxResultWord {
  readonly word: string;
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
  readonly speaker?: string;
}

/** One of `result.utterances`. */
export interface ScriptivoxResultUtterance {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly speaker?: string;
  readonly confidence: number;
  readonly words?: readonly ScriptivoxResultWord[];
}

/** A completed job's `result`. */
export interface ScriptivoxResultBody {
  readonly full_transcript: string;
  readonly language: string;
  readonly duration_seconds: number;
  readonly speakers: readonly string[];
  readonly utterances: readonly ScriptivoxResultUtterance[];
}

/**
The result for audio the sandbox can use: a demo sample's words, or placeholder words over the
audio's length (with diarization, as many speakers as `speaker_count` says, else two). Utterances
are sentences or speaker turns; `speaker` (`SPEAKER 1`) only when diarized, `words` only when
aligned. Whether `speakers` is empty or absent without diarization is unconfirmed; it is empty here.
*/
export function jobResult(
  audio: Extract<AudioIdentity, { kind: 'sample' | 'audio' }>,
  request: ScriptivoxJobRequest,
): ScriptivoxResultBody {
  const words =
    audio.kind === 'sample'
      ? audio.sample.words
      : sandboxWords(audio.durationMs, { speakers: request.diarize ? (request.speakerCount ?? 2) : 1 });
  const label = (word: SampleWord) => `SPEAKER ${word.speaker ?? '1'}`;
  const utterances = runs(words).map((run, runIndex): ScriptivoxResultUtterance => {
    const timed = run.map((word, index) => ({
      word: word.text,
      start: word.startMs / 1000,
      end: word.endMs / 1000,
      confidence: confidence(runIndex * 1000 + index, word.text),
      ...(request.diarize && { speaker: label(word) }),
    }));
    const first = run[0];
    return {
      start: timed[0]?.start ?? 0,
      end: timed.at(-1)?.end ?? 0,
      text: run.map((word) => word.text).join(' '),
      ...(request.diarize && first !== undefined && { speaker: label(first) }),
      confidence:
        Math.round(
          (timed.reduce((sum, word) => sum + word.confidence, 0) / Math.max(1, timed.length)) * 100,
        ) / 100,
      ...(request.align && { words: timed }),
    };
  });
  return {
    full_transcript: words.map((word) => word.text).join(' '),
    language: audio.kind === 'sample' ? audio.sample.language : (request.language ?? 'en'),
    duration_seconds: audio.durationMs / 1000,
    speakers: request.diarize ? [...new Set(words.map(label))] : [],
    utterances,
  };
}

function runs(words: readonly SampleWord[]): SampleWord[][] {
  const result: SampleWord[][] = [];
  let current: SampleWord[] = [];
  for (const word of words) {
    const last = current.at(-1);
    if (last !== undefined && (last.speaker ?? '1') !== (word.speaker ?? '1')) {
      result.push(current);
      current = [];
    }
    current.push(word);
    if (/[.!?…]$/u.test(word.text)) {
      result.push(current);
      current = [];
    }
  }
  if (current.length > 0) result.push(current);
  return result;
}

// Between 0.85 and 0.99, stable for the same word in the same place.
function confidence(seed: number, text: string): number {
  let hash = Math.imul(seed + 1, 2654435761) >>> 0;
  for (const char of text) {
    hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619) >>> 0;
  }
  return Math.round((0.85 + ((hash % 1000) / 1000) * 0.14) * 100) / 100;
}
