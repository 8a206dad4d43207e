const marker = 'scribekit.error';
const symbol = Symbol.for(marker);

/** Options every scribekit error accepts. */
export interface ScribeErrorOptions {
  /** The underlying failure, kept as the standard `cause`. */
  cause?: unknown;
}

/**
The base class of every error scribekit throws.

Branch on the subclasses with their static `isInstance()` guards rather than `instanceof`: the
guards match a `Symbol.for` marker, so they still work when two copies of scribekit are loaded
(a bundle and a CDN script, say), where `instanceof` does not.

@example
```ts
import { ScribeError, ApiCallError } from 'scribekit';

try {
  await transcribe({ provider, audio });
} catch (error) {
  if (ApiCallError.isInstance(error) && error.isRetryable) scheduleRetry();
  else if (ScribeError.isInstance(error)) showMessage(error.message);
  else throw error;
}
```
*/
export class ScribeError extends Error {
  private readonly [symbol] = true;
  override readonly name: string = 'ScribeError';

  constructor(message: string, options: ScribeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }

  /** Whether `error` is any scribekit error, from this copy of the package or another. */
  static isInstance(error: unknown): error is ScribeError {
    return hasMarker(error, marker);
  }
}

/**
Whether `error` carries the `Symbol.for(markerName)` brand.

@internal Used by the subclasses' `isInstance` guards.
*/
export function hasMarker(error: unknown, markerName: string): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as Record<symbol, unknown>)[Symbol.for(markerName)] === true
  );
}
