import { checkOrigin, parseAllowedOrigins, preflight, withCors } from './cors.js';
import type { Env } from './env.js';
import { WorkerHttpError } from './http-error.js';
import { configRoute, hasKey } from './routes/config.js';
import { proxyRoute } from './routes/proxy.js';
import { temporaryKeyRoute } from './routes/temporary-key.js';
import { jobEventsRoute, webhookRoute } from './routes/webhooks.js';
import { createDurableJobHub } from './jobs/durable-job-hub.js';
import { createMemoryJobHub } from './jobs/job-hub.js';
import { createLocalRateLimiter, pickRateLimiter } from './rate-limit.js';
import { createSandbox, type Sandbox } from './sandbox/index.js';
import { SCRIPTIVOX_STORAGE_HOST as sandboxStorageHost } from './sandbox/scriptivox/scriptivox-storage.js';

/** Options of {@link createScribeWorker}. */
export interface ScribeWorkerOptions {
  /** The sandbox used for providers without a key. Defaults to one created on first use. */
  sandbox?: Sandbox;
  /** The `fetch` used for live provider calls. Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /**
  Largest request body accepted by the proxy in bytes, unless `MAX_UPLOAD_BYTES` is set.
  @default 1073741824 (1 GiB)
  */
  maxUploadBytes?: number;
  /**
  Your own check before a temporary key is minted: a site token, a session cookie. Return `false`
  to answer 401.
  */
  verifyRequest?: (request: Request, env: Env) => boolean | Promise<boolean>;
  /**
  Temporary keys each client may mint per minute when no `KEY_RATE_LIMITER` binding is configured.
  @default 10
  */
  temporaryKeysPerMinute?: number;
}

/** A Workers fetch handler. */
export interface ScribeWorker {
  fetch(request: Request, env: Env, context?: ExecutionContext): Promise<Response>;
}

/**
Builds the scribekit Worker: `GET /api/config`, the allow-listed provider proxy under
`/api/<provider>/…` (sandbox when a provider has no key), and the static assets for everything else.
Mount it in your own Worker to get the same routes.

@example
```ts
import { createScribeWorker } from 'scribekit/worker';

const scribe = createScribeWorker();
export default {
  fetch(request, env, context) {
    if (new URL(request.url).pathname.startsWith('/api/')) return scribe.fetch(request, env, context);
    return new Response('my app');
  },
} satisfies ExportedHandler<Env>;
```
*/
export function createScribeWorker(options: ScribeWorkerOptions = {}): ScribeWorker {
  let sandbox = options.sandbox;
  // The env of the latest request: the sandbox's webhooks are delivered back into this Worker with it.
  let latestEnv: Env = {};
  const worker: ScribeWorker = { fetch: handle };
  const sandboxFetch = (request: Request) =>
    (sandbox ??= createSandbox({ deliverWebhook: (webhook) => worker.fetch(webhook, latestEnv) })).fetch(
      request,
    );
  const upstreamFetch = (request: Request) => (options.fetch ?? fetch)(request);
  const localRateLimiter = createLocalRateLimiter(options.temporaryKeysPerMinute ?? 10, 60);
  const memoryJobHub = createMemoryJobHub();
  const jobHub = (env: Env) =>
    env.JOB_EVENTS === undefined ? memoryJobHub : createDurableJobHub(env.JOB_EVENTS);

  return worker;

  async function handle(request: Request, env: Env): Promise<Response> {
    latestEnv = env;
    const url = new URL(request.url);
    if (!url.pathname.startsWith('/api/')) {
      if (env.ASSETS === undefined)
        return new WorkerHttpError(404, 'not_found', 'No assets are configured').toResponse();
      return env.ASSETS.fetch(request);
    }
    let origin: string | undefined;
    try {
      origin = checkOrigin(request, parseAllowedOrigins(env.ALLOWED_ORIGINS));
      if (request.method === 'OPTIONS') return preflight(origin);
      const maxUploadBytes = readLimit(env.MAX_UPLOAD_BYTES) ?? options.maxUploadBytes ?? 1024 ** 3;
      const [, , provider = '', ...rest] = url.pathname.split('/');
      let response: Response;
      const route = `${provider}/${rest.join('/')}`;
      if (provider === 'webhooks' && rest.length === 1) {
        // Providers call webhooks server to server: no Origin, no CORS.
        return await webhookRoute(request, rest[0] ?? '', env, jobHub(env));
      } else if (provider === 'jobs' && rest.length === 2 && rest[1] === 'events') {
        response = await jobEventsRoute(request, rest[0] ?? '', jobHub(env));
      } else if (route === 'soniox/temporary-api-key') {
        response = await temporaryKeyRoute(request, {
          env,
          origin,
          rateLimiter: pickRateLimiter(env, localRateLimiter),
          sandboxFetch,
          upstreamFetch,
          verifyRequest: options.verifyRequest,
        });
      } else if (provider === 'scriptivox-storage') {
        // Sandbox uploads only: with a key, browsers PUT to Scriptivox's storage directly.
        if (hasKey(env, 'SCRIPTIVOX_API_KEY'))
          throw new WorkerHttpError(404, 'not_found', 'Upload to the upload_url Scriptivox returned');
        if (request.method !== 'PUT')
          throw new WorkerHttpError(405, 'method_not_allowed', 'Uploads are PUT', { Allow: 'PUT' });
        const target = `https://${sandboxStorageHost}/${rest.join('/')}${url.search}`;
        response = await sandboxFetch(new Request(target, request));
      } else if (route === 'soniox/transcribe-websocket') {
        // Only the sandbox's realtime socket lives here; with a key, browsers connect to Soniox directly.
        if (hasKey(env, 'SONIOX_API_KEY'))
          throw new WorkerHttpError(
            404,
            'not_found',
            'Connect to the websocketUrl the temporary key came with',
          );
        return await sandboxFetch(new Request('https://stt-rt.soniox.com/transcribe-websocket', request));
      } else if (provider === 'config' && rest.length === 0) {
        if (request.method !== 'GET')
          throw new WorkerHttpError(405, 'method_not_allowed', 'Use GET /api/config', { Allow: 'GET' });
        response = configRoute(env, { maxUploadBytes });
      } else {
        response = await proxyRoute(request, provider, `/${rest.join('/')}`, {
          env,
          sandboxFetch,
          upstreamFetch,
          maxUploadBytes,
        });
      }
      return withCors(response, origin);
    } catch (error) {
      const httpError =
        error instanceof WorkerHttpError
          ? error
          : new WorkerHttpError(500, 'internal_error', 'The Worker failed to handle this request');
      if (!(error instanceof WorkerHttpError))
        console.error('scribekit worker error', error instanceof Error ? error.name : typeof error);
      return withCors(httpError.toResponse(), origin);
    }
  }
}

function readLimit(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : undefined;
}
