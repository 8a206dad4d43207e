import { InvalidArgumentError } from '../../core/index.js';
import type { CaptureError } from './capture-error.js';

/**
The audio a capture produces, in the terms a realtime session's configuration uses.

- `pcm_s16le`: raw 16-bit little-endian mono PCM at `sampleRate` (the `AudioWorklet` path).
- `auto`: compressed chunks of the container named by `mimeType`, such as `audio/webm;codecs=opus`
  (the `MediaRecorder` fallback); the provider detects the format from the header in the first chunk.
*/
export type CaptureAudioFormat =
  | { readonly format: 'pcm_s16le'; readonly sampleRate: number; readonly numChannels: 1 }
  | { readonly format: 'auto'; readonly mimeType: string };

/** What happened when capture moved to another microphone. */
export interface CaptureDeviceChange {
  /** The microphone that went away (`track.getSettings().deviceId`), when the browser said. */
  readonly previousDeviceId: string | undefined;
  /** Its label. */
  readonly previousLabel: string;
  /** The microphone capture continues with (the default one). */
  readonly deviceId: string | undefined;
  /** Its label, such as `MacBook Pro Microphone`. */
  readonly label: string;
}

/** How {@link MicrophoneCapture.start} opens the microphone and delivers audio. */
export interface CaptureStartOptions {
  /** The microphone to use, from `navigator.mediaDevices.enumerateDevices()`; the default one when omitted. */
  deviceId?: string | undefined;
  /**
  Asks the browser to remove the sound of the page's own speakers.

  @default true
  */
  echoCancellation?: boolean | undefined;
  /**
  Asks the browser to suppress steady background noise.

  @default true
  */
  noiseSuppression?: boolean | undefined;
  /** Asks the browser to level the input volume; the browser's own default when omitted. */
  autoGainControl?: boolean | undefined;
  /**
  The length of each frame, in milliseconds, from 20 to 100. Shorter frames lower latency; longer
  ones mean fewer messages. With the `MediaRecorder` fallback this is the recorder's timeslice.

  @default 40
  */
  frameMs?: number | undefined;
  /**
  The sample rate of the frames, in Hz, from 8000 to 96000. The microphone runs at the device's
  native rate (browsers ignore or refuse other rates) and is resampled to this one.

  @default 16000
  */
  sampleRate?: number | undefined;
  /**
  Adds TPDF dither when quantizing to 16 bits.

  @default false
  */
  dither?: boolean | undefined;
  /**
  Records compressed audio with `MediaRecorder` even where `AudioWorklet` exists (less bandwidth,
  more latency, no device switching). Capture always does so where `AudioWorkletNode` is missing.

  @default false
  */
  useMediaRecorder?: boolean | undefined;
  /** Stops the capture (or aborts `start()`, which then rejects with the signal's reason). */
  signal?: AbortSignal | undefined;
  /** Receives every frame, as it is captured. Do not modify it. */
  onFrame?: ((frame: Uint8Array) => void) | undefined;
  /** Receives each frame's level: RMS and peak, both from 0 to 1 (0 while muted). */
  onLevel?: ((level: number, peak: number) => void) | undefined;
  /** Called when `muted` changes, by `mute()`/`unmute()` or because the track was muted. */
  onMuteChange?: ((muted: boolean) => void) | undefined;
  /** Called after capture moved to the default microphone because the one in use went away. */
  onDeviceChange?: ((change: CaptureDeviceChange) => void) | undefined;
  /** Called when capture stops because of a failure after it started (then `frames()` throws it too). */
  onError?: ((error: CaptureError) => void) | undefined;
}

/** {@link CaptureStartOptions} with defaults applied and ranges checked. */
export interface ResolvedCaptureOptions {
  readonly deviceId: string | undefined;
  readonly echoCancellation: boolean;
  readonly noiseSuppression: boolean;
  readonly autoGainControl: boolean | undefined;
  readonly frameMs: number;
  readonly sampleRate: number;
  readonly dither: boolean;
  readonly useMediaRecorder: boolean;
}

/**
Applies the defaults and checks the ranges.

@internal
@throws {InvalidArgumentError} When `frameMs` or `sampleRate` is out of range.
*/
export function resolveCaptureOptions(options: CaptureStartOptions): ResolvedCaptureOptions {
  const frameMs = options.frameMs ?? 40;
  if (!Number.isFinite(frameMs) || frameMs < 20 || frameMs > 100) {
    throw new InvalidArgumentError({
      argument: 'frameMs',
      message: 'must be from 20 to 100',
      value: frameMs,
    });
  }
  const sampleRate = options.sampleRate ?? 16000;
  if (!Number.isInteger(sampleRate) || sampleRate < 8000 || sampleRate > 96000) {
    throw new InvalidArgumentError({
      argument: 'sampleRate',
      message: 'must be an integer from 8000 to 96000',
      value: sampleRate,
    });
  }
  return {
    deviceId: options.deviceId === '' ? undefined : options.deviceId,
    echoCancellation: options.echoCancellation ?? true,
    noiseSuppression: options.noiseSuppression ?? true,
    autoGainControl: options.autoGainControl,
    frameMs,
    sampleRate,
    dither: options.dither ?? false,
    useMediaRecorder: options.useMediaRecorder ?? false,
  };
}

/**
The `getUserMedia` audio constraints for `options`, on `deviceId` (omit it for the default device).

`deviceId` is `exact`: a missing device should fail as `no-device` rather than silently record
another microphone. Mono is asked for but not required, since downmixing is done anyway.

@internal
*/
export function audioConstraints(
  options: ResolvedCaptureOptions,
  deviceId: string | undefined,
): MediaTrackConstraints {
  return {
    ...(deviceId === undefined ? {} : { deviceId: { exact: deviceId } }),
    echoCancellation: options.echoCancellation,
    noiseSuppression: options.noiseSuppression,
    ...(options.autoGainControl === undefined ? {} : { autoGainControl: options.autoGainControl }),
    channelCount: { ideal: 1 },
  };
}
