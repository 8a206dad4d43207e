import * as v from 'valibot';

// Wire schemas of the Scriptivox API, snake_case as sent, each mapped to the camelCase object
// scribekit returns. Objects are not strict: a field Scriptivox adds cannot break parsing.
// Scriptivox publishes no OpenAPI; the reference is https://www.scriptivox.com/docs/api-reference.

const toUndefined = <T>(value: T | null | undefined): T | undefined => value ?? undefined;
const nullableNumber = v.nullish(v.number());
const nullableString = v.nullish(v.string());

/**
A job's status. Known values: `created`, `downloading` (URL jobs), `pending` (uploads, while the
duration is probed), `processing`, `completed`, `failed`; any other string is kept as is.
*/
export type ScriptivoxTranscriptionStatus =
  'created' | 'downloading' | 'pending' | 'processing' | 'completed' | 'failed' | (string & {});

/** A failed job's reason. */
export interface ScriptivoxError {
  /** `URL_NOT_ACCESSIBLE`, `INVALID_MEDIA_FORMAT`, `CANCELLED`, …; treat unknown codes as generic failures. */
  code: string;
  message: string | undefined;
}

const ErrorObjectSchema = v.object({ code: v.string(), message: nullableString });

// The error of a failed job: `{ error: { code, message } }`, or flat `error_code` / `error_message`
// in older docs (reference/scriptivox.md §6, [MCP-old]); both are read.
const errorFields = {
  error: v.nullish(ErrorObjectSchema),
  error_code: nullableString,
  error_message: nullableString,
};

function readError(fields: {
  error?: { code: string; message?: string | null | undefined } | null | undefined;
  error_code?: string | null | undefined;
  error_message?: string | null | undefined;
}): ScriptivoxError | undefined {
  if (fields.error) return { code: fields.error.code, message: toUndefined(fields.error.message) };
  if (fields.error_code) return { code: fields.error_code, message: toUndefined(fields.error_message) };
  return undefined;
}

/** https://www.scriptivox.com/docs/api-reference#get-transcription (`result.utterances[].words[]`) */
export const ScriptivoxWordSchema = v.pipe(
  v.object({
    word: v.string(),
    start: v.number(),
    end: v.number(),
    confidence: nullableNumber,
    speaker: nullableString,
  }),
  v.transform((word) => ({
    word: word.word,
    start: word.start,
    end: word.end,
    confidence: toUndefined(word.confidence),
    speaker: toUndefined(word.speaker),
  })),
);

/** A word with its timing, present when `align` was on. */
export type ScriptivoxWord = v.InferOutput<typeof ScriptivoxWordSchema>;

/** https://www.scriptivox.com/docs/api-reference#get-transcription (`result.utterances[]`) */
export const ScriptivoxUtteranceSchema = v.pipe(
  v.object({
    start: v.number(),
    end: v.number(),
    text: v.string(),
    speaker: nullableString,
    confidence: nullableNumber,
    words: v.nullish(v.array(ScriptivoxWordSchema)),
  }),
  v.transform((utterance) => ({
    start: utterance.start,
    end: utterance.end,
    text: utterance.text,
    speaker: toUndefined(utterance.speaker),
    confidence: toUndefined(utterance.confidence),
    words: utterance.words ?? [],
  })),
);

/** A timestamped stretch of speech; `speaker` (`SPEAKER 1`) when diarized, `words` when aligned. */
export type ScriptivoxUtterance = v.InferOutput<typeof ScriptivoxUtteranceSchema>;

/** https://www.scriptivox.com/docs/api-reference#get-transcription (`result`) */
export const ScriptivoxResultSchema = v.pipe(
  v.object({
    full_transcript: v.string(),
    language: nullableString,
    duration_seconds: nullableNumber,
    speakers: v.nullish(v.array(v.string())),
    utterances: v.nullish(v.array(ScriptivoxUtteranceSchema)),
  }),
  v.transform((result) => ({
    fullTranscript: result.full_transcript,
    language: toUndefined(result.language),
    durationSeconds: toUndefined(result.duration_seconds),
    speakers: result.speakers ?? [],
    utterances: result.utterances ?? [],
  })),
);

/** A completed job's transcript. */
export type ScriptivoxResult = v.InferOutput<typeof ScriptivoxResultSchema>;

const transcriptionFields = {
  id: v.string(),
  status: v.string(),
  audio_duration_seconds: nullableNumber,
  file_size_bytes: nullableNumber,
  language: nullableString,
  diarize: v.nullish(v.boolean()),
  speaker_count: nullableNumber,
  align: v.nullish(v.boolean()),
  cost_cents: nullableNumber,
  created_at: nullableString,
  started_at: nullableString,
  completed_at: nullableString,
  progress: nullableString,
  ...errorFields,
};

/** https://www.scriptivox.com/docs/api-reference#get-transcription */
export const ScriptivoxTranscriptionSchema = v.pipe(
  v.object({ ...transcriptionFields, result: v.nullish(ScriptivoxResultSchema) }),
  v.transform((job) => ({
    id: job.id,
    status: job.status as ScriptivoxTranscriptionStatus,
    audioDurationSeconds: toUndefined(job.audio_duration_seconds),
    fileSizeBytes: toUndefined(job.file_size_bytes),
    language: toUndefined(job.language),
    diarize: toUndefined(job.diarize),
    speakerCount: toUndefined(job.speaker_count),
    align: toUndefined(job.align),
    // Fractional: $0.20 per hour billed per second; never round it.
    costCents: toUndefined(job.cost_cents),
    createdAt: toUndefined(job.created_at),
    startedAt: toUndefined(job.started_at),
    completedAt: toUndefined(job.completed_at),
    progress: toUndefined(job.progress),
    result: toUndefined(job.result),
    error: readError(job),
  })),
);

/** A transcription job; `result` once `completed`, `error` once `failed`. */
export type ScriptivoxTranscription = v.InferOutput<typeof ScriptivoxTranscriptionSchema>;

/** https://www.scriptivox.com/docs/api-reference#create-transcription */
export const ScriptivoxCreatedSchema = v.pipe(
  v.object({ id: v.string(), status: v.string(), message: nullableString }),
  v.transform((created) => ({
    id: created.id,
    status: created.status as ScriptivoxTranscriptionStatus,
    message: toUndefined(created.message),
  })),
);

/** https://www.scriptivox.com/docs/api-reference#list-transcriptions */
export const ScriptivoxTranscriptionPageSchema = v.pipe(
  v.object({
    items: v.array(ScriptivoxTranscriptionSchema),
    has_more: v.nullish(v.boolean()),
    next_cursor: nullableString,
  }),
  v.transform((page) => ({
    items: page.items,
    hasMore: page.has_more ?? (page.next_cursor !== null && page.next_cursor !== undefined),
    nextCursor: page.next_cursor ?? null,
  })),
);

/** One page of jobs (without their results); `nextCursor` is `null` on the last page. */
export type ScriptivoxTranscriptionPage = v.InferOutput<typeof ScriptivoxTranscriptionPageSchema>;

/** https://www.scriptivox.com/docs/api-reference#cancel-transcription */
export const ScriptivoxCancelledSchema = v.pipe(
  v.object({ id: v.string(), status: v.string(), released_cents: nullableNumber, ...errorFields }),
  v.transform((cancelled) => ({
    id: cancelled.id,
    status: cancelled.status as ScriptivoxTranscriptionStatus,
    error: readError(cancelled),
    releasedCents: cancelled.released_cents ?? 0,
  })),
);

/** A cancelled job: `failed` with code `CANCELLED`, and the reserved cents given back. */
export type ScriptivoxCancelled = v.InferOutput<typeof ScriptivoxCancelledSchema>;

/** https://www.scriptivox.com/docs/api-reference#balance */
export const ScriptivoxBalanceSchema = v.pipe(
  v.object({
    balance_cents: v.number(),
    reserved_cents: nullableNumber,
    available_cents: nullableNumber,
    price_per_hour_cents: nullableNumber,
    estimated_hours_available: nullableNumber,
    deposit_url: nullableString,
    updated_at: nullableString,
  }),
  v.transform((balance) => ({
    balanceCents: balance.balance_cents,
    reservedCents: balance.reserved_cents ?? 0,
    availableCents: balance.available_cents ?? balance.balance_cents - (balance.reserved_cents ?? 0),
    pricePerHourCents: toUndefined(balance.price_per_hour_cents),
    estimatedHoursAvailable: toUndefined(balance.estimated_hours_available),
    depositUrl: toUndefined(balance.deposit_url),
    updatedAt: toUndefined(balance.updated_at),
  })),
);

/** The account's credit: total, reserved for running jobs, and available, in (fractional) cents. */
export type ScriptivoxBalance = v.InferOutput<typeof ScriptivoxBalanceSchema>;

/** https://www.scriptivox.com/docs/api-reference#file-upload */
export const ScriptivoxUploadSchema = v.pipe(
  v.object({
    upload_id: v.string(),
    upload_url: v.pipe(v.string(), v.url()),
    expires_in: nullableNumber,
    method: v.nullish(v.picklist(['PUT', 'POST'])),
    headers: v.nullish(v.record(v.string(), v.string())),
  }),
  v.transform((upload) => ({
    uploadId: upload.upload_id,
    uploadUrl: upload.upload_url,
    expiresInSeconds: upload.expires_in ?? 3600,
    method: upload.method ?? 'PUT',
    headers: upload.headers ?? {},
  })),
);

/** Where to send a file's bytes: a presigned URL (1 h), its method, and the headers it was signed for. */
export type ScriptivoxUpload = v.InferOutput<typeof ScriptivoxUploadSchema>;

/**
A webhook's body (https://www.scriptivox.com/docs/webhooks). Older docs embed the whole `result`
in `transcription.completed`, newer ones do not: it is read when present, and the job should be
fetched when it is not.
*/
export const ScriptivoxWebhookEventSchema = v.pipe(
  v.object({
    event: v.string(),
    transcription_id: v.string(),
    status: v.string(),
    duration_seconds: nullableNumber,
    cost_cents: nullableNumber,
    result: v.nullish(ScriptivoxResultSchema),
    ...errorFields,
  }),
  v.transform((event) => ({
    event: event.event as
      'transcription.processing' | 'transcription.completed' | 'transcription.failed' | (string & {}),
    transcriptionId: event.transcription_id,
    status: event.status as ScriptivoxTranscriptionStatus,
    durationSeconds: toUndefined(event.duration_seconds),
    costCents: toUndefined(event.cost_cents),
    result: toUndefined(event.result),
    error: readError(event),
  })),
);

/** A verified webhook: which event, for which job, and what it carried. */
export type ScriptivoxWebhookEvent = v.InferOutput<typeof ScriptivoxWebhookEventSchema>;
