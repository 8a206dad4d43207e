import { afterEach, describe, expect, it } from 'vitest';
import { uploadProgressField, type ScribeRequestInit, type UploadProgress } from '../../src/core/index.js';
import { createXhrFetch, parseHeaders } from '../../src/elements/controllers/xhr-fetch.js';
import type { ServerResponse } from 'node:http';
import {
  sendJson,
  startHttpTestServer,
  type HttpTestServer,
  type ReceivedRequest,
} from '../helpers/http-test-server.js';

let server: HttpTestServer | undefined;

/**
The test page is http://localhost:3000 and happy-dom enforces CORS, preflights included, so the
server answers like the scribekit Worker does for an allowed origin.
*/
function serve(handler: (request: ReceivedRequest, response: ServerResponse) => void | Promise<void>) {
  return startHttpTestServer((request, response) => {
    response.setHeader('access-control-allow-origin', 'http://localhost:3000');
    response.setHeader('access-control-expose-headers', 'x-request-id');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, DELETE',
        'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '',
      });
      response.end();
      return;
    }
    return handler(request, response);
  });
}

/** The requests the server received, preflights left out. */
function received(): ReceivedRequest[] {
  return server?.requests.filter((request) => request.method !== 'OPTIONS') ?? [];
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createXhrFetch', () => {
  it('sends the method, URL, headers and body of the Request', async () => {
    server = await serve((_request, response) => sendJson(response, 201, { ok: true }));
    const fetch = createXhrFetch();

    await fetch(
      new Request(`${server.origin}/v1/files?limit=2`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer k', 'x-trace': 'abc' },
        body: JSON.stringify({ hello: 'שלום' }),
      }),
    );

    const [request] = received();
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/files?limit=2');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.authorization).toBe('Bearer k');
    expect(request?.headers['x-trace']).toBe('abc');
    expect(request?.body).toBe('{"hello":"שלום"}');
  });

  it('sends multipart form data with its boundary', async () => {
    server = await serve((_request, response) => sendJson(response, 200, {}));
    const form = new FormData();
    form.append('file', new File(['RIFF-audio'], 'talk.wav', { type: 'audio/wav' }));

    await createXhrFetch()(new Request(`${server.origin}/upload`, { method: 'POST', body: form }));

    const [request] = received();
    const boundary = /boundary=(.+)$/.exec(request?.headers['content-type'] ?? '')?.[1];
    expect(boundary).toBeDefined();
    expect(request?.body).toContain(`--${boundary}`);
    expect(request?.body).toContain('filename="talk.wav"');
    expect(request?.body).toContain('RIFF-audio');
  });

  it('accepts a URL string and an init, like fetch', async () => {
    server = await serve((_request, response) => sendJson(response, 200, {}));

    await createXhrFetch()(`${server.origin}/v1/files/abc`, { method: 'DELETE', headers: { 'x-a': '1' } });

    expect(received()[0]).toMatchObject({ method: 'DELETE', url: '/v1/files/abc', body: '' });
    expect(received()[0]?.headers['x-a']).toBe('1');
  });

  it('resolves a Response with the status, status text, headers and body', async () => {
    server = await serve((_request, response) => {
      response.writeHead(404, 'Not Here', { 'content-type': 'application/json', 'x-request-id': 'req-1' });
      response.end(JSON.stringify({ error_type: 'file_not_found' }));
    });

    const response = await createXhrFetch()(new Request(`${server.origin}/v1/files/missing`));

    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(404);
    expect(response.ok).toBe(false);
    expect(response.statusText).toBe('Not Here');
    expect(response.headers.get('x-request-id')).toBe('req-1');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ error_type: 'file_not_found' });
  });

  it('resolves a 204 with an empty body', async () => {
    server = await serve((_request, response) => {
      response.writeHead(204);
      response.end();
    });

    const response = await createXhrFetch()(new Request(`${server.origin}/v1/files/a`, { method: 'DELETE' }));

    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('reports upload progress to the callback in scribeUploadProgress', async () => {
    server = await serve((_request, response) => sendJson(response, 200, {}));
    const progress: UploadProgress[] = [];
    const body = new Uint8Array(256 * 1024).fill(7);
    const init: ScribeRequestInit = { [uploadProgressField]: (report) => progress.push(report) };

    await createXhrFetch()(new Request(`${server.origin}/upload`, { method: 'POST', body }), init);

    expect(received()[0]?.body.length).toBe(body.byteLength);
    // happy-dom's XHR fires no upload events, so the report when the server answers is all there is.
    expect(progress.at(-1)).toEqual({ loadedBytes: body.byteLength, totalBytes: body.byteLength });
  });

  it('reports every upload progress event the XHR fires, once per byte count', async () => {
    server = await serve((_request, response) => sendJson(response, 200, {}));
    const progress: UploadProgress[] = [];
    // An XHR that fires upload events as a browser's does.
    class ProgressXhr extends XMLHttpRequest {
      override send(body?: Document | XMLHttpRequestBodyInit | null): void {
        const size = body instanceof Blob ? body.size : 0;
        for (const loaded of [0, size / 4, size / 2, size / 2, size]) {
          this.upload.dispatchEvent(
            new ProgressEvent('progress', { lengthComputable: true, loaded, total: size }),
          );
        }
        this.upload.dispatchEvent(
          new ProgressEvent('load', { lengthComputable: true, loaded: size, total: size }),
        );
        super.send(body);
      }
    }

    await createXhrFetch({ XMLHttpRequest: ProgressXhr })(
      new Request(`${server.origin}/upload`, { method: 'POST', body: new Uint8Array(1000) }),
      {
        [uploadProgressField]: (report: UploadProgress) => progress.push(report),
      } as ScribeRequestInit,
    );

    expect(progress).toEqual([
      { loadedBytes: 0, totalBytes: 1000 },
      { loadedBytes: 250, totalBytes: 1000 },
      { loadedBytes: 500, totalBytes: 1000 },
      { loadedBytes: 1000, totalBytes: 1000 },
    ]);
  });

  it('rejects with the signal reason and aborts the XHR when the signal aborts', async () => {
    let answered = false;
    server = await serve(async (_request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      answered = true;
      sendJson(response, 200, {});
    });
    const controller = new AbortController();
    const reason = new DOMException('Stop now', 'AbortError');

    const pending = createXhrFetch()(new Request(`${server.origin}/slow`, { signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 20);

    await expect(pending).rejects.toBe(reason);
    expect(answered).toBe(false);
  });

  it('honours init.signal next to the request signal', async () => {
    server = await serve(async (_request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      sendJson(response, 200, {});
    });
    const controller = new AbortController();
    const reason = new Error('gone');

    const pending = createXhrFetch()(new Request(`${server.origin}/slow`), { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);

    await expect(pending).rejects.toBe(reason);
  });

  it('rejects at once when the signal has already aborted', async () => {
    server = await serve((_request, response) => sendJson(response, 200, {}));
    const reason = new Error('too late');

    await expect(
      createXhrFetch()(new Request(`${server.origin}/x`, { signal: AbortSignal.abort(reason) })),
    ).rejects.toBe(reason);
    expect(received()).toHaveLength(0);
  });

  it('rejects with TypeError("Failed to fetch") when the server cannot be reached', async () => {
    const closed = await startHttpTestServer(() => undefined);
    const origin = closed.origin;
    await closed.close();

    const failure = createXhrFetch()(new Request(`${origin}/v1/files`));

    await expect(failure).rejects.toBeInstanceOf(TypeError);
    await expect(failure).rejects.toThrow('Failed to fetch');
  });
});

describe('parseHeaders', () => {
  it('parses CRLF-separated lines, keeping colons inside values', () => {
    const headers = parseHeaders('content-type: text/plain\r\nlocation: https://a.example/x:y\r\n\r\n');

    expect(headers.get('content-type')).toBe('text/plain');
    expect(headers.get('location')).toBe('https://a.example/x:y');
  });
});
