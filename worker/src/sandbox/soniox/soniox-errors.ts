import { jsonResponse } from '../shared/json-response.js';
import type { LimitIssue } from '../shared/cursor-pagination.js';

/** The largest file `POST /v1/files` accepts: 1 GiB. */
export const SONIOX_MAX_FILE_BYTES = 1_073_741_824;

/**
An `error_type` Soniox sends. The documented ones are listed; `not_found` and
`method_not_allowed` (unknown route, wrong method) are the sandbox's guesses, since Soniox
documents neither case.
*/
export type SonioxErrorType =
  | 'invalid_request'
  | 'invalid_cursor'
  | 'unauthenticated'
  | 'file_not_found'
  | 'transcription_not_found'
  | 'transcription_invalid_state'
  | 'limit_exceeded'
  | 'internal_error'
  | 'not_found'
  | 'method_not_allowed';

/** One entry of `validation_errors`, filled in for `invalid_request`. */
export interface SonioxValidationError {
  /** A pydantic-style type, e.g. `less_than_equal`. */
  readonly error_type: string;
  /** A dotted path, e.g. `query.limit` or `body.payload.model`. */
  readonly location: string;
  /** A human-readable message. */
  readonly message: string;
}

/** Soniox's `ApiError` body, sent with every 4xx and 5xx. */
export interface SonioxErrorBody {
  /** Repeats the HTTP status. */
  readonly status_code: number;
  /** Stable machine-readable identifier. */
  readonly error_type: SonioxErrorType;
  /** Human-readable message. */
  readonly message: string;
  /** Field errors; empty unless `invalid_request`. */
  readonly validation_errors: readonly SonioxValidationError[];
  /** A fresh UUID per response. */
  readonly request_id: string;
  /** Link to the error's entry in the Errors reference (newer API versions add it). */
  readonly more_info: string;
}

/**
Builds a Soniox error response.

Soniox puts the request id in the body only; no request-id header is documented, so none is sent.
*/
export function sonioxError(
  status: number,
  errorType: SonioxErrorType,
  message: string,
  validationErrors: readonly SonioxValidationError[] = [],
): Response {
  const body: SonioxErrorBody = {
    status_code: status,
    error_type: errorType,
    message,
    validation_errors: validationErrors,
    request_id: crypto.randomUUID(),
    more_info: `https://soniox.com/docs/api-reference/errors#${errorType.replace(/_/g, '-')}`,
  };
  return jsonResponse(body, status);
}

/** The Soniox errors the shared pieces need, with the messages the OpenAPI examples show. */
export const sonioxErrors = {
  /** 401 for a missing or rejected key. */
  unauthenticated: (): Response =>
    sonioxError(
      401,
      'unauthenticated',
      'Incorrect API key provided. You can get an API key at https://console.soniox.com',
    ),
  /** 404 for a path no endpoint serves. */
  notFound: (): Response => sonioxError(404, 'not_found', 'Not found.'),
  /** 405 for a known path with the wrong method. */
  methodNotAllowed: (): Response => sonioxError(405, 'method_not_allowed', 'Method not allowed.'),
  /** 400 for a cursor Soniox did not issue. */
  invalidCursor: (): Response => sonioxError(400, 'invalid_cursor', 'Invalid cursor parameter.'),
  /** 400 with field errors. */
  invalidRequest: (errors: readonly SonioxValidationError[]): Response =>
    sonioxError(400, 'invalid_request', 'Invalid request.', errors),
  /** 400 for a bad `limit` query parameter. */
  invalidLimit: (issue: LimitIssue): Response =>
    sonioxError(400, 'invalid_request', 'Invalid request.', [
      { error_type: issue.type, location: 'query.limit', message: issue.message },
    ]),
  /** 400 for an upload above {@link SONIOX_MAX_FILE_BYTES}, with the OpenAPI's message. */
  fileTooLarge: (): Response =>
    sonioxError(
      400,
      'invalid_request',
      `Exceeded maximum file size (maximum is ${SONIOX_MAX_FILE_BYTES} bytes).`,
    ),
  /** 404 for a file id no file has. */
  fileNotFound: (): Response => sonioxError(404, 'file_not_found', 'File could not be found.'),
  /** 404 for a transcription id no transcription has. */
  transcriptionNotFound: (): Response =>
    sonioxError(404, 'transcription_not_found', 'Transcription could not be found.'),
  /** 409 when a transcription's status forbids the call; `message` names the reason. */
  transcriptionInvalidState: (message: string): Response =>
    sonioxError(409, 'transcription_invalid_state', message),
  /** 429 for a quota or rate limit; `message` says which. */
  limitExceeded: (message: string): Response => sonioxError(429, 'limit_exceeded', message),
  /** 500, the message Soniox sends. */
  internalError: (): Response =>
    sonioxError(
      500,
      'internal_error',
      'The server encountered an error. Please try again. If the issue persists contact support@soniox.com.',
    ),
} as const;
