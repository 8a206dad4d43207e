import { jsonResponse, type ResponseHeaders } from '../shared/json-response.js';

/** An `error.code` Scriptivox returns synchronously (scriptivox.md §8). */
export type ScriptivoxErrorCode =
  | 'INVALID_REQUEST'
  | 'INVALID_FILENAME'
  | 'INVALID_MEDIA_FORMAT'
  | 'FILE_NOT_UPLOADED'
  | 'FILE_TOO_LARGE'
  | 'UPLOAD_ALREADY_USED'
  | 'UPLOAD_EXPIRED'
  | 'INVALID_API_KEY'
  | 'API_KEY_REVOKED'
  | 'ZERO_BALANCE'
  | 'INSUFFICIENT_BALANCE'
  | 'UPLOAD_NOT_FOUND'
  | 'TRANSCRIPTION_NOT_FOUND'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'IDEMPOTENCY_KEY_LOCKED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'IDEMPOTENCY_KEY_CONFLICT'
  | 'RATE_LIMIT_EXCEEDED'
  | 'INTERNAL_ERROR';

/** Scriptivox's error body: `{ "error": { "code": "UPPER_SNAKE", "message": "..." } }`. */
export interface ScriptivoxErrorBody {
  /** The error's code and message. */
  readonly error: { readonly code: ScriptivoxErrorCode; readonly message: string };
}

/** Builds a Scriptivox error response. */
export function scriptivoxError(
  status: number,
  code: ScriptivoxErrorCode,
  message: string,
  headers: ResponseHeaders = {},
): Response {
  const body: ScriptivoxErrorBody = { error: { code, message } };
  return jsonResponse(body, status, headers);
}

/** The Scriptivox errors the shared pieces need. The messages are the sandbox's own wording. */
export const scriptivoxErrors = {
  /** 401 for a request without a key. */
  missingKey: (): Response => scriptivoxError(401, 'INVALID_API_KEY', 'Missing API key.'),
  /** 401 for a rejected key. */
  invalidKey: (): Response => scriptivoxError(401, 'INVALID_API_KEY', 'Invalid API key.'),
  /** 404 for a path no endpoint serves. */
  notFound: (): Response => scriptivoxError(404, 'NOT_FOUND', 'Not found.'),
  /** 405 for a known path with the wrong method; the route table adds `Allow`. */
  methodNotAllowed: (method: string): Response =>
    scriptivoxError(405, 'METHOD_NOT_ALLOWED', `Method ${method} is not allowed on this endpoint.`),
  /** 500. */
  internalError: (): Response => scriptivoxError(500, 'INTERNAL_ERROR', 'Internal error. Safe to retry.'),
} as const;

/** 400 `INVALID_REQUEST` with a message naming the field. */
export function scriptivoxInvalidRequest(message: string): Response {
  return scriptivoxError(400, 'INVALID_REQUEST', message);
}

/** 415 for a body that is not JSON; `Accept-Post` names what is. */
export function scriptivoxUnsupportedMediaType(): Response {
  return scriptivoxError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json.', {
    'accept-post': 'application/json',
  });
}

/** 413 for a JSON body over 100 KB. */
export function scriptivoxPayloadTooLarge(): Response {
  return scriptivoxError(413, 'PAYLOAD_TOO_LARGE', 'Request body must be at most 100 KB.');
}

/** 404 for a job id no visible job has. */
export function scriptivoxTranscriptionNotFound(): Response {
  return scriptivoxError(404, 'TRANSCRIPTION_NOT_FOUND', 'Transcription not found.');
}
