import { hasMarker, ScribeError } from './scribe-error.js';

const marker = 'scribekit.error.InvalidArgumentError';
const symbol = Symbol.for(marker);

/**
An argument was rejected before any request was sent.

`argument` names the offending field as the caller wrote it (`config.language_hints[2]`,
`audio`), so a form can point at it.
*/
export class InvalidArgumentError extends ScribeError {
  private readonly [symbol] = true;
  override readonly name = 'InvalidArgumentError' as const;
  /** The path of the rejected argument. */
  readonly argument: string;
  /** The rejected value, when it is safe to keep (never a key). */
  readonly value: unknown;

  constructor(options: { argument: string; message: string; value?: unknown; cause?: unknown }) {
    super(`Invalid argument \`${options.argument}\`: ${options.message}`, { cause: options.cause });
    this.argument = options.argument;
    this.value = options.value;
  }

  /** Whether `error` is an `InvalidArgumentError`, from this copy of the package or another. */
  static override isInstance(error: unknown): error is InvalidArgumentError {
    return hasMarker(error, marker);
  }
}
