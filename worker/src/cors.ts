import { WorkerHttpError } from './http-error.js';

/** Parses `ALLOWED_ORIGINS` (comma-separated, exact origins). */
export function parseAllowedOrigins(value: string | undefined): Set<string> {
  return new Set(
    (value ?? '')
      .split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter((origin) => origin !== ''),
  );
}

/**
Checks the request's `Origin`. Same-origin pages and listed origins pass; a request with no
`Origin` is not from a browser page and passes too (origin checks cannot stop curl; keys stay
server-side regardless). Returns the origin to echo in CORS headers, if any.
*/
export function checkOrigin(request: Request, allowed: Set<string>): string | undefined {
  const origin = request.headers.get('Origin');
  if (origin === null) return undefined;
  if (origin === new URL(request.url).origin || allowed.has(origin)) return origin;
  throw new WorkerHttpError(403, 'origin_not_allowed', `Origin ${origin} is not in ALLOWED_ORIGINS`);
}

/** Adds the CORS headers for an allowed cross-origin caller. */
export function withCors(response: Response, origin: string | undefined): Response {
  if (origin === undefined) return response;
  const headers = new Headers(response.headers);
  headers.set('Access-Control-Allow-Origin', origin);
  headers.append('Vary', 'Origin');
  headers.set('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id, Idempotent-Replay');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Answers a CORS preflight. */
export function preflight(origin: string | undefined): Response {
  const headers = new Headers({
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
    'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
    'Access-Control-Max-Age': '600',
  });
  return withCors(new Response(null, { status: 204, headers }), origin);
}
