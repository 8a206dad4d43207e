import {
  scriptivoxInvalidRequest,
  scriptivoxPayloadTooLarge,
  scriptivoxUnsupportedMediaType,
} from './scriptivox-errors.js';
import type { ScriptivoxJobRequest } from './scriptivox-job.js';
import { SCRIPTIVOX_LANGUAGES } from './scriptivox-languages.js';

/** The largest JSON body Scriptivox accepts: 100 KB. */
export const SCRIPTIVOX_MAX_BODY_BYTES = 100 * 1024;

/** A JSON body read from a request, or the error Scriptivox answers instead. */
export type JsonBody =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly response: Response };

/**
Reads a JSON request body the way Scriptivox does: 415 `UNSUPPORTED_MEDIA_TYPE` unless it is sent
as `application/json`, 413 `PAYLOAD_TOO_LARGE` over 100 KB, 400 `INVALID_REQUEST` when it does not
parse.
*/
export async function readJsonBody(request: Request): Promise<JsonBody> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type.trim())) {
    void request.body?.cancel().catch(() => {});
    return { ok: false, response: scriptivoxUnsupportedMediaType() };
  }
  if (Number(request.headers.get('content-length') ?? '0') > SCRIPTIVOX_MAX_BODY_BYTES) {
    void request.body?.cancel().catch(() => {});
    return { ok: false, response: scriptivoxPayloadTooLarge() };
  }
  const text = await request.text();
  if (new TextEncoder().encode(text).byteLength > SCRIPTIVOX_MAX_BODY_BYTES) {
    return { ok: false, response: scriptivoxPayloadTooLarge() };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: scriptivoxInvalidRequest('Request body must be valid JSON.') };
  }
}

/** The checked body of `POST /v1/transcribe`, or its 400. */
export type TranscribeRequestResult =
  | { readonly ok: true; readonly request: ScriptivoxJobRequest }
  | { readonly ok: false; readonly response: Response };

/**
Checks the body of `POST /v1/transcribe` (reference/scriptivox.md §3): exactly one of `url` (http(s),
at most 2048 characters) and `upload_id`; `language` from Scriptivox's 119 codes; `diarize` and
`align` booleans; `speaker_count` 1–50 and only with `diarize: true`; `webhook_url` an http(s) URL.
Unknown fields are ignored. The messages are the sandbox's wording.
*/
export function parseTranscribeRequest(body: unknown): TranscribeRequestResult {
  const fail = (message: string): TranscribeRequestResult => ({
    ok: false,
    response: scriptivoxInvalidRequest(message),
  });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail('Request body must be a JSON object.');
  }
  const fields = body as Record<string, unknown>;
  const url = fields['url'] ?? null;
  const uploadId = fields['upload_id'] ?? null;
  if ((url === null) === (uploadId === null)) {
    return fail('Provide exactly one of `url` and `upload_id`.');
  }
  if (url !== null && !isHttpUrl(url)) {
    return fail('`url` must be an http(s) URL of at most 2048 characters.');
  }
  if (uploadId !== null && (typeof uploadId !== 'string' || uploadId === '')) {
    return fail('`upload_id` must be a string.');
  }
  const language = fields['language'] ?? null;
  if (language !== null && (typeof language !== 'string' || !SCRIPTIVOX_LANGUAGES.has(language))) {
    return fail(`\`language\` must be a supported language code; ${JSON.stringify(language)} is not one.`);
  }
  for (const name of ['diarize', 'align'] as const) {
    if (fields[name] !== undefined && fields[name] !== null && typeof fields[name] !== 'boolean') {
      return fail(`\`${name}\` must be a boolean.`);
    }
  }
  const diarize = fields['diarize'] === true;
  const speakerCount = fields['speaker_count'] ?? null;
  if (speakerCount !== null) {
    if (
      typeof speakerCount !== 'number' ||
      !Number.isInteger(speakerCount) ||
      speakerCount < 1 ||
      speakerCount > 50
    ) {
      return fail('`speaker_count` must be an integer from 1 to 50.');
    }
    if (!diarize) {
      return fail('`speaker_count` is only valid with `diarize: true`.');
    }
  }
  const webhookUrl = fields['webhook_url'] ?? null;
  if (webhookUrl !== null && !isHttpUrl(webhookUrl)) {
    return fail('`webhook_url` must be an http(s) URL.');
  }
  return {
    ok: true,
    request: {
      url: url as string | null,
      uploadId: uploadId as string | null,
      language: language as string | null,
      diarize,
      speakerCount: speakerCount as number | null,
      // The quickstart: align is on by default, and always on with diarize.
      align: diarize || fields['align'] !== false,
      webhookUrl: webhookUrl as string | null,
    },
  };
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const parsed = new URL(value);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}
