import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createSandbox, type SandboxOptions } from '../../../worker/src/sandbox/index.js';

const FOX = 'The quick brown fox jumps over the lazy dog.';
const speech = readFileSync(new URL('../../fixtures/audio/speech.wav', import.meta.url));
const URL_ = 'https://api.mistral.ai/v1/audio/transcriptions';

function harness(options: SandboxOptions = {}) {
  const sandbox = createSandbox({ streamEventDelayMs: 0, ...options });
  const post = async (
    fields: Record<string, string | string[] | Blob>,
    headers: Record<string, string> = {},
  ) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      if (Array.isArray(value)) for (const item of value) form.append(name, item);
      else if (value instanceof Blob) form.append(name, value, 'speech.wav');
      else form.append(name, value);
    }
    const response = await sandbox.fetch(
      new Request(URL_, { method: 'POST', body: form, headers: { Authorization: 'Bearer k', ...headers } }),
    );
    return response;
  };
  const json = async (fields: Record<string, string | string[] | Blob>) => {
    const response = await post(fields);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { sandbox, post, json };
}

const wav = () => new Blob([new Uint8Array(speech)], { type: 'audio/wav' });

describe('Mistral POST /v1/audio/transcriptions', () => {
  test('a demo sample returns its words with usage; segments only when asked for', async () => {
    const { json } = harness();
    const plain = await json({ model: 'voxtral-mini-transcribe-3-0', file: wav() });
    expect(plain).toEqual({
      status: 200,
      body: {
        model: 'voxtral-mini-transcribe-3-0',
        text: FOX,
        language: null,
        segments: [],
        usage: {
          prompt_tokens: 50,
          completion_tokens: 12,
          total_tokens: 62,
          prompt_audio_seconds: 4,
          request_count: 1,
        },
      },
    });
    const timed = await json({
      model: 'voxtral-small-transcribe-3-0',
      file: wav(),
      timestamp_granularities: 'segment',
      diarize: 'true',
      return_language: 'true',
    });
    expect(timed.body).toMatchObject({
      language: 'en',
      segments: [
        { type: 'transcription_segment', text: FOX, start: 0.01, end: 3.05, speaker_id: 'speaker_1' },
      ],
    });
  });

  test('unknown audio gets a marked sandbox transcript over its probed length, split into sentences', async () => {
    const { json } = harness();
    const ogg = readFileSync(new URL('../../fixtures/audio/long.opus', import.meta.url));
    const durations = JSON.parse(
      readFileSync(new URL('../../fixtures/audio/durations.json', import.meta.url), 'utf8'),
    ) as Record<string, number>;
    const { body } = await json({
      model: 'voxtral-mini-transcribe-3-0',
      file: new Blob([new Uint8Array(ogg)]),
      timestamp_granularities: 'segment',
      diarize: 'true',
    });
    expect(String(body.text)).toContain('This is a sandbox transcript.');
    const segments = body.segments as { end: number; speaker_id: string }[];
    expect(segments.length).toBeGreaterThan(1);
    expect(segments.at(-1)?.end).toBeLessThanOrEqual(durations['long.opus'] ?? 0);
    expect(segments.at(-1)?.end).toBeGreaterThan((durations['long.opus'] ?? 0) - 1);
    expect(new Set(segments.map((segment) => segment.speaker_id))).toEqual(
      new Set(['speaker_1', 'speaker_2']),
    );
  });

  test('Voxtral 2: words for word granularity, the language only without timestamps', async () => {
    const { json } = harness();
    const words = await json({ model: 'voxtral-mini-2602', file: wav(), timestamp_granularities: 'word' });
    expect(words.body).toMatchObject({ language: null, segments: [] });
    expect((words.body.words as unknown[])[8]).toEqual({ word: 'dog.', start: 2.712, end: 3.05 });
    expect((await json({ model: 'voxtral-mini-latest', file: wav() })).body.language).toBe('en');
    expect((await json({ model: 'voxtral-mini-latest', file: wav(), language: 'fr' })).body.language).toBe(
      'fr',
    );
  });

  test('a file_url is identified by name, unreachable.invalid fails, bytes that are not audio fail', async () => {
    const { json } = harness();
    expect(
      (await json({ model: 'voxtral-mini-transcribe-3-0', file_url: 'https://x.example/a/speech.wav' })).body
        .text,
    ).toBe(FOX);
    expect(
      await json({ model: 'voxtral-mini-transcribe-3-0', file_url: 'https://unreachable.invalid/a.wav' }),
    ).toMatchObject({
      status: 400,
      body: { object: 'error', type: 'invalid_request_error', param: 'file_url' },
    });
    expect(
      await json({ model: 'voxtral-mini-transcribe-3-0', file: new Blob([new Uint8Array(512).fill(9)]) }),
    ).toMatchObject({
      status: 400,
      body: { param: 'file' },
    });
  });

  test('422 detail for malformed fields, 404 for an unknown model or file', async () => {
    const { json } = harness();
    expect(
      await json({
        file: wav(),
        diarize: 'maybe',
        temperature: 'warm',
        timestamp_granularities: ['segment', 'char'],
      }),
    ).toEqual({
      status: 422,
      body: {
        detail: [
          { loc: ['body', 'model'], msg: 'Field required', type: 'missing', input: null },
          {
            loc: ['body', 'temperature'],
            msg: 'Input should be a valid number, unable to parse string as a number',
            type: 'float_parsing',
            input: 'warm',
          },
          {
            loc: ['body', 'timestamp_granularities', 1],
            msg: "Input should be 'segment' or 'word'",
            type: 'enum',
            input: 'char',
            ctx: { expected: "'segment' or 'word'" },
          },
          {
            loc: ['body', 'diarize'],
            msg: 'Input should be a valid boolean, unable to interpret input',
            type: 'bool_parsing',
            input: 'maybe',
          },
        ],
      },
    });
    expect(await json({ model: 'whisper-1', file: wav() })).toMatchObject({
      status: 404,
      body: { object: 'error', type: 'invalid_request_error', param: 'model', code: 'unknown_model' },
    });
    expect((await json({ model: 'voxtral-mini-transcribe-3-0', file_id: 'nope' })).status).toBe(404);
  });

  test('400 for the combinations each family refuses', async () => {
    const { json } = harness();
    const refused: [Record<string, string | string[] | Blob>, string | null][] = [
      [{ model: 'voxtral-mini-transcribe-3-0' }, null],
      [{ model: 'voxtral-mini-transcribe-3-0', file: wav(), file_url: 'https://x.example/a.wav' }, null],
      [{ model: 'voxtral-mini-transcribe-3-0', file: wav(), turn_detection: '{}' }, 'turn_detection'],
      [
        { model: 'voxtral-mini-transcribe-3-0', file: wav(), language: 'en', return_language: 'true' },
        'return_language',
      ],
      [
        { model: 'voxtral-mini-transcribe-3-0', file: wav(), timestamp_granularities: 'word' },
        'timestamp_granularities',
      ],
      [{ model: 'voxtral-mini-transcribe-3', file: wav(), diarize: 'true' }, 'diarize'],
      [
        { model: 'voxtral-mini-2602', file: wav(), language: 'en', timestamp_granularities: 'segment' },
        'language',
      ],
      [
        { model: 'voxtral-mini-2602', file: wav(), context_bias: ['Chicago', 'farewell address'] },
        'context_bias',
      ],
      [
        {
          model: 'voxtral-mini-2602',
          file: wav(),
          context_bias: Array.from({ length: 101 }, (_, index) => `t${index}`),
        },
        'context_bias',
      ],
    ];
    for (const [fields, param] of refused) {
      const { status, body } = await json(fields);
      expect(status, JSON.stringify(fields)).toBe(400);
      expect(body).toMatchObject({ object: 'error', type: 'invalid_request_error', param });
    }
    const allowed = await json({
      model: 'voxtral-mini-transcribe-3-0',
      file: wav(),
      language: 'en',
      timestamp_granularities: 'segment',
      context_bias: 'farewell address, Chicago',
    });
    expect(allowed.status).toBe(200);
  });
});

describe('Mistral streamed transcription', () => {
  test('sends SSE events named on event: lines and repeated in data.type, ending with done', async () => {
    const { post } = harness();
    const response = await post({
      model: 'voxtral-mini-2602',
      file: wav(),
      stream: 'true',
      timestamp_granularities: 'segment',
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const text = await response.text();
    const blocks = text.trim().split('\n\n');
    expect(blocks[0]).toBe(
      'event: transcription.text.delta\ndata: {"text":"The","type":"transcription.text.delta"}',
    );
    expect(blocks[1]).toBe(
      'event: transcription.text.delta\ndata: {"text":" quick","type":"transcription.text.delta"}',
    );
    expect(blocks.at(-2)).toBe(
      `event: transcription.segment\ndata: {"text":"${FOX}","start":0.01,"end":3.05,"type":"transcription.segment"}`,
    );
    const done = JSON.parse(blocks.at(-1)?.split('\ndata: ')[1] ?? '{}') as Record<string, unknown>;
    expect(done).toMatchObject({
      type: 'transcription.done',
      text: FOX,
      language: null,
      model: 'voxtral-mini-2602',
    });
    expect(blocks).toHaveLength(11);
  });

  test('paces events by the configured delay and stops when the reader cancels', async () => {
    const { post } = harness({ streamEventDelayMs: 30 });
    const response = await post({
      model: 'voxtral-mini-transcribe-3-0',
      file: wav(),
      stream: 'true',
      return_language: 'true',
    });
    const reader = response.body?.getReader();
    const arrivals: number[] = [];
    const started = Date.now();
    for (let index = 0; index < 4; index++) {
      await reader?.read();
      arrivals.push(Date.now() - started);
    }
    await reader?.cancel();
    expect(arrivals[0]).toBeLessThan(25);
    expect((arrivals[3] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(80);
  });
});
