import type { ByteReader } from '../read-bytes.js';

/**
How a probed duration was found, from most to least exact.

- `header`: a duration or sample count stored in a header (WAV, FLAC, MP4, Matroska).
- `frame-count`: a frame count from a Xing/Info or VBRI header (MP3), or frames counted one by one (ADTS).
- `granule`: the granule position of the last Ogg page.
- `cbr-estimate`: the file size divided by the constant bitrate of the first frames (MP3 without a Xing header).
- `average-bitrate-estimate`: the file size divided by the average bitrate of the first frames, for
  variable-bitrate streams that carry no frame count (ADTS or MP3 too large to count).
*/
export type DurationMethod =
  'header' | 'frame-count' | 'granule' | 'cbr-estimate' | 'average-bitrate-estimate';

/** A duration one format parser found. */
export interface FormatProbe {
  /** A finite, non-negative number of seconds. */
  readonly durationInSeconds: number;
  /** How it was found. */
  readonly method: DurationMethod;
}

/**
Reads the duration of one container format from `reader`, `start` being where its data begins
(past any ID3v2 tags). Resolves `undefined` when the duration cannot be known.
*/
export type FormatProber = (reader: ByteReader, start: number) => Promise<FormatProbe | undefined>;

/** A {@link FormatProbe}, or `undefined` when `seconds` is not a finite, non-negative number. */
export function formatProbe(seconds: number, method: DurationMethod): FormatProbe | undefined {
  return Number.isFinite(seconds) && seconds >= 0 ? { durationInSeconds: seconds, method } : undefined;
}
