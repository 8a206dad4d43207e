import * as v from 'valibot';
import type { RealtimePart } from './realtime-part.js';

/** How a realtime session reconnects after losing its connection. */
export interface RealtimeReconnectOptions {
  /**
  Attempts per loss before the session fails. The count starts again once a new connection has
  delivered a message.

  @default 5
  */
  maxAttempts?: number | undefined;
  /**
  The wait before the first attempt, in milliseconds; each further attempt waits twice as long
  (with jitter: between half and all of it), up to `maxDelayMs`.

  @default 250
  */
  initialDelayMs?: number | undefined;
  /** @default 5000 */
  maxDelayMs?: number | undefined;
  /**
  How much captured audio is kept for replay, in seconds (converted at the stream's byte rate; for
  container formats at 32 kB/s). Audio older than the last final word is dropped anyway; this
  bounds the buffer while the connection is down.

  @default 60
  */
  bufferSeconds?: number | undefined;
}

/** The provider-neutral options of a realtime session. */
export interface RealtimeSessionOptions {
  /** Cancels the session (as `cancel()` does). */
  signal?: AbortSignal | undefined;
  /**
  Receives every part as it happens. When given, the `parts` stream only buffers from the moment
  it is first read, so a caller who only listens never accumulates parts.
  */
  onPart?: ((part: RealtimePart) => void) | undefined;
  /**
  Sends a keepalive after this long without audio, in milliseconds. Soniox closes a session after
  20 s without audio or keepalive.

  @default 5000
  */
  keepaliveIntervalMs?: number | undefined;
  /**
  Audio waits while the socket has more than this many bytes queued (its `bufferedAmount`).

  @default 131072
  */
  highWaterMark?: number | undefined;
  /** @default 20000 */
  connectTimeoutMs?: number | undefined;
  /**
  How long `end()` waits for the provider to finish, in milliseconds.

  @default 60000
  */
  endTimeoutMs?: number | undefined;
  /**
  Reconnect after an abnormal close, replaying the audio since the last final word; `false` makes
  a lost connection fail the session.

  @default {}
  */
  reconnect?: RealtimeReconnectOptions | false | undefined;
}

/** {@link RealtimeSessionOptions} with every default filled in. */
export interface ResolvedRealtimeSessionOptions {
  readonly signal: AbortSignal | undefined;
  readonly onPart: ((part: RealtimePart) => void) | undefined;
  readonly keepaliveIntervalMs: number;
  readonly highWaterMark: number;
  readonly connectTimeoutMs: number;
  readonly endTimeoutMs: number;
  readonly reconnect: Required<{ [K in keyof RealtimeReconnectOptions]: number }> | false;
}

const milliseconds = (min: number, max: number) =>
  v.pipe(
    v.number('must be a number of milliseconds'),
    v.finite('must be a finite number'),
    v.minValue(min, `must be at least ${min} ms`),
    v.maxValue(max, `must be at most ${max} ms`),
  );

/**
The valibot entries of {@link RealtimeSessionOptions}, for a provider's strict options schema.

@internal
*/
export const realtimeSessionOptionEntries = {
  signal: v.optional(
    v.custom<AbortSignal>(
      (input) => typeof (input as AbortSignal | null)?.aborted === 'boolean',
      'must be an AbortSignal',
    ),
  ),
  onPart: v.optional(
    v.custom<(part: RealtimePart) => void>((input) => typeof input === 'function', 'must be a function'),
  ),
  keepaliveIntervalMs: v.optional(milliseconds(100, 19_000)),
  highWaterMark: v.optional(
    v.pipe(
      v.number('must be a number of bytes'),
      v.integer('must be a whole number'),
      v.minValue(0, 'must not be negative'),
    ),
  ),
  connectTimeoutMs: v.optional(milliseconds(1, 600_000)),
  endTimeoutMs: v.optional(milliseconds(1, 3_600_000)),
  reconnect: v.optional(
    v.union(
      [
        v.literal(false),
        v.strictObject(
          {
            maxAttempts: v.optional(
              v.pipe(
                v.number('must be a number'),
                v.integer('must be a whole number'),
                v.minValue(1, 'must be at least 1'),
              ),
            ),
            initialDelayMs: v.optional(milliseconds(0, 600_000)),
            maxDelayMs: v.optional(milliseconds(0, 600_000)),
            bufferSeconds: v.optional(
              v.pipe(
                v.number('must be a number of seconds'),
                v.finite('must be a finite number'),
                v.minValue(1, 'must be at least 1 second'),
                v.maxValue(3600, 'must be at most 3600 seconds'),
              ),
            ),
          },
          (issue) => `is not a reconnect option (${String(issue.input)})`,
        ),
      ],
      'must be false or an object of reconnect options',
    ),
  ),
};

/**
Fills in the defaults of already validated session options.

@internal
*/
export function resolveRealtimeSessionOptions(
  options: RealtimeSessionOptions,
): ResolvedRealtimeSessionOptions {
  const reconnect = options.reconnect;
  return {
    signal: options.signal,
    onPart: options.onPart,
    keepaliveIntervalMs: options.keepaliveIntervalMs ?? 5000,
    highWaterMark: options.highWaterMark ?? 128 * 1024,
    connectTimeoutMs: options.connectTimeoutMs ?? 20_000,
    endTimeoutMs: options.endTimeoutMs ?? 60_000,
    reconnect:
      reconnect === false
        ? false
        : {
            maxAttempts: reconnect?.maxAttempts ?? 5,
            initialDelayMs: reconnect?.initialDelayMs ?? 250,
            maxDelayMs: Math.max(reconnect?.maxDelayMs ?? 5000, reconnect?.initialDelayMs ?? 0),
            bufferSeconds: reconnect?.bufferSeconds ?? 60,
          },
  };
}

/** The wait before reconnect attempt `attempt` (1-based): exponential, with jitter in its upper half. */
export function reconnectDelay(
  attempt: number,
  reconnect: { initialDelayMs: number; maxDelayMs: number },
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(reconnect.maxDelayMs, reconnect.initialDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
