import { RealtimeError, UnsupportedFeatureError } from '../errors/index.js';
import {
  toHttpUrl,
  WEBSOCKET_OPEN,
  type WebSocketCloseEventLike,
  type WebSocketConstructorLike,
  type WebSocketLike,
} from './websocket-like.js';

/**
How a runtime opens WebSockets: with a constructor (browsers, Deno, Node's `ws`), or with a
`fetch` carrying `Upgrade: websocket` (Cloudflare Workers, whose `fetch` returns the socket on
`response.webSocket`). `headers` says whether request headers reach the server.
*/
export type WebSocketTransport =
  | { readonly kind: 'constructor'; readonly WebSocket: WebSocketConstructorLike; readonly headers: boolean }
  | { readonly kind: 'fetch-upgrade'; readonly fetch: typeof globalThis.fetch; readonly headers: true };

/** What a transport is chosen from: what the caller injected, and the runtime. */
export interface WebSocketTransportOptions {
  /** A WebSocket constructor; wins over everything else. */
  WebSocket?: WebSocketConstructorLike | undefined;
  /** The `fetch` used for a Workers upgrade. */
  fetch?: typeof globalThis.fetch | undefined;
}

/**
Picks how to open sockets.

1. An injected `WebSocket` is used as a constructor. It can send headers when it is Node's `ws`
   (recognised by its `terminate` method), which takes them in a third `options` argument.
2. In Cloudflare Workers (`navigator.userAgent === 'Cloudflare-Workers'`), sockets are opened with
   `fetch` (the injected one, else the global), which can send headers.
3. Otherwise the global `WebSocket` is used without headers: the browser's cannot send any.
*/
export function resolveWebSocketTransport(
  options: WebSocketTransportOptions,
  provider: string,
): WebSocketTransport {
  if (options.WebSocket !== undefined) {
    const prototype = (options.WebSocket as { prototype?: { terminate?: unknown } }).prototype;
    return {
      kind: 'constructor',
      WebSocket: options.WebSocket,
      headers: typeof prototype?.terminate === 'function',
    };
  }
  const userAgent = (globalThis as { navigator?: { userAgent?: unknown } }).navigator?.userAgent;
  if (userAgent === 'Cloudflare-Workers') {
    return {
      kind: 'fetch-upgrade',
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      headers: true,
    };
  }
  const global = (globalThis as { WebSocket?: WebSocketConstructorLike }).WebSocket;
  if (global === undefined) {
    throw new UnsupportedFeatureError({
      provider,
      feature: 'realtime',
      message: `${provider} realtime: this runtime has no global WebSocket; pass one as the \`WebSocket\` option (in Node, \`import WebSocket from 'ws'\`)`,
    });
  }
  return { kind: 'constructor', WebSocket: global, headers: false };
}

/** Where and how to open one socket. */
export interface OpenWebSocketRequest {
  /** The `ws(s)` URL. */
  url: string;
  /** Subprotocols to offer. */
  protocols: readonly string[];
  /** Request headers; only sent by a transport with `headers: true`. */
  headers: Readonly<Record<string, string>>;
  /** Give up after this many milliseconds. */
  timeoutMs: number;
  /** Aborts the attempt. */
  signal: AbortSignal;
  /** The provider, for error messages. */
  provider: string;
}

/**
Opens a socket and resolves once it is open, with `binaryType` set to `arraybuffer`.

Rejects with a `RealtimeError` (code `connection_failed`, or `connection_timeout`) when the socket
closes or errs before opening, and with the signal's reason when aborted; the socket is closed
in every failure case.
*/
export async function openWebSocket(
  transport: WebSocketTransport,
  request: OpenWebSocketRequest,
): Promise<WebSocketLike> {
  request.signal.throwIfAborted();
  const socket =
    transport.kind === 'fetch-upgrade'
      ? await upgradeWithFetch(transport.fetch, request)
      : construct(transport, request);
  if ('binaryType' in socket) socket.binaryType = 'arraybuffer';
  if (socket.readyState === WEBSOCKET_OPEN) return socket;

  return new Promise<WebSocketLike>((resolve, reject) => {
    let errorMessage: string | undefined;
    const cleanup = (): void => {
      clearTimeout(timer);
      socket.removeEventListener('open', onOpen);
      socket.removeEventListener('error', onError);
      socket.removeEventListener('close', onClose);
      request.signal.removeEventListener('abort', onAbort);
    };
    const fail = (error: unknown): void => {
      cleanup();
      try {
        socket.close();
      } catch {
        // Closing a socket that never opened may throw in some runtimes; it is gone either way.
      }
      reject(error);
    };
    const onOpen = (): void => {
      cleanup();
      resolve(socket);
    };
    const onError = (event: { message?: unknown; error?: unknown }): void => {
      // Node's ws puts the reason (such as "Unexpected server response: 400") on the event.
      const detail = event.message ?? (event.error instanceof Error ? event.error.message : undefined);
      if (typeof detail === 'string' && detail !== '') errorMessage = detail;
    };
    const onClose = (event: WebSocketCloseEventLike): void => {
      fail(
        new RealtimeError({
          provider: request.provider,
          message: `could not connect to ${redactUrl(request.url)}${errorMessage === undefined ? '' : `: ${errorMessage}`}`,
          closeCode: event.code,
          closeReason: event.reason,
          code: 'connection_failed',
        }),
      );
    };
    const onAbort = (): void => fail(request.signal.reason);
    const timer = setTimeout(() => {
      fail(
        new RealtimeError({
          provider: request.provider,
          message: `no connection to ${redactUrl(request.url)} within ${request.timeoutMs} ms`,
          code: 'connection_timeout',
        }),
      );
    }, request.timeoutMs);
    socket.addEventListener('open', onOpen);
    socket.addEventListener('error', onError);
    socket.addEventListener('close', onClose);
    request.signal.addEventListener('abort', onAbort, { once: true } as never);
  });
}

function construct(
  transport: Extract<WebSocketTransport, { kind: 'constructor' }>,
  request: OpenWebSocketRequest,
): WebSocketLike {
  const protocols = request.protocols.length === 0 ? undefined : [...request.protocols];
  const headers = Object.keys(request.headers).length === 0 ? undefined : { ...request.headers };
  try {
    return transport.headers && headers !== undefined
      ? new transport.WebSocket(request.url, protocols, { headers })
      : new transport.WebSocket(request.url, protocols);
  } catch (error) {
    // A browser throws SyntaxError here for a bad URL or an illegal subprotocol.
    throw new RealtimeError({
      provider: request.provider,
      message: `could not open a WebSocket to ${redactUrl(request.url)}: ${error instanceof Error ? error.message : String(error)}`,
      code: 'connection_failed',
      cause: error,
    });
  }
}

async function upgradeWithFetch(
  fetchImplementation: typeof globalThis.fetch,
  request: OpenWebSocketRequest,
): Promise<WebSocketLike> {
  const headers = new Headers(request.headers);
  headers.set('Upgrade', 'websocket');
  if (request.protocols.length > 0) headers.set('Sec-WebSocket-Protocol', request.protocols.join(', '));
  let response: Response;
  try {
    response = await fetchImplementation(toHttpUrl(request.url), { headers, signal: request.signal });
  } catch (error) {
    request.signal.throwIfAborted();
    throw new RealtimeError({
      provider: request.provider,
      message: `could not connect to ${redactUrl(request.url)}: ${error instanceof Error ? error.message : String(error)}`,
      code: 'connection_failed',
      cause: error,
    });
  }
  const socket = (response as Response & { webSocket?: (WebSocketLike & { accept(): void }) | null })
    .webSocket;
  if (socket === undefined || socket === null) {
    const body = await response.text().catch(() => '');
    throw new RealtimeError({
      provider: request.provider,
      message: `${redactUrl(request.url)} refused the WebSocket upgrade with HTTP ${response.status}${body === '' ? '' : `: ${body.slice(0, 500)}`}`,
      code: 'connection_failed',
    });
  }
  socket.accept();
  return socket;
}

/** The URL without its query string, which could carry a credential. */
export function redactUrl(url: string): string {
  const index = url.search(/[?#]/);
  return index === -1 ? url : url.slice(0, index);
}
