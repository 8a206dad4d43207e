import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { scriptivoxHarness } from '../providers/scriptivox/scriptivox-sandbox-harness.js';

const speech = readFileSync(new URL('../../fixtures/audio/speech.wav', import.meta.url));

/** Asks for an upload URL and returns its answer. */
async function requestUpload(harness: ReturnType<typeof scriptivoxHarness>, filename = 'speech.wav') {
  const { status, body } = await harness.call('POST', '/v1/upload', { json: { filename } });
  expect(status).toBe(200);
  return body as {
    upload_id: string;
    upload_url: string;
    expires_in: number;
    method: string;
    headers: Record<string, string>;
  };
}

const put = (
  harness: ReturnType<typeof scriptivoxHarness>,
  url: string,
  contentType: string,
  bytes: Uint8Array = speech,
) =>
  harness.sandbox.fetch(
    new Request(url, {
      method: 'PUT',
      headers: { 'content-type': contentType },
      body: new Uint8Array(bytes),
    }),
  );

describe('Scriptivox POST /v1/upload and the storage host', () => {
  test('gives a presigned Supabase URL signed for the file type, valid for an hour', async () => {
    const harness = scriptivoxHarness();
    const upload = await requestUpload(harness, 'Meeting 1.M4A');
    expect(upload).toEqual({
      upload_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      upload_url: expect.stringMatching(
        /^https:\/\/scriptivoxsandboxref\.supabase\.co\/storage\/v1\/object\/upload\/sign\/uploads\/[0-9a-f-]{36}\/Meeting%201\.M4A\?token=[0-9a-f]{64}$/,
      ),
      expires_in: 3600,
      method: 'PUT',
      headers: { 'Content-Type': 'audio/mp4' },
    });
    expect(harness.sandbox.providerForHost('scriptivoxsandboxref.supabase.co')).toBe('scriptivox');
  });

  test('refuses names and formats it cannot take', async () => {
    const harness = scriptivoxHarness();
    for (const [filename, code] of [
      ['notes.txt', 'INVALID_MEDIA_FORMAT'],
      ['noextension', 'INVALID_MEDIA_FORMAT'],
      ['../etc/passwd.mp3', 'INVALID_FILENAME'],
      ['.hidden.mp3', 'INVALID_FILENAME'],
      ['', 'INVALID_FILENAME'],
      [42, 'INVALID_FILENAME'],
    ] as const) {
      const { status, body } = await harness.call('POST', '/v1/upload', { json: { filename } });
      expect(status, String(filename)).toBe(400);
      expect(body).toEqual({ error: { code, message: expect.any(String) } });
    }
  });

  test('the PUT needs the token, the exact Content-Type and a fresh URL, and takes one upload', async () => {
    const harness = scriptivoxHarness();
    const upload = await requestUpload(harness);
    const forged = new URL(upload.upload_url);
    forged.searchParams.set('token', 'x');
    expect(await (await put(harness, forged.toString(), 'audio/wav')).json()).toEqual({
      statusCode: '400',
      error: 'InvalidJWT',
      message: 'invalid signature',
    });
    const wrongType = await put(harness, upload.upload_url, 'audio/x-wav');
    expect(wrongType.status).toBe(400);
    expect(await wrongType.json()).toMatchObject({ error: 'invalid_mime_type' });
    const ok = await put(harness, upload.upload_url, 'audio/wav');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ Key: `uploads/${upload.upload_id}/speech.wav` });
    expect((await put(harness, upload.upload_url, 'audio/wav')).status).toBe(409);
    const stale = await requestUpload(harness);
    harness.advance(3_600_001);
    expect(await (await put(harness, stale.upload_url, 'audio/wav')).json()).toMatchObject({
      statusCode: '400',
      error: 'InvalidJWT',
    });
    const post = await harness.sandbox.fetch(new Request(upload.upload_url, { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('PUT');
  });

  test('a job from an upload is pending while probed, knows its size, and spends the upload', async () => {
    const harness = scriptivoxHarness();
    const upload = await requestUpload(harness);
    await put(harness, upload.upload_url, 'audio/wav');
    const id = await harness.create({ upload_id: upload.upload_id });
    harness.advance(600);
    expect(await harness.get(id)).toMatchObject({ status: 'pending', file_size_bytes: speech.byteLength });
    harness.advance(3000);
    expect((await harness.get(id)).result).toMatchObject({
      full_transcript: 'The quick brown fox jumps over the lazy dog.',
    });
    expect(
      await harness.call('POST', '/v1/transcribe', { json: { upload_id: upload.upload_id } }),
    ).toMatchObject({
      status: 400,
      body: { error: { code: 'UPLOAD_ALREADY_USED' } },
    });
  });

  test('refuses an unknown, unsent or expired upload, and fails bytes that are not audio', async () => {
    const harness = scriptivoxHarness();
    expect(await harness.call('POST', '/v1/transcribe', { json: { upload_id: 'missing' } })).toMatchObject({
      status: 404,
      body: { error: { code: 'UPLOAD_NOT_FOUND' } },
    });
    const unsent = await requestUpload(harness);
    expect(
      await harness.call('POST', '/v1/transcribe', { json: { upload_id: unsent.upload_id } }),
    ).toMatchObject({
      status: 400,
      body: { error: { code: 'FILE_NOT_UPLOADED' } },
    });
    const noise = await requestUpload(harness, 'noise.mp3');
    await put(harness, noise.upload_url, 'audio/mpeg', new Uint8Array(2048).fill(7));
    const id = await harness.create({ upload_id: noise.upload_id });
    harness.advance(1000);
    expect(await harness.get(id)).toMatchObject({
      status: 'failed',
      error: { code: 'INVALID_MEDIA_FORMAT' },
    });
    const late = await requestUpload(harness);
    await put(harness, late.upload_url, 'audio/wav');
    harness.advance(3_600_001);
    expect(
      await harness.call('POST', '/v1/transcribe', { json: { upload_id: late.upload_id } }),
    ).toMatchObject({
      status: 400,
      body: { error: { code: 'UPLOAD_EXPIRED' } },
    });
  });
});
