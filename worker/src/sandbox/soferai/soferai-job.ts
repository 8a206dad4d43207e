import type { AudioIdentity } from '../samples/identify-audio.js';
import type { JobClock } from '../shared/job-clock.js';
import {
  renderTranscript,
  soferaiSandboxWords,
  type RenderedTranscript,
  type SpokenWord,
} from './soferai-words.js';

/** A transcription's status, as SoferAI names them (the ones the sandbox reaches). */
export type SoferaiStatus = 'RECEIVED' | 'PROCESSING' | 'COMPLETED' | 'FAILED' | 'INSUFFICIENT_FUNDS';

/** A transcription as the emulator keeps it: the request, and what the sandbox made of its audio. */
export interface SoferaiJob {
  /** UUID, the caller's or the sandbox's. */
  readonly id: string;
  /** Creation instant, ms since the epoch: the status follows from it and the job clock. */
  readonly createdAtMs: number;
  readonly title: string;
  readonly model: string;
  readonly primaryLanguage: string;
  /** As requested, or the language's default. */
  readonly hebrewWordFormat: readonly string[];
  /** As requested; `null` when not given (SoferAI's default is 1). */
  readonly numSpeakers: number | null;
  readonly autoDetectSpeakers: boolean;
  /** The batch item's key, `null` outside batches. */
  readonly clientItemId: string | null;
  /** Decided at creation, revealed as the job progresses. */
  readonly audio: AudioIdentity;
  /** What it costs once completed, in US cents. */
  readonly chargeCents: number;
  /** True when the balance could not cover `chargeCents` at creation: the job never runs. */
  readonly insufficientFunds: boolean;
}

/** How many speakers the sandbox "detects" when asked to. */
export const SOFERAI_DETECTED_SPEAKERS = 2;

/** The job's status now: RECEIVED, then PROCESSING, then COMPLETED, or FAILED for audio it cannot use. */
export function jobStatus(job: SoferaiJob, clock: JobClock): SoferaiStatus {
  if (job.insufficientFunds) return 'INSUFFICIENT_FUNDS';
  const phase = clock.phaseOf(job.createdAtMs);
  if (phase === 'queued') return 'RECEIVED';
  if (phase === 'processing') return 'PROCESSING';
  return job.audio.kind === 'undecodable' || job.audio.kind === 'unreachable' ? 'FAILED' : 'COMPLETED';
}

/** Whether the job labels speakers, and so costs more. */
export function labelsSpeakers(job: Pick<SoferaiJob, 'numSpeakers' | 'autoDetectSpeakers'>): boolean {
  return job.autoDetectSpeakers || (job.numSpeakers ?? 1) > 1;
}

/** SoferAI's `TranscriptionInfo` of a job as it stands now. */
export function infoView(job: SoferaiJob, clock: JobClock): Record<string, unknown> {
  const status = jobStatus(job, clock);
  const processed = status === 'PROCESSING' || status === 'COMPLETED';
  const durationMs = 'durationMs' in job.audio ? job.audio.durationMs : undefined;
  return {
    id: job.id,
    title: job.title,
    created_at: new Date(job.createdAtMs).toISOString(),
    primary_language: job.primaryLanguage,
    hebrew_word_format: job.hebrewWordFormat,
    // Null while auto-detection has not run (OpenAPI since 2026-03).
    num_speakers: job.autoDetectSpeakers
      ? processed
        ? SOFERAI_DETECTED_SPEAKERS
        : null
      : (job.numSpeakers ?? 1),
    status,
    duration: processed && durationMs !== undefined ? durationMs / 1000 : null,
    model: job.model,
    client_item_id: job.clientItemId,
  };
}

/** The words the job's audio "says": a demo sample's, or placeholders over its duration. */
export function spokenWords(job: SoferaiJob): SpokenWord[] {
  const { audio } = job;
  const speakers = job.autoDetectSpeakers ? SOFERAI_DETECTED_SPEAKERS : (job.numSpeakers ?? 1);
  if (audio.kind === 'sample') {
    return audio.sample.words.map((word) => ({
      ...word,
      ...(speakers > 1 ? { speaker: word.speaker ?? '1' } : {}),
    }));
  }
  if (audio.kind === 'audio') return soferaiSandboxWords(audio.durationMs, job.primaryLanguage, speakers);
  return [];
}

/**
The job's text and timestamps in `formats` (its own `hebrew_word_format` unless a filter asks for
another), once COMPLETED; `undefined` before, and for a job that failed.
*/
export function jobTranscript(
  job: SoferaiJob,
  clock: JobClock,
  formats = job.hebrewWordFormat,
): RenderedTranscript | undefined {
  if (jobStatus(job, clock) !== 'COMPLETED') return undefined;
  return renderTranscript(spokenWords(job), formats, { speakerLabels: labelsSpeakers(job) });
}
