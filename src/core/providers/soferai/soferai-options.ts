import * as v from 'valibot';
import type { SoferAIHebrewWordFormat, SoferAILanguage } from './soferai-api.js';

// Request validation mirrors reference/soferai.md §3.2–3.6 (https://docs.sofer.ai/api-reference),
// so a bad field fails here, named, before any request or any base64 encoding.

/** A transcription model: `v1` (default, best for long Hebrew stretches) or `v0` (cheaper). */
export type SoferAIModel = 'v1' | 'v0' | (string & {});

/** How a batch runs: `express` (at most 10 URLs, starts at once) or `standard` (a manifest, within 24 h, cheaper). */
export type SoferAIProcessingMode = 'express' | 'standard' | (string & {});

/** What a transcription should do: SoferAI's `TranscriptionRequestInfo`, in camelCase. */
export interface SoferAITranscriptionSettings {
  /** @default 'v1' */
  model?: SoferAIModel;
  /** Your own UUID for the transcription; SoferAI makes one otherwise. Not allowed in a batch. */
  id?: string;
  /** @default 'Untitled' */
  title?: string;
  /** The main spoken language. @default 'en' */
  primaryLanguage?: SoferAILanguage;
  /**
  How Hebrew words in English speech are written: `['he']` in Hebrew letters, `['en']`
  transliterated, both for both (the transliteration in `<i>` tags), `['hybrid']` for both per
  word. Default for English: both; for other languages `['he']` is the only option.
  */
  hebrewWordFormat?: SoferAIHebrewWordFormat[];
  /** How many speakers to expect; more than 1 labels speakers (a paid add-on). @default 1 */
  numSpeakers?: number;
  /** Let SoferAI count the speakers (a paid add-on). Not together with `numSpeakers`. */
  autoDetectSpeakers?: boolean;
}

/** One audio URL of an express batch, or one item of a batch manifest. */
export interface SoferAIBatchSource {
  /** A direct download URL (MP3, WAV, …); batches take no base64. */
  audioUrl: string;
  /** Falls back to `"{batchTitle} - Item N"`, or `"Item N"`. */
  title?: string;
  /** Your key for the item, unique in the batch; echoed as `clientItemId`. */
  clientItemId?: string;
  /** Overrides the batch's speaker count for this item. */
  numSpeakers?: number;
  /** Overrides the batch's speaker detection for this item. Not together with `numSpeakers`. */
  autoDetectSpeakers?: boolean;
}

const nonEmpty = v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'));
const uuid = v.pipe(v.string('must be a string'), v.uuid('must be a UUID'));
const httpUrl = v.pipe(
  v.string('must be a string'),
  v.regex(/^https?:\/\/\S+$/, 'must be an http(s) URL without spaces'),
);
const speakerCount = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(1, 'must be at least 1'),
);
const settingsEntries = {
  model: v.optional(nonEmpty),
  id: v.optional(uuid),
  title: v.optional(v.string('must be a string')),
  primaryLanguage: v.optional(
    v.pipe(
      v.string('must be a string'),
      v.regex(/^[a-z]{2,3}$/, 'must be a language code such as "en" or "he"'),
    ),
  ),
  hebrewWordFormat: v.optional(
    v.pipe(
      v.array(nonEmpty, 'must be an array such as ["en", "he"]'),
      v.minLength(1, 'must name at least one format'),
      v.check((formats) => new Set(formats).size === formats.length, 'must not repeat a format'),
    ),
  ),
  numSpeakers: v.optional(speakerCount),
  autoDetectSpeakers: v.optional(v.boolean('must be a boolean')),
};

/** The valibot schema of {@link SoferAITranscriptionSettings}; unknown keys are rejected so typos surface. */
export const SoferAITranscriptionSettingsSchema = v.pipe(
  v.strictObject(
    settingsEntries,
    (issue) => `is not a SoferAI transcription setting (${String(issue.input)})`,
  ),
  v.forward(
    // Sending both is documented to yield HTTP 400 (reference/soferai.md §3.2).
    v.partialCheck(
      [['numSpeakers'], ['autoDetectSpeakers']],
      (settings) => settings.numSpeakers === undefined || settings.autoDetectSpeakers === undefined,
      'numSpeakers and autoDetectSpeakers are mutually exclusive: give one',
    ),
    ['autoDetectSpeakers'],
  ),
);

const batchSettingsSchema = v.pipe(
  v.strictObject(
    { ...settingsEntries, id: v.optional(v.never('is not allowed in a batch: each item gets its own id')) },
    (issue) => `is not a SoferAI transcription setting (${String(issue.input)})`,
  ),
  v.forward(
    // Sending both is documented to yield HTTP 400 (reference/soferai.md §3.2).
    v.partialCheck(
      [['numSpeakers'], ['autoDetectSpeakers']],
      (settings) => settings.numSpeakers === undefined || settings.autoDetectSpeakers === undefined,
      'numSpeakers and autoDetectSpeakers are mutually exclusive: give one',
    ),
    ['autoDetectSpeakers'],
  ),
);

/** The valibot schema of a {@link SoferAIBatchSource}. */
export const SoferAIBatchSourceSchema = v.pipe(
  v.strictObject(
    {
      audioUrl: httpUrl,
      title: v.optional(v.string('must be a string')),
      clientItemId: v.optional(nonEmpty),
      numSpeakers: v.optional(speakerCount),
      autoDetectSpeakers: v.optional(v.boolean('must be a boolean')),
    },
    (issue) => `is not a batch source field (${String(issue.input)})`,
  ),
  v.forward(
    // Sending both is documented to yield HTTP 400 (reference/soferai.md §3.2).
    v.partialCheck(
      [['numSpeakers'], ['autoDetectSpeakers']],
      (settings) => settings.numSpeakers === undefined || settings.autoDetectSpeakers === undefined,
      'numSpeakers and autoDetectSpeakers are mutually exclusive: give one',
    ),
    ['autoDetectSpeakers'],
  ),
);

const uniqueClientItemIds = (sources: readonly { clientItemId?: string | undefined }[]) => {
  const ids = sources.flatMap((source) => (source.clientItemId === undefined ? [] : [source.clientItemId]));
  return new Set(ids).size === ids.length;
};

/** The most sources an express batch takes (reference/soferai.md §3.4). */
export const maxExpressSources = 10;

/** The most items a batch manifest holds (reference/soferai.md §3.4). */
export const maxManifestItems = 500;

/** The valibot schema of a create-transcription call's fields (the audio is checked on its own). */
export const SoferAICreateTranscriptionSchema = v.object({
  info: v.optional(SoferAITranscriptionSettingsSchema),
  audioUrl: v.optional(httpUrl),
  audioFile: v.optional(
    v.pipe(
      v.string('must be a base64 string'),
      v.minLength(1, 'must not be empty'),
      v.check((value) => !value.startsWith('data:'), 'must be plain base64, without a data: URI prefix'),
      v.check(
        (value) => value.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(value),
        'must be standard, padded base64',
      ),
    ),
  ),
});

/** The valibot schema of a create-batch call. */
export const SoferAICreateBatchSchema = v.pipe(
  v.object({
    info: v.optional(batchSettingsSchema),
    processingMode: v.optional(nonEmpty),
    audioSources: v.optional(
      v.pipe(
        v.array(SoferAIBatchSourceSchema, 'must be an array of { audioUrl }'),
        v.minLength(1, 'must hold at least one source'),
        v.maxLength(maxExpressSources, `must hold at most ${maxExpressSources} sources (an express batch)`),
        v.check((sources) => uniqueClientItemIds(sources), 'must not repeat a clientItemId'),
      ),
    ),
    batchFileId: v.optional(uuid),
    batchTitle: v.optional(v.string('must be a string')),
  }),
  v.check(
    (batch) => (batch.audioSources === undefined) !== (batch.batchFileId === undefined),
    'exactly one of audioSources (express) and batchFileId (standard) is required',
  ),
  v.forward(
    v.check(
      (batch) =>
        batch.processingMode === undefined ||
        (batch.processingMode === 'express') === (batch.audioSources !== undefined) ||
        !['express', 'standard'].includes(batch.processingMode),
      'express batches take audioSources, standard batches a batchFileId',
    ),
    ['processingMode'],
  ),
);

/** The valibot schema of a batch manifest upload. */
export const SoferAIBatchFileUploadSchema = v.pipe(
  v.object({
    items: v.optional(
      v.pipe(
        v.array(SoferAIBatchSourceSchema, 'must be an array of { audioUrl }'),
        v.minLength(1, 'must hold at least one item'),
        v.maxLength(maxManifestItems, `must hold at most ${maxManifestItems} items`),
        v.check((sources) => uniqueClientItemIds(sources), 'must not repeat a clientItemId'),
      ),
    ),
    jsonl: v.optional(nonEmpty),
    title: v.optional(v.string('must be a string')),
    description: v.optional(v.string('must be a string')),
  }),
  v.check(
    (upload) => (upload.items === undefined) !== (upload.jsonl === undefined),
    'exactly one of items and jsonl is required',
  ),
);

const colorHex = v.pipe(
  v.string('must be a string'),
  // The docs cut off the example (reference/soferai.md §3.6); #RRGGBB is the format scribekit sends.
  v.regex(/^#[0-9a-f]{6}$/i, 'must be a #RRGGBB colour such as "#3b82f6"'),
);

const categoryEntries = {
  name: v.pipe(v.string('must be a string'), v.trim(), v.minLength(1, 'must not be empty')),
  colorHex: v.optional(colorHex),
  description: v.optional(v.string('must be a string')),
  autoTagEnabled: v.optional(v.boolean('must be a boolean')),
};

/** The valibot schema of a new category. */
export const SoferAICreateCategorySchema = v.object(categoryEntries);

/** The valibot schema of a category update: every field optional. */
export const SoferAIUpdateCategorySchema = v.object({
  ...categoryEntries,
  name: v.optional(categoryEntries.name),
});

/** The valibot schema of a category's place for a transcription. */
export const SoferAIPositionSchema = v.optional(
  v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(0, 'must not be negative'),
  ),
);

/** A path id: SoferAI's ids are UUIDs. */
export const SoferAIIdSchema = uuid;

/** An http(s) URL. */
export const SoferAIUrlSchema = httpUrl;

/** The valibot schema of `filterHebrewWordFormat`. */
export const SoferAIFilterSchema = v.optional(nonEmpty);

/** Turns validated settings into the wire's `info` object. */
export function settingsToWire(
  settings: Loose<SoferAITranscriptionSettings> | undefined,
): Record<string, unknown> {
  if (settings === undefined) return {};
  return omitUndefined({
    model: settings.model,
    id: settings.id,
    title: settings.title,
    primary_language: settings.primaryLanguage,
    hebrew_word_format: settings.hebrewWordFormat,
    num_speakers: settings.numSpeakers,
    auto_detect_speakers: settings.autoDetectSpeakers,
  });
}

/** Turns a validated batch source into the wire's item. */
export function sourceToWire(source: Loose<SoferAIBatchSource>): Record<string, unknown> {
  return omitUndefined({
    audio_url: source.audioUrl,
    title: source.title,
    client_item_id: source.clientItemId,
    num_speakers: source.numSpeakers,
    auto_detect_speakers: source.autoDetectSpeakers,
  });
}

/** `T` as valibot outputs it: optional keys may hold `undefined`. */
export type Loose<T> = { [K in keyof T]?: T[K] | undefined };

/** Drops keys whose value is `undefined`, so the payload says only what the caller said. */
export function omitUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
