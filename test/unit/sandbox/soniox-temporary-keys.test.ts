import { describe, expect, test } from 'vitest';
import { createSandbox } from '../../../worker/src/sandbox/index.js';
import { createJobClock } from '../../../worker/src/sandbox/shared/job-clock.js';
import {
  createSonioxEmulator,
  createSonioxState,
} from '../../../worker/src/sandbox/soniox/soniox-emulator.js';
import { SonioxKeyStore } from '../../../worker/src/sandbox/soniox/soniox-key-store.js';

const auth = { Authorization: 'Bearer test-key' };
const START = Date.parse('2026-03-01T12:00:00.000Z');
const TEMP_KEY = /^temp:[A-Z2-7]{26}$/;

async function mint(body: unknown, fetch = createSandbox({ now: () => START }).fetch) {
  const response = await fetch(
    new Request('https://api.soniox.com/v1/auth/temporary-api-key', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('Soniox POST /v1/auth/temporary-api-key', () => {
  test('201 with a temp: key and its expiry', async () => {
    const { status, body } = await mint({ usage_type: 'transcribe_websocket', expires_in_seconds: 60 });
    expect(status).toBe(201);
    expect(body).toEqual({
      api_key: expect.stringMatching(TEMP_KEY),
      expires_at: '2026-03-01T12:01:00.000Z',
    });
    expect(Object.keys(body)).toEqual(['api_key', 'expires_at']);
  });

  test('every key is different', async () => {
    const sandbox = createSandbox();
    const keys = new Set<unknown>();
    for (let index = 0; index < 20; index++) {
      keys.add((await mint({ usage_type: 'tts_rt', expires_in_seconds: 1 }, sandbox.fetch)).body['api_key']);
    }
    expect(keys.size).toBe(20);
  });

  test.each([
    [{ expires_in_seconds: 60 }, 'missing', 'body.payload.usage_type', 'Field required'],
    [
      { usage_type: 'rest', expires_in_seconds: 60 },
      'enum',
      'body.payload.usage_type',
      "Input should be 'transcribe_websocket' or 'tts_rt'",
    ],
    [{ usage_type: 'tts_rt' }, 'missing', 'body.payload.expires_in_seconds', 'Field required'],
    [
      { usage_type: 'tts_rt', expires_in_seconds: 0 },
      'greater_than_equal',
      'body.payload.expires_in_seconds',
      'Input should be greater than or equal to 1',
    ],
    [
      { usage_type: 'tts_rt', expires_in_seconds: 3601 },
      'less_than_equal',
      'body.payload.expires_in_seconds',
      'Input should be less than or equal to 3600',
    ],
    [
      { usage_type: 'tts_rt', expires_in_seconds: 1.5 },
      'int_from_float',
      'body.payload.expires_in_seconds',
      'Input should be a valid integer, got a number with a fractional part',
    ],
    [
      { usage_type: 'tts_rt', expires_in_seconds: 'soon' },
      'int_parsing',
      'body.payload.expires_in_seconds',
      'Input should be a valid integer, unable to parse string as an integer',
    ],
    [
      { usage_type: 'tts_rt', expires_in_seconds: null },
      'int_type',
      'body.payload.expires_in_seconds',
      'Input should be a valid integer',
    ],
    [
      { usage_type: 'tts_rt', expires_in_seconds: 60, max_session_duration_seconds: 0 },
      'greater_than_equal',
      'body.payload.max_session_duration_seconds',
      'Input should be greater than or equal to 1',
    ],
    [
      { usage_type: 'tts_rt', expires_in_seconds: 60, max_session_duration_seconds: 18_001 },
      'less_than_equal',
      'body.payload.max_session_duration_seconds',
      'Input should be less than or equal to 18000',
    ],
    [
      { usage_type: 'tts_rt', expires_in_seconds: 60, single_use: 'sometimes' },
      'bool_parsing',
      'body.payload.single_use',
      'Input should be a valid boolean, unable to interpret input',
    ],
    [
      { usage_type: 'tts_rt', expires_in_seconds: 60, client_reference_id: 'c'.repeat(257) },
      'string_too_long',
      'body.payload.client_reference_id',
      'String should have at most 256 characters',
    ],
  ])('%j → 400 %s at %s', async (body, errorType, location, message) => {
    const answer = await mint(body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      status_code: 400,
      error_type: 'invalid_request',
      message: 'Invalid request.',
      validation_errors: [{ error_type: errorType, location, message }],
    });
    expect(answer.body['validation_errors']).toHaveLength(1);
  });

  test('the bounds themselves are accepted', async () => {
    for (const body of [
      { usage_type: 'transcribe_websocket', expires_in_seconds: 1, max_session_duration_seconds: 1 },
      { usage_type: 'transcribe_websocket', expires_in_seconds: 3600, max_session_duration_seconds: 18_000 },
      { usage_type: 'tts_rt', expires_in_seconds: '60', single_use: true, client_reference_id: null },
    ]) {
      expect((await mint(body)).status).toBe(201);
    }
  });

  test('a minted key is refused on every REST endpoint with 401', async () => {
    const sandbox = createSandbox();
    const { body } = await mint(
      { usage_type: 'transcribe_websocket', expires_in_seconds: 60 },
      sandbox.fetch,
    );
    const headers = { Authorization: `Bearer ${String(body['api_key'])}` };
    for (const [method, path] of [
      ['GET', '/v1/models'],
      ['GET', '/v1/files'],
      ['GET', '/v1/transcriptions'],
      ['POST', '/v1/auth/temporary-api-key'],
    ] as const) {
      const response = await sandbox.fetch(new Request(`https://api.soniox.com${path}`, { method, headers }));
      expect(response.status, path).toBe(401);
      expect(await response.json()).toMatchObject({ status_code: 401, error_type: 'unauthenticated' });
    }
  });

  test('minted keys land in the emulator state with their options', async () => {
    let now = START;
    const state = createSonioxState();
    const emulator = createSonioxEmulator({ clock: createJobClock({ now: () => now }) }, state);
    const fetch = (request: Request) => emulator.fetch(request, new URL(request.url));
    const { body } = await mint(
      {
        usage_type: 'transcribe_websocket',
        expires_in_seconds: 60,
        single_use: true,
        max_session_duration_seconds: 600,
        client_reference_id: 'browser-1',
      },
      fetch,
    );
    const apiKey = String(body['api_key']);
    expect(state.keys.lookup(apiKey, now)).toEqual({
      status: 'valid',
      key: {
        apiKey,
        usageType: 'transcribe_websocket',
        createdAt: START,
        expiresAt: START + 60_000,
        singleUse: true,
        maxSessionDurationSeconds: 600,
        clientReferenceId: 'browser-1',
        uses: 0,
      },
    });
    now += 60_000;
    expect(state.keys.lookup(apiKey, now).status).toBe('expired');
  });
});

describe('SonioxKeyStore', () => {
  const request = {
    usageType: 'transcribe_websocket' as const,
    expiresInSeconds: 10,
    singleUse: false,
    maxSessionDurationSeconds: null,
    clientReferenceId: null,
  };

  test('valid until its expiry instant, then expired; unknown keys are unknown', () => {
    const store = new SonioxKeyStore();
    const key = store.issue(request, 1000);
    expect(key.apiKey).toMatch(TEMP_KEY);
    expect(store.size).toBe(1);
    expect(store.lookup(key.apiKey, 10_999).status).toBe('valid');
    expect(store.lookup(key.apiKey, 11_000).status).toBe('expired');
    expect(store.lookup('temp:NOPE', 1000)).toEqual({ status: 'unknown' });
    expect(store.markUsed('temp:NOPE')).toBeUndefined();
  });

  test('a single-use key is used after one session; a reusable key is not', () => {
    const store = new SonioxKeyStore();
    const single = store.issue({ ...request, singleUse: true }, 0);
    const reusable = store.issue(request, 0);
    expect(store.markUsed(single.apiKey)?.uses).toBe(1);
    expect(store.lookup(single.apiKey, 1).status).toBe('used');
    store.markUsed(reusable.apiKey);
    store.markUsed(reusable.apiKey);
    expect(store.lookup(reusable.apiKey, 1)).toMatchObject({ status: 'valid', key: { uses: 2 } });
    expect(store.lookup(single.apiKey, 10_000).status).toBe('expired');
  });

  test('consume checks and marks in one step', () => {
    const store = new SonioxKeyStore();
    const key = store.issue({ ...request, singleUse: true }, 0);
    expect(store.consume(key.apiKey, 5).status).toBe('valid');
    expect(store.consume(key.apiKey, 5).status).toBe('used');
    expect(store.lookup(key.apiKey, 5).status).toBe('used');
  });
});
