import { jsonResponse } from '../shared/json-response.js';

/*
SoferAI documents no error body. Its trailing-slash routes and `localhost:8001` dev port point to
a FastAPI backend, so the sandbox answers the way FastAPI does by default: `{ "detail": "..." }`
for errors raised by the app, `{ "detail": [issue, …] }` for 422 validation errors, and a
plain-text 500. All of this is UNCONFIRMED against the live service.
*/

/** One FastAPI (pydantic v2) validation issue. */
export interface FastApiValidationIssue {
  /** Where the value was: `['query', 'limit']`, `['body', 'info', 'model']`. */
  readonly loc: readonly (string | number)[];
  /** Human-readable message. */
  readonly msg: string;
  /** Pydantic error type, e.g. `missing`, `less_than_equal`. */
  readonly type: string;
  /** The rejected input. */
  readonly input?: unknown;
  /** Extra context, e.g. `{ le: 1000 }`. */
  readonly ctx?: Readonly<Record<string, unknown>>;
}

/** A SoferAI error body with a message: `{ "detail": "..." }`. */
export function soferaiError(
  status: number,
  detail: string,
  headers: Readonly<Record<string, string>> = {},
): Response {
  return jsonResponse({ detail }, status, headers);
}

/** A SoferAI 422: `{ "detail": [{ loc, msg, type, … }] }`. */
export function soferaiValidationError(issues: readonly FastApiValidationIssue[]): Response {
  return jsonResponse({ detail: issues }, 422);
}

/** The SoferAI errors the shared pieces need. */
export const soferaiErrors = {
  /**
  401 for a request without a bearer token, as recent FastAPI versions of `HTTPBearer` answer
  (older ones sent 403). The SDK maps 401 to its `AuthenticationError`.
  */
  notAuthenticated: (): Response => soferaiError(401, 'Not authenticated', { 'www-authenticate': 'Bearer' }),
  /** 401 for a rejected key. */
  invalidKey: (): Response => soferaiError(401, 'Invalid API key'),
  /** 404 for a path no endpoint serves (including a missing or extra trailing slash). */
  notFound: (): Response => soferaiError(404, 'Not Found'),
  /** 405 for a known path with the wrong method. */
  methodNotAllowed: (): Response => soferaiError(405, 'Method Not Allowed'),
  /** 400 with the sandbox's own wording of a rule SoferAI states but whose error it does not document. */
  badRequest: (detail: string): Response => soferaiError(400, detail),
  /** 404 `TranscriptionNotFound`. */
  transcriptionNotFound: (): Response => soferaiError(404, 'Transcription not found'),
  /** 409 for a caller-chosen transcription id already in use (the sandbox's choice of status). */
  transcriptionExists: (): Response => soferaiError(409, 'A transcription with this id already exists'),
  /** 404 `BatchNotFound`. */
  batchNotFound: (): Response => soferaiError(404, 'Batch not found'),
  /** 404 for a batch manifest id no manifest has. */
  batchFileNotFound: (): Response => soferaiError(404, 'Batch file not found'),
  /** 404 `CategoryNotFound`. */
  categoryNotFound: (): Response => soferaiError(404, 'Category not found'),
  /** 409 `CategoryAlreadyExists`. */
  categoryExists: (name: string): Response => soferaiError(409, `A category named "${name}" already exists`),
  /** 400 `LinkNotSupported`. */
  linkNotSupported: (): Response => soferaiError(400, 'This link is not from a supported site'),
  /** 404 `LinkNotFound`. */
  linkNotFound: (): Response => soferaiError(404, 'No downloadable audio was found at this link'),
  /** 500 as Starlette sends it: plain text, not JSON. */
  internalError: (): Response =>
    new Response('Internal Server Error', {
      status: 500,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    }),
} as const;
