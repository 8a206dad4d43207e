import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ApiCallError,
  transcribe,
  type ScribeRequestInit,
  type TranscribeProgress,
} from '../../../../src/core/index.js';
import {
  createMistral,
  type MistralOptions,
  type MistralTranscriptionStreamEvent,
} from '../../../../src/core/providers/mistral/index.js';
import { createSandbox, type SandboxOptions } from '../../../../worker/src/sandbox/index.js';

const speech = readFileSync('test/fixtures/audio/speech.wav');
const speechFile = () => new File([speech], 'speech.wav', { type: 'audio/wav' });
const FOX = 'The quick brown fox jumps over the lazy dog.';
const V3 = 'voxtral-mini-transcribe-3-0';

/** A Mistral client on a fresh sandbox, recording a copy of each request it sends. */
function setup(sandboxOptions: SandboxOptions = {}, clientOptions: MistralOptions = {}) {
  const sandbox = createSandbox({ streamEventDelayMs: 0, ...sandboxOptions });
  const sent: Request[] = [];
  const mistral = createMistral({
    apiKey: 'sandbox-key',
    fetch: async (input, init) => {
      const request = new Request(input, init);
      sent.push(request.clone());
      return sandbox.fetch(request);
    },
    ...clientOptions,
  });
  return { sandbox, sent, mistral };
}

async function collect(events: AsyncIterable<MistralTranscriptionStreamEvent>) {
  const all: MistralTranscriptionStreamEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

describe('audio.transcriptions.complete', () => {
  it('transcribes a file with diarized segments and sends the form the way the SDK does', async () => {
    const { mistral, sent } = setup();
    const result = await mistral.audio.transcriptions.complete({
      model: V3,
      file: speechFile(),
      diarize: true,
      contextBias: ['quick brown fox', 'lazy dog'],
      timestampGranularities: ['segment'],
      temperature: 0,
    });
    expect(result.text).toBe(FOX);
    expect(result.language).toBeUndefined();
    expect(result.segments).toEqual([
      { text: FOX, start: 0.01, end: 3.05, score: undefined, speakerId: 'speaker_1' },
    ]);
    expect(result.usage?.promptAudioSeconds).toBe(4);

    const request = sent[0];
    expect(request?.url).toBe('https://api.mistral.ai/v1/audio/transcriptions');
    expect(request?.headers.get('authorization')).toBe('Bearer sandbox-key');
    expect(request?.headers.get('accept')).toBe('application/json');
    const form = await request?.formData();
    expect((form?.get('file') as File).name).toBe('speech.wav');
    expect(form?.get('stream')).toBe('false');
    expect(form?.get('diarize')).toBe('true');
    expect(form?.get('temperature')).toBe('0');
    expect(form?.getAll('context_bias')).toEqual(['quick brown fox', 'lazy dog']);
    expect(form?.getAll('timestamp_granularities')).toEqual(['segment']);
  });

  it('reports the detected language with returnLanguage on Voxtral 3', async () => {
    const { mistral, sent } = setup();
    const result = await mistral.audio.transcriptions.complete({
      model: V3,
      file: speechFile(),
      returnLanguage: true,
    });
    expect(result.language).toBe('en');
    expect(result.segments).toEqual([]);
    expect((await sent[0]?.formData())?.get('return_language')).toBe('true');
  });

  it('returns words for word timestamps on Voxtral 2', async () => {
    const { mistral } = setup();
    const result = await mistral.audio.transcriptions.complete({
      model: 'voxtral-mini-2602',
      file: new Uint8Array(speech),
      filename: 'fox.wav',
      timestampGranularities: ['segment', 'word'],
    });
    expect(result.words.map((word) => word.text).join(' ')).toBe(FOX);
    expect(result.words[0]).toEqual({
      text: 'The',
      start: 0.01,
      end: 0.318,
      confidence: undefined,
      speakerId: undefined,
    });
  });

  it('transcribes from a URL: a demo sample by name, other audio as a marked sandbox transcript', async () => {
    const { mistral } = setup();
    const sample = await mistral.audio.transcriptions.complete({
      model: V3,
      fileUrl: 'https://cdn.example.com/speech.wav',
    });
    expect(sample.text).toBe(FOX);
    const other = await mistral.audio.transcriptions.complete({
      model: V3,
      fileUrl: 'https://cdn.example.com/talk.mp3',
    });
    expect(other.text.toLowerCase()).toContain('sandbox transcript');
    const error = await mistral.audio.transcriptions
      .complete({ model: V3, fileUrl: 'https://unreachable.invalid/a.mp3' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, code: 'invalid_request_error' });
  });

  it('reports upload progress through a progress-capable fetch', async () => {
    const sandbox = createSandbox({ streamEventDelayMs: 0 });
    const mistral = createMistral({
      apiKey: 'k',
      fetch: async (input, init) => {
        const report = (init as ScribeRequestInit | undefined)?.scribeUploadProgress;
        report?.({ loadedBytes: 1024, totalBytes: speech.byteLength });
        report?.({ loadedBytes: speech.byteLength, totalBytes: speech.byteLength });
        return sandbox.fetch(new Request(input, init));
      },
    });
    const progress: number[] = [];
    await mistral.audio.transcriptions.complete({
      model: V3,
      file: speechFile(),
      onUploadProgress: (update) => progress.push(update.loadedBytes),
    });
    expect(progress).toEqual([1024, speech.byteLength]);
  });

  it('uses the regional host', async () => {
    const { mistral, sent } = setup({}, { region: 'eu' });
    await mistral.audio.transcriptions.complete({ model: V3, file: speechFile() });
    expect(new URL(sent[0]?.url ?? '').host).toBe('api.eu.mistral.ai');
    expect(mistral.baseUrl).toBe('https://api.eu.mistral.ai');
  });

  it('maps a rejected key to ApiCallError 401 without repeating the key', async () => {
    const { mistral } = setup({}, { apiKey: 'invalid' });
    const error = await mistral.audio.transcriptions
      .complete({ model: V3, file: speechFile() })
      .catch((caught: unknown) => caught);
    expect(ApiCallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, code: 'authentication_error' });
    expect((error as Error).message).not.toContain('invalid');
  });

  it('reads a 422 detail body into the error', async () => {
    const { mistral } = setup();
    const form = new FormData();
    form.append('file', speechFile());
    form.append('timestamp_granularities', 'char');
    const error = await mistral
      .request({ method: 'POST', path: 'v1/audio/transcriptions', body: form })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      status: 422,
      code: 'validation_error',
      providerMessage:
        "body.model: Field required; body.timestamp_granularities.0: Input should be 'segment' or 'word'",
    });
  });
});

describe('audio.transcriptions.stream', () => {
  it('streams the language, word deltas, segments and done, matching complete', async () => {
    const { mistral, sent } = setup();
    const request = {
      model: 'voxtral-mini-latest',
      file: speechFile(),
      timestampGranularities: ['segment' as const],
      diarize: true,
    };
    const events = await collect(await mistral.audio.transcriptions.stream(request));
    expect(events.map((event) => event.type)).toEqual([
      ...Array<string>(9).fill('transcription.text.delta'),
      'transcription.segment',
      'transcription.done',
    ]);
    const deltas = events.flatMap((event) => (event.type === 'transcription.text.delta' ? [event.text] : []));
    expect(deltas.join('')).toBe(FOX);
    expect(events[9]).toEqual({
      type: 'transcription.segment',
      text: FOX,
      start: 0.01,
      end: 3.05,
      speakerId: 'speaker_1',
    });
    const done = events.at(-1);
    const whole = await mistral.audio.transcriptions.complete({ ...request, file: speechFile() });
    expect(done).toEqual({ type: 'transcription.done', transcription: whole });
    expect(sent[0]?.headers.get('accept')).toBe('text/event-stream');
    expect((await sent[0]?.formData())?.get('stream')).toBe('true');
  });

  it('starts with the language event when the language is known', async () => {
    const { mistral } = setup();
    const events = await collect(
      await mistral.audio.transcriptions.stream({ model: V3, file: speechFile(), returnLanguage: true }),
    );
    expect(events[0]).toEqual({ type: 'transcription.language', audioLanguage: 'en' });
  });

  it('rejects before iterating when Mistral refuses the request', async () => {
    const { mistral } = setup();
    const error = await mistral.audio.transcriptions
      .stream({ model: 'nope', file: speechFile() })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 404, code: 'unknown_model' });
  });

  it('ends with the abort reason when aborted mid-stream, paced like a real stream', async () => {
    const { mistral } = setup({ streamEventDelayMs: 50 });
    const controller = new AbortController();
    const stream = await mistral.audio.transcriptions.stream({
      model: V3,
      file: speechFile(),
      signal: controller.signal,
    });
    const seen: string[] = [];
    const started = Date.now();
    const error = await (async () => {
      for await (const event of stream) {
        seen.push(event.type);
        if (seen.length === 2) controller.abort();
      }
    })().catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('AbortError');
    expect(seen).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
  });
});

describe('files', () => {
  it('uploads audio, transcribes it by id and by signed URL, then deletes it', async () => {
    const { mistral, sent } = setup();
    const file = await mistral.files.upload(speechFile());
    expect(file).toMatchObject({
      filename: 'speech.wav',
      bytes: speech.byteLength,
      purpose: 'audio',
      source: 'upload',
    });
    expect((await sent[0]?.formData())?.get('purpose')).toBe('audio');
    expect((await mistral.audio.transcriptions.complete({ model: V3, fileId: file.id })).text).toBe(FOX);

    const { url } = await mistral.files.getSignedUrl(file.id, { expiryHours: 2 });
    expect(new URL(sent.at(-1)?.url ?? '').searchParams.get('expiry')).toBe('2');
    expect((await mistral.audio.transcriptions.complete({ model: V3, fileUrl: url })).text).toBe(FOX);

    expect(await mistral.files.delete(file.id)).toEqual({ id: file.id, deleted: true });
    const gone = await mistral.audio.transcriptions
      .complete({ model: V3, fileId: file.id })
      .catch((caught: unknown) => caught);
    expect((gone as ApiCallError).status).toBe(404);
    const again = await mistral.files.delete(file.id).catch((caught: unknown) => caught);
    expect((again as ApiCallError).status).toBe(404);
  });
});

describe('transcribe() with Mistral', () => {
  it('returns the normalized transcript with speakers, reporting upload progress', async () => {
    const { mistral, sent } = setup();
    const progress: TranscribeProgress['stage'][] = [];
    const transcript = await transcribe({
      provider: mistral,
      audio: speechFile(),
      language: 'en',
      diarize: true,
      contextTerms: ['lazy dog'],
      onProgress: (update) => progress.push(update.stage),
    });
    expect(progress.slice(-2)).toEqual(['processing', 'completed']);
    expect(transcript).toMatchObject({
      provider: 'mistral',
      text: FOX,
      language: 'en',
      speakers: ['speaker_1'],
      warnings: [],
    });
    expect(transcript.segments).toHaveLength(1);
    expect(transcript.words).toEqual([]);
    const form = await sent[0]?.formData();
    expect(form?.get('model')).toBe(V3);
    expect(form?.getAll('context_bias')).toEqual(['lazy dog']);
    expect(form?.getAll('timestamp_granularities')).toEqual(['segment']);
  });

  it('fits a Voxtral 2 call to its rules: words, no language with timestamps, underscored terms', async () => {
    const { mistral, sent } = setup();
    const transcript = await transcribe({
      provider: mistral,
      audio: speechFile(),
      language: 'en',
      speakerCount: 2,
      diarize: true,
      contextTerms: ['lazy dog'],
      providerOptions: { mistral: { model: 'voxtral-mini-2602' } },
    });
    expect(transcript.words).toHaveLength(9);
    expect(transcript.segments[0]?.words).toHaveLength(9);
    expect(transcript.warnings.map((warning) => warning.feature)).toEqual(['speakerCount', 'language']);
    const form = await sent[0]?.formData();
    expect(form?.get('language')).toBeNull();
    expect(form?.getAll('context_bias')).toEqual(['lazy_dog']);
  });

  it('describes its capabilities from the configured model', () => {
    expect(createMistral({ apiKey: 'k' }).transcriptionProvider.capabilities).toMatchObject({
      wordTimestamps: false,
      speakerCount: false,
      contextTerms: true,
      diarization: true,
      cancellation: false,
    });
    expect(
      createMistral({ apiKey: 'k', transcriptionModel: 'voxtral-mini-2602' }).transcriptionProvider
        .capabilities.wordTimestamps,
    ).toBe(true);
  });

  it('transcribes a URL without uploading', async () => {
    const { mistral, sent } = setup();
    const transcript = await transcribe({ provider: mistral, audio: 'https://cdn.example.com/speech.wav' });
    expect(transcript.text).toBe(FOX);
    expect((await sent[0]?.formData())?.get('file_url')).toBe('https://cdn.example.com/speech.wav');
  });
});
