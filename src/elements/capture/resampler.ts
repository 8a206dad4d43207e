/** What a {@link StreamingResampler} converts between. */
export interface StreamingResamplerOptions {
  /** The rate of the audio given to `process`, in Hz (an `AudioContext`'s `sampleRate`). */
  inputSampleRate: number;
  /**
  The rate of the audio `process` writes, in Hz.

  @default 16000
  */
  outputSampleRate?: number | undefined;
}

/**
Converts a stream of mono float samples from one sample rate to another, block by block, with an
anti-aliasing low-pass filter.

The filter is a Kaiser-windowed sinc (80 dB stopband) run as a polyphase FIR: its stopband starts
at the Nyquist frequency of the lower of the two rates and its passband ends 15 % below it (6.8 kHz
when the output is 16 kHz). When the output rate divided by the greatest common divisor of both
rates is at most 1024 (every rate a sound card uses: 44.1, 48, 96 kHz…) each output sample uses an
exact filter phase; otherwise 512 phases are interpolated linearly (coefficient error below
-110 dB). Equal rates pass through unchanged.

State is kept between calls, so 128-sample render quanta join seamlessly: feeding a signal in any
block sizes gives the same output as feeding it at once. After `n` input samples exactly
`ceil(n × outputSampleRate / inputSampleRate)` output samples have come out; the output lags the
input by `delayInSeconds` (the filter's group delay, about 2 ms).

The class is self-contained (no imports, no module-level helpers, no allocation per call) because
its source text is also run inside the capture `AudioWorklet`.

@example
```ts
import { StreamingResampler } from 'scribekit/elements';

const resampler = new StreamingResampler({ inputSampleRate: 48000 });
const output = new Float32Array(resampler.maxOutputLength(128));
const written = resampler.process(quantum, quantum.length, output);
send(output.subarray(0, written));
```
*/
export class StreamingResampler {
  /** The rate of the audio given to `process`, in Hz. */
  readonly inputSampleRate: number;
  /** The rate of the audio `process` writes, in Hz. */
  readonly outputSampleRate: number;
  /** How far the output lags the input, in seconds. */
  readonly delayInSeconds: number;
  private readonly bypass: boolean;
  private readonly up: number;
  private readonly down: number;
  private readonly phases: number;
  private readonly taps: number;
  // Row q holds phase q's taps in reverse order, so the inner loop walks both arrays forward.
  private readonly table: Float32Array;
  private history: Float32Array;
  private filled: number;
  private position: number;
  private phase: number;

  /** @throws {RangeError} When a rate is not a positive integer. */
  constructor(options: StreamingResamplerOptions) {
    const inputRate = options.inputSampleRate;
    const outputRate = options.outputSampleRate ?? 16000;
    if (!Number.isInteger(inputRate) || inputRate <= 0 || !Number.isInteger(outputRate) || outputRate <= 0) {
      throw new RangeError(`Sample rates must be positive integers, got ${inputRate} and ${outputRate}`);
    }
    this.inputSampleRate = inputRate;
    this.outputSampleRate = outputRate;

    let a = inputRate;
    let b = outputRate;
    while (b !== 0) [a, b] = [b, a % b];
    this.up = outputRate / a;
    this.down = inputRate / a;
    this.bypass = inputRate === outputRate;
    this.phases = this.up <= 1024 ? this.up : 512;

    const attenuationInDb = 80;
    const beta = 0.1102 * (attenuationInDb - 8.7);
    const stopbandInHz = Math.min(inputRate, outputRate) / 2;
    const passbandInHz = 0.85 * stopbandInHz;
    const transition = (2 * Math.PI * (stopbandInHz - passbandInHz)) / inputRate;
    const taps = this.bypass ? 1 : Math.ceil((attenuationInDb - 7.95) / (2.285 * transition)) + 1;
    this.taps = taps;
    this.delayInSeconds = this.bypass ? 0 : (taps - 1 / this.phases) / 2 / inputRate;

    const besselI0 = (x: number): number => {
      let sum = 1;
      let term = 1;
      for (let k = 1; k < 64 && term > 1e-12 * sum; k++) {
        term *= (x / (2 * k)) * (x / (2 * k));
        sum += term;
      }
      return sum;
    };
    const phases = this.phases;
    const length = phases * taps;
    const center = (length - 1) / 2;
    const cutoff = (Math.PI * (passbandInHz + stopbandInHz)) / inputRate;
    const windowScale = besselI0(beta);
    const kernel = (index: number): number => {
      if (index < 0 || index >= length) return 0;
      const x = (index - center) / phases;
      const ideal = x === 0 ? cutoff / Math.PI : Math.sin(cutoff * x) / (Math.PI * x);
      const r = center === 0 ? 0 : (index - center) / center;
      return (ideal * besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r)))) / windowScale;
    };
    let sum = 0;
    for (let index = 0; index < length; index++) sum += kernel(index);
    const gain = this.bypass ? 1 : phases / sum;
    // One extra row (phase `phases`) lets the interpolated case blend phase q with q + 1.
    this.table = new Float32Array((phases + 1) * taps);
    for (let q = 0; q <= phases; q++) {
      for (let k = 0; k < taps; k++) {
        this.table[q * taps + (taps - 1 - k)] = this.bypass ? 1 : kernel(q + k * phases) * gain;
      }
    }

    this.history = new Float32Array(taps + 4096);
    this.filled = 0;
    this.position = 0;
    this.phase = 0;
    this.reset();
  }

  /** The most samples one `process` call can write for `inputLength` input samples. */
  maxOutputLength(inputLength: number): number {
    return Math.ceil((inputLength * this.up) / this.down) + 1;
  }

  /**
  Resamples the first `inputLength` samples of `input` into `output`, continuing from the previous
  call, and returns how many samples it wrote.

  @throws {RangeError} When `output` is shorter than `maxOutputLength(inputLength)`.
  */
  process(input: ArrayLike<number>, inputLength: number, output: Float32Array): number {
    if (output.length < this.maxOutputLength(inputLength)) {
      throw new RangeError(
        `output holds ${output.length} samples; ${this.maxOutputLength(inputLength)} needed`,
      );
    }
    if (this.bypass) {
      for (let index = 0; index < inputLength; index++) output[index] = input[index] ?? 0;
      return inputLength;
    }
    if (this.filled + inputLength > this.history.length) {
      const grown = new Float32Array(this.filled + inputLength + 4096);
      grown.set(this.history.subarray(0, this.filled));
      this.history = grown;
    }
    const history = this.history;
    for (let index = 0; index < inputLength; index++) history[this.filled + index] = input[index] ?? 0;
    this.filled += inputLength;

    const table = this.table;
    const taps = this.taps;
    const up = this.up;
    const down = this.down;
    const phases = this.phases;
    const isExact = phases === up;
    let position = this.position;
    let phase = this.phase;
    let written = 0;
    while (position < this.filled) {
      const start = position - taps + 1;
      let value: number;
      if (isExact) {
        const row = phase * taps;
        value = 0;
        for (let k = 0; k < taps; k++) value += (table[row + k] as number) * (history[start + k] as number);
      } else {
        const scaled = phase * phases;
        const q = Math.floor(scaled / up);
        const fraction = (scaled - q * up) / up;
        const row = q * taps;
        let low = 0;
        let high = 0;
        for (let k = 0; k < taps; k++) {
          const sample = history[start + k] as number;
          low += (table[row + k] as number) * sample;
          high += (table[row + taps + k] as number) * sample;
        }
        value = low + fraction * (high - low);
      }
      output[written++] = value;
      phase += down;
      position += Math.floor(phase / up);
      phase %= up;
    }

    const consumed = Math.min(position - taps + 1, this.filled);
    if (consumed > 0) {
      history.copyWithin(0, consumed, this.filled);
      this.filled -= consumed;
      position -= consumed;
    }
    this.position = position;
    this.phase = phase;
    return written;
  }

  /** Forgets the input so far, as if the resampler were new (silence before the next sample). */
  reset(): void {
    this.history.fill(0);
    this.filled = this.taps - 1;
    this.position = this.taps - 1;
    this.phase = 0;
  }
}
