import { WorkerHttpError } from '../http-error.js';
import type { Env } from '../env.js';
import { isAllowed, providerRoutes, type ProviderName } from '../providers.js';
import { hasKey } from './config.js';
import { sonioxWebhookHeader } from './webhooks.js';

/** Headers a browser sends that must not reach the provider. */
const droppedRequestHeaders = [
  'authorization',
  'x-api-key',
  'cookie',
  'host',
  'origin',
  'referer',
  'content-length',
];
const droppedResponseHeaders = ['set-cookie', 'content-length', 'content-encoding', 'transfer-encoding'];

/** What the proxy needs besides the request. */
export interface ProxyContext {
  env: Env;
  /** Where keyless providers go: the sandbox's fetch. */
  sandboxFetch: (request: Request) => Promise<Response>;
  /** Where keyed calls go: the real network. */
  upstreamFetch: (request: Request) => Promise<Response>;
  maxUploadBytes: number;
}

/**
Forwards `/api/<provider>/<path>` to the provider with the Worker's key, or to the sandbox when the
provider has no key. Only allow-listed method and path pairs pass; bodies stream through, counted
against the upload limit.
*/
export async function proxyRoute(
  request: Request,
  providerName: string,
  path: string,
  context: ProxyContext,
): Promise<Response> {
  const route = providerRoutes[providerName as ProviderName] as
    (typeof providerRoutes)[ProviderName] | undefined;
  if (route === undefined || !Object.hasOwn(providerRoutes, providerName)) {
    throw new WorkerHttpError(404, 'unknown_provider', `No provider named ${JSON.stringify(providerName)}`);
  }
  if (!isAllowed(route.allow, request.method, path)) {
    throw new WorkerHttpError(
      404,
      'route_not_allowed',
      `${request.method} ${path} is not proxied for ${route.name}`,
    );
  }
  const declaredLength = Number(request.headers.get('Content-Length') ?? '0');
  if (declaredLength > context.maxUploadBytes) throw tooLarge(context.maxUploadBytes);

  const incoming = new URL(request.url);
  const upstreamUrl = `${route.origin}${path}${incoming.search}`;
  const headers = new Headers(request.headers);
  for (const name of droppedRequestHeaders) headers.delete(name);
  const live = hasKey(context.env, route.secret);
  // The sandbox accepts any non-empty key; it stands in for the real one.
  route.authorize(headers, live ? (context.env[route.secret] as string) : 'sandbox');

  const limiter = byteLimiter(context.maxUploadBytes);
  const injected =
    (await withWebhook(request, route.name, path, context.env)) ??
    (await withScriptivoxWebhook(request, route.name, path, context.env, live));
  if (injected !== undefined) headers.set('Content-Type', 'application/json');
  const body = injected ?? (request.body === null ? null : request.body.pipeThrough(limiter.stream));
  const upstreamRequest = new Request(upstreamUrl, {
    method: request.method,
    headers,
    body,
    redirect: 'manual',
    ...(body === null ? {} : { duplex: 'half' }),
  } as RequestInit);

  let response: Response;
  try {
    response = await (live ? context.upstreamFetch : context.sandboxFetch)(upstreamRequest);
  } catch (error) {
    if (limiter.exceeded) throw tooLarge(context.maxUploadBytes);
    if (error instanceof WorkerHttpError) throw error;
    throw new WorkerHttpError(502, 'upstream_unreachable', `${route.name} could not be reached`);
  }
  // The upstream may have answered about a body cut short by the limit: the limit is the real answer.
  if (limiter.exceeded) {
    await response.body?.cancel();
    throw tooLarge(context.maxUploadBytes);
  }
  const responseHeaders = new Headers(response.headers);
  for (const name of droppedResponseHeaders) responseHeaders.delete(name);
  responseHeaders.set('Cache-Control', 'no-store');
  const relayed =
    !live && route.name === 'scriptivox' && path === '/v1/upload' && response.ok
      ? await relayUploadUrl(response, request)
      : response.body;
  return new Response(relayed, {
    status: response.status,
    statusText: response.statusText,
    headers: responseHeaders,
  });
}

/**
When Soniox webhooks are configured, a job created through the proxy is told to call back the
Worker with the shared secret, so the page can follow it over `GET /api/jobs/<id>/events` instead
of polling. The secret never reaches the browser (Soniox masks it in every response).
*/
async function withWebhook(
  request: Request,
  provider: string,
  path: string,
  env: Env,
): Promise<string | undefined> {
  const secret = env.SONIOX_WEBHOOK_SECRET;
  if (
    provider !== 'soniox' ||
    request.method !== 'POST' ||
    path !== '/v1/transcriptions' ||
    secret === undefined ||
    secret === ''
  ) {
    return undefined;
  }
  const text = await request.text();
  if (text.length > 1_000_000)
    throw new WorkerHttpError(413, 'upload_too_large', 'A transcription request body is at most 1 MB');
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    // Let Soniox answer a malformed body with its own error.
    return text;
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return text;
  const job = payload as Record<string, unknown>;
  if (job.webhook_url !== undefined && job.webhook_url !== null) return text;
  const origin = env.PUBLIC_ORIGIN?.replace(/\/+$/, '') ?? new URL(request.url).origin;
  return JSON.stringify({
    ...job,
    webhook_url: `${origin}/api/webhooks/soniox`,
    webhook_auth_header_name: sonioxWebhookHeader,
    webhook_auth_header_value: secret,
  });
}

/**
In sandbox mode, Scriptivox's presigned upload URL names a storage host the browser cannot reach,
so it is pointed at the Worker's relay (`PUT /api/scriptivox-storage/…`), which hands the upload
to the sandbox. With a real key the browser PUTs to Scriptivox's storage directly.
*/
async function relayUploadUrl(response: Response, request: Request): Promise<string> {
  const data = (await response.json()) as Record<string, unknown>;
  if (typeof data.upload_url === 'string') {
    const presigned = new URL(data.upload_url);
    data.upload_url = new URL(
      `/api/scriptivox-storage${presigned.pathname}${presigned.search}`,
      request.url,
    ).toString();
  }
  return JSON.stringify(data);
}

/**
Scriptivox jobs report back by signed webhook to the Worker when it can be reached: always in
sandbox mode (the sandbox delivers inside the Worker), and with a real key once `PUBLIC_ORIGIN`
says where the Worker lives.
*/
async function withScriptivoxWebhook(
  request: Request,
  provider: string,
  path: string,
  env: Env,
  live: boolean,
): Promise<string | undefined> {
  if (provider !== 'scriptivox' || request.method !== 'POST' || path !== '/v1/transcribe') return undefined;
  const publicOrigin = env.PUBLIC_ORIGIN?.replace(/\/+$/, '');
  if (live && publicOrigin === undefined) return undefined;
  const text = await request.text();
  if (text.length > 100_000)
    throw new WorkerHttpError(413, 'upload_too_large', 'A Scriptivox request body is at most 100 KB');
  let job: unknown;
  try {
    job = JSON.parse(text);
  } catch {
    return text;
  }
  if (
    typeof job !== 'object' ||
    job === null ||
    Array.isArray(job) ||
    (job as Record<string, unknown>).webhook_url !== undefined
  )
    return text;
  const origin = publicOrigin ?? new URL(request.url).origin;
  return JSON.stringify({ ...job, webhook_url: `${origin}/api/webhooks/scriptivox` });
}

function tooLarge(limit: number): WorkerHttpError {
  return new WorkerHttpError(
    413,
    'upload_too_large',
    `The request body is larger than the ${limit}-byte limit`,
  );
}

/** Passes bytes through until more than `limit` have gone by, then errors the stream and says so. */
function byteLimiter(limit: number): {
  stream: TransformStream<Uint8Array, Uint8Array>;
  readonly exceeded: boolean;
} {
  let seen = 0;
  let exceeded = false;
  const stream = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > limit) {
        exceeded = true;
        controller.error(new Error('upload_too_large'));
      } else controller.enqueue(chunk);
    },
  });
  return {
    stream,
    get exceeded() {
      return exceeded;
    },
  };
}
