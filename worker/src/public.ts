/**
The scribekit Worker routes, to mount in your own Cloudflare Worker: `GET /api/config`, the
allow-listed provider proxy with keys injected server-side, and the sandbox for providers
without a key.

@module
*/
export { createScribeWorker, type ScribeWorker, type ScribeWorkerOptions } from './create-scribe-worker.js';
export type { Env } from './env.js';
export type { ProviderName } from './providers.js';
export type { ProviderStatus, WorkerConfig } from './routes/config.js';
export {
  createSandbox,
  type Sandbox,
  type SandboxOptions,
  type SandboxProviderName,
} from './sandbox/index.js';
