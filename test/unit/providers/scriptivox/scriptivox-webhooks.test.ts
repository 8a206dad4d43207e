import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../../src/core/index.js';
import { createScriptivox } from '../../../../src/core/providers/scriptivox/index.js';
import { createSandbox } from '../../../../worker/src/sandbox/index.js';

const KEY = 'sk_live_webhook_key';
const NOW = Date.parse('2026-11-22T12:00:00Z');
const SECONDS = String(NOW / 1000);
const BODY =
  '{"event":"transcription.completed","transcription_id":"t1","status":"completed","duration_seconds":3.4,"cost_cents":0.0189}';
const keyDigest = createHash('sha256').update(KEY).digest();
const scriptivox = createScriptivox({ apiKey: KEY });

/** Signs independently of the code under test, with node:crypto. */
function sign(
  options: {
    key?: Buffer | string;
    timestamp?: string;
    body?: string;
    encoding?: 'hex' | 'base64' | 'base64url';
  } = {},
) {
  return createHmac('sha256', options.key ?? keyDigest.toString('hex'))
    .update(`${options.timestamp ?? SECONDS}.${options.body ?? BODY}`)
    .digest(options.encoding ?? 'hex');
}

const headers = (signature: string, timestamp = SECONDS) => ({
  'X-Scriptivox-Signature': signature,
  'X-Scriptivox-Timestamp': timestamp,
});
const verify = (signature: string, timestamp = SECONDS, body = BODY, now = NOW) =>
  scriptivox.webhooks.verify(body, headers(signature, timestamp), { now });

describe('scriptivox.webhooks.verify', () => {
  it('accepts a valid signature and rejects a tampered body, a wrong key and missing headers', async () => {
    expect(await verify(sign())).toBe(true);
    expect(await verify(sign(), SECONDS, BODY.replace('0.0189', '0.0001'))).toBe(false);
    expect(await verify(sign({ key: createHash('sha256').update('sk_live_other').digest('hex') }))).toBe(
      false,
    );
    expect(await verify(sign({ key: KEY }))).toBe(false);
    expect(await scriptivox.webhooks.verify(BODY, { 'X-Scriptivox-Signature': sign() }, { now: NOW })).toBe(
      false,
    );
    expect(await scriptivox.webhooks.verify(BODY, new Headers(), { now: NOW })).toBe(false);
  });

  it('rejects a timestamp more than five minutes away, and a signature over another timestamp', async () => {
    const at = (offsetSeconds: number) => String(NOW / 1000 + offsetSeconds);
    expect(await verify(sign({ timestamp: at(-299) }), at(-299))).toBe(true);
    expect(await verify(sign({ timestamp: at(-301) }), at(-301))).toBe(false);
    expect(await verify(sign({ timestamp: at(301) }), at(301))).toBe(false);
    expect(await verify(sign({ timestamp: at(-10) }), at(-11))).toBe(false);
    expect(await verify(sign(), 'soon')).toBe(false);
    expect(
      await scriptivox.webhooks.verify(BODY, headers(sign({ timestamp: at(-200) }), at(-200)), {
        now: NOW,
        toleranceSeconds: 60,
      }),
    ).toBe(false);
  });

  it('accepts every encoding the reference leaves open', async () => {
    const hex = sign();
    expect(await verify(sign({ encoding: 'base64' }))).toBe(true);
    expect(await verify(sign({ encoding: 'base64url' }))).toBe(true);
    expect(await verify(hex.toUpperCase())).toBe(true);
    expect(await verify(`v1=${hex}`)).toBe(true);
    expect(await verify(`sha256=${sign({ encoding: 'base64' })}`)).toBe(true);
    expect(await verify(`v1=deadbeef, v1=${hex}`)).toBe(true);
    expect(await verify(sign({ key: keyDigest }))).toBe(true);
    const milliseconds = String(NOW);
    expect(await verify(sign({ timestamp: milliseconds }), milliseconds)).toBe(true);
    expect(await verify(`v2=${hex}`)).toBe(false);
    expect(await verify(hex.slice(2))).toBe(false);
  });

  it('reads headers from a plain object case-insensitively, and the key from a function', async () => {
    const keyed = createScriptivox({ apiKey: async () => KEY });
    expect(
      await keyed.webhooks.verify(
        BODY,
        { 'x-scriptivox-signature': [sign()], 'x-scriptivox-timestamp': SECONDS },
        { now: new Date(NOW) },
      ),
    ).toBe(true);
  });

  it('needs an API key and the raw body text', async () => {
    const keyless = createScriptivox({ baseUrl: '/api/scriptivox' });
    await expect(keyless.webhooks.verify(BODY, headers(sign()), { now: NOW })).rejects.toThrow(
      InvalidArgumentError,
    );
    expect(await keyless.webhooks.verify(BODY, headers(sign()), { now: NOW, apiKey: KEY })).toBe(true);
    await expect(scriptivox.webhooks.verify(JSON.parse(BODY) as never, headers(sign()))).rejects.toThrow(
      InvalidArgumentError,
    );
  });
});

describe('scriptivox.webhooks.parse and handleWebhook', () => {
  it('parses events, with the result older payloads embed', () => {
    const event = scriptivox.webhooks.parse(
      readFileSync('test/fixtures/scriptivox/webhook-completed-with-result.json', 'utf8'),
    );
    expect(event).toMatchObject({
      event: 'transcription.completed',
      transcriptionId: 'txn-456',
      costCents: 0.6667,
    });
    expect(event.result?.utterances[0]?.speaker).toBe('SPEAKER 1');
    expect(
      scriptivox.webhooks.parse({
        event: 'transcription.failed',
        transcription_id: 'x',
        status: 'failed',
        error_code: 'PROCESSING_FAILED',
      }).error,
    ).toEqual({ code: 'PROCESSING_FAILED', message: undefined });
    expect(() => scriptivox.webhooks.parse('{"event":"x"}')).toThrow(InvalidArgumentError);
  });

  it('verifies and handles what the sandbox delivers', async () => {
    let clock = NOW;
    const delivered: Request[] = [];
    const sandbox = createSandbox({
      now: () => clock,
      jobDelays: { queuedMs: 1000, processingMs: 1000 },
      deliverWebhook: async (request) => {
        delivered.push(request);
        return new Response(null, { status: 204 });
      },
    });
    const client = createScriptivox({
      apiKey: KEY,
      fetch: (input, init) => sandbox.fetch(new Request(input, init)),
    });
    const { id } = await client.transcribe.create({
      url: 'https://cdn.example.com/speech.wav',
      webhookUrl: 'https://app.example.com/hooks/scriptivox',
    });
    clock += 5_000;
    await client.balance.get();
    expect(delivered.map((request) => request.url)).toEqual([
      'https://app.example.com/hooks/scriptivox',
      'https://app.example.com/hooks/scriptivox',
    ]);
    const results = [];
    for (const request of delivered)
      results.push(await client.webhooks.handleWebhook(request, { now: clock }));
    expect(results.map((result) => result.ok && result.event.event)).toEqual([
      'transcription.processing',
      'transcription.completed',
    ]);
    expect(results[1]).toMatchObject({
      ok: true,
      status: 200,
      event: { transcriptionId: id, status: 'completed' },
    });
    expect(results[1]?.response.status).toBe(200);
  });

  it('answers 405, 401 and 400 for the wrong method, signature and body', async () => {
    const request = (body: string, signature: string, method = 'POST') =>
      new Request('https://app.example.com/hooks', {
        method,
        headers: headers(signature),
        ...(method === 'POST' ? { body } : {}),
      });
    const handle = (incoming: Request) => scriptivox.webhooks.handleWebhook(incoming, { now: NOW });
    expect((await handle(request('', sign(), 'GET'))).response.headers.get('allow')).toBe('POST');
    expect((await handle(request(BODY, sign({ body: '{}' })))).status).toBe(401);
    expect((await handle(request('{"nope":1}', sign({ body: '{"nope":1}' })))).status).toBe(400);
    expect((await handle(request(BODY, sign()))).status).toBe(200);
  });
});
