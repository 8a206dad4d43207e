import type { AudioInput } from '../../audio/index.js';
import { InvalidArgumentError, ResponseValidationError } from '../../errors/index.js';
import { parseResponse, redactUrl, type HttpClient } from '../../http/index.js';
import { pollUntil } from '../shared/poll-until.js';
import { omitUndefined } from '../shared/omit-undefined.js';
import { pathSegment } from '../shared/validate-arguments.js';
import {
  ScriptivoxCancelledSchema,
  ScriptivoxCreatedSchema,
  ScriptivoxTranscriptionSchema,
  type ScriptivoxCancelled,
  type ScriptivoxTranscription,
  type ScriptivoxTranscriptionStatus,
} from './scriptivox-api.js';
import {
  createTranscriptionBody,
  validateCreateTranscription,
  type ScriptivoxCreateTranscriptionOptions,
  type ScriptivoxTranscribeSettings,
} from './scriptivox-options.js';
import type { ScriptivoxUploadOptions, ScriptivoxUploads } from './scriptivox-uploads.js';

/** A job just created: its id and first status, and whether Scriptivox replayed an earlier create with the same idempotency key. */
export interface ScriptivoxCreatedTranscription {
  id: string;
  status: ScriptivoxTranscriptionStatus;
  message: string | undefined;
  /** `Idempotent-Replay: true`: this is the job an earlier request with the same key and body created. */
  isReplay: boolean;
}

/** Options of `transcribe.getExport`. Scriptivox does not document the value formats of the segmentation parameters. */
export interface ScriptivoxExportOptions {
  /** Captions (`srt`, `vtt`) or plain `text`. */
  format: 'srt' | 'vtt' | 'text';
  /** Most words per caption. */
  maxWords?: number;
  /** Most characters per caption. */
  maxChars?: number;
  /** Longest caption, in seconds. */
  maxDuration?: number;
  /** Break captions at sentence ends. */
  sentenceAware?: boolean;
  /** Prefix captions with the speaker. */
  includeSpeakers?: boolean;
  /** Characters to remove from the text. */
  stripChars?: string;
  signal?: AbortSignal;
}

/** Options of `transcribe.wait`. */
export interface ScriptivoxWaitOptions {
  /**
  First wait between polls in milliseconds, growing by half up to 5 s; at least 300, as the GET
  endpoint allows 200 calls a minute.
  @default 1000
  */
  intervalMs?: number;
  /**
  Give up with a `TimeoutError` after this many milliseconds, or `false` to wait as long as it takes.
  @default 3600000
  */
  timeoutMs?: number | false;
  signal?: AbortSignal;
  /** Called whenever the status changes (and once with the first status seen). */
  onStatusChange?: (transcription: ScriptivoxTranscription) => void;
}

/** Options of `transcribe.createFromFile`: the job's settings and the upload's. */
export type ScriptivoxCreateFromFileOptions = ScriptivoxTranscribeSettings & ScriptivoxUploadOptions;

/** `scriptivox.transcribe`: asynchronous transcription jobs, from creation to result. */
export interface ScriptivoxTranscribe {
  /** `POST /v1/transcribe` from a `url` or an `uploadId`, with an `Idempotency-Key` so retries never start a second job. */
  create(options: ScriptivoxCreateTranscriptionOptions): Promise<ScriptivoxCreatedTranscription>;
  /** The three-step upload: `POST /v1/upload`, the PUT to the presigned URL, then `create` with its `uploadId`. */
  createFromFile(
    audio: AudioInput,
    options?: ScriptivoxCreateFromFileOptions,
  ): Promise<ScriptivoxCreatedTranscription>;
  /** The job, with `result` once completed; `ApiCallError` 404 `TRANSCRIPTION_NOT_FOUND` when missing or deleted. */
  get(transcriptionId: string, options?: { signal?: AbortSignal }): Promise<ScriptivoxTranscription>;
  /** A completed job's transcript as SRT, WebVTT or plain text (`GET /v1/transcribe/{id}?format=`). */
  getExport(transcriptionId: string, options: ScriptivoxExportOptions): Promise<string>;
  /** Stops an unfinished job and releases its reserved balance; idempotent, 409 `CONFLICT` once completed. */
  cancel(transcriptionId: string, options?: { signal?: AbortSignal }): Promise<ScriptivoxCancelled>;
  /** Deletes a finished job; idempotent, 409 `CONFLICT` while it runs (cancel it first). */
  delete(transcriptionId: string, options?: { signal?: AbortSignal }): Promise<void>;
  /** Polls until the job is `completed` or `failed`, and returns it. */
  wait(transcriptionId: string, options?: ScriptivoxWaitOptions): Promise<ScriptivoxTranscription>;
}

const finished = new Set(['completed', 'failed']);

/** Builds the `transcribe` namespace on an HTTP client and the `uploads` namespace. */
export function createScriptivoxTranscribe(
  http: HttpClient,
  uploads: ScriptivoxUploads,
): ScriptivoxTranscribe {
  const byId = (transcriptionId: string, suffix = '') =>
    `v1/transcribe/${pathSegment(transcriptionId, 'transcriptionId')}${suffix}`;

  const transcribe: ScriptivoxTranscribe = {
    async create(options) {
      const valid = validateCreateTranscription(options);
      const response = await http.send({
        method: 'POST',
        path: 'v1/transcribe',
        json: createTranscriptionBody(valid),
        idempotencyKey: valid.idempotencyKey ?? crypto.randomUUID(),
        signal: options.signal,
      });
      const operation = `POST ${redactUrl(response.url || `${http.baseUrl}/v1/transcribe`)}`;
      const created = parseResponse(ScriptivoxCreatedSchema, await readJson(response, operation), {
        provider: 'scriptivox',
        operation,
      });
      return { ...created, isReplay: response.headers.get('idempotent-replay')?.toLowerCase() === 'true' };
    },
    async createFromFile(audio, options = {}) {
      const { filename, onUploadProgress, ...settings } = options;
      // Validate the job before spending an upload on it.
      validateCreateTranscription({ ...settings, uploadId: 'pending-upload' });
      const upload = await uploads.send(
        audio,
        omitUndefined({ filename, onUploadProgress, signal: settings.signal }),
      );
      return transcribe.create({ ...settings, uploadId: upload.uploadId });
    },
    async get(transcriptionId, options = {}) {
      return http.json(
        { method: 'GET', path: byId(transcriptionId), signal: options.signal },
        ScriptivoxTranscriptionSchema,
      );
    },
    async getExport(transcriptionId, options) {
      const { format, signal } = options ?? {};
      if (format !== 'srt' && format !== 'vtt' && format !== 'text') {
        throw new InvalidArgumentError({
          argument: 'format',
          message: 'must be "srt", "vtt" or "text"',
          value: format,
        });
      }
      for (const name of ['maxWords', 'maxChars', 'maxDuration'] as const) {
        const value = options[name];
        if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
          throw new InvalidArgumentError({ argument: name, message: 'must be a positive number', value });
        }
      }
      const response = await http.send({
        method: 'GET',
        path: byId(transcriptionId),
        query: {
          format,
          max_words: options.maxWords,
          max_chars: options.maxChars,
          max_duration: options.maxDuration,
          sentence_aware: options.sentenceAware,
          include_speakers: options.includeSpeakers,
          strip_chars: options.stripChars,
        },
        signal,
      });
      return response.text();
    },
    async cancel(transcriptionId, options = {}) {
      return http.json(
        { method: 'POST', path: byId(transcriptionId, '/cancel'), signal: options.signal, safeToRetry: true },
        ScriptivoxCancelledSchema,
      );
    },
    async delete(transcriptionId, options = {}) {
      return http.empty({ method: 'DELETE', path: byId(transcriptionId), signal: options.signal });
    },
    async wait(transcriptionId, options = {}) {
      pathSegment(transcriptionId, 'transcriptionId');
      if (options.intervalMs !== undefined && !(options.intervalMs >= 300)) {
        throw new InvalidArgumentError({
          argument: 'intervalMs',
          message: 'must be at least 300 ms (Scriptivox allows 200 status calls a minute)',
          value: options.intervalMs,
        });
      }
      let lastStatus: string | undefined;
      return pollUntil(
        async () => {
          const transcription = await transcribe.get(
            transcriptionId,
            omitUndefined({ signal: options.signal }),
          );
          if (transcription.status !== lastStatus) {
            lastStatus = transcription.status;
            options.onStatusChange?.(transcription);
          }
          return transcription;
        },
        (transcription) => finished.has(transcription.status),
        {
          provider: 'scriptivox',
          operation: `wait for transcription ${transcriptionId}`,
          defaultIntervalMs: 1000,
          defaultTimeoutMs: 3_600_000,
          intervalMs: options.intervalMs,
          maxIntervalMs: Math.max(options.intervalMs ?? 1000, 5000),
          timeoutMs: options.timeoutMs,
          signal: options.signal,
        },
      );
    },
  };
  return transcribe;
}

async function readJson(response: Response, operation: string): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ResponseValidationError({
      provider: 'scriptivox',
      operation,
      issues: [{ path: '', message: `the body is not JSON: ${JSON.stringify(text.slice(0, 120))}` }],
      data: text,
      cause: error,
    });
  }
}
