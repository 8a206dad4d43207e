import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createSandbox } from '../../../worker/src/sandbox/index.js';

const auth = { Authorization: 'Bearer test-key' };
const START = Date.parse('2026-03-01T12:00:00.000Z');
const DELAYS = { queuedMs: 1000, processingMs: 2000 };
const speech = readFileSync(new URL('../../fixtures/audio/speech.wav', import.meta.url));
const FOX = 'The quick brown fox jumps over the lazy dog.';

interface Info {
  id: string;
  status: string;
  duration: number | null;
  num_speakers: number | null;
  hebrew_word_format: string[];
  [field: string]: unknown;
}

interface Transcription {
  text: string;
  timestamps:
    | {
        word: string;
        start: number;
        end: number;
        hebrew_word_format: string[] | null;
        speaker: string | null;
      }[]
    | null;
  info: Info;
}

function harness() {
  let now = START;
  const sandbox = createSandbox({ now: () => now, jobDelays: DELAYS });
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = auth,
  ) => {
    const init: RequestInit = { method, headers: { ...headers, 'content-type': 'application/json' } };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await sandbox.fetch(new Request(`https://api.sofer.ai${path}`, init));
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as unknown };
  };
  const create = async (payload: Record<string, unknown>) => {
    const { status, body } = await call('POST', '/v1/transcriptions/', { info: {}, ...payload });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(typeof body).toBe('string');
    return body as string;
  };
  return {
    call,
    create,
    status: async (id: string) => (await call('GET', `/v1/transcriptions/${id}/status`)).body as Info,
    get: async (id: string, query = '') =>
      (await call('GET', `/v1/transcriptions/${id}${query}`)).body as Transcription,
    advance: (ms: number) => {
      now += ms;
    },
    finish: () => {
      now += DELAYS.queuedMs + DELAYS.processingMs;
    },
  };
}

describe('SoferAI sandbox: POST /v1/transcriptions/', () => {
  test('answers a bare JSON string id and moves RECEIVED → PROCESSING → COMPLETED on the job clock', async () => {
    const { create, status, advance, get } = harness();
    const id = await create({
      audio_url: 'https://media.example.com/speech.wav',
      info: { title: 'Fox', model: 'v0' },
    });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await status(id)).toEqual({
      id,
      title: 'Fox',
      created_at: '2026-03-01T12:00:00.000Z',
      primary_language: 'en',
      hebrew_word_format: ['en', 'he'],
      num_speakers: 1,
      status: 'RECEIVED',
      duration: null,
      model: 'v0',
      client_item_id: null,
    });
    expect(await get(id)).toMatchObject({ text: '', timestamps: null });
    advance(1000);
    expect(await status(id)).toMatchObject({ status: 'PROCESSING', duration: 3.439 });
    advance(2000);
    const done = await get(id);
    expect(done.info.status).toBe('COMPLETED');
    expect(done.text).toBe(FOX);
    expect(done.timestamps?.[0]).toEqual({
      word: 'The',
      start: 0.01,
      end: 0.318,
      hebrew_word_format: null,
      speaker: null,
    });
  });

  test('takes base64 audio_file, recognising the demo sample by hash', async () => {
    const { create, get, finish } = harness();
    const id = await create({ audio_file: speech.toString('base64') });
    finish();
    expect((await get(id)).text).toBe(FOX);
  });

  test('keeps a caller-chosen id and refuses it twice with 409', async () => {
    const { call, create } = harness();
    const id = '3f2b8c1e-7a44-4d0b-9c2e-5b1f0a9d6e21';
    expect(await create({ audio_url: 'https://m.example.com/a.mp3', info: { id: id.toUpperCase() } })).toBe(
      id,
    );
    const again = await call('POST', '/v1/transcriptions/', {
      audio_url: 'https://m.example.com/a.mp3',
      info: { id },
    });
    expect(again).toEqual({ status: 409, body: { detail: 'A transcription with this id already exists' } });
  });

  test('fails undecodable audio and unreachable URLs at the end of processing', async () => {
    const { create, status, finish, get } = harness();
    const garbage = await create({ audio_file: Buffer.alloc(4096, 7).toString('base64') });
    const unreachable = await create({ audio_url: 'https://unreachable.invalid/a.mp3' });
    expect((await status(garbage)).status).toBe('RECEIVED');
    finish();
    for (const id of [garbage, unreachable]) {
      expect(await status(id)).toMatchObject({ status: 'FAILED', duration: null });
      expect(await get(id)).toMatchObject({ text: '', timestamps: null });
    }
  });

  test('gives unknown audio a marked placeholder transcript over its real duration', async () => {
    const { create, get, finish } = harness();
    const id = await create({
      audio_url: 'https://media.example.com/lecture.mp3',
      info: { num_speakers: 2 },
    });
    finish();
    const transcription = await get(id);
    expect(transcription.text.startsWith('This is a sandbox transcript of a <i>shiur</i> שיעור.')).toBe(true);
    expect(transcription.info).toMatchObject({ duration: 10, num_speakers: 2 });
    const last = transcription.timestamps?.at(-1);
    expect(last?.end).toBeLessThanOrEqual(10);
    expect(last?.word).toMatch(/\.$/);
    expect(new Set(transcription.timestamps?.map((timestamp) => timestamp.speaker))).toEqual(
      new Set(['1', '2']),
    );
  });

  test('renders Hebrew words per hebrew_word_format, and the filter re-renders them', async () => {
    const { create, get, finish } = harness();
    const url = 'https://media.example.com/lecture.mp3';
    const hebrew = await create({ audio_url: url, info: { hebrew_word_format: ['he'] } });
    const latin = await create({ audio_url: url, info: { hebrew_word_format: ['en'] } });
    const hybrid = await create({ audio_url: url, info: { hebrew_word_format: ['hybrid'] } });
    const both = await create({ audio_url: url });
    finish();
    expect((await get(hebrew)).text).toContain('of a שיעור. The');
    expect((await get(latin)).text).toContain('of a shiur. The');
    const hybridWords = (await get(hybrid)).timestamps?.filter(
      (timestamp) => timestamp.hebrew_word_format !== null,
    );
    expect(hybridWords?.[0]).toMatchObject({ word: 'shiur שיעור.', hebrew_word_format: ['en', 'he'] });
    expect((await get(both, '?filter_hebrew_word_format=he')).text).toContain('of a שיעור. The');
    expect(
      (await get(both, '?filter_hebrew_word_format=en')).timestamps?.some((t) => /[א-ת]/.test(t.word)),
    ).toBe(false);
  });

  test('speaks Hebrew and Yiddish placeholders in Hebrew letters', async () => {
    const { create, get, finish } = harness();
    const url = 'https://media.example.com/lecture.mp3';
    const hebrew = await create({ audio_url: url, info: { primary_language: 'he' } });
    const yiddish = await create({ audio_url: url, info: { primary_language: 'yi' } });
    finish();
    const he = await get(hebrew);
    expect(he.info.hebrew_word_format).toEqual(['he']);
    expect(he.text.startsWith('זהו תמלול של ארגז החול.')).toBe(true);
    expect((await get(yiddish)).text).toMatch(/^דאָס איז אַ סאַנדבאָקס/);
  });

  test('detects two speakers when asked, num_speakers null until processing starts', async () => {
    const { create, status, advance } = harness();
    const id = await create({
      audio_url: 'https://m.example.com/a.mp3',
      info: { auto_detect_speakers: true },
    });
    expect((await status(id)).num_speakers).toBeNull();
    advance(1000);
    expect((await status(id)).num_speakers).toBe(2);
  });

  test('lists transcriptions oldest first with their statuses', async () => {
    const { call, create, finish } = harness();
    const first = await create({ audio_url: 'https://m.example.com/a.mp3', info: { title: 'A' } });
    finish();
    const second = await create({ audio_url: 'https://m.example.com/b.mp3' });
    expect((await call('GET', '/v1/transcriptions/')).body).toEqual([
      { id: first, title: 'A', status: 'COMPLETED' },
      { id: second, title: 'Untitled', status: 'RECEIVED' },
    ]);
  });
});

describe('SoferAI sandbox: request errors', () => {
  test('422 with pydantic issues for a missing info and wrong field types', async () => {
    const { call } = harness();
    expect(await call('POST', '/v1/transcriptions/', { audio_url: 'https://m.example.com/a.mp3' })).toEqual({
      status: 422,
      body: { detail: [{ type: 'missing', loc: ['body', 'info'], msg: 'Field required', input: null }] },
    });
    const { status, body } = await call('POST', '/v1/transcriptions/', {
      audio_url: 5,
      info: { num_speakers: 0, primary_language: 'de', hebrew_word_format: ['xx'], id: 'nope' },
    });
    expect(status).toBe(422);
    expect(
      (body as { detail: { type: string; loc: unknown[] }[] }).detail.map((issue) => [
        issue.type,
        issue.loc.join('.'),
      ]),
    ).toEqual([
      ['uuid_parsing', 'body.info.id'],
      ['enum', 'body.info.primary_language'],
      ['enum', 'body.info.hebrew_word_format.0'],
      ['greater_than_equal', 'body.info.num_speakers'],
      ['string_type', 'body.audio_url'],
    ]);
    expect((await call('POST', '/v1/transcriptions/', '{not json')).status).toBe(422);
  });

  test('400 for both or neither audio, both speaker settings, and bad base64', async () => {
    const { call } = harness();
    const post = (body: Record<string, unknown>) =>
      call('POST', '/v1/transcriptions/', { info: {}, ...body });
    expect(await post({})).toEqual({
      status: 400,
      body: { detail: 'Either audio_url or audio_file must be provided, but not both.' },
    });
    expect((await post({ audio_url: 'https://m.example.com/a.mp3', audio_file: 'AAAA' })).status).toBe(400);
    expect(
      (
        await post({
          audio_url: 'https://m.example.com/a.mp3',
          info: { num_speakers: 2, auto_detect_speakers: true },
        })
      ).body,
    ).toEqual({ detail: 'num_speakers and auto_detect_speakers are mutually exclusive' });
    expect((await post({ audio_file: 'data:audio/wav;base64,AAAA' })).status).toBe(400);
    expect((await post({ audio_file: 'not base64' })).body).toEqual({
      detail: 'audio_file is not valid base64.',
    });
  });

  test('404 for an unknown transcription, 422 for a malformed id or filter, trailing slashes significant', async () => {
    const { call, create } = harness();
    expect(await call('GET', '/v1/transcriptions/7d1c1a6e-0000-4000-8000-000000000000/status')).toEqual({
      status: 404,
      body: { detail: 'Transcription not found' },
    });
    expect((await call('GET', '/v1/transcriptions/not-a-uuid')).status).toBe(422);
    const id = await create({ audio_url: 'https://m.example.com/a.mp3' });
    expect((await call('GET', `/v1/transcriptions/${id}?filter_hebrew_word_format=xx`)).status).toBe(422);
    expect(
      (await call('POST', '/v1/transcriptions', { info: {}, audio_url: 'https://m.example.com/a.mp3' }))
        .status,
    ).toBe(404);
    expect((await call('GET', '/v1/transcriptions/', undefined, {})).status).toBe(401);
  });
});
