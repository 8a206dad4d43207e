import type { ClientOptions, HttpClient } from '../../http/index.js';
import { createHttpClient } from '../../http/index.js';
import { InvalidArgumentError } from '../../errors/index.js';
import type { TranscriptionProvider } from '../../transcribe/index.js';
import { validateArguments } from '../shared/validate-arguments.js';
import {
  SonioxModelListSchema,
  SonioxTemporaryApiKeySchema,
  type SonioxModel,
  type SonioxTemporaryApiKey,
} from './soniox-api.js';
import { createSonioxFiles, type SonioxFiles } from './soniox-files.js';
import {
  omitUndefined,
  SonioxTemporaryApiKeyRequestSchema,
  type SonioxTemporaryApiKeyRequest,
} from './soniox-options.js';
import { createSonioxTranscriptionProvider } from './soniox-provider.js';
import { isSonioxRegion, sonioxApiOrigin, type SonioxRegion } from './soniox-regions.js';
import { createSonioxStt, type SonioxStt } from './soniox-stt.js';
import type { WebSocketConstructorLike } from '../../realtime/index.js';
import type { SonioxRealtime } from './soniox-realtime.js';
import { lazySonioxRealtime } from './soniox-realtime-lazy.js';
import { createSonioxWebhooks, type SonioxWebhookAuth, type SonioxWebhooks } from './soniox-webhooks.js';

/** Options of {@link createSoniox}. */
export interface SonioxOptions extends ClientOptions {
  /** The WebSocket constructor for `realtime` (Node 20: `ws`). Defaults to the global one. */
  WebSocket?: WebSocketConstructorLike;
  /** The realtime WebSocket URL instead of the region's (the REST `baseUrl` is not used for it). */
  realtimeUrl?: string;
  /** The data-residency region whose hosts to use, unless `baseUrl` is given. @default 'us' */
  region?: SonioxRegion;
  /** The webhook auth header `webhooks.verify` and `handleWebhook` expect by default. */
  webhookAuth?: SonioxWebhookAuth;
}

/** A request through `soniox.request`, the escape hatch for endpoints scribekit does not wrap. */
export interface SonioxRawRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the API origin, such as `v1/usage-logs`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  body?: BodyInit;
  signal?: AbortSignal;
}

/** The Soniox client: the whole REST API in namespaces, plus a provider for `transcribe()`. */
export interface SonioxClient {
  readonly files: SonioxFiles;
  readonly stt: SonioxStt;
  readonly models: {
    /** Every model and alias, with languages and features. */
    list(options?: { signal?: AbortSignal }): Promise<SonioxModel[]>;
  };
  readonly auth: {
    /**
    Mints a short-lived key for the realtime WebSocket, to hand to a browser. Call it from your
    server with your real key (the scribekit Worker does).
    */
    createTemporaryApiKey(options: SonioxTemporaryApiKeyRequest): Promise<SonioxTemporaryApiKey>;
  };
  readonly webhooks: SonioxWebhooks;
  /** Realtime transcription over the WebSocket: `await soniox.realtime.connect({ … })`. */
  readonly realtime: SonioxRealtime;
  /** Sends any request with the client's auth, retries and errors; returns the raw `Response`. */
  request(request: SonioxRawRequest): Promise<Response>;
  /** The base URL in use. */
  readonly baseUrl: string;
  /** Soniox behind the common `transcribe()`. */
  readonly transcriptionProvider: TranscriptionProvider;
}

/**
Creates a Soniox client. Every method checks its arguments before sending, validates what Soniox
returns, and takes an `AbortSignal`.

@example
```ts
import { createSoniox, sonioxToTranscript } from 'scribekit/soniox';

const soniox = createSoniox({ apiKey: env.SONIOX_API_KEY });
const { transcription, transcript } = await soniox.stt.transcribeAndWaitWithTokens({
  file,
  config: { languageHints: ['en', 'he'], enableSpeakerDiarization: true },
  deleteAfter: true,
});
console.log(sonioxToTranscript(transcript, transcription).text);
```

@example
```ts
import { createSoniox } from 'scribekit/soniox';

// In a browser, through the scribekit Worker: no key in the page.
const soniox = createSoniox({ baseUrl: '/api/soniox' });
```
*/
export function createSoniox(options: SonioxOptions = {}): SonioxClient {
  if (options.region !== undefined && !isSonioxRegion(options.region)) {
    throw new InvalidArgumentError({
      argument: 'region',
      message: 'must be "us", "eu" or "jp"',
      value: options.region,
    });
  }
  const { region, webhookAuth, WebSocket, realtimeUrl, ...clientOptions } = options;
  const http: HttpClient = createHttpClient({
    ...clientOptions,
    provider: 'soniox',
    providerName: 'Soniox',
    defaultBaseUrl: sonioxApiOrigin(region),
    auth: { type: 'bearer' },
  });
  const files = createSonioxFiles(http);
  const stt = createSonioxStt(http, files);
  return {
    files,
    stt,
    models: {
      async list(listOptions = {}) {
        const result = await http.json(
          { method: 'GET', path: 'v1/models', signal: listOptions.signal },
          SonioxModelListSchema,
        );
        return result.models;
      },
    },
    auth: {
      async createTemporaryApiKey(request) {
        const valid = validateArguments(SonioxTemporaryApiKeyRequestSchema, request);
        return http.json(
          {
            method: 'POST',
            path: 'v1/auth/temporary-api-key',
            json: omitUndefined({
              usage_type: valid.usageType,
              expires_in_seconds: valid.expiresInSeconds,
              single_use: valid.singleUse,
              max_session_duration_seconds: valid.maxSessionDurationSeconds,
              client_reference_id: valid.clientReferenceId,
            }),
            signal: request.signal,
          },
          SonioxTemporaryApiKeySchema,
        );
      },
    },
    webhooks: createSonioxWebhooks(webhookAuth),
    realtime: lazySonioxRealtime(
      omitUndefined({
        apiKey: clientOptions.apiKey,
        region,
        realtimeUrl,
        WebSocket,
        fetch: clientOptions.fetch,
        headers: clientOptions.headers,
      }),
    ),
    async request(raw) {
      return http.send(omitUndefined({ ...raw }) as unknown as Parameters<HttpClient['send']>[0]);
    },
    baseUrl: http.baseUrl,
    transcriptionProvider: createSonioxTranscriptionProvider(stt, files),
  };
}
