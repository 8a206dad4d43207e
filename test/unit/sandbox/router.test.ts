import { describe, expect, test, vi } from 'vitest';
import { createSandbox } from '../../../worker/src/sandbox/index.js';
import { createRouteTable, type Route } from '../../../worker/src/sandbox/shared/route-table.js';

const auth = { Authorization: 'Bearer k' };

describe('createSandbox routing', () => {
  test('lists every real host and maps it to its provider', () => {
    const sandbox = createSandbox();
    expect([...sandbox.hosts].sort()).toEqual(
      [
        'api.eu.mistral.ai',
        'api.eu.soniox.com',
        'api.jp.soniox.com',
        'api.mistral.ai',
        'api.scriptivox.com',
        'api.sofer.ai',
        'api.soniox.com',
        'api.us.mistral.ai',
        // Scriptivox's presigned uploads go to its storage host (an invented project ref: reference/scriptivox.md §5).
        'scriptivoxsandboxref.supabase.co',
        'stt-rt.eu.soniox.com',
        'stt-rt.jp.soniox.com',
        'stt-rt.soniox.com',
      ].sort(),
    );
    expect(sandbox.providerForHost('api.soniox.com')).toBe('soniox');
    expect(sandbox.providerForHost('api.jp.soniox.com')).toBe('soniox');
    expect(sandbox.providerForHost('api.sofer.ai')).toBe('soferai');
    expect(sandbox.providerForHost('api.us.mistral.ai')).toBe('mistral');
    expect(sandbox.providerForHost('api.scriptivox.com')).toBe('scriptivox');
  });

  test('providerForHost ignores case, a port and a trailing dot', () => {
    const sandbox = createSandbox();
    expect(sandbox.providerForHost('API.Soniox.COM')).toBe('soniox');
    expect(sandbox.providerForHost('api.mistral.ai:443')).toBe('mistral');
    expect(sandbox.providerForHost('api.sofer.ai.')).toBe('soferai');
    expect(sandbox.providerForHost('soniox.com')).toBeUndefined();
    expect(sandbox.providerForHost('STT-RT.soniox.com')).toBe('soniox');
  });

  test('an unknown host gets 502 sandbox_unknown_host', async () => {
    const response = await createSandbox().fetch(
      new Request('https://api.openai.com/v1/models', { headers: auth }),
    );
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('sandbox_unknown_host');
    expect(body.error.message).toContain('api.openai.com');
  });

  test('Soniox GET /v1/models answers on every regional host', async () => {
    const sandbox = createSandbox();
    for (const host of ['api.soniox.com', 'api.eu.soniox.com', 'api.jp.soniox.com']) {
      const response = await sandbox.fetch(new Request(`https://${host}/v1/models`, { headers: auth }));
      expect(response.status).toBe(200);
      const body = (await response.json()) as { models: { id: string; aliased_model_id: string | null }[] };
      expect(body.models.map((model) => model.id)).toEqual([
        'stt-rt-v5',
        'stt-async-v5',
        'stt-rt-v4',
        'stt-async-v4',
      ]);
    }
  });

  test('Soniox models carry the documented fields', async () => {
    const response = await createSandbox().fetch(
      new Request('https://api.soniox.com/v1/models', { headers: auth }),
    );
    const { models } = (await response.json()) as { models: Record<string, unknown>[] };
    const asyncV5 = models.find((model) => model.id === 'stt-async-v5');
    expect(asyncV5).toMatchObject({
      aliased_model_id: null,
      name: 'Speech-to-Text Async v5',
      context_version: 2,
      transcription_mode: 'async',
      supports_language_hints_strict: true,
      supports_max_endpoint_delay: false,
      translation_targets: [],
      two_way_translation_pairs: [],
      one_way_translation: 'all_languages',
      two_way_translation: 'all_languages',
    });
    expect(asyncV5?.languages).toContainEqual({ code: 'he', name: 'Hebrew' });
    expect(models.find((model) => model.id === 'stt-rt-v4')).toMatchObject({
      aliased_model_id: 'stt-rt-v5',
      transcription_mode: 'real_time',
      supports_max_endpoint_delay: true,
      endpoint_latency_adjustment_max_level: 3,
    });
  });

  test('scheme and port do not matter, only the hostname', async () => {
    const response = await createSandbox().fetch(
      new Request('http://API.SONIOX.COM:8080/v1/models', { headers: auth }),
    );
    expect(response.status).toBe(200);
  });

  test('SoferAI GET /v1/health/ is public', async () => {
    const response = await createSandbox().fetch(new Request('https://api.sofer.ai/v1/health/'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  test('SoferAI GET /v1/balance/ returns the five cent fields', async () => {
    const response = await createSandbox().fetch(
      new Request('https://api.sofer.ai/v1/balance/', { headers: auth }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      total_balance: 10000,
      available_balance: 10000,
      pending_balance: 0,
      all_time_deposits: 10000,
      all_time_spend: 0,
    });
  });

  test('SoferAI trailing slashes are significant', async () => {
    const sandbox = createSandbox();
    const withoutSlash = await sandbox.fetch(
      new Request('https://api.sofer.ai/v1/balance', { headers: auth }),
    );
    expect(withoutSlash.status).toBe(404);
    expect(await withoutSlash.json()).toEqual({ detail: 'Not Found' });
    const health = await sandbox.fetch(new Request('https://api.sofer.ai/v1/health'));
    expect(health.status).toBe(404);
  });

  test('Scriptivox GET /v1/balance accepts the raw key, a Bearer key and X-Api-Key; funded at the first request', async () => {
    let now = Date.UTC(2026, 10, 22, 12);
    const sandbox = createSandbox({ now: () => now });
    now += 1;
    for (const headers of [
      { Authorization: 'sk_live_abc' },
      { Authorization: 'Bearer sk_live_abc' },
      { 'X-Api-Key': 'sk_live_abc' },
    ]) {
      const response = await sandbox.fetch(new Request('https://api.scriptivox.com/v1/balance', { headers }));
      now += 60_000;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        balance_cents: 1000,
        reserved_cents: 0,
        available_cents: 1000,
        price_per_hour_cents: 20,
        estimated_hours_available: 50,
        deposit_url: 'https://platform.scriptivox.com/billing',
        updated_at: '2026-11-22T12:00:00.001Z',
      });
    }
  });

  test('Mistral answers an authenticated request for an unimplemented path with its 404', async () => {
    const response = await createSandbox().fetch(
      new Request('https://api.eu.mistral.ai/v1/models', { headers: auth }),
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ object: 'error', type: 'invalid_request_error' });
  });
});

describe('createRouteTable', () => {
  const errors = {
    notFound: () => Response.json({ error: 'not found' }, { status: 404 }),
    methodNotAllowed: () => Response.json({ error: 'method' }, { status: 405 }),
    authenticate: (request: Request) =>
      request.headers.get('authorization') === 'ok'
        ? undefined
        : Response.json({ error: 'auth' }, { status: 401 }),
    internalError: () => Response.json({ error: 'boom' }, { status: 500 }),
  };
  const echo =
    (name: string): Route['handler'] =>
    ({ params }) =>
      Response.json({ name, params });
  const routes: Route[] = [
    { method: 'GET', path: '/v1/files/:file_id', handler: echo('get-file') },
    { method: 'DELETE', path: '/v1/files/:file_id', handler: echo('delete-file') },
    { method: 'GET', path: '/v1/files/count', handler: echo('count') },
    { method: 'GET', path: '/v1/public', public: true, handler: echo('public') },
    {
      method: 'GET',
      path: '/v1/throws',
      handler: () => {
        throw new Error('handler bug');
      },
    },
  ];

  async function call(table: ReturnType<typeof createRouteTable>, method: string, path: string, key = 'ok') {
    const request = new Request(`https://example.test${path}`, { method, headers: { authorization: key } });
    const response = await table.handle(request, new URL(request.url));
    return {
      status: response.status,
      allow: response.headers.get('allow'),
      body: (await response.json()) as unknown,
    };
  }

  test('prefers literal segments over parameters and decodes parameters', async () => {
    const table = createRouteTable(routes, errors);
    expect((await call(table, 'GET', '/v1/files/count')).body).toEqual({ name: 'count', params: {} });
    expect((await call(table, 'GET', '/v1/files/a%20b')).body).toEqual({
      name: 'get-file',
      params: { file_id: 'a b' },
    });
    // A method only the parameter route has still reaches it, as in Starlette.
    expect((await call(table, 'DELETE', '/v1/files/count')).body).toEqual({
      name: 'delete-file',
      params: { file_id: 'count' },
    });
  });

  test('405 lists the allowed methods in Allow', async () => {
    const table = createRouteTable(routes, errors);
    const result = await call(table, 'PUT', '/v1/files/abc');
    expect(result.status).toBe(405);
    expect(result.allow).toBe('GET, DELETE');
  });

  test('404 for unknown paths, empty parameters and extra slashes', async () => {
    const table = createRouteTable(routes, errors);
    expect((await call(table, 'GET', '/v1/nope')).status).toBe(404);
    expect((await call(table, 'GET', '/v1/files/')).status).toBe(404);
    expect((await call(table, 'GET', '/v1/files/count/')).status).toBe(404);
    expect((await call(table, 'GET', '/v1/files/%E0%A4%A')).status).toBe(404);
  });

  test('routes before authenticating by default; public routes skip authentication', async () => {
    const table = createRouteTable(routes, errors);
    expect((await call(table, 'GET', '/v1/nope', 'bad')).status).toBe(404);
    expect((await call(table, 'GET', '/v1/files/count', 'bad')).status).toBe(401);
    expect((await call(table, 'GET', '/v1/public', 'bad')).status).toBe(200);
  });

  test('authenticateFirst refuses before routing', async () => {
    const table = createRouteTable(routes, { ...errors, authenticateFirst: true });
    expect((await call(table, 'GET', '/v1/nope', 'bad')).status).toBe(401);
    expect((await call(table, 'GET', '/v1/nope')).status).toBe(404);
  });

  test('a handler that throws becomes the provider 500', async () => {
    const table = createRouteTable(routes, errors);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await call(table, 'GET', '/v1/throws')).toMatchObject({ status: 500, body: { error: 'boom' } });
      expect(spy).toHaveBeenCalledOnce();
    } finally {
      spy.mockRestore();
    }
  });
});
