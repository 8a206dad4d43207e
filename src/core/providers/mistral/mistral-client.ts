import { InvalidArgumentError } from '../../errors/index.js';
import { createHttpClient, type ClientOptions, type HttpClient } from '../../http/index.js';
import type { TranscriptionProvider } from '../../transcribe/index.js';
import { omitUndefined } from '../shared/omit-undefined.js';
import { createMistralFiles, type MistralFiles } from './mistral-files.js';
import { defaultMistralTranscriptionModel, type MistralTranscriptionModel } from './mistral-models.js';
import { createMistralTranscriptionProvider } from './mistral-provider.js';
import { isMistralRegion, mistralApiOrigin, type MistralRegion } from './mistral-regions.js';
import { createMistralTranscriptions, type MistralTranscriptions } from './mistral-transcriptions.js';

/** Options of {@link createMistral}. */
export interface MistralOptions extends ClientOptions {
  /** Which Mistral server to use, unless `baseUrl` is given. @default 'global' */
  region?: MistralRegion;
  /** The model `transcribe()` uses (and its capabilities describe). @default 'voxtral-mini-transcribe-3-0' */
  transcriptionModel?: MistralTranscriptionModel;
}

/** A request through `mistral.request`, the escape hatch for endpoints scribekit does not wrap. */
export interface MistralRawRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the API origin, such as `v1/files`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  body?: BodyInit;
  signal?: AbortSignal;
}

/** The Mistral client: audio transcription and the files it needs, plus a provider for `transcribe()`. */
export interface MistralClient {
  readonly audio: {
    readonly transcriptions: MistralTranscriptions;
  };
  readonly files: MistralFiles;
  /** Sends any request with the client's auth, retries and errors; returns the raw `Response`. */
  request(request: MistralRawRequest): Promise<Response>;
  /** The base URL in use. */
  readonly baseUrl: string;
  /** Mistral behind the common `transcribe()`. */
  readonly transcriptionProvider: TranscriptionProvider;
}

/**
Creates a Mistral (Voxtral) client for file transcription, whole or streamed. Every method checks
its arguments before sending, including the combinations a model family refuses, validates what
Mistral returns, and takes an `AbortSignal`.

@example
```ts
import { createMistral, mistralToTranscript } from 'scribekit/mistral';

const mistral = createMistral({ apiKey: env.MISTRAL_API_KEY });
const result = await mistral.audio.transcriptions.complete({
  model: 'voxtral-mini-transcribe-3-0',
  file,
  diarize: true,
  timestampGranularities: ['segment'],
});
console.log(mistralToTranscript(result).segments);
```

@example
```ts
import { createMistral } from 'scribekit/mistral';

const mistral = createMistral({ apiKey: env.MISTRAL_API_KEY, region: 'eu' });
const events = await mistral.audio.transcriptions.stream({ model: 'voxtral-mini-transcribe-3-0', file });
for await (const event of events) {
  if (event.type === 'transcription.text.delta') output.append(event.text);
}
```
*/
export function createMistral(options: MistralOptions = {}): MistralClient {
  if (options.region !== undefined && !isMistralRegion(options.region)) {
    throw new InvalidArgumentError({
      argument: 'region',
      message: 'must be "global", "eu" or "us"',
      value: options.region,
    });
  }
  const model = options.transcriptionModel ?? defaultMistralTranscriptionModel;
  if (typeof model !== 'string' || model === '') {
    throw new InvalidArgumentError({
      argument: 'transcriptionModel',
      message: 'must be a non-empty string',
      value: model,
    });
  }
  const { region, transcriptionModel: _model, ...clientOptions } = options;
  const http: HttpClient = createHttpClient({
    ...clientOptions,
    provider: 'mistral',
    providerName: 'Mistral',
    defaultBaseUrl: mistralApiOrigin(region),
    auth: { type: 'bearer' },
  });
  const transcriptions = createMistralTranscriptions(http);
  return {
    audio: { transcriptions },
    files: createMistralFiles(http),
    async request(raw) {
      return http.send(omitUndefined({ ...raw }) as unknown as Parameters<HttpClient['send']>[0]);
    },
    baseUrl: http.baseUrl,
    transcriptionProvider: createMistralTranscriptionProvider(transcriptions, model),
  };
}
