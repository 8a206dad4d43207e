import { hasMarker, ScribeError } from './scribe-error.js';

const marker = 'scribekit.error.ApiCallError';
const symbol = Symbol.for(marker);

/** What an {@link ApiCallError} records about the failed call. */
export interface ApiCallErrorOptions {
  /** The provider that answered, such as `soniox`. */
  provider: string;
  /** The HTTP method, upper case. */
  method: string;
  /** The request URL, with any secret-looking query parameter redacted. */
  url: string;
  /** The HTTP status code. */
  status: number;
  /** The provider's machine-readable error code (`error_type`, `error.code`, …), when it sent one. */
  code?: string | undefined;
  /** The provider's own message, when its body had one. */
  providerMessage?: string | undefined;
  /** The request id the provider returned (header or body), to quote to its support. */
  requestId?: string | undefined;
  /** The raw response body as text (capped), for debugging. */
  responseBody?: string | undefined;
  /** The parsed JSON body, when it was JSON. */
  data?: unknown;
  /** Whether the same request may succeed if sent again later. */
  isRetryable?: boolean | undefined;
  /** The underlying failure. */
  cause?: unknown;
}

/**
The provider answered with an HTTP error status.

`isRetryable` is true for 408, 409, 429 and 5xx. By the time you see this error the HTTP layer
has already retried what it safely could.
*/
export class ApiCallError extends ScribeError {
  private readonly [symbol] = true;
  override readonly name = 'ApiCallError' as const;
  /** The provider that answered. */
  readonly provider: string;
  /** The HTTP method, upper case. */
  readonly method: string;
  /** The request URL (secrets redacted). */
  readonly url: string;
  /** The HTTP status code. */
  readonly status: number;
  /** The provider's machine-readable error code, when it sent one. */
  readonly code: string | undefined;
  /** The provider's own message, when its body had one. */
  readonly providerMessage: string | undefined;
  /** The provider's request id, when it sent one. */
  readonly requestId: string | undefined;
  /** The raw response body as text (capped at 64 KiB). */
  readonly responseBody: string | undefined;
  /** The parsed JSON body, when it was JSON. */
  readonly data: unknown;
  /** Whether the same request may succeed if sent again later. */
  readonly isRetryable: boolean;

  constructor(options: ApiCallErrorOptions) {
    const detail = options.providerMessage ?? options.code;
    super(
      `${options.provider} ${options.method} ${options.url} failed with status ${options.status}` +
        (options.code === undefined ? '' : ` (${options.code})`) +
        (detail === undefined || detail === options.code ? '' : `: ${detail}`),
      { cause: options.cause },
    );
    this.provider = options.provider;
    this.method = options.method;
    this.url = options.url;
    this.status = options.status;
    this.code = options.code;
    this.providerMessage = options.providerMessage;
    this.requestId = options.requestId;
    this.responseBody = options.responseBody;
    this.data = options.data;
    this.isRetryable = options.isRetryable ?? isRetryableStatus(options.status);
  }

  /** Whether `error` is an `ApiCallError`, from this copy of the package or another. */
  static override isInstance(error: unknown): error is ApiCallError {
    return hasMarker(error, marker);
  }
}

/** Whether a response with this status may succeed if the same request is sent again. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
