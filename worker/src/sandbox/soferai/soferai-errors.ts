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
  /** 500 as Starlette sends it: plain text, not JSON. */
  internalError: (): Response =>
    new Response('Internal Server Error', {
      status: 500,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    }),
} as const;
