import * as v from 'valibot';
import type { AudioInput } from '../../audio/index.js';
import { InvalidArgumentError } from '../../errors/index.js';
import type { HttpClient, UploadProgress } from '../../http/index.js';
import { pollUntil } from '../shared/poll-until.js';
import { validateArguments } from '../shared/validate-arguments.js';
import {
  SoferAITranscriptionIdSchema,
  SoferAITranscriptionInfoSchema,
  SoferAITranscriptionSchema,
  SoferAITranscriptionSummarySchema,
  type SoferAIHebrewWordFormat,
  type SoferAIStatus,
  type SoferAITranscription,
  type SoferAITranscriptionInfo,
  type SoferAITranscriptionSummary,
} from './soferai-api.js';
import { jsonBodyWithBase64, toAudioSource } from './soferai-audio-body.js';
import { createSoferAIBatches, type SoferAIBatches } from './soferai-batches.js';
import { idSegment, type SoferAICallOptions } from './soferai-ids.js';
import {
  settingsToWire,
  SoferAICreateTranscriptionSchema,
  SoferAIFilterSchema,
  type SoferAITranscriptionSettings,
} from './soferai-options.js';

/** `transcribe.createTranscription`: settings and exactly one of `audioUrl`, `audioFile` and `audio`. */
export interface SoferAICreateTranscriptionOptions extends SoferAICallOptions {
  /** Model, title, language, Hebrew-word format, speakers. */
  info?: SoferAITranscriptionSettings;
  /** A direct download URL (not a page: resolve lecture pages with `link.extract` first). */
  audioUrl?: string;
  /** The audio already encoded as plain base64 (no `data:` prefix). */
  audioFile?: string;
  /**
  The audio as a `File`, `Blob`, bytes or stream, which scribekit sends as base64 `audio_file`,
  encoded piece by piece; an http(s) URL here is sent as `audio_url`.
  */
  audio?: AudioInput;
  /** Reports the request body once it has been sent (or as it goes, with a progress-capable `fetch`). */
  onUploadProgress?: (progress: UploadProgress) => void;
}

/** Options of `transcribe.getTranscription`. */
export interface SoferAIGetTranscriptionOptions extends SoferAICallOptions {
  /**
  Ask SoferAI for one form of the Hebrew words: `en` drops the Hebrew letters, `he` drops the
  transliterations, `hybrid` keeps both for every word.
  */
  filterHebrewWordFormat?: SoferAIHebrewWordFormat;
}

/** Options of `transcribe.wait`. */
export interface SoferAIWaitOptions extends SoferAICallOptions {
  /** The first wait between status polls, in ms; later waits grow by half up to `maxIntervalMs`. @default 2000 */
  intervalMs?: number;
  /** The longest wait between polls, in ms. @default 15000 */
  maxIntervalMs?: number;
  /** Give up with a `TimeoutError` after this many ms, or `false` to wait as long as it takes. @default 1800000 */
  timeoutMs?: number | false;
  /** Called whenever the status changes (and once with the first status seen). */
  onStatusChange?: (info: SoferAITranscriptionInfo) => void;
}

/** `soferai.transcribe`: single and batch transcriptions, from creation to transcript. */
export interface SoferAITranscribe extends SoferAIBatches {
  /**
  Creates a transcription and returns its id. Every field is checked before anything is sent;
  audio bytes are base64-encoded piece by piece into the request body.
  */
  createTranscription(options: SoferAICreateTranscriptionOptions): Promise<string>;
  /** A transcription's settings and status; `ApiCallError` 404 when there is none. */
  getTranscriptionStatus(
    transcriptionId: string,
    options?: SoferAICallOptions,
  ): Promise<SoferAITranscriptionInfo>;
  /** A transcription's text, timed words and info. Map it with `soferaiToTranscript`. */
  getTranscription(
    transcriptionId: string,
    options?: SoferAIGetTranscriptionOptions,
  ): Promise<SoferAITranscription>;
  /** The account's transcriptions (SoferAI does not page this list). */
  listTranscriptions(options?: SoferAICallOptions): Promise<SoferAITranscriptionSummary[]>;
  /**
  Polls the status, waiting longer between polls as it goes, until the transcription is
  `COMPLETED`, `FAILED`, `CANCELLED` or `INSUFFICIENT_FUNDS`, and returns that info. SoferAI has no
  way to cancel a transcription: aborting `signal` only stops the waiting.
  */
  wait(transcriptionId: string, options?: SoferAIWaitOptions): Promise<SoferAITranscriptionInfo>;
}

// Which statuses end a transcription is an inference (reference/soferai.md §3.1): anything else,
// UPLOADED and statuses SoferAI may add included, is waited through until the timeout.
const terminalStatuses: ReadonlySet<SoferAIStatus> = new Set([
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'INSUFFICIENT_FUNDS',
]);

/** Whether a transcription status is final. */
function isTerminalStatus(status: SoferAIStatus): boolean {
  return terminalStatuses.has(status);
}

/** Builds the `transcribe` namespace on an HTTP client. */
export function createSoferAITranscribe(http: HttpClient): SoferAITranscribe {
  const transcribe: SoferAITranscribe = {
    ...createSoferAIBatches(http),
    async createTranscription(options) {
      const { info, audioUrl, audioFile } = validateArguments(SoferAICreateTranscriptionSchema, {
        info: options.info,
        audioUrl: options.audioUrl,
        audioFile: options.audioFile,
      });
      const given = (['audioUrl', 'audioFile', 'audio'] as const).filter((key) => options[key] !== undefined);
      if (given.length !== 1) {
        throw new InvalidArgumentError({
          argument: given.length === 0 ? 'audioUrl' : (given[1] ?? 'audio'),
          // https://docs.sofer.ai/api-reference/transcribe/create-transcription: "Either audio_url or audio_file must be provided, but not both."
          message: `exactly one of audioUrl, audioFile and audio is required (got ${given.length === 0 ? 'none' : given.join(' and ')})`,
        });
      }
      const fields = { info: settingsToWire(info) };
      const source = options.audio === undefined ? undefined : await toAudioSource(options.audio);
      const url = audioUrl ?? (source?.kind === 'url' ? source.url : undefined);
      const common = {
        method: 'POST',
        path: 'v1/transcriptions/',
        signal: options.signal,
        onUploadProgress: options.onUploadProgress,
      } as const;
      if (source?.kind === 'bytes') {
        const body = await jsonBodyWithBase64(fields, 'audio_file', source.bytes, options.signal);
        return http.json(
          // A large body can outlast the default per-attempt limit.
          { ...common, body, headers: { 'content-type': 'application/json' }, timeout: false },
          SoferAITranscriptionIdSchema,
        );
      }
      return http.json(
        {
          ...common,
          json: url === undefined ? { ...fields, audio_file: audioFile } : { ...fields, audio_url: url },
        },
        SoferAITranscriptionIdSchema,
      );
    },
    async getTranscriptionStatus(transcriptionId, options = {}) {
      return http.json(
        {
          method: 'GET',
          path: `v1/transcriptions/${idSegment(transcriptionId, 'transcriptionId')}/status`,
          signal: options.signal,
        },
        SoferAITranscriptionInfoSchema,
      );
    },
    async getTranscription(transcriptionId, options = {}) {
      const filter = validateArguments(
        SoferAIFilterSchema,
        options.filterHebrewWordFormat,
        'filterHebrewWordFormat',
      );
      return http.json(
        {
          method: 'GET',
          path: `v1/transcriptions/${idSegment(transcriptionId, 'transcriptionId')}`,
          query: { filter_hebrew_word_format: filter },
          signal: options.signal,
        },
        SoferAITranscriptionSchema,
      );
    },
    async listTranscriptions(options = {}) {
      return http.json(
        { method: 'GET', path: 'v1/transcriptions/', signal: options.signal },
        v.array(SoferAITranscriptionSummarySchema),
      );
    },
    async wait(transcriptionId, options = {}) {
      idSegment(transcriptionId, 'transcriptionId');
      let lastStatus: string | undefined;
      return pollUntil(
        async () => {
          const info = await transcribe.getTranscriptionStatus(
            transcriptionId,
            options.signal === undefined ? {} : { signal: options.signal },
          );
          if (info.status !== lastStatus) {
            lastStatus = info.status;
            options.onStatusChange?.(info);
          }
          return info;
        },
        (info) => isTerminalStatus(info.status),
        {
          provider: 'soferai',
          operation: `wait for transcription ${transcriptionId}`,
          // The SDK's own live test polls every 2 s (reference/soferai.md §5).
          defaultIntervalMs: 2000,
          defaultTimeoutMs: 1_800_000,
          intervalMs: options.intervalMs,
          maxIntervalMs: options.maxIntervalMs ?? Math.max(15_000, options.intervalMs ?? 0),
          timeoutMs: options.timeoutMs,
          signal: options.signal,
        },
      );
    },
  };
  return transcribe;
}
