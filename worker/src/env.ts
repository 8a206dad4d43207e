/**
The Worker's bindings. Secrets are not in wrangler.jsonc (they are set with `wrangler secret put`
or in worker/.dev.vars), so `wrangler types` cannot see them; this interface is written by hand.
*/
export interface Env {
  /** Static assets: the demo and the built package. */
  ASSETS?: Fetcher;
  /** Comma-separated origins allowed to call /api from a browser; empty means same origin only. */
  ALLOWED_ORIGINS?: string;
  /** Largest request body the proxy accepts, in bytes. */
  MAX_UPLOAD_BYTES?: string;
  SONIOX_API_KEY?: string;
  SOFERAI_API_KEY?: string;
  MISTRAL_API_KEY?: string;
  SCRIPTIVOX_API_KEY?: string;
}
