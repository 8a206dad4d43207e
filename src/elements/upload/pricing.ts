/** A provider's published price for transcribing recorded audio. */
export interface TranscriptionPrice {
  /** US dollars per hour of audio. */
  usdPerAudioHour: number;
  /** Where the price is published. */
  source: string;
  /** When the price was last checked against `source` (YYYY-MM-DD). */
  checkedOn: string;
}

/**
Async (file) transcription prices by provider id, used for the cost estimate `<scribe-upload>`
shows before a file is sent. Providers without a published per-hour price are absent, and no
estimate is shown for them.
*/
export const transcriptionPrices: Readonly<Record<string, TranscriptionPrice>> = {
  soniox: {
    // Speaker diarization is included in the price.
    usdPerAudioHour: 0.1,
    source: 'https://soniox.com/speech-to-text/features/diarization',
    checkedOn: '2026-11-22',
  },
};

/**
The estimated cost in US dollars of transcribing `durationInSeconds` of audio with `providerId`,
or `undefined` when the provider's price or the duration is unknown.

@example
```ts
estimateCostInUsd('soniox', 900); // 0.025
```
*/
export function estimateCostInUsd(
  providerId: string,
  durationInSeconds: number | undefined,
): number | undefined {
  const price = Object.hasOwn(transcriptionPrices, providerId) ? transcriptionPrices[providerId] : undefined;
  if (price === undefined || durationInSeconds === undefined || !Number.isFinite(durationInSeconds))
    return undefined;
  return (durationInSeconds / 3600) * price.usdPerAudioHour;
}
