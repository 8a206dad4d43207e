/**
An API key, or a function that returns one. A function is called once per request, so a
short-lived key fetched from your server (a Soniox temporary key from the scribekit Worker, say)
is refreshed without recreating the client.
*/
export type ApiKey = string | (() => string | Promise<string>);

/** How failed requests are retried. */
export interface RetryOptions {
  /**
  How many times a failed request is sent again.
  @default 2
  */
  limit?: number;
  /**
  The longest wait between two attempts, in milliseconds. Waits grow exponentially from 500 ms
  with full jitter up to this cap.
  @default 8000
  */
  backoffLimit?: number;
  /**
  The longest `Retry-After` the client will honour, in milliseconds. A provider that asks for a
  longer wait gets no retry: the error reaches you at once, so you can decide.
  @default 60000
  */
  maxRetryAfter?: number;
}

/**
What every scribekit client factory accepts (`createSoniox`, `createSoferAI`, `createMistral`,
`createScriptivox`). Nothing is read from environment variables.

@example
```ts
import { createSoniox } from 'scribekit/soniox';

const soniox = createSoniox({ apiKey: env.SONIOX_API_KEY, timeout: 30_000, retry: { limit: 4 } });
const viaWorker = createSoniox({ baseUrl: '/api/soniox' }); // the Worker adds the key
```
*/
export interface ClientOptions {
  /** The provider API key, or a function resolving one per request. Omit it when `baseUrl` points at a proxy that adds the key. */
  apiKey?: ApiKey;
  /** Where requests go instead of the provider's own host: a proxy such as the scribekit Worker (`/api/soniox`), or a region. A trailing slash is ignored. */
  baseUrl?: string;
  /** The `fetch` to use. Defaults to `globalThis.fetch`, looked up per request. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Retry policy, a retry count, or `false` for none. */
  retry?: RetryOptions | number | false;
  /**
  Time limit for one attempt in milliseconds, or `false` for none. Long operations (uploads) may
  set their own.
  @default 120000
  */
  timeout?: number | false;
}
