import type { ProviderCapabilities } from './transcription-provider.js';

/** The providers scribekit ships, by id. */
export type ProviderId = 'soniox' | 'soferai' | 'mistral' | 'scriptivox';

/**
One row of {@link providerCapabilities}: what a provider honours of the common `transcribe()`
options, plus what a page needs to offer it (its languages, its file size limit, its docs).
*/
export interface ProviderCapabilityEntry extends ProviderCapabilities {
  readonly id: ProviderId;
  /** Display name, as the provider's `TranscriptionProvider.name`. */
  readonly name: string;
  readonly languages: readonly string[] | 'any';
  /** The model the row describes, for a provider whose capabilities depend on it (Mistral). */
  readonly model?: string;
  /** The language transcribed when none is given, for a provider that does not detect it. */
  readonly defaultLanguage?: string;
  /** Where the provider documents the transcription call these capabilities describe. */
  readonly docs: string;
}

// Each row is its own constant, so a bundle with one provider carries only that provider's row.
// The adapters build their `capabilities` from these rows (see `capabilitiesOf`), so the two
// cannot drift; Mistral's depend on the model and are checked against this row by a test.

/**
Soniox, async model `stt-async-v5`. Languages: the `languages` of the async model in
`GET https://api.soniox.com/v1/models` (the OpenAPI example); `language` is sent as a hint.
*/
export const sonioxCapabilityEntry = {
  id: 'soniox',
  name: 'Soniox',
  language: true,
  languageDetection: true,
  diarization: true,
  // Soniox diarizes without being told how many speakers to expect.
  speakerCount: false,
  contextTerms: true,
  wordTimestamps: true,
  audioUrl: true,
  cancellation: true,
  languages: (
    'af sq ar az eu be bn bs bg ca zh hr cs da nl en et fi fr gl de el gu he hi hu id it ja kn ' +
    'kk ko lv lt mk ms ml mr no fa pl pt pa ro ru sr sk sl es sw sv tl ta te th tr uk ur vi cy'
  ).split(' '),
  // 1 GiB: the OpenAPI's upload error and the SDK's MAX_FILE_SIZE (reference/soniox.md §8).
  maxFileBytes: 1024 ** 3,
  docs: 'https://soniox.com/docs/stt/api-reference/transcriptions/create_transcription',
} satisfies ProviderCapabilityEntry;

/** SoferAI. `primary_language` is en, he, yi, and fr in the OpenAPI since 2026-05-15; English when not given. */
export const soferaiCapabilityEntry = {
  id: 'soferai',
  name: 'SoferAI',
  language: true,
  languageDetection: false,
  // More than one expected speaker, or `auto_detect_speakers`, labels speakers.
  diarization: true,
  speakerCount: true,
  contextTerms: false,
  wordTimestamps: true,
  audioUrl: true,
  // SoferAI has no endpoint that stops a transcription: an abort only stops the waiting.
  cancellation: false,
  languages: ['en', 'he', 'yi', 'fr'],
  defaultLanguage: 'en',
  // No limit is documented; audio travels base64 in a JSON body (reference/soferai.md §5).
  docs: 'https://docs.sofer.ai/api-reference/transcribe/create-transcription',
} satisfies ProviderCapabilityEntry;

/**
Mistral with its default `transcribe()` model, Voxtral Mini Transcribe 3: segment timestamps only.
With a Voxtral 2 model (`voxtral-mini-2602`) words are timed but a language cannot be set; see
`mistralCapabilities(model)` in `scribekit/mistral`.
*/
export const mistralCapabilityEntry = {
  id: 'mistral',
  name: 'Mistral',
  model: 'voxtral-mini-transcribe-3-0',
  language: true,
  languageDetection: true,
  diarization: true,
  speakerCount: false,
  contextTerms: true,
  wordTimestamps: false,
  audioUrl: true,
  // One request, no job: aborting drops the request, there is nothing to cancel.
  cancellation: false,
  // Mistral publishes no list for Voxtral 3 and refuses no code (reference/mistral.md §8).
  languages: 'any',
  // The limit of a direct `file` part is not documented (512 MB is the Files API's).
  docs: 'https://docs.mistral.ai/api/#tag/audio.transcriptions',
} satisfies ProviderCapabilityEntry;

/**
Scriptivox. Languages: the 119 codes of reference/scriptivox.md §12, the server's own list; some
have three letters, and Javanese is `jw`. Files up to 5 GB (§10).
*/
export const scriptivoxCapabilityEntry = {
  id: 'scriptivox',
  name: 'Scriptivox',
  language: true,
  languageDetection: true,
  diarization: true,
  speakerCount: true,
  // Scriptivox has no vocabulary or context field.
  contextTerms: false,
  wordTimestamps: true,
  audioUrl: true,
  cancellation: true,
  languages: (
    'af sq am ar hy as ast az ba eu be bn bs br bg yue ca ceb ckb zh hr cs da nl en et fo fi fr ff gl ka de el gu ' +
    'ht ha haw he hi hu is ig id ga it ja jw kea kam kn kk km ko ky lo la lv ln lt lg luo lb mk mg ms ml mt mi mr ' +
    'mn my ne nso no ny nn oc or om ps fa pl pt pa ro ru sa sr sn sd si sk sl so es su sw sv tl tg ta tt te th bo ' +
    'tr tk uk umb ur uz vi cy wo xh yi yo zu'
  ).split(' '),
  maxFileBytes: 5 * 1000 ** 3,
  docs: 'https://www.scriptivox.com/docs/api-reference#create-transcription',
} satisfies ProviderCapabilityEntry;

/**
What each provider honours of the common `transcribe()` options, keyed by provider id: the
elements read it to offer only what works, and a page can show it before any client exists.
Mistral's row describes its default model (`model`).

@example
```ts
import { providerCapabilities } from 'scribekit';

providerCapabilities.soferai.speakerCount; //=> true
providerCapabilities.scriptivox.languages.includes('yue'); //=> true
```
*/
export const providerCapabilities: Readonly<Record<ProviderId, ProviderCapabilityEntry>> = {
  soniox: sonioxCapabilityEntry,
  soferai: soferaiCapabilityEntry,
  mistral: mistralCapabilityEntry,
  scriptivox: scriptivoxCapabilityEntry,
};

/** The provider ids of {@link providerCapabilities}, in display order. */
export const providerIds: readonly ProviderId[] = ['soniox', 'soferai', 'mistral', 'scriptivox'];

/** The `ProviderCapabilities` of a row, without its page-only fields (`id`, `name`, `model`, `defaultLanguage`, `docs`). */
export function capabilitiesOf(entry: ProviderCapabilityEntry): ProviderCapabilities {
  const capabilities: ProviderCapabilities = {
    language: entry.language,
    languageDetection: entry.languageDetection,
    diarization: entry.diarization,
    speakerCount: entry.speakerCount,
    contextTerms: entry.contextTerms,
    wordTimestamps: entry.wordTimestamps,
    audioUrl: entry.audioUrl,
    cancellation: entry.cancellation,
    languages: entry.languages,
  };
  if (entry.maxFileBytes !== undefined) capabilities.maxFileBytes = entry.maxFileBytes;
  return capabilities;
}
