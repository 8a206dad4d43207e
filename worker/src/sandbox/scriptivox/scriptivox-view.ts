import type { JobClock } from '../shared/job-clock.js';
import {
  costCents,
  jobState,
  type ScriptivoxJob,
  type ScriptivoxJobError,
  type ScriptivoxStatus,
} from './scriptivox-job.js';
import { jobResult, type ScriptivoxResultBody } from './scriptivox-result.js';

/** `GET /v1/transcribe/{id}` (and, without `result`, each item of `GET /v1/transcriptions`). */
export interface ScriptivoxTranscriptionBody {
  readonly id: string;
  readonly status: ScriptivoxStatus;
  readonly audio_duration_seconds: number | null;
  readonly file_size_bytes: number | null;
  readonly language: string | null;
  readonly diarize: boolean;
  readonly speaker_count: number | null;
  readonly align: boolean;
  readonly cost_cents: number | null;
  readonly created_at: string;
  readonly started_at: string | null;
  readonly completed_at: string | null;
  readonly progress: string;
  readonly result?: ScriptivoxResultBody;
  readonly error?: ScriptivoxJobError;
}

// The sandbox's wording: Scriptivox documents `progress` only as human-readable text.
const PROGRESS: Readonly<Record<ScriptivoxStatus, string>> = {
  created: 'Queued',
  downloading: 'Downloading file',
  pending: 'Checking file',
  processing: 'Transcribing',
  completed: 'Completed',
  failed: 'Failed',
};

/**
A job as the API shows it now. Duration and cost appear once the file has been probed (from
`processing` on); `language` is the requested one until the result gives the detected one; a
job cancelled before it was processed costs nothing and shows `cost_cents: 0`.
*/
export function transcriptionBody(
  job: ScriptivoxJob,
  clock: JobClock,
  options: { withResult: boolean },
): ScriptivoxTranscriptionBody {
  const state = jobState(job, clock);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const result =
    options.withResult &&
    state.status === 'completed' &&
    (job.audio.kind === 'sample' || job.audio.kind === 'audio')
      ? jobResult(job.audio, job.request)
      : undefined;
  const cancelled = state.error?.code === 'CANCELLED';
  return {
    id: job.id,
    status: state.status,
    audio_duration_seconds: state.durationSeconds,
    file_size_bytes: job.fileSizeBytes,
    language: state.status === 'completed' ? detectedLanguage(job) : job.request.language,
    diarize: job.request.diarize,
    speaker_count: job.request.speakerCount,
    align: job.request.align,
    cost_cents: cancelled ? 0 : state.durationSeconds === null ? null : costCents(state.durationSeconds),
    created_at: new Date(job.createdAtMs).toISOString(),
    started_at: iso(state.startedAtMs),
    completed_at: iso(state.finishedAtMs),
    progress: PROGRESS[state.status],
    ...(result !== undefined && { result }),
    ...(state.error !== null && { error: state.error }),
  };
}

// The language the result reports: a demo sample's own, else the requested one, else English.
function detectedLanguage(job: ScriptivoxJob): string {
  return job.audio.kind === 'sample' ? job.audio.sample.language : (job.request.language ?? 'en');
}
