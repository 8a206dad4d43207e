import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { createSandbox, type Sandbox } from '../../../worker/src/sandbox/index.js';
import { serveSandbox, type SandboxServer } from '../../../worker/src/sandbox/node/serve-sandbox.js';

const servers: SandboxServer[] = [];

async function start(options: Parameters<typeof serveSandbox>[0] = {}): Promise<SandboxServer> {
  const server = await serveSandbox(options);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += 65_536) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(offset + 65_536, length)));
  }
  return bytes;
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A stand-in sandbox whose `fetch` the test controls, answering for api.soniox.com. */
function fakeSandbox(fetch: (request: Request) => Promise<Response>): Sandbox {
  return {
    fetch,
    hosts: ['api.soniox.com'],
    providerForHost: (host) => (host.toLowerCase() === 'api.soniox.com' ? 'soniox' : undefined),
  };
}

describe('serveSandbox', () => {
  test('listens on 127.0.0.1 and serves the real sandbox under /<host>/', async () => {
    const server = await start();
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.urlFor('api.soniox.com')).toBe(`${server.origin}/api.soniox.com`);

    const models = await fetch(`${server.urlFor('api.soniox.com')}/v1/models`, {
      headers: { Authorization: 'Bearer k' },
    });
    expect(models.status).toBe(200);
    expect(models.headers.get('content-type')).toBe('application/json');
    expect(((await models.json()) as { models: unknown[] }).models).toHaveLength(4);

    const unauthenticated = await fetch(`${server.urlFor('api.soniox.com')}/v1/models`);
    expect(unauthenticated.status).toBe(401);
    expect(await unauthenticated.json()).toMatchObject({ error_type: 'unauthenticated' });

    const health = await fetch(`${server.urlFor('api.sofer.ai')}/v1/health/`);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  test('keeps the query string and the 405 Allow header', async () => {
    const server = await start();
    const list = await fetch(`${server.urlFor('api.soniox.com')}/v1/files?limit=0`, {
      headers: { Authorization: 'Bearer k' },
    });
    expect(list.status).toBe(400);
    const wrong = await fetch(`${server.urlFor('api.scriptivox.com')}/v1/balance`, {
      method: 'DELETE',
      headers: { Authorization: 'k' },
    });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });

  test('with defaultHost, bare paths go to that host and host prefixes still work', async () => {
    const server = await start({ defaultHost: 'api.mistral.ai', sandbox: createSandbox() });
    const mistral = await fetch(`${server.origin}/v1/models`);
    expect(mistral.status).toBe(401);
    expect(await mistral.json()).toMatchObject({ object: 'error', type: 'authentication_error' });
    const soniox = await fetch(`${server.urlFor('api.soniox.com')}/v1/models`, {
      headers: { Authorization: 'Bearer k' },
    });
    expect(soniox.status).toBe(200);
  });

  test('an unknown host prefix gets the sandbox 502', async () => {
    const server = await start();
    const unknown = await fetch(`${server.origin}/api.openai.com/v1/models`);
    expect(unknown.status).toBe(502);
    expect(await unknown.json()).toMatchObject({ error: { code: 'sandbox_unknown_host' } });
    const bare = await fetch(`${server.origin}/v1/models`);
    expect(bare.status).toBe(502);
    expect(await bare.json()).toMatchObject({ error: { code: 'sandbox_unknown_host' } });
  });

  test('refuses an unknown defaultHost and urlFor an unknown host', async () => {
    await expect(serveSandbox({ defaultHost: 'api.openai.com' })).rejects.toThrow(TypeError);
    const server = await start();
    expect(() => server.urlFor('api.openai.com')).toThrow(TypeError);
  });

  test('maps the path to the real URL and forwards end-to-end headers only', async () => {
    const seen: { url: string; method: string; headers: Record<string, string> }[] = [];
    const server = await start({
      sandbox: fakeSandbox(async (request) => {
        seen.push({ url: request.url, method: request.method, headers: Object.fromEntries(request.headers) });
        return new Response('ok', {
          status: 201,
          statusText: 'Created Here',
          headers: [
            ['x-one', '1'],
            ['set-cookie', 'a=1'],
            ['set-cookie', 'b=2'],
          ],
        });
      }),
    });
    const response = await new Promise<{
      status: number;
      message: string;
      headers: Record<string, unknown>;
      body: string;
    }>((resolve, reject) => {
      const request = httpRequest(
        `${server.origin}/api.soniox.com/v1/files/abc?x=1&y=%20`,
        { method: 'PATCH', headers: { 'x-custom': 'yes', connection: 'keep-alive' } },
        (incoming) => {
          let body = '';
          incoming.setEncoding('utf8');
          incoming.on('data', (chunk: string) => (body += chunk));
          incoming.on('end', () =>
            resolve({
              status: incoming.statusCode ?? 0,
              message: incoming.statusMessage ?? '',
              headers: incoming.headers,
              body,
            }),
          );
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.soniox.com/v1/files/abc?x=1&y=%20');
    expect(seen[0]?.method).toBe('PATCH');
    expect(seen[0]?.headers['x-custom']).toBe('yes');
    expect(seen[0]?.headers).not.toHaveProperty('host');
    expect(seen[0]?.headers).not.toHaveProperty('connection');
    expect(response).toMatchObject({ status: 201, message: 'Created Here', body: 'ok' });
    expect(response.headers['x-one']).toBe('1');
    expect(response.headers['set-cookie']).toEqual(['a=1', 'b=2']);
  });

  test('streams a 5 MB request body in and a 5 MB response body out', async () => {
    const upload = randomBytes(5 * 1024 * 1024);
    const firstChunkArrived = deferred();
    const server = await start({
      sandbox: fakeSandbox(async (request) => {
        const reader = request.body?.getReader();
        if (reader === undefined) {
          throw new Error('expected a body');
        }
        const chunks: Uint8Array[] = [];
        let received = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) {
            break;
          }
          chunks.push(value);
          received += value.byteLength;
          firstChunkArrived.resolve();
        }
        const whole = new Uint8Array(received);
        let offset = 0;
        for (const chunk of chunks) {
          whole.set(chunk, offset);
          offset += chunk.byteLength;
        }
        // Echo the body back reversed, so the response is 5 MB of different bytes.
        return new Response(whole.reverse(), {
          headers: { 'content-type': 'application/octet-stream', 'x-received-sha256': await sha256(upload) },
        });
      }),
    });

    // The second half is only produced once the sandbox has seen the first chunk: a buffering
    // adapter would deadlock here.
    const half = upload.byteLength / 2;
    let step = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (step === 0) {
          controller.enqueue(upload.slice(0, half));
        } else if (step === 1) {
          await firstChunkArrived.promise;
          controller.enqueue(upload.slice(half));
        } else {
          controller.close();
        }
        step += 1;
      },
    });
    const response = await fetch(`${server.urlFor('api.soniox.com')}/v1/files`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(200);
    const echoed = new Uint8Array(await response.arrayBuffer());
    expect(echoed.byteLength).toBe(upload.byteLength);
    expect(await sha256(echoed.reverse())).toBe(await sha256(upload));
  });

  test('streams a response incrementally', async () => {
    const firstChunkRead = deferred();
    const server = await start({
      sandbox: fakeSandbox(async () => {
        let step = 0;
        const stream = new ReadableStream<Uint8Array>({
          async pull(controller) {
            if (step === 0) {
              controller.enqueue(new TextEncoder().encode('first;'));
            } else if (step === 1) {
              await firstChunkRead.promise;
              controller.enqueue(new TextEncoder().encode('second'));
            } else {
              controller.close();
            }
            step += 1;
          },
        });
        return new Response(stream, { headers: { 'content-type': 'text/plain' } });
      }),
    });
    const response = await fetch(`${server.urlFor('api.soniox.com')}/stream`);
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toBe('first;');
    firstChunkRead.resolve();
    let rest = '';
    for (;;) {
      const chunk = await reader?.read();
      if (chunk === undefined || chunk.done) {
        break;
      }
      rest += new TextDecoder().decode(chunk.value);
    }
    expect(rest).toBe('second');
  });

  test('a client that disconnects mid-response cancels the body and the server keeps serving', async () => {
    const cancelled = deferred<unknown>();
    const aborted = deferred();
    const server = await start({
      sandbox: fakeSandbox(async (request) => {
        if (new URL(request.url).pathname === '/ping') {
          return new Response('pong');
        }
        request.signal.addEventListener('abort', () => aborted.resolve(), { once: true });
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            controller.enqueue(new Uint8Array(16 * 1024));
          },
          cancel(reason) {
            cancelled.resolve(reason);
          },
        });
        return new Response(stream);
      }),
    });
    const controller = new AbortController();
    const response = await fetch(`${server.urlFor('api.soniox.com')}/endless`, { signal: controller.signal });
    const reader = response.body?.getReader();
    await reader?.read();
    controller.abort();
    await Promise.all([cancelled.promise, aborted.promise]);

    const ping = await fetch(`${server.urlFor('api.soniox.com')}/ping`);
    expect(await ping.text()).toBe('pong');
  });

  test('a client that disconnects mid-upload errors the request body without crashing', async () => {
    const bodyFailed = deferred<unknown>();
    const server = await start({
      sandbox: fakeSandbox(async (request) => {
        try {
          await request.arrayBuffer();
        } catch (error) {
          bodyFailed.resolve(error);
        }
        return new Response('late');
      }),
    });
    await new Promise<void>((resolve) => {
      const request = httpRequest(`${server.urlFor('api.soniox.com')}/v1/files`, {
        method: 'POST',
        headers: { 'content-length': String(1024 * 1024) },
      });
      request.on('error', () => resolve());
      request.write(new Uint8Array(64 * 1024), () => {
        setTimeout(() => request.destroy(), 20);
      });
      request.on('close', () => resolve());
    });
    expect(await bodyFailed.promise).toBeInstanceOf(Error);
    const again = await fetch(`${server.urlFor('api.soniox.com')}/v1/files`, {
      method: 'POST',
      body: 'small',
    });
    expect(await again.text()).toBe('late');
  });

  test('a body the sandbox never reads is drained, and the connection serves the next request', async () => {
    const server = await start();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await fetch(`${server.urlFor('api.soniox.com')}/v1/models`, {
        method: 'POST',
        headers: { Authorization: 'Bearer k' },
        body: randomBytes(5 * 1024 * 1024),
      });
      expect(response.status).toBe(405);
      expect(await response.json()).toMatchObject({ error_type: 'method_not_allowed' });
    }
    const head = await fetch(`${server.urlFor('api.sofer.ai')}/v1/health/`, { method: 'HEAD' });
    expect(head.status).toBe(405);
    expect(await head.text()).toBe('');
  });

  test('a sandbox that throws becomes a 500 from the adapter', async () => {
    const server = await start({
      sandbox: fakeSandbox(async () => {
        throw new Error('sandbox bug');
      }),
    });
    const response = await fetch(`${server.urlFor('api.soniox.com')}/v1/models`);
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: 'sandbox_adapter_error' } });
  });

  test('close stops the server', async () => {
    const server = await serveSandbox();
    await server.close();
    await expect(fetch(`${server.urlFor('api.soniox.com')}/v1/models`)).rejects.toThrow();
  });
});
