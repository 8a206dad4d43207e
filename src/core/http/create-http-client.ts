import type * as v from 'valibot';
import ky, { HTTPError, TimeoutError as KyTimeoutError } from 'ky';
import {
  ApiCallError,
  InvalidArgumentError,
  NetworkError,
  ResponseValidationError,
  TimeoutError,
} from '../errors/index.js';
import type { ApiKey, ClientOptions } from './client-options.js';
import { readErrorBody, type ErrorBodyDetails } from './error-body.js';
import { parseResponse } from './parse-response.js';
import { redactUrl } from './redact-url.js';
import { resolveApiKey } from './resolve-api-key.js';
import { resolveRetryOptions, toKyRetry } from './retry-policy.js';
import { uploadProgressField, type UploadProgress } from './upload-progress.js';

/** How a provider expects its key: `Authorization: Bearer <key>`, or the raw key in a header. */
export type AuthScheme = { type: 'bearer' } | { type: 'raw'; header: string };

/** What a provider module tells the HTTP layer about itself, plus the user's {@link ClientOptions}. */
export interface HttpClientConfig extends ClientOptions {
  /** Provider id used in errors, such as `soniox`. */
  provider: string;
  /** Display name used in messages, such as `Soniox`. */
  providerName?: string;
  /** The provider's own API origin, used when `baseUrl` is not given. */
  defaultBaseUrl: string;
  /** How the key is sent. */
  auth: AuthScheme;
  /** Reads the provider's error envelope; defaults to a reader that knows all four providers. */
  readErrorBody?: (data: unknown) => ErrorBodyDetails;
}

/** Query parameter values; `undefined` entries are left out, arrays repeat the name. */
export type QueryValue = string | number | boolean | undefined | readonly (string | number | boolean)[];

/** One HTTP request, relative to the client's base URL. */
export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the base URL, such as `v1/files/abc`. Path segments must already be encoded. */
  path: string;
  query?: Record<string, QueryValue>;
  /** A JSON body. */
  json?: unknown;
  /** Any other body (FormData, Blob, stream). */
  body?: BodyInit;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** Overrides the client's timeout for this request. */
  timeout?: number | false | undefined;
  /** Sent as `Idempotency-Key`; makes a POST safe to retry. */
  idempotencyKey?: string | undefined;
  /** Marks a non-idempotent request safe to retry without an idempotency key. */
  safeToRetry?: boolean;
  /**
  Called as the body is sent, when the injected `fetch` can report it, and once when the upload
  has completed in any case.
  */
  onUploadProgress?: ((progress: UploadProgress) => void) | undefined;
}

/** A configured HTTP client for one provider. */
export interface HttpClient {
  readonly provider: string;
  /** The base URL in use, without a trailing slash. */
  readonly baseUrl: string;
  /** Sends a request and returns the raw `Response` (2xx only; errors are thrown). */
  send(request: HttpRequest): Promise<Response>;
  /** Sends a request and parses its JSON body with `schema`. */
  json<TSchema extends v.GenericSchema>(
    request: HttpRequest,
    schema: TSchema,
  ): Promise<v.InferOutput<TSchema>>;
  /** Sends a request that answers with no body worth reading (204). */
  empty(request: HttpRequest): Promise<void>;
}

const maxErrorBodyBytes = 64 * 1024;

/**
Creates the HTTP client every provider module is built on: base URL, per-request auth, injected
`fetch`, timeouts, `AbortSignal`, safe retries, error mapping and response validation.
*/
export function createHttpClient(config: HttpClientConfig): HttpClient {
  const provider = config.provider;
  const providerName = config.providerName ?? provider;
  const baseUrl = normalizeBaseUrl(config.baseUrl ?? config.defaultBaseUrl);
  const retry = resolveRetryOptions(config.retry);
  const timeout = config.timeout ?? 120_000;
  const readError = config.readErrorBody ?? readErrorBody;
  const usesProviderHost = config.baseUrl === undefined;

  async function send(request: HttpRequest): Promise<Response> {
    request.signal?.throwIfAborted();
    const url = buildUrl(baseUrl, request.path, request.query);
    const operation = `${request.method} ${redactUrl(url)}`;
    const headers = new Headers(config.headers);
    for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
    const key = await resolveKey(config.apiKey, usesProviderHost, providerName);
    if (key !== undefined) {
      if (config.auth.type === 'bearer') headers.set('Authorization', `Bearer ${key}`);
      else headers.set(config.auth.header, key);
    }
    if (request.idempotencyKey !== undefined) headers.set('Idempotency-Key', request.idempotencyKey);
    const isStreamBody = typeof ReadableStream !== 'undefined' && request.body instanceof ReadableStream;
    const requestTimeout = request.timeout ?? timeout;
    let fetchReportedProgress = false;
    const onProgress =
      request.onUploadProgress === undefined
        ? undefined
        : (progress: UploadProgress) => {
            fetchReportedProgress = true;
            request.onUploadProgress?.(progress);
          };

    try {
      const response = await ky(url, {
        method: request.method,
        headers,
        ...(request.json === undefined ? {} : { json: request.json }),
        ...(request.body === undefined ? {} : { body: request.body }),
        ...(request.signal === undefined ? {} : { signal: request.signal }),
        timeout: requestTimeout,
        // A stream can be read once: it cannot be sent again.
        retry: isStreamBody
          ? 0
          : toKyRetry(retry, {
              safeToRetry: request.safeToRetry === true || request.idempotencyKey !== undefined,
            }),
        fetch: (input, init) => (config.fetch ?? globalThis.fetch)(input, init),
        ...(isStreamBody ? ({ duplex: 'half' } as object) : {}),
        // ky hands options it does not know to `fetch` as its init: a progress-capable fetch reads this.
        ...(onProgress === undefined ? {} : { [uploadProgressField]: onProgress }),
      });
      // A fetch that reported progress has reported completion too; others get one final report.
      if (request.onUploadProgress !== undefined && !fetchReportedProgress) {
        const size = bodySize(request.body);
        request.onUploadProgress({ loadedBytes: size ?? 0, totalBytes: size });
      }
      return response;
    } catch (error) {
      throw await toScribeError(error, {
        provider,
        method: request.method,
        url,
        operation,
        requestTimeout,
        readError,
        signal: request.signal,
      });
    }
  }

  return {
    provider,
    baseUrl,
    send,
    async json(request, schema) {
      const response = await send(request);
      const operation = `${request.method} ${redactUrl(response.url || buildUrl(baseUrl, request.path, request.query))}`;
      const text = await response.text();
      let data: unknown;
      try {
        data = text === '' ? undefined : JSON.parse(text);
      } catch (error) {
        throw new ResponseValidationError({
          provider,
          operation,
          issues: [{ path: '', message: `the body is not JSON: ${JSON.stringify(text.slice(0, 120))}` }],
          data: text,
          cause: error,
        });
      }
      return parseResponse(schema, data, { provider, operation });
    },
    async empty(request) {
      const response = await send(request);
      await response.body?.cancel();
    },
  };
}

async function resolveKey(apiKey: ApiKey | undefined, usesProviderHost: boolean, providerName: string) {
  const key = await resolveApiKey(apiKey, providerName);
  if (key === undefined && usesProviderHost) {
    throw new InvalidArgumentError({
      argument: 'apiKey',
      message: `${providerName} needs an API key: pass \`apiKey\`, or a \`baseUrl\` that points at a proxy adding it (such as the scribekit Worker)`,
    });
  }
  return key;
}

async function toScribeError(
  error: unknown,
  context: {
    provider: string;
    method: string;
    url: string;
    operation: string;
    requestTimeout: number | false;
    readError: (data: unknown) => ErrorBodyDetails;
    signal: AbortSignal | undefined;
  },
): Promise<unknown> {
  if (context.signal?.aborted) return context.signal.reason;
  const safeUrl = redactUrl(context.url);
  if (error instanceof HTTPError) {
    const response = error.response;
    const responseBody = await readCapped(response);
    let data: unknown;
    try {
      data = responseBody === undefined || responseBody === '' ? undefined : JSON.parse(responseBody);
    } catch {
      data = undefined;
    }
    const details = context.readError(data);
    return new ApiCallError({
      provider: context.provider,
      method: context.method,
      url: safeUrl,
      status: response.status,
      code: details.code,
      providerMessage: details.message ?? (data === undefined ? response.statusText || undefined : undefined),
      requestId:
        details.requestId ??
        response.headers.get('x-request-id') ??
        response.headers.get('request-id') ??
        undefined,
      responseBody,
      data,
      // No `cause`: ky's error holds the Request, and with it the Authorization header.
    });
  }
  if (error instanceof KyTimeoutError) {
    return new TimeoutError({
      provider: context.provider,
      operation: context.operation,
      timeoutInMilliseconds: context.requestTimeout === false ? 0 : context.requestTimeout,
    });
  }
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  return new NetworkError({ provider: context.provider, method: context.method, url: safeUrl, cause: error });
}

async function readCapped(response: Response): Promise<string | undefined> {
  if (response.body === null) return undefined;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  try {
    while (size < maxErrorBodyBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
  } catch {
    // A body cut off mid-read still tells us what arrived.
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return text.length > maxErrorBodyBytes ? text.slice(0, maxErrorBodyBytes) : text;
}

function bodySize(body: BodyInit | undefined): number | undefined {
  if (body instanceof Blob) return body.size;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return body.byteLength;
  if (body instanceof FormData) {
    let size = 0;
    for (const value of body.values()) size += typeof value === 'string' ? value.length : value.size;
    return size;
  }
  return undefined;
}

function normalizeBaseUrl(baseUrl: string): string {
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    throw new InvalidArgumentError({
      argument: 'baseUrl',
      message: 'must be a non-empty URL or path',
      value: baseUrl,
    });
  }
  return baseUrl.replace(/\/+$/, '');
}

/** Joins the base URL, a path and query parameters. Relative base URLs resolve against the page. */
export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  let url = `${baseUrl}/${path.replace(/^\/+/, '')}`;
  if (!/^[a-z][a-z\d+\-.]*:/i.test(url)) {
    const origin = (globalThis as { location?: { href?: string } }).location?.href;
    if (origin === undefined) {
      throw new InvalidArgumentError({
        argument: 'baseUrl',
        message: `a relative base URL (${baseUrl}) needs a page to resolve against; pass an absolute URL here`,
        value: baseUrl,
      });
    }
    url = new URL(url, origin).toString();
  }
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) search.append(name, String(item));
    else search.append(name, String(value));
  }
  const queryString = search.toString();
  return queryString === '' ? url : `${url}${url.includes('?') ? '&' : '?'}${queryString}`;
}
