import type { SonioxValidationError } from './soniox-errors.js';
import { SONIOX_MODELS } from './soniox-models.js';
import {
  at,
  checkBool,
  checkEnum,
  checkList,
  checkObject,
  checkString,
  checkUuid,
  INVALID,
  requirePresent,
  valid,
  ValidationIssues,
  type Checked,
} from './soniox-validation.js';

/** The `translation` object of a create request, as validated. */
export type SonioxTranslationConfig =
  | { readonly type: 'one_way'; readonly target_language: string }
  | { readonly type: 'two_way'; readonly language_a: string; readonly language_b: string };

/** The structured `context` of a create request ("context v2"), as validated. */
export interface SonioxStructuredContext {
  /** Key/value facts: domain, topic, names. */
  readonly general?: readonly { readonly key: string; readonly value: string }[] | null;
  /** Free background text. */
  readonly text?: string | null;
  /** Rare words and names. */
  readonly terms?: readonly string[] | null;
  /** Forced translations. */
  readonly translation_terms?: readonly { readonly source: string; readonly target: string }[] | null;
}

/** A validated `CreateTranscriptionPayload`, every optional field resolved to `null`. */
export interface CreateTranscriptionRequest {
  /** The model as requested (an alias stays an alias). */
  readonly model: string;
  /** The audio URL, or `null` when `file_id` is used. */
  readonly audio_url: string | null;
  /** The uploaded file, lower-case hyphenated, or `null` when `audio_url` is used. */
  readonly file_id: string | null;
  /** Expected languages. */
  readonly language_hints: readonly string[] | null;
  /** Whether the hints are to be followed strictly. */
  readonly language_hints_strict: boolean | null;
  /** Adds `speaker` to tokens. */
  readonly enable_speaker_diarization: boolean;
  /** Adds `language` to tokens. */
  readonly enable_language_identification: boolean;
  /** Translation, if any. */
  readonly translation: SonioxTranslationConfig | null;
  /** Context, structured or the legacy string. */
  readonly context: SonioxStructuredContext | string | null;
  /** Where the completion webhook would go (the sandbox sends none). */
  readonly webhook_url: string | null;
  /** The webhook's auth header name. */
  readonly webhook_auth_header_name: string | null;
  /** The webhook's auth header value, kept but only ever returned masked. */
  readonly webhook_auth_header_value: string | null;
  /** The caller's tracking string. */
  readonly client_reference_id: string | null;
}

/** The outcome of {@link parseCreateTranscription}. */
export type CreateTranscriptionResult =
  | { readonly ok: true; readonly request: CreateTranscriptionRequest }
  | { readonly ok: false; readonly errors: readonly SonioxValidationError[] };

/** The `audio_url` and `webhook_url` pattern of the OpenAPI. */
export const SONIOX_URL_PATTERN = { regex: /^https?:\/\/[^\s]+$/u, source: '^https?://[^\\s]+$' } as const;

/**
The context limit: "about 8,000 tokens, roughly 10,000 characters". The sandbox counts characters
of every string in the context (keys and values included), since it has no tokenizer.
*/
export const SONIOX_CONTEXT_MAX_CHARS = 10_000;

const ROOT = 'body.payload';
const ASYNC_MODEL_IDS = new Set(
  SONIOX_MODELS.filter((model) => model.transcription_mode === 'async').map((model) => model.id),
);
const LANGUAGE_CODES = new Set(SONIOX_MODELS[0]?.languages.map((language) => language.code) ?? []);

/**
Validates a create-transcription body the way Soniox does, in pydantic's two passes: first each
field (types, lengths, patterns, known model), then, only when every field passed, the rules
that join fields (exactly one of `audio_url` and `file_id`; a webhook header name and value
together). Unknown fields are ignored, as pydantic does by default.

The messages of the joined rules, of the context size and of translation languages are the
sandbox's own: Soniox documents only that such requests fail with `invalid_request`.
*/
export function parseCreateTranscription(body: Record<string, unknown>): CreateTranscriptionResult {
  const issues = new ValidationIssues();

  let model: Checked<string> = INVALID;
  if (requirePresent(body, 'model', ROOT, issues)) {
    model = checkString(body['model'], at(ROOT, 'model'), issues, { maxLength: 32, required: true });
    if (typeof model === 'string' && !ASYNC_MODEL_IDS.has(model)) {
      // The OpenAPI's own example of this error; a real-time model is not valid for async either.
      issues.add('value_error', at(ROOT, 'model'), 'Invalid model');
      model = INVALID;
    }
  }
  const audioUrl = checkString(body['audio_url'], at(ROOT, 'audio_url'), issues, {
    maxLength: 4096,
    pattern: SONIOX_URL_PATTERN,
  });
  const fileId = checkUuid(body['file_id'], at(ROOT, 'file_id'), issues);
  const languageHints = checkList(
    body['language_hints'],
    at(ROOT, 'language_hints'),
    issues,
    (item, location) => checkString(item, location, issues, { maxLength: 10, required: true }),
    { maxItems: 100 },
  );
  const hintsStrict = checkBool(body['language_hints_strict'], at(ROOT, 'language_hints_strict'), issues);
  const diarization = checkBool(
    body['enable_speaker_diarization'],
    at(ROOT, 'enable_speaker_diarization'),
    issues,
  );
  const languageId = checkBool(
    body['enable_language_identification'],
    at(ROOT, 'enable_language_identification'),
    issues,
  );
  const translation = checkTranslation(body['translation'], at(ROOT, 'translation'), issues);
  const context = checkContext(body['context'], at(ROOT, 'context'), issues);
  const webhookUrl = checkString(body['webhook_url'], at(ROOT, 'webhook_url'), issues, {
    maxLength: 256,
    pattern: SONIOX_URL_PATTERN,
  });
  const headerName = checkString(
    body['webhook_auth_header_name'],
    at(ROOT, 'webhook_auth_header_name'),
    issues,
    {
      maxLength: 256,
    },
  );
  const headerValue = checkString(
    body['webhook_auth_header_value'],
    at(ROOT, 'webhook_auth_header_value'),
    issues,
    {
      maxLength: 256,
    },
  );
  const clientReferenceId = checkString(
    body['client_reference_id'],
    at(ROOT, 'client_reference_id'),
    issues,
    {
      maxLength: 256,
    },
  );
  if (!issues.empty) {
    return { ok: false, errors: issues.errors };
  }

  if (audioUrl === null && fileId === null) {
    issues.add('value_error', ROOT, 'Either audio_url or file_id must be specified.');
  } else if (audioUrl !== null && fileId !== null) {
    issues.add('value_error', ROOT, 'Only one of audio_url or file_id can be specified.');
  }
  if (headerName !== null && headerValue === null) {
    issues.add(
      'value_error',
      ROOT,
      'webhook_auth_header_value must be specified when webhook_auth_header_name is.',
    );
  } else if (headerName === null && headerValue !== null) {
    issues.add(
      'value_error',
      ROOT,
      'webhook_auth_header_name must be specified when webhook_auth_header_value is.',
    );
  }
  if (!issues.empty) {
    return { ok: false, errors: issues.errors };
  }

  return {
    ok: true,
    request: {
      model: valid(model) ?? '',
      audio_url: valid(audioUrl),
      file_id: valid(fileId),
      language_hints: valid(languageHints),
      language_hints_strict: valid(hintsStrict),
      enable_speaker_diarization: valid(diarization) ?? false,
      enable_language_identification: valid(languageId) ?? false,
      translation: valid(translation),
      context: valid(context),
      webhook_url: valid(webhookUrl),
      webhook_auth_header_name: valid(headerName),
      webhook_auth_header_value: valid(headerValue),
      client_reference_id: valid(clientReferenceId),
    },
  };
}

function checkTranslation(
  value: unknown,
  location: string,
  issues: ValidationIssues,
): Checked<SonioxTranslationConfig> {
  const object = checkObject(value, location, issues, 'TranslationConfig');
  if (object === null || object === INVALID) {
    return object;
  }
  let type: Checked<'one_way' | 'two_way'> = INVALID;
  if (requirePresent(object, 'type', location, issues)) {
    type = checkEnum(object['type'], ['one_way', 'two_way'] as const, at(location, 'type'), issues, {
      required: true,
    });
  }
  const target = checkString(object['target_language'], at(location, 'target_language'), issues);
  const languageA = checkString(object['language_a'], at(location, 'language_a'), issues);
  const languageB = checkString(object['language_b'], at(location, 'language_b'), issues);
  if (
    type === INVALID ||
    type === null ||
    target === INVALID ||
    languageA === INVALID ||
    languageB === INVALID
  ) {
    return INVALID;
  }
  const before = issues.errors.length;
  if (type === 'one_way') {
    if (target === null) {
      issues.add('value_error', location, 'target_language must be specified for one_way translation.');
    } else {
      checkLanguage(target, at(location, 'target_language'), issues);
    }
  } else if (languageA === null || languageB === null) {
    issues.add(
      'value_error',
      location,
      'language_a and language_b must be specified for two_way translation.',
    );
  } else {
    checkLanguage(languageA, at(location, 'language_a'), issues);
    checkLanguage(languageB, at(location, 'language_b'), issues);
  }
  if (issues.errors.length > before) {
    return INVALID;
  }
  return type === 'one_way'
    ? { type, target_language: target ?? '' }
    : { type, language_a: languageA ?? '', language_b: languageB ?? '' };
}

// The models advertise `all_languages` for both modes: any language they list may be translated.
function checkLanguage(code: string, location: string, issues: ValidationIssues): void {
  if (!LANGUAGE_CODES.has(code)) {
    issues.add('value_error', location, `Unsupported language: ${code}`);
  }
}

/*
`context` is `StructuredContext | str | None`. A value that fits neither fails both union members,
and pydantic reports one error per member, tagged with the member's name in the location.
*/
function checkContext(
  value: unknown,
  location: string,
  issues: ValidationIssues,
): Checked<SonioxStructuredContext | string> {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value === 'string') {
    return checkContextSize(value, [...value].length, location, issues);
  }
  const structuredLocation = at(location, 'StructuredContext');
  const member = new ValidationIssues();
  const context = checkStructuredContext(value, structuredLocation, member);
  if (context === INVALID || context === null) {
    for (const error of member.errors) {
      issues.add(error.error_type, error.location, error.message);
    }
    issues.add('string_type', at(location, 'str'), 'Input should be a valid string');
    return INVALID;
  }
  return checkContextSize(context, contextLength(context), location, issues);
}

function checkContextSize<T>(
  context: T,
  length: number,
  location: string,
  issues: ValidationIssues,
): Checked<T> {
  if (length > SONIOX_CONTEXT_MAX_CHARS) {
    issues.add(
      'value_error',
      location,
      `Context is too long (${length} characters); the limit is about ${SONIOX_CONTEXT_MAX_CHARS} characters.`,
    );
    return INVALID;
  }
  return context;
}

function checkStructuredContext(
  value: unknown,
  location: string,
  issues: ValidationIssues,
): Checked<SonioxStructuredContext> {
  const object = checkObject(value, location, issues, 'StructuredContext');
  if (object === null || object === INVALID) {
    return INVALID;
  }
  const general = checkList(object['general'], at(location, 'general'), issues, (item, itemLocation) =>
    checkPair(item, itemLocation, issues, 'StructuredContextGeneralItem', ['key', 'value'] as const),
  );
  const text = checkString(object['text'], at(location, 'text'), issues);
  const terms = checkList(object['terms'], at(location, 'terms'), issues, (item, itemLocation) =>
    checkString(item, itemLocation, issues, { required: true }),
  );
  const translationTerms = checkList(
    object['translation_terms'],
    at(location, 'translation_terms'),
    issues,
    (item, itemLocation) =>
      checkPair(item, itemLocation, issues, 'StructuredContextTranslationTerm', [
        'source',
        'target',
      ] as const),
  );
  if (general === INVALID || text === INVALID || terms === INVALID || translationTerms === INVALID) {
    return INVALID;
  }
  return {
    ...(general !== null && { general: general.map(([key, value]) => ({ key, value })) }),
    ...(text !== null && { text }),
    ...(terms !== null && { terms }),
    ...(translationTerms !== null && {
      translation_terms: translationTerms.map(([source, target]) => ({ source, target })),
    }),
  };
}

function checkPair(
  value: unknown,
  location: string,
  issues: ValidationIssues,
  model: string,
  keys: readonly [string, string],
): Checked<[string, string]> {
  if (value === null) {
    issues.add('model_type', location, `Input should be a valid dictionary or instance of ${model}`);
    return INVALID;
  }
  const object = checkObject(value, location, issues, model);
  if (object === null || object === INVALID) {
    return INVALID;
  }
  const [firstKey, secondKey] = keys;
  const first = requirePresent(object, firstKey, location, issues)
    ? checkString(object[firstKey], at(location, firstKey), issues, { required: true })
    : INVALID;
  const second = requirePresent(object, secondKey, location, issues)
    ? checkString(object[secondKey], at(location, secondKey), issues, { required: true })
    : INVALID;
  return typeof first === 'string' && typeof second === 'string' ? [first, second] : INVALID;
}

function contextLength(context: SonioxStructuredContext): number {
  const strings = [
    ...(context.general ?? []).flatMap((item) => [item.key, item.value]),
    context.text ?? '',
    ...(context.terms ?? []),
    ...(context.translation_terms ?? []).flatMap((term) => [term.source, term.target]),
  ];
  return strings.reduce((total, text) => total + [...text].length, 0);
}
