import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { probeDuration } from '../../../src/core/audio/index.js';
import { createSandbox, type Sandbox } from '../../../worker/src/sandbox/index.js';

const auth = { Authorization: 'Bearer test-key' };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/audio/${name}`, import.meta.url));
const FOX = 'The quick brown fox jumps over the lazy dog.';
const START = Date.parse('2026-03-01T12:00:00.000Z');
const DELAYS = { queuedMs: 1000, processingMs: 2000 };

interface Token {
  text: string;
  start_ms?: number;
  end_ms?: number;
  confidence: number;
  speaker?: string;
  language?: string;
  source_language?: string;
  translation_status?: string;
}

interface Transcription {
  id: string;
  status: string;
  audio_duration_ms: number | null;
  error_type: string | null;
  error_message: string | null;
  file_id: string | null;
  filename: string;
  [field: string]: unknown;
}

/** A sandbox on a clock the test moves, and helpers to call its Soniox API. */
function harness() {
  let now = START;
  const sandbox: Sandbox = createSandbox({ now: () => now, jobDelays: DELAYS });
  const call = async (method: string, path: string, body?: unknown) => {
    const init: RequestInit = { method, headers: auth };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { ...auth, 'content-type': 'application/json' };
    }
    const response = await sandbox.fetch(new Request(`https://api.soniox.com${path}`, init));
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as unknown };
  };
  const upload = async (bytes: Uint8Array, filename: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), filename);
    const { status, body } = await call('POST', '/v1/files', form);
    expect(status).toBe(201);
    return (body as { id: string }).id;
  };
  const create = async (payload: Record<string, unknown>) => {
    const { status, body } = await call('POST', '/v1/transcriptions', { model: 'stt-async-v5', ...payload });
    expect(status, JSON.stringify(body)).toBe(201);
    return body as Transcription;
  };
  const get = async (id: string) => (await call('GET', `/v1/transcriptions/${id}`)).body as Transcription;
  const transcript = async (id: string) => call('GET', `/v1/transcriptions/${id}/transcript`);
  const finish = () => {
    now += DELAYS.queuedMs + DELAYS.processingMs;
  };
  return {
    sandbox,
    call,
    upload,
    create,
    get,
    transcript,
    finish,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

async function completedTranscript(
  h: ReturnType<typeof harness>,
  payload: Record<string, unknown>,
): Promise<{ id: string; text: string; tokens: Token[] }> {
  const job = await h.create(payload);
  h.finish();
  const { status, body } = await h.transcript(job.id);
  expect(status).toBe(200);
  return body as { id: string; text: string; tokens: Token[] };
}

describe('Soniox POST /v1/transcriptions', () => {
  test('201 with a queued Transcription carrying every documented field', async () => {
    const h = harness();
    const fileId = await h.upload(fixture('speech.wav'), 'speech.wav');
    const job = await h.create({
      file_id: fileId,
      language_hints: ['en'],
      enable_speaker_diarization: true,
      context: { terms: ['fox'] },
      webhook_url: 'https://example.com/hook?x=1',
      webhook_auth_header_name: 'Authorization',
      webhook_auth_header_value: 'Bearer secret',
      client_reference_id: 'ref-1',
    });
    expect(job).toEqual({
      id: expect.stringMatching(uuid),
      status: 'queued',
      created_at: '2026-03-01T12:00:00.000Z',
      model: 'stt-async-v5',
      audio_url: null,
      file_id: fileId,
      filename: 'speech.wav',
      language_hints: ['en'],
      enable_speaker_diarization: true,
      enable_language_identification: false,
      audio_duration_ms: null,
      error_type: null,
      error_message: null,
      webhook_url: 'https://example.com/hook?x=1',
      webhook_auth_header_name: 'Authorization',
      webhook_auth_header_value: '******************',
      webhook_status_code: null,
      client_reference_id: 'ref-1',
      context: { terms: ['fox'] },
    });
    expect(JSON.stringify(job)).not.toContain('secret');
  });

  test('an alias model is accepted and echoed as requested', async () => {
    const h = harness();
    const job = await h.create({ model: 'stt-async-v4', audio_url: 'https://example.com/a.mp3' });
    expect(job.model).toBe('stt-async-v4');
    expect(job.filename).toBe('a.mp3');
  });

  test('an unknown file_id is 404 file_not_found', async () => {
    const h = harness();
    const { status, body } = await h.call('POST', '/v1/transcriptions', {
      model: 'stt-async-v5',
      file_id: '00000000-0000-4000-8000-000000000000',
    });
    expect(status).toBe(404);
    expect(body).toMatchObject({
      status_code: 404,
      error_type: 'file_not_found',
      message: 'File could not be found.',
    });
  });

  test('the 101st pending transcription is 429 limit_exceeded; it passes once jobs finish', async () => {
    const h = harness();
    for (let index = 0; index < 100; index++) {
      await h.create({ audio_url: `https://example.com/${index}.wav` });
    }
    const { status, body } = await h.call('POST', '/v1/transcriptions', {
      model: 'stt-async-v5',
      audio_url: 'https://example.com/extra.wav',
    });
    expect(status).toBe(429);
    expect(body).toMatchObject({ status_code: 429, error_type: 'limit_exceeded', validation_errors: [] });
    h.finish();
    await h.create({ audio_url: 'https://example.com/extra.wav' });
  });

  test('a temporary key cannot create transcriptions', async () => {
    const h = harness();
    const response = await h.sandbox.fetch(
      new Request('https://api.soniox.com/v1/transcriptions', {
        method: 'POST',
        headers: { Authorization: 'Bearer temp:ABCDEFGHIJKLMNOPQRSTUVWXYZ' },
        body: JSON.stringify({ model: 'stt-async-v5', audio_url: 'https://example.com/a.wav' }),
      }),
    );
    expect(response.status).toBe(401);
  });
});

describe('Soniox transcription progress', () => {
  test('queued → processing (audio_duration_ms appears) → completed, on the job clock', async () => {
    const h = harness();
    const fileId = await h.upload(fixture('speech.wav'), 'speech.wav');
    const job = await h.create({ file_id: fileId });
    h.advance(999);
    expect(await h.get(job.id)).toMatchObject({ status: 'queued', audio_duration_ms: null });
    h.advance(1);
    expect(await h.get(job.id)).toMatchObject({ status: 'processing', audio_duration_ms: 3439 });
    expect(await h.transcript(job.id)).toMatchObject({
      status: 409,
      body: {
        error_type: 'transcription_invalid_state',
        message: 'Can only get transcript with completed status.',
      },
    });
    h.advance(1999);
    expect((await h.get(job.id)).status).toBe('processing');
    h.advance(1);
    expect(await h.get(job.id)).toMatchObject({
      status: 'completed',
      audio_duration_ms: 3439,
      error_type: null,
    });
  });

  test('bytes that are not audio end in error, with error_type and error_message', async () => {
    const h = harness();
    const fileId = await h.upload(
      new TextEncoder().encode('this is not audio at all\n'.repeat(40)),
      'notes.txt',
    );
    const job = await h.create({ file_id: fileId });
    h.advance(DELAYS.queuedMs);
    expect(await h.get(job.id)).toMatchObject({
      status: 'processing',
      audio_duration_ms: null,
      error_type: null,
    });
    h.finish();
    const failed = await h.get(job.id);
    expect(failed).toMatchObject({
      status: 'error',
      audio_duration_ms: null,
      error_type: 'invalid_audio_file',
      error_message: expect.any(String),
    });
    expect(await h.transcript(job.id)).toMatchObject({
      status: 409,
      body: { error_type: 'transcription_invalid_state', message: 'File transcription has failed.' },
    });
  });

  test('an audio_url on unreachable.invalid ends in error', async () => {
    const h = harness();
    const job = await h.create({ audio_url: 'https://unreachable.invalid/talk.mp3' });
    expect(job.filename).toBe('talk.mp3');
    h.finish();
    expect(await h.get(job.id)).toMatchObject({ status: 'error', error_type: 'file_download_failed' });
  });

  test('DELETE: 409 while processing; 204 when queued, completed or failed; then 404', async () => {
    const h = harness();
    const queued = await h.create({ audio_url: 'https://example.com/a.wav' });
    expect(await h.call('DELETE', `/v1/transcriptions/${queued.id}`)).toEqual({
      status: 204,
      body: undefined,
    });

    const job = await h.create({ audio_url: 'https://example.com/b.wav' });
    h.advance(DELAYS.queuedMs);
    const refused = await h.call('DELETE', `/v1/transcriptions/${job.id}`);
    expect(refused).toMatchObject({
      status: 409,
      body: {
        status_code: 409,
        error_type: 'transcription_invalid_state',
        message: 'Cannot delete transcription with processing status.',
      },
    });
    h.finish();
    expect((await h.call('DELETE', `/v1/transcriptions/${job.id}`)).status).toBe(204);
    for (const path of [`/v1/transcriptions/${job.id}`, `/v1/transcriptions/${job.id}/transcript`]) {
      for (const method of path.endsWith('transcript') ? ['GET'] : ['GET', 'DELETE']) {
        expect(await h.call(method, path)).toMatchObject({
          status: 404,
          body: { error_type: 'transcription_not_found', message: 'Transcription could not be found.' },
        });
      }
    }
  });

  test('deleting a transcription keeps its uploaded file', async () => {
    const h = harness();
    const fileId = await h.upload(fixture('speech.wav'), 'speech.wav');
    const job = await h.create({ file_id: fileId });
    h.finish();
    await h.call('DELETE', `/v1/transcriptions/${job.id}`);
    expect((await h.call('GET', `/v1/files/${fileId}`)).status).toBe(200);
  });

  test('a transcription id that is not a UUID is 400 at path.transcription_id', async () => {
    const { status, body } = await harness().call('GET', '/v1/transcriptions/123');
    expect(status).toBe(400);
    expect(body).toMatchObject({
      validation_errors: [{ error_type: 'uuid_parsing', location: 'path.transcription_id' }],
    });
  });
});

describe('Soniox transcripts', () => {
  test('the known sample, uploaded, gives its known text and word timings', async () => {
    const h = harness();
    const fileId = await h.upload(fixture('speech.wav'), 'renamed.wav');
    const transcript = await completedTranscript(h, { file_id: fileId });
    expect(transcript.text).toBe(FOX);
    expect(transcript.tokens.map((token) => token.text).join('')).toBe(transcript.text);
    expect(transcript.tokens[0]).toMatchObject({ text: 'The', start_ms: 10, end_ms: 318 });
    expect(transcript.tokens.map((token) => token.text)).toContain(' qui');
    expect(transcript.tokens.at(-1)).toMatchObject({ text: '.', start_ms: 3050 });
    for (const token of transcript.tokens) {
      expect(Object.keys(token)).toEqual(['text', 'start_ms', 'end_ms', 'confidence']);
      expect(token.confidence).toBeGreaterThanOrEqual(0.85);
      expect(token.confidence).toBeLessThanOrEqual(0.99);
    }
  });

  test('an audio_url ending in the sample file name gives the sample, without any download', async () => {
    const h = harness();
    const job = await h.create({ audio_url: 'https://cdn.example.com/media/speech.wav?sig=abc' });
    expect(job.filename).toBe('speech.wav');
    const transcript = await completedTranscript(h, {
      audio_url: 'https://cdn.example.com/media/speech.wav?sig=abc',
    });
    expect(transcript.text).toBe(FOX);
  });

  test('unknown audio gives a marked sandbox transcript spanning its probed duration', async () => {
    const h = harness();
    const bytes = fixture('long.opus');
    const probed = Math.round(((await probeDuration(new Uint8Array(bytes))).durationInSeconds ?? 0) * 1000);
    expect(probed).toBeGreaterThan(11_000);
    const fileId = await h.upload(bytes, 'long.opus');
    const job = await h.create({ file_id: fileId });
    h.advance(DELAYS.queuedMs);
    expect((await h.get(job.id)).audio_duration_ms).toBe(probed);
    h.finish();
    const { body } = await h.transcript(job.id);
    const transcript = body as { text: string; tokens: Token[] };
    expect(transcript.text.startsWith('This is a sandbox transcript.')).toBe(true);
    expect(transcript.tokens[0]?.start_ms).toBe(0);
    const last = transcript.tokens.at(-1);
    expect(last?.end_ms).toBeLessThanOrEqual(probed);
    expect(last?.end_ms).toBeGreaterThan(probed - 500);
    expect(transcript.text.endsWith('.')).toBe(true);
  });

  test('the same speech in another encoding is not the sample: matching is by exact bytes', async () => {
    const h = harness();
    const fileId = await h.upload(fixture('speech.flac'), 'speech.flac');
    const transcript = await completedTranscript(h, { file_id: fileId });
    expect(transcript.text).toMatch(/^This is a sandbox transcript\./);
  });

  test('an unknown audio_url gives 10 s of sandbox transcript', async () => {
    const h = harness();
    const job = await h.create({ audio_url: 'https://example.com/podcast/episode-1.mp3' });
    h.finish();
    expect((await h.get(job.id)).audio_duration_ms).toBe(10_000);
    const { body } = await h.transcript(job.id);
    const tokens = (body as { tokens: Token[] }).tokens;
    expect(tokens.at(-1)?.end_ms).toBeGreaterThan(9_500);
    expect(tokens.at(-1)?.end_ms).toBeLessThanOrEqual(10_000);
  });

  test('diarization and language identification add speaker and language to every token', async () => {
    const h = harness();
    const sample = await completedTranscript(h, {
      audio_url: 'https://example.com/speech.wav',
      enable_speaker_diarization: true,
      enable_language_identification: true,
    });
    for (const token of sample.tokens) {
      expect(token).toMatchObject({ speaker: '1', language: 'en' });
    }
    const unknown = await completedTranscript(h, {
      audio_url: 'https://example.com/other.wav',
      enable_speaker_diarization: true,
    });
    expect(new Set(unknown.tokens.map((token) => token.speaker))).toEqual(new Set(['1', '2']));
    expect(unknown.tokens.every((token) => token.language === undefined)).toBe(true);
  });

  test('one-way translation: original tokens, then untimed translation tokens', async () => {
    const h = harness();
    const { text, tokens } = await completedTranscript(h, {
      audio_url: 'https://example.com/speech.wav',
      translation: { type: 'one_way', target_language: 'fr' },
    });
    const originals = tokens.filter((token) => token.translation_status === 'original');
    const translations = tokens.filter((token) => token.translation_status === 'translation');
    expect(originals.map((token) => token.text).join('')).toBe(FOX);
    expect(originals.every((token) => token.language === 'en' && token.start_ms !== undefined)).toBe(true);
    expect(translations.length).toBeGreaterThan(0);
    for (const token of translations) {
      expect(token).not.toHaveProperty('start_ms');
      expect(token).not.toHaveProperty('end_ms');
      expect(token).toMatchObject({ language: 'fr', source_language: 'en', confidence: expect.any(Number) });
    }
    expect(translations.map((token) => token.text).join('')).toBe(` [fr] ${FOX}`);
    expect(tokens.indexOf(translations[0] as Token)).toBeGreaterThan(
      tokens.indexOf(originals.at(-1) as Token),
    );
    expect(text).toBe(tokens.map((token) => token.text).join(''));
  });

  test('two-way translation translates either language; speech in the target alone is "none"', async () => {
    const h = harness();
    const twoWay = await completedTranscript(h, {
      audio_url: 'https://example.com/speech.wav',
      translation: { type: 'two_way', language_a: 'es', language_b: 'en' },
    });
    const translated = twoWay.tokens.filter((token) => token.translation_status === 'translation');
    expect(translated.every((token) => token.language === 'es' && token.source_language === 'en')).toBe(true);

    const same = await completedTranscript(h, {
      audio_url: 'https://example.com/speech.wav',
      translation: { type: 'one_way', target_language: 'en' },
    });
    expect(same.tokens.every((token) => token.translation_status === 'none')).toBe(true);
    expect(same.text).toBe(FOX);
  });
});

describe('Soniox GET /v1/transcriptions and /count', () => {
  test('pages across every transcription, oldest first, with their current status', async () => {
    const h = harness();
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) {
      ids.push((await h.create({ audio_url: `https://example.com/${index}.wav` })).id);
    }
    h.finish();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '?limit=2' : `?limit=2&cursor=${encodeURIComponent(cursor)}`;
      const { status, body } = await h.call('GET', `/v1/transcriptions${query}`);
      expect(status).toBe(200);
      const page = body as { transcriptions: Transcription[]; next_page_cursor: string | null };
      expect(page.transcriptions.every((job) => job.status === 'completed')).toBe(true);
      seen.push(...page.transcriptions.map((job) => job.id));
      cursor = page.next_page_cursor;
    } while (cursor !== null);
    expect(seen).toEqual(ids);
  });

  test('a files cursor is not a transcriptions cursor; limit is checked', async () => {
    const h = harness();
    await h.upload(fixture('speech.wav'), 'a.wav');
    await h.upload(fixture('speech.wav'), 'b.wav');
    const files = (await h.call('GET', '/v1/files?limit=1')).body as { next_page_cursor: string };
    expect((await h.call('GET', `/v1/transcriptions?cursor=${files.next_page_cursor}`)).body).toMatchObject({
      error_type: 'invalid_cursor',
    });
    expect((await h.call('GET', '/v1/transcriptions?limit=1001')).body).toMatchObject({
      error_type: 'invalid_request',
      validation_errors: [{ error_type: 'less_than_equal', location: 'query.limit' }],
    });
  });

  test('count', async () => {
    const h = harness();
    await h.create({ audio_url: 'https://example.com/a.wav' });
    expect(await h.call('GET', '/v1/transcriptions/count')).toEqual({
      status: 200,
      body: { total: 1, public_api: 1, playground: 0 },
    });
  });
});
