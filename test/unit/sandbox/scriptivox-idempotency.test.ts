import { describe, expect, test } from 'vitest';
import { scriptivoxHarness } from '../providers/scriptivox/scriptivox-sandbox-harness.js';

const body = { url: 'https://cdn.example.com/media/speech.wav', language: 'en' };

describe('Scriptivox Idempotency-Key', () => {
  test('the same key and body replay the first job with Idempotent-Replay: true', async () => {
    const harness = scriptivoxHarness();
    const first = await harness.call('POST', '/v1/transcribe', {
      json: body,
      headers: { 'Idempotency-Key': 'k1' },
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replay')).toBeNull();
    const reordered = { language: 'en', url: body.url };
    const replay = await harness.call('POST', '/v1/transcribe', {
      json: reordered,
      headers: { 'Idempotency-Key': 'k1' },
    });
    expect(replay).toMatchObject({ status: 200, body: first.body });
    expect(replay.headers.get('idempotent-replay')).toBe('true');
    expect((await harness.call('GET', '/v1/transcriptions')).body.items).toHaveLength(1);
  });

  test('the same key with another body is 422 IDEMPOTENCY_KEY_CONFLICT', async () => {
    const harness = scriptivoxHarness();
    await harness.call('POST', '/v1/transcribe', { json: body, headers: { 'Idempotency-Key': 'k2' } });
    expect(
      await harness.call('POST', '/v1/transcribe', {
        json: { ...body, diarize: true },
        headers: { 'Idempotency-Key': 'k2' },
      }),
    ).toMatchObject({ status: 422, body: { error: { code: 'IDEMPOTENCY_KEY_CONFLICT' } } });
  });

  test('a concurrent request with the same key is 409 IDEMPOTENCY_KEY_LOCKED', async () => {
    const harness = scriptivoxHarness();
    const send = () =>
      harness.call('POST', '/v1/transcribe', { json: body, headers: { 'Idempotency-Key': 'k3' } });
    const results = await Promise.all([send(), send()]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    expect(results.find((result) => result.status === 409)?.body).toEqual({
      error: { code: 'IDEMPOTENCY_KEY_LOCKED', message: expect.any(String) },
    });
    expect((await send()).headers.get('idempotent-replay')).toBe('true');
  });

  test('a failed request releases its key, and keys over 255 characters are refused', async () => {
    const harness = scriptivoxHarness();
    const bad = await harness.call('POST', '/v1/transcribe', {
      json: { url: 'nope' },
      headers: { 'Idempotency-Key': 'k4' },
    });
    expect(bad.status).toBe(400);
    expect(
      (await harness.call('POST', '/v1/transcribe', { json: body, headers: { 'Idempotency-Key': 'k4' } }))
        .status,
    ).toBe(200);
    expect(
      await harness.call('POST', '/v1/transcribe', {
        json: body,
        headers: { 'Idempotency-Key': 'k'.repeat(256) },
      }),
    ).toMatchObject({ status: 400, body: { error: { code: 'INVALID_REQUEST' } } });
  });
});
