// A sketch of what scribekit uses of ky, written on fetch, to measure what replacing ky would
// save (bench/size.mjs aliases `ky` to this file in the `no-ky` variants). It covers the options
// src/core/http passes: method, headers, json, body, signal, per-attempt timeout, retry (limit,
// methods, status codes, Retry-After, backoff with jitter, shouldRetry, retry on timeout and on
// network errors), an injected fetch, and unknown options handed to fetch as init.
export class HTTPError extends Error {
  constructor(response, request) {
    super(`Request failed with status code ${response.status}`);
    this.name = 'HTTPError';
    this.response = response;
    this.request = request;
  }
}

export class TimeoutError extends Error {
  constructor(request) {
    super('Request timed out');
    this.name = 'TimeoutError';
    this.request = request;
  }
}

const sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

export default async function ky(url, options) {
  const { json, timeout = 10_000, retry = {}, fetch: fetcher = fetch, signal, ...init } = options;
  const headers = new Headers(init.headers);
  if (json !== undefined) headers.set('content-type', 'application/json');
  const body = json === undefined ? init.body : JSON.stringify(json);
  const method = (init.method ?? 'GET').toUpperCase();
  const retries = typeof retry === 'number' ? { limit: retry } : retry;
  for (let attempt = 1; ; attempt++) {
    const timer = timeout === false ? undefined : AbortSignal.timeout(timeout);
    const signals = [signal, timer].filter(Boolean);
    const request = new Request(url, { ...init, method, headers, body, signal: AbortSignal.any(signals) });
    let error;
    try {
      const response = await fetcher(request, init);
      if (response.ok) return response;
      error = new HTTPError(response, request);
    } catch (cause) {
      signal?.throwIfAborted();
      error = timer?.aborted ? new TimeoutError(request) : cause;
    }
    const retryable =
      attempt <= (retries.limit ?? 2) &&
      (retries.methods ?? ['get']).includes(method.toLowerCase()) &&
      (error instanceof HTTPError
        ? (retries.statusCodes ?? []).includes(error.response.status)
        : !(error instanceof TimeoutError) || retries.retryOnTimeout === true);
    if (!retryable || (await retries.shouldRetry?.({ error, retryCount: attempt })) === false) throw error;
    const after = error instanceof HTTPError ? Number(error.response.headers.get('retry-after')) * 1000 : 0;
    const backoff = Math.min(
      retries.backoffLimit ?? Infinity,
      retries.delay?.(attempt) ?? 300 * 2 ** attempt,
    );
    await sleep(after > 0 ? after : retries.jitter ? Math.random() * backoff : backoff, signal);
  }
}
