import { hasMarker, ScribeError } from './scribe-error.js';

const marker = 'scribekit.error.TranscriptionFailedError';
const symbol = Symbol.for(marker);

/** The provider accepted the job, then reported that it failed (undecodable audio, an unreachable URL, …). */
export class TranscriptionFailedError extends ScribeError {
  private readonly [symbol] = true;
  override readonly name = 'TranscriptionFailedError' as const;
  /** The provider that ran the job. */
  readonly provider: string;
  /** The provider's job id. */
  readonly jobId: string;
  /** The provider's error code for the failure, when it gave one. */
  readonly code: string | undefined;
  /** The provider's message, when it gave one. */
  readonly providerMessage: string | undefined;

  constructor(options: {
    provider: string;
    jobId: string;
    code?: string | undefined;
    providerMessage?: string | undefined;
  }) {
    super(
      `${options.provider} transcription ${options.jobId} failed` +
        (options.code === undefined ? '' : ` (${options.code})`) +
        (options.providerMessage === undefined ? '' : `: ${options.providerMessage}`),
    );
    this.provider = options.provider;
    this.jobId = options.jobId;
    this.code = options.code;
    this.providerMessage = options.providerMessage;
  }

  /** Whether `error` is a `TranscriptionFailedError`, from this copy of the package or another. */
  static override isInstance(error: unknown): error is TranscriptionFailedError {
    return hasMarker(error, marker);
  }
}
