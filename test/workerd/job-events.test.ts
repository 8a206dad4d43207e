import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createScribeWorker } from '../../worker/src/create-scribe-worker.js';
import type { Env } from '../../worker/src/env.js';
import { createSandbox, type Sandbox } from '../../worker/src/sandbox/index.js';

const origin = 'https://scribe.example';
const secret = 'hook-secret-never-in-a-browser';
const header = 'X-Scribekit-Webhook-Secret';

async function readEvents(response: Response, count: number): Promise<unknown[]> {
  if (response.body === null) throw new Error('the events response has no body');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  const events: unknown[] = [];
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
    const blocks = text.split('\n\n');
    text = blocks.pop() ?? '';
    for (const block of blocks) {
      const data = block.split('\n').find((line) => line.startsWith('data: '));
      if (data !== undefined) events.push(JSON.parse(data.slice(6)));
    }
  }
  await reader.cancel();
  return events;
}

const callback = (id: string, status: string, value = secret) =>
  new Request(`${origin}/api/webhooks/soniox`, {
    method: 'POST',
    headers: { [header]: value, 'Content-Type': 'application/json' },
    body: JSON.stringify({ id, status }),
  });

describe('webhooks and job events (in-memory hub)', () => {
  const worker = createScribeWorker({ sandbox: createSandbox() });
  const env: Env = { SONIOX_WEBHOOK_SECRET: secret };

  it('streams a job state recorded by a verified webhook, and ends at a terminal state', async () => {
    const stream = await worker.fetch(new Request(`${origin}/api/jobs/job-1/events`), env);
    expect(stream.headers.get('Content-Type')).toBe('text/event-stream');
    const events = readEvents(stream, 2);
    expect((await worker.fetch(callback('job-1', 'completed'), env)).status).toBe(200);
    const late = await readEvents(await worker.fetch(new Request(`${origin}/api/jobs/job-1/events`), env), 1);
    expect(await events).toEqual([
      expect.objectContaining({ provider: 'soniox', id: 'job-1', status: 'completed' }),
    ]);
    expect(late).toEqual([expect.objectContaining({ id: 'job-1', status: 'completed' })]);
  });

  it('rejects a callback with the wrong secret, a bad body or another method', async () => {
    expect((await worker.fetch(callback('job-2', 'completed', 'guess'), env)).status).toBe(401);
    const bad = new Request(`${origin}/api/webhooks/soniox`, {
      method: 'POST',
      headers: { [header]: secret },
      body: '{"id":"x","status":"queued"}',
    });
    expect((await worker.fetch(bad, env)).status).toBe(400);
    expect((await worker.fetch(new Request(`${origin}/api/webhooks/soniox`), env)).status).toBe(405);
    expect(
      (await worker.fetch(new Request(`${origin}/api/webhooks/nope`, { method: 'POST' }), env)).status,
    ).toBe(404);
  });

  it('refuses callbacks when no secret is configured', async () => {
    const response = await worker.fetch(callback('job-3', 'completed'), {});
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'webhooks_not_configured' } });
  });

  it('rejects a job id that is not an id', async () => {
    expect(
      (await worker.fetch(new Request(`${origin}/api/jobs/${encodeURIComponent('a b')}/events`), env)).status,
    ).toBe(400);
  });
});

describe('the Soniox proxy with webhooks configured', () => {
  it('tells each new job to call the Worker back, without showing the page the secret', async () => {
    const sandbox = createSandbox();
    const seen: Record<string, unknown>[] = [];
    const recording: Sandbox = {
      ...sandbox,
      hosts: sandbox.hosts,
      providerForHost: (host) => sandbox.providerForHost(host),
      async fetch(request) {
        if (request.method === 'POST' && new URL(request.url).pathname === '/v1/transcriptions')
          seen.push(await request.clone().json());
        return sandbox.fetch(request);
      },
    };
    const worker = createScribeWorker({ sandbox: recording });
    const env: Env = { SONIOX_WEBHOOK_SECRET: secret, PUBLIC_ORIGIN: 'https://public.example/' };
    const response = await worker.fetch(
      new Request(`${origin}/api/soniox/v1/transcriptions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ model: 'stt-async-v5', audio_url: 'https://media.example.com/a.mp3' }),
      }),
      env,
    );
    expect(response.status).toBe(201);
    expect(seen[0]).toMatchObject({
      webhook_url: 'https://public.example/api/webhooks/soniox',
      webhook_auth_header_name: header,
      webhook_auth_header_value: secret,
    });
    expect(await response.text()).not.toContain(secret);
    const config = await (
      await worker.fetch(new Request(`${origin}/api/config`), env)
    ).json<{ webhooks: { soniox: boolean } }>();
    expect(config.webhooks.soniox).toBe(true);
  });
});

describe('job events through the deployed Worker (Durable Object per job)', () => {
  it('meets the webhook and the stream in the job object, and keeps the last state', async () => {
    const stream = await exports.default.fetch(`${origin}/api/jobs/durable-1/events`);
    const events = readEvents(stream, 2);
    const processing = await exports.default.fetch(callback('durable-1', 'error', 'workerd-test-secret'));
    expect(processing.status).toBe(200);
    expect(await events).toEqual([expect.objectContaining({ id: 'durable-1', status: 'error' })]);
    const replay = await readEvents(await exports.default.fetch(`${origin}/api/jobs/durable-1/events`), 1);
    expect(replay).toEqual([expect.objectContaining({ id: 'durable-1', status: 'error' })]);
  });
});
