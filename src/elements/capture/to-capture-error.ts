import { CaptureError } from './capture-error.js';

/**
Turns what `getUserMedia` rejected with into a {@link CaptureError}; anything that is not a
browser media error (an abort reason, a programming error) comes back unchanged.

@internal
*/
export function toCaptureError(error: unknown): unknown {
  if (CaptureError.isInstance(error)) return error;
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return new CaptureError({
        reason: 'permission-denied',
        message: 'permission to use the microphone was denied',
        cause: error,
      });
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return new CaptureError({
        reason: 'no-device',
        message: 'no matching microphone was found',
        cause: error,
      });
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return new CaptureError({
        reason: 'device-busy',
        message: 'the microphone could not be started (another application may be using it)',
        cause: error,
      });
    case 'NotSupportedError':
      return new CaptureError({
        reason: 'unsupported',
        message: 'this browser cannot capture audio',
        cause: error,
      });
    default:
      return error;
  }
}
