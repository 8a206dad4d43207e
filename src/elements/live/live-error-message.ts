import { ApiCallError, InvalidArgumentError, NetworkError, RealtimeError } from '../../core/index.js';
import { CaptureError } from '../capture/index.js';
import type { LiveErrorStrings } from './live.strings.js';

/**
A message fit to show a person for a failure of a live session whose audio came from `source`: the
microphone, or a recording played as one.
*/
export function describeLiveError(
  error: unknown,
  strings: LiveErrorStrings,
  source: 'microphone' | 'audio' = 'microphone',
): string {
  if (InvalidArgumentError.isInstance(error) && error.argument === 'endpoint') return strings.noEndpoint;
  if (ApiCallError.isInstance(error)) return error.status === 429 ? strings.rateLimited : strings.keyRefused;
  if (NetworkError.isInstance(error)) return strings.network;
  if (RealtimeError.isInstance(error)) return strings.connection;
  if (source === 'audio') return strings.audio;
  if (CaptureError.isInstance(error)) {
    switch (error.reason) {
      case 'permission-denied':
        return strings.permissionDenied;
      case 'no-device':
        return strings.noDevice;
      case 'device-busy':
        return strings.deviceBusy;
      case 'unsupported':
        return strings.unsupported;
      case 'device-lost':
        return strings.deviceLost;
    }
  }
  return strings.generic;
}
