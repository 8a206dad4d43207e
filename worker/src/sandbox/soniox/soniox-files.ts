import type { JobClock } from '../shared/job-clock.js';
import { paginate, parseLimit, type LimitBounds } from '../shared/cursor-pagination.js';
import { emptyResponse, jsonResponse } from '../shared/json-response.js';
import type { MemoryStore } from '../shared/memory-store.js';
import type { Route } from '../shared/route-table.js';
import { SONIOX_MAX_FILE_BYTES, sonioxErrors, type SonioxValidationError } from './soniox-errors.js';
import { canonicalUuid, uuidProblem } from './soniox-validation.js';

/** Soniox's `File` object, stored exactly as it is sent. */
export interface SonioxFile {
  /** UUID. */
  readonly id: string;
  /** The multipart part's filename. */
  readonly filename: string;
  /** Bytes. */
  readonly size: number;
  /** ISO 8601, UTC. */
  readonly created_at: string;
  /** The caller's own tracking string. */
  readonly client_reference_id: string | null;
}

/** An uploaded file: its `File` object and its bytes, kept for transcription. */
export interface SonioxStoredFile {
  /** The file's id (same as `file.id`), the store's key. */
  readonly id: string;
  /** What the API shows. */
  readonly file: SonioxFile;
  /** The uploaded bytes. */
  readonly bytes: ArrayBuffer;
}

/** The `limit` bounds of every Soniox list endpoint. */
export const SONIOX_LIST_LIMIT: LimitBounds = { min: 1, max: 1000, default: 1000 };

// Room for the multipart boundaries and part headers around a file of the largest size.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
The file endpoints: `POST /v1/files` (multipart `file` and optional `client_reference_id`, at most
1 GiB), `GET /v1/files` (oldest first, cursor pages), `GET /v1/files/count`, `GET /v1/files/{id}`
and `DELETE /v1/files/{id}`.

Files are never deleted by anything but `DELETE`, as Soniox documents, not even when a
transcription made from them is deleted.
*/
export function sonioxFileRoutes(files: MemoryStore<SonioxStoredFile>, clock: JobClock): Route[] {
  return [
    {
      method: 'POST',
      path: '/v1/files',
      handler: async ({ request }) => {
        const declared = Number(request.headers.get('content-length') ?? '0');
        if (declared > SONIOX_MAX_FILE_BYTES + MULTIPART_OVERHEAD_BYTES) {
          // Refused before reading, as a Worker could not hold a body this large anyway.
          await request.body?.cancel().catch(() => {});
          return sonioxErrors.fileTooLarge();
        }
        const upload = await readUpload(request);
        if (!upload.ok) {
          return upload.response;
        }
        if (upload.file.size > SONIOX_MAX_FILE_BYTES) {
          return sonioxErrors.fileTooLarge();
        }
        const bytes = await upload.file.arrayBuffer();
        const stored = files.create((id) => ({
          id,
          file: {
            id,
            filename: upload.file.name,
            size: bytes.byteLength,
            created_at: new Date(clock.now()).toISOString(),
            client_reference_id: upload.clientReferenceId,
          },
          bytes,
        }));
        return jsonResponse(stored.file, 201);
      },
    },
    {
      method: 'GET',
      path: '/v1/files',
      handler: ({ url }) => {
        const limit = parseLimit(url.searchParams.get('limit'), SONIOX_LIST_LIMIT);
        if (!limit.ok) {
          return sonioxErrors.invalidLimit(limit.issue);
        }
        const page = paginate(files, {
          scope: 'soniox.files',
          limit: limit.limit,
          cursor: url.searchParams.get('cursor'),
        });
        if (!page.ok) {
          return sonioxErrors.invalidCursor();
        }
        return jsonResponse({
          files: page.items.map((item) => item.file),
          next_page_cursor: page.nextCursor,
        });
      },
    },
    {
      method: 'GET',
      path: '/v1/files/count',
      // Every file the sandbox holds came through the API; none from the Playground.
      handler: () => jsonResponse({ total: files.size, public_api: files.size, playground: 0 }),
    },
    {
      method: 'GET',
      path: '/v1/files/:file_id',
      handler: ({ params }) => {
        const found = findFile(files, params['file_id'] ?? '');
        return found instanceof Response ? found : jsonResponse(found.file);
      },
    },
    {
      method: 'DELETE',
      path: '/v1/files/:file_id',
      handler: ({ params }) => {
        const found = findFile(files, params['file_id'] ?? '');
        if (found instanceof Response) {
          return found;
        }
        files.delete(found.id);
        return emptyResponse(204);
      },
    },
  ];
}

/**
The stored file a path id names, or the error response: 400 `invalid_request` at `path.<name>`
for an id that is not a UUID (path ids are typed `uuid` in the OpenAPI), 404 `file_not_found`
for an unknown one.
*/
export function findFile(files: MemoryStore<SonioxStoredFile>, rawId: string): SonioxStoredFile | Response {
  const id = canonicalUuid(rawId);
  if (id === undefined) {
    return invalidPathId('file_id', rawId);
  }
  return files.get(id) ?? sonioxErrors.fileNotFound();
}

/** 400 for a path id that is not a UUID, worded as pydantic words it. */
export function invalidPathId(name: string, rawId: string): Response {
  return sonioxErrors.invalidRequest([
    {
      error_type: 'uuid_parsing',
      location: `path.${name}`,
      message: `Input should be a valid UUID, ${uuidProblem(rawId) ?? 'unable to parse string as a UUID'}`,
    },
  ]);
}

type Upload =
  | { readonly ok: true; readonly file: File; readonly clientReferenceId: string | null }
  | { readonly ok: false; readonly response: Response };

/*
The multipart body. A missing `file` part is the OpenAPI example's `missing` at `file.file`; the
location of a bad `client_reference_id` form field is not documented, so `form.` is a guess.
*/
async function readUpload(request: Request): Promise<Upload> {
  let form: FormData | undefined;
  try {
    form = await request.formData();
  } catch {
    // Not multipart (or a broken body): no `file` part can be found in it.
    form = undefined;
  }
  const errors: SonioxValidationError[] = [];
  const file = form?.get('file') ?? null;
  if (file === null) {
    errors.push({ error_type: 'missing', location: 'file.file', message: 'Field required' });
  } else if (typeof file === 'string') {
    errors.push({
      error_type: 'value_error',
      location: 'file.file',
      message: "Expected UploadFile, received: <class 'str'>",
    });
  }
  const reference = form?.get('client_reference_id') ?? null;
  let clientReferenceId: string | null = null;
  if (typeof reference === 'string') {
    if ([...reference].length > 256) {
      errors.push({
        error_type: 'string_too_long',
        location: 'form.client_reference_id',
        message: 'String should have at most 256 characters',
      });
    }
    clientReferenceId = reference;
  } else if (reference !== null) {
    errors.push({
      error_type: 'string_type',
      location: 'form.client_reference_id',
      message: 'Input should be a valid string',
    });
  }
  if (errors.length > 0 || file === null || typeof file === 'string') {
    return { ok: false, response: sonioxErrors.invalidRequest(errors) };
  }
  return { ok: true, file, clientReferenceId };
}
