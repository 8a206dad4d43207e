import { createHttpClient, type ClientOptions, type HttpClient } from '../../http/index.js';
import type { TranscriptionProvider } from '../../transcribe/index.js';
import { omitUndefined } from '../shared/omit-undefined.js';
import { paginate } from '../shared/paginate.js';
import {
  ScriptivoxBalanceSchema,
  ScriptivoxTranscriptionPageSchema,
  type ScriptivoxBalance,
  type ScriptivoxTranscription,
  type ScriptivoxTranscriptionPage,
} from './scriptivox-api.js';
import { listQuery, type ScriptivoxListOptions } from './scriptivox-options.js';
import { createScriptivoxTranscriptionProvider } from './scriptivox-provider.js';
import { createScriptivoxTranscribe, type ScriptivoxTranscribe } from './scriptivox-transcribe.js';
import { createScriptivoxUploads, type ScriptivoxUploads } from './scriptivox-uploads.js';
import { createScriptivoxWebhooks, type ScriptivoxWebhooks } from './scriptivox-webhooks.js';

/** Options of {@link createScriptivox}: the common client options. The key is sent raw in `Authorization`. */
export type ScriptivoxOptions = ClientOptions;

/** A request through `scriptivox.request`, the escape hatch for endpoints scribekit does not wrap. */
export interface ScriptivoxRawRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the API origin, such as `v1/balance`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  body?: BodyInit;
  signal?: AbortSignal;
}

/** `scriptivox.transcriptions`: the account's jobs, newest first by default, without their results. */
export interface ScriptivoxTranscriptions {
  /** One page. */
  list(options?: ScriptivoxListOptions): Promise<ScriptivoxTranscriptionPage>;
  /** Every job, page by page. */
  listAll(options?: Omit<ScriptivoxListOptions, 'cursor'>): AsyncIterable<ScriptivoxTranscription>;
}

/** The Scriptivox client: the whole REST API in namespaces, plus a provider for `transcribe()`. */
export interface ScriptivoxClient {
  readonly transcribe: ScriptivoxTranscribe;
  readonly transcriptions: ScriptivoxTranscriptions;
  readonly uploads: ScriptivoxUploads;
  readonly balance: {
    /** Credit, reservations for running jobs, and what is available, in (fractional) cents. */
    get(options?: { signal?: AbortSignal }): Promise<ScriptivoxBalance>;
  };
  readonly webhooks: ScriptivoxWebhooks;
  /** Sends any request with the client's auth, retries and errors; returns the raw `Response`. */
  request(request: ScriptivoxRawRequest): Promise<Response>;
  /** The base URL in use. */
  readonly baseUrl: string;
  /** Scriptivox behind the common `transcribe()`. */
  readonly transcriptionProvider: TranscriptionProvider;
}

/**
Creates a Scriptivox client. Every method checks its arguments before sending, validates what
Scriptivox returns, and takes an `AbortSignal`; every job creation carries an `Idempotency-Key`,
so a retried request never starts (or bills) a second job.

@example
```ts
import { createScriptivox, scriptivoxToTranscript } from 'scribekit/scriptivox';

const scriptivox = createScriptivox({ apiKey: env.SCRIPTIVOX_API_KEY });
const job = await scriptivox.transcribe.createFromFile(file, { language: 'en', diarize: true, speakerCount: 2 });
const done = await scriptivox.transcribe.wait(job.id);
console.log(scriptivoxToTranscript(done).text);
```

@example
```ts
import { createScriptivox } from 'scribekit/scriptivox';

// A share link goes as it is: Scriptivox resolves Google Drive, Dropbox and OneDrive links itself.
const scriptivox = createScriptivox({ apiKey: env.SCRIPTIVOX_API_KEY });
await scriptivox.transcribe.create({ url: 'https://www.dropbox.com/s/abc/talk.mp3?dl=0', webhookUrl });
```
*/
export function createScriptivox(options: ScriptivoxOptions = {}): ScriptivoxClient {
  const http: HttpClient = createHttpClient({
    ...options,
    provider: 'scriptivox',
    providerName: 'Scriptivox',
    defaultBaseUrl: 'https://api.scriptivox.com',
    // Scriptivox takes the raw key, as its quickstart sends it (reference/scriptivox.md §1).
    auth: { type: 'raw', header: 'Authorization' },
  });
  const uploads = createScriptivoxUploads(
    http,
    omitUndefined({ fetch: options.fetch, retry: options.retry, timeout: options.timeout }),
  );
  const transcribe = createScriptivoxTranscribe(http, uploads);
  const transcriptions: ScriptivoxTranscriptions = {
    async list(listOptions = {}) {
      return http.json(
        {
          method: 'GET',
          path: 'v1/transcriptions',
          query: listQuery(listOptions),
          signal: listOptions.signal,
        },
        ScriptivoxTranscriptionPageSchema,
      );
    },
    listAll(listOptions = {}) {
      return paginate(async (cursor) => {
        const page = await transcriptions.list({
          ...listOptions,
          ...(cursor === undefined ? {} : { cursor }),
        });
        return { items: page.items, nextCursor: page.hasMore ? page.nextCursor : null };
      });
    },
  };
  return {
    transcribe,
    transcriptions,
    uploads,
    balance: {
      async get(balanceOptions = {}) {
        return http.json(
          { method: 'GET', path: 'v1/balance', signal: balanceOptions.signal },
          ScriptivoxBalanceSchema,
        );
      },
    },
    webhooks: createScriptivoxWebhooks(options.apiKey),
    async request(raw) {
      return http.send(omitUndefined({ ...raw }) as unknown as Parameters<HttpClient['send']>[0]);
    },
    baseUrl: http.baseUrl,
    transcriptionProvider: createScriptivoxTranscriptionProvider(transcribe),
  };
}
