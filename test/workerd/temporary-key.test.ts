import { describe, expect, it } from 'vitest';
import { createScribeWorker } from '../../worker/src/create-scribe-worker.js';
import type { Env } from '../../worker/src/env.js';
import { createSandbox, type Sandbox } from '../../worker/src/sandbox/index.js';

const origin = 'https://scribe.example';
const longLivedKey = 'fake-long-lived-key-the-key-route-must-not-leak-987654';

function recordingSandbox() {
  const sandbox = createSandbox();
  const bodies: unknown[] = [];
  const authorizations: (string | null)[] = [];
  const recorded: Sandbox = {
    ...sandbox,
    hosts: sandbox.hosts,
    providerForHost: (host) => sandbox.providerForHost(host),
    async fetch(request) {
      if (new URL(request.url).pathname === '/v1/auth/temporary-api-key') {
        bodies.push(await request.clone().json());
        authorizations.push(request.headers.get('Authorization'));
      }
      return sandbox.fetch(request);
    },
  };
  return { sandbox: recorded, bodies, authorizations };
}

const mint = (
  worker: ReturnType<typeof createScribeWorker>,
  env: Env,
  init: RequestInit & { headers?: Record<string, string> } = {},
) =>
  worker.fetch(
    new Request(`${origin}/api/soniox/temporary-api-key`, {
      method: 'POST',
      ...init,
      headers: { Origin: origin, 'CF-Connecting-IP': '203.0.113.7', ...init.headers },
    }),
    env,
  );

describe('POST /api/soniox/temporary-api-key', () => {
  it('mints a single-use key for the sandbox realtime socket, never cached', async () => {
    const { sandbox, bodies } = recordingSandbox();
    const worker = createScribeWorker({ sandbox });
    const before = Date.now();
    const response = await mint(worker, {});
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const body = await response.json<{ apiKey: string; expiresAt: string; websocketUrl: string }>();
    expect(body.apiKey).toMatch(/^temp:/);
    expect(body.websocketUrl).toBe('wss://scribe.example/api/soniox/transcribe-websocket');
    expect(Date.parse(body.expiresAt) - before).toBeLessThanOrEqual(61_000);
    expect(bodies[0]).toEqual({
      usage_type: 'transcribe_websocket',
      expires_in_seconds: 60,
      single_use: true,
      max_session_duration_seconds: 3600,
    });
  });

  it('clamps the requested expiry to the configured maximum', async () => {
    const { sandbox, bodies } = recordingSandbox();
    const worker = createScribeWorker({ sandbox });
    await mint(worker, {}, { body: JSON.stringify({ expiresInSeconds: 3600 }) });
    await mint(
      worker,
      { TEMPORARY_KEY_MAX_SECONDS: '120', TEMPORARY_KEY_MAX_SESSION_SECONDS: '600' },
      { body: JSON.stringify({ expiresInSeconds: 90, clientReferenceId: 'user-7' }) },
    );
    await mint(worker, {}, { body: JSON.stringify({ expiresInSeconds: -5 }) });
    expect(bodies).toMatchObject([
      { expires_in_seconds: 60 },
      { expires_in_seconds: 90, max_session_duration_seconds: 600, client_reference_id: 'user-7' },
      { expires_in_seconds: 1 },
    ]);
  });

  it('uses the real key upstream and points at Soniox when configured, without leaking it', async () => {
    const { sandbox, authorizations } = recordingSandbox();
    const worker = createScribeWorker({
      sandbox: createSandbox(),
      fetch: (input, init) => sandbox.fetch(new Request(input, init)),
    });
    const response = await mint(worker, { SONIOX_API_KEY: longLivedKey });
    const text = await response.text();
    expect(JSON.parse(text).websocketUrl).toBe('wss://stt-rt.soniox.com/transcribe-websocket');
    expect(authorizations).toEqual([`Bearer ${longLivedKey}`]);
    expect(text).not.toContain(longLivedKey);
    expect([...response.headers].join()).not.toContain(longLivedKey);
  });

  it('requires an Origin, and an allowed one (exact match)', async () => {
    const worker = createScribeWorker({ sandbox: createSandbox() });
    const noOrigin = await worker.fetch(
      new Request(`${origin}/api/soniox/temporary-api-key`, { method: 'POST' }),
      {},
    );
    expect(noOrigin.status).toBe(403);
    expect(await noOrigin.json()).toMatchObject({ error: { code: 'origin_required' } });
    expect(
      (
        await mint(
          worker,
          { ALLOWED_ORIGINS: 'https://app.example' },
          { headers: { Origin: 'https://app.example.evil' } },
        )
      ).status,
    ).toBe(403);
    const allowed = await mint(
      worker,
      { ALLOWED_ORIGINS: 'https://app.example' },
      { headers: { Origin: 'https://app.example' } },
    );
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('https://app.example');
  });

  it('answers 405 to anything but POST', async () => {
    const worker = createScribeWorker({ sandbox: createSandbox() });
    expect((await mint(worker, {}, { method: 'GET' })).status).toBe(405);
  });

  it('rate-limits each client with the local fallback, answering 429 with Retry-After', async () => {
    const worker = createScribeWorker({ sandbox: createSandbox(), temporaryKeysPerMinute: 3 });
    const statuses = [];
    for (let index = 0; index < 4; index++) statuses.push((await mint(worker, {})).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await mint(worker, {});
    expect(limited.headers.get('Retry-After')).toBe('60');
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await mint(worker, {}, { headers: { 'CF-Connecting-IP': '198.51.100.9' } })).status).toBe(200);
  });

  it('uses the KEY_RATE_LIMITER binding when there is one', async () => {
    const keys: string[] = [];
    const binding = {
      limit: async ({ key }: { key: string }) => (keys.push(key), { success: false }),
    } as RateLimit;
    const worker = createScribeWorker({ sandbox: createSandbox() });
    expect((await mint(worker, { KEY_RATE_LIMITER: binding })).status).toBe(429);
    expect(keys).toEqual(['203.0.113.7']);
  });

  it('runs the site verification hook first', async () => {
    const worker = createScribeWorker({
      sandbox: createSandbox(),
      verifyRequest: (request) => request.headers.get('X-Site-Token') === 'good',
    });
    expect((await mint(worker, {})).status).toBe(401);
    expect((await mint(worker, {}, { headers: { 'X-Site-Token': 'good' } })).status).toBe(200);
  });

  it('rejects a body that is not JSON', async () => {
    const worker = createScribeWorker({ sandbox: createSandbox() });
    const response = await mint(worker, {}, { body: '{expires' });
    expect(response.status).toBe(400);
  });
});
