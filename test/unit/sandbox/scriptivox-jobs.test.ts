import { describe, expect, test } from 'vitest';
import { START, scriptivoxHarness } from '../providers/scriptivox/scriptivox-sandbox-harness.js';

const FOX = 'The quick brown fox jumps over the lazy dog.';
const SAMPLE_URL = 'https://cdn.example.com/media/speech.wav';

describe('Scriptivox jobs over the job clock', () => {
  test('a URL job goes created → downloading → processing → completed, with duration and cost once probed', async () => {
    const { create, get, advance } = scriptivoxHarness();
    const id = await create({ url: SAMPLE_URL, language: 'en' });
    const seen: Record<string, unknown>[] = [await get(id)];
    for (const step of [500, 500, 2000]) {
      advance(step);
      seen.push(await get(id));
    }
    expect(seen.map((job) => job.status)).toEqual(['created', 'downloading', 'processing', 'completed']);
    expect(seen[1]).toMatchObject({ audio_duration_seconds: null, cost_cents: null, started_at: null });
    expect(seen[1]).not.toHaveProperty('result');
    expect(seen[2]).toMatchObject({
      audio_duration_seconds: 3.439,
      cost_cents: 0.0191,
      started_at: new Date(START + 1000).toISOString(),
      completed_at: null,
      progress: 'Transcribing',
    });
    const done = seen[3] ?? {};
    expect(done).toMatchObject({
      id,
      language: 'en',
      diarize: false,
      speaker_count: null,
      align: true,
      file_size_bytes: null,
      created_at: new Date(START).toISOString(),
      completed_at: new Date(START + 3000).toISOString(),
      result: { full_transcript: FOX, language: 'en', duration_seconds: 3.439, speakers: [] },
    });
    const utterance = (done.result as { utterances: Record<string, unknown>[] }).utterances[0];
    expect(utterance).toMatchObject({ start: 0.01, end: 3.05, text: FOX, confidence: expect.any(Number) });
    expect(utterance).not.toHaveProperty('speaker');
    expect((utterance?.words as unknown[])[0]).toEqual({
      word: 'The',
      start: 0.01,
      end: 0.318,
      confidence: expect.any(Number),
    });
  });

  test('diarization labels speakers, forces align, and spreads placeholder words over speaker_count speakers', async () => {
    const { create, get, advance } = scriptivoxHarness();
    const id = await create({
      url: 'https://cdn.example.com/talk.mp3',
      diarize: true,
      speaker_count: 3,
      align: false,
    });
    advance(5000);
    const job = await get(id);
    expect(job.align).toBe(true);
    const result = job.result as {
      full_transcript: string;
      speakers: string[];
      utterances: { speaker: string; words: unknown[] }[];
    };
    expect(result.full_transcript).toContain('This is a sandbox transcript.');
    expect(result.speakers).toEqual(['SPEAKER 1', 'SPEAKER 2', 'SPEAKER 3']);
    expect(result.utterances.every((utterance) => utterance.words.length > 0)).toBe(true);
    expect((await get(await create({ url: SAMPLE_URL, align: false }))).align).toBe(false);
  });

  test('an unreachable URL fails when processing would start', async () => {
    const { create, get, advance } = scriptivoxHarness();
    const id = await create({ url: 'https://unreachable.invalid/a.mp3' });
    advance(999);
    expect((await get(id)).status).toBe('downloading');
    advance(1);
    expect(await get(id)).toMatchObject({
      status: 'failed',
      error: { code: 'URL_NOT_ACCESSIBLE', message: expect.any(String) },
      cost_cents: null,
      completed_at: new Date(START + 1000).toISOString(),
    });
  });

  test('cancel releases a processing job and is idempotent; a finished job cannot be cancelled', async () => {
    const { call, create, advance } = scriptivoxHarness();
    const id = await create({ url: SAMPLE_URL });
    advance(1500);
    const first = await call('POST', `/v1/transcribe/${id}/cancel`);
    expect(first).toMatchObject({
      status: 200,
      body: { id, status: 'failed', error: { code: 'CANCELLED' }, released_cents: 0.0191 },
    });
    expect((await call('POST', `/v1/transcribe/${id}/cancel`)).body).toMatchObject({
      status: 'failed',
      released_cents: 0,
    });
    advance(5000);
    expect((await call('GET', `/v1/transcribe/${id}`)).body).toMatchObject({
      status: 'failed',
      cost_cents: 0,
    });
    const done = await create({ url: SAMPLE_URL });
    advance(5000);
    expect(await call('POST', `/v1/transcribe/${done}/cancel`)).toMatchObject({
      status: 409,
      body: { error: { code: 'CONFLICT' } },
    });
  });

  test('delete is refused while a job runs, then soft-deletes idempotently', async () => {
    const { call, create, advance } = scriptivoxHarness();
    const id = await create({ url: SAMPLE_URL });
    expect(await call('DELETE', `/v1/transcribe/${id}`)).toMatchObject({
      status: 409,
      body: { error: { code: 'CONFLICT' } },
    });
    advance(5000);
    expect((await call('DELETE', `/v1/transcribe/${id}`)).status).toBe(204);
    expect((await call('DELETE', `/v1/transcribe/${id}`)).status).toBe(204);
    expect(await call('GET', `/v1/transcribe/${id}`)).toMatchObject({
      status: 404,
      body: { error: { code: 'TRANSCRIPTION_NOT_FOUND' } },
    });
    expect((await call('POST', `/v1/transcribe/${id}/cancel`)).status).toBe(404);
    expect((await call('DELETE', '/v1/transcribe/unknown')).status).toBe(404);
  });

  test('exports SRT, VTT and text of a completed job, 409 before, 400 for an unknown format', async () => {
    const { call, create, advance } = scriptivoxHarness();
    const id = await create({ url: SAMPLE_URL, diarize: true });
    expect(await call('GET', `/v1/transcribe/${id}?format=srt`)).toMatchObject({ status: 409 });
    advance(5000);
    const srt = await call('GET', `/v1/transcribe/${id}?format=srt&include_speakers=true`);
    expect(srt.headers.get('content-type')).toBe('application/x-subrip; charset=utf-8');
    expect(srt.body).toBe(`1\n00:00:00,010 --> 00:00:03,050\nSPEAKER 1: ${FOX}\n`);
    expect((await call('GET', `/v1/transcribe/${id}?format=vtt`)).body).toBe(
      `WEBVTT\n\n00:00:00.010 --> 00:00:03.050\n${FOX}\n`,
    );
    expect((await call('GET', `/v1/transcribe/${id}?format=text&max_words=3`)).body).toBe(
      'The quick brown\nfox jumps over\nthe lazy dog.\n',
    );
    expect((await call('GET', `/v1/transcribe/${id}?format=docx`)).status).toBe(400);
    expect((await call('GET', `/v1/transcribe/${id}?format=srt&max_words=0`)).status).toBe(400);
  });
});

describe('Scriptivox POST /v1/transcribe validation', () => {
  test('415 without JSON, 413 over 100 KB, 400 for bad fields', async () => {
    const { call } = scriptivoxHarness();
    const form = await call('POST', '/v1/transcribe', {
      body: 'url=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form).toMatchObject({ status: 415, body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE' } } });
    expect(form.headers.get('accept-post')).toBe('application/json');
    expect(
      await call('POST', '/v1/transcribe', { json: { url: `https://x.example/${'a'.repeat(102_400)}` } }),
    ).toMatchObject({
      status: 413,
      body: { error: { code: 'PAYLOAD_TOO_LARGE' } },
    });
    for (const json of [
      {},
      { url: 'https://x.example/a.mp3', upload_id: 'u' },
      { url: 'ftp://x.example/a.mp3' },
      { url: 'https://x.example/a.mp3', language: 'jv' },
      { url: 'https://x.example/a.mp3', speaker_count: 2 },
      { url: 'https://x.example/a.mp3', diarize: true, speaker_count: 51 },
      { url: 'https://x.example/a.mp3', align: 'yes' },
      { url: 'https://x.example/a.mp3', webhook_url: 'not a url' },
      [],
    ]) {
      const response = await call('POST', '/v1/transcribe', { json });
      expect(response.status, JSON.stringify(json)).toBe(400);
      expect(response.body).toEqual({ error: { code: 'INVALID_REQUEST', message: expect.any(String) } });
    }
    expect(
      (await call('POST', '/v1/transcribe', { body: '{', headers: { 'content-type': 'application/json' } }))
        .status,
    ).toBe(400);
    expect(
      (await call('POST', '/v1/transcribe', { json: { url: 'https://x.example/a.mp3', language: 'jw' } }))
        .status,
    ).toBe(200);
  });
});

describe('Scriptivox GET /v1/transcriptions and /v1/balance', () => {
  test('lists newest first with cursors, filters, and leaves out results and deleted jobs', async () => {
    const { call, create, advance } = scriptivoxHarness();
    const ids: string[] = [];
    for (let index = 0; index < 3; index++) {
      ids.push(await create({ url: `https://cdn.example.com/${index}.mp3` }));
      advance(10);
    }
    const first = await call('GET', '/v1/transcriptions?limit=2');
    expect((first.body.items as { id: string }[]).map((item) => item.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.has_more).toBe(true);
    const second = await call('GET', `/v1/transcriptions?limit=2&cursor=${String(first.body.next_cursor)}`);
    expect(second.body).toMatchObject({ items: [{ id: ids[0] }], has_more: false, next_cursor: null });
    advance(5000);
    await call('DELETE', `/v1/transcribe/${ids[1] ?? ''}`);
    const asc = await call('GET', '/v1/transcriptions?order=asc&status=completed');
    expect((asc.body.items as { id: string; result?: unknown }[]).map((item) => item.id)).toEqual([
      ids[0],
      ids[2],
    ]);
    expect(asc.body.items as unknown[]).not.toContainEqual(
      expect.objectContaining({ result: expect.anything() }),
    );
    const windowed = await call(
      'GET',
      `/v1/transcriptions?from=${new Date(START + 5).toISOString()}&to=${new Date(START + 15).toISOString()}`,
    );
    expect((windowed.body.items as { id: string }[]).map((item) => item.id)).toEqual([]);
    for (const query of ['limit=0', 'limit=201', 'order=up', 'status=done', 'from=yesterday', 'cursor=abc']) {
      expect((await call('GET', `/v1/transcriptions?${query}`)).status, query).toBe(400);
    }
  });

  test('reserves the cost of processing jobs and debits completed ones', async () => {
    const { call, create, advance } = scriptivoxHarness();
    expect((await call('GET', '/v1/balance')).body).toMatchObject({
      balance_cents: 1000,
      reserved_cents: 0,
      available_cents: 1000,
    });
    await create({ url: SAMPLE_URL });
    advance(1000);
    expect((await call('GET', '/v1/balance')).body).toMatchObject({
      balance_cents: 1000,
      reserved_cents: 0.0191,
      available_cents: 999.9809,
      updated_at: new Date(START + 1000).toISOString(),
    });
    advance(2000);
    expect((await call('GET', '/v1/balance')).body).toMatchObject({
      balance_cents: 999.9809,
      reserved_cents: 0,
      available_cents: 999.9809,
      estimated_hours_available: 50,
      updated_at: new Date(START + 3000).toISOString(),
    });
  });
});
