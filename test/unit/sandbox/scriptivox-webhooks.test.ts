import { createHash, createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { START, scriptivoxHarness } from '../providers/scriptivox/scriptivox-sandbox-harness.js';

const KEY = 'sk_live_test';

/** Records what the sandbox delivers, answering 200 (or throwing, to lose a delivery). */
function recorder(fail = false) {
  const delivered: { url: string; headers: Headers; body: string }[] = [];
  const deliverWebhook = async (request: Request) => {
    delivered.push({ url: request.url, headers: request.headers, body: await request.text() });
    if (fail) throw new Error('connection refused');
    return new Response('ok');
  };
  return { delivered, deliverWebhook };
}

describe('Scriptivox webhooks from the sandbox', () => {
  test('sends processing, then completed, once each, signed with the SHA-256 of the key over timestamp.body', async () => {
    const { delivered, deliverWebhook } = recorder();
    const harness = scriptivoxHarness({ deliverWebhook });
    const id = await harness.create({
      url: 'https://cdn.example.com/speech.wav',
      webhook_url: 'https://app.example.com/hook?x=1',
    });
    await harness.call('GET', '/v1/balance');
    expect(delivered).toHaveLength(0);
    harness.advance(1000);
    await harness.call('GET', '/v1/balance');
    harness.advance(2000);
    await harness.call('GET', '/v1/balance');
    await harness.call('GET', '/v1/balance');
    expect(delivered.map((item) => JSON.parse(item.body) as unknown)).toEqual([
      {
        event: 'transcription.processing',
        transcription_id: id,
        status: 'processing',
        duration_seconds: 3.439,
        cost_cents: 0.0191,
      },
      {
        event: 'transcription.completed',
        transcription_id: id,
        status: 'completed',
        duration_seconds: 3.439,
        cost_cents: 0.0191,
      },
    ]);
    const last = delivered[1];
    expect(last?.url).toBe('https://app.example.com/hook?x=1');
    expect(last?.headers.get('content-type')).toBe('application/json');
    const timestamp = last?.headers.get('x-scriptivox-timestamp') ?? '';
    expect(timestamp).toBe(String((START + 3000) / 1000));
    const keyHash = createHash('sha256').update(KEY).digest('hex');
    expect(last?.headers.get('x-scriptivox-signature')).toBe(
      createHmac('sha256', keyHash)
        .update(`${timestamp}.${last?.body ?? ''}`)
        .digest('hex'),
    );
  });

  test('a failed job and a cancelled one send transcription.failed with the error', async () => {
    const { delivered, deliverWebhook } = recorder();
    const harness = scriptivoxHarness({ deliverWebhook });
    const broken = await harness.create({
      url: 'https://unreachable.invalid/a.mp3',
      webhook_url: 'https://app.example.com/hook',
    });
    const cancelled = await harness.create({
      url: 'https://cdn.example.com/a.mp3',
      webhook_url: 'https://app.example.com/hook',
    });
    await harness.call('POST', `/v1/transcribe/${cancelled}/cancel`);
    harness.advance(1000);
    await harness.call('GET', '/v1/balance');
    const events = delivered.map((item) => JSON.parse(item.body) as Record<string, unknown>);
    expect(events).toContainEqual({
      event: 'transcription.failed',
      transcription_id: cancelled,
      status: 'failed',
      error: { code: 'CANCELLED', message: expect.any(String) },
    });
    expect(events).toContainEqual(
      expect.objectContaining({
        event: 'transcription.failed',
        transcription_id: broken,
        error: expect.objectContaining({ code: 'URL_NOT_ACCESSIBLE' }),
      }),
    );
    expect(events.filter((event) => event.event === 'transcription.processing')).toHaveLength(0);
  });

  test('a lost delivery is not retried, and jobs without a webhook_url send nothing', async () => {
    const { delivered, deliverWebhook } = recorder(true);
    const harness = scriptivoxHarness({ deliverWebhook });
    await harness.create({ url: 'https://cdn.example.com/a.mp3' });
    await harness.create({
      url: 'https://cdn.example.com/b.mp3',
      webhook_url: 'https://app.example.com/hook',
    });
    harness.advance(5000);
    await harness.call('GET', '/v1/balance');
    await harness.call('GET', '/v1/balance');
    expect(delivered).toHaveLength(2);
  });
});
