import type { ClientOptions, HttpClient } from '../../http/index.js';
import { createHttpClient } from '../../http/index.js';
import type { TranscriptionProvider } from '../../transcribe/index.js';
import {
  SoferAIBalanceSchema,
  SoferAIHealthSchema,
  type SoferAIBalance,
  type SoferAIHealth,
} from './soferai-api.js';
import { createSoferAICategories, type SoferAICategories } from './soferai-categories.js';
import type { SoferAICallOptions } from './soferai-ids.js';
import { createSoferAILinks, type SoferAILinks } from './soferai-link.js';
import { omitUndefined } from './soferai-options.js';
import { createSoferAITranscriptionProvider } from './soferai-provider.js';
import { createSoferAITimestamps, type SoferAITimestamps } from './soferai-timestamps.js';
import { createSoferAITranscribe, type SoferAITranscribe } from './soferai-transcribe.js';
import { createSoferAIUtils, type SoferAIUtils } from './soferai-utils.js';

/** SoferAI's production API origin. */
export const soferaiApiOrigin = 'https://api.sofer.ai';

/** Options of {@link createSoferAI}: the options every scribekit client takes. */
export type SoferAIOptions = ClientOptions;

/** A request through `soferai.request`, the escape hatch for endpoints scribekit does not wrap. */
export interface SoferAIRawRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the API origin, such as `v1/transformations/<id>/summary`. Keep SoferAI's trailing slashes. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  body?: BodyInit;
  signal?: AbortSignal;
}

/** The SoferAI client: the REST API in namespaces, in camelCase, plus a provider for `transcribe()`. */
export interface SoferAIClient {
  readonly balance: {
    /** The account balance in US cents, with the charges held for running transcriptions. */
    getBalance(options?: SoferAICallOptions): Promise<SoferAIBalance>;
  };
  readonly health: {
    /** `{ status: 'ok' }` when SoferAI is up. Public: no key needed. */
    getHealth(options?: SoferAICallOptions): Promise<SoferAIHealth>;
  };
  readonly categories: SoferAICategories;
  readonly link: SoferAILinks;
  readonly timestamps: SoferAITimestamps;
  readonly transcribe: SoferAITranscribe;
  readonly utils: SoferAIUtils;
  /** Sends any request with the client's auth, retries and errors; returns the raw `Response`. */
  request(request: SoferAIRawRequest): Promise<Response>;
  /** The base URL in use. */
  readonly baseUrl: string;
  /** SoferAI behind the common `transcribe()`. */
  readonly transcriptionProvider: TranscriptionProvider;
}

/**
Creates a SoferAI client for the Torah-lecture transcription service at `https://api.sofer.ai`:
single and batch transcription, categories, outlines, link extraction, balance and duration.
Every method checks its arguments before sending, validates what SoferAI returns, and takes an
`AbortSignal`. The key goes in `Authorization: Bearer`.

@example
```ts
import { createSoferAI, soferaiToTranscript } from 'scribekit/soferai';

const soferai = createSoferAI({ apiKey: env.SOFERAI_API_KEY });
const { downloadUrl } = await soferai.link.extract('https://www.yutorah.org/lectures/1116616');
const id = await soferai.transcribe.createTranscription({
  audioUrl: downloadUrl,
  info: { primaryLanguage: 'en', hebrewWordFormat: ['en', 'he'], numSpeakers: 1 },
});
await soferai.transcribe.wait(id);
const transcript = soferaiToTranscript(await soferai.transcribe.getTranscription(id));
```

@example
```ts
import { createSoferAI } from 'scribekit/soferai';

// In a browser, through the scribekit Worker: no key in the page.
const soferai = createSoferAI({ baseUrl: '/api/soferai' });
```
*/
export function createSoferAI(options: SoferAIOptions = {}): SoferAIClient {
  const http: HttpClient = createHttpClient({
    ...options,
    provider: 'soferai',
    providerName: 'SoferAI',
    defaultBaseUrl: soferaiApiOrigin,
    auth: { type: 'bearer' },
  });
  const transcribe = createSoferAITranscribe(http);
  return {
    balance: {
      async getBalance(callOptions = {}) {
        return http.json(
          { method: 'GET', path: 'v1/balance/', signal: callOptions.signal },
          SoferAIBalanceSchema,
        );
      },
    },
    health: {
      async getHealth(callOptions = {}) {
        return http.json(
          { method: 'GET', path: 'v1/health/', signal: callOptions.signal },
          SoferAIHealthSchema,
        );
      },
    },
    categories: createSoferAICategories(http),
    link: createSoferAILinks(http),
    timestamps: createSoferAITimestamps(http),
    transcribe,
    utils: createSoferAIUtils(http),
    async request(raw) {
      return http.send(omitUndefined({ ...raw }) as unknown as Parameters<HttpClient['send']>[0]);
    },
    baseUrl: http.baseUrl,
    transcriptionProvider: createSoferAITranscriptionProvider(transcribe),
  };
}
