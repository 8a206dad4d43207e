import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createSandbox } from '../../../worker/src/sandbox/index.js';

const speech = readFileSync(new URL('../../fixtures/audio/speech.wav', import.meta.url));

function harness() {
  let now = Date.parse('2026-03-01T12:00:00.000Z');
  const sandbox = createSandbox({ now: () => now, jobDelays: { queuedMs: 1000, processingMs: 1000 } });
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await sandbox.fetch(
      new Request(`https://api.sofer.ai${path}`, {
        method,
        headers: { Authorization: 'Bearer k', 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return {
    call,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const url = (name: string) => `https://media.example.com/${name}`;

describe('SoferAI sandbox: batches', () => {
  test('an express batch runs its sources as transcriptions, titled and keyed, and reports counts', async () => {
    const { call, advance } = harness();
    const created = await call('POST', '/v1/transcriptions/batch', {
      info: { primary_language: 'en' },
      processing_mode: 'express',
      batch_title: 'Daf',
      audio_sources: [
        { audio_url: url('speech.wav'), client_item_id: 'day-1' },
        { audio_url: 'https://unreachable.invalid/x.mp3', title: 'Broken', num_speakers: 2 },
      ],
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ total_count: 2, status: 'RECEIVED' });
    const [first, second] = created.body.transcription_ids as string[];
    const statusPath = `/v1/transcriptions/batch/${String(created.body.batch_id)}/status`;
    expect((await call('GET', statusPath)).body).toMatchObject({ status: 'RECEIVED', pending_count: 2 });
    advance(1000);
    expect((await call('GET', statusPath)).body).toMatchObject({ status: 'PROCESSING', pending_count: 2 });
    advance(1000);
    const done = (await call('GET', statusPath)).body;
    expect(done).toMatchObject({
      status: 'COMPLETED',
      completed_count: 1,
      failed_count: 1,
      pending_count: 0,
      total_count: 2,
    });
    expect(done.transcriptions).toEqual([
      expect.objectContaining({
        id: first,
        title: 'Daf - Item 1',
        client_item_id: 'day-1',
        status: 'COMPLETED',
      }),
      expect.objectContaining({ id: second, title: 'Broken', num_speakers: 2, status: 'FAILED' }),
    ]);
  });

  test('a batch whose every item failed is FAILED', async () => {
    const { call, advance } = harness();
    const created = await call('POST', '/v1/transcriptions/batch', {
      info: {},
      processing_mode: 'express',
      audio_sources: [{ audio_url: 'https://unreachable.invalid/x.mp3' }],
    });
    advance(2000);
    const status = await call('GET', `/v1/transcriptions/batch/${String(created.body.batch_id)}/status`);
    expect(status.body).toMatchObject({ status: 'FAILED', failed_count: 1 });
    expect((status.body.transcriptions as { title: string }[])[0]?.title).toBe('Item 1');
  });

  test('refuses express batches of the wrong size or with base64, and standard batches without a valid manifest', async () => {
    const { call } = harness();
    const post = (body: Record<string, unknown>) =>
      call('POST', '/v1/transcriptions/batch', { info: {}, ...body });
    const eleven = Array.from({ length: 11 }, (_, index) => ({ audio_url: url(`${index}.mp3`) }));
    expect((await post({ processing_mode: 'express', audio_sources: eleven })).status).toBe(400);
    expect((await post({ processing_mode: 'express', audio_sources: [] })).status).toBe(400);
    expect(
      (await post({ processing_mode: 'express', audio_sources: [{ audio_file: 'AAAA' }] })).body,
    ).toEqual({
      detail: 'Batch items take audio_url only; base64 audio_file is not accepted.',
    });
    // Standard is the default mode: it needs a manifest.
    expect((await post({ audio_sources: [{ audio_url: url('a.mp3') }] })).status).toBe(400);
    expect((await post({ batch_file_id: '7d1c1a6e-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await post({ processing_mode: 'express', audio_sources: [{ title: 'no url' }] })).status).toBe(
      422,
    );
    expect((await post({ processing_mode: 'fast', audio_sources: [] })).status).toBe(422);
    expect(
      (await call('GET', '/v1/transcriptions/batch/7d1c1a6e-0000-4000-8000-000000000000/status')).status,
    ).toBe(404);
  });

  test('validates a manifest at upload, lists it, and runs a VALID one as a standard batch', async () => {
    const { call, advance } = harness();
    const upload = await call('POST', '/v1/transcriptions/batch-files', {
      content_type: 'json',
      json_items: [{ audio_url: url('a.mp3'), client_item_id: 'a' }, { audio_url: url('b.mp3') }],
      metadata: { title: 'Archive', description: 'Two' },
    });
    expect(upload.body).toMatchObject({
      item_count: 2,
      status: 'VALID',
      checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const id = String(upload.body.batch_file_id);
    expect((await call('GET', `/v1/transcriptions/batch-files/${id}`)).body).toMatchObject({
      id,
      title: 'Archive',
      description: 'Two',
      validation_errors: [],
    });
    expect(
      ((await call('GET', '/v1/transcriptions/batch-files')).body.files as { id: string }[]).map(
        (file) => file.id,
      ),
    ).toEqual([id]);
    const batch = await call('POST', '/v1/transcriptions/batch', { info: {}, batch_file_id: id });
    expect(batch.body).toMatchObject({ total_count: 2 });
    advance(2000);
    const status = await call('GET', `/v1/transcriptions/batch/${String(batch.body.batch_id)}/status`);
    expect(status.body).toMatchObject({ status: 'COMPLETED', completed_count: 2 });
  });

  test('marks a manifest INVALID with one message per bad item, and refuses to run it', async () => {
    const { call } = harness();
    const upload = await call('POST', '/v1/transcriptions/batch-files', {
      content_type: 'jsonl',
      jsonl: [
        JSON.stringify({ audio_url: url('a.mp3'), client_item_id: 'x' }),
        JSON.stringify({ audio_url: 'ftp://nope' }),
        JSON.stringify({ audio_url: url('b.mp3'), client_item_id: 'x' }),
        'not json',
      ].join('\n'),
    });
    expect(upload.body).toMatchObject({
      item_count: 4,
      status: 'INVALID',
      validation_errors: [
        'Item 2: audio_url must be a direct http(s) URL',
        'Item 3: client_item_id x is repeated',
        'Item 4: audio_url must be a direct http(s) URL',
      ],
    });
    const run = await call('POST', '/v1/transcriptions/batch', {
      info: {},
      batch_file_id: upload.body.batch_file_id,
    });
    expect(run).toEqual({ status: 400, body: { detail: 'The batch file is not VALID.' } });
    expect((await call('POST', '/v1/transcriptions/batch-files', { content_type: 'json' })).status).toBe(400);
    expect((await call('POST', '/v1/transcriptions/batch-files', { content_type: 'csv' })).status).toBe(422);
  });
});

describe('SoferAI sandbox: POST /v1/utils/duration', () => {
  test('probes base64 audio, names a sample URL, and gives 0 when it cannot tell', async () => {
    const { call } = harness();
    const duration = async (body: Record<string, unknown>) =>
      (await call('POST', '/v1/utils/duration', body)).body;
    expect(await duration({ audio_file: speech.toString('base64') })).toEqual({ duration_seconds: 3.439 });
    expect(await duration({ audio_url: url('speech.wav') })).toEqual({ duration_seconds: 3.439 });
    expect(await duration({ audio_url: url('unknown.mp3') })).toEqual({ duration_seconds: 10 });
    expect(await duration({ audio_url: 'https://unreachable.invalid/a.mp3' })).toEqual({
      duration_seconds: 0,
    });
    expect(await duration({ audio_file: Buffer.alloc(30, 1).toString('base64') })).toEqual({
      duration_seconds: 0,
    });
    expect((await call('POST', '/v1/utils/duration', {})).status).toBe(400);
    expect(
      (await call('POST', '/v1/utils/duration', { audio_url: url('a.mp3'), audio_file: 'AAAA' })).status,
    ).toBe(400);
  });
});
