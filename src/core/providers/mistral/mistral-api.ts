import * as v from 'valibot';

// Wire schemas of Mistral's transcription and file endpoints, snake_case as sent, each mapped to
// the camelCase object scribekit returns. Objects are not strict: a field Mistral adds cannot
// break parsing (the official SDK's schemas are `.catchall(z.any())` too).

const toUndefined = <T>(value: T | null | undefined): T | undefined => value ?? undefined;
const nullableNumber = v.nullish(v.number());
const nullableString = v.nullish(v.string());

/** https://docs.mistral.ai/api/#tag/audio.transcriptions (TranscriptionSegmentChunk) */
export const MistralSegmentSchema = v.pipe(
  v.object({
    text: v.string(),
    start: nullableNumber,
    end: nullableNumber,
    score: nullableNumber,
    speaker_id: nullableString,
  }),
  v.transform((segment) => ({
    text: segment.text,
    start: toUndefined(segment.start),
    end: toUndefined(segment.end),
    score: toUndefined(segment.score),
    speakerId: toUndefined(segment.speaker_id),
  })),
);

/** A timed stretch of the transcript; `speakerId` (such as `speaker_1`) only when diarized. */
export type MistralSegment = v.InferOutput<typeof MistralSegmentSchema>;

/**
A timed word. No Mistral schema declares one, and what Voxtral 2 returned for `word` granularity
is unconfirmed (reference/mistral.md §3, §11.1): this accepts the OpenAI-compatible shape
(`{ word, start, end }`, top-level `words`) and the same with `text`, so words are used when they come.
*/
export const MistralWordSchema = v.pipe(
  v.object({
    word: nullableString,
    text: nullableString,
    start: v.number(),
    end: v.number(),
    confidence: nullableNumber,
    score: nullableNumber,
    speaker_id: nullableString,
  }),
  v.check((word) => typeof (word.word ?? word.text) === 'string', 'a word needs `word` or `text`'),
  v.transform((word) => ({
    text: word.word ?? word.text ?? '',
    start: word.start,
    end: word.end,
    confidence: toUndefined(word.confidence ?? word.score),
    speakerId: toUndefined(word.speaker_id),
  })),
);

/** A timed word, when Mistral returned any. */
export type MistralWord = v.InferOutput<typeof MistralWordSchema>;

/** https://docs.mistral.ai/api/#tag/audio.transcriptions (UsageInfo) */
export const MistralUsageSchema = v.pipe(
  v.object({
    prompt_tokens: nullableNumber,
    completion_tokens: nullableNumber,
    total_tokens: nullableNumber,
    prompt_audio_seconds: nullableNumber,
    service_tier: nullableString,
    request_count: nullableNumber,
  }),
  v.transform((usage) => ({
    promptTokens: usage.prompt_tokens ?? 0,
    completionTokens: usage.completion_tokens ?? 0,
    totalTokens: usage.total_tokens ?? 0,
    promptAudioSeconds: toUndefined(usage.prompt_audio_seconds),
    serviceTier: toUndefined(usage.service_tier),
    requestCount: toUndefined(usage.request_count),
  })),
);

/** What a transcription cost: tokens, and `promptAudioSeconds`, the billed audio length in whole seconds. */
export type MistralUsage = v.InferOutput<typeof MistralUsageSchema>;

const transcriptionFields = {
  model: v.string(),
  text: v.string(),
  // A required key that may be null (Voxtral 2), or left out unless `return_language` (Voxtral 3).
  language: nullableString,
  segments: v.nullish(v.array(MistralSegmentSchema)),
  words: v.nullish(v.array(MistralWordSchema)),
  usage: v.nullish(MistralUsageSchema),
};

const toTranscription = (response: v.InferOutput<v.ObjectSchema<typeof transcriptionFields, undefined>>) => ({
  model: response.model,
  text: response.text,
  language: toUndefined(response.language),
  segments: response.segments ?? [],
  words: response.words ?? [],
  usage: toUndefined(response.usage),
});

/** https://docs.mistral.ai/api/#tag/audio.transcriptions (TranscriptionResponse) */
export const MistralTranscriptionSchema = v.pipe(v.object(transcriptionFields), v.transform(toTranscription));

/** A finished transcription: the text, segments when timestamps were asked for, and usage. */
export type MistralTranscription = v.InferOutput<typeof MistralTranscriptionSchema>;

/** The events of the SSE variant (reference/mistral.md §4), each checked against its payload. */
export const MistralStreamEventSchemas = {
  'transcription.language': v.pipe(
    v.object({ audio_language: v.string() }),
    v.transform((data) => ({ type: 'transcription.language' as const, audioLanguage: data.audio_language })),
  ),
  'transcription.text.delta': v.pipe(
    v.object({ text: v.string() }),
    v.transform((data) => ({ type: 'transcription.text.delta' as const, text: data.text })),
  ),
  'transcription.segment': v.pipe(
    MistralSegmentSchema,
    v.transform(({ score: _score, ...segment }) => ({ type: 'transcription.segment' as const, ...segment })),
  ),
  'transcription.done': v.pipe(
    v.object(transcriptionFields),
    v.transform((data) => ({ type: 'transcription.done' as const, transcription: toTranscription(data) })),
  ),
} as const;

/**
One event of `audio.transcriptions.stream`: the detected language, a piece of text to append, a
timed segment, and last the whole transcription.
*/
export type MistralTranscriptionStreamEvent = {
  [Type in keyof typeof MistralStreamEventSchemas]: v.InferOutput<(typeof MistralStreamEventSchemas)[Type]>;
}[keyof typeof MistralStreamEventSchemas];

/** https://docs.mistral.ai/api/#tag/files/operation/files_api_routes_upload_file */
export const MistralFileSchema = v.pipe(
  v.object({
    id: v.string(),
    bytes: v.number(),
    created_at: v.number(),
    filename: v.string(),
    purpose: v.string(),
    mimetype: nullableString,
    source: nullableString,
    expires_at: nullableNumber,
    visibility: nullableString,
  }),
  v.transform((file) => ({
    id: file.id,
    bytes: file.bytes,
    // Unix seconds on the wire.
    createdAt: file.created_at,
    filename: file.filename,
    purpose: file.purpose,
    mimetype: toUndefined(file.mimetype),
    source: toUndefined(file.source),
    expiresAt: toUndefined(file.expires_at),
    visibility: toUndefined(file.visibility),
  })),
);

/** A file uploaded to Mistral; `createdAt` and `expiresAt` are Unix seconds. */
export type MistralFile = v.InferOutput<typeof MistralFileSchema>;

/** https://docs.mistral.ai/api/#tag/files/operation/files_api_routes_get_signed_url */
export const MistralSignedUrlSchema = v.object({ url: v.string() });

/** A URL anyone can fetch the file from until it expires; pass it as `fileUrl`. */
export type MistralSignedUrl = v.InferOutput<typeof MistralSignedUrlSchema>;

/** https://docs.mistral.ai/api/#tag/files/operation/files_api_routes_delete_file */
export const MistralDeletedFileSchema = v.object({ id: v.string(), deleted: v.boolean() });

/** The answer to a delete: the file's id and whether it is gone. */
export type MistralDeletedFile = v.InferOutput<typeof MistralDeletedFileSchema>;
