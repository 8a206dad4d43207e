import type {
  CaptureAudioContext,
  CaptureAudioNode,
  CaptureEnvironment,
  CaptureStream,
} from './capture-environment.js';
import type { ResolvedCaptureOptions } from './capture-options.js';
import type { CapturePipeline, CapturePipelineSink } from './capture-pipeline.js';
import {
  captureProcessorName,
  captureWorkletSource,
  type CaptureProcessorMessage,
  type CaptureProcessorOptions,
} from './capture-worklet.js';

// Long enough for the audio thread to answer a flush under load; short enough not to hold up stop().
const flushTimeoutInMilliseconds = 250;

/**
Starts the `AudioWorklet` path on `context` (created at the device's native rate): the processor
downmixes, resamples and quantizes on the audio thread and posts finished frames.

@internal
@throws When the worklet module cannot be loaded (no `audioWorklet`, or a Content-Security-Policy
without `blob:` in `script-src`); the caller may fall back to `MediaRecorder`.
*/
export async function startWorkletPipeline(options: {
  environment: CaptureEnvironment;
  context: CaptureAudioContext;
  stream: CaptureStream;
  capture: ResolvedCaptureOptions;
  sink: CapturePipelineSink;
}): Promise<CapturePipeline> {
  const { context, capture, sink } = options;
  const WorkletNode = options.environment.AudioWorkletNode;
  if (WorkletNode === undefined || context.audioWorklet === undefined) {
    throw new TypeError('AudioWorklet is not available');
  }
  const url = URL.createObjectURL(new Blob([captureWorkletSource()], { type: 'text/javascript' }));
  try {
    await context.audioWorklet.addModule(url);
  } finally {
    URL.revokeObjectURL(url);
  }
  const processorOptions: CaptureProcessorOptions = {
    sampleRate: capture.sampleRate,
    frameSamples: Math.round((capture.sampleRate * capture.frameMs) / 1000),
    dither: capture.dither,
  };
  // The context came from the environment's own AudioContext, which is what its node expects.
  const node = new WorkletNode(context as CaptureAudioContext & BaseAudioContext, captureProcessorName, {
    numberOfInputs: 1,
    // One silent output wired to the destination: some engines only run nodes the destination pulls.
    numberOfOutputs: 1,
    outputChannelCount: [1],
    processorOptions,
  });

  let whenFlushed: (() => void) | undefined;
  const onMessage = (event: { readonly data: unknown }): void => {
    const message = event.data as CaptureProcessorMessage;
    if (message.type === 'frame') sink.onFrame(new Uint8Array(message.buffer), message.rms, message.peak);
    else if (message.type === 'flushed') whenFlushed?.();
  };
  node.port.addEventListener('message', onMessage);
  node.port.start();
  node.connect(context.destination);

  let source: CaptureAudioNode = context.createMediaStreamSource(options.stream);
  source.connect(node);
  // Not awaited: a context that needs a user gesture would otherwise hold start() forever; it
  // produces frames as soon as it runs.
  if (context.state !== 'running') context.resume().catch(() => undefined);

  return {
    audioFormat: { format: 'pcm_s16le', sampleRate: capture.sampleRate, numChannels: 1 },
    switchStream(stream) {
      const next = context.createMediaStreamSource(stream);
      next.connect(node);
      source.disconnect();
      source = next;
    },
    async stop() {
      source.disconnect();
      if (context.state === 'running') {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, flushTimeoutInMilliseconds);
          whenFlushed = () => {
            clearTimeout(timer);
            resolve();
          };
          node.port.postMessage({ type: 'flush' });
        });
      }
      node.port.removeEventListener('message', onMessage);
      node.port.close();
      node.disconnect();
    },
  };
}
