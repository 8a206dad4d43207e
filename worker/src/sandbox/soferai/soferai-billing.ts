/*
Prices, in US cents per hour of audio, as the SoferAI OpenAPI and docs state them
(reference/soferai.md §3.2, §3.4): model v1 US$1.20/h, v0 US$1.00/h; speaker labels (more than one
speaker, or auto-detection) +US$0.30/h; a standard (24 h) batch bills v1 at US$0.90/h.
UNCONFIRMED and the sandbox's own: the standard-batch price of v0 (the same 25 % off as v1), that
an unknown model bills as v1, and that each transcription is charged in whole cents, rounded up.
*/

/** US cents per audio hour of model `v1`. */
export const SOFERAI_V1_CENTS_PER_HOUR = 120;
/** US cents per audio hour of model `v0`. */
export const SOFERAI_V0_CENTS_PER_HOUR = 100;
/** US cents per audio hour added for speaker labels. */
export const SOFERAI_SPEAKERS_CENTS_PER_HOUR = 30;
/** The share of the price a standard batch pays: US$0.90 of v1's US$1.20. */
export const SOFERAI_STANDARD_BATCH_FACTOR = 0.75;

/** What a transcription's price depends on. */
export interface PricedTranscription {
  /** The model as requested (`v1` when not). */
  readonly model: string;
  /** Whether speaker labels were asked for. */
  readonly labelsSpeakers: boolean;
  /** Whether it is an item of a standard batch. */
  readonly standardBatch: boolean;
}

/** The charge in whole US cents for `durationMs` of audio. */
export function chargeCents(job: PricedTranscription, durationMs: number): number {
  const base = job.model === 'v0' ? SOFERAI_V0_CENTS_PER_HOUR : SOFERAI_V1_CENTS_PER_HOUR;
  const perHour =
    base * (job.standardBatch ? SOFERAI_STANDARD_BATCH_FACTOR : 1) +
    (job.labelsSpeakers ? SOFERAI_SPEAKERS_CENTS_PER_HOUR : 0);
  return Math.ceil((Math.max(0, durationMs) / 3_600_000) * perHour);
}
