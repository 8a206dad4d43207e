import { ApiCallError } from '../../../src/core/errors/index.js';
import { createSoniox, sonioxRealtimeUrl } from '../../../src/core/providers/soniox/index.js';
import type { Env } from '../env.js';
import { WorkerHttpError } from '../http-error.js';
import { clientKey, type LocalRateLimiter } from '../rate-limit.js';
import { hasKey } from './config.js';

/** What the route needs besides the request. */
export interface TemporaryKeyContext {
  env: Env;
  /** The origin that passed the CORS check; this route requires one. */
  origin: string | undefined;
  rateLimiter: LocalRateLimiter;
  sandboxFetch: (request: Request) => Promise<Response>;
  upstreamFetch: (request: Request) => Promise<Response>;
  /** Your own check (a site token, a session cookie); `false` answers 401. */
  verifyRequest?: ((request: Request, env: Env) => boolean | Promise<boolean>) | undefined;
}

/** The body of a successful `POST /api/soniox/temporary-api-key`. */
export interface TemporaryKeyResponse {
  /** The temporary key: single use, for `transcribe_websocket` only. */
  apiKey: string;
  /** When it stops opening sessions (ISO 8601). */
  expiresAt: string;
  /** Where to open the realtime WebSocket with it. */
  websocketUrl: string;
}

/**
Mints a short-lived, single-use Soniox key for a browser's realtime session. The caller's expiry
is clamped to `TEMPORARY_KEY_MAX_SECONDS` (default 60); each key's session is capped at
`TEMPORARY_KEY_MAX_SESSION_SECONDS` (default 3600). Requires an allowed `Origin`, passes a
per-client rate limit, and is never cached.
*/
export async function temporaryKeyRoute(request: Request, context: TemporaryKeyContext): Promise<Response> {
  if (request.method !== 'POST') {
    throw new WorkerHttpError(405, 'method_not_allowed', 'Use POST to mint a temporary key', {
      Allow: 'POST',
    });
  }
  // Browsers always send Origin on POST; a request without one is not a page that needs a browser key.
  if (context.origin === undefined)
    throw new WorkerHttpError(
      403,
      'origin_required',
      'Temporary keys are only minted for pages on allowed origins',
    );
  if (context.verifyRequest !== undefined && !(await context.verifyRequest(request, context.env))) {
    throw new WorkerHttpError(401, 'request_not_verified', 'This request was not verified by the site');
  }
  const outcome = await context.rateLimiter.limit({ key: clientKey(request) });
  if (!outcome.success) {
    throw new WorkerHttpError(
      429,
      'rate_limited',
      'Too many temporary keys requested; try again in a minute',
      { 'Retry-After': '60' },
    );
  }

  const body = await readBody(request);
  const maxSeconds = readSetting(context.env.TEMPORARY_KEY_MAX_SECONDS, 60, 1, 3600);
  const maxSession = readSetting(context.env.TEMPORARY_KEY_MAX_SESSION_SECONDS, 3600, 1, 18_000);
  const expiresInSeconds = Math.min(maxSeconds, Math.max(1, Math.floor(body.expiresInSeconds ?? maxSeconds)));
  const live = hasKey(context.env, 'SONIOX_API_KEY');
  const soniox = createSoniox({
    apiKey: live ? (context.env.SONIOX_API_KEY as string) : 'sandbox',
    fetch: (input, init) => (live ? context.upstreamFetch : context.sandboxFetch)(new Request(input, init)),
    retry: 1,
  });
  let minted;
  try {
    minted = await soniox.auth.createTemporaryApiKey({
      usageType: 'transcribe_websocket',
      expiresInSeconds,
      singleUse: true,
      maxSessionDurationSeconds: maxSession,
      ...(body.clientReferenceId === undefined ? {} : { clientReferenceId: body.clientReferenceId }),
    });
  } catch (error) {
    const status = ApiCallError.isInstance(error) ? error.status : undefined;
    throw new WorkerHttpError(
      502,
      'upstream_error',
      `Soniox did not mint a key${status === undefined ? '' : ` (status ${status})`}`,
    );
  }
  const websocketUrl = live ? sonioxRealtimeUrl() : sandboxWebsocketUrl(request);
  const response: TemporaryKeyResponse = { apiKey: minted.apiKey, expiresAt: minted.expiresAt, websocketUrl };
  return Response.json(response, { headers: { 'Cache-Control': 'no-store' } });
}

/** In sandbox mode the realtime socket is the Worker's own: `/api/soniox/transcribe-websocket`. */
function sandboxWebsocketUrl(request: Request): string {
  const url = new URL('/api/soniox/transcribe-websocket', request.url);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

async function readBody(
  request: Request,
): Promise<{ expiresInSeconds?: number; clientReferenceId?: string }> {
  const text = await request.text();
  if (text.trim() === '') return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new WorkerHttpError(
      400,
      'invalid_json',
      'The body must be JSON: { expiresInSeconds?, clientReferenceId? }',
    );
  }
  if (typeof data !== 'object' || data === null)
    throw new WorkerHttpError(400, 'invalid_body', 'The body must be a JSON object');
  const { expiresInSeconds, clientReferenceId } = data as Record<string, unknown>;
  if (
    expiresInSeconds !== undefined &&
    (typeof expiresInSeconds !== 'number' || !Number.isFinite(expiresInSeconds))
  ) {
    throw new WorkerHttpError(400, 'invalid_body', '`expiresInSeconds` must be a number');
  }
  if (
    clientReferenceId !== undefined &&
    (typeof clientReferenceId !== 'string' || clientReferenceId.length > 256)
  ) {
    throw new WorkerHttpError(
      400,
      'invalid_body',
      '`clientReferenceId` must be a string of at most 256 characters',
    );
  }
  return {
    ...(expiresInSeconds === undefined ? {} : { expiresInSeconds }),
    ...(clientReferenceId === undefined ? {} : { clientReferenceId }),
  };
}

function readSetting(value: string | undefined, fallback: number, min: number, max: number): number {
  const parsed = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(parsed)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(parsed)));
}
