import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createSandbox } from '../../../worker/src/sandbox/index.js';

const speech = readFileSync(new URL('../../fixtures/audio/speech.wav', import.meta.url));
const auth = { Authorization: 'Bearer k' };
const START = Date.parse('2026-11-22T08:00:00Z');

function harness() {
  let now = START;
  const sandbox = createSandbox({ now: () => now });
  const call = async (method: string, path: string, init: RequestInit = {}) => {
    const response = await sandbox.fetch(
      new Request(`https://api.mistral.ai${path}`, { method, headers: auth, ...init }),
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const upload = async (fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(speech)], { type: 'audio/wav' }), 'speech.wav');
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return call('POST', '/v1/files', { body: form });
  };
  return { sandbox, call, upload, advance: (ms: number) => (now += ms) };
}

describe('Mistral files', () => {
  test('POST /v1/files returns the CreateFileResponse fields, purpose fine-tune unless told', async () => {
    const { upload } = harness();
    const { status, body } = await upload({ purpose: 'audio' });
    expect(status).toBe(200);
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      object: 'file',
      bytes: speech.byteLength,
      created_at: START / 1000,
      filename: 'speech.wav',
      purpose: 'audio',
      sample_type: 'audio',
      num_lines: null,
      mimetype: 'audio/wav',
      source: 'upload',
      signature: null,
      expires_at: null,
      visibility: 'workspace',
    });
    expect((await upload()).body.purpose).toBe('fine-tune');
  });

  test('422 for a missing file or an unknown purpose', async () => {
    const { call, upload } = harness();
    expect(await call('POST', '/v1/files', { body: new FormData() })).toMatchObject({
      status: 422,
      body: { detail: [{ loc: ['body', 'file'], type: 'missing' }] },
    });
    expect(await upload({ purpose: 'music' })).toMatchObject({
      status: 422,
      body: { detail: [{ loc: ['body', 'purpose'], type: 'enum', input: 'music' }] },
    });
  });

  test('a signed URL serves the bytes without a key until it expires', async () => {
    const { sandbox, call, upload, advance } = harness();
    const { body: file } = await upload({ purpose: 'audio' });
    const { status, body } = await call('GET', `/v1/files/${String(file.id)}/url?expiry=1`);
    expect(status).toBe(200);
    const signed = new URL(String(body.url));
    expect(signed.pathname).toBe(`/v1/files/${String(file.id)}/content`);
    const fetched = await sandbox.fetch(new Request(signed));
    expect(fetched.headers.get('content-type')).toBe('audio/wav');
    expect(new Uint8Array(await fetched.arrayBuffer())).toEqual(new Uint8Array(speech));
    signed.searchParams.set('signature', 'forged');
    expect((await sandbox.fetch(new Request(signed))).status).toBe(401);
    advance(3_600_001);
    expect((await sandbox.fetch(new Request(String(body.url)))).status).toBe(401);
  });

  test('signed URL expiry is 1–168 hours, and the file must exist', async () => {
    const { call, upload } = harness();
    const { body: file } = await upload();
    expect(await call('GET', `/v1/files/${String(file.id)}/url?expiry=169`)).toMatchObject({
      status: 422,
      body: { detail: [{ loc: ['query', 'expiry'], type: 'less_than_equal', ctx: { le: 168 } }] },
    });
    expect((await call('GET', `/v1/files/${String(file.id)}/url?expiry=0`)).status).toBe(422);
    expect((await call('GET', '/v1/files/missing/url')).status).toBe(404);
  });

  test('DELETE /v1/files/{id} answers { id, object, deleted } once, then 404', async () => {
    const { call, upload } = harness();
    const { body: file } = await upload();
    expect(await call('DELETE', `/v1/files/${String(file.id)}`)).toEqual({
      status: 200,
      body: { id: file.id, object: 'file', deleted: true },
    });
    expect(await call('DELETE', `/v1/files/${String(file.id)}`)).toMatchObject({
      status: 404,
      body: { object: 'error', type: 'invalid_request_error' },
    });
  });
});
