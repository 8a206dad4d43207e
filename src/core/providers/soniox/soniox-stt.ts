import type { AudioInput } from '../../audio/index.js';
import { ApiCallError, InvalidArgumentError, TranscriptionFailedError } from '../../errors/index.js';
import type { HttpClient, UploadProgress } from '../../http/index.js';
import { paginate } from '../shared/paginate.js';
import { pollUntil } from '../shared/poll-until.js';
import { pathSegment, validateArguments } from '../shared/validate-arguments.js';
import {
  SonioxCountSchema,
  SonioxTranscriptSchema,
  SonioxTranscriptionPageSchema,
  SonioxTranscriptionSchema,
  type SonioxCount,
  type SonioxTranscript,
  type SonioxTranscription,
  type SonioxTranscriptionPage,
} from './soniox-api.js';
import { checkLimit, ifFound, type SonioxFiles, type SonioxListOptions } from './soniox-files.js';
import {
  configToWire,
  defaultSonioxAsyncModel,
  omitUndefined,
  SonioxCreateTranscriptionSchema,
  type SonioxAsyncModel,
  type SonioxTranscriptionConfig,
} from './soniox-options.js';

/** What every transcription request shares. */
export interface SonioxTranscribeCommon {
  /** The async model. @default 'stt-async-v5' */
  model?: SonioxAsyncModel;
  /** Your own id for the job (at most 256 characters). */
  clientReferenceId?: string;
  /** Languages, diarization, context, translation, webhook. */
  config?: SonioxTranscriptionConfig;
  signal?: AbortSignal;
}

/** `stt.create`: a job from an `audioUrl` or an uploaded `fileId` (exactly one). */
export interface SonioxCreateTranscriptionOptions extends SonioxTranscribeCommon {
  audioUrl?: string;
  fileId?: string;
}

/** Options for calls that upload a file first. */
export interface SonioxFileOptions extends SonioxTranscribeCommon {
  /** The stored file name. */
  filename?: string;
  /** Upload progress in bytes. */
  onUploadProgress?: (progress: UploadProgress) => void;
}

/** `stt.transcribe`: exactly one of `audioUrl`, `fileId` and `file`. */
export interface SonioxTranscribeOptions extends SonioxFileOptions {
  audioUrl?: string;
  fileId?: string;
  file?: AudioInput;
}

/** Options of `stt.wait`. */
export interface SonioxWaitOptions {
  /** Time between polls in milliseconds; at least 1000, as Soniox asks. @default 1000 */
  intervalMs?: number;
  /** Give up with a `TimeoutError` after this many milliseconds, or `false` to wait as long as it takes. @default 300000 */
  timeoutMs?: number | false;
  signal?: AbortSignal;
  /** Called whenever the status changes (and once with the first status seen). */
  onStatusChange?: (transcription: SonioxTranscription) => void;
}

/** Options of the create-and-wait calls. */
export interface SonioxTranscribeAndWaitOptions extends SonioxTranscribeOptions {
  /** Delete the transcription, and the file if this call uploaded it, once the result is read. */
  deleteAfter?: boolean;
  /** Poll interval. @default 1000 */
  waitIntervalMs?: number;
  /** Wait limit. @default 300000 */
  waitTimeoutMs?: number | false;
  /** Called whenever the job's status changes. */
  onStatusChange?: (transcription: SonioxTranscription) => void;
}

/** `soniox.stt`: async transcription jobs, from creation to transcript. */
export interface SonioxStt {
  list(options?: SonioxListOptions): Promise<SonioxTranscriptionPage>;
  listAll(options?: Omit<SonioxListOptions, 'cursor'>): AsyncIterable<SonioxTranscription>;
  count(options?: { signal?: AbortSignal }): Promise<SonioxCount>;
  /** Creates a job from `audioUrl` or `fileId`; every field is checked before sending. */
  create(options: SonioxCreateTranscriptionOptions): Promise<SonioxTranscription>;
  get(transcriptionId: string, options?: { signal?: AbortSignal }): Promise<SonioxTranscription>;
  getOrNone(
    transcriptionId: string,
    options?: { signal?: AbortSignal },
  ): Promise<SonioxTranscription | undefined>;
  /** Deletes a job; 409 `transcription_invalid_state` while it is still processing. */
  delete(transcriptionId: string, options?: { signal?: AbortSignal }): Promise<void>;
  deleteIfExists(transcriptionId: string, options?: { signal?: AbortSignal }): Promise<boolean>;
  /** Deletes a job and the uploaded file it was made from. */
  destroy(transcriptionId: string, options?: { signal?: AbortSignal }): Promise<void>;
  /** Deletes every job and its file, stopping at the first failure. Returns how many jobs were deleted. */
  destroyAll(options?: Omit<SonioxListOptions, 'cursor'>): Promise<number>;
  /** Deletes every job, stopping at the first failure. Returns how many were deleted. */
  deleteAll(options?: Omit<SonioxListOptions, 'cursor'>): Promise<number>;
  /** A completed job's text and tokens; 409 before it completes. */
  getTranscript(transcriptionId: string, options?: { signal?: AbortSignal }): Promise<SonioxTranscript>;
  /** Polls until the job is no longer queued or processing, and returns it (`completed` or `error`). */
  wait(transcriptionId: string, options?: SonioxWaitOptions): Promise<SonioxTranscription>;
  transcribeFromUrl(audioUrl: string, options?: SonioxTranscribeCommon): Promise<SonioxTranscription>;
  transcribeFromFileId(fileId: string, options?: SonioxTranscribeCommon): Promise<SonioxTranscription>;
  /** Uploads the audio, then creates a job from it. */
  transcribeFromFile(file: AudioInput, options?: SonioxFileOptions): Promise<SonioxTranscription>;
  /** Creates a job from whichever one input is given. */
  transcribe(options: SonioxTranscribeOptions): Promise<SonioxTranscription>;
  /** Uploads the audio and creates a job that reports to `webhookUrl` when it ends. */
  transcribeFileWithWebhook(
    file: AudioInput,
    options: SonioxFileOptions & { webhookUrl: string; webhookAuth?: { name: string; value: string } },
  ): Promise<SonioxTranscription>;
  /** Creates a job, waits for it, and returns it completed; `TranscriptionFailedError` if it failed. */
  transcribeAndWait(options: SonioxTranscribeAndWaitOptions): Promise<SonioxTranscription>;
  /** Like `transcribeAndWait`, returning the transcript's tokens too. */
  transcribeAndWaitWithTokens(
    options: SonioxTranscribeAndWaitOptions,
  ): Promise<{ transcription: SonioxTranscription; transcript: SonioxTranscript }>;
}

const inProgress = new Set(['queued', 'processing']);

/** Builds the `stt` namespace on an HTTP client and the `files` namespace. */
export function createSonioxStt(http: HttpClient, files: SonioxFiles): SonioxStt {
  const byId = (transcriptionId: string, suffix = '') =>
    `v1/transcriptions/${pathSegment(transcriptionId, 'transcriptionId')}${suffix}`;

  async function createdFromUpload<T>(
    file: AudioInput,
    options: SonioxFileOptions,
    create: (fileId: string) => Promise<T>,
  ): Promise<T> {
    const { filename, clientReferenceId, signal, onUploadProgress } = options;
    // Validate the job before spending an upload on it.
    validateCreate({ ...options, fileId: 'pending-upload' });
    const uploaded = await files.upload(
      file,
      omitUndefined({ filename, clientReferenceId, signal, onUploadProgress }),
    );
    try {
      return await create(uploaded.id);
    } catch (error) {
      // The upload would otherwise be orphaned: Soniox never deletes files by itself.
      await files.deleteIfExists(uploaded.id).catch(() => undefined);
      throw error;
    }
  }

  async function runAndWait(options: SonioxTranscribeAndWaitOptions) {
    const uploaded = options.file !== undefined;
    const transcription = await stt.transcribe(options);
    try {
      const done = await stt.wait(
        transcription.id,
        omitUndefined({
          intervalMs: options.waitIntervalMs,
          timeoutMs: options.waitTimeoutMs,
          signal: options.signal,
          onStatusChange: options.onStatusChange,
        }),
      );
      if (done.status !== 'completed') {
        throw new TranscriptionFailedError({
          provider: 'soniox',
          jobId: done.id,
          code: done.errorType,
          providerMessage: done.errorMessage,
        });
      }
      return { transcription: done, uploaded };
    } catch (error) {
      if (options.deleteAfter === true) void cleanUp(transcription.id, uploaded);
      throw error;
    }
  }

  async function cleanUp(transcriptionId: string, withFile: boolean) {
    await (withFile ? stt.destroy(transcriptionId) : stt.deleteIfExists(transcriptionId)).catch(
      () => undefined,
    );
  }

  const stt: SonioxStt = {
    async list(options = {}) {
      return http.json(
        {
          method: 'GET',
          path: 'v1/transcriptions',
          query: { limit: checkLimit(options.limit), cursor: options.cursor },
          signal: options.signal,
        },
        SonioxTranscriptionPageSchema,
      );
    },
    listAll(options = {}) {
      return paginate(async (cursor) => {
        const page = await stt.list({ ...options, ...(cursor === undefined ? {} : { cursor }) });
        return { items: page.transcriptions, nextCursor: page.nextPageCursor };
      });
    },
    async count(options = {}) {
      return http.json(
        { method: 'GET', path: 'v1/transcriptions/count', signal: options.signal },
        SonioxCountSchema,
      );
    },
    async create(options) {
      const request = validateCreate(options);
      return http.json(
        {
          method: 'POST',
          path: 'v1/transcriptions',
          json: omitUndefined({
            model: request.model ?? defaultSonioxAsyncModel,
            audio_url: request.audioUrl,
            file_id: request.fileId,
            client_reference_id: request.clientReferenceId,
            ...configToWire(options.config),
          }),
          signal: options.signal,
        },
        SonioxTranscriptionSchema,
      );
    },
    async get(transcriptionId, options = {}) {
      return http.json(
        { method: 'GET', path: byId(transcriptionId), signal: options.signal },
        SonioxTranscriptionSchema,
      );
    },
    async getOrNone(transcriptionId, options = {}) {
      return ifFound(() => stt.get(transcriptionId, options));
    },
    async delete(transcriptionId, options = {}) {
      return http.empty({ method: 'DELETE', path: byId(transcriptionId), signal: options.signal });
    },
    async deleteIfExists(transcriptionId, options = {}) {
      return (await ifFound(async () => (await stt.delete(transcriptionId, options), true))) ?? false;
    },
    async destroy(transcriptionId, options = {}) {
      const transcription = await stt.getOrNone(transcriptionId, options);
      if (transcription === undefined) return;
      await stt.delete(transcriptionId, options);
      // The API says the file goes with the job, the official SDK deletes it anyway (reference/soniox.md §2.2): do both.
      if (transcription.fileId !== undefined) await files.deleteIfExists(transcription.fileId, options);
    },
    async destroyAll(options = {}) {
      return deleteEach(await collectIds(stt.listAll(options)), (id) =>
        stt.destroy(id, omitUndefined({ signal: options.signal })),
      );
    },
    async deleteAll(options = {}) {
      return deleteEach(await collectIds(stt.listAll(options)), (id) =>
        stt.delete(id, omitUndefined({ signal: options.signal })),
      );
    },
    async getTranscript(transcriptionId, options = {}) {
      return http.json(
        { method: 'GET', path: byId(transcriptionId, '/transcript'), signal: options.signal },
        SonioxTranscriptSchema,
      );
    },
    async wait(transcriptionId, options = {}) {
      pathSegment(transcriptionId, 'transcriptionId');
      if (options.intervalMs !== undefined && !(options.intervalMs >= 1000)) {
        throw new InvalidArgumentError({
          argument: 'intervalMs',
          message: 'must be at least 1000 ms (Soniox asks for one poll a second at most)',
          value: options.intervalMs,
        });
      }
      let lastStatus: string | undefined;
      return pollUntil(
        async () => {
          const transcription = await stt.get(transcriptionId, omitUndefined({ signal: options.signal }));
          if (transcription.status !== lastStatus) {
            lastStatus = transcription.status;
            options.onStatusChange?.(transcription);
          }
          return transcription;
        },
        (transcription) => !inProgress.has(transcription.status),
        {
          provider: 'soniox',
          operation: `wait for transcription ${transcriptionId}`,
          defaultIntervalMs: 1000,
          defaultTimeoutMs: 300_000,
          intervalMs: options.intervalMs,
          timeoutMs: options.timeoutMs,
          signal: options.signal,
        },
      );
    },
    async transcribeFromUrl(audioUrl, options = {}) {
      return stt.create({ ...options, audioUrl });
    },
    async transcribeFromFileId(fileId, options = {}) {
      return stt.create({ ...options, fileId });
    },
    async transcribeFromFile(file, options = {}) {
      const { model, clientReferenceId, config, signal } = options;
      return createdFromUpload(file, options, (fileId) =>
        stt.create(omitUndefined({ model, clientReferenceId, config, signal, fileId })),
      );
    },
    async transcribe(options) {
      const given = (['audioUrl', 'fileId', 'file'] as const).filter((key) => options[key] !== undefined);
      if (given.length !== 1) {
        throw new InvalidArgumentError({
          argument: given.length === 0 ? 'audioUrl' : (given[1] ?? 'file'),
          message: `exactly one of audioUrl, fileId and file is required (got ${given.length === 0 ? 'none' : given.join(' and ')})`,
        });
      }
      const { file, ...rest } = options;
      return file === undefined ? stt.create(rest) : stt.transcribeFromFile(file, rest);
    },
    async transcribeFileWithWebhook(file, options) {
      const { webhookUrl, webhookAuth, ...rest } = options;
      const config: SonioxTranscriptionConfig = {
        ...rest.config,
        webhookUrl,
        ...(webhookAuth === undefined
          ? {}
          : { webhookAuthHeaderName: webhookAuth.name, webhookAuthHeaderValue: webhookAuth.value }),
      };
      return stt.transcribeFromFile(file, { ...rest, config });
    },
    async transcribeAndWait(options) {
      const { transcription, uploaded } = await runAndWait(options);
      if (options.deleteAfter === true) await cleanUp(transcription.id, uploaded);
      return transcription;
    },
    async transcribeAndWaitWithTokens(options) {
      const { transcription, uploaded } = await runAndWait(options);
      try {
        const transcript = await stt.getTranscript(
          transcription.id,
          omitUndefined({ signal: options.signal }),
        );
        return { transcription, transcript };
      } finally {
        if (options.deleteAfter === true) await cleanUp(transcription.id, uploaded);
      }
    },
  };
  return stt;
}

function validateCreate(options: SonioxCreateTranscriptionOptions) {
  const { signal: _signal, ...request } = options;
  return validateArguments(SonioxCreateTranscriptionSchema, request);
}

async function collectIds(items: AsyncIterable<{ id: string }>): Promise<string[]> {
  // Collected before deleting: deleting while paging would shift the cursor under us.
  const ids: string[] = [];
  for await (const item of items) ids.push(item.id);
  return ids;
}

async function deleteEach(ids: string[], remove: (id: string) => Promise<void>): Promise<number> {
  let deleted = 0;
  for (const id of ids) {
    try {
      await remove(id);
    } catch (error) {
      if (ApiCallError.isInstance(error) && error.status === 404) continue;
      throw error;
    }
    deleted++;
  }
  return deleted;
}
