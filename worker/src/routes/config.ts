import type { Env } from '../env.js';
import { providerRoutes, type ProviderName } from '../providers.js';

/** What `GET /api/config` tells a page about one provider. */
export interface ProviderStatus {
  /** `live` when the Worker holds a key; `sandbox` when calls go to the local emulator. */
  mode: 'live' | 'sandbox';
}

/** The body of `GET /api/config`. */
export interface WorkerConfig {
  providers: Record<ProviderName, ProviderStatus>;
  /** Whether any provider runs in the sandbox. */
  sandbox: boolean;
  /** Providers whose jobs report back by webhook: follow them at `GET /api/jobs/<id>/events`. */
  webhooks: { soniox: boolean; scriptivox: boolean };
  limits: { maxUploadBytes: number };
}

/** Answers `GET /api/config`: which providers are live and which run in the sandbox. Never includes a key. */
export function configRoute(env: Env, limits: WorkerConfig['limits']): Response {
  const providers = Object.fromEntries(
    Object.values(providerRoutes).map((route) => [
      route.name,
      { mode: hasKey(env, route.secret) ? 'live' : 'sandbox' },
    ]),
  ) as Record<ProviderName, ProviderStatus>;
  const body: WorkerConfig = {
    providers,
    sandbox: Object.values(providers).some((status) => status.mode === 'sandbox'),
    webhooks: {
      soniox: hasKey(env, 'SONIOX_WEBHOOK_SECRET'),
      // The sandbox delivers its webhooks inside the Worker; a live Scriptivox needs a public address.
      scriptivox: !hasKey(env, 'SCRIPTIVOX_API_KEY') || hasKey(env, 'PUBLIC_ORIGIN'),
    },
    limits,
  };
  return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
}

/** Whether the named secret holds a usable key. */
export function hasKey(env: Env, secret: keyof Env): boolean {
  const value = env[secret];
  return typeof value === 'string' && value.trim() !== '';
}
