import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScribeWorker } from '../../worker/src/create-scribe-worker.js';
import type { Env } from '../../worker/src/env.js';
import { createSandbox } from '../../worker/src/sandbox/index.js';
import { createSoniox, sonioxToTranscript } from '../../src/core/providers/soniox/index.js';

const origin = 'https://scribe.example';
const key = 'fake-proxy-key-that-must-never-leak-0123456789';

function wavBytes(seconds: number): Uint8Array {
  const sampleRate = 16_000;
  const dataSize = seconds * sampleRate * 2;
  const bytes = new Uint8Array(44 + dataSize);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) =>
    [...text].forEach((char, index) => (bytes[offset + index] = char.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataSize, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataSize, true);
  for (let index = 0; index < seconds * sampleRate; index++)
    view.setInt16(44 + index * 2, Math.round(8000 * Math.sin(index / 8)), true);
  return bytes;
}

describe('the Soniox proxy without a key (sandbox)', () => {
  const worker = createScribeWorker({
    sandbox: createSandbox({ jobDelays: { queuedMs: 0, processingMs: 0 } }),
  });
  const env: Env = {};
  const viaWorker = (input: RequestInfo | URL, init?: RequestInit) =>
    worker.fetch(new Request(input, init), env);

  it('runs a whole transcription from the core client, inside workerd', async () => {
    const soniox = createSoniox({ baseUrl: `${origin}/api/soniox`, fetch: viaWorker });
    const { transcription, transcript } = await soniox.stt.transcribeAndWaitWithTokens({
      file: new Blob([wavBytes(2)], { type: 'audio/wav' }),
      filename: 'tone.wav',
      deleteAfter: true,
    });
    expect(navigator.userAgent).toBe('Cloudflare-Workers');
    const normalized = sonioxToTranscript(transcript, transcription);
    expect(normalized.text.toLowerCase()).toContain('sandbox');
    expect(normalized.durationInSeconds).toBeCloseTo(2, 1);
    expect(await soniox.stt.getOrNone(transcription.id)).toBeUndefined();
  });

  for (const [method, path] of [
    ['POST', '/v1/auth/temporary-api-key'],
    ['PUT', '/v1/files'],
    ['GET', '/v1/usage-logs'],
    ['GET', '/v1/transcriptions/a/b/c'],
  ] as const) {
    it(`refuses ${method} ${path}`, async () => {
      const response = await viaWorker(`${origin}/api/soniox${path}`, { method });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'route_not_allowed' } });
    });
  }
});

describe('the Soniox proxy with a key', () => {
  const upstreamAuthorization: (string | null)[] = [];
  const logs: string[] = [];
  const sandbox = createSandbox({ jobDelays: { queuedMs: 0, processingMs: 0 } });
  const worker = createScribeWorker({
    sandbox: createSandbox(),
    fetch: async (input, init) => {
      const request = new Request(input, init);
      upstreamAuthorization.push(request.headers.get('Authorization'));
      if (new URL(request.url).pathname === '/v1/models' && request.headers.get('X-Test-Fail') === '1')
        throw new TypeError('connection reset');
      return sandbox.fetch(request);
    },
  });
  const env: Env = {
    SONIOX_API_KEY: key,
    ALLOWED_ORIGINS: 'https://app.example, https://other.example',
    MAX_UPLOAD_BYTES: '100000',
  };
  const call = (path: string, init: RequestInit = {}) =>
    worker.fetch(new Request(`${origin}/api/soniox${path}`, init), env);
  const responses: Response[] = [];
  const record = async (response: Promise<Response>) => {
    const settled = await response;
    responses.push(settled.clone());
    return settled;
  };

  beforeEach(() => {
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logs.push(args.map(String).join(' '));
      });
    }
  });
  afterEach(() => vi.restoreAllMocks());

  it('sends the key upstream and drops the browser Authorization', async () => {
    const response = await record(call('/v1/models', { headers: { Authorization: 'Bearer from-the-page' } }));
    expect(response.status).toBe(200);
    expect(upstreamAuthorization.at(-1)).toBe(`Bearer ${key}`);
  });

  it('streams an upload through and returns the provider answer', async () => {
    const form = new FormData();
    form.append('file', new Blob([wavBytes(1)], { type: 'audio/wav' }), 'one.wav');
    const response = await record(call('/v1/files', { method: 'POST', body: form }));
    expect(response.status).toBe(201);
    expect(await response.clone().json()).toMatchObject({ filename: 'one.wav' });
  });

  it('answers 413 from the declared length before calling upstream', async () => {
    const before = upstreamAuthorization.length;
    const response = await record(
      call('/v1/files', {
        method: 'POST',
        body: new Uint8Array(200_000),
        headers: { 'Content-Length': '200000' },
      }),
    );
    expect(response.status).toBe(413);
    expect(await response.clone().json()).toMatchObject({ error: { code: 'upload_too_large' } });
    expect(upstreamAuthorization.length).toBe(before);
  });

  it('answers 413 when a streamed body without a length passes the limit', async () => {
    const encoder = new TextEncoder();
    const parts = [
      encoder.encode(
        '--x\r\nContent-Disposition: form-data; name="file"; filename="big.wav"\r\nContent-Type: audio/wav\r\n\r\n',
      ),
      ...Array.from({ length: 30 }, () => new Uint8Array(10_000)),
      encoder.encode('\r\n--x--\r\n'),
    ];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = parts.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(next);
      },
    });
    const response = await record(
      call('/v1/files', {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
  });

  it('answers a preflight from an allowed origin and echoes it', async () => {
    const preflight = await record(
      call('/v1/files', {
        method: 'OPTIONS',
        headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST' },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('https://app.example');
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('POST');
    const response = await record(call('/v1/models', { headers: { Origin: 'https://other.example' } }));
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('https://other.example');
    expect(response.headers.get('Vary')).toContain('Origin');
  });

  it('refuses an origin outside ALLOWED_ORIGINS (exact match)', async () => {
    for (const bad of ['https://evil.example', 'https://app.example.evil', 'http://app.example']) {
      const response = await record(call('/v1/models', { headers: { Origin: bad } }));
      expect(response.status).toBe(403);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    }
  });

  it('answers 502 in JSON when the provider cannot be reached', async () => {
    const response = await record(call('/v1/models', { headers: { 'X-Test-Fail': '1' } }));
    expect(response.status).toBe(502);
    expect(await response.clone().json()).toEqual({
      error: { code: 'upstream_unreachable', message: 'soniox could not be reached' },
    });
  });

  it('passes provider errors through with their status', async () => {
    const response = await record(call('/v1/files/00000000-0000-4000-8000-000000000000'));
    expect(response.status).toBe(404);
    expect(await response.clone().json()).toMatchObject({ error_type: 'file_not_found' });
  });

  it('never puts the key in a response body, a response header or a log line', async () => {
    expect(responses.length).toBeGreaterThanOrEqual(8);
    for (const response of responses) {
      const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
      expect(headers).not.toContain(key);
      expect(await response.text()).not.toContain(key);
    }
    expect(logs.join('\n')).not.toContain(key);
  });
});
