import * as v from 'valibot';

// Wire schemas of the Soniox REST API, snake_case as sent, each mapped to the camelCase object
// scribekit returns. Objects are not strict: a field Soniox adds cannot break parsing.

const nullableString = v.nullish(v.string());
const toUndefined = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

/** https://soniox.com/docs/stt/api-reference/files/get_file */
export const SonioxFileSchema = v.pipe(
  v.object({
    id: v.string(),
    filename: v.string(),
    size: v.number(),
    created_at: v.string(),
    client_reference_id: nullableString,
  }),
  v.transform((file) => ({
    id: file.id,
    filename: file.filename,
    size: file.size,
    createdAt: file.created_at,
    clientReferenceId: toUndefined(file.client_reference_id),
  })),
);

/** A file uploaded to Soniox. Files are never deleted automatically: delete them after use. */
export type SonioxFile = v.InferOutput<typeof SonioxFileSchema>;

/** https://soniox.com/docs/stt/api-reference/files/get_files */
export const SonioxFilePageSchema = v.pipe(
  v.object({ files: v.array(SonioxFileSchema), next_page_cursor: nullableString }),
  v.transform((page) => ({ files: page.files, nextPageCursor: page.next_page_cursor ?? null })),
);

/** One page of files; `nextPageCursor` is `null` on the last page. */
export type SonioxFilePage = v.InferOutput<typeof SonioxFilePageSchema>;

/** `GET /v1/files/count` and `GET /v1/transcriptions/count`. */
export const SonioxCountSchema = v.pipe(
  v.object({ total: v.number(), public_api: v.optional(v.number()), playground: v.optional(v.number()) }),
  v.transform((count) => ({ total: count.total, publicApi: count.public_api, playground: count.playground })),
);

/** How many files or transcriptions exist, by where they were made. */
export type SonioxCount = v.InferOutput<typeof SonioxCountSchema>;

/**
A transcription's status. Known values are `queued`, `processing`, `completed` and `error`; any
other string Soniox may add is kept as is.
*/
export type SonioxTranscriptionStatus = 'queued' | 'processing' | 'completed' | 'error' | (string & {});

/** https://soniox.com/docs/stt/api-reference/transcriptions/get_transcription */
export const SonioxTranscriptionSchema = v.pipe(
  v.object({
    id: v.string(),
    status: v.string(),
    created_at: v.string(),
    model: v.string(),
    audio_url: nullableString,
    file_id: nullableString,
    filename: nullableString,
    language_hints: v.nullish(v.array(v.string())),
    enable_speaker_diarization: v.nullish(v.boolean()),
    enable_language_identification: v.nullish(v.boolean()),
    audio_duration_ms: v.nullish(v.number()),
    error_type: nullableString,
    error_message: nullableString,
    webhook_url: nullableString,
    webhook_auth_header_name: nullableString,
    webhook_status_code: v.nullish(v.number()),
    client_reference_id: nullableString,
  }),
  v.transform((job) => ({
    id: job.id,
    status: job.status as SonioxTranscriptionStatus,
    createdAt: job.created_at,
    model: job.model,
    audioUrl: toUndefined(job.audio_url),
    fileId: toUndefined(job.file_id),
    filename: toUndefined(job.filename),
    languageHints: toUndefined(job.language_hints),
    enableSpeakerDiarization: job.enable_speaker_diarization ?? false,
    enableLanguageIdentification: job.enable_language_identification ?? false,
    audioDurationMs: toUndefined(job.audio_duration_ms),
    errorType: toUndefined(job.error_type),
    errorMessage: toUndefined(job.error_message),
    webhookUrl: toUndefined(job.webhook_url),
    webhookAuthHeaderName: toUndefined(job.webhook_auth_header_name),
    webhookStatusCode: toUndefined(job.webhook_status_code),
    clientReferenceId: toUndefined(job.client_reference_id),
  })),
);

/** An async transcription job. `audioDurationMs` is known once processing starts. */
export type SonioxTranscription = v.InferOutput<typeof SonioxTranscriptionSchema>;

/** https://soniox.com/docs/stt/api-reference/transcriptions/get_transcriptions */
export const SonioxTranscriptionPageSchema = v.pipe(
  v.object({ transcriptions: v.array(SonioxTranscriptionSchema), next_page_cursor: nullableString }),
  v.transform((page) => ({
    transcriptions: page.transcriptions,
    nextPageCursor: page.next_page_cursor ?? null,
  })),
);

/** One page of transcriptions; `nextPageCursor` is `null` on the last page. */
export type SonioxTranscriptionPage = v.InferOutput<typeof SonioxTranscriptionPageSchema>;

/**
A token as Soniox sends it: a sub-word piece whose leading space is part of its text.
https://soniox.com/docs/stt/api-reference/transcriptions/get_transcription_transcript
*/
export const SonioxTokenSchema = v.pipe(
  v.object({
    text: v.string(),
    // Translation tokens carry no timing (reference/soniox.md §3.2), though the OpenAPI marks it required.
    start_ms: v.nullish(v.number()),
    end_ms: v.nullish(v.number()),
    confidence: v.nullish(v.number()),
    speaker: v.nullish(v.union([v.string(), v.number()])),
    language: nullableString,
    source_language: nullableString,
    translation_status: nullableString,
    is_audio_event: v.nullish(v.boolean()),
  }),
  v.transform((token) => ({
    text: token.text,
    startMs: toUndefined(token.start_ms),
    endMs: toUndefined(token.end_ms),
    confidence: toUndefined(token.confidence),
    // Speaker labels are documented as short strings ("1"); a number is accepted and kept as its string.
    speaker: token.speaker === null || token.speaker === undefined ? undefined : String(token.speaker),
    language: toUndefined(token.language),
    sourceLanguage: toUndefined(token.source_language),
    translationStatus: toUndefined(token.translation_status) as
      'none' | 'original' | 'translation' | undefined,
    isAudioEvent: toUndefined(token.is_audio_event),
  })),
);

/** One Soniox token, in camelCase. */
export type SonioxToken = v.InferOutput<typeof SonioxTokenSchema>;

/** `GET /v1/transcriptions/{id}/transcript`: `text` is the tokens' texts joined. */
export const SonioxTranscriptSchema = v.object({
  id: v.string(),
  text: v.string(),
  tokens: v.array(SonioxTokenSchema),
});

/** A completed transcription's text and tokens. */
export type SonioxTranscript = v.InferOutput<typeof SonioxTranscriptSchema>;

/** https://soniox.com/docs/stt/api-reference/models/get_models */
export const SonioxModelSchema = v.pipe(
  v.object({
    id: v.string(),
    aliased_model_id: nullableString,
    name: v.string(),
    context_version: v.nullish(v.number()),
    transcription_mode: v.string(),
    languages: v.array(v.object({ code: v.string(), name: v.string() })),
    supports_language_hints_strict: v.nullish(v.boolean()),
    supports_max_endpoint_delay: v.nullish(v.boolean()),
    supports_endpoint_sensitivity: v.nullish(v.boolean()),
    one_way_translation: nullableString,
    two_way_translation: nullableString,
  }),
  v.transform((model) => ({
    id: model.id,
    aliasedModelId: toUndefined(model.aliased_model_id),
    name: model.name,
    contextVersion: toUndefined(model.context_version),
    transcriptionMode: model.transcription_mode as 'real_time' | 'async' | (string & {}),
    languages: model.languages,
    supportsLanguageHintsStrict: model.supports_language_hints_strict ?? false,
    supportsMaxEndpointDelay: model.supports_max_endpoint_delay ?? false,
    supportsEndpointSensitivity: model.supports_endpoint_sensitivity ?? false,
    oneWayTranslation: toUndefined(model.one_way_translation),
    twoWayTranslation: toUndefined(model.two_way_translation),
  })),
);

/** A Soniox model or alias. */
export type SonioxModel = v.InferOutput<typeof SonioxModelSchema>;

/** `GET /v1/models`. */
export const SonioxModelListSchema = v.object({ models: v.array(SonioxModelSchema) });

/** https://soniox.com/docs/stt/api-reference/auth/create_temporary_api_key */
export const SonioxTemporaryApiKeySchema = v.pipe(
  v.object({ api_key: v.string(), expires_at: v.string() }),
  v.transform((key) => ({ apiKey: key.api_key, expiresAt: key.expires_at })),
);

/** A temporary key for the realtime WebSocket, and when it expires (ISO 8601). */
export type SonioxTemporaryApiKey = v.InferOutput<typeof SonioxTemporaryApiKeySchema>;
