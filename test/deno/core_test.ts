/// <reference lib="deno.ns" />
// The built package (dist/), loaded in Deno the way a Deno user would load it: a whole Soniox
// transcription against the sandbox, the formats, the probe and the error guards.
import { assert, assertEquals } from './assert.ts';
import {
  ApiCallError,
  InvalidArgumentError,
  ScribeError,
  probeDuration,
  toSrt,
  transcribe,
} from '../../dist/core.js';
import { createSoniox } from '../../dist/soniox.js';
import { createSandbox } from '../../dist/worker.js';

const speech = await Deno.readFile(new URL('../fixtures/audio/speech.wav', import.meta.url));

function sandboxClient() {
  const sandbox = createSandbox({ jobDelays: { queuedMs: 0, processingMs: 0 } });
  return createSoniox({
    apiKey: 'sandbox',
    fetch: (input: RequestInfo | URL, init?: RequestInit) => sandbox.fetch(new Request(input, init)),
  });
}

Deno.test('transcribes a WAV with Soniox against the sandbox and exports SRT', async () => {
  const stages: string[] = [];
  const transcript = await transcribe({
    provider: sandboxClient(),
    audio: new File([speech], 'speech.wav', { type: 'audio/wav' }),
    onProgress: (progress: { stage: string }) => stages.push(progress.stage),
  });
  assertEquals(transcript.text, 'The quick brown fox jumps over the lazy dog.');
  assertEquals(stages.at(-1), 'completed');
  assert(toSrt(transcript).startsWith('1\n00:00:00,010 --> '));
});

Deno.test('probes the WAV duration from its header', async () => {
  const probe = await probeDuration(new Blob([speech]));
  assertEquals(probe.container?.format, 'wav');
  assert(Math.abs(probe.durationInSeconds - 3.4385) < 0.001);
});

Deno.test('rejects bad input before any request, with a typed error', async () => {
  const error = await transcribe({
    provider: sandboxClient(),
    audio: new Blob([speech]),
    speakerCount: 3,
  }).catch((caught: unknown) => caught);
  assert(InvalidArgumentError.isInstance(error));
  assertEquals(error.argument, 'speakerCount');
});

Deno.test('maps an HTTP error to ApiCallError', async () => {
  const error = await createSoniox({
    apiKey: 'invalid',
    fetch: (input: RequestInfo | URL, init?: RequestInit) => createSandbox().fetch(new Request(input, init)),
  })
    .models.list()
    .catch((caught: unknown) => caught);
  assert(ScribeError.isInstance(error) && ApiCallError.isInstance(error));
  assertEquals(error.status, 401);
});
