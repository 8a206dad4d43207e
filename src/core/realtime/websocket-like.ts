/** A `message` event as every WebSocket implementation delivers it: only `data` is read. */
export interface WebSocketMessageEventLike {
  /** A string for text frames; an `ArrayBuffer`, typed array or `Blob` for binary frames. */
  readonly data: unknown;
}

/** A `close` event; runtimes that omit a field leave it `undefined`. */
export interface WebSocketCloseEventLike {
  /** The close code, such as 1000 (normal) or 1006 (no close frame: the connection dropped). */
  readonly code?: number;
  /** The close reason sent with the close frame. */
  readonly reason?: string;
}

/**
The part of a WebSocket scribekit uses, so that the browser's `WebSocket`, Node's `ws`, Deno's and
the one a Cloudflare Workers `fetch` upgrade returns all fit.

`bufferedAmount` is optional because Workers' WebSocket has none; it then counts as 0.
*/
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  /** The subprotocol the server chose, `''` when none. */
  readonly protocol?: string;
  /** Bytes queued by `send` and not yet handed to the network. */
  readonly bufferedAmount?: number;
  /** How binary frames are delivered; set to `arraybuffer` where it exists. */
  binaryType?: string;
  /** Sends a text or binary frame. */
  send(data: string | ArrayBuffer | ArrayBufferView): void;
  /** Starts the closing handshake. */
  close(code?: number, reason?: string): void;
  /** Adds a listener for `open`, `message`, `close` or `error`. */
  addEventListener(type: string, listener: WebSocketListenerLike): void;
  /** Removes a listener added with `addEventListener`. */
  removeEventListener(type: string, listener: WebSocketListenerLike): void;
}

/**
A listener as any WebSocket implementation types it (a function or an object with `handleEvent`),
so the DOM's, Node `ws`'s and Workers' sockets all fit {@link WebSocketLike}.
*/
export type WebSocketListenerLike = ((event: never) => void) | { handleEvent(event: never): void };

/**
A WebSocket constructor: the standard `(url, protocols)` one, or one that also takes an options
object with `headers` as its third argument, like Node's `ws`.

@example
```ts
import WebSocket from 'ws';
import { createSonioxRealtime } from 'scribekit/soniox';

// `ws` can send an Authorization header, which a browser WebSocket cannot.
const realtime = createSonioxRealtime({ apiKey: env.SONIOX_API_KEY, WebSocket });
```
*/
export type WebSocketConstructorLike = new (
  url: string,
  protocols?: string | string[],
  options?: { headers?: Record<string, string> },
) => WebSocketLike;

/** `WebSocket.OPEN`, which not every runtime exposes as a static. */
export const WEBSOCKET_OPEN = 1;

const decoder = new TextDecoder();

/**
Reads a message's payload as text: strings as they are, binary payloads (`ArrayBuffer`, typed
arrays, Node `Buffer`s, `Blob`s) decoded as UTF-8. A `Blob` is read asynchronously, which is why
callers chain message handling on a promise: frames must not overtake one another.
*/
export async function readMessageText(data: unknown): Promise<string> {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return decoder.decode(data);
  if (ArrayBuffer.isView(data)) return decoder.decode(data);
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.text();
  throw new TypeError(`Unsupported WebSocket message payload: ${Object.prototype.toString.call(data)}`);
}

/** Turns an `http(s)` URL into its `ws(s)` equivalent; other URLs are returned unchanged. */
export function toWebSocketUrl(url: string): string {
  return url.replace(/^http(s?):/i, (_match, secure: string) => `ws${secure}:`);
}

/** Turns a `ws(s)` URL into its `http(s)` equivalent, which `fetch` needs for an upgrade. */
export function toHttpUrl(url: string): string {
  return url.replace(/^ws(s?):/i, (_match, secure: string) => `http${secure}:`);
}
