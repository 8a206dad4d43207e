import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ApiCallError,
  TranscriptionFailedError,
  transcribe,
  type ScribeRequestInit,
  type TranscribeProgress,
} from '../../../../src/core/index.js';
import {
  createScriptivox,
  type ScriptivoxTranscription,
} from '../../../../src/core/providers/scriptivox/index.js';
import { createSandbox } from '../../../../worker/src/sandbox/index.js';

const speech = readFileSync('test/fixtures/audio/speech.wav');
const speechFile = () => new File([speech], 'speech.wav', { type: 'audio/wav' });
const FOX = 'The quick brown fox jumps over the lazy dog.';
const START = Date.parse('2026-11-22T10:00:00Z');
const KEY = 'sk_live_test';

/**
A Scriptivox client on a sandbox whose clock moves `step` ms on every status poll, so a job is
seen created, then downloading or pending, processing and completed without real waiting. `fail`
lets a test replace the sandbox's answer to a request after the sandbox has handled it.
*/
function setup(step = 400, fail?: (request: Request, attempt: number) => Response | undefined) {
  let clock = START;
  const sandbox = createSandbox({ now: () => clock, jobDelays: { queuedMs: 1000, processingMs: 1000 } });
  const sent: Request[] = [];
  const scriptivox = createScriptivox({
    apiKey: KEY,
    retry: { backoffLimit: 5 },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      sent.push(request.clone());
      if (request.method === 'GET' && /^\/v1\/transcribe\/[^/]+$/.test(new URL(request.url).pathname))
        clock += step;
      const response = await sandbox.fetch(request);
      return fail?.(request, sent.length) ?? response;
    },
  });
  return {
    scriptivox,
    sent,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const pathOf = (request: Request | undefined) =>
  request === undefined ? '' : `${request.method} ${new URL(request.url).pathname}`;

describe('transcribe.create, get, wait and getExport', () => {
  it('creates a job from a URL with an idempotency key and explicit align, and follows it to its result', async () => {
    const { scriptivox, sent } = setup();
    const created = await scriptivox.transcribe.create({
      url: 'https://cdn.example.com/speech.wav',
      language: 'en',
    });
    expect(created).toMatchObject({ status: 'created', isReplay: false });
    const request = sent[0];
    expect(request?.headers.get('authorization')).toBe(KEY);
    expect(request?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await request?.json()).toEqual({
      url: 'https://cdn.example.com/speech.wav',
      language: 'en',
      align: true,
    });

    const statuses: string[] = [];
    const done = await scriptivox.transcribe.wait(created.id, {
      intervalMs: 300,
      onStatusChange: (job) => statuses.push(job.status),
    });
    expect(statuses).toEqual(['created', 'downloading', 'processing', 'completed']);
    expect(done.result?.fullTranscript).toBe(FOX);
    expect(done.result?.utterances[0]?.words).toHaveLength(9);
    expect(done.costCents).toBeCloseTo((3.439 * 20) / 3600, 4);
    expect(done.startedAt).toBeDefined();
    expect(done.completedAt).toBeDefined();
  });

  it('exports SRT, WebVTT and text', async () => {
    const { scriptivox, advance, sent } = setup();
    const { id } = await scriptivox.transcribe.create({
      url: 'https://cdn.example.com/speech.wav',
      diarize: true,
    });
    advance(5_000);
    const srt = await scriptivox.transcribe.getExport(id, { format: 'srt' });
    expect(srt).toBe(`1\n00:00:00,010 --> 00:00:03,050\n${FOX}\n`);
    const vtt = await scriptivox.transcribe.getExport(id, {
      format: 'vtt',
      maxWords: 5,
      includeSpeakers: true,
    });
    expect(vtt.split('\n\n')).toEqual([
      'WEBVTT',
      '00:00:00.010 --> 00:00:01.669\nSPEAKER 1: The quick brown fox jumps',
      '00:00:01.699 --> 00:00:03.050\nSPEAKER 1: over the lazy dog.\n',
    ]);
    expect(new URL(sent.at(-1)?.url ?? '').search).toBe('?format=vtt&max_words=5&include_speakers=true');
    expect(await scriptivox.transcribe.getExport(id, { format: 'text' })).toBe(`${FOX}\n`);
  });

  it('gets a job by id, and sends raw requests through the escape hatch with the raw key', async () => {
    const { scriptivox, sent } = setup(0);
    const { id } = await scriptivox.transcribe.create({ url: 'https://cdn.example.com/speech.wav' });
    expect(await scriptivox.transcribe.get(id)).toMatchObject({
      id,
      status: 'created',
      align: true,
      diarize: false,
    });
    const response = await scriptivox.request({ method: 'GET', path: 'v1/balance' });
    expect(await response.json()).toMatchObject({ balance_cents: 1000 });
    expect(sent.at(-1)?.headers.get('authorization')).toBe(KEY);
  });

  it('maps a rejected key to ApiCallError 401 INVALID_API_KEY', async () => {
    const scriptivox = createScriptivox({
      apiKey: 'invalid',
      fetch: (input, init) => createSandbox().fetch(new Request(input, init)),
    });
    const error = await scriptivox.balance.get().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 401, code: 'INVALID_API_KEY' });
  });
});

describe('the three-step upload', () => {
  it('asks for a presigned URL, PUTs the bytes with exactly its Content-Type and no key, then creates the job', async () => {
    const { scriptivox, sent } = setup();
    const created = await scriptivox.transcribe.createFromFile(speechFile(), {
      diarize: true,
      speakerCount: 2,
    });
    expect(sent.map(pathOf)).toEqual([
      'POST /v1/upload',
      expect.stringMatching(/^PUT \/storage\/v1\/object\/upload\/sign\/uploads\/[^/]+\/speech\.wav$/),
      'POST /v1/transcribe',
    ]);
    const [upload, put, create] = sent as [Request, Request, Request];
    expect(await upload.json()).toEqual({ filename: 'speech.wav' });
    expect(new URL(put.url).host).toBe('scriptivoxsandboxref.supabase.co');
    expect(new URL(put.url).searchParams.get('token')).toMatch(/^[0-9a-f]{64}$/);
    expect(put.headers.get('content-type')).toBe('audio/wav');
    expect(put.headers.get('authorization')).toBeNull();
    expect(new Uint8Array(await put.arrayBuffer())).toEqual(new Uint8Array(speech));
    expect(await create.json()).toEqual({
      upload_id: expect.any(String),
      diarize: true,
      speaker_count: 2,
      align: true,
    });
    const statuses: string[] = [];
    await scriptivox.transcribe.wait(created.id, {
      intervalMs: 300,
      onStatusChange: (job) => statuses.push(job.status),
    });
    expect(statuses).toContain('pending');
  });

  it('reports the PUT’s progress and keeps the signed Content-Type for bytes without a type', async () => {
    let clock = START;
    const sandbox = createSandbox({ now: () => clock });
    const puts: Request[] = [];
    const scriptivox = createScriptivox({
      apiKey: KEY,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.method === 'PUT') {
          puts.push(request.clone());
          const report = (init as ScribeRequestInit | undefined)?.scribeUploadProgress;
          for (const loaded of [16_384, 65_536, speech.byteLength])
            report?.({ loadedBytes: loaded, totalBytes: speech.byteLength });
        }
        clock += 1;
        return sandbox.fetch(request);
      },
    });
    const progress: number[] = [];
    const upload = await scriptivox.uploads.send(new Uint8Array(speech), {
      filename: 'meeting.mp3',
      onUploadProgress: (update) => progress.push(update.loadedBytes),
    });
    expect(progress).toEqual([16_384, 65_536, speech.byteLength]);
    expect(upload.headers).toEqual({ 'Content-Type': 'audio/mpeg' });
    expect(puts[0]?.headers.get('content-type')).toBe('audio/mpeg');
    // The upload is spent by one job only.
    await scriptivox.transcribe.create({ uploadId: upload.uploadId });
    const again = await scriptivox.transcribe
      .create({ uploadId: upload.uploadId })
      .catch((caught: unknown) => caught);
    expect(again).toMatchObject({ status: 400, code: 'UPLOAD_ALREADY_USED' });
  });

  it('surfaces a storage refusal as an ApiCallError from the storage host', async () => {
    const { scriptivox } = setup();
    const upload = await scriptivox.uploads.create({ filename: 'a.wav' });
    const error = await scriptivox.uploads
      .put({ ...upload, headers: { 'Content-Type': 'audio/mpeg' } }, speechFile())
      .catch((caught: unknown) => caught);
    expect(ApiCallError.isInstance(error)).toBe(true);
    expect((error as ApiCallError).status).toBe(400);
    expect((error as ApiCallError).url).not.toContain(
      new URL(upload.uploadUrl).searchParams.get('token') ?? '',
    );
  });
});

describe('transcribe.cancel and delete', () => {
  it('cancels an unfinished job idempotently and deletes only finished ones', async () => {
    const { scriptivox, advance } = setup();
    const { id } = await scriptivox.transcribe.create({ url: 'https://cdn.example.com/speech.wav' });
    const busy = await scriptivox.transcribe.delete(id).catch((caught: unknown) => caught);
    expect(busy).toMatchObject({ status: 409, code: 'CONFLICT' });
    const cancelled = await scriptivox.transcribe.cancel(id);
    expect(cancelled).toEqual({
      id,
      status: 'failed',
      error: { code: 'CANCELLED', message: expect.any(String) },
      releasedCents: 0,
    });
    expect(await scriptivox.transcribe.cancel(id)).toEqual(cancelled);
    advance(10_000);
    expect((await scriptivox.transcribe.get(id)).error?.code).toBe('CANCELLED');
    await scriptivox.transcribe.delete(id);
    await scriptivox.transcribe.delete(id);
    const gone = await scriptivox.transcribe.get(id).catch((caught: unknown) => caught);
    expect(gone).toMatchObject({ status: 404, code: 'TRANSCRIPTION_NOT_FOUND' });
  });

  it('refuses to cancel a completed job, and releases a processing job’s reservation', async () => {
    const { scriptivox, advance } = setup(0);
    const first = await scriptivox.transcribe.create({ url: 'https://cdn.example.com/speech.wav' });
    advance(5_000);
    const late = await scriptivox.transcribe.cancel(first.id).catch((caught: unknown) => caught);
    expect(late).toMatchObject({ status: 409, code: 'CONFLICT' });

    const second = await scriptivox.transcribe.create({ url: 'https://cdn.example.com/speech.wav' });
    advance(1_500);
    const reserved = await scriptivox.balance.get();
    expect(reserved.reservedCents).toBeCloseTo(0.0191, 4);
    expect(reserved.availableCents).toBeCloseTo(reserved.balanceCents - 0.0191, 4);
    const cancelled = await scriptivox.transcribe.cancel(second.id);
    expect(cancelled.releasedCents).toBeCloseTo(0.0191, 4);
    expect((await scriptivox.balance.get()).reservedCents).toBe(0);
  });
});

describe('balance and transcriptions', () => {
  it('debits completed jobs from the balance', async () => {
    const { scriptivox, advance } = setup(0);
    expect(await scriptivox.balance.get()).toMatchObject({
      balanceCents: 1000,
      reservedCents: 0,
      pricePerHourCents: 20,
    });
    await scriptivox.transcribe.create({ url: 'https://cdn.example.com/speech.wav' });
    await scriptivox.transcribe.create({ url: 'https://cdn.example.com/talk.mp3' });
    advance(5_000);
    const balance = await scriptivox.balance.get();
    expect(balance.balanceCents).toBeCloseTo(1000 - 0.0191 - 0.0556, 4);
    expect(balance.availableCents).toBe(balance.balanceCents);
  });

  it('lists jobs newest first, page by page, filtered by status', async () => {
    const { scriptivox, advance } = setup(0);
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) {
      ids.push((await scriptivox.transcribe.create({ url: `https://cdn.example.com/${index}.mp3` })).id);
      advance(1);
    }
    const page = await scriptivox.transcriptions.list({ limit: 2 });
    expect(page.items.map((item) => item.id)).toEqual([ids[4], ids[3]]);
    expect(page.hasMore).toBe(true);
    expect(page.items[0]?.result).toBeUndefined();
    const all: ScriptivoxTranscription[] = [];
    for await (const job of scriptivox.transcriptions.listAll({ limit: 2, order: 'asc' })) all.push(job);
    expect(all.map((job) => job.id)).toEqual(ids);
    advance(5_000);
    await scriptivox.transcribe.create({ url: 'https://cdn.example.com/late.mp3' });
    const completed = await scriptivox.transcriptions.list({ status: 'completed', limit: 200 });
    expect(completed.items).toHaveLength(5);
    const recent = await scriptivox.transcriptions.list({ from: new Date(START + 10) });
    expect(recent.items).toHaveLength(1);
  });
});

describe('idempotency', () => {
  it('retries a create whose answer was lost without starting a second job', async () => {
    let lost = false;
    const { scriptivox, sent } = setup(0, (request) => {
      if (request.method !== 'POST' || lost) return undefined;
      lost = true;
      return Response.json(
        { error: { code: 'INTERNAL_ERROR', message: 'Internal error. Safe to retry.' } },
        { status: 500 },
      );
    });
    const created = await scriptivox.transcribe.create({ url: 'https://cdn.example.com/speech.wav' });
    const posts = sent.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0]?.headers.get('idempotency-key')).toBe(posts[1]?.headers.get('idempotency-key'));
    expect(created.isReplay).toBe(true);
    expect((await scriptivox.transcriptions.list()).items.map((item) => item.id)).toEqual([created.id]);
  });

  it('replays a repeated key with the same body and refuses it with another', async () => {
    const { scriptivox } = setup(0);
    const first = await scriptivox.transcribe.create({
      url: 'https://cdn.example.com/a.mp3',
      idempotencyKey: 'order-42',
    });
    const second = await scriptivox.transcribe.create({
      url: 'https://cdn.example.com/a.mp3',
      idempotencyKey: 'order-42',
    });
    expect(second).toEqual({ ...first, isReplay: true });
    const conflict = await scriptivox.transcribe
      .create({ url: 'https://cdn.example.com/b.mp3', idempotencyKey: 'order-42' })
      .catch((caught: unknown) => caught);
    expect(conflict).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_CONFLICT' });
  });
});

describe('transcribe() with Scriptivox', () => {
  it('uploads, waits and returns the normalized transcript, then deletes the job', async () => {
    const { scriptivox, sent } = setup(1_000);
    const progress: TranscribeProgress['stage'][] = [];
    const transcript = await transcribe({
      provider: scriptivox,
      audio: speechFile(),
      language: 'en',
      diarize: true,
      speakerCount: 1,
      onProgress: (update) => {
        if (progress.at(-1) !== update.stage) progress.push(update.stage);
      },
    });
    expect(progress).toEqual(['uploading', 'queued', 'processing', 'completed']);
    expect(transcript).toMatchObject({
      provider: 'scriptivox',
      text: FOX,
      language: 'en',
      speakers: ['SPEAKER 1'],
      warnings: [],
    });
    expect(transcript.words).toHaveLength(9);
    expect(
      transcript.words.every((word) => word.confidence !== undefined && word.speaker === 'SPEAKER 1'),
    ).toBe(true);
    expect(transcript.durationInSeconds).toBeCloseTo(3.439, 3);
    const create = sent.find((request) => pathOf(request) === 'POST /v1/transcribe');
    expect(await create?.json()).toMatchObject({
      language: 'en',
      diarize: true,
      speaker_count: 1,
      align: true,
    });
    await expect.poll(async () => (await scriptivox.transcriptions.list()).items.length).toBe(0);
  });

  it('passes a share link as it is and warns about context terms', async () => {
    const { scriptivox, sent } = setup(1_000);
    const link = 'https://www.dropbox.com/s/abc123/speech.wav?dl=0';
    const transcript = await transcribe({ provider: scriptivox, audio: link, contextTerms: ['fox'] });
    expect(transcript.text).toBe(FOX);
    expect(transcript.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported', feature: 'contextTerms' }),
    ]);
    expect((await sent[0]?.json()) as unknown).toMatchObject({ url: link });
  });

  it('throws TranscriptionFailedError with the job’s error code', async () => {
    const { scriptivox } = setup(1_000);
    const error = await transcribe({
      provider: scriptivox,
      audio: 'https://unreachable.invalid/a.mp3',
    }).catch((caught: unknown) => caught);
    expect(TranscriptionFailedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'URL_NOT_ACCESSIBLE' });
  });

  it('cancels and deletes the job when aborted', async () => {
    const { scriptivox, sent } = setup(0);
    const controller = new AbortController();
    const run = transcribe({
      provider: scriptivox,
      audio: 'https://cdn.example.com/speech.wav',
      signal: controller.signal,
      onProgress: (update) => {
        if (update.stage === 'queued') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    await expect.poll(() => sent.map(pathOf).filter((path) => path.startsWith('DELETE')).length).toBe(1);
    expect(sent.map(pathOf)).toContainEqual(expect.stringMatching(/^POST \/v1\/transcribe\/[^/]+\/cancel$/));
    expect((await scriptivox.transcriptions.list()).items).toHaveLength(0);
  });
});
