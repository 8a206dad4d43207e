import type { JobClock } from '../shared/job-clock.js';
import { jsonResponse } from '../shared/json-response.js';
import type { MemoryStore } from '../shared/memory-store.js';
import type { ScriptivoxUpload } from './scriptivox-uploads.js';

/**
The Supabase Storage host the sandbox's presigned upload URLs point at. Scriptivox's URLs are on
Supabase Storage (reference/scriptivox.md §5); the project ref of the real one is not public, so
this one is the sandbox's own.
*/
export const SCRIPTIVOX_STORAGE_HOST = 'scriptivoxsandboxref.supabase.co';

/** The largest upload: 5 GB. */
const MAX_UPLOAD_BYTES = 5 * 1000 ** 3;

/** Supabase Storage's error body: `{ statusCode, error, message }`, the status as a string. */
function storageError(status: number, error: string, message: string): Response {
  return jsonResponse({ statusCode: String(status), error, message }, status);
}

/**
The storage half of the upload flow: `PUT /storage/v1/object/upload/sign/uploads/{upload_id}/{filename}?token=…`
with the raw bytes. Needs no API key. Refuses a wrong or missing token (400 `InvalidJWT`), an
expired URL (400, "jwt expired"), a `Content-Type` other than the one the URL is signed for, a
second upload to the same slot (409 `Duplicate`) and more than 5 GB (413), in Supabase's error
shape. Which status Supabase gives a content-type mismatch is the sandbox's guess.
*/
export async function handleStorageRequest(
  request: Request,
  url: URL,
  uploads: MemoryStore<ScriptivoxUpload>,
  clock: JobClock,
): Promise<Response> {
  const match = /^\/storage\/v1\/object\/upload\/sign\/uploads\/([^/]+)\/([^/]+)$/.exec(url.pathname);
  const upload = match === null ? undefined : uploads.get(decodeURIComponent(match[1] ?? ''));
  if (upload === undefined || match === null || decodeURIComponent(match[2] ?? '') !== upload.filename) {
    void request.body?.cancel().catch(() => {});
    return storageError(404, 'not_found', 'Object not found');
  }
  if (request.method !== 'PUT') {
    void request.body?.cancel().catch(() => {});
    const response = storageError(
      405,
      'method_not_allowed',
      `${request.method} is not allowed on a signed upload URL.`,
    );
    response.headers.set('allow', 'PUT');
    return response;
  }
  // Not awaited: a body teed by the caller settles its cancel only when every branch is done.
  const refuse = (response: Response) => {
    void request.body?.cancel().catch(() => {});
    return response;
  };
  if (url.searchParams.get('token') !== upload.token) {
    return refuse(storageError(400, 'InvalidJWT', 'invalid signature'));
  }
  if (clock.now() > upload.issuedAtMs + 3_600_000) {
    return refuse(storageError(400, 'InvalidJWT', '"exp" claim timestamp check failed'));
  }
  const type = request.headers.get('content-type') ?? '';
  if (type !== upload.contentType) {
    return refuse(
      storageError(
        400,
        'invalid_mime_type',
        `The upload is signed for Content-Type ${upload.contentType}, not ${type || 'none'}.`,
      ),
    );
  }
  if (upload.bytes !== null) {
    return refuse(storageError(409, 'Duplicate', 'The resource already exists'));
  }
  if (Number(request.headers.get('content-length') ?? '0') > MAX_UPLOAD_BYTES) {
    return refuse(storageError(413, 'Payload too large', 'The object exceeded the maximum allowed size'));
  }
  const bytes = await request.arrayBuffer();
  uploads.update(upload.id, (current) => ({ ...current, bytes }));
  return jsonResponse({ Key: `uploads/${upload.id}/${upload.filename}` });
}
