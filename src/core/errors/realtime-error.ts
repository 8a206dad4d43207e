import { hasMarker, ScribeError } from './scribe-error.js';

const marker = 'scribekit.error.RealtimeError';
const symbol = Symbol.for(marker);

/** A realtime session failed: the server sent an error, or the socket closed abnormally. */
export class RealtimeError extends ScribeError {
  private readonly [symbol] = true;
  override readonly name = 'RealtimeError' as const;
  /** The provider of the session. */
  readonly provider: string;
  /** The WebSocket close code, when the socket closed. */
  readonly closeCode: number | undefined;
  /** The WebSocket close reason, when the socket closed. */
  readonly closeReason: string | undefined;
  /** The provider's error code, when it sent one. */
  readonly code: string | number | undefined;

  constructor(options: {
    provider: string;
    message: string;
    closeCode?: number | undefined;
    closeReason?: string | undefined;
    code?: string | number | undefined;
    cause?: unknown;
  }) {
    super(`${options.provider} realtime: ${options.message}`, { cause: options.cause });
    this.provider = options.provider;
    this.closeCode = options.closeCode;
    this.closeReason = options.closeReason;
    this.code = options.code;
  }

  /** Whether `error` is a `RealtimeError`, from this copy of the package or another. */
  static override isInstance(error: unknown): error is RealtimeError {
    return hasMarker(error, marker);
  }
}
