import { describe, expect, it } from 'vitest';
import { StreamingResampler } from '../../../src/elements/capture/resampler.js';
import { fitSine, rms, seededRandom, sine } from './signals.js';

const inputRates = [44100, 48000, 22050, 16000, 96000] as const;

/** Feeds `input` through `resampler` in blocks whose sizes `nextSize` picks; returns every output sample. */
function resample(resampler: StreamingResampler, input: Float32Array, nextSize: () => number): Float32Array {
  const chunks: Float32Array[] = [];
  let total = 0;
  for (let offset = 0; offset < input.length;) {
    const size = Math.min(nextSize(), input.length - offset);
    const output = new Float32Array(resampler.maxOutputLength(size));
    const written = resampler.process(input.subarray(offset, offset + size), size, output);
    chunks.push(output.subarray(0, written));
    total += written;
    offset += size;
  }
  const joined = new Float32Array(total);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}

/** The output after the filter has filled with signal (twice its delay, plus margin). */
function settled(resampler: StreamingResampler, output: Float32Array): Float32Array {
  return output.subarray(Math.ceil(2 * resampler.delayInSeconds * resampler.outputSampleRate) + 16);
}

const inQuanta = (): number => 128;

describe('StreamingResampler', () => {
  const measured: string[] = [];

  for (const inputRate of inputRates) {
    for (const frequency of [440, 3000]) {
      it(`turns a ${frequency} Hz sine at ${inputRate} Hz into the same sine at 16 kHz (SNR ≥ 60 dB)`, () => {
        const resampler = new StreamingResampler({ inputSampleRate: inputRate });
        const output = settled(resampler, resample(resampler, sine(frequency, inputRate, 1), inQuanta));
        const fit = fitSine(output, frequency, 16000);
        measured.push(`${inputRate} Hz → 16 kHz, ${frequency} Hz: ${fit.snrInDb.toFixed(1)} dB`);
        expect(fit.snrInDb).toBeGreaterThanOrEqual(60);
        expect(fit.amplitude).toBeCloseTo(0.5, 3);
      });
    }
  }

  it('gives the same output for random block sizes as for one block', () => {
    const random = seededRandom(7);
    for (const inputRate of inputRates) {
      const input = sine(3000, inputRate, 0.5);
      const whole = resample(
        new StreamingResampler({ inputSampleRate: inputRate }),
        input,
        () => input.length,
      );
      const blocks = resample(new StreamingResampler({ inputSampleRate: inputRate }), input, () =>
        Math.floor(random() * 700),
      );
      expect(blocks).toEqual(whole);
    }
  });

  it('writes as many samples as the input lasts, within one sample', () => {
    const random = seededRandom(11);
    for (const inputRate of [...inputRates, 11025, 8000, 32000]) {
      for (const length of [1, 127, 128, 4410, 48_000, 100_003]) {
        const resampler = new StreamingResampler({ inputSampleRate: inputRate });
        const output = resample(resampler, new Float32Array(length), () => 1 + Math.floor(random() * 512));
        expect(Math.abs(output.length - (length * 16000) / inputRate)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('attenuates tones above 8 kHz by at least 40 dB (anti-aliasing)', () => {
    for (const inputRate of [44100, 48000, 22050, 96000]) {
      for (const frequency of [8500, 9000, 10_000, 0.45 * inputRate]) {
        const resampler = new StreamingResampler({ inputSampleRate: inputRate });
        const output = settled(resampler, resample(resampler, sine(frequency, inputRate, 0.5), inQuanta));
        const attenuationInDb = 20 * Math.log10(rms(output) / (0.5 / Math.SQRT2));
        measured.push(`${frequency} Hz at ${inputRate} Hz: ${attenuationInDb.toFixed(1)} dB`);
        expect(attenuationInDb, `${frequency} Hz at ${inputRate} Hz`).toBeLessThanOrEqual(-40);
      }
    }
  });

  it('keeps speech frequencies up to 6.8 kHz at full level', () => {
    for (const inputRate of [44100, 48000, 22050, 96000]) {
      for (const frequency of [100, 1000, 5000, 6800]) {
        const resampler = new StreamingResampler({ inputSampleRate: inputRate });
        const output = settled(resampler, resample(resampler, sine(frequency, inputRate, 0.5), inQuanta));
        expect(fitSine(output, frequency, 16000).amplitude, `${frequency} Hz at ${inputRate} Hz`).toBeCloseTo(
          0.5,
          3,
        );
      }
    }
  });

  it('converts to other output rates, upsampling and uneven ratios included', () => {
    const cases = [
      [8000, 16000, 1000],
      [48000, 24000, 5000],
      [44100, 48000, 3000],
      [44100, 16001, 3000], // 16001 phases would be needed: the interpolated-table path
      [47999, 16000, 440],
    ] as const;
    for (const [inputRate, outputRate, frequency] of cases) {
      const resampler = new StreamingResampler({ inputSampleRate: inputRate, outputSampleRate: outputRate });
      const output = settled(resampler, resample(resampler, sine(frequency, inputRate, 1), inQuanta));
      const fit = fitSine(output, frequency, outputRate);
      measured.push(`${inputRate} Hz → ${outputRate} Hz, ${frequency} Hz: ${fit.snrInDb.toFixed(1)} dB`);
      expect(fit.snrInDb, `${inputRate} → ${outputRate}`).toBeGreaterThanOrEqual(60);
      expect(fit.amplitude).toBeCloseTo(0.5, 3);
    }
  });

  it('passes equal rates through unchanged, with no delay', () => {
    const resampler = new StreamingResampler({ inputSampleRate: 16000 });
    const input = sine(440, 16000, 0.1);
    expect(resample(resampler, input, inQuanta)).toEqual(input);
    expect(resampler.delayInSeconds).toBe(0);
  });

  it('reports a group delay of a few milliseconds and honours it', () => {
    const resampler = new StreamingResampler({ inputSampleRate: 48000 });
    expect(resampler.delayInSeconds).toBeGreaterThan(0.001);
    expect(resampler.delayInSeconds).toBeLessThan(0.005);
    const impulse = new Float32Array(4800);
    impulse[2400] = 1; // 50 ms
    const output = resample(resampler, impulse, inQuanta);
    const peakIndex = output.reduce((best, value, index) => (value > (output[best] ?? 0) ? index : best), 0);
    expect(peakIndex / 16000).toBeCloseTo(0.05 + resampler.delayInSeconds, 3);
  });

  it('starts again from silence after reset()', () => {
    const input = sine(440, 44100, 0.05);
    const resampler = new StreamingResampler({ inputSampleRate: 44100 });
    const first = resample(resampler, input, inQuanta);
    resampler.reset();
    expect(resample(resampler, input, inQuanta)).toEqual(first);
  });

  it('rejects rates that are not positive integers and outputs that are too short', () => {
    expect(() => new StreamingResampler({ inputSampleRate: 0 })).toThrow(RangeError);
    expect(() => new StreamingResampler({ inputSampleRate: 44100.5 })).toThrow(RangeError);
    expect(() => new StreamingResampler({ inputSampleRate: 48000, outputSampleRate: -1 })).toThrow(
      RangeError,
    );
    const resampler = new StreamingResampler({ inputSampleRate: 48000 });
    expect(() => resampler.process(new Float32Array(128), 128, new Float32Array(10))).toThrow(RangeError);
  });

  it('prints the measured SNRs', () => {
    console.log(measured.join('\n'));
    expect(measured.length).toBeGreaterThan(0);
  });
});
