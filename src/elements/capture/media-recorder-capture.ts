import { CaptureError } from './capture-error.js';
import type { CaptureAudioContext, CaptureEnvironment, CaptureStream } from './capture-environment.js';
import type { ResolvedCaptureOptions } from './capture-options.js';
import type { CapturePipeline, CapturePipelineSink } from './capture-pipeline.js';

/**
The containers tried, best first. All are ones realtime providers detect by header with
`audio_format: "auto"`; Safari's `audio/mp4` is deliberately absent (Soniox's realtime API does
not list it), so where nothing here is supported the browser's own default is used and named in
`audioFormat.mimeType` for the caller to judge.
*/
const preferredMimeTypes = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm', 'audio/ogg'];

/**
Starts the `MediaRecorder` fallback, used where `AudioWorkletNode` is missing (or when asked):
compressed chunks of a container, about `frameMs` apart, whose concatenation is one valid file.

Compared with the worklet path it adds the codec's latency, cannot switch microphones without
starting a new file (so losing the device ends the capture as `device-lost`), and meters the level
with an `AnalyserNode` when an `AudioContext` is given. Muting disables the track, so the recorder
keeps encoding silence and the timeline stays continuous.

@internal
@throws {CaptureError} `unsupported` when the recorder cannot be created.
*/
export function startMediaRecorderPipeline(options: {
  environment: CaptureEnvironment;
  context: CaptureAudioContext | undefined;
  stream: CaptureStream;
  capture: ResolvedCaptureOptions;
  sink: CapturePipelineSink;
}): CapturePipeline {
  const { environment, context, stream, sink } = options;
  const Recorder = environment.MediaRecorder;
  if (Recorder === undefined) {
    throw new CaptureError({
      reason: 'unsupported',
      message: 'this browser has neither AudioWorklet nor MediaRecorder',
    });
  }
  const mimeType = preferredMimeTypes.find((type) => Recorder.isTypeSupported(type));
  let recorder;
  try {
    // The stream came from the environment's own getUserMedia, which is what its recorder expects.
    recorder = new Recorder(
      stream as CaptureStream & MediaStream,
      mimeType === undefined ? {} : { mimeType },
    );
  } catch (error) {
    throw new CaptureError({
      reason: 'unsupported',
      message: 'MediaRecorder could not record the microphone',
      cause: error,
    });
  }
  const meter = createMeter(context, stream);

  // Blob reads are asynchronous; chaining them keeps the chunks in recording order.
  let delivered = Promise.resolve();
  recorder.addEventListener('dataavailable', (event) => {
    const chunk = event.data;
    if (chunk.size === 0) return;
    const [rms, peak] = meter.read();
    delivered = delivered.then(async () =>
      sink.onFrame(new Uint8Array(await chunk.arrayBuffer()), rms, peak),
    );
  });
  recorder.addEventListener('error', (event) => {
    sink.onError(
      new CaptureError({
        reason: 'device-lost',
        message: 'the recorder stopped with an error',
        cause: (event as { error?: unknown }).error ?? event,
      }),
    );
  });
  const stopped = new Promise<void>((resolve) => recorder.addEventListener('stop', () => resolve()));
  recorder.start(options.capture.frameMs);

  return {
    audioFormat: {
      format: 'auto',
      mimeType: recorder.mimeType === '' ? (mimeType ?? '') : recorder.mimeType,
    },
    async stop() {
      if (recorder.state !== 'inactive') {
        recorder.stop();
        await stopped;
      }
      await delivered;
      meter.release();
    },
  };
}

interface Meter {
  /** RMS and peak of the most recent audio. */
  read(): [number, number];
  release(): void;
}

function createMeter(context: CaptureAudioContext | undefined, stream: CaptureStream): Meter {
  const silent: Meter = { read: () => [0, 0], release: () => undefined };
  if (context === undefined) return silent;
  try {
    const source = context.createMediaStreamSource(stream);
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    source.connect(analyser);
    if (context.state !== 'running') context.resume().catch(() => undefined);
    const samples = new Float32Array(analyser.fftSize);
    return {
      read() {
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        let peak = 0;
        for (const sample of samples) {
          sum += sample * sample;
          peak = Math.max(peak, Math.abs(sample));
        }
        return [Math.sqrt(sum / samples.length), Math.min(1, peak)];
      },
      release() {
        source.disconnect();
      },
    };
  } catch {
    return silent;
  }
}
