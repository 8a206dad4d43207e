import type { RetryOptions as KyRetryOptions } from 'ky';
import { HTTPError } from 'ky';
import { InvalidArgumentError } from '../errors/index.js';
import type { RetryOptions } from './client-options.js';

/** Statuses that may succeed when the same request is sent again later. */
export const retryableStatusCodes = [408, 429, 500, 502, 503, 504];

const idempotentMethods = ['get', 'head', 'put', 'delete', 'options', 'trace'] as const;

/** The retry policy with every default filled in. */
export interface ResolvedRetryOptions {
  limit: number;
  backoffLimit: number;
  maxRetryAfter: number;
}

/** Fills in the defaults of a client's `retry` option and checks its numbers. */
export function resolveRetryOptions(retry: RetryOptions | number | false | undefined): ResolvedRetryOptions {
  const options: RetryOptions =
    retry === false ? { limit: 0 } : typeof retry === 'number' ? { limit: retry } : (retry ?? {});
  const resolved = {
    limit: options.limit ?? 2,
    backoffLimit: options.backoffLimit ?? 8_000,
    maxRetryAfter: options.maxRetryAfter ?? 60_000,
  };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new InvalidArgumentError({
        argument: `retry.${name}`,
        message: 'must be a non-negative number',
        value,
      });
    }
  }
  return resolved;
}

/**
Builds ky's retry options for one request. Only idempotent methods are retried, unless the caller
marks a POST safe (it carries an idempotency key). `Retry-After` is honoured in seconds or as an
HTTP date; one beyond `maxRetryAfter` stops the retries instead of being shortened, since the
provider told us an earlier attempt would fail.
*/
export function toKyRetry(
  options: ResolvedRetryOptions,
  { safeToRetry }: { safeToRetry: boolean },
): KyRetryOptions {
  return {
    limit: options.limit,
    methods: safeToRetry ? [...idempotentMethods, 'post', 'patch'] : [...idempotentMethods],
    statusCodes: retryableStatusCodes,
    afterStatusCodes: retryableStatusCodes,
    backoffLimit: options.backoffLimit,
    delay: (attempt) => 500 * 2 ** (attempt - 1),
    jitter: true,
    retryOnTimeout: true,
    shouldRetry: ({ error }) => {
      if (!(error instanceof HTTPError)) return undefined;
      const wait = parseRetryAfter(error.response.headers.get('Retry-After'), Date.now());
      if (wait !== undefined && wait > options.maxRetryAfter) return false;
      return undefined;
    },
  };
}

/**
Reads a `Retry-After` header as milliseconds to wait: delta-seconds or an HTTP date
(RFC 9110 §10.2.3). `undefined` when absent or unreadable.
*/
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
