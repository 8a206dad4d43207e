import { ScribeError } from '../../core/index.js';
import { CaptureError, downmixToMono, Pcm16Encoder, type CaptureAudioFormat } from '../capture/index.js';
import { pcm16Level, type LiveAudioSource, type LiveAudioSourceStartOptions } from './live-audio-source.js';
import { readWavPcm16 } from './wav.js';

/** A recording {@link AudioFileSource} can play: a URL to fetch, or its bytes. */
export type AudioFileInput = string | URL | Blob | ArrayBuffer | ArrayBufferView;

/** How an {@link AudioFileSource} reads and paces its recording. */
export interface AudioFileSourceOptions {
  /**
  The sample rate of the frames, in Hz.

  @default 16000
  */
  sampleRate?: number | undefined;
  /**
  Delivers frames at the pace of real time, as a microphone would (realtime services expect that);
  `false` delivers them as fast as they are read.

  @default true
  */
  realtime?: boolean | undefined;
  /** The `fetch` used for a URL. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch | undefined;
}

type OfflineContextConstructor = new (
  channels: number,
  length: number,
  sampleRate: number,
) => {
  decodeAudioData(data: ArrayBuffer): Promise<AudioBuffer>;
};

/**
Plays a recording as if it were the microphone: fetches it (or takes its bytes), decodes it to mono
16-bit PCM at 16 kHz, and delivers it in frames at the pace of real time.

A WAV that is already 16-bit mono PCM at the target rate is used byte for byte; anything else is
decoded and resampled by the browser (`OfflineAudioContext.decodeAudioData`), so any format the
browser plays works.

@example
```ts
import { AudioFileSource } from 'scribekit/elements';

live.source = new AudioFileSource('/samples/interview.mp3');
await live.start();
```
*/
export class AudioFileSource implements LiveAudioSource {
  /** A recording, not a microphone: no permission is asked. */
  readonly kind = 'audio' as const;
  readonly #input: AudioFileInput;
  readonly #sampleRate: number;
  readonly #realtime: boolean;
  readonly #fetch: typeof globalThis.fetch | undefined;
  #pcm: Uint8Array | undefined;
  #options: LiveAudioSourceStartOptions = {};
  #muted = false;
  #stopped = true;
  #wake: (() => void) | undefined;

  constructor(input: AudioFileInput, options: AudioFileSourceOptions = {}) {
    this.#input = input;
    this.#sampleRate = options.sampleRate ?? 16000;
    this.#realtime = options.realtime ?? true;
    this.#fetch = options.fetch;
  }

  /** Always mono `pcm_s16le` at the configured rate. */
  get audioFormat(): CaptureAudioFormat {
    return { format: 'pcm_s16le', sampleRate: this.#sampleRate, numChannels: 1 };
  }

  /** The recording's length in seconds, once `start()` has decoded it. */
  get durationInSeconds(): number | undefined {
    return this.#pcm === undefined ? undefined : this.#pcm.byteLength / 2 / this.#sampleRate;
  }

  /** Whether the frames are silenced. */
  get muted(): boolean {
    return this.#muted;
  }

  /**
  Reads and decodes the recording (once; later starts reuse it).

  @throws {CaptureError} `unsupported` when the recording cannot be decoded here.
  */
  async start(options: LiveAudioSourceStartOptions = {}): Promise<void> {
    options.signal?.throwIfAborted();
    this.#options = options;
    this.#pcm ??= await this.#decode(await this.#read(options.signal));
    options.signal?.throwIfAborted();
    this.#stopped = false;
    options.signal?.addEventListener('abort', () => void this.stop(), { once: true });
  }

  /** Ends the frames. */
  stop(): Promise<void> {
    this.#stopped = true;
    this.#wake?.();
    return Promise.resolve();
  }

  mute(): void {
    this.#muted = true;
    this.#options.onMuteChange?.(true);
  }

  unmute(): void {
    this.#muted = false;
    this.#options.onMuteChange?.(false);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    const pcm = this.#pcm;
    if (pcm === undefined) return;
    const frameMs = this.#options.frameMs ?? 40;
    const frameBytes = Math.max(1, Math.round((this.#sampleRate * frameMs) / 1000)) * 2;
    const startedAt = now();
    try {
      for (
        let index = 0, offset = 0;
        offset < pcm.byteLength && !this.#stopped;
        index++, offset += frameBytes
      ) {
        if (this.#realtime && index > 0) await this.#sleepUntil(startedAt + index * frameMs);
        if (this.#stopped) break;
        const slice = pcm.slice(offset, offset + frameBytes);
        const frame = this.#muted ? new Uint8Array(slice.byteLength) : slice;
        const { level, peak } = pcm16Level(frame);
        this.#options.onLevel?.(level, peak);
        yield frame;
      }
    } finally {
      this.#options.onLevel?.(0, 0);
    }
  }

  async #sleepUntil(time: number): Promise<void> {
    const delay = time - now();
    if (delay <= 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delay);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.#wake = undefined;
  }

  async #read(signal: AbortSignal | undefined): Promise<Uint8Array> {
    const input = this.#input;
    if (input instanceof ArrayBuffer) return new Uint8Array(input);
    if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    if (typeof Blob !== 'undefined' && input instanceof Blob)
      return new Uint8Array(await input.arrayBuffer());
    const fetcher = this.#fetch ?? globalThis.fetch;
    const url = String(input);
    const response = await fetcher(url, signal === undefined ? {} : { signal });
    if (!response.ok) {
      throw new ScribeError(`The recording at ${url} could not be fetched (status ${response.status})`);
    }
    return new Uint8Array(await response.arrayBuffer());
  }

  async #decode(bytes: Uint8Array): Promise<Uint8Array> {
    const wav = readWavPcm16(bytes);
    if (wav !== undefined && wav.sampleRate === this.#sampleRate && wav.channels === 1) return wav.data;
    const Context = offlineContext();
    if (Context === undefined) {
      throw new CaptureError({
        reason: 'unsupported',
        message: 'this browser cannot decode the recording (no OfflineAudioContext)',
      });
    }
    let buffer: AudioBuffer;
    try {
      // decodeAudioData resamples to the context's rate.
      buffer = await new Context(1, 1, this.#sampleRate).decodeAudioData(bytes.slice().buffer);
    } catch (cause) {
      throw new CaptureError({ reason: 'unsupported', message: 'the recording could not be decoded', cause });
    }
    const channels = Array.from({ length: buffer.numberOfChannels }, (_, index) =>
      buffer.getChannelData(index),
    );
    const mono = new Float32Array(buffer.length);
    downmixToMono(channels, mono, buffer.length);
    const samples = new Int16Array(buffer.length);
    new Pcm16Encoder().encode(mono, 0, mono.length, samples, 0);
    return littleEndian(samples);
  }
}

function offlineContext(): OfflineContextConstructor | undefined {
  const scope = globalThis as { OfflineAudioContext?: unknown; webkitOfflineAudioContext?: unknown };
  return (scope.OfflineAudioContext ?? scope.webkitOfflineAudioContext) as
    OfflineContextConstructor | undefined;
}

function littleEndian(samples: Int16Array): Uint8Array {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < samples.length; index++) view.setInt16(index * 2, samples[index] ?? 0, true);
  return bytes;
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}
