/** A provider's published price for transcribing recorded audio. */
export interface TranscriptionPrice {
  /** US dollars per hour of audio. */
  usdPerAudioHour: number;
  /** US dollars per hour added when speakers are labelled, where that costs extra. */
  diarizationUsdPerAudioHour?: number;
  /** The model the price is for, where the provider prices models differently. */
  model?: string;
  /** Where the price is published. */
  source: string;
  /** When the price was last checked against `source` (YYYY-MM-DD). */
  checkedOn: string;
}

/**
Async (file) transcription prices by provider id, used for the cost estimate `<scribe-upload>`
shows before a file is sent: for the model `transcribe()` uses by default. Providers without a
published per-hour price would be absent, and no estimate is shown for them.
*/
export const transcriptionPrices: Readonly<Record<string, TranscriptionPrice>> = {
  soniox: {
    // $0.10/h async, speaker diarization included (reference/soniox.md §8).
    usdPerAudioHour: 0.1,
    source: 'https://soniox.com/speech-to-text/features/diarization',
    checkedOn: '2026-11-22',
  },
  soferai: {
    // `model` v1 (the default) at US$1.20 per audio hour; more than one speaker, or detecting
    // them, adds US$0.30/h: the OpenAPI's descriptions of `model`, `num_speakers` and
    // `auto_detect_speakers` (reference/soferai.md §3.2).
    usdPerAudioHour: 1.2,
    diarizationUsdPerAudioHour: 0.3,
    model: 'v1',
    source: 'https://docs.sofer.ai/api-reference/transcribe/create-transcription',
    checkedOn: '2026-11-22',
  },
  mistral: {
    // Voxtral Mini Transcribe 3 (the default model): $0.000058 per second on OpenRouter, about
    // $0.0035 a minute. Mistral's own figure for V3 was not found (reference/mistral.md §8, UNCONFIRMED).
    usdPerAudioHour: 0.000058 * 3600,
    model: 'voxtral-mini-transcribe-3-0',
    source: 'https://openrouter.ai/mistralai/voxtral-mini-transcribe-3-0',
    checkedOn: '2026-11-22',
  },
  scriptivox: {
    // $0.20 per hour of audio, billed per second (reference/scriptivox.md §11; the quickstart).
    usdPerAudioHour: 0.2,
    source: 'https://www.scriptivox.com/docs/quickstart',
    checkedOn: '2026-11-22',
  },
};

/**
The estimated cost in US dollars of transcribing `durationInSeconds` of audio with `providerId`,
with speakers labelled when `diarize` (which costs extra with some providers), or `undefined`
when the provider's price or the duration is unknown.

@example
```ts
estimateCostInUsd('soniox', 900); // 0.025
estimateCostInUsd('soferai', 3600, { diarize: true }); // 1.5
```
*/
export function estimateCostInUsd(
  providerId: string,
  durationInSeconds: number | undefined,
  options: { diarize?: boolean } = {},
): number | undefined {
  const price = Object.hasOwn(transcriptionPrices, providerId) ? transcriptionPrices[providerId] : undefined;
  if (price === undefined || durationInSeconds === undefined || !Number.isFinite(durationInSeconds))
    return undefined;
  const perHour =
    price.usdPerAudioHour + (options.diarize === true ? (price.diarizationUsdPerAudioHour ?? 0) : 0);
  return (durationInSeconds / 3600) * perHour;
}
