import { CaptureError } from './capture-error.js';
import type { CaptureAudioContext, CaptureEnvironment, CaptureStream } from './capture-environment.js';
import type { CaptureAudioFormat, ResolvedCaptureOptions } from './capture-options.js';
import { startMediaRecorderPipeline } from './media-recorder-capture.js';
import { startWorkletPipeline } from './worklet-pipeline.js';

/** Where a pipeline delivers what it produces. @internal */
export interface CapturePipelineSink {
  /** A frame of audio in the pipeline's `audioFormat`, with its RMS and peak level (0 to 1). */
  onFrame(frame: Uint8Array, rms: number, peak: number): void;
  /** The pipeline cannot go on. */
  onError(error: CaptureError): void;
}

/** Turns a microphone stream into frames: the `AudioWorklet` path or the `MediaRecorder` fallback. @internal */
export interface CapturePipeline {
  /** What the frames are. */
  readonly audioFormat: CaptureAudioFormat;
  /**
  Continues from another microphone without a break in the frames; absent where a new stream
  would restart the output (a recorder writes a new container header).
  */
  readonly switchStream?: ((stream: CaptureStream) => void) | undefined;
  /** Delivers what is still buffered, then releases everything the pipeline created. */
  stop(): Promise<void>;
}

/**
Starts the `AudioWorklet` pipeline when `useWorklet` and a context allow it, and the `MediaRecorder`
one otherwise, or when the worklet module fails to load (a Content-Security-Policy without `blob:`
in `script-src`, for one).

@internal
*/
export async function startCapturePipeline(setup: {
  environment: CaptureEnvironment;
  context: CaptureAudioContext | undefined;
  stream: CaptureStream;
  capture: ResolvedCaptureOptions;
  sink: CapturePipelineSink;
  useWorklet: boolean;
  signal: AbortSignal;
}): Promise<CapturePipeline> {
  const { context } = setup;
  if (setup.useWorklet && context !== undefined) {
    try {
      return await startWorkletPipeline({ ...setup, context });
    } catch (error) {
      setup.signal.throwIfAborted();
      if (setup.environment.MediaRecorder === undefined) {
        throw new CaptureError({
          reason: 'unsupported',
          message: 'the capture AudioWorklet could not be loaded',
          cause: error,
        });
      }
    }
  }
  return startMediaRecorderPipeline(setup);
}
