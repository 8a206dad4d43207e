import { normalizeAudioInput, type AudioInput } from '../../audio/index.js';
import { ApiCallError, InvalidArgumentError } from '../../errors/index.js';
import type { HttpClient, UploadProgress } from '../../http/index.js';
import { paginate } from '../shared/paginate.js';
import { pathSegment } from '../shared/validate-arguments.js';
import {
  SonioxCountSchema,
  SonioxFilePageSchema,
  SonioxFileSchema,
  type SonioxCount,
  type SonioxFile,
  type SonioxFilePage,
} from './soniox-api.js';

/** Options of list calls: page size (1–1000) and cursor. */
export interface SonioxListOptions {
  /** Items per page, 1–1000. */
  limit?: number;
  /** The `nextPageCursor` of the previous page. */
  cursor?: string;
  signal?: AbortSignal;
}

/** Options of `files.upload`. */
export interface SonioxUploadOptions {
  /** The stored file name; defaults to the `File`'s name or `audio.<ext>`. */
  filename?: string;
  /** Your own id for the file (at most 256 characters). */
  clientReferenceId?: string;
  signal?: AbortSignal;
  /** Upload progress in bytes. */
  onUploadProgress?: (progress: UploadProgress) => void;
}

/** `soniox.files`: upload, list, get and delete uploaded audio. */
export interface SonioxFiles {
  /** One page of files. */
  list(options?: SonioxListOptions): Promise<SonioxFilePage>;
  /** Every file, page by page. */
  listAll(options?: Omit<SonioxListOptions, 'cursor'>): AsyncIterable<SonioxFile>;
  /** How many files there are. */
  count(options?: { signal?: AbortSignal }): Promise<SonioxCount>;
  /** A file by id; `ApiCallError` 404 (`file_not_found`) when missing. */
  get(fileId: string, options?: { signal?: AbortSignal }): Promise<SonioxFile>;
  /** A file by id, or `undefined` when missing. */
  getOrNone(fileId: string, options?: { signal?: AbortSignal }): Promise<SonioxFile | undefined>;
  /** Deletes a file; `ApiCallError` 404 when missing. */
  delete(fileId: string, options?: { signal?: AbortSignal }): Promise<void>;
  /** Deletes a file if it exists; returns whether it did. */
  deleteIfExists(fileId: string, options?: { signal?: AbortSignal }): Promise<boolean>;
  /** Uploads audio (any {@link AudioInput} but a URL) as `multipart/form-data`; at most 1 GiB. */
  upload(audio: AudioInput, options?: SonioxUploadOptions): Promise<SonioxFile>;
  /** Deletes every file, stopping at the first failure. Returns how many were deleted. */
  deleteAll(options?: Omit<SonioxListOptions, 'cursor'>): Promise<number>;
}

const maxUploadBytes = 1024 ** 3;

/** Builds the `files` namespace on an HTTP client. */
export function createSonioxFiles(http: HttpClient): SonioxFiles {
  const files: SonioxFiles = {
    async list(options = {}) {
      return http.json(
        {
          method: 'GET',
          path: 'v1/files',
          query: { limit: checkLimit(options.limit), cursor: options.cursor },
          signal: options.signal,
        },
        SonioxFilePageSchema,
      );
    },
    listAll(options = {}) {
      return paginate(async (cursor) => {
        const page = await files.list({ ...options, ...(cursor === undefined ? {} : { cursor }) });
        return { items: page.files, nextCursor: page.nextPageCursor };
      });
    },
    async count(options = {}) {
      return http.json({ method: 'GET', path: 'v1/files/count', signal: options.signal }, SonioxCountSchema);
    },
    async get(fileId, options = {}) {
      return http.json(
        { method: 'GET', path: `v1/files/${pathSegment(fileId, 'fileId')}`, signal: options.signal },
        SonioxFileSchema,
      );
    },
    async getOrNone(fileId, options = {}) {
      return ifFound(() => files.get(fileId, options));
    },
    async delete(fileId, options = {}) {
      return http.empty({
        method: 'DELETE',
        path: `v1/files/${pathSegment(fileId, 'fileId')}`,
        signal: options.signal,
      });
    },
    async deleteIfExists(fileId, options = {}) {
      return (await ifFound(async () => (await files.delete(fileId, options), true))) ?? false;
    },
    async upload(audio, options = {}) {
      const input = await normalizeAudioInput(audio, { filename: options.filename });
      if (input.kind === 'url') {
        throw new InvalidArgumentError({
          argument: 'audio',
          message: 'Soniox uploads need bytes; pass a URL as `audioUrl` to stt.create instead',
        });
      }
      // FormData needs a Blob, so a stream is gathered first; Soniox takes at most 1 GiB anyway.
      const blob = input.kind === 'blob' ? input.blob : await new Response(input.stream).blob();
      if (blob.size > maxUploadBytes) {
        throw new InvalidArgumentError({
          argument: 'audio',
          message: `is ${blob.size} bytes; Soniox accepts at most 1 GiB`,
          value: blob.size,
        });
      }
      if (
        options.clientReferenceId !== undefined &&
        (typeof options.clientReferenceId !== 'string' || options.clientReferenceId.length > 256)
      ) {
        throw new InvalidArgumentError({
          argument: 'clientReferenceId',
          message: 'must be a string of at most 256 characters',
          value: options.clientReferenceId,
        });
      }
      const form = new FormData();
      form.append('file', blob, input.filename);
      if (options.clientReferenceId !== undefined)
        form.append('client_reference_id', options.clientReferenceId);
      return http.json(
        {
          method: 'POST',
          path: 'v1/files',
          body: form,
          signal: options.signal,
          // A large upload can outlast the default per-attempt limit.
          timeout: false,
          onUploadProgress: options.onUploadProgress,
        },
        SonioxFileSchema,
      );
    },
    async deleteAll(options = {}) {
      let deleted = 0;
      // Collect first: deleting while paging would shift the cursor under us.
      const ids: string[] = [];
      for await (const file of files.listAll(options)) ids.push(file.id);
      for (const id of ids) {
        await files.delete(id, options.signal === undefined ? {} : { signal: options.signal });
        deleted++;
      }
      return deleted;
    },
  };
  return files;
}

/** Checks a page size against Soniox's 1–1000. */
export function checkLimit(limit: number | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new InvalidArgumentError({
      argument: 'limit',
      message: 'must be a whole number from 1 to 1000',
      value: limit,
    });
  }
  return limit;
}

/** Runs `call`, turning a 404 into `undefined`. */
export async function ifFound<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (ApiCallError.isInstance(error) && error.status === 404) return undefined;
    throw error;
  }
}
