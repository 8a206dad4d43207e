import { normalizeAudioInput, type AudioInput } from '../../audio/index.js';
import { InvalidArgumentError } from '../../errors/index.js';
import type { HttpClient, UploadProgress } from '../../http/index.js';
import { pathSegment } from '../shared/validate-arguments.js';
import {
  MistralDeletedFileSchema,
  MistralFileSchema,
  MistralSignedUrlSchema,
  type MistralDeletedFile,
  type MistralFile,
  type MistralSignedUrl,
} from './mistral-api.js';

/** Options of `files.upload`. */
export interface MistralUploadOptions {
  /** The stored file name; defaults to the `File`'s name or `audio.<extension>`. */
  filename?: string;
  /** What the file is for. Audio for transcription is `audio`, as Mistral's guides upload it. @default 'audio' */
  purpose?: 'audio' | 'batch' | 'ocr' | 'fine-tune' | (string & {});
  /** Who in the organisation sees it. */
  visibility?: 'workspace' | 'user';
  signal?: AbortSignal;
  /** Upload progress in bytes. */
  onUploadProgress?: (progress: UploadProgress) => void;
}

/** `mistral.files`: upload audio once, transcribe it by `fileId` or signed URL, delete it after. */
export interface MistralFiles {
  /** Uploads audio (any {@link AudioInput} but a URL) as `multipart/form-data`; at most 512 MB. */
  upload(audio: AudioInput, options?: MistralUploadOptions): Promise<MistralFile>;
  /**
  A URL anyone can fetch the file from for `expiryHours` hours (1–168, Mistral's default 24),
  to pass as `fileUrl`.
  */
  getSignedUrl(
    fileId: string,
    options?: { expiryHours?: number; signal?: AbortSignal },
  ): Promise<MistralSignedUrl>;
  /** Deletes a file; `ApiCallError` 404 when there is none. Uploads are otherwise kept for 30 days. */
  delete(fileId: string, options?: { signal?: AbortSignal }): Promise<MistralDeletedFile>;
}

// https://docs.mistral.ai/resources/known-limitations: files up to 512 MB.
const maxUploadBytes = 512 * 1024 * 1024;

/** Builds the `files` namespace on an HTTP client. */
export function createMistralFiles(http: HttpClient): MistralFiles {
  return {
    async upload(audio, options = {}) {
      const input = await normalizeAudioInput(audio, { filename: options.filename });
      if (input.kind === 'url') {
        throw new InvalidArgumentError({
          argument: 'audio',
          message:
            'Mistral uploads need bytes; pass a URL as `fileUrl` to audio.transcriptions.complete instead',
        });
      }
      for (const name of ['purpose', 'visibility'] as const) {
        const value: unknown = options[name];
        if (value !== undefined && (typeof value !== 'string' || value === '')) {
          throw new InvalidArgumentError({ argument: name, message: 'must be a non-empty string', value });
        }
      }
      // FormData needs a Blob, so a stream is gathered first.
      const blob = input.kind === 'blob' ? input.blob : await new Response(input.stream).blob();
      if (blob.size > maxUploadBytes) {
        throw new InvalidArgumentError({
          argument: 'audio',
          message: `is ${blob.size} bytes; Mistral accepts files of at most 512 MB`,
          value: blob.size,
        });
      }
      const form = new FormData();
      form.append('file', blob, input.filename);
      form.append('purpose', options.purpose ?? 'audio');
      if (options.visibility !== undefined) form.append('visibility', options.visibility);
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
        MistralFileSchema,
      );
    },
    async getSignedUrl(fileId, options = {}) {
      const expiry = options.expiryHours;
      if (expiry !== undefined && (!Number.isInteger(expiry) || expiry < 1 || expiry > 168)) {
        throw new InvalidArgumentError({
          argument: 'expiryHours',
          message: 'must be a whole number of hours from 1 to 168',
          value: expiry,
        });
      }
      return http.json(
        {
          method: 'GET',
          path: `v1/files/${pathSegment(fileId, 'fileId')}/url`,
          query: { expiry },
          signal: options.signal,
        },
        MistralSignedUrlSchema,
      );
    },
    async delete(fileId, options = {}) {
      return http.json(
        { method: 'DELETE', path: `v1/files/${pathSegment(fileId, 'fileId')}`, signal: options.signal },
        MistralDeletedFileSchema,
      );
    },
  };
}
