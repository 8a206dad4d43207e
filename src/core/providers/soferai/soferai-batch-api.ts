import * as v from 'valibot';
import { SoferAITranscriptionInfoSchema } from './soferai-api.js';

// Wire schemas of batch transcription and batch manifests (reference/soferai.md §2.6, §3.4),
// snake_case as sent, mapped to camelCase.

const toUndefined = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

/** A batch's status. */
export type SoferAIBatchStatus = 'RECEIVED' | 'PROCESSING' | 'COMPLETED' | 'FAILED' | (string & {});

/** A batch manifest's validation status: wait for `VALID` before starting a standard batch. */
export type SoferAIBatchFileStatus = 'PENDING_VALIDATION' | 'VALID' | 'INVALID' | (string & {});

/** https://docs.sofer.ai/api-reference/batch-transcribe/create-batch-transcription */
export const SoferAIBatchSchema = v.pipe(
  v.object({
    batch_id: v.string(),
    transcription_ids: v.array(v.string()),
    total_count: v.number(),
    status: v.string(),
  }),
  v.transform((batch) => ({
    batchId: batch.batch_id,
    transcriptionIds: batch.transcription_ids,
    totalCount: batch.total_count,
    status: batch.status as SoferAIBatchStatus,
  })),
);

/** A created batch: its id and the ids of its transcriptions, in the order of the sources. */
export type SoferAIBatch = v.InferOutput<typeof SoferAIBatchSchema>;

/** https://docs.sofer.ai/api-reference/batch-transcribe/get-batch-status */
export const SoferAIBatchStatusSchema = v.pipe(
  v.object({
    batch_id: v.string(),
    status: v.string(),
    total_count: v.number(),
    completed_count: v.number(),
    failed_count: v.number(),
    pending_count: v.number(),
    transcriptions: v.array(SoferAITranscriptionInfoSchema),
  }),
  v.transform((batch) => ({
    batchId: batch.batch_id,
    status: batch.status as SoferAIBatchStatus,
    totalCount: batch.total_count,
    completedCount: batch.completed_count,
    failedCount: batch.failed_count,
    pendingCount: batch.pending_count,
    transcriptions: batch.transcriptions,
  })),
);

/** Where a batch is: counts by outcome, and every transcription's info. */
export type SoferAIBatchProgress = v.InferOutput<typeof SoferAIBatchStatusSchema>;

/** https://docs.sofer.ai/api-reference/batch-transcribe/upload-batch-file (SDK 1.0.0) */
export const SoferAIBatchFileSchema = v.pipe(
  v.object({
    // The upload answers `batch_file_id`, the list and get answer `id`: both name the manifest.
    batch_file_id: v.optional(v.string()),
    id: v.optional(v.string()),
    item_count: v.number(),
    size_bytes: v.number(),
    created_at: v.string(),
    status: v.string(),
    checksum: v.nullish(v.string()),
    title: v.nullish(v.string()),
    description: v.nullish(v.string()),
    validation_errors: v.nullish(v.array(v.string())),
  }),
  v.check((file) => (file.batch_file_id ?? file.id) !== undefined, 'a batch file needs batch_file_id or id'),
  v.transform((file) => ({
    id: file.batch_file_id ?? file.id ?? '',
    itemCount: file.item_count,
    sizeBytes: file.size_bytes,
    createdAt: file.created_at,
    status: file.status as SoferAIBatchFileStatus,
    checksum: toUndefined(file.checksum),
    title: toUndefined(file.title),
    description: toUndefined(file.description),
    validationErrors: toUndefined(file.validation_errors),
  })),
);

/** A batch manifest: how many items it holds and whether it validated (`VALID`). */
export type SoferAIBatchFile = v.InferOutput<typeof SoferAIBatchFileSchema>;

/** https://docs.sofer.ai/api-reference/batch-transcribe/list-batch-files (SDK 1.0.0) */
export const SoferAIBatchFileListSchema = v.pipe(
  v.object({ files: v.array(SoferAIBatchFileSchema), next_cursor: v.nullish(v.string()) }),
  v.transform((list) => ({ files: list.files, nextCursor: list.next_cursor ?? null })),
);

/** The account's batch manifests. No request takes `nextCursor` back (reference/soferai.md §3.4). */
export type SoferAIBatchFileList = v.InferOutput<typeof SoferAIBatchFileListSchema>;
