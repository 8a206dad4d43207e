import { hasMarker, ScribeError } from './scribe-error.js';

const marker = 'scribekit.error.TimeoutError';
const symbol = Symbol.for(marker);

/**
A request or a wait ran past its time limit.

Distinct from the caller's own `AbortSignal`: an abort rejects with the signal's `reason`, not with this.
*/
export class TimeoutError extends ScribeError {
  private readonly [symbol] = true;
  override readonly name = 'TimeoutError' as const;
  /** The provider that was being called. */
  readonly provider: string;
  /** What timed out: `GET https://…`, or a named operation such as `wait for transcription 123`. */
  readonly operation: string;
  /** The limit that was exceeded, in milliseconds. */
  readonly timeoutInMilliseconds: number;

  constructor(options: {
    provider: string;
    operation: string;
    timeoutInMilliseconds: number;
    cause?: unknown;
  }) {
    super(`${options.provider} ${options.operation} timed out after ${options.timeoutInMilliseconds} ms`, {
      cause: options.cause,
    });
    this.provider = options.provider;
    this.operation = options.operation;
    this.timeoutInMilliseconds = options.timeoutInMilliseconds;
  }

  /** Whether `error` is a `TimeoutError`, from this copy of the package or another. */
  static override isInstance(error: unknown): error is TimeoutError {
    return hasMarker(error, marker);
  }
}
