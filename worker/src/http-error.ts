/**
An error the Worker answers with, as `{ error: { code, message } }` JSON. Messages are written for
the browser developer and never contain a key.
*/
export class WorkerHttpError extends Error {
  override readonly name = 'WorkerHttpError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  /** The JSON response for this error. */
  toResponse(): Response {
    return Response.json(
      { error: { code: this.code, message: this.message } },
      { status: this.status, headers: { 'Cache-Control': 'no-store', ...this.headers } },
    );
  }
}
