import {
  ApiCallError,
  NetworkError,
  ResponseValidationError,
  type RealtimeSession,
  type WebSocketConstructorLike,
} from '../../core/index.js';
import {
  createSonioxRealtime,
  type SonioxRealtimeConnectOptions,
} from '../../core/providers/soniox/index.js';

/**
What `<scribe-live>` needs of a realtime client: `connect()` resolving with a session once it is
open. `createSonioxRealtime(…)` and `createSoniox(…).realtime` are such clients.
*/
export interface LiveRealtimeClient {
  connect(options: SonioxRealtimeConnectOptions): Promise<RealtimeSession>;
}

/** What a scribekit Worker's `POST <endpoint>/soniox/temporary-api-key` answers. */
export interface TemporaryKey {
  readonly apiKey: string;
  readonly expiresAt: string | undefined;
  readonly websocketUrl: string | undefined;
}

/** How {@link createEndpointRealtime} reaches the Worker. */
export interface EndpointRealtimeOptions {
  /** Sent with each key request; the Worker passes it to Soniox for its usage logs. */
  clientReferenceId?: string | undefined;
  /** The `fetch` for key requests. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch | undefined;
  /** The WebSocket constructor for the session. @default globalThis.WebSocket */
  WebSocket?: WebSocketConstructorLike | undefined;
}

/**
Asks a scribekit Worker for a temporary Soniox key: `POST <endpoint>/soniox/temporary-api-key`.

@throws {ApiCallError} When the Worker refuses (its `{ error: { code, message } }` is kept).
@throws {NetworkError} When the Worker cannot be reached.
*/
export async function fetchTemporaryKey(
  endpoint: string,
  options: Omit<EndpointRealtimeOptions, 'WebSocket'> & { signal?: AbortSignal | undefined } = {},
): Promise<TemporaryKey> {
  const url = `${endpoint.replace(/\/+$/, '')}/soniox/temporary-api-key`;
  const fetcher = options.fetch ?? globalThis.fetch;
  const body =
    options.clientReferenceId === undefined ? {} : { clientReferenceId: options.clientReferenceId };
  let response: Response;
  try {
    response = await fetcher(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (cause) {
    options.signal?.throwIfAborted();
    throw new NetworkError({ provider: 'soniox', method: 'POST', url, cause });
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text === '' ? undefined : JSON.parse(text);
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    throw new ApiCallError({
      provider: 'soniox',
      method: 'POST',
      url,
      status: response.status,
      code: typeof error?.code === 'string' ? error.code : undefined,
      providerMessage: typeof error?.message === 'string' ? error.message : undefined,
      responseBody: text.slice(0, 65_536),
      data,
    });
  }
  const key = data as { apiKey?: unknown; expiresAt?: unknown; websocketUrl?: unknown } | undefined;
  if (typeof key?.apiKey !== 'string' || key.apiKey === '') {
    throw new ResponseValidationError({
      provider: 'soniox',
      operation: `POST ${url}`,
      issues: [{ path: 'apiKey', message: 'must be a non-empty string' }],
      data,
    });
  }
  return {
    apiKey: key.apiKey,
    expiresAt: typeof key.expiresAt === 'string' ? key.expiresAt : undefined,
    websocketUrl: typeof key.websocketUrl === 'string' ? key.websocketUrl : undefined,
  };
}

/**
A realtime client that goes through a scribekit Worker, so the page holds no key: each connection
(the first and every reconnection) gets a fresh single-use temporary key from
`<endpoint>/soniox/temporary-api-key`, and connects to the WebSocket URL the first key came with
(the Worker's own sandbox socket when it has no Soniox key).
*/
export function createEndpointRealtime(
  endpoint: string,
  options: EndpointRealtimeOptions = {},
): LiveRealtimeClient {
  return {
    async connect(connectOptions) {
      const signal = connectOptions.signal;
      const first = await fetchTemporaryKey(endpoint, { ...options, signal });
      let unused: string | undefined = first.apiKey;
      const realtime = createSonioxRealtime({
        realtimeUrl: first.websocketUrl,
        WebSocket: options.WebSocket,
        apiKey: async () => {
          const key = unused;
          unused = undefined;
          return key ?? (await fetchTemporaryKey(endpoint, { ...options, signal })).apiKey;
        },
      });
      return realtime.connect(connectOptions);
    },
  };
}
