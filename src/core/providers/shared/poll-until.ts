import { InvalidArgumentError, TimeoutError } from '../../errors/index.js';
import { abortableDelay } from './abortable-delay.js';

/** Options of {@link pollUntil}. */
export interface PollOptions {
  /** First wait between polls, in milliseconds. */
  intervalMs?: number | undefined;
  /** Longest wait between polls; the interval grows by half each time up to this. Defaults to `intervalMs` (a fixed interval). */
  maxIntervalMs?: number | undefined;
  /** Give up after this many milliseconds with a `TimeoutError`; `false` waits forever. */
  timeoutMs?: number | false | undefined;
  signal?: AbortSignal | undefined;
}

/**
Calls `poll` until `isDone` accepts its result, waiting between calls. Used by every provider's
`wait()`. Errors from `poll` end the wait at once.
*/
export async function pollUntil<T>(
  poll: () => Promise<T>,
  isDone: (value: T) => boolean,
  options: PollOptions & { provider: string; operation: string; defaultIntervalMs: number; defaultTimeoutMs: number },
): Promise<T> {
  const interval = options.intervalMs ?? options.defaultIntervalMs;
  const maxInterval = options.maxIntervalMs ?? interval;
  const timeout = options.timeoutMs ?? options.defaultTimeoutMs;
  for (const [name, value] of [
    ['intervalMs', interval],
    ['maxIntervalMs', maxInterval],
  ] as const) {
    if (!Number.isFinite(value) || value < 0) {
      throw new InvalidArgumentError({ argument: name, message: 'must be a non-negative number of milliseconds', value });
    }
  }
  if (timeout !== false && (!Number.isFinite(timeout) || timeout <= 0)) {
    throw new InvalidArgumentError({ argument: 'timeoutMs', message: 'must be a positive number of milliseconds or false', value: timeout });
  }
  const deadline = timeout === false ? Infinity : Date.now() + timeout;
  let wait = interval;
  for (;;) {
    options.signal?.throwIfAborted();
    const value = await poll();
    if (isDone(value)) return value;
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new TimeoutError({ provider: options.provider, operation: options.operation, timeoutInMilliseconds: timeout === false ? 0 : timeout });
    }
    await abortableDelay(Math.min(wait, remaining), options.signal);
    wait = Math.min(maxInterval, wait * 1.5);
  }
}
