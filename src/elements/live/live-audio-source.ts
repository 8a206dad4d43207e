import type { CaptureAudioFormat } from '../capture/index.js';

/** What `<scribe-live>` passes to {@link LiveAudioSource.start}. */
export interface LiveAudioSourceStartOptions {
  /** The length of each frame, in milliseconds. */
  frameMs?: number | undefined;
  /** Stops the source (or aborts `start()`). */
  signal?: AbortSignal | undefined;
  /** Receives each frame's level: RMS and peak, both from 0 to 1. */
  onLevel?: ((level: number, peak: number) => void) | undefined;
  /** Called when the source becomes silent or audible again. */
  onMuteChange?: ((muted: boolean) => void) | undefined;
  /** Called when the source fails after it started (its frames then throw too). */
  onError?: ((error: unknown) => void) | undefined;
}

/**
Audio for `<scribe-live>`: a microphone, or anything that can stand in for one. `MicrophoneCapture`
is one; `AudioFileSource` plays a recording as if it were the microphone; {@link pcmFrameSource}
wraps any async iterable of PCM frames.

The element calls `start()`, reads `audioFormat`, iterates the frames until they end (or it calls
`stop()`), and calls `mute()`/`unmute()` when they exist.
*/
export interface LiveAudioSource extends AsyncIterable<Uint8Array> {
  /**
  What the source stands for: `microphone` (the default) asks the user's permission, so the element
  shows `requesting-permission` while it starts; `audio` is anything else.
  */
  readonly kind?: 'microphone' | 'audio' | undefined;
  /** What the frames are, once `start()` has resolved. */
  readonly audioFormat: CaptureAudioFormat;
  /** Opens the source; resolves once frames flow. */
  start(options?: LiveAudioSourceStartOptions): Promise<void>;
  /** Ends the frames (after the last one) and releases the source. */
  stop(): Promise<void>;
  /** Silences the frames without ending them. */
  mute?(): void;
  /** Lets the audio through again. */
  unmute?(): void;
}

/** Whether `value` is a {@link LiveAudioSource} rather than a bare iterable of frames. */
export function isLiveAudioSource(value: unknown): value is LiveAudioSource {
  const candidate = value as Partial<LiveAudioSource> | null | undefined;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.start === 'function' &&
    typeof candidate.stop === 'function'
  );
}

/** The RMS and peak (0 to 1) of 16-bit little-endian PCM. */
export function pcm16Level(frame: Uint8Array): { level: number; peak: number } {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const count = Math.floor(frame.byteLength / 2);
  let sum = 0;
  let peak = 0;
  for (let index = 0; index < count; index++) {
    const sample = view.getInt16(index * 2, true) / 32768;
    sum += sample * sample;
    const magnitude = Math.abs(sample);
    if (magnitude > peak) peak = magnitude;
  }
  return { level: count === 0 ? 0 : Math.sqrt(sum / count), peak };
}

/** How {@link pcmFrameSource} describes its frames. */
export interface PcmFrameSourceOptions {
  /** The frames' sample rate, in Hz. @default 16000 */
  sampleRate?: number | undefined;
}

/**
Wraps an async iterable of mono 16-bit little-endian PCM frames (16 kHz unless told otherwise) as a
{@link LiveAudioSource}: it meters the frames, silences them while muted, and stops reading at
`stop()`. The iterable is read once.

@example
```ts
import { pcmFrameSource } from 'scribekit/elements';

live.source = pcmFrameSource(myPcmFrames(), { sampleRate: 16000 });
await live.start();
```
*/
export function pcmFrameSource(
  frames: AsyncIterable<Uint8Array>,
  options: PcmFrameSourceOptions = {},
): LiveAudioSource {
  const audioFormat: CaptureAudioFormat = {
    format: 'pcm_s16le',
    sampleRate: options.sampleRate ?? 16000,
    numChannels: 1,
  };
  let muted = false;
  let stopped = false;
  let wake: (() => void) | undefined;
  let callbacks: LiveAudioSourceStartOptions = {};
  const stop = (): Promise<void> => {
    stopped = true;
    wake?.();
    return Promise.resolve();
  };
  return {
    kind: 'audio',
    audioFormat,
    start(startOptions = {}) {
      callbacks = startOptions;
      stopped = false;
      startOptions.signal?.addEventListener('abort', () => void stop(), { once: true });
      return Promise.resolve();
    },
    stop,
    mute() {
      muted = true;
      callbacks.onMuteChange?.(true);
    },
    unmute() {
      muted = false;
      callbacks.onMuteChange?.(false);
    },
    async *[Symbol.asyncIterator]() {
      const iterator = frames[Symbol.asyncIterator]();
      const stopping = new Promise<void>((resolve) => (wake = resolve));
      try {
        while (!stopped) {
          const next = await Promise.race([iterator.next(), stopping.then(() => undefined)]);
          if (next === undefined || next.done === true) break;
          const frame = muted ? new Uint8Array(next.value.byteLength) : next.value;
          const { level, peak } = pcm16Level(frame);
          callbacks.onLevel?.(level, peak);
          yield frame;
        }
      } finally {
        callbacks.onLevel?.(0, 0);
        void iterator.return?.();
      }
    },
  };
}
