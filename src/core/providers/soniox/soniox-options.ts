import * as v from 'valibot';

// Request validation mirrors the documented limits of POST /v1/transcriptions
// (https://soniox.com/docs/stt/api-reference/transcriptions/create_transcription, reference/soniox.md §2.2, §3.3–3.5),
// so a bad field fails here, named, before any upload or request.

const httpUrl = (max: number) =>
  v.pipe(
    v.string('must be a string'),
    v.maxLength(max, `must be at most ${max} characters`),
    v.regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL without spaces'),
  );
const text256 = v.pipe(v.string('must be a string'), v.maxLength(256, 'must be at most 256 characters'));
const languageCode = v.pipe(
  v.string('must be a language code string'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(10, 'must be at most 10 characters (an ISO code such as "en")'),
);
const translationLanguage = v.pipe(
  v.string('must be a string'),
  v.regex(/^[a-z]{2}$/i, 'must be a 2-letter language code'),
);

/** Current async model names; others (aliases, newer models) are accepted as strings. */
export type SonioxAsyncModel = 'stt-async-v5' | 'stt-async-v4' | (string & {});

/** The async model used when none is given. */
export const defaultSonioxAsyncModel = 'stt-async-v5';

/** Structured context ("context v2"): what the audio is about, to spell names and jargon right. */
export interface SonioxContext {
  /** Key/value facts: domain, topic, participant names, organisation. */
  general?: { key: string; value: string }[];
  /** Longer background text. */
  text?: string;
  /** Rare words, brand names, jargon. */
  terms?: string[];
  /** Forced translations; ignored when translation is off. */
  translationTerms?: { source: string; target: string }[];
}

/** Translate everything into one language, or between two languages both ways. */
export type SonioxTranslation =
  { type: 'one_way'; targetLanguage: string } | { type: 'two_way'; languageA: string; languageB: string };

/** What a transcription should do, besides which audio and model. */
export interface SonioxTranscriptionConfig {
  /** Expected languages (ISO codes, at most 100). Omit to detect automatically. */
  languageHints?: string[];
  /** Lean harder on `languageHints` (best with one language). */
  languageHintsStrict?: boolean;
  /** Label each word with a speaker. */
  enableSpeakerDiarization?: boolean;
  /** Label each word with its language. */
  enableLanguageIdentification?: boolean;
  /** Context as plain text (the older format) or structured; about 10,000 characters at most. */
  context?: string | SonioxContext;
  /** Translation. */
  translation?: SonioxTranslation;
  /** Where Soniox POSTs `{ id, status }` when the job ends. */
  webhookUrl?: string;
  /** A header Soniox sends with the webhook, such as `Authorization`. */
  webhookAuthHeaderName?: string;
  /** That header's value: your shared secret. Required with `webhookAuthHeaderName`. */
  webhookAuthHeaderValue?: string;
}

const maxContextCharacters = 10_000;

const contextSchema = v.union(
  [
    v.pipe(
      v.string(),
      v.maxLength(maxContextCharacters, `must be at most ${maxContextCharacters} characters`),
    ),
    v.pipe(
      v.strictObject({
        general: v.optional(v.array(v.strictObject({ key: v.string(), value: v.string() }))),
        text: v.optional(v.string()),
        terms: v.optional(v.array(v.string())),
        translationTerms: v.optional(v.array(v.strictObject({ source: v.string(), target: v.string() }))),
      }),
      v.check(
        (context) => JSON.stringify(context).length <= maxContextCharacters,
        `must be at most about ${maxContextCharacters} characters in all`,
      ),
    ),
  ],
  'must be a string or an object with general, text, terms or translationTerms',
);

/** The valibot schema of {@link SonioxTranscriptionConfig}; unknown keys are rejected so typos surface. */
export const SonioxTranscriptionConfigSchema = v.pipe(
  v.strictObject(
    {
      languageHints: v.optional(
        v.pipe(
          v.array(languageCode, 'must be an array of language codes'),
          v.maxLength(100, 'must have at most 100 items'),
        ),
      ),
      languageHintsStrict: v.optional(v.boolean('must be a boolean')),
      enableSpeakerDiarization: v.optional(v.boolean('must be a boolean')),
      enableLanguageIdentification: v.optional(v.boolean('must be a boolean')),
      context: v.optional(contextSchema),
      translation: v.optional(
        v.variant(
          'type',
          [
            v.strictObject({ type: v.literal('one_way'), targetLanguage: translationLanguage }),
            v.strictObject({
              type: v.literal('two_way'),
              languageA: translationLanguage,
              languageB: translationLanguage,
            }),
          ],
          'must be { type: "one_way", targetLanguage } or { type: "two_way", languageA, languageB }',
        ),
      ),
      webhookUrl: v.optional(httpUrl(256)),
      webhookAuthHeaderName: v.optional(text256),
      webhookAuthHeaderValue: v.optional(text256),
    },
    (issue) => `is not a Soniox transcription option (${String(issue.input)})`,
  ),
  v.forward(
    v.partialCheck(
      [['webhookAuthHeaderName'], ['webhookAuthHeaderValue']],
      (config) =>
        (config.webhookAuthHeaderName === undefined) === (config.webhookAuthHeaderValue === undefined),
      'webhookAuthHeaderName and webhookAuthHeaderValue go together',
    ),
    ['webhookAuthHeaderValue'],
  ),
);

/** The valibot schema of a create request. */
export const SonioxCreateTranscriptionSchema = v.pipe(
  v.object({
    model: v.optional(
      v.pipe(
        v.string('must be a string'),
        v.minLength(1, 'must not be empty'),
        v.maxLength(32, 'must be at most 32 characters'),
      ),
    ),
    audioUrl: v.optional(httpUrl(4096)),
    fileId: v.optional(v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'))),
    clientReferenceId: v.optional(text256),
    config: v.optional(SonioxTranscriptionConfigSchema),
  }),
  v.check(
    (request) => (request.audioUrl === undefined) !== (request.fileId === undefined),
    'exactly one of audioUrl and fileId is required',
  ),
);

/** The valibot schema of a temporary key request (reference/soniox.md §2.4). */
export const SonioxTemporaryApiKeyRequestSchema = v.strictObject({
  usageType: v.picklist(['transcribe_websocket', 'tts_rt'], 'must be "transcribe_websocket" or "tts_rt"'),
  expiresInSeconds: v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number of seconds'),
    v.minValue(1, 'must be at least 1 second'),
    v.maxValue(3600, 'must be at most 3600 seconds'),
  ),
  singleUse: v.optional(v.boolean('must be a boolean')),
  maxSessionDurationSeconds: v.optional(
    v.pipe(
      v.number('must be a number'),
      v.integer('must be a whole number of seconds'),
      v.minValue(1, 'must be at least 1 second'),
      v.maxValue(18_000, 'must be at most 18000 seconds'),
    ),
  ),
  clientReferenceId: v.optional(text256),
  signal: v.optional(
    v.custom<AbortSignal>(
      (input) => typeof (input as AbortSignal | null)?.aborted === 'boolean',
      'must be an AbortSignal',
    ),
  ),
});

/** Options of `auth.createTemporaryApiKey`. */
export type SonioxTemporaryApiKeyRequest = v.InferInput<typeof SonioxTemporaryApiKeyRequestSchema>;

/** Turns a validated config into the wire payload's snake_case fields. */
export function configToWire(config: SonioxTranscriptionConfig | undefined): Record<string, unknown> {
  if (config === undefined) return {};
  const context = config.context;
  return omitUndefined({
    language_hints: config.languageHints,
    language_hints_strict: config.languageHintsStrict,
    enable_speaker_diarization: config.enableSpeakerDiarization,
    enable_language_identification: config.enableLanguageIdentification,
    context:
      typeof context === 'object'
        ? omitUndefined({
            general: context.general,
            text: context.text,
            terms: context.terms,
            translation_terms: context.translationTerms,
          })
        : context,
    translation:
      config.translation === undefined
        ? undefined
        : config.translation.type === 'one_way'
          ? { type: 'one_way', target_language: config.translation.targetLanguage }
          : {
              type: 'two_way',
              language_a: config.translation.languageA,
              language_b: config.translation.languageB,
            },
    webhook_url: config.webhookUrl,
    webhook_auth_header_name: config.webhookAuthHeaderName,
    webhook_auth_header_value: config.webhookAuthHeaderValue,
  });
}

/** Drops keys whose value is `undefined`, so the payload says only what the caller said. */
export function omitUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
