import * as v from 'valibot';
import type { OutlineConfidence, OutlineTopic } from '../../outline/index.js';

// Wire schemas of the SoferAI REST API (reference/soferai.md §3), snake_case as sent, each mapped
// to the camelCase object scribekit returns. Objects are not strict, and every enum is a plain
// string typed as its known values: the SDK accepts "listed literal OR any string", and so do we.

const nullableString = v.nullish(v.string());
const nullableNumber = v.nullish(v.number());
const toUndefined = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

/** A primary language. `fr` is in the OpenAPI since 2026-05 only; others may follow. */
export type SoferAILanguage = 'en' | 'he' | 'yi' | 'fr' | (string & {});

/** How Hebrew words are written: Latin transliteration (`en`), Hebrew letters (`he`), or `hybrid`. */
export type SoferAIHebrewWordFormat = 'en' | 'he' | 'hybrid' | (string & {});

/**
A transcription's status. The SDK's own test waits through `RECEIVED`, `PENDING` and `PROCESSING`
for `COMPLETED`; `UPLOADED` is undocumented.
*/
export type SoferAIStatus =
  | 'RECEIVED'
  | 'PENDING'
  | 'PROCESSING'
  | 'COMPLETED'
  | 'CANCELLED'
  | 'FAILED'
  | 'UPLOADED'
  | 'INSUFFICIENT_FUNDS'
  | (string & {});

/** https://docs.sofer.ai/api-reference/balance/get-balance — all amounts in US cents. */
export const SoferAIBalanceSchema = v.pipe(
  v.object({
    total_balance: v.number(),
    available_balance: v.number(),
    pending_balance: v.number(),
    all_time_deposits: v.number(),
    all_time_spend: v.number(),
  }),
  v.transform((balance) => ({
    totalBalance: balance.total_balance,
    availableBalance: balance.available_balance,
    pendingBalance: balance.pending_balance,
    allTimeDeposits: balance.all_time_deposits,
    allTimeSpend: balance.all_time_spend,
  })),
);

/** The account balance in US cents: `availableBalance` is `totalBalance` less `pendingBalance`. */
export type SoferAIBalance = v.InferOutput<typeof SoferAIBalanceSchema>;

/** https://docs.sofer.ai/api-reference/health/get-health */
export const SoferAIHealthSchema = v.object({ status: v.string() });

/** `{ status: 'ok' }` when the service is up. */
export type SoferAIHealth = v.InferOutput<typeof SoferAIHealthSchema>;

/** https://docs.sofer.ai/api-reference/categories/get-category */
export const SoferAICategorySchema = v.pipe(
  v.object({
    id: v.string(),
    name: v.string(),
    // Documented as required, but its format is cut off in every doc (reference/soferai.md §3.6): tolerated if absent.
    color_hex: nullableString,
    created_at: v.string(),
    transcription_count: nullableNumber,
    description: nullableString,
    auto_tag_enabled: v.nullish(v.boolean()),
  }),
  v.transform((category) => ({
    id: category.id,
    name: category.name,
    colorHex: toUndefined(category.color_hex),
    createdAt: category.created_at,
    transcriptionCount: toUndefined(category.transcription_count),
    description: toUndefined(category.description),
    autoTagEnabled: toUndefined(category.auto_tag_enabled),
  })),
);

/** A category that groups transcriptions. */
export type SoferAICategory = v.InferOutput<typeof SoferAICategorySchema>;

/** https://docs.sofer.ai/api-reference/categories/get-category-transcriptions */
export const SoferAICategoryTranscriptionSchema = v.pipe(
  v.object({ id: v.string(), title: v.string(), status: v.string(), position: nullableNumber }),
  v.transform((item) => ({
    id: item.id,
    title: item.title,
    status: item.status as SoferAIStatus,
    position: toUndefined(item.position),
  })),
);

/** A transcription as a category lists it. */
export type SoferAICategoryTranscription = v.InferOutput<typeof SoferAICategoryTranscriptionSchema>;

/** https://docs.sofer.ai/api-reference/categories/delete-category */
export const SoferAIDeleteCategorySchema = v.pipe(
  v.object({ message: v.string(), deleted_id: v.string() }),
  v.transform((result) => ({ message: result.message, deletedId: result.deleted_id })),
);

/** What deleting a category answers. */
export type SoferAIDeleteCategoryResult = v.InferOutput<typeof SoferAIDeleteCategorySchema>;

/** https://docs.sofer.ai/api-reference/categories/add-transcription-to-category (and remove) */
export const SoferAICategoryLinkSchema = v.pipe(
  v.object({ message: v.string(), category_id: v.string(), transcription_id: v.string() }),
  v.transform((result) => ({
    message: result.message,
    categoryId: result.category_id,
    transcriptionId: result.transcription_id,
  })),
);

/** What adding a transcription to a category, or removing it, answers. */
export type SoferAICategoryLink = v.InferOutput<typeof SoferAICategoryLinkSchema>;

/** https://docs.sofer.ai/api-reference/link/extract */
export const SoferAILinkSchema = v.pipe(
  v.object({ title: v.string(), download_url: v.string(), file_format: v.string(), file_name: v.string() }),
  v.transform((link) => ({
    title: link.title,
    downloadUrl: link.download_url,
    fileFormat: link.file_format,
    fileName: link.file_name,
  })),
);

/** A lecture page resolved to its direct media URL, ready to pass as `audioUrl`. */
export type SoferAILink = v.InferOutput<typeof SoferAILinkSchema>;

/** https://docs.sofer.ai/api-reference/link/get-supported-sites */
export const SoferAISiteSchema = v.object({ name: v.string(), url: v.string() });

/** A site `link.extract` understands, with its home page. */
export type SoferAISite = v.InferOutput<typeof SoferAISiteSchema>;

/** https://docs.sofer.ai/api-reference/timestamps/outline */
export const SoferAIOutlineTopicSchema = v.pipe(
  v.object({
    title: v.string(),
    starting_phrase: v.string(),
    // The OpenAPI labels it an integer; the SDK and docs a float (reference/soferai.md §3.7).
    start_time_sec: nullableNumber,
    matched_text: v.string(),
    score_norm: v.number(),
    confidence: v.string(),
    token_span: v.nullish(v.array(v.number())),
    matched_content: nullableNumber,
    content_coverage: nullableNumber,
    longest_content_run_soft: nullableNumber,
    longest_content_run_strict: nullableNumber,
  }),
  v.transform((topic): OutlineTopic => ({
    title: topic.title,
    startingPhrase: topic.starting_phrase,
    startTimeSec: topic.start_time_sec ?? null,
    matchedText: topic.matched_text,
    scoreNorm: topic.score_norm,
    confidence: topic.confidence as OutlineConfidence,
    tokenSpan:
      topic.token_span?.[0] === undefined || topic.token_span[1] === undefined
        ? null
        : [topic.token_span[0], topic.token_span[1]],
    matchedContent: topic.matched_content ?? null,
    contentCoverage: topic.content_coverage ?? null,
    longestContentRunSoft: topic.longest_content_run_soft ?? null,
    longestContentRunStrict: topic.longest_content_run_strict ?? null,
  })),
);

/** https://docs.sofer.ai/api-reference/transcribe/get-transcription-status */
export const SoferAITranscriptionInfoSchema = v.pipe(
  v.object({
    id: v.string(),
    title: v.string(),
    created_at: v.string(),
    primary_language: v.string(),
    hebrew_word_format: v.nullish(v.array(v.string())),
    // Required in SDK 1.0.0, nullable in the OpenAPI since 2026-03 while auto-detection runs.
    num_speakers: nullableNumber,
    status: v.string(),
    // Seconds; null until computed. The OpenAPI's "integer, format float" is read as a number.
    duration: nullableNumber,
    model: nullableString,
    client_item_id: nullableString,
  }),
  v.transform((info) => ({
    id: info.id,
    title: info.title,
    createdAt: info.created_at,
    primaryLanguage: info.primary_language as SoferAILanguage,
    hebrewWordFormat: (info.hebrew_word_format ?? []) as SoferAIHebrewWordFormat[],
    numSpeakers: toUndefined(info.num_speakers),
    status: info.status as SoferAIStatus,
    durationInSeconds: toUndefined(info.duration),
    model: toUndefined(info.model),
    clientItemId: toUndefined(info.client_item_id),
  })),
);

/** A transcription's settings and status. `durationInSeconds` is SoferAI's `duration`. */
export type SoferAITranscriptionInfo = v.InferOutput<typeof SoferAITranscriptionInfoSchema>;

/** One timed word of a transcription. */
export const SoferAITimestampSchema = v.pipe(
  v.object({
    word: v.string(),
    start: v.number(),
    end: v.number(),
    hebrew_word_format: v.nullish(v.array(v.string())),
    // Documented as a short string ("1"); a number is accepted and kept as its string.
    speaker: v.nullish(v.union([v.string(), v.number()])),
  }),
  v.transform((timestamp) => ({
    word: timestamp.word,
    start: timestamp.start,
    end: timestamp.end,
    hebrewWordFormat: toUndefined(timestamp.hebrew_word_format) as SoferAIHebrewWordFormat[] | undefined,
    speaker:
      timestamp.speaker === null || timestamp.speaker === undefined ? undefined : String(timestamp.speaker),
  })),
);

/** One word with its times in seconds, its Hebrew-word tag (`['en']`, `['he']`) and speaker. */
export type SoferAITimestamp = v.InferOutput<typeof SoferAITimestampSchema>;

/** https://docs.sofer.ai/api-reference/transcribe/get-transcription */
export const SoferAITranscriptionSchema = v.pipe(
  v.object({
    text: v.string(),
    timestamps: v.nullish(v.array(SoferAITimestampSchema)),
    info: SoferAITranscriptionInfoSchema,
  }),
  v.transform((transcription) => ({
    text: transcription.text,
    timestamps: transcription.timestamps ?? [],
    info: transcription.info,
  })),
);

/**
A transcription: its text (transliterations in `<i>` tags when both Hebrew forms were asked for),
its timed words (empty when SoferAI sent none), and its info.
*/
export type SoferAITranscription = v.InferOutput<typeof SoferAITranscriptionSchema>;

/** https://docs.sofer.ai/api-reference/transcribe/list-transcriptions */
export const SoferAITranscriptionSummarySchema = v.pipe(
  v.object({ id: v.string(), title: v.string(), status: v.string() }),
  v.transform((summary) => ({ ...summary, status: summary.status as SoferAIStatus })),
);

/** A transcription in the account's list. */
export type SoferAITranscriptionSummary = v.InferOutput<typeof SoferAITranscriptionSummarySchema>;

/** https://docs.sofer.ai/api-reference/transcribe/create-transcription — a bare JSON string. */
export const SoferAITranscriptionIdSchema = v.string();

/** https://docs.sofer.ai/api-reference/utils/get-duration */
export const SoferAIDurationSchema = v.pipe(
  v.object({ duration_seconds: v.number() }),
  v.transform((duration) => ({ durationInSeconds: duration.duration_seconds })),
);

/** An audio file's length; `0` when SoferAI could not work it out. */
export type SoferAIDuration = v.InferOutput<typeof SoferAIDurationSchema>;
