import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ApiCallError,
  TimeoutError,
  TranscriptionFailedError,
  transcribe,
  type TranscribeProgress,
} from '../../../../src/core/index.js';
import { createSoniox, type SonioxClient } from '../../../../src/core/providers/soniox/index.js';
import { createSandbox, type Sandbox } from '../../../../worker/src/sandbox/index.js';

const speech = readFileSync('test/fixtures/audio/speech.wav');
const speechFile = () => new File([speech], 'speech.wav', { type: 'audio/wav' });
const foxText = 'The quick brown fox jumps over the lazy dog.';

let sandbox: Sandbox;
let soniox: SonioxClient;
let clock: number;

// The sandbox's job clock moves forward by `step` on every status poll, so a job is seen queued,
// then processing, then completed without the test waiting out real delays.
function clientWithClock(step: number) {
  clock = Date.parse('2026-11-22T10:00:00Z');
  sandbox = createSandbox({ now: () => clock, jobDelays: { queuedMs: 1_000, processingMs: 1_000 } });
  return createSoniox({
    apiKey: 'sandbox-key',
    fetch: async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'GET' && /\/v1\/transcriptions\/[^/]+$/.test(new URL(request.url).pathname))
        clock += step;
      return sandbox.fetch(request);
    },
  });
}

beforeEach(() => {
  soniox = clientWithClock(1_000);
});

describe('soniox.files', () => {
  it('uploads, gets, counts, lists and deletes files', async () => {
    const file = await soniox.files.upload(speechFile(), { clientReferenceId: 'ref-1' });
    expect(file).toMatchObject({
      filename: 'speech.wav',
      size: speech.byteLength,
      clientReferenceId: 'ref-1',
    });
    expect(await soniox.files.get(file.id)).toEqual(file);
    expect((await soniox.files.count()).total).toBe(1);
    expect((await soniox.files.list()).files.map((item) => item.id)).toEqual([file.id]);
    await soniox.files.delete(file.id);
    expect(await soniox.files.getOrNone(file.id)).toBeUndefined();
    expect(await soniox.files.deleteIfExists(file.id)).toBe(false);
    const error = await soniox.files.get(file.id).catch((caught: unknown) => caught);
    expect(ApiCallError.isInstance(error) && error.status === 404 && error.code === 'file_not_found').toBe(
      true,
    );
  });

  it('uploads bytes under a given name and reports progress', async () => {
    const progress: number[] = [];
    const file = await soniox.files.upload(new Uint8Array(speech), {
      filename: 'fox.wav',
      onUploadProgress: (update) => progress.push(update.loadedBytes),
    });
    expect(file.filename).toBe('fox.wav');
    expect(progress.at(-1)).toBeGreaterThanOrEqual(speech.byteLength);
  });

  it('walks every page with listAll and deletes everything with deleteAll', async () => {
    for (let index = 0; index < 5; index++)
      await soniox.files.upload(speechFile(), { filename: `f${index}.wav` });
    const names: string[] = [];
    for await (const file of soniox.files.listAll({ limit: 2 })) names.push(file.filename);
    expect(names.sort()).toEqual(['f0.wav', 'f1.wav', 'f2.wav', 'f3.wav', 'f4.wav']);
    const page = await soniox.files.list({ limit: 2 });
    expect(page.files).toHaveLength(2);
    expect(page.nextPageCursor).not.toBeNull();
    expect(await soniox.files.deleteAll({ limit: 2 })).toBe(5);
    expect((await soniox.files.count()).total).toBe(0);
  });
});

describe('soniox.stt', () => {
  it('creates a job from a file id and follows it to its transcript', async () => {
    const file = await soniox.files.upload(speechFile());
    const created = await soniox.stt.create({
      fileId: file.id,
      config: { enableSpeakerDiarization: true },
      clientReferenceId: 'job-1',
    });
    expect(created).toMatchObject({
      status: 'queued',
      fileId: file.id,
      model: 'stt-async-v5',
      enableSpeakerDiarization: true,
      clientReferenceId: 'job-1',
    });
    const statuses: string[] = [];
    const done = await soniox.stt.wait(created.id, { onStatusChange: (job) => statuses.push(job.status) });
    expect(statuses).toEqual(['processing', 'completed']);
    expect(done.audioDurationMs).toBeGreaterThan(3000);
    const transcript = await soniox.stt.getTranscript(created.id);
    expect(transcript.text.trim()).toBe(foxText);
    expect(transcript.tokens.every((token) => token.speaker !== undefined)).toBe(true);
  });

  it('refuses the transcript before completion and deletion while processing', async () => {
    const job = await soniox.stt.transcribeFromFile(speechFile());
    const early = await soniox.stt.getTranscript(job.id).catch((caught: unknown) => caught);
    expect((early as ApiCallError).status).toBe(409);
    expect((early as ApiCallError).code).toBe('transcription_invalid_state');
    clock += 1_000;
    const busy = await soniox.stt.delete(job.id).catch((caught: unknown) => caught);
    expect((busy as ApiCallError).code).toBe('transcription_invalid_state');
  });

  it('lists, counts, deletes and destroys jobs', async () => {
    const jobs = [];
    for (let index = 0; index < 3; index++) jobs.push(await soniox.stt.transcribeFromFile(speechFile()));
    clock += 10_000;
    expect((await soniox.stt.count()).total).toBe(3);
    const ids: string[] = [];
    for await (const job of soniox.stt.listAll({ limit: 1 })) ids.push(job.id);
    expect(ids.sort()).toEqual(jobs.map((job) => job.id).sort());
    const [first, second, third] = jobs as [(typeof jobs)[0], (typeof jobs)[0], (typeof jobs)[0]];
    await soniox.stt.destroy(first.id);
    expect(await soniox.stt.getOrNone(first.id)).toBeUndefined();
    expect(await soniox.files.getOrNone(first.fileId ?? '')).toBeUndefined();
    expect(await soniox.stt.deleteIfExists(second.id)).toBe(true);
    expect(await soniox.stt.deleteIfExists(second.id)).toBe(false);
    expect(await soniox.stt.destroyAll()).toBe(1);
    expect(await soniox.stt.getOrNone(third.id)).toBeUndefined();
    expect((await soniox.files.count()).total).toBe(1); // second's file: delete() leaves files alone
    await soniox.stt.transcribeFromFile(speechFile());
    clock += 10_000;
    expect(await soniox.stt.deleteAll()).toBe(1);
  });

  it('transcribes from a URL, marked as a sandbox transcript', async () => {
    const job = await soniox.stt.transcribeFromUrl('https://media.example.com/talk.mp3');
    expect(job.audioUrl).toBe('https://media.example.com/talk.mp3');
    clock += 10_000;
    const transcript = await soniox.stt.getTranscript(job.id);
    expect(transcript.text.toLowerCase()).toContain('sandbox');
  });

  it('transcribes from an existing file id and from any one input', async () => {
    const file = await soniox.files.upload(speechFile());
    expect((await soniox.stt.transcribeFromFileId(file.id)).fileId).toBe(file.id);
    expect((await soniox.stt.transcribe({ file: speechFile() })).fileId).not.toBe(file.id);
    expect(
      (await soniox.stt.transcribe({ audioUrl: 'https://media.example.com/a.mp3' })).audioUrl,
    ).toBeDefined();
  });

  it('sets up a webhook with a masked auth header', async () => {
    const job = await soniox.stt.transcribeFileWithWebhook(speechFile(), {
      webhookUrl: 'https://app.example.com/hooks/soniox?customer=7',
      webhookAuth: { name: 'Authorization', value: 'Bearer hook-secret' },
    });
    expect(job.webhookUrl).toBe('https://app.example.com/hooks/soniox?customer=7');
    expect(job.webhookAuthHeaderName).toBe('Authorization');
    expect(JSON.stringify(job)).not.toContain('hook-secret');
  });

  it('transcribes and waits, then deletes what it made', async () => {
    const { transcription, transcript } = await soniox.stt.transcribeAndWaitWithTokens({
      file: speechFile(),
      deleteAfter: true,
    });
    expect(transcript.text.trim()).toBe(foxText);
    expect(await soniox.stt.getOrNone(transcription.id)).toBeUndefined();
    expect(await soniox.files.getOrNone(transcription.fileId ?? '')).toBeUndefined();
    const kept = await soniox.stt.transcribeAndWait({ file: speechFile() });
    expect(kept.status).toBe('completed');
    expect(await soniox.stt.getOrNone(kept.id)).toBeDefined();
  });

  it('throws TranscriptionFailedError for audio the service cannot decode', async () => {
    const garbage = new Blob([new Uint8Array(4096).fill(7)]);
    const error = await soniox.stt
      .transcribeAndWait({ file: garbage, filename: 'noise.bin' })
      .catch((caught: unknown) => caught);
    expect(TranscriptionFailedError.isInstance(error)).toBe(true);
    expect((error as TranscriptionFailedError).code).toBeDefined();
  });

  it('gives up waiting with TimeoutError', async () => {
    soniox = clientWithClock(0);
    const job = await soniox.stt.transcribeFromFile(speechFile());
    const error = await soniox.stt
      .wait(job.id, { intervalMs: 1_000, timeoutMs: 1_200 })
      .catch((caught: unknown) => caught);
    expect(TimeoutError.isInstance(error)).toBe(true);
  });

  it('stops waiting when aborted', async () => {
    soniox = clientWithClock(0);
    const job = await soniox.stt.transcribeFromFile(speechFile());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await soniox.stt
      .wait(job.id, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('soniox.models, auth and request', () => {
  it('lists models', async () => {
    const models = await soniox.models.list();
    expect(models.map((model) => model.id)).toContain('stt-async-v5');
    expect(models.find((model) => model.id === 'stt-async-v4')?.aliasedModelId).toBe('stt-async-v5');
  });

  it('mints a temporary key', async () => {
    const key = await soniox.auth.createTemporaryApiKey({
      usageType: 'transcribe_websocket',
      expiresInSeconds: 60,
      singleUse: true,
    });
    expect(key.apiKey).toMatch(/^temp:/);
    expect(Date.parse(key.expiresAt)).toBe(clock + 60_000);
  });

  it('sends raw requests through the escape hatch', async () => {
    const response = await soniox.request({ method: 'GET', path: 'v1/files/count' });
    expect(await response.json()).toMatchObject({ total: 0 });
  });

  it('maps a rejected key to ApiCallError 401', async () => {
    const rejected = createSoniox({
      apiKey: 'invalid',
      fetch: (input, init) => sandbox.fetch(new Request(input, init)),
    });
    const error = await rejected.models.list().catch((caught: unknown) => caught);
    expect((error as ApiCallError).status).toBe(401);
    expect((error as ApiCallError).code).toBe('unauthenticated');
    expect((error as ApiCallError).message).not.toContain('invalid');
  });
});

describe('transcribe() with Soniox', () => {
  it('reports progress in order and returns the normalized transcript, leaving nothing behind', async () => {
    const progress: TranscribeProgress['stage'][] = [];
    const transcript = await transcribe({
      provider: soniox,
      audio: speechFile(),
      language: 'en',
      diarize: true,
      onProgress: (update) => {
        if (progress.at(-1) !== update.stage) progress.push(update.stage);
      },
    });
    expect(progress).toEqual(['uploading', 'queued', 'processing', 'completed']);
    expect(transcript.text).toBe(foxText);
    expect(transcript.words).toHaveLength(9);
    expect(transcript.durationInSeconds).toBeCloseTo(3.44, 1);
    expect(transcript.warnings).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await soniox.stt.count()).total).toBe(0);
    expect((await soniox.files.count()).total).toBe(0);
  });

  it('warns about options Soniox ignores', async () => {
    const transcript = await transcribe({
      provider: soniox,
      audio: speechFile(),
      diarize: true,
      speakerCount: 2,
    });
    expect(transcript.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported', feature: 'speakerCount' }),
    ]);
  });

  it('rejects with the abort reason and deletes the job once it settles', async () => {
    const controller = new AbortController();
    const run = transcribe({
      provider: soniox,
      audio: speechFile(),
      signal: controller.signal,
      onProgress: (update) => {
        if (update.stage === 'queued') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    clock += 10_000;
    await expect.poll(async () => (await soniox.stt.count()).total, { timeout: 5_000 }).toBe(0);
    expect((await soniox.files.count()).total).toBe(0);
  });
});
