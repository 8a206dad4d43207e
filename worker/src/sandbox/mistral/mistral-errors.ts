import { jsonResponse } from '../shared/json-response.js';

/** The `type` of a Mistral error body. */
export type MistralErrorType =
  'invalid_request_error' | 'authentication_error' | 'rate_limit_error' | 'server_error';

/** Mistral's error body (https://docs.mistral.ai/resources/error-glossary). */
export interface MistralErrorBody {
  /** Always `error`. */
  readonly object: 'error';
  /** Human-readable message. */
  readonly message: string;
  /** The error category. */
  readonly type: MistralErrorType;
  /** The request parameter at fault, or `null`. */
  readonly param: string | null;
  /** A machine-readable code such as `unknown_model`, or `null`. */
  readonly code: string | null;
}

/** What {@link mistralError} needs beyond the status. */
export interface MistralErrorFields {
  /** Human-readable message. */
  readonly message: string;
  /** The error category. */
  readonly type: MistralErrorType;
  /** The parameter at fault; default `null`. */
  readonly param?: string | null;
  /** A machine-readable code; default `null`. */
  readonly code?: string | null;
}

/** One entry of a Mistral 422 `detail` array (the SDK's `HTTPValidationError`). */
export interface MistralValidationIssue {
  /** Where the value was: `['body', 'model']`. */
  readonly loc: readonly (string | number)[];
  /** Human-readable message. */
  readonly msg: string;
  /** Pydantic error type, e.g. `missing`. */
  readonly type: string;
  /** The rejected input. */
  readonly input?: unknown;
  /** Extra context. */
  readonly ctx?: Readonly<Record<string, unknown>>;
}

/** Builds a Mistral error response. */
export function mistralError(status: number, fields: MistralErrorFields): Response {
  const body: MistralErrorBody = {
    object: 'error',
    message: fields.message,
    type: fields.type,
    param: fields.param ?? null,
    code: fields.code ?? null,
  };
  return jsonResponse(body, status);
}

/** A Mistral 422: `{ "detail": [{ loc, msg, type, … }] }`. */
export function mistralValidationError(issues: readonly MistralValidationIssue[]): Response {
  return jsonResponse({ detail: issues }, 422);
}

/**
The Mistral errors the shared pieces need. Mistral documents the body shape but not the exact
message or `code` of these cases, so those are the sandbox's choice (`code` left `null`, which the
glossary allows).
*/
export const mistralErrors = {
  /** 401 for a missing or rejected key. */
  unauthorized: (): Response => mistralError(401, { message: 'Unauthorized', type: 'authentication_error' }),
  /** 404 for a path no endpoint serves. */
  notFound: (): Response => mistralError(404, { message: 'Not Found', type: 'invalid_request_error' }),
  /** 405 for a known path with the wrong method. */
  methodNotAllowed: (): Response =>
    mistralError(405, { message: 'Method Not Allowed', type: 'invalid_request_error' }),
  /** 500. */
  internalError: (): Response =>
    mistralError(500, { message: 'Internal server error', type: 'server_error' }),
} as const;

/** A 400 `invalid_request_error`, how Mistral refuses a combination or value it cannot serve. */
export function mistralInvalidRequest(
  message: string,
  param: string | null = null,
  code: string | null = null,
): Response {
  return mistralError(400, { message, type: 'invalid_request_error', param, code });
}

/** A 404 for a model id Mistral does not serve (https://docs.mistral.ai/resources/error-glossary). */
export function mistralUnknownModel(model: string): Response {
  return mistralError(404, {
    message: `Invalid model: ${model}`,
    type: 'invalid_request_error',
    param: 'model',
    code: 'unknown_model',
  });
}

/** A 404 for a file id no file has. The message is the sandbox's wording. */
export function mistralFileNotFound(fileId: string): Response {
  return mistralError(404, {
    message: `No file found with id '${fileId}'.`,
    type: 'invalid_request_error',
    param: 'file_id',
  });
}
