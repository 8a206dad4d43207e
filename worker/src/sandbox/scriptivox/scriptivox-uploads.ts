import type { JobClock } from '../shared/job-clock.js';
import { jsonResponse } from '../shared/json-response.js';
import type { MemoryStore } from '../shared/memory-store.js';
import type { Route } from '../shared/route-table.js';
import { scriptivoxError } from './scriptivox-errors.js';
// The sandbox refuses exactly the formats the client knows Scriptivox refuses.
import { scriptivoxMediaType as mediaTypeOf } from '../../../../src/core/providers/scriptivox/scriptivox-media-types.js';
import { SCRIPTIVOX_STORAGE_HOST } from './scriptivox-storage.js';
import { readJsonBody } from './scriptivox-validation.js';

/** An upload slot from `POST /v1/upload`, and what has become of it. */
export interface ScriptivoxUpload {
  readonly id: string;
  readonly filename: string;
  /** The `Content-Type` the URL is signed for. */
  readonly contentType: string;
  /** The presigned URL's `token`. */
  readonly token: string;
  readonly issuedAtMs: number;
  /** The bytes, once the PUT arrived. */
  readonly bytes: ArrayBuffer | null;
  /** The job it was attached to; an upload serves one job only. */
  readonly usedBy: string | null;
}

/** How long a presigned URL and its upload stay valid: an hour. */
export const SCRIPTIVOX_UPLOAD_TTL_MS = 3_600_000;

/**
`POST /v1/upload` with `{ filename }`: 400 `INVALID_FILENAME` for a name that is empty, too long,
path-like or hidden, 400 `INVALID_MEDIA_FORMAT` for an extension outside the 25 formats; otherwise
`{ upload_id, upload_url, expires_in: 3600, method: "PUT", headers: { "Content-Type" } }`. The URL
is on the sandbox's Supabase Storage host, signed for exactly that `Content-Type`.
*/
export function scriptivoxUploadRoutes(uploads: MemoryStore<ScriptivoxUpload>, clock: JobClock): Route[] {
  return [
    {
      method: 'POST',
      path: '/v1/upload',
      handler: async ({ request }) => {
        const body = await readJsonBody(request);
        if (!body.ok) {
          return body.response;
        }
        const filename = (body.value as { filename?: unknown } | null)?.filename;
        if (!isPlainFilename(filename)) {
          return scriptivoxError(
            400,
            'INVALID_FILENAME',
            '`filename` must be a plain file name of at most 255 characters.',
          );
        }
        const contentType = mediaTypeOf(filename);
        if (contentType === undefined) {
          return scriptivoxError(400, 'INVALID_MEDIA_FORMAT', `Unsupported file format: ${filename}.`);
        }
        const token = crypto.randomUUID().replace(/-/g, '') + crypto.randomUUID().replace(/-/g, '');
        const upload = uploads.create((id) => ({
          id,
          filename,
          contentType,
          token,
          issuedAtMs: clock.now(),
          bytes: null,
          usedBy: null,
        }));
        const url = new URL(
          `https://${SCRIPTIVOX_STORAGE_HOST}/storage/v1/object/upload/sign/uploads/${upload.id}/${encodeURIComponent(filename)}`,
        );
        url.searchParams.set('token', token);
        return jsonResponse({
          upload_id: upload.id,
          upload_url: url.toString(),
          expires_in: SCRIPTIVOX_UPLOAD_TTL_MS / 1000,
          method: 'PUT',
          headers: { 'Content-Type': contentType },
        });
      },
    },
  ];
}

// A name a storage path cannot be built from: empty, too long, path-like, hidden, or with control characters.
function isPlainFilename(filename: unknown): filename is string {
  return (
    typeof filename === 'string' &&
    filename.trim() !== '' &&
    filename.length <= 255 &&
    !/[/\\]/.test(filename) &&
    !filename.startsWith('.') &&
    ![...filename].some((char) => char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127)
  );
}
