import { jsonResponse } from '../shared/json-response.js';
import type { Route } from '../shared/route-table.js';

/** A language a Soniox model transcribes. */
export interface SonioxLanguage {
  /** ISO 639-1 code. */
  readonly code: string;
  /** English name. */
  readonly name: string;
}

/** One entry of `GET /v1/models`, as Soniox sends it (https://soniox.com/docs/stt/api-reference/models/get_models). */
export interface SonioxModel {
  /** Model name or alias, e.g. `stt-rt-v5`. */
  readonly id: string;
  /** For an alias, the model it points to; otherwise `null`. */
  readonly aliased_model_id: string | null;
  /** Display name. */
  readonly name: string;
  /** Context format version; `2` on the v4/v5 entries. */
  readonly context_version: number | null;
  /** Whether the model serves the WebSocket or the async REST API. */
  readonly transcription_mode: 'real_time' | 'async';
  /** The languages it transcribes. */
  readonly languages: readonly SonioxLanguage[];
  /** Whether `language_hints_strict` has an effect. */
  readonly supports_language_hints_strict: boolean;
  /** Whether `max_endpoint_delay_ms` is accepted (real-time only). */
  readonly supports_max_endpoint_delay: boolean;
  /** Whether `endpoint_sensitivity` is accepted. */
  readonly supports_endpoint_sensitivity: boolean;
  /** Whether `endpoint_latency_adjustment_level` is accepted. */
  readonly supports_endpoint_latency_adjustment: boolean;
  /** The highest `endpoint_latency_adjustment_level`; `0` when unsupported. */
  readonly endpoint_latency_adjustment_max_level: number;
  /** Translation targets when not every language is allowed; empty when `one_way_translation` says so. */
  readonly translation_targets: readonly {
    readonly target_language: string;
    readonly source_languages: readonly string[];
    readonly exclude_source_languages: readonly string[];
  }[];
  /** Allowed two-way pairs when not every pair is allowed. */
  readonly two_way_translation_pairs: readonly string[];
  /** `all_languages` when any listed language can be a one-way target. */
  readonly one_way_translation: string | null;
  /** `all_languages` when any pair can be translated both ways. */
  readonly two_way_translation: string | null;
}

// The language list of the OpenAPI `GetModelsResponse` example, in its order.
const LANGUAGES: readonly SonioxLanguage[] = (
  [
    ['af', 'Afrikaans'],
    ['sq', 'Albanian'],
    ['ar', 'Arabic'],
    ['az', 'Azerbaijani'],
    ['eu', 'Basque'],
    ['be', 'Belarusian'],
    ['bn', 'Bengali'],
    ['bs', 'Bosnian'],
    ['bg', 'Bulgarian'],
    ['ca', 'Catalan'],
    ['zh', 'Chinese'],
    ['hr', 'Croatian'],
    ['cs', 'Czech'],
    ['da', 'Danish'],
    ['nl', 'Dutch'],
    ['en', 'English'],
    ['et', 'Estonian'],
    ['fi', 'Finnish'],
    ['fr', 'French'],
    ['gl', 'Galician'],
    ['de', 'German'],
    ['el', 'Greek'],
    ['gu', 'Gujarati'],
    ['he', 'Hebrew'],
    ['hi', 'Hindi'],
    ['hu', 'Hungarian'],
    ['id', 'Indonesian'],
    ['it', 'Italian'],
    ['ja', 'Japanese'],
    ['kn', 'Kannada'],
    ['kk', 'Kazakh'],
    ['ko', 'Korean'],
    ['lv', 'Latvian'],
    ['lt', 'Lithuanian'],
    ['mk', 'Macedonian'],
    ['ms', 'Malay'],
    ['ml', 'Malayalam'],
    ['mr', 'Marathi'],
    ['no', 'Norwegian'],
    ['fa', 'Persian'],
    ['pl', 'Polish'],
    ['pt', 'Portuguese'],
    ['pa', 'Punjabi'],
    ['ro', 'Romanian'],
    ['ru', 'Russian'],
    ['sr', 'Serbian'],
    ['sk', 'Slovak'],
    ['sl', 'Slovenian'],
    ['es', 'Spanish'],
    ['sw', 'Swahili'],
    ['sv', 'Swedish'],
    ['tl', 'Tagalog'],
    ['ta', 'Tamil'],
    ['te', 'Telugu'],
    ['th', 'Thai'],
    ['tr', 'Turkish'],
    ['uk', 'Ukrainian'],
    ['ur', 'Urdu'],
    ['vi', 'Vietnamese'],
    ['cy', 'Welsh'],
  ] as const
).map(([code, name]) => ({ code, name }));

function model(
  id: string,
  name: string,
  mode: SonioxModel['transcription_mode'],
  aliasedModelId: string | null,
): SonioxModel {
  const realtime = mode === 'real_time';
  return {
    id,
    aliased_model_id: aliasedModelId,
    name,
    context_version: 2,
    transcription_mode: mode,
    languages: LANGUAGES,
    supports_language_hints_strict: true,
    supports_max_endpoint_delay: realtime,
    supports_endpoint_sensitivity: realtime,
    supports_endpoint_latency_adjustment: realtime,
    endpoint_latency_adjustment_max_level: realtime ? 3 : 0,
    translation_targets: [],
    two_way_translation_pairs: [],
    one_way_translation: 'all_languages',
    two_way_translation: 'all_languages',
  };
}

/**
The models the sandbox lists: the current v5 pair and the v4 names, which Soniox now keeps as
aliases of v5. Older preview aliases are left out because whether they still resolve is
unconfirmed.
*/
export const SONIOX_MODELS: readonly SonioxModel[] = [
  model('stt-rt-v5', 'Speech-to-Text Real-time v5', 'real_time', null),
  model('stt-async-v5', 'Speech-to-Text Async v5', 'async', null),
  model('stt-rt-v4', 'Speech-to-Text Real-time v4', 'real_time', 'stt-rt-v5'),
  model('stt-async-v4', 'Speech-to-Text Async v4', 'async', 'stt-async-v5'),
];

/** `GET /v1/models`. */
export function sonioxModelRoutes(): Route[] {
  return [{ method: 'GET', path: '/v1/models', handler: () => jsonResponse({ models: SONIOX_MODELS }) }];
}
