import {
  ApiCallError,
  InvalidArgumentError,
  NetworkError,
  TimeoutError,
  TranscriptionFailedError,
} from '../../core/index.js';
import type { UploadStrings } from './upload.strings.js';

/** A message fit to show a person for why a transcription failed, in the element's language. */
export function describeUploadError(error: unknown, errors: UploadStrings['errors']): string {
  if (ApiCallError.isInstance(error)) return errors.api(error.status);
  if (NetworkError.isInstance(error)) return errors.network;
  if (TimeoutError.isInstance(error)) return errors.timeout;
  if (TranscriptionFailedError.isInstance(error)) return errors.failed;
  if (InvalidArgumentError.isInstance(error) && error.argument === 'endpoint') return errors.noEndpoint;
  return errors.unknown;
}

/** A message for a link `resolveShareLink` refused, in the element's language. */
export function describeLinkError(error: unknown, errors: UploadStrings['errors']): string {
  // Core says why only in its English message; folder links, the usual mistake, get their own words.
  if (InvalidArgumentError.isInstance(error) && /folder/i.test(error.message)) return errors.folderLink;
  return errors.badLink;
}
