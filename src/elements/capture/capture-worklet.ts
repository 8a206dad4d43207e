import { downmixToMono } from './downmix.js';
import { FrameAssembler } from './frame-assembler.js';
import { Pcm16Encoder } from './pcm16-encoder.js';
import { StreamingResampler } from './resampler.js';

/** The name the capture processor is registered under in the `AudioWorkletGlobalScope`. */
export const captureProcessorName = 'scribekit-capture';

/** The `processorOptions` of the capture `AudioWorkletNode`. */
export interface CaptureProcessorOptions {
  /** The rate of the frames, in Hz. */
  readonly sampleRate: number;
  /** Samples per frame. */
  readonly frameSamples: number;
  /** Whether TPDF dither is added when quantizing. */
  readonly dither: boolean;
}

/** A message the processor posts: a frame of s16le PCM (its buffer transferred), or the end of a flush. */
export type CaptureProcessorMessage =
  | { readonly type: 'frame'; readonly buffer: ArrayBuffer; readonly rms: number; readonly peak: number }
  | { readonly type: 'flushed' };

/** A message the processor accepts: hand over the incomplete frame, then answer `flushed`. */
export interface CaptureProcessorCommand {
  readonly type: 'flush';
}

/** The parts of an `AudioWorkletGlobalScope` the processor uses. */
export interface CaptureWorkletScope {
  readonly sampleRate: number;
  readonly AudioWorkletProcessor: new () => { readonly port: MessagePort };
  registerProcessor(
    name: string,
    processor: new (options: { processorOptions: CaptureProcessorOptions }) => unknown,
  ): void;
}

let source: string | undefined;

/**
The JavaScript module that defines the capture processor, to load with
`audioWorklet.addModule` from a Blob URL.

It is assembled from the same functions the rest of the package uses (`StreamingResampler`,
`Pcm16Encoder`, `FrameAssembler`, `downmixToMono`, via `Function.prototype.toString`), so the
worklet cannot drift from the tested code and needs no separate file or bundler plugin. Each piece
is passed in as an argument, which keeps it correct after a minifier renames module bindings.

@internal Used by `MicrophoneCapture`; exported for tests that run the processor outside a browser.
*/
export function captureWorkletSource(): string {
  source ??=
    `(${installCaptureProcessor.toString()})(globalThis, ${JSON.stringify(captureProcessorName)}, ` +
    `(${StreamingResampler.toString()}), (${Pcm16Encoder.toString()}), ` +
    `(${FrameAssembler.toString()}), (${downmixToMono.toString()}));\n`;
  return source;
}

// Runs inside the AudioWorkletGlobalScope: everything it uses arrives as an argument.
function installCaptureProcessor(
  scope: CaptureWorkletScope,
  name: string,
  Resampler: typeof StreamingResampler,
  Encoder: typeof Pcm16Encoder,
  Assembler: typeof FrameAssembler,
  downmix: typeof downmixToMono,
): void {
  class CaptureProcessor extends scope.AudioWorkletProcessor {
    private readonly resampler: StreamingResampler;
    private readonly assembler: FrameAssembler;
    private mono: Float32Array;
    private resampled: Float32Array;

    constructor(options: { processorOptions: CaptureProcessorOptions }) {
      super();
      const settings = options.processorOptions;
      this.resampler = new Resampler({
        inputSampleRate: scope.sampleRate,
        outputSampleRate: settings.sampleRate,
      });
      this.mono = new Float32Array(128);
      this.resampled = new Float32Array(this.resampler.maxOutputLength(128));
      const port = this.port;
      this.assembler = new Assembler({
        frameSamples: settings.frameSamples,
        encoder: new Encoder({ dither: settings.dither }),
        onFrame: (buffer, rms, peak) => port.postMessage({ type: 'frame', buffer, rms, peak }, [buffer]),
      });
      port.onmessage = (event: MessageEvent<CaptureProcessorCommand>) => {
        if (event.data.type !== 'flush') return;
        this.assembler.flush();
        port.postMessage({ type: 'flushed' });
      };
    }

    process(inputs: Float32Array[][]): boolean {
      const channels = inputs[0] ?? [];
      // With no input connected (between devices) a quantum of silence keeps the timeline whole.
      const length = channels[0]?.length ?? 128;
      if (length > this.mono.length) {
        this.mono = new Float32Array(length);
        this.resampled = new Float32Array(this.resampler.maxOutputLength(length));
      }
      downmix(channels, this.mono, length);
      const written = this.resampler.process(this.mono, length, this.resampled);
      this.assembler.push(this.resampled, written);
      return true;
    }
  }
  scope.registerProcessor(name, CaptureProcessor);
}
