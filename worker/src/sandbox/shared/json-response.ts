/** Headers to add to a sandbox response, as a plain record. */
export type ResponseHeaders = Readonly<Record<string, string>>;

/** A JSON response with `content-type: application/json`, the way the real services send one. */
export function jsonResponse(body: unknown, status = 200, headers: ResponseHeaders = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A bodiless response, `204 No Content` unless told otherwise. */
export function emptyResponse(status = 204, headers: ResponseHeaders = {}): Response {
  return new Response(null, { status, headers });
}
