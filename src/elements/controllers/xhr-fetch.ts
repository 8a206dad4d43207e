import { uploadProgressField, type ScribeRequestInit, type UploadProgress } from '../../core/index.js';

/** Options of {@link createXhrFetch}. */
export interface XhrFetchOptions {
  /** The `XMLHttpRequest` constructor to use; defaults to the global one, looked up per request. */
  XMLHttpRequest?: typeof XMLHttpRequest;
}

// Headers a page may not set (https://fetch.spec.whatwg.org/#forbidden-request-header); XHR
// refuses them with a console error, so they are left out rather than tried.
const forbiddenHeaders = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);

const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

// XMLHttpRequest.HEADERS_RECEIVED, spelled out: not every XHR puts the constants on instances.
const headersReceived = 2;

/**
Creates a `fetch` that sends requests with `XMLHttpRequest`, so an upload reports its progress.

`fetch` cannot report how much of a request body has been sent over HTTP/1.1; XHR can. Pass the
result as `fetch` to a scribekit client: when the client hands it a `scribeUploadProgress`
callback in the request's init (it does for uploads), the callback receives
`{ loadedBytes, totalBytes }` as the body goes out, and once more with the whole size when the
server answers. Everything else behaves like `fetch`: the request's method, URL, headers (except
those a page may not set) and body are sent; the promise resolves with a `Response` carrying the
status, headers and body; aborting the request's signal (or `init.signal`) aborts the XHR and
rejects with the signal's reason; a network failure rejects with `TypeError('Failed to fetch')`.

The whole response is buffered before the promise resolves (XHR has no streaming body), which
suits the JSON answers of the transcription APIs. Works wherever `XMLHttpRequest` exists:
browsers, and happy-dom in tests.

@example
```ts
import { createSoniox } from 'scribekit/soniox';
import { createXhrFetch } from 'scribekit/elements';

const soniox = createSoniox({ baseUrl: '/api/soniox', fetch: createXhrFetch() });
```
*/
export function createXhrFetch(options: XhrFetchOptions = {}): typeof fetch {
  return async (input, init) => {
    const { [uploadProgressField]: onUploadProgress, ...requestInit } = (init ?? {}) as ScribeRequestInit;
    const request =
      isRequest(input) && Object.keys(requestInit).length === 0 ? input : new Request(input, requestInit);
    const signals = [request.signal, init?.signal].filter((signal): signal is AbortSignal => signal != null);
    const aborted = signals.find((signal) => signal.aborted);
    if (aborted !== undefined) throw aborted.reason;

    const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
    const body = hasBody ? await request.blob() : null;
    const abortedWhileReading = signals.find((signal) => signal.aborted);
    if (abortedWhileReading !== undefined) throw abortedWhileReading.reason;

    const Xhr = options.XMLHttpRequest ?? globalThis.XMLHttpRequest;
    return send(new Xhr(), {
      request,
      body,
      signals,
      onUploadProgress: typeof onUploadProgress === 'function' ? onUploadProgress : undefined,
    });
  };
}

interface XhrSend {
  request: Request;
  body: Blob | null;
  signals: AbortSignal[];
  onUploadProgress: ((progress: UploadProgress) => void) | undefined;
}

function send(xhr: XMLHttpRequest, { request, body, signals, onUploadProgress }: XhrSend): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    let reportedBytes = -1;
    const report = (loadedBytes: number, totalBytes: number | undefined) => {
      if (onUploadProgress === undefined || loadedBytes === reportedBytes) return;
      reportedBytes = loadedBytes;
      onUploadProgress({ loadedBytes, totalBytes });
    };
    // Some XHRs (happy-dom's) never fire upload events: a successful answer means the body has gone.
    const reportSent = () => {
      if (body !== null && xhr.status >= 200 && xhr.status < 300) report(body.size, body.size);
    };

    const onAbort = (event: Event) => {
      settle();
      xhr.abort();
      reject((event.target as AbortSignal).reason);
    };
    const settle = () => {
      for (const signal of signals) signal.removeEventListener('abort', onAbort);
    };
    for (const signal of signals) signal.addEventListener('abort', onAbort, { once: true });

    xhr.open(request.method, request.url, true);
    xhr.responseType = 'blob';
    xhr.withCredentials = request.credentials === 'include';
    request.headers.forEach((value, name) => {
      if (!isForbiddenHeader(name)) xhr.setRequestHeader(name, value);
    });
    if (onUploadProgress !== undefined && body !== null) {
      xhr.upload.addEventListener('progress', (event) => {
        report(event.loaded, event.lengthComputable ? event.total : body.size);
      });
      xhr.upload.addEventListener('load', () => report(body.size, body.size));
    }
    xhr.addEventListener('readystatechange', () => {
      if (xhr.readyState === headersReceived) reportSent();
    });
    xhr.addEventListener('load', () => {
      settle();
      if (xhr.status === 0) {
        reject(new TypeError('Failed to fetch'));
        return;
      }
      reportSent();
      try {
        resolve(toResponse(xhr));
      } catch (error) {
        reject(error);
      }
    });
    const fail = () => {
      settle();
      reject(new TypeError('Failed to fetch'));
    };
    xhr.addEventListener('error', fail);
    xhr.addEventListener('timeout', fail);
    xhr.send(body);
  });
}

function toResponse(xhr: XMLHttpRequest): Response {
  const status = xhr.status;
  const blob = xhr.response as Blob | null;
  const response = new Response(nullBodyStatuses.has(status) ? null : blob, {
    status,
    statusText: xhr.statusText,
    headers: parseHeaders(xhr.getAllResponseHeaders()),
  });
  // A constructed Response has an empty `url`; clients name it in their error messages.
  if (xhr.responseURL !== '') Object.defineProperty(response, 'url', { value: xhr.responseURL });
  return response;
}

/** Parses `getAllResponseHeaders()`: CRLF-separated `name: value` lines. */
export function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    try {
      headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    } catch {
      // A header name the Headers class rejects cannot be handed on; the rest still can.
    }
  }
  return headers;
}

function isForbiddenHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return forbiddenHeaders.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-');
}

function isRequest(input: unknown): input is Request {
  // Duck-typed rather than `instanceof`, which fails for a Request from another realm.
  return (
    typeof input === 'object' &&
    input !== null &&
    typeof (input as Request).url === 'string' &&
    typeof (input as Request).method === 'string' &&
    typeof (input as Request).blob === 'function'
  );
}
