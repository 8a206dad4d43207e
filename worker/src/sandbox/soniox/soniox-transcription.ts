import type { AudioIdentity } from '../samples/identify-audio.js';
import { sandboxWords } from '../samples/sandbox-words.js';
import type { JobClock } from '../shared/job-clock.js';
import { sonioxTokens, type SonioxToken } from './soniox-tokens.js';
import type { CreateTranscriptionRequest, SonioxStructuredContext } from './soniox-transcription-payload.js';

/** A transcription's status, as Soniox names it. */
export type SonioxTranscriptionStatus = 'queued' | 'processing' | 'completed' | 'error';

/** Soniox's `Transcription` object, fields in the order of the API reference. */
export interface SonioxTranscription {
  /** UUID. */
  readonly id: string;
  /** Where the job is now. */
  readonly status: SonioxTranscriptionStatus;
  /** ISO 8601 UTC. */
  readonly created_at: string;
  /** The model as requested. */
  readonly model: string;
  /** The audio URL, when the job was made from one. */
  readonly audio_url: string | null;
  /** The uploaded file, when the job was made from one. */
  readonly file_id: string | null;
  /** The uploaded file's name, or the last segment of the audio URL. */
  readonly filename: string;
  /** As requested. */
  readonly language_hints: readonly string[] | null;
  /** As requested, `false` when not. */
  readonly enable_speaker_diarization: boolean;
  /** As requested, `false` when not. */
  readonly enable_language_identification: boolean;
  /** Known once processing starts; `null` before, and for audio that could not be read. */
  readonly audio_duration_ms: number | null;
  /** Set when the status is `error`. */
  readonly error_type: string | null;
  /** Set when the status is `error`. */
  readonly error_message: string | null;
  /** As requested. */
  readonly webhook_url: string | null;
  /** As requested. */
  readonly webhook_auth_header_name: string | null;
  /** Always masked. */
  readonly webhook_auth_header_value: string | null;
  /** The sandbox sends no webhooks, so this stays `null`. */
  readonly webhook_status_code: number | null;
  /** As requested. */
  readonly client_reference_id: string | null;
  /** As requested (SDK 2.3.0 reads it; the OpenAPI of April 2026 does not list it). */
  readonly context: SonioxStructuredContext | string | null;
}

/** `GET /v1/transcriptions/{id}/transcript`. */
export interface SonioxTranscript {
  /** The transcription's id. */
  readonly id: string;
  /** Every token's text, joined. */
  readonly text: string;
  /** The tokens. */
  readonly tokens: readonly SonioxToken[];
}

/** A transcription as the emulator keeps it: the request, and what the sandbox made of its audio. */
export interface SonioxJob {
  /** UUID. */
  readonly id: string;
  /** When it was created, ms since the epoch: its status follows from this and the job clock. */
  readonly createdAtMs: number;
  /** The validated request. */
  readonly request: CreateTranscriptionRequest;
  /** The `filename` to show. */
  readonly filename: string;
  /** Decided at creation, revealed as the job progresses. */
  readonly audio: AudioIdentity;
}

/** How Soniox masks `webhook_auth_header_value`, as the OpenAPI shows it. */
export const MASKED_HEADER_VALUE = '******************';

/**
The `error_type`s of failed jobs. Soniox's catalogue of them could not be read; these names come
from third-party code written against it and are unconfirmed.
*/
export const SONIOX_JOB_ERRORS = {
  undecodable: {
    error_type: 'invalid_audio_file',
    error_message: 'The audio file could not be decoded. Make sure it is a supported audio format.',
  },
  unreachable: {
    error_type: 'file_download_failed',
    error_message: 'The audio file could not be downloaded from audio_url.',
  },
} as const;

/** The job's status now: queued, then processing, then completed, or error for audio it cannot use. */
export function jobStatus(job: SonioxJob, clock: JobClock): SonioxTranscriptionStatus {
  const phase = clock.phaseOf(job.createdAtMs);
  if (phase !== 'completed') {
    return phase;
  }
  return job.audio.kind === 'undecodable' || job.audio.kind === 'unreachable' ? 'error' : 'completed';
}

/** The `Transcription` object of a job as it stands now. */
export function transcriptionView(job: SonioxJob, clock: JobClock): SonioxTranscription {
  const status = jobStatus(job, clock);
  const failure =
    status === 'error' && (job.audio.kind === 'undecodable' || job.audio.kind === 'unreachable')
      ? SONIOX_JOB_ERRORS[job.audio.kind]
      : undefined;
  const durationMs = 'durationMs' in job.audio ? job.audio.durationMs : null;
  const { request } = job;
  return {
    id: job.id,
    status,
    created_at: new Date(job.createdAtMs).toISOString(),
    model: request.model,
    audio_url: request.audio_url,
    file_id: request.file_id,
    filename: job.filename,
    language_hints: request.language_hints,
    enable_speaker_diarization: request.enable_speaker_diarization,
    enable_language_identification: request.enable_language_identification,
    audio_duration_ms: status === 'queued' ? null : durationMs,
    error_type: failure?.error_type ?? null,
    error_message: failure?.error_message ?? null,
    webhook_url: request.webhook_url,
    webhook_auth_header_name: request.webhook_auth_header_name,
    webhook_auth_header_value: request.webhook_auth_header_value === null ? null : MASKED_HEADER_VALUE,
    webhook_status_code: null,
    client_reference_id: request.client_reference_id,
    context: request.context,
  };
}

/**
The transcript of a job whose audio the sandbox could use: a demo sample's words, or the sandbox's
placeholder words across the audio's duration. `undefined` for a job whose audio failed.
*/
export function jobTranscript(job: SonioxJob): SonioxTranscript | undefined {
  const { audio, request } = job;
  if (audio.kind !== 'sample' && audio.kind !== 'audio') {
    return undefined;
  }
  const words =
    audio.kind === 'sample'
      ? audio.sample.words
      : sandboxWords(audio.durationMs, { speakers: request.enable_speaker_diarization ? 2 : 1 });
  const tokens = sonioxTokens(words, {
    language: audio.kind === 'sample' ? audio.sample.language : 'en',
    durationMs: audio.durationMs,
    diarization: request.enable_speaker_diarization,
    languageIdentification: request.enable_language_identification,
    translation: request.translation,
  });
  return { id: job.id, text: tokens.map((token) => token.text).join(''), tokens };
}
