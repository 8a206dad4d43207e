import type { AudioIdentity } from '../samples/identify-audio.js';
import type { JobClock } from '../shared/job-clock.js';
import { SCRIPTIVOX_PRICE_PER_HOUR_CENTS } from './scriptivox-balance.js';

/** A job's status, as Scriptivox names them. */
export type ScriptivoxStatus = 'created' | 'downloading' | 'pending' | 'processing' | 'completed' | 'failed';

/** The validated body of `POST /v1/transcribe`, with `align` made effective. */
export interface ScriptivoxJobRequest {
  readonly url: string | null;
  readonly uploadId: string | null;
  readonly language: string | null;
  readonly diarize: boolean;
  readonly speakerCount: number | null;
  /** On when asked for, when omitted (the quickstart's default) and whenever `diarize` is on. */
  readonly align: boolean;
  readonly webhookUrl: string | null;
}

/** A job as the emulator keeps it. */
export interface ScriptivoxJob {
  readonly id: string;
  /** Its status follows from this and the job clock. */
  readonly createdAtMs: number;
  readonly request: ScriptivoxJobRequest;
  /** Bytes of the upload; `null` for a URL, which the sandbox never downloads. */
  readonly fileSizeBytes: number | null;
  /** Decided at creation, revealed as the job progresses. */
  readonly audio: AudioIdentity;
  /** Hex SHA-256 of the key that created it: the webhook signing key. */
  readonly keyHash: string;
  readonly cancelledAtMs: number | null;
  readonly deletedAtMs: number | null;
  /** Which webhooks went out; each is sent once, never retried. */
  readonly webhooksSent: Set<'processing' | 'finished'>;
}

/** A failed job's `error`. */
export interface ScriptivoxJobError {
  readonly code: string;
  readonly message: string;
}

/** Where a job stands at one instant. */
export interface ScriptivoxJobState {
  readonly status: ScriptivoxStatus;
  /** When processing started, once it has. */
  readonly startedAtMs: number | null;
  /** When it completed or failed, once it has. */
  readonly finishedAtMs: number | null;
  /** Set when `failed`. */
  readonly error: ScriptivoxJobError | null;
  /** Probed length in seconds, once the file has been checked and accepted. */
  readonly durationSeconds: number | null;
}

const MIN_DURATION_MS = 1_000;
const MAX_DURATION_MS = 10 * 3_600_000;

/**
The failure the file check finds, if any: an unreachable URL, bytes ffprobe would reject, audio
under 1 s or over 10 h (reference/scriptivox.md §8, asynchronous errors).
*/
export function validationFailure(audio: AudioIdentity): ScriptivoxJobError | null {
  if (audio.kind === 'unreachable') {
    return {
      code: 'URL_NOT_ACCESSIBLE',
      message: `Could not download ${audio.url}: the server answered with an error.`,
    };
  }
  if (audio.kind === 'undecodable') {
    return { code: 'INVALID_MEDIA_FORMAT', message: 'The file is not a supported audio or video format.' };
  }
  if (audio.durationMs < MIN_DURATION_MS) {
    return { code: 'INVALID_MEDIA_FORMAT', message: 'The audio is shorter than 1 second.' };
  }
  if (audio.durationMs > MAX_DURATION_MS) {
    return { code: 'DURATION_TOO_LONG', message: 'The audio is longer than 10 hours.' };
  }
  return null;
}

/**
A job's state now. The queued phase of the job clock is `created` for its first half, then
`downloading` (URL) or `pending` (upload) while the file is fetched and probed; a file that fails
the check fails when processing would have started. A cancelled job is `failed` with `CANCELLED`.
*/
export function jobState(job: ScriptivoxJob, clock: JobClock): ScriptivoxJobState {
  const now = clock.now();
  const { processingAt, completedAt } = clock.timelineOf(job.createdAtMs);
  const failure = validationFailure(job.audio);
  const durationSeconds = failure === null && 'durationMs' in job.audio ? job.audio.durationMs / 1000 : null;
  const cancelled = job.cancelledAtMs;
  if (cancelled !== null) {
    return {
      status: 'failed',
      startedAtMs: cancelled >= processingAt ? processingAt : null,
      finishedAtMs: cancelled,
      error: { code: 'CANCELLED', message: 'The transcription was cancelled.' },
      durationSeconds: cancelled >= processingAt ? durationSeconds : null,
    };
  }
  if (now < processingAt) {
    const fetching = job.request.url === null ? 'pending' : 'downloading';
    const status = now < job.createdAtMs + (processingAt - job.createdAtMs) / 2 ? 'created' : fetching;
    return { status, startedAtMs: null, finishedAtMs: null, error: null, durationSeconds: null };
  }
  if (failure !== null) {
    return {
      status: 'failed',
      startedAtMs: null,
      finishedAtMs: processingAt,
      error: failure,
      durationSeconds: null,
    };
  }
  if (now < completedAt) {
    return {
      status: 'processing',
      startedAtMs: processingAt,
      finishedAtMs: null,
      error: null,
      durationSeconds,
    };
  }
  return {
    status: 'completed',
    startedAtMs: processingAt,
    finishedAtMs: completedAt,
    error: null,
    durationSeconds,
  };
}

/** What a job of this length costs: US$0.20 an hour, per second, in cents to four decimals. */
export function costCents(durationSeconds: number): number {
  return Math.round(((durationSeconds * SCRIPTIVOX_PRICE_PER_HOUR_CENTS) / 3600) * 10_000) / 10_000;
}

/** Whether a job is still running: `cancel` applies, `delete` is refused. */
export function isInFlight(status: ScriptivoxStatus): boolean {
  return status !== 'completed' && status !== 'failed';
}
