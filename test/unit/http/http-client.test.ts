import { afterEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { createHttpClient, type HttpClientConfig } from '../../../src/core/http/index.js';
import {
  ApiCallError,
  InvalidArgumentError,
  NetworkError,
  ResponseValidationError,
  ScribeError,
  TimeoutError,
} from '../../../src/core/errors/index.js';
import { sendJson, startHttpTestServer, type HttpTestServer } from '../../helpers/http-test-server.js';

const secret = 'sk_test_do_not_leak_0123456789';
let server: HttpTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Overrides = { [K in keyof HttpClientConfig]?: HttpClientConfig[K] | undefined };

function client(origin: string, overrides: Overrides = {}) {
  const config = {
    provider: 'soniox',
    providerName: 'Soniox',
    defaultBaseUrl: 'https://api.soniox.com',
    baseUrl: origin,
    apiKey: secret,
    auth: { type: 'bearer' },
    retry: { limit: 2, backoffLimit: 20 },
    ...overrides,
  } as HttpClientConfig;
  if (config.apiKey === undefined) delete config.apiKey;
  return createHttpClient(config);
}

describe('createHttpClient', () => {
  it('joins the base URL, path and query, ignoring a trailing slash', async () => {
    server = await startHttpTestServer((_request, response) => sendJson(response, 200, { ok: true }));
    await client(`${server.origin}/proxy/`).json(
      { method: 'GET', path: '/v1/files', query: { limit: 10, cursor: undefined, tag: ['a', 'b'] } },
      v.object({ ok: v.boolean() }),
    );
    expect(server.requests[0]?.url).toBe('/proxy/v1/files?limit=10&tag=a&tag=b');
  });

  it('sends a bearer key', async () => {
    server = await startHttpTestServer((_request, response) => sendJson(response, 200, {}));
    await client(server.origin).send({ method: 'GET', path: 'v1/models' });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${secret}`);
  });

  it('sends the raw key in the configured header', async () => {
    server = await startHttpTestServer((_request, response) => sendJson(response, 200, {}));
    await client(server.origin, { auth: { type: 'raw', header: 'Authorization' } }).send({
      method: 'GET',
      path: 'v1/balance',
    });
    expect(server.requests[0]?.headers.authorization).toBe(secret);
  });

  it('resolves an async key function once per request', async () => {
    server = await startHttpTestServer((_request, response) => sendJson(response, 200, {}));
    let calls = 0;
    const http = client(server.origin, { apiKey: async () => `key-${++calls}` });
    await http.send({ method: 'GET', path: 'a' });
    await http.send({ method: 'GET', path: 'b' });
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([
      'Bearer key-1',
      'Bearer key-2',
    ]);
  });

  it('rejects a missing key for the provider host before sending anything', async () => {
    let calls = 0;
    const http = createHttpClient({
      provider: 'soniox',
      providerName: 'Soniox',
      defaultBaseUrl: 'https://api.soniox.com',
      auth: { type: 'bearer' },
      fetch: async () => {
        calls++;
        return new Response('{}');
      },
    });
    const error = await http.send({ method: 'GET', path: 'v1/files' }).catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('apiKey');
    expect(calls).toBe(0);
  });

  it('sends no authorization to a proxy when no key is configured', async () => {
    server = await startHttpTestServer((_request, response) => sendJson(response, 200, {}));
    await client(server.origin, { apiKey: undefined }).send({ method: 'GET', path: 'v1/files' });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('rejects a key function that returns an empty string without echoing it', async () => {
    const error = await client('http://127.0.0.1:9', { apiKey: () => '' })
      .send({ method: 'GET', path: 'x' })
      .catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
  });

  it('uses the injected fetch', async () => {
    const seen: string[] = [];
    const http = client('https://api.soniox.com', {
      fetch: async (input) => {
        seen.push(input instanceof Request ? input.url : String(input));
        return Response.json({ ok: true });
      },
    });
    await http.send({ method: 'GET', path: 'v1/models' });
    expect(seen).toEqual(['https://api.soniox.com/v1/models']);
  });

  it('parses a JSON response with a schema', async () => {
    server = await startHttpTestServer((_request, response) =>
      sendJson(response, 200, { files: [{ id: 'a' }], extra: 1 }),
    );
    const result = await client(server.origin).json(
      { method: 'GET', path: 'v1/files' },
      v.object({ files: v.array(v.object({ id: v.string() })) }),
    );
    expect(result).toEqual({ files: [{ id: 'a' }] });
  });

  it('throws ResponseValidationError naming the path of a bad field', async () => {
    server = await startHttpTestServer((_request, response) =>
      sendJson(response, 200, { files: [{ id: 'a' }, { id: 42 }] }),
    );
    const error = await client(server.origin)
      .json({ method: 'GET', path: 'v1/files' }, v.object({ files: v.array(v.object({ id: v.string() })) }))
      .catch((caught: unknown) => caught);
    expect(ResponseValidationError.isInstance(error)).toBe(true);
    const validation = error as ResponseValidationError;
    expect(validation.issues[0]?.path).toBe('files[1].id');
    expect(validation.message).toContain('files[1].id');
    expect(validation.message).toContain('soniox GET');
    expect(validation.data).toEqual({ files: [{ id: 'a' }, { id: 42 }] });
  });

  it('throws ResponseValidationError for a body that is not JSON', async () => {
    server = await startHttpTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>maintenance</html>');
    });
    const error = await client(server.origin)
      .json({ method: 'GET', path: 'v1/files' }, v.object({}))
      .catch((caught: unknown) => caught);
    expect(ResponseValidationError.isInstance(error)).toBe(true);
    expect((error as ResponseValidationError).data).toBe('<html>maintenance</html>');
  });

  it('ends an attempt at the timeout with TimeoutError', async () => {
    server = await startHttpTestServer((_request, response) => {
      setTimeout(() => sendJson(response, 200, {}), 2_000);
    });
    const error = await client(server.origin, { timeout: 100, retry: false })
      .send({ method: 'GET', path: 'slow' })
      .catch((caught: unknown) => caught);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).timeoutInMilliseconds).toBe(100);
  });

  it('rejects with the abort reason when the signal aborts mid-request', async () => {
    server = await startHttpTestServer((_request, response) => {
      setTimeout(() => sendJson(response, 200, {}), 2_000);
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await client(server.origin)
      .send({ method: 'GET', path: 'slow', signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(error).toBe(controller.signal.reason);
    expect((error as Error).name).toBe('AbortError');
  });

  it('sends nothing when the signal is already aborted', async () => {
    server = await startHttpTestServer((_request, response) => sendJson(response, 200, {}));
    const error = await client(server.origin)
      .send({ method: 'GET', path: 'x', signal: AbortSignal.abort() })
      .catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('AbortError');
    expect(server.requests).toHaveLength(0);
  });
});

describe('retries', () => {
  for (const status of [408, 429, 500, 502, 503, 504]) {
    it(`retries a GET answered ${status}`, async () => {
      server = await startHttpTestServer((_request, response, index) =>
        index < 2 ? sendJson(response, status, {}) : sendJson(response, 200, { ok: true }),
      );
      const response = await client(server.origin).send({ method: 'GET', path: 'x' });
      expect(response.status).toBe(200);
      expect(server.requests).toHaveLength(3);
    });
  }

  it('does not retry a 400', async () => {
    server = await startHttpTestServer((_request, response) => sendJson(response, 400, {}));
    await expect(client(server.origin).send({ method: 'GET', path: 'x' })).rejects.toThrow(ApiCallError);
    expect(server.requests).toHaveLength(1);
  });

  it('gives up after the limit and reports the last status', async () => {
    server = await startHttpTestServer((_request, response) => sendJson(response, 503, {}));
    const error = await client(server.origin)
      .send({ method: 'GET', path: 'x' })
      .catch((caught: unknown) => caught);
    expect((error as ApiCallError).status).toBe(503);
    expect((error as ApiCallError).isRetryable).toBe(true);
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a POST', async () => {
    server = await startHttpTestServer((_request, response) => sendJson(response, 503, {}));
    await expect(client(server.origin).send({ method: 'POST', path: 'x', json: { a: 1 } })).rejects.toThrow(
      ApiCallError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('retries a POST that carries an idempotency key, with the same key and body', async () => {
    server = await startHttpTestServer((_request, response, index) =>
      index === 0 ? sendJson(response, 500, {}) : sendJson(response, 201, { id: 'job' }),
    );
    await client(server.origin).send({ method: 'POST', path: 'x', json: { a: 1 }, idempotencyKey: 'idem-1' });
    expect(server.requests).toHaveLength(2);
    expect(server.requests.map((request) => request.headers['idempotency-key'])).toEqual([
      'idem-1',
      'idem-1',
    ]);
    expect(server.requests.map((request) => request.body)).toEqual(['{"a":1}', '{"a":1}']);
  });

  it('honours Retry-After in seconds', async () => {
    server = await startHttpTestServer((_request, response, index) =>
      index === 0 ? sendJson(response, 429, {}, { 'retry-after': '1' }) : sendJson(response, 200, {}),
    );
    const started = performance.now();
    await client(server.origin).send({ method: 'GET', path: 'x' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(server.requests).toHaveLength(2);
  });

  it('honours Retry-After as an HTTP date', async () => {
    server = await startHttpTestServer((_request, response, index) =>
      index === 0
        ? sendJson(response, 503, {}, { 'retry-after': new Date(Date.now() + 2_000).toUTCString() })
        : sendJson(response, 200, {}),
    );
    const started = performance.now();
    await client(server.origin).send({ method: 'GET', path: 'x' });
    // HTTP dates have one-second resolution, so the wait is between 1 and 2 seconds.
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(server.requests).toHaveLength(2);
  });

  it('does not wait for a Retry-After beyond maxRetryAfter', async () => {
    server = await startHttpTestServer((_request, response) =>
      sendJson(response, 429, {}, { 'retry-after': '3600' }),
    );
    const started = performance.now();
    const error = await client(server.origin, { retry: { maxRetryAfter: 5_000 } })
      .send({ method: 'GET', path: 'x' })
      .catch((caught: unknown) => caught);
    expect((error as ApiCallError).status).toBe(429);
    expect(server.requests).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('caps the exponential backoff', async () => {
    server = await startHttpTestServer((_request, response) => sendJson(response, 503, {}));
    const started = performance.now();
    await client(server.origin, { retry: { limit: 4, backoffLimit: 30 } })
      .send({ method: 'GET', path: 'x' })
      .catch(() => undefined);
    expect(server.requests).toHaveLength(5);
    // Uncapped, four waits would be 0.5 + 1 + 2 + 4 s.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('retries network errors for a GET, then throws NetworkError', async () => {
    server = await startHttpTestServer((_request, response) => {
      response.socket?.destroy();
    });
    const error = await client(server.origin)
      .send({ method: 'GET', path: 'x' })
      .catch((caught: unknown) => caught);
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(3);
  });

  it('throws NetworkError when nothing listens', async () => {
    const error = await client('http://127.0.0.1:9', { retry: false })
      .send({ method: 'GET', path: 'x' })
      .catch((caught: unknown) => caught);
    expect(NetworkError.isInstance(error)).toBe(true);
    expect((error as NetworkError).message).toContain('http://127.0.0.1:9/x');
  });
});

describe('error mapping', () => {
  const envelopes = [
    {
      name: 'Soniox',
      status: 404,
      body: {
        status_code: 404,
        error_type: 'file_not_found',
        message: 'File not found.',
        request_id: 'req-1',
      },
      expected: { code: 'file_not_found', providerMessage: 'File not found.', requestId: 'req-1' },
    },
    {
      name: 'Scriptivox',
      status: 402,
      body: { error: { code: 'ZERO_BALANCE', message: 'Balance is $0' } },
      expected: { code: 'ZERO_BALANCE', providerMessage: 'Balance is $0', requestId: 'hdr-1' },
    },
    {
      name: 'Mistral',
      status: 400,
      body: {
        object: 'error',
        message: 'Unknown model',
        type: 'invalid_request_error',
        param: 'model',
        code: 'unknown_model',
      },
      expected: { code: 'unknown_model', providerMessage: 'Unknown model', requestId: 'hdr-1' },
    },
    {
      name: 'Mistral 422',
      status: 422,
      body: { detail: [{ loc: ['body', 'model'], msg: 'Field required', type: 'missing' }] },
      expected: {
        code: 'validation_error',
        providerMessage: 'body.model: Field required',
        requestId: 'hdr-1',
      },
    },
    {
      name: 'SoferAI',
      status: 404,
      body: { detail: 'Transcription not found' },
      expected: { code: undefined, providerMessage: 'Transcription not found', requestId: 'hdr-1' },
    },
  ];

  for (const envelope of envelopes) {
    it(`reads the ${envelope.name} error envelope`, async () => {
      const local = await startHttpTestServer((_request, response) =>
        sendJson(response, envelope.status, envelope.body, { 'x-request-id': 'hdr-1' }),
      );
      server = local;
      const error = await client(local.origin)
        .send({ method: 'GET', path: 'v1/thing' })
        .catch((caught: unknown) => caught);
      expect(ApiCallError.isInstance(error)).toBe(true);
      expect(ScribeError.isInstance(error)).toBe(true);
      const apiError = error as ApiCallError;
      expect({
        code: apiError.code,
        providerMessage: apiError.providerMessage,
        requestId: apiError.requestId,
      }).toEqual(envelope.expected);
      expect(apiError.status).toBe(envelope.status);
      expect(apiError.method).toBe('GET');
      expect(apiError.url).toBe(`${local.origin}/v1/thing`);
      expect(apiError.data).toEqual(envelope.body);
      expect(apiError.responseBody).toBe(JSON.stringify(envelope.body));
      expect(apiError.message).toContain(
        `soniox GET ${local.origin}/v1/thing failed with status ${envelope.status}`,
      );
    });
  }

  it('keeps a non-JSON error body as text', async () => {
    server = await startHttpTestServer((_request, response) => {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end('upstream exploded');
    });
    const error = await client(server.origin, { retry: false })
      .send({ method: 'GET', path: 'x' })
      .catch((caught: unknown) => caught);
    expect((error as ApiCallError).responseBody).toBe('upstream exploded');
    expect((error as ApiCallError).data).toBeUndefined();
  });

  it('marks 408, 409, 429 and 5xx retryable, other 4xx not', async () => {
    const statuses = [400, 401, 403, 404, 408, 409, 422, 429, 500, 503];
    const results: Record<number, boolean> = {};
    for (const status of statuses) {
      const http = client('https://api.soniox.com', {
        retry: false,
        fetch: async () => Response.json({}, { status }),
      });
      const error = (await http
        .send({ method: 'GET', path: 'x' })
        .catch((caught: unknown) => caught)) as ApiCallError;
      results[status] = error.isRetryable;
    }
    expect(results).toEqual({
      400: false,
      401: false,
      403: false,
      404: false,
      408: true,
      409: true,
      422: false,
      429: true,
      500: true,
      503: true,
    });
  });

  it('never puts the key in an error, its message or its serialized form', async () => {
    server = await startHttpTestServer((_request, response) =>
      sendJson(response, 401, { error_type: 'unauthenticated', message: 'bad key' }),
    );
    const error = await client(`${server.origin}/?api_key=${secret}`)
      .send({ method: 'GET', path: 'x' })
      .catch((caught: unknown) => caught);
    const apiError = error as ApiCallError;
    const everything = [
      apiError.message,
      apiError.url,
      apiError.stack ?? '',
      JSON.stringify(apiError),
      String(apiError.cause),
    ].join('\n');
    expect(everything).not.toContain(secret);
  });
});

describe('upload progress', () => {
  it('hands the callback to a progress-capable fetch and adds no final report of its own', async () => {
    const reports: number[] = [];
    const http = client('https://api.soniox.com', {
      fetch: async (_input, init) => {
        const report = (init as Record<string, unknown>).scribeUploadProgress as (progress: {
          loadedBytes: number;
          totalBytes: number;
        }) => void;
        report({ loadedBytes: 5, totalBytes: 10 });
        report({ loadedBytes: 10, totalBytes: 10 });
        return Response.json({});
      },
    });
    await http.send({
      method: 'POST',
      path: 'v1/files',
      body: new Blob(['0123456789']),
      onUploadProgress: (progress) => reports.push(progress.loadedBytes),
    });
    expect(reports).toEqual([5, 10]);
  });

  it('reports completion once when the fetch cannot report progress', async () => {
    const reports: [number, number | undefined][] = [];
    const http = client('https://api.soniox.com', { fetch: async () => Response.json({}) });
    await http.send({
      method: 'POST',
      path: 'v1/files',
      body: new Blob(['0123456789']),
      onUploadProgress: (progress) => reports.push([progress.loadedBytes, progress.totalBytes]),
    });
    expect(reports).toEqual([[10, 10]]);
  });
});
