import type { Pcm16Encoder } from './pcm16-encoder.js';

/** What a {@link FrameAssembler} needs. */
export interface FrameAssemblerOptions {
  /** Samples per frame (`sampleRate × frameMs / 1000`). */
  frameSamples: number;
  /** Converts the float samples to 16-bit integers. */
  encoder: Pcm16Encoder;
  /**
  Receives each complete frame: s16le bytes in a fresh `ArrayBuffer` the receiver owns (it may
  transfer it), plus the frame's RMS and peak level (0 to 1, of the clamped samples).
  */
  onFrame: (frame: ArrayBuffer, rms: number, peak: number) => void;
}

/**
Packs a stream of float samples into fixed-size frames of 16-bit little-endian PCM.

It writes into one frame buffer and allocates the next only when a frame is handed over, so it
allocates nothing per render quantum.

Self-contained, because its source text also runs inside the capture `AudioWorklet`.

@example
```ts
import { FrameAssembler, Pcm16Encoder } from 'scribekit/elements';

const assembler = new FrameAssembler({
  frameSamples: 640, // 40 ms at 16 kHz
  encoder: new Pcm16Encoder(),
  onFrame: (frame, rms) => socket.send(frame),
});
assembler.push(samples, samples.length);
```
*/
export class FrameAssembler {
  /** Samples per frame. */
  readonly frameSamples: number;
  private readonly encoder: Pcm16Encoder;
  private readonly onFrame: (frame: ArrayBuffer, rms: number, peak: number) => void;
  private readonly isBigEndian: boolean;
  private frame: Int16Array<ArrayBuffer>;
  private filled: number;
  private sumOfSquares: number;
  private peak: number;

  /** @throws {RangeError} When `frameSamples` is not a positive integer. */
  constructor(options: FrameAssemblerOptions) {
    if (!Number.isInteger(options.frameSamples) || options.frameSamples <= 0) {
      throw new RangeError(`frameSamples must be a positive integer, got ${options.frameSamples}`);
    }
    this.frameSamples = options.frameSamples;
    this.encoder = options.encoder;
    this.onFrame = options.onFrame;
    this.isBigEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;
    this.frame = new Int16Array(this.frameSamples);
    this.filled = 0;
    this.sumOfSquares = 0;
    this.peak = 0;
  }

  /** The samples waiting in the current, incomplete frame. */
  get pendingSamples(): number {
    return this.filled;
  }

  /** Adds the first `length` samples of `samples`, handing over every frame that fills up. */
  push(samples: ArrayLike<number>, length: number): void {
    let offset = 0;
    while (offset < length) {
      const count = Math.min(length - offset, this.frameSamples - this.filled);
      for (let index = offset; index < offset + count; index++) {
        const sample = samples[index] ?? 0;
        const magnitude = sample < 0 ? (sample < -1 ? 1 : -sample) : sample > 1 ? 1 : sample;
        this.sumOfSquares += magnitude * magnitude;
        if (magnitude > this.peak) this.peak = magnitude;
      }
      this.encoder.encode(samples, offset, count, this.frame, this.filled);
      this.filled += count;
      offset += count;
      if (this.filled === this.frameSamples) this.emit(this.frame.buffer);
    }
  }

  /** Hands over the incomplete frame, if any, as a shorter frame. */
  flush(): void {
    if (this.filled > 0) this.emit(this.frame.buffer.slice(0, this.filled * 2));
  }

  private emit(buffer: ArrayBuffer): void {
    const samples = this.filled;
    if (this.isBigEndian) {
      const bytes = new Uint8Array(buffer);
      for (let index = 0; index < bytes.length; index += 2) {
        const high = bytes[index] as number;
        bytes[index] = bytes[index + 1] as number;
        bytes[index + 1] = high;
      }
    }
    const rms = Math.sqrt(this.sumOfSquares / samples);
    const peak = this.peak;
    this.frame = new Int16Array(this.frameSamples);
    this.filled = 0;
    this.sumOfSquares = 0;
    this.peak = 0;
    this.onFrame(buffer, rms, peak);
  }
}
