import type { ScriptivoxResultBody, ScriptivoxResultUtterance } from './scriptivox-result.js';

/** The export formats of `GET /v1/transcribe/{id}?format=`. */
export type ScriptivoxExportFormat = 'srt' | 'vtt' | 'text';

/** What shapes an export; the other documented parameters are accepted and ignored. */
export interface ScriptivoxExportOptions {
  /** Split a caption after this many words (needs word timings). */
  readonly maxWords: number | null;
  /** Prefix each caption with its speaker. */
  readonly includeSpeakers: boolean;
}

/** The `Content-Type` of each format. */
export const EXPORT_CONTENT_TYPES: Readonly<Record<ScriptivoxExportFormat, string>> = {
  srt: 'application/x-subrip; charset=utf-8',
  vtt: 'text/vtt; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};

interface Cue {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly speaker: string | undefined;
}

/**
A result as SRT, WebVTT or text: one caption per utterance (or per `maxWords` words of it), one
line per utterance for text. Scriptivox does not document the exact layout, so this is the common
one; its segmentation parameters' value formats are unconfirmed.
*/
export function exportResult(
  result: ScriptivoxResultBody,
  format: ScriptivoxExportFormat,
  options: ScriptivoxExportOptions,
): string {
  const cues = result.utterances.flatMap((utterance) => cuesOf(utterance, options.maxWords));
  const line = (cue: Cue) =>
    options.includeSpeakers && cue.speaker !== undefined ? `${cue.speaker}: ${cue.text}` : cue.text;
  if (format === 'text') {
    return `${cues.map(line).join('\n')}\n`;
  }
  const blocks = cues.map((cue, index) => {
    const times = `${timestamp(cue.start, format)} --> ${timestamp(cue.end, format)}`;
    return format === 'srt' ? `${index + 1}\n${times}\n${line(cue)}` : `${times}\n${line(cue)}`;
  });
  return format === 'srt' ? `${blocks.join('\n\n')}\n` : `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

function cuesOf(utterance: ScriptivoxResultUtterance, maxWords: number | null): Cue[] {
  const words = utterance.words ?? [];
  if (maxWords === null || words.length <= maxWords) {
    return [{ start: utterance.start, end: utterance.end, text: utterance.text, speaker: utterance.speaker }];
  }
  const cues: Cue[] = [];
  for (let index = 0; index < words.length; index += maxWords) {
    const chunk = words.slice(index, index + maxWords);
    cues.push({
      start: chunk[0]?.start ?? utterance.start,
      end: chunk.at(-1)?.end ?? utterance.end,
      text: chunk.map((word) => word.word).join(' '),
      speaker: utterance.speaker,
    });
  }
  return cues;
}

function timestamp(seconds: number, format: 'srt' | 'vtt'): string {
  const totalMs = Math.round(seconds * 1000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const hours = Math.floor(totalMs / 3_600_000);
  const minutes = Math.floor(totalMs / 60_000) % 60;
  const secs = Math.floor(totalMs / 1000) % 60;
  return `${pad(hours)}:${pad(minutes)}:${pad(secs)}${format === 'srt' ? ',' : '.'}${pad(totalMs % 1000, 3)}`;
}
