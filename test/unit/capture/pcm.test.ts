import { describe, expect, it } from 'vitest';
import { downmixToMono } from '../../../src/elements/capture/downmix.js';
import { FrameAssembler } from '../../../src/elements/capture/frame-assembler.js';
import { Pcm16Encoder } from '../../../src/elements/capture/pcm16-encoder.js';
import { seededRandom } from './signals.js';

function encode(samples: number[], encoder = new Pcm16Encoder()): number[] {
  const output = new Int16Array(samples.length);
  encoder.encode(samples, 0, samples.length, output, 0);
  return [...output];
}

describe('Pcm16Encoder', () => {
  it('scales by 32768, rounds, and clamps instead of wrapping', () => {
    expect(encode([0, 0.5, -0.5, 1, -1, 1.5, -1.5, 40, -40, 1 / 65536, -3.2 / 65536, Number.NaN])).toEqual([
      0, 16384, -16384, 32767, -32768, 32767, -32768, 32767, -32768, 1, -2, 0,
    ]);
  });

  it('reads from an offset and writes at an offset', () => {
    const output = new Int16Array(4);
    new Pcm16Encoder().encode([9, 9, 0.25, -0.25], 2, 2, output, 1);
    expect([...output]).toEqual([0, 8192, -8192, 0]);
  });

  it('adds no dither by default, and bounded, zero-mean, reproducible TPDF dither when asked', () => {
    expect(new Pcm16Encoder().dither).toBe(false);
    const random = seededRandom(3);
    const samples = Array.from({ length: 20_000 }, () => (random() - 0.5) * 0.1);
    const plain = encode(samples);
    const dithered = encode(samples, new Pcm16Encoder({ dither: true, seed: 42 }));
    expect(encode(samples, new Pcm16Encoder({ dither: true, seed: 42 }))).toEqual(dithered);
    let differences = 0;
    let error = 0;
    for (const [index, value] of dithered.entries()) {
      const exact = (samples[index] ?? 0) * 32768;
      expect(Math.abs(value - exact)).toBeLessThan(1.5 + 1e-9);
      if (value !== plain[index]) differences++;
      error += value - exact;
    }
    expect(differences).toBeGreaterThan(samples.length / 10);
    expect(Math.abs(error / samples.length)).toBeLessThan(0.05);
  });
});

describe('downmixToMono', () => {
  it('averages the channels of a stereo input', () => {
    const output = new Float32Array(3);
    downmixToMono([Float32Array.of(1, 0.5, -1), Float32Array.of(0, 0.5, 1)], output, 3);
    expect([...output]).toEqual([0.5, 0.5, 0]);
  });

  it('copies a mono input and writes silence without channels', () => {
    const output = new Float32Array(3).fill(7);
    downmixToMono([Float32Array.of(0.25, -0.25, 0.125)], output, 3);
    expect([...output]).toEqual([0.25, -0.25, 0.125]);
    downmixToMono([], output, 2);
    expect([...output]).toEqual([0, 0, 0.125]);
  });
});

describe('FrameAssembler', () => {
  function collect(frameSamples: number): {
    assembler: FrameAssembler;
    frames: { bytes: Uint8Array; rms: number; peak: number }[];
  } {
    const frames: { bytes: Uint8Array; rms: number; peak: number }[] = [];
    const assembler = new FrameAssembler({
      frameSamples,
      encoder: new Pcm16Encoder(),
      onFrame: (buffer, rms, peak) => frames.push({ bytes: new Uint8Array(buffer), rms, peak }),
    });
    return { assembler, frames };
  }

  it('hands over frames of exactly frameSamples samples across pushes of any size', () => {
    const { assembler, frames } = collect(640);
    const random = seededRandom(5);
    let pushed = 0;
    while (pushed < 640 * 10 + 100) {
      const size = Math.floor(random() * 300);
      assembler.push(new Float32Array(size).fill(0.25), size);
      pushed += size;
    }
    expect(frames.length).toBe(Math.floor(pushed / 640));
    expect(frames.every((frame) => frame.bytes.byteLength === 1280)).toBe(true);
    expect(assembler.pendingSamples).toBe(pushed % 640);
  });

  it('writes little-endian 16-bit samples', () => {
    const { assembler, frames } = collect(2);
    assembler.push([0.5, -1 / 32768], 2);
    expect([...(frames[0]?.bytes ?? [])]).toEqual([0x00, 0x40, 0xff, 0xff]);
  });

  it('reports each frame’s RMS and peak', () => {
    const { assembler, frames } = collect(4);
    assembler.push([0.5, -0.5, 0.5, -0.5, 0, 0, 0, -2], 8);
    expect(frames.map(({ rms, peak }) => [rms, peak])).toEqual([
      [0.5, 0.5],
      [0.5, 1],
    ]);
  });

  it('gives every frame its own buffer, so a transferred frame is never written again', () => {
    const { assembler, frames } = collect(2);
    assembler.push([0.5, 0.5, -0.5, -0.5], 4);
    expect(frames[0]?.bytes.buffer).not.toBe(frames[1]?.bytes.buffer);
    expect(new Int16Array(frames[0]?.bytes.buffer ?? new ArrayBuffer(0))).toEqual(
      Int16Array.of(16384, 16384),
    );
  });

  it('flushes the incomplete frame as a shorter one, once', () => {
    const { assembler, frames } = collect(640);
    assembler.push(new Float32Array(100).fill(0.5), 100);
    assembler.flush();
    assembler.flush();
    expect(frames.map((frame) => frame.bytes.byteLength)).toEqual([200]);
    expect(assembler.pendingSamples).toBe(0);
  });

  it('rejects a frame size that is not a positive integer', () => {
    expect(
      () => new FrameAssembler({ frameSamples: 0, encoder: new Pcm16Encoder(), onFrame: () => {} }),
    ).toThrow(RangeError);
  });
});
