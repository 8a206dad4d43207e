import { readFileSync } from 'node:fs';
import { createSoferAI, type SoferAIClient } from '../../../../src/core/providers/soferai/index.js';
import { createSandbox } from '../../../../worker/src/sandbox/index.js';
import { createJobClock } from '../../../../worker/src/sandbox/shared/job-clock.js';
import { createSoferaiEmulator } from '../../../../worker/src/sandbox/soferai/soferai-emulator.js';
import { createSoferaiState } from '../../../../worker/src/sandbox/soferai/soferai-state.js';

export const speech = readFileSync('test/fixtures/audio/speech.wav');
export const speechFile = (): File => new File([speech], 'speech.wav', { type: 'audio/wav' });
export const foxText = 'The quick brown fox jumps over the lazy dog.';
export const start = Date.parse('2026-11-22T10:00:00Z');
export const delays = { queuedMs: 1_000, processingMs: 1_000 };

/** A silent 8 kHz 8-bit mono WAV of `seconds`: audio the sandbox does not know, of a known length. */
export function silentWav(seconds: number): Uint8Array<ArrayBuffer> {
  const samples = Math.round(seconds * 8000);
  const bytes = new Uint8Array(44 + samples);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index++) bytes[offset + index] = text.charCodeAt(index);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 8000, true);
  view.setUint32(28, 8000, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  ascii(36, 'data');
  view.setUint32(40, samples, true);
  bytes.fill(128, 44);
  return bytes;
}

/**
A SoferAI client on a sandbox whose clock moves forward by `step` ms on every status poll, so a
transcription is seen RECEIVED, then PROCESSING, then finished without waiting out real delays.
`depositCents` funds a dedicated SoferAI emulator instead of the whole sandbox.
*/
export function harness(options: { step?: number; depositCents?: number; apiKey?: string } = {}) {
  const state = { now: start, requests: 0 };
  const step = options.step ?? 1_000;
  const now = () => state.now;
  let handle: (request: Request) => Promise<Response>;
  if (options.depositCents === undefined) {
    const sandbox = createSandbox({ now, jobDelays: delays });
    handle = (request) => sandbox.fetch(request);
  } else {
    const emulator = createSoferaiEmulator(
      { clock: createJobClock({ now, delays }) },
      createSoferaiState({ depositCents: options.depositCents }),
    );
    handle = (request) => emulator.fetch(request, new URL(request.url));
  }
  const client: SoferAIClient = createSoferAI({
    apiKey: options.apiKey ?? 'sandbox-key',
    retry: false,
    fetch: async (input, init) => {
      state.requests++;
      const request = new Request(input, init);
      if (request.method === 'GET' && /\/status$/.test(new URL(request.url).pathname)) state.now += step;
      return handle(request);
    },
  });
  return {
    soferai: client,
    advance: (ms: number) => {
      state.now += ms;
    },
    finish: () => {
      state.now += delays.queuedMs + delays.processingMs;
    },
    requests: () => state.requests,
  };
}
