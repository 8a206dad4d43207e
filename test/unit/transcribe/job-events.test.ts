import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { followJobEvents, transcribe, type JobEvent } from '../../../src/core/index.js';
import { createSoniox } from '../../../src/core/providers/soniox/index.js';
import { createSandbox } from '../../../worker/src/sandbox/index.js';
import { startHttpTestServer, type HttpTestServer } from '../../helpers/http-test-server.js';

let server: HttpTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function collect(iterable: AsyncIterable<JobEvent>): Promise<JobEvent[]> {
  const events: JobEvent[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

describe('followJobEvents', () => {
  it('reads status events from the Worker stream, messages split across chunks', async () => {
    server = await startHttpTestServer((request, response) => {
      expect(request.url).toBe('/api/jobs/job%201/events');
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('retry: 3000\n\n: keepalive\n\nevent: status\ndata: {"id":"job 1","sta');
      setTimeout(() => {
        response.write('tus":"processing"}\n\nevent: other\ndata: {}\n\nevent: status\ndata: not json\n\n');
        response.end('event: status\ndata: {"id":"job 1","status":"completed"}\n\n');
      }, 20);
    });
    const events = await collect(
      followJobEvents(`${server.origin}/api/`)('job 1', new AbortController().signal),
    );
    expect(events).toEqual([
      { id: 'job 1', status: 'processing' },
      { id: 'job 1', status: 'completed' },
    ]);
  });

  it('ends quietly when the Worker has no stream for the job', async () => {
    server = await startHttpTestServer((_request, response) => {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{"error":{"code":"not_found"}}');
    });
    expect(await collect(followJobEvents(`${server.origin}/api`)('x', new AbortController().signal))).toEqual(
      [],
    );
  });

  it('stops when aborted', async () => {
    server = await startHttpTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('retry: 3000\n\n');
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(
      collect(followJobEvents(`${server.origin}/api`)('x', controller.signal)),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('transcribe() with job events', () => {
  it('waits for the pushed completion instead of polling every second', async () => {
    let clock = Date.parse('2026-11-22T10:00:00Z');
    const sandbox = createSandbox({ now: () => clock, jobDelays: { queuedMs: 1_000, processingMs: 1_000 } });
    let statusPolls = 0;
    const soniox = createSoniox({
      apiKey: 'sandbox',
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.method === 'GET' && /\/v1\/transcriptions\/[^/]+$/.test(new URL(request.url).pathname))
          statusPolls++;
        return sandbox.fetch(request);
      },
    });
    const jobEvents = (jobId: string) => ({
      async *[Symbol.asyncIterator]() {
        await new Promise((resolve) => setTimeout(resolve, 300));
        clock += 5_000;
        yield { id: jobId, status: 'completed' };
      },
    });
    const started = performance.now();
    const transcript = await transcribe({
      provider: soniox,
      audio: new File([readFileSync('test/fixtures/audio/speech.wav')], 'speech.wav', { type: 'audio/wav' }),
      jobEvents,
    });
    expect(transcript.text).toBe('The quick brown fox jumps over the lazy dog.');
    expect(performance.now() - started).toBeLessThan(1_000);
    // One poll at most from the 15-second safety net's first look, one read after the push.
    expect(statusPolls).toBeLessThanOrEqual(2);
  });
});
