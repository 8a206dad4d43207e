import { ScribeError } from '../../core/index.js';

const marker = 'scribekit.error.CaptureError';
const symbol = Symbol.for(marker);

/**
Why microphone capture failed.

- `permission-denied`: the user, the browser or a permissions policy refused the microphone
  (`NotAllowedError`, `SecurityError`).
- `no-device`: there is no microphone, or none matches the requested `deviceId`
  (`NotFoundError`, `OverconstrainedError`).
- `device-busy`: the microphone exists but could not be started, usually because another
  application or tab holds it, or a hardware error (`NotReadableError`, `AbortError`).
- `unsupported`: this browser or context cannot capture (no `getUserMedia`, which also happens on
  pages not served over HTTPS, or neither an `AudioWorklet` nor a usable `MediaRecorder`).
- `device-lost`: the microphone went away while capturing and no other one could replace it.
*/
export type CaptureErrorReason =
  'permission-denied' | 'no-device' | 'device-busy' | 'unsupported' | 'device-lost';

/**
Microphone capture could not start or could not go on.

Branch on `reason` to tell the user what to do; the browser's own error (a `DOMException`) is kept
in `cause`.

@example
```ts
import { CaptureError, MicrophoneCapture } from 'scribekit/elements';

try {
  await new MicrophoneCapture().start();
} catch (error) {
  if (CaptureError.isInstance(error) && error.reason === 'permission-denied') showHowToAllowTheMicrophone();
  else throw error;
}
```
*/
export class CaptureError extends ScribeError {
  private readonly [symbol] = true;
  override readonly name = 'CaptureError' as const;
  /** Why capture failed. */
  readonly reason: CaptureErrorReason;

  constructor(options: { reason: CaptureErrorReason; message: string; cause?: unknown }) {
    super(`Microphone capture: ${options.message}`, { cause: options.cause });
    this.reason = options.reason;
  }

  /** Whether `error` is a `CaptureError`, from this copy of the package or another. */
  static override isInstance(error: unknown): error is CaptureError {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as Record<symbol, unknown>)[Symbol.for(marker)] === true
    );
  }
}
