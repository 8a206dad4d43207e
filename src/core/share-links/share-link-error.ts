import { InvalidArgumentError } from '../errors/index.js';

/**
The error thrown for a link that cannot be turned into a download.

`value` is the link the caller passed (as given, or as the URL parser normalised it), so the error
holds nothing the caller did not give.
*/
export function shareLinkError(message: string, value: unknown, cause?: unknown): InvalidArgumentError {
  return new InvalidArgumentError({ argument: 'url', message, value, cause });
}
