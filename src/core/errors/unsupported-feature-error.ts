import { hasMarker, ScribeError } from './scribe-error.js';

const marker = 'scribekit.error.UnsupportedFeatureError';
const symbol = Symbol.for(marker);

/** The provider cannot do what was asked at all (as opposed to an option it ignores, which is a warning). */
export class UnsupportedFeatureError extends ScribeError {
  private readonly [symbol] = true;
  override readonly name = 'UnsupportedFeatureError' as const;
  /** The provider that lacks the feature. */
  readonly provider: string;
  /** The feature, such as `realtime` or `diarization`. */
  readonly feature: string;

  constructor(options: { provider: string; feature: string; message?: string }) {
    super(options.message ?? `${options.provider} does not support ${options.feature}`);
    this.provider = options.provider;
    this.feature = options.feature;
  }

  /** Whether `error` is an `UnsupportedFeatureError`, from this copy of the package or another. */
  static override isInstance(error: unknown): error is UnsupportedFeatureError {
    return hasMarker(error, marker);
  }
}
