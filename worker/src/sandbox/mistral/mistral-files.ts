import { parseLimit } from '../shared/cursor-pagination.js';
import type { JobClock } from '../shared/job-clock.js';
import { jsonResponse } from '../shared/json-response.js';
import type { MemoryStore } from '../shared/memory-store.js';
import type { Route } from '../shared/route-table.js';
import {
  mistralFileNotFound,
  mistralInvalidRequest,
  mistralValidationError,
  type MistralValidationIssue,
} from './mistral-errors.js';

/** Mistral's `CreateFileResponse`, as the API sends it. */
export interface MistralFileObject {
  readonly id: string;
  readonly object: 'file';
  readonly bytes: number;
  /** Unix seconds. */
  readonly created_at: number;
  readonly filename: string;
  readonly purpose: string;
  readonly sample_type: string;
  readonly num_lines: null;
  readonly mimetype: string | null;
  readonly source: 'upload';
  readonly signature: null;
  readonly expires_at: null;
  readonly visibility: string;
}

/** An uploaded file with its bytes, and the signed URLs issued for it. */
export interface MistralStoredFile {
  /** Same as `file.id`. */
  readonly id: string;
  readonly file: MistralFileObject;
  readonly bytes: ArrayBuffer;
  /** Signature → expiry (ms since the epoch) of each signed URL issued. */
  readonly signatures: Map<string, number>;
}

/** The purposes the sandbox accepts: the SDK's enum plus `audio`, which Mistral's audio guides use. */
export const MISTRAL_FILE_PURPOSES = ['fine-tune', 'batch', 'ocr', 'audio'] as const;

// https://docs.mistral.ai/resources/known-limitations: files up to 512 MB.
const MAX_FILE_BYTES = 512 * 1024 * 1024;

// The sample type of each purpose. Mistral documents none for `audio`; `audio` is the sandbox's guess.
const SAMPLE_TYPES: Readonly<Record<string, string>> = {
  'fine-tune': 'instruct',
  batch: 'batch_request',
  ocr: 'ocr_input',
  audio: 'audio',
};

/**
The file endpoints the transcription flow needs: `POST /v1/files` (multipart `file`, `purpose`
defaulting to `fine-tune` as the API's did, `visibility`), `GET /v1/files/{id}/url?expiry=<hours>`
(1–168, default 24) and `DELETE /v1/files/{id}`.

Signed URLs point back at this emulator (`/v1/files/{id}/content?signature=…`), since where
Mistral's own point is undocumented; {@link resolveSignedUrl} turns one back into its file.
*/
export function mistralFileRoutes(files: MemoryStore<MistralStoredFile>, clock: JobClock): Route[] {
  return [
    {
      method: 'POST',
      path: '/v1/files',
      handler: async ({ request }) => {
        if (Number(request.headers.get('content-length') ?? '0') > MAX_FILE_BYTES + 64 * 1024) {
          void request.body?.cancel().catch(() => {});
          return mistralInvalidRequest('File size exceeds the maximum of 512 MB.', 'file');
        }
        const form = await request.formData().catch(() => undefined);
        const file = form?.get('file') ?? null;
        const purpose = form?.get('purpose') ?? 'fine-tune';
        const visibility = form?.get('visibility') ?? 'workspace';
        const issues: MistralValidationIssue[] = [];
        if (file === null) {
          issues.push({ loc: ['body', 'file'], msg: 'Field required', type: 'missing', input: null });
        } else if (typeof file === 'string') {
          issues.push({
            loc: ['body', 'file'],
            msg: "Expected UploadFile, received: <class 'str'>",
            type: 'value_error',
            input: file,
          });
        }
        if (typeof purpose !== 'string' || !(MISTRAL_FILE_PURPOSES as readonly string[]).includes(purpose)) {
          issues.push(enumIssue('purpose', purpose, MISTRAL_FILE_PURPOSES));
        }
        if (visibility !== 'workspace' && visibility !== 'user') {
          issues.push(enumIssue('visibility', visibility, ['workspace', 'user']));
        }
        if (issues.length > 0 || file === null || typeof file === 'string' || typeof purpose !== 'string') {
          return mistralValidationError(issues);
        }
        if (file.size > MAX_FILE_BYTES) {
          return mistralInvalidRequest('File size exceeds the maximum of 512 MB.', 'file');
        }
        const bytes = await file.arrayBuffer();
        const stored = files.create((id) => ({
          id,
          file: {
            id,
            object: 'file',
            bytes: bytes.byteLength,
            created_at: Math.floor(clock.now() / 1000),
            filename: file.name,
            purpose,
            sample_type: SAMPLE_TYPES[purpose] ?? 'instruct',
            num_lines: null,
            mimetype: file.type === '' ? null : file.type,
            source: 'upload',
            signature: null,
            expires_at: null,
            visibility: String(visibility),
          },
          bytes,
          signatures: new Map(),
        }));
        return jsonResponse(stored.file);
      },
    },
    {
      method: 'GET',
      path: '/v1/files/:file_id/url',
      handler: ({ params, url }) => {
        const id = params['file_id'] ?? '';
        const stored = files.get(id);
        const expiry = parseLimit(url.searchParams.get('expiry'), { min: 1, max: 168, default: 24 });
        if (!expiry.ok) {
          const { issue } = expiry;
          return mistralValidationError([
            {
              loc: ['query', 'expiry'],
              msg: issue.message,
              type: issue.type,
              input: issue.input,
              ...(issue.bound === undefined
                ? {}
                : { ctx: { [issue.type === 'greater_than_equal' ? 'ge' : 'le']: issue.bound } }),
            },
          ]);
        }
        if (stored === undefined) {
          return mistralFileNotFound(id);
        }
        const signature = crypto.randomUUID().replace(/-/g, '');
        const expiresAt = clock.now() + expiry.limit * 3_600_000;
        stored.signatures.set(signature, expiresAt);
        const signed = new URL(`https://${url.hostname}/v1/files/${encodeURIComponent(id)}/content`);
        signed.searchParams.set('expires', String(Math.floor(expiresAt / 1000)));
        signed.searchParams.set('signature', signature);
        return jsonResponse({ url: signed.toString() });
      },
    },
    {
      method: 'DELETE',
      path: '/v1/files/:file_id',
      handler: ({ params }) => {
        const id = params['file_id'] ?? '';
        if (!files.delete(id)) {
          return mistralFileNotFound(id);
        }
        return jsonResponse({ id, object: 'file', deleted: true });
      },
    },
  ];
}

/**
The stored file a signed URL from `GET /v1/files/{id}/url` names, while its signature is valid;
`undefined` for any other URL, an unknown signature, a deleted file or an expired URL.
*/
export function resolveSignedUrl(
  files: MemoryStore<MistralStoredFile>,
  hosts: readonly string[],
  rawUrl: string,
  now: number,
): MistralStoredFile | undefined {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return undefined;
  }
  const match = /^\/v1\/files\/([^/]+)\/content$/.exec(url.pathname);
  const signature = url.searchParams.get('signature');
  if (!hosts.includes(url.hostname.toLowerCase()) || match === null || signature === null) {
    return undefined;
  }
  const stored = files.get(decodeURIComponent(match[1] ?? ''));
  const expiresAt = stored?.signatures.get(signature);
  return expiresAt !== undefined && now <= expiresAt ? stored : undefined;
}

function enumIssue(field: string, input: unknown, allowed: readonly string[]): MistralValidationIssue {
  const expected = allowed
    .map((value) => `'${value}'`)
    .join(', ')
    .replace(/, ([^,]*)$/, ' or $1');
  return { loc: ['body', field], msg: `Input should be ${expected}`, type: 'enum', input, ctx: { expected } };
}
