import type { AudioInput } from '../audio/index.js';
import type { Transcript } from '../transcript/index.js';
import type { JobEventSource } from './job-events.js';

/** What a provider can do with the common `transcribe()` options; the elements offer only what works. */
export interface ProviderCapabilities {
  /** Accepts `language` as a hint or setting. */
  language: boolean;
  /** Detects the language when none is given. */
  languageDetection: boolean;
  /** Labels speakers (`diarize`). */
  diarization: boolean;
  /** Accepts an expected `speakerCount`. */
  speakerCount: boolean;
  /** Accepts `contextTerms` to bias recognition. */
  contextTerms: boolean;
  /** Returns word-level timestamps. */
  wordTimestamps: boolean;
  /** Transcribes from a URL without uploading. */
  audioUrl: boolean;
  /** Can stop a running job when the call is aborted. */
  cancellation: boolean;
  /**
  The languages it transcribes, as the codes `language` takes (`en`, `he`, `yue`), or `'any'` when
  it publishes no list and refuses no code. Absent when not stated, which pages treat as `'any'`.
  */
  languages?: readonly string[] | 'any';
  /** The largest file it accepts, in bytes, where that is documented. */
  maxFileBytes?: number;
}

/**
Where a `transcribe()` call is: bytes going up, then the provider's job queued, processing and
completed. `jobId` is the provider's job id; a provider that answers within one request and has no
job (Mistral) reports `processing` and `completed` without one.
*/
export type TranscribeProgress =
  | { stage: 'uploading'; loadedBytes: number; totalBytes: number | undefined }
  | { stage: 'queued'; jobId: string }
  | { stage: 'processing'; jobId?: string }
  | { stage: 'completed'; jobId?: string };

/**
How finely the transcript must be timed: `word` needs every word's start and end, `segment` is
content with utterance times (and lets a provider skip word alignment).
*/
export type TimestampGranularity = 'word' | 'segment';

/** The provider-neutral request each provider adapter receives, already validated. */
export interface ProviderTranscribeRequest {
  audio: AudioInput;
  /** A filename for uploads of bytes or streams. */
  filename?: string | undefined;
  language?: string | undefined;
  diarize?: boolean | undefined;
  speakerCount?: number | undefined;
  contextTerms?: readonly string[] | undefined;
  /** How finely to time the transcript; the finest the provider offers when not given. */
  timestamps?: TimestampGranularity | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: TranscribeProgress) => void) | undefined;
  /** Push updates for the job, when webhooks are configured; the adapter polls otherwise. */
  jobEvents?: JobEventSource | undefined;
  /** Options only this provider understands, from `providerOptions[providerId]`. */
  providerOptions?: Record<string, unknown> | undefined;
}

/**
One provider behind the common `transcribe()`. Every scribekit client exposes one as
`transcriptionProvider`; pass the client itself to `transcribe({ provider })`.
*/
export interface TranscriptionProvider {
  /** Provider id, such as `soniox`. */
  readonly id: string;
  /** Display name, such as `Soniox`. */
  readonly name: string;
  readonly capabilities: ProviderCapabilities;
  /**
  The capabilities of one call, when its `providerOptions` can change them (Mistral's `model`);
  `transcribe()` warns and filters by these. Without it, `capabilities` hold for every call.
  */
  capabilitiesFor?(providerOptions: Record<string, unknown> | undefined): ProviderCapabilities;
  /** Runs a whole transcription: upload, job, wait, result, clean-up. */
  transcribe(request: ProviderTranscribeRequest): Promise<Transcript>;
}

/** Anything `transcribe({ provider })` accepts: a provider or a client that carries one. */
export type TranscriptionProviderSource =
  TranscriptionProvider | { readonly transcriptionProvider: TranscriptionProvider };
