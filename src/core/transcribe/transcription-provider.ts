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
}

/** Where a `transcribe()` call is. */
export type TranscribeProgress =
  | { stage: 'uploading'; loadedBytes: number; totalBytes: number | undefined }
  | { stage: 'queued'; jobId: string }
  | { stage: 'processing'; jobId: string }
  | { stage: 'completed'; jobId: string };

/** The provider-neutral request each provider adapter receives, already validated. */
export interface ProviderTranscribeRequest {
  audio: AudioInput;
  /** A filename for uploads of bytes or streams. */
  filename?: string | undefined;
  language?: string | undefined;
  diarize?: boolean | undefined;
  speakerCount?: number | undefined;
  contextTerms?: readonly string[] | undefined;
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
  /** Runs a whole transcription: upload, job, wait, result, clean-up. */
  transcribe(request: ProviderTranscribeRequest): Promise<Transcript>;
}

/** Anything `transcribe({ provider })` accepts: a provider or a client that carries one. */
export type TranscriptionProviderSource =
  TranscriptionProvider | { readonly transcriptionProvider: TranscriptionProvider };
