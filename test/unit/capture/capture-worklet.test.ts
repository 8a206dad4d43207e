import { describe, expect, it } from 'vitest';
import {
  captureProcessorName,
  captureWorkletSource,
  type CaptureProcessorMessage,
  type CaptureProcessorOptions,
} from '../../../src/elements/capture/capture-worklet.js';
import { downmixToMono } from '../../../src/elements/capture/downmix.js';
import { FrameAssembler } from '../../../src/elements/capture/frame-assembler.js';
import { Pcm16Encoder } from '../../../src/elements/capture/pcm16-encoder.js';
import { StreamingResampler } from '../../../src/elements/capture/resampler.js';
import { fitSine, seededRandom, sine } from './signals.js';

interface FakeProcessor {
  readonly port: FakePort;
  process(inputs: Float32Array[][]): boolean;
}

class FakePort {
  readonly posted: { message: CaptureProcessorMessage; transfer: unknown[] }[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  postMessage(message: CaptureProcessorMessage, transfer: unknown[] = []): void {
    this.posted.push({ message, transfer });
  }
}

/** Evaluates the worklet module in a sandbox scope, as `audioWorklet.addModule` would, and builds one processor. */
function loadProcessor(contextRate: number, options: CaptureProcessorOptions): FakeProcessor {
  const registered = new Map<
    string,
    new (options: { processorOptions: CaptureProcessorOptions }) => FakeProcessor
  >();
  const scope = {
    sampleRate: contextRate,
    AudioWorkletProcessor: class {
      readonly port = new FakePort();
    },
    registerProcessor: (
      name: string,
      processor: new (options: { processorOptions: CaptureProcessorOptions }) => FakeProcessor,
    ) => registered.set(name, processor),
  };
  // The module sees only its scope: nothing from this file leaks in.
  new Function('globalThis', captureWorkletSource())(scope);
  const Processor = registered.get(captureProcessorName);
  if (Processor === undefined) throw new Error('the worklet source registered no processor');
  return new Processor({ processorOptions: options });
}

/** The same pipeline built from the package's own classes, outside the worklet. */
function referenceFrames(
  contextRate: number,
  options: CaptureProcessorOptions,
  quanta: Float32Array[][],
): Uint8Array[] {
  const frames: Uint8Array[] = [];
  const resampler = new StreamingResampler({
    inputSampleRate: contextRate,
    outputSampleRate: options.sampleRate,
  });
  const assembler = new FrameAssembler({
    frameSamples: options.frameSamples,
    encoder: new Pcm16Encoder({ dither: options.dither }),
    onFrame: (buffer) => frames.push(new Uint8Array(buffer)),
  });
  const mono = new Float32Array(128);
  const output = new Float32Array(resampler.maxOutputLength(128));
  for (const channels of quanta) {
    downmixToMono(channels, mono, 128);
    assembler.push(output, resampler.process(mono, 128, output));
  }
  return frames;
}

function stereoQuanta(contextRate: number, seconds: number): Float32Array[][] {
  const left = sine(440, contextRate, seconds, 0.4);
  const right = sine(3000, contextRate, seconds, 0.3, 1);
  const random = seededRandom(9);
  const quanta: Float32Array[][] = [];
  for (let offset = 0; offset + 128 <= left.length; offset += 128) {
    const noise = Float32Array.from({ length: 128 }, () => (random() - 0.5) * 0.01);
    quanta.push([
      left.slice(offset, offset + 128).map((value, index) => value + (noise[index] ?? 0)),
      right.slice(offset, offset + 128),
    ]);
  }
  return quanta;
}

const frameBytes = (port: FakePort): Uint8Array[] =>
  port.posted.flatMap(({ message }) => (message.type === 'frame' ? [new Uint8Array(message.buffer)] : []));

describe('captureWorkletSource', () => {
  for (const contextRate of [44100, 48000]) {
    it(`runs the same resampler and framing as the package (context at ${contextRate} Hz)`, () => {
      const options = { sampleRate: 16000, frameSamples: 640, dither: false };
      const quanta = stereoQuanta(contextRate, 1);
      const processor = loadProcessor(contextRate, options);
      for (const channels of quanta) expect(processor.process([channels])).toBe(true);
      const frames = frameBytes(processor.port);
      expect(frames.length).toBeGreaterThan(20);
      expect(frames).toEqual(referenceFrames(contextRate, options, quanta));
    });
  }

  it('posts 16 kHz s16le frames of frameMs with their buffer transferred, RMS and peak', () => {
    const processor = loadProcessor(48000, { sampleRate: 16000, frameSamples: 320, dither: false });
    const tone = sine(440, 48000, 0.5, 0.5);
    for (let offset = 0; offset + 128 <= tone.length; offset += 128)
      processor.process([[tone.slice(offset, offset + 128)]]);
    const posted = processor.port.posted;
    expect(posted.length).toBe(Math.floor((Math.floor(tone.length / 128) * 128) / 3 / 320));
    for (const { message, transfer } of posted) {
      if (message.type !== 'frame') throw new Error('expected only frames');
      expect(message.buffer.byteLength).toBe(640);
      expect(transfer).toEqual([message.buffer]);
      expect(message.peak).toBeLessThanOrEqual(0.5 + 1e-6);
    }
    const last = posted.at(-1)?.message;
    expect(last?.type === 'frame' && last.rms).toBeCloseTo(0.5 / Math.SQRT2, 2);
    // The s16 output is still the same clean sine.
    const pcm = new Int16Array(
      frameBytes(processor.port).flatMap((bytes) => [...new Int16Array(bytes.buffer)]),
    );
    const fit = fitSine(
      Float32Array.from(pcm.subarray(200), (value) => value / 32768),
      440,
      16000,
    );
    expect(fit.snrInDb).toBeGreaterThan(80);
  });

  it('keeps the timeline going with silence when no input is connected', () => {
    const processor = loadProcessor(48000, { sampleRate: 16000, frameSamples: 640, dither: false });
    for (let quantum = 0; quantum < 15 * 2; quantum++) processor.process([[]]);
    const frames = frameBytes(processor.port);
    expect(frames.length).toBe(2);
    expect(frames.every((bytes) => bytes.every((byte) => byte === 0))).toBe(true);
  });

  it('hands over the incomplete frame and answers flushed when asked to flush', () => {
    const processor = loadProcessor(48000, { sampleRate: 16000, frameSamples: 640, dither: false });
    for (let quantum = 0; quantum < 3; quantum++) processor.process([[new Float32Array(128).fill(0.1)]]);
    processor.port.onmessage?.({ data: { type: 'flush' } });
    const messages = processor.port.posted.map(({ message }) => message);
    expect(messages.map((message) => message.type)).toEqual(['frame', 'flushed']);
    const first = messages[0];
    expect(first?.type === 'frame' && first.buffer.byteLength).toBe(128 * 2);
  });

  it('is one module that installs itself through its scope only', () => {
    const source = captureWorkletSource();
    expect(source).toBe(captureWorkletSource());
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain(JSON.stringify(captureProcessorName));
  });
});
