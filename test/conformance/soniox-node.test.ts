import { readFileSync } from 'node:fs';
import { isSonioxHttpError, SonioxNodeClient, type SonioxHttpError } from '@soniox/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSandbox } from '../../worker/src/sandbox/index.js';
import { serveSandbox, type SandboxServer } from '../../worker/src/sandbox/node/serve-sandbox.js';
import { createSoniox, sonioxToTranscript } from '../../src/core/providers/soniox/index.js';

/*
The official @soniox/node 2.3.0, unchanged, against the sandbox served on 127.0.0.1. If the SDK
trips over a field or a status code, the sandbox is unfaithful and is what gets fixed.
*/

const API_KEY = 'conformance-key';
const FOX = 'The quick brown fox jumps over the lazy dog.';
const speech = readFileSync(new URL('../fixtures/audio/speech.wav', import.meta.url));

let server: SandboxServer;
let client: SonioxNodeClient;

beforeAll(async () => {
  server = await serveSandbox({
    defaultHost: 'api.soniox.com',
    sandbox: createSandbox({ jobDelays: { queuedMs: 50, processingMs: 100 } }),
  });
  client = new SonioxNodeClient({ api_key: API_KEY, base_url: server.origin });
});

afterAll(async () => {
  await server.close();
});

/** The sandbox's own answer to a plain `fetch`, to compare with what the SDK made of it. */
async function raw(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.origin}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${API_KEY}`, ...init.headers },
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** Drops `null` and `undefined` members, since the SDK maps some `null`s to `undefined`. */
function defined(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(defined);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, member]) => member !== null && member !== undefined)
        .map(([key, member]) => [key, defined(member)]),
    );
  }
  return value;
}

async function httpError(promise: Promise<unknown>): Promise<SonioxHttpError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!isSonioxHttpError(error)) {
    throw new Error(`expected a SonioxHttpError, got ${String(error)}`);
  }
  return error;
}

describe('@soniox/node 2.3.0 against the sandbox', () => {
  test('upload, transcribe, wait, read the transcript, list, then delete both', async () => {
    const file = await client.files.upload(speech, {
      filename: 'speech.wav',
      client_reference_id: 'conformance',
    });
    expect(file).toMatchObject({
      filename: 'speech.wav',
      size: speech.byteLength,
      client_reference_id: 'conformance',
    });
    expect((await raw(`/v1/files/${file.id}`)).body).toEqual(file.toJSON());
    expect((await client.files.get(file.id))?.toJSON()).toEqual(file.toJSON());

    const created = await client.stt.create({
      model: 'stt-async-v5',
      file_id: file.id,
      enable_speaker_diarization: true,
      client_reference_id: 'conformance',
    });
    expect(created).toMatchObject({ status: 'queued', file_id: file.id, filename: 'speech.wav' });

    const statuses: string[] = [];
    const done = await client.stt.wait(created.id, { on_status_change: (status) => statuses.push(status) });
    expect(done.status).toBe('completed');
    expect(done.audio_duration_ms).toBe(3439);
    expect(statuses.at(-1)).toBe('completed');
    expect(defined(done.toJSON())).toEqual(defined((await raw(`/v1/transcriptions/${created.id}`)).body));

    const transcript = await client.stt.getTranscript(created.id);
    expect(transcript?.text).toBe(FOX);
    expect(transcript?.tokens.every((token) => token.speaker === '1')).toBe(true);
    expect(transcript?.segments().map((segment) => segment.text)).toEqual([FOX]);
    expect(transcript?.segments()[0]).toMatchObject({ start_ms: 10, end_ms: 3110, speaker: '1' });
    expect((await raw(`/v1/transcriptions/${created.id}/transcript`)).body).toEqual({
      id: transcript?.id,
      text: transcript?.text,
      tokens: transcript?.tokens,
    });

    const files = await client.files.list();
    expect(files.isPaged()).toBe(false);
    expect(defined(files.toJSON())).toEqual(defined((await raw('/v1/files')).body));
    const transcriptions = await client.stt.list();
    expect(defined(transcriptions.toJSON())).toEqual(defined((await raw('/v1/transcriptions')).body));
    expect(transcriptions.transcriptions.map((item) => item.id)).toEqual([created.id]);
    expect(await client.files.count()).toEqual({ total: 1, public_api: 1, playground: 0 });
    expect(await client.stt.count()).toEqual({ total: 1, public_api: 1, playground: 0 });

    await client.stt.delete(created.id);
    await client.files.delete(file.id);
    expect(await client.stt.get(created.id)).toBeNull();
    expect(await client.files.get(file.id)).toBeNull();
    expect((await raw(`/v1/files/${file.id}`)).status).toBe(404);
    expect((await raw(`/v1/transcriptions/${created.id}`)).status).toBe(404);
    // The SDK treats a second delete as done, which needs the 404 Soniox sends.
    await client.stt.delete(created.id);
    await client.files.delete(file.id);
  });

  test('transcribe() uploads, waits, fetches the transcript and cleans up after itself', async () => {
    const result = await client.stt.transcribe({
      model: 'stt-async-v5',
      file: speech,
      filename: 'speech.wav',
      enable_language_identification: true,
      wait: true,
      cleanup: ['file', 'transcription'],
    });
    expect(result.status).toBe('completed');
    expect(result.transcript?.text).toBe(FOX);
    expect(result.transcript?.tokens.every((token) => token.language === 'en')).toBe(true);
    expect(await client.stt.get(result.id)).toBeNull();
    expect(await client.files.count()).toMatchObject({ total: 0 });
  });

  test('translate() reads the translated tokens Soniox-style', async () => {
    const job = await client.stt.translate({
      audio_url: 'https://example.com/media/speech.wav',
      to: 'fr',
      wait: true,
      cleanup: ['transcription'],
    });
    expect(job.status).toBe('completed');
    const translation = await job.getTranslation();
    expect(translation).toMatchObject({
      mode: 'one_way',
      to: 'fr',
      original_text: FOX,
      translation_text: ` [fr] ${FOX}`,
    });
  });

  test('a job whose audio is not audio ends in error, and the SDK stops there', async () => {
    const result = await client.stt.transcribe({
      model: 'stt-async-v5',
      file: new TextEncoder().encode('definitely not audio\n'.repeat(50)),
      filename: 'notes.txt',
      wait: true,
      cleanup: ['file', 'transcription'],
    });
    expect(result).toMatchObject({ status: 'error', error_type: 'invalid_audio_file' });
    expect(result.error_message).toEqual(expect.any(String));
    expect(result.transcript).toBeNull();
  });

  test('the file list pages through the SDK iterator', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) {
      ids.push((await client.files.upload(speech, { filename: `page-${index}.wav` })).id);
    }
    const first = await client.files.list({ limit: 2 });
    expect(first.isPaged()).toBe(true);
    expect(defined(first.toJSON())).toEqual(defined((await raw('/v1/files?limit=2')).body));
    const seen: string[] = [];
    for await (const file of first) {
      seen.push(file.id);
    }
    expect(seen).toEqual(ids);
    await client.files.delete_all();
    expect(await client.files.count()).toMatchObject({ total: 0 });
  });

  test('a temporary key is minted, and refused for REST', async () => {
    const before = Date.now();
    const minted = await client.auth.createTemporaryKey({
      usage_type: 'transcribe_websocket',
      expires_in_seconds: 60,
      single_use: true,
      max_session_duration_seconds: 600,
      client_reference_id: 'browser',
    });
    expect(minted.api_key).toMatch(/^temp:[A-Z2-7]{26}$/);
    const expiresAt = Date.parse(minted.expires_at);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 60_000 - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 60_000);

    const temporary = new SonioxNodeClient({ api_key: minted.api_key, base_url: server.origin });
    const refused = await httpError(temporary.models.list());
    expect(refused.statusCode).toBe(401);
    expect(JSON.parse(refused.bodyText ?? '{}')).toMatchObject({
      status_code: 401,
      error_type: 'unauthenticated',
    });
  });

  test('models list as the sandbox sends them', async () => {
    const models = await client.models.list();
    expect({ models }).toEqual((await raw('/v1/models')).body);
    expect(models.map((model) => model.id)).toContain('stt-async-v5');
  });

  test('API errors reach the SDK with their status and Soniox body', async () => {
    const invalid = await httpError(
      client.stt.create({ model: 'stt-async-v9', audio_url: 'https://example.com/a.wav' }),
    );
    expect(invalid.statusCode).toBe(400);
    expect(JSON.parse(invalid.bodyText ?? '{}')).toMatchObject({
      error_type: 'invalid_request',
      validation_errors: [
        { error_type: 'value_error', location: 'body.payload.model', message: 'Invalid model' },
      ],
    });
    const missing = await httpError(
      client.stt.create({ model: 'stt-async-v5', file_id: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(missing.statusCode).toBe(404);
    expect(await client.stt.getTranscript('00000000-0000-4000-8000-000000000000')).toBeNull();

    const unlucky = await client.stt.create({
      model: 'stt-async-v5',
      audio_url: 'https://unreachable.invalid/a.wav',
    });
    expect(await httpError(client.stt.getTranscript(unlucky.id))).toMatchObject({ statusCode: 409 });
    const failed = await client.stt.wait(unlucky.id);
    expect(failed).toMatchObject({ status: 'error', error_type: 'file_download_failed' });
    await client.stt.delete(unlucky.id);
  });
});

describe('@soniox/node and scribekit on the same sandbox', () => {
  test('see the same files, jobs, transcripts and keys', async () => {
    const ours = createSoniox({ apiKey: API_KEY, baseUrl: server.origin });
    const file = await client.files.upload(speech, { filename: 'shared.wav' });
    expect(await ours.files.get(file.id)).toEqual({
      id: file.id,
      filename: file.filename,
      size: file.size,
      createdAt: file.created_at,
      clientReferenceId: undefined,
    });

    const job = await ours.stt.create({ fileId: file.id, config: { enableSpeakerDiarization: true } });
    const theirs = await client.stt.wait(job.id);
    const mine = await ours.stt.get(job.id);
    expect({
      id: mine.id,
      status: mine.status,
      fileId: mine.fileId,
      audioDurationMs: mine.audioDurationMs,
    }).toEqual({
      id: theirs.id,
      status: theirs.status,
      fileId: theirs.file_id,
      audioDurationMs: theirs.audio_duration_ms,
    });

    const theirTranscript = await client.stt.getTranscript(job.id);
    const ourTranscript = await ours.stt.getTranscript(job.id);
    expect(ourTranscript.text).toBe(theirTranscript?.text);
    expect(
      ourTranscript.tokens.map((token) => [token.text, token.startMs, token.endMs, token.speaker]),
    ).toEqual(
      theirTranscript?.tokens.map((token) => [token.text, token.start_ms, token.end_ms, token.speaker]),
    );
    expect(sonioxToTranscript(ourTranscript, mine).text).toBe(FOX);

    const mineListed = [];
    for await (const item of ours.stt.listAll()) mineListed.push(item.id);
    expect(mineListed).toContain(job.id);
    await ours.stt.destroy(job.id);
    expect(await client.stt.get(job.id)).toBeNull();
    expect(await client.files.get(file.id)).toBeNull();

    const key = await ours.auth.createTemporaryApiKey({
      usageType: 'transcribe_websocket',
      expiresInSeconds: 30,
    });
    expect(key.apiKey).toMatch(/^temp:/);
  });
});
