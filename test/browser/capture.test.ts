import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as CaptureModule from '../../src/elements/capture/index.js';
import { launchChromium } from '../helpers/chromium.js';
import { startHttpTestServer, type HttpTestServer } from '../helpers/http-test-server.js';

// Chromium's fake microphone plays this WAV (16 kHz mono s16le, espeak-ng speech) in a loop.
const speechWav = fileURLToPath(new URL('../fixtures/audio/speech.wav', import.meta.url));

/** The test page exposes the bundled capture module as `window.scribeCapture`. */
type CaptureWindow = Window & { scribeCapture: typeof CaptureModule };

let server: HttpTestServer;
let browser: Browser;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('../../src/elements/capture/index.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const page =
    '<!doctype html><meta charset="utf-8"><title>capture</title>' +
    '<script type="module">import * as capture from "./capture.js"; window.scribeCapture = capture;</script>';
  [server, browser] = await Promise.all([
    startHttpTestServer((request, response) => {
      const isScript = request.url === '/capture.js';
      response.writeHead(200, { 'content-type': isScript ? 'text/javascript' : 'text/html; charset=utf-8' });
      response.end(isScript ? script : page);
    }),
    launchChromium([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${speechWav}`,
      '--autoplay-policy=no-user-gesture-required',
    ]),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => 'scribeCapture' in window);
  return { page, errors };
}

interface CaptureRun {
  readonly frameSizes: number[];
  readonly samples: number[];
  readonly levels: number[];
  readonly audioFormat: unknown;
  readonly label: string;
  readonly readyStateBeforeStop: string;
  readonly readyStateAfterStop: string;
  readonly stateAfterStop: string;
  readonly contextSampleRate: number;
}

/** Captures in the page for `milliseconds` with `options`, then stops, and reports what happened. */
function capture(
  page: Page,
  milliseconds: number,
  options: Record<string, unknown> = {},
): Promise<CaptureRun> {
  return page.evaluate(
    async ({ milliseconds, options }) => {
      const { MicrophoneCapture } = (window as unknown as CaptureWindow).scribeCapture;
      const frames: Uint8Array[] = [];
      const levels: number[] = [];
      const capture = new MicrophoneCapture();
      await capture.start({
        ...options,
        onFrame: (frame) => frames.push(frame),
        onLevel: (level) => levels.push(level),
      });
      await new Promise((resolve) => setTimeout(resolve, milliseconds));
      const track = capture.track;
      const readyStateBeforeStop = track?.readyState ?? 'none';
      await capture.stop();
      const probe = new AudioContext();
      const contextSampleRate = probe.sampleRate;
      await probe.close();
      const samples: number[] = [];
      for (const frame of frames) {
        const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
        for (let offset = 0; offset + 1 < frame.byteLength; offset += 2)
          samples.push(view.getInt16(offset, true) / 32768);
      }
      return {
        frameSizes: frames.map((frame) => frame.byteLength),
        samples,
        levels,
        audioFormat: capture.audioFormat,
        label: track?.label ?? '',
        readyStateBeforeStop,
        readyStateAfterStop: track?.readyState ?? 'none',
        stateAfterStop: capture.state,
        contextSampleRate,
      };
    },
    { milliseconds, options },
  );
}

function rms(samples: readonly number[]): number {
  return Math.sqrt(samples.reduce((sum, sample) => sum + sample * sample, 0) / Math.max(1, samples.length));
}

/** The fixture's samples, as floats. */
function fixtureSamples(): Float64Array {
  const wav = readFileSync(speechWav);
  const dataOffset = wav.indexOf('data') + 8;
  const count = (wav.length - dataOffset) >> 1;
  return Float64Array.from({ length: count }, (_, index) => wav.readInt16LE(dataOffset + index * 2) / 32768);
}

/**
The highest normalized cross-correlation between `window` and the looped `reference`, over every
alignment: 1 means the same waveform up to a gain.
*/
function bestCorrelation(window: readonly number[], reference: Float64Array): number {
  const windowEnergy = window.reduce((sum, value) => sum + value * value, 0);
  let best = 0;
  for (let lag = 0; lag < reference.length; lag++) {
    let dot = 0;
    let energy = 0;
    for (let index = 0; index < window.length; index++) {
      const value = reference[(lag + index) % reference.length] as number;
      dot += (window[index] as number) * value;
      energy += value * value;
    }
    if (energy > 0) best = Math.max(best, dot / Math.sqrt(windowEnergy * energy));
  }
  return best;
}

describe('MicrophoneCapture in Chromium with a fake microphone', () => {
  it('streams 40 ms frames of 16 kHz s16le speech, meters it, and releases the track on stop', async () => {
    const { page, errors } = await openPage();
    const run = await capture(page, 2000);
    expect(run.audioFormat).toEqual({ format: 'pcm_s16le', sampleRate: 16000, numChannels: 1 });
    expect(run.label).toMatch(/fake/i);
    // About 50 frames in 2 s, every one 640 samples except the last, flushed by stop().
    expect(run.frameSizes.length).toBeGreaterThanOrEqual(40);
    expect(run.frameSizes.length).toBeLessThanOrEqual(60);
    expect(run.frameSizes.slice(0, -1).every((size) => size === 1280)).toBe(true);
    expect(run.frameSizes.at(-1)).toBeLessThanOrEqual(1280);
    expect(run.levels.length).toBeGreaterThanOrEqual(run.frameSizes.length - 1);
    expect(Math.max(...run.levels)).toBeGreaterThan(0.02);
    expect(rms(run.samples)).toBeGreaterThan(0.01);
    expect(run.readyStateBeforeStop).toBe('live');
    expect(run.readyStateAfterStop).toBe('ended');
    expect(run.stateAfterStop).toBe('idle');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('delivers the microphone’s waveform faithfully when the browser’s processing is off', async () => {
    const { page, errors } = await openPage();
    const run = await capture(page, 2500, {
      echoCancellation: false,
      noiseSuppression: false,
      autoGainControl: false,
    });
    // The loudest 250 ms of what was captured must match the fixture at some alignment.
    const windowLength = 4000;
    let start = 0;
    let loudest = 0;
    for (let offset = 0; offset + windowLength <= run.samples.length; offset += 800) {
      const level = rms(run.samples.slice(offset, offset + windowLength));
      if (level > loudest) [loudest, start] = [level, offset];
    }
    const correlation = bestCorrelation(run.samples.slice(start, start + windowLength), fixtureSamples());
    console.log(
      `context rate ${run.contextSampleRate} Hz; loudest window RMS ${loudest.toFixed(3)}; correlation ${correlation.toFixed(4)}`,
    );
    expect(loudest).toBeGreaterThan(0.02);
    expect(correlation).toBeGreaterThan(0.95);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps sending frames while muted, as silence', async () => {
    const { page, errors } = await openPage();
    const result = await page.evaluate(async () => {
      const { MicrophoneCapture } = (window as unknown as CaptureWindow).scribeCapture;
      const sleep = (milliseconds: number): Promise<unknown> =>
        new Promise((resolve) => setTimeout(resolve, milliseconds));
      const frames: Uint8Array[] = [];
      const capture = new MicrophoneCapture();
      await capture.start({ onFrame: (frame) => frames.push(frame) });
      await sleep(600);
      capture.mute();
      const mutedFrom = frames.length;
      await sleep(600);
      const mutedTo = frames.length;
      const enabledWhileMuted = capture.track?.enabled;
      await capture.stop();
      return {
        mutedFrames: mutedTo - mutedFrom,
        silent: frames.slice(mutedFrom, mutedTo).every((frame) => frame.every((byte) => byte === 0)),
        enabledWhileMuted,
      };
    });
    expect(result.mutedFrames).toBeGreaterThanOrEqual(10);
    expect(result.silent).toBe(true);
    expect(result.enabledWhileMuted).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('falls back to MediaRecorder: WebM/Opus chunks about frameMs apart, metered', async () => {
    const { page, errors } = await openPage();
    const result = await page.evaluate(async () => {
      const { MicrophoneCapture } = (window as unknown as CaptureWindow).scribeCapture;
      const chunks: Uint8Array[] = [];
      const levels: number[] = [];
      const capture = new MicrophoneCapture();
      await capture.start({
        useMediaRecorder: true,
        frameMs: 100,
        onFrame: (chunk) => chunks.push(chunk),
        onLevel: (level) => levels.push(level),
      });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const track = capture.track;
      await capture.stop();
      return {
        audioFormat: capture.audioFormat,
        count: chunks.length,
        header: [...(chunks[0]?.subarray(0, 4) ?? [])],
        bytes: chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0),
        maxLevel: Math.max(0, ...levels),
        readyState: track?.readyState,
      };
    });
    expect(result.audioFormat).toEqual({ format: 'auto', mimeType: 'audio/webm;codecs=opus' });
    expect(result.header).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    expect(result.count).toBeGreaterThanOrEqual(5);
    expect(result.bytes).toBeGreaterThan(1000);
    expect(result.maxLevel).toBeGreaterThan(0.02);
    expect(result.readyState).toBe('ended');
    expect(errors).toEqual([]);
    await page.close();
  });
});
