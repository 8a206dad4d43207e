import { hasMarker, ScribeError } from './scribe-error.js';

const marker = 'scribekit.error.NetworkError';
const symbol = Symbol.for(marker);

/**
The request never got an HTTP answer: DNS, connection refused or reset, CORS, offline.

The runtime's own error is kept in `cause`. It is retried for idempotent requests before you see it.
*/
export class NetworkError extends ScribeError {
  private readonly [symbol] = true;
  override readonly name = 'NetworkError' as const;
  /** The provider that was being called. */
  readonly provider: string;
  /** The HTTP method, upper case. */
  readonly method: string;
  /** The request URL (secrets redacted). */
  readonly url: string;

  constructor(options: { provider: string; method: string; url: string; cause?: unknown }) {
    const reason = options.cause instanceof Error ? `: ${options.cause.message}` : '';
    super(`${options.provider} ${options.method} ${options.url} could not be reached${reason}`, {
      cause: options.cause,
    });
    this.provider = options.provider;
    this.method = options.method;
    this.url = options.url;
  }

  /** Whether `error` is a `NetworkError`, from this copy of the package or another. */
  static override isInstance(error: unknown): error is NetworkError {
    return hasMarker(error, marker);
  }
}
