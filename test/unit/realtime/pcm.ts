import { readFileSync } from 'node:fs';

/** 16 kHz mono s16le, the format every realtime test streams. */
export const SAMPLE_RATE = 16_000;
export const BYTES_PER_SECOND = SAMPLE_RATE * 2;

/** Where the tone bursts of {@link toneBursts} are, in seconds. */
export interface Burst {
  readonly start: number;
  readonly end: number;
}

/**
PCM of `count` bursts of a 440 Hz tone (`burstMs` long, amplitude 0.25) separated by `gapMs` of
digital silence, after `leadMs` of silence: speech-like on/off audio whose voiced parts are known.
*/
export function toneBursts(
  count: number,
  options: { burstMs?: number; gapMs?: number; leadMs?: number } = {},
): { pcm: Uint8Array; bursts: Burst[] } {
  const burstMs = options.burstMs ?? 300;
  const gapMs = options.gapMs ?? 500;
  const leadMs = options.leadMs ?? 200;
  const totalMs = leadMs + count * (burstMs + gapMs);
  const samples = Math.round((totalMs / 1000) * SAMPLE_RATE);
  const pcm = new Uint8Array(samples * 2);
  const view = new DataView(pcm.buffer);
  const bursts: Burst[] = [];
  for (let index = 0; index < count; index++) {
    const startMs = leadMs + index * (burstMs + gapMs);
    bursts.push({ start: startMs / 1000, end: (startMs + burstMs) / 1000 });
    const first = Math.round((startMs / 1000) * SAMPLE_RATE);
    const last = Math.round(((startMs + burstMs) / 1000) * SAMPLE_RATE);
    for (let sample = first; sample < last; sample++) {
      view.setInt16(
        sample * 2,
        Math.round(0.25 * 32767 * Math.sin((2 * Math.PI * 440 * sample) / SAMPLE_RATE)),
        true,
      );
    }
  }
  return { pcm, bursts };
}

/** The PCM data of `test/fixtures/audio/speech.wav` (the fox sample), without its 44-byte header. */
export function foxPcm(): Uint8Array {
  const wav = readFileSync(new URL('../../fixtures/audio/speech.wav', import.meta.url));
  return new Uint8Array(wav.buffer, wav.byteOffset + 44, wav.byteLength - 44);
}

/** `bytes` cut into chunks of `size`. */
export function* chunks(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += size) yield bytes.subarray(offset, offset + size);
}
