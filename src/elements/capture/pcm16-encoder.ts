/** How a {@link Pcm16Encoder} quantizes. */
export interface Pcm16EncoderOptions {
  /**
  Adds triangular (TPDF) dither of ±1 LSB before rounding, which turns the quantization error of
  very quiet audio into benign noise. Speech recognition does not need it.

  @default false
  */
  dither?: boolean | undefined;
  /**
  The seed of the dither's pseudo-random generator, for reproducible output.

  @default 0x9e3779b9
  */
  seed?: number | undefined;
}

/**
Converts float samples (-1 to 1) to signed 16-bit integers: scaled by 32768, rounded to the
nearest integer, clamped to -32768…32767 (so 1.0 becomes 32767 and values beyond ±1 saturate
instead of wrapping). `NaN` becomes 0.

Self-contained, because its source text also runs inside the capture `AudioWorklet`.

@example
```ts
import { Pcm16Encoder } from 'scribekit/elements';

const pcm = new Int16Array(samples.length);
new Pcm16Encoder().encode(samples, 0, samples.length, pcm, 0);
```
*/
export class Pcm16Encoder {
  /** Whether TPDF dither is added. */
  readonly dither: boolean;
  private state: number;

  constructor(options: Pcm16EncoderOptions = {}) {
    this.dither = options.dither ?? false;
    this.state = (options.seed ?? 0x9e3779b9) >>> 0 || 1;
  }

  /** Encodes `length` samples of `input` from `inputOffset` into `output` from `outputOffset`. */
  encode(
    input: ArrayLike<number>,
    inputOffset: number,
    length: number,
    output: Int16Array,
    outputOffset: number,
  ): void {
    for (let index = 0; index < length; index++) {
      let value = (input[inputOffset + index] ?? 0) * 32768;
      if (this.dither) value += this.random() - this.random();
      const rounded = Math.round(value);
      output[outputOffset + index] = rounded > 32767 ? 32767 : rounded < -32768 ? -32768 : rounded;
    }
  }

  // xorshift32: uniform in [0, 1), no allocation, and the same sequence for the same seed.
  private random(): number {
    let state = this.state;
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    this.state = state >>> 0;
    return this.state / 4294967296;
  }
}
