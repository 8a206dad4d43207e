import { describe, expect, it } from 'vitest';
import { createScriptivox } from '../../src/core/providers/scriptivox/index.js';
import { createScribeWorker } from '../../worker/src/create-scribe-worker.js';
import type { Env } from '../../worker/src/env.js';
import { createSandbox } from '../../worker/src/sandbox/index.js';

const origin = 'https://scribe.example';

function toneWav(seconds: number): Uint8Array {
  const rate = 16_000;
  const bytes = new Uint8Array(44 + seconds * rate * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) =>
    [...text].forEach((char, index) => (bytes[offset + index] = char.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, seconds * rate * 2, true);
  for (let index = 0; index < seconds * rate; index++)
    view.setInt16(44 + index * 2, Math.round(6000 * Math.sin(index / 6)), true);
  return bytes;
}

describe('Scriptivox through the Worker in sandbox mode', () => {
  const worker = createScribeWorker({
    sandbox: createSandbox({
      jobDelays: { queuedMs: 0, processingMs: 0 },
      deliverWebhook: (request) => worker.fetch(request, env),
    }),
  });
  const env: Env = {};
  const viaWorker = (input: RequestInfo | URL, init?: RequestInit) =>
    worker.fetch(new Request(input, init), env);

  it('uploads through the storage relay, and the signed webhook reaches the job event stream', async () => {
    const scriptivox = createScriptivox({ baseUrl: `${origin}/api/scriptivox`, fetch: viaWorker });
    const job = await scriptivox.transcribe.createFromFile(new Blob([toneWav(2)], { type: 'audio/wav' }), {
      filename: 'tone.wav',
    });
    const events = await worker.fetch(new Request(`${origin}/api/jobs/${job.id}/events`), env);
    const done = await scriptivox.transcribe.wait(job.id, { intervalMs: 300 });
    expect(done.status).toBe('completed');
    const text = await events.text();
    expect(text).toContain(`"id":"${job.id}"`);
    expect(text).toContain('"status":"completed"');
    const config = await (
      await worker.fetch(new Request(`${origin}/api/config`), env)
    ).json<{ webhooks: { scriptivox: boolean } }>();
    expect(config.webhooks.scriptivox).toBe(true);
  });

  it('points the presigned upload URL at the Worker relay', async () => {
    const response = await viaWorker(`${origin}/api/scriptivox/v1/upload`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ filename: 'a.wav' }),
    });
    const body = await response.json<{ upload_url: string }>();
    expect(body.upload_url.startsWith(`${origin}/api/scriptivox-storage/`)).toBe(true);
  });

  it('refuses a webhook with a bad signature', async () => {
    const response = await worker.fetch(
      new Request(`${origin}/api/webhooks/scriptivox`, {
        method: 'POST',
        headers: {
          'X-Scriptivox-Signature': 'bad',
          'X-Scriptivox-Timestamp': String(Math.floor(Date.now() / 1000)),
        },
        body: '{"event":"transcription.completed","transcription_id":"x","status":"completed"}',
      }),
      env,
    );
    expect(response.status).toBe(401);
  });

  it('has no storage relay when a real key is configured', async () => {
    const response = await worker.fetch(
      new Request(`${origin}/api/scriptivox-storage/x`, { method: 'PUT', body: 'x' }),
      { SCRIPTIVOX_API_KEY: 'sk_live_x' },
    );
    expect(response.status).toBe(404);
  });
});
