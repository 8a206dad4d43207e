import type { HttpClient } from '../../http/index.js';
import { validateArguments } from '../shared/validate-arguments.js';
import {
  SoferAIBatchFileListSchema,
  SoferAIBatchFileSchema,
  SoferAIBatchSchema,
  SoferAIBatchStatusSchema,
  type SoferAIBatch,
  type SoferAIBatchFile,
  type SoferAIBatchFileList,
  type SoferAIBatchProgress,
} from './soferai-batch-api.js';
import { idSegment, type SoferAICallOptions } from './soferai-ids.js';
import {
  omitUndefined,
  settingsToWire,
  SoferAIBatchFileUploadSchema,
  SoferAICreateBatchSchema,
  sourceToWire,
  type SoferAIBatchSource,
  type SoferAIProcessingMode,
  type SoferAITranscriptionSettings,
} from './soferai-options.js';

/** `transcribe.createBatchTranscription`: an express batch of URLs, or a standard batch of a manifest. */
export interface SoferAICreateBatchOptions extends SoferAICallOptions {
  /** Settings shared by every item (no `id`: each item gets its own). */
  info?: SoferAITranscriptionSettings;
  /** Inferred from which of `audioSources` and `batchFileId` is given, and always sent. */
  processingMode?: SoferAIProcessingMode;
  /** Express: 1 to 10 direct audio URLs, transcribed at once at the normal price. */
  audioSources?: SoferAIBatchSource[];
  /** Standard: a manifest from `uploadBatchFile` that has become `VALID`; done within 24 hours, cheaper. */
  batchFileId?: string;
  /** Names untitled items `"{batchTitle} - Item N"`. */
  batchTitle?: string;
}

/** `transcribe.uploadBatchFile`: the items of a standard batch (exactly one of `items` and `jsonl`). */
export interface SoferAIBatchFileUploadOptions extends SoferAICallOptions {
  /** Up to 500 items, sent as a JSON array. */
  items?: SoferAIBatchSource[];
  /** Up to 500 items as JSON Lines (`{"audio_url": …}` per line, snake_case), sent as they are. */
  jsonl?: string;
  /** The manifest's title. */
  title?: string;
  /** The manifest's description. */
  description?: string;
}

/** Batch transcription: express batches of URLs, and standard batches of uploaded manifests. */
export interface SoferAIBatches {
  /** Starts a batch; every field is checked before sending. */
  createBatchTranscription(options: SoferAICreateBatchOptions): Promise<SoferAIBatch>;
  /** A batch's counts and every transcription's info; `ApiCallError` 404 when there is none. */
  getBatchStatus(batchId: string, options?: SoferAICallOptions): Promise<SoferAIBatchProgress>;
  /** Uploads the manifest of a standard batch (SoferAI SDK 1.0.0); wait for `status: 'VALID'`. */
  uploadBatchFile(options: SoferAIBatchFileUploadOptions): Promise<SoferAIBatchFile>;
  /** The account's manifests. */
  listBatchFiles(options?: SoferAICallOptions): Promise<SoferAIBatchFileList>;
  /** One manifest, with its validation errors when `INVALID`. */
  getBatchFile(batchFileId: string, options?: SoferAICallOptions): Promise<SoferAIBatchFile>;
}

/** Builds the batch half of the `transcribe` namespace. */
export function createSoferAIBatches(http: HttpClient): SoferAIBatches {
  return {
    async createBatchTranscription(options) {
      const { signal, ...request } = options;
      const batch = validateArguments(SoferAICreateBatchSchema, request);
      return http.json(
        {
          method: 'POST',
          path: 'v1/transcriptions/batch',
          json: omitUndefined({
            info: settingsToWire(batch.info),
            // Sent even though the server has a default: standard, which needs a manifest.
            processing_mode:
              batch.processingMode ?? (batch.audioSources === undefined ? 'standard' : 'express'),
            audio_sources: batch.audioSources?.map(sourceToWire),
            batch_file_id: batch.batchFileId,
            batch_title: batch.batchTitle,
          }),
          signal,
        },
        SoferAIBatchSchema,
      );
    },
    async getBatchStatus(batchId, options = {}) {
      return http.json(
        {
          method: 'GET',
          path: `v1/transcriptions/batch/${idSegment(batchId, 'batchId')}/status`,
          signal: options.signal,
        },
        SoferAIBatchStatusSchema,
      );
    },
    async uploadBatchFile(options) {
      const { signal, ...request } = options;
      const upload = validateArguments(SoferAIBatchFileUploadSchema, request);
      const metadata = omitUndefined({ title: upload.title, description: upload.description });
      return http.json(
        {
          method: 'POST',
          path: 'v1/transcriptions/batch-files',
          json: omitUndefined({
            content_type: upload.items === undefined ? 'jsonl' : 'json',
            json_items: upload.items?.map(sourceToWire),
            jsonl: upload.jsonl,
            metadata: Object.keys(metadata).length === 0 ? undefined : metadata,
          }),
          signal,
        },
        SoferAIBatchFileSchema,
      );
    },
    async listBatchFiles(options = {}) {
      return http.json(
        { method: 'GET', path: 'v1/transcriptions/batch-files', signal: options.signal },
        SoferAIBatchFileListSchema,
      );
    },
    async getBatchFile(batchFileId, options = {}) {
      return http.json(
        {
          method: 'GET',
          path: `v1/transcriptions/batch-files/${idSegment(batchFileId, 'batchFileId')}`,
          signal: options.signal,
        },
        SoferAIBatchFileSchema,
      );
    },
  };
}
