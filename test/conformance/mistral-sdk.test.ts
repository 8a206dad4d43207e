import { readFileSync } from 'node:fs';
import { Mistral } from '@mistralai/mistralai';
import { MistralError } from '@mistralai/mistralai/models/errors/mistralerror.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createMistral,
  type MistralClient,
  type MistralTranscriptionStreamEvent,
} from '../../src/core/providers/mistral/index.js';
import { createSandbox } from '../../worker/src/sandbox/index.js';
import { serveSandbox, type SandboxServer } from '../../worker/src/sandbox/node/serve-sandbox.js';

/*
The official @mistralai/mistralai 2.7.0, unchanged, against the sandbox served on 127.0.0.1, next
to scribekit's own client on the same server. If the SDK trips over a field, a content type or a
status code, the sandbox is unfaithful and is what gets fixed.
*/

const API_KEY = 'conformance-key';
const FOX = 'The quick brown fox jumps over the lazy dog.';
const speech = readFileSync(new URL('../fixtures/audio/speech.wav', import.meta.url));

let server: SandboxServer;
let sdk: Mistral;
let ours: MistralClient;

beforeAll(async () => {
  server = await serveSandbox({
    defaultHost: 'api.mistral.ai',
    sandbox: createSandbox({ streamEventDelayMs: 5 }),
  });
  sdk = new Mistral({ apiKey: API_KEY, serverURL: server.origin });
  ours = createMistral({ apiKey: API_KEY, baseUrl: server.origin });
});

afterAll(async () => {
  await server.close();
});

const file = () => ({ fileName: 'speech.wav', content: new Uint8Array(speech) });

describe('@mistralai/mistralai 2.7.0 against the sandbox', () => {
  test('complete: diarized segments, the same data our client sees', async () => {
    const result = await sdk.audio.transcriptions.complete({
      model: 'voxtral-mini-transcribe-3-0',
      file: file(),
      diarize: true,
      timestampGranularities: ['segment'],
      contextBias: ['lazy dog'],
    });
    expect(result.text).toBe(FOX);
    expect(result.language).toBeNull();
    expect(result.segments).toEqual([
      { type: 'transcription_segment', text: FOX, start: 0.01, end: 3.05, speakerId: 'speaker_1' },
    ]);
    expect(result.usage).toMatchObject({ promptAudioSeconds: 4, totalTokens: expect.any(Number) });

    const mine = await ours.audio.transcriptions.complete({
      model: 'voxtral-mini-transcribe-3-0',
      file: new File([speech], 'speech.wav'),
      diarize: true,
      timestampGranularities: ['segment'],
      contextBias: ['lazy dog'],
    });
    expect(mine.text).toBe(result.text);
    expect(mine.segments.map(({ text, start, end, speakerId }) => ({ text, start, end, speakerId }))).toEqual(
      result.segments?.map(({ text, start, end, speakerId }) => ({ text, start, end, speakerId })),
    );
    expect(mine.usage?.promptAudioSeconds).toBe(result.usage.promptAudioSeconds);
    expect(mine.usage?.totalTokens).toBe(result.usage.totalTokens);
  });

  test('complete: Voxtral 2 reports the language without timestamps', async () => {
    const result = await sdk.audio.transcriptions.complete({ model: 'voxtral-mini-2602', file: file() });
    expect(result).toMatchObject({ text: FOX, language: 'en', model: 'voxtral-mini-2602' });
  });

  test('stream: the same events, in the same order, as our client', async () => {
    const request = {
      model: 'voxtral-mini-latest',
      timestampGranularities: ['segment' as const],
      diarize: true,
    };
    const fromSdk: { event: string; data: Record<string, unknown> }[] = [];
    for await (const event of await sdk.audio.transcriptions.stream({ ...request, file: file() })) {
      fromSdk.push(event as { event: string; data: Record<string, unknown> });
    }
    const fromOurs: MistralTranscriptionStreamEvent[] = [];
    for await (const event of await ours.audio.transcriptions.stream({
      ...request,
      file: new File([speech], 'speech.wav'),
    })) {
      fromOurs.push(event);
    }
    expect(fromSdk.map((event) => event.event)).toEqual(fromOurs.map((event) => event.type));
    expect(fromSdk.every((event) => event.data.type === event.event)).toBe(true);
    const deltas = fromSdk
      .filter((event) => event.event === 'transcription.text.delta')
      .map((event) => event.data.text);
    expect(deltas.join('')).toBe(FOX);
    const done = fromSdk.at(-1)?.data;
    const ourDone = fromOurs.at(-1);
    expect(done).toMatchObject({ type: 'transcription.done', text: FOX, language: null });
    expect(ourDone?.type === 'transcription.done' && ourDone.transcription.text).toBe(done?.text);
    const segment = fromSdk.find((event) => event.event === 'transcription.segment')?.data;
    expect(segment).toMatchObject({ text: FOX, start: 0.01, end: 3.05, speakerId: 'speaker_1' });
  });

  test('files: upload for audio, signed URL, transcription by id and URL, delete', async () => {
    // The SDK's purpose enum predates `audio`; it is open at runtime and sends the string as is.
    const purpose = 'audio' as never;
    const uploaded = await sdk.files.upload({
      file: { fileName: 'speech.wav', content: new Uint8Array(speech) },
      purpose,
    });
    expect(uploaded).toMatchObject({
      filename: 'speech.wav',
      sizeBytes: speech.byteLength,
      purpose: 'audio',
      source: 'upload',
    });
    const byId = await sdk.audio.transcriptions.complete({
      model: 'voxtral-mini-transcribe-3-0',
      fileId: uploaded.id,
    });
    expect(byId.text).toBe(FOX);
    const { url } = await sdk.files.getSignedUrl({ fileId: uploaded.id, expiry: 1 });
    expect(
      (await ours.audio.transcriptions.complete({ model: 'voxtral-mini-transcribe-3-0', fileUrl: url })).text,
    ).toBe(FOX);
    expect(await sdk.files.delete({ fileId: uploaded.id })).toMatchObject({ id: uploaded.id, deleted: true });
  });

  test('errors: the SDK sees the same statuses and bodies', async () => {
    const refused = await sdk.audio.transcriptions
      .complete({ model: 'voxtral-mini-transcribe-3-0', file: file(), timestampGranularities: ['word'] })
      .catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(MistralError);
    expect((refused as MistralError).statusCode).toBe(400);
    expect(JSON.parse((refused as MistralError).body)).toMatchObject({
      object: 'error',
      type: 'invalid_request_error',
    });

    const unknown = await sdk.audio.transcriptions
      .complete({ model: 'whisper-1', file: file() })
      .catch((caught: unknown) => caught);
    expect((unknown as MistralError).statusCode).toBe(404);
    const unauthorized = await new Mistral({
      apiKey: 'invalid',
      serverURL: server.origin,
    }).audio.transcriptions
      .complete({ model: 'voxtral-mini-transcribe-3-0', file: file() })
      .catch((caught: unknown) => caught);
    expect((unauthorized as MistralError).statusCode).toBe(401);
  });
});
