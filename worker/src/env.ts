import type { JobEventsObject } from './jobs/job-events-object.js';

/**
The Worker's bindings. Secrets are not in wrangler.jsonc (they are set with `wrangler secret put`
or in worker/.dev.vars), so `wrangler types` cannot see them; this interface is written by hand.
*/
export interface Env {
  /** Static assets: the demo and the built package. */
  ASSETS?: Fetcher;
  /** Comma-separated origins allowed to call /api from a browser; empty means same origin only. */
  ALLOWED_ORIGINS?: string;
  /** Rate limit for minting temporary keys (the Workers rate-limit binding); a per-isolate counter stands in when absent. */
  KEY_RATE_LIMITER?: RateLimit;
  /** Longest lifetime of a minted Soniox temporary key, in seconds (1–3600). Default 60. */
  TEMPORARY_KEY_MAX_SECONDS?: string;
  /** Longest realtime session a minted key may open, in seconds (1–18000). Default 3600. */
  TEMPORARY_KEY_MAX_SESSION_SECONDS?: string;
  /** Largest request body the proxy accepts, in bytes. */
  MAX_UPLOAD_BYTES?: string;
  SONIOX_API_KEY?: string;
  /** Shared secret Soniox sends back with webhooks; enables `POST /api/webhooks/soniox` and job events. */
  SONIOX_WEBHOOK_SECRET?: string;
  /** The Worker's public origin (`https://scribe.example`), for webhook URLs; defaults to the request's. */
  PUBLIC_ORIGIN?: string;
  /** One Durable Object per job, so webhooks and event streams meet across isolates. */
  JOB_EVENTS?: DurableObjectNamespace<JobEventsObject>;
  SOFERAI_API_KEY?: string;
  MISTRAL_API_KEY?: string;
  SCRIPTIVOX_API_KEY?: string;
}
