import type { WebSocketConstructorLike, WebSocketLike } from '../../../src/core/realtime/websocket-like.js';

type Listener = (event: never) => void;

/**
An in-memory WebSocket the test drives as the server: it records what the client sends and
delivers the messages and closes the test scripts. It opens on the next microtask unless
`autoOpen` is false.
*/
export class FakeWebSocket implements WebSocketLike {
  readyState = 0;
  protocol = '';
  bufferedAmount = 0;
  binaryType = 'blob';
  readonly url: string;
  readonly protocols: string[];
  readonly options: { headers?: Record<string, string> } | undefined;
  /** Frames the client sent: strings for text, copies of the bytes for binary. */
  readonly sent: (string | Uint8Array)[] = [];
  /** The client's close, if it closed. */
  closedWith: { code: number | undefined; reason: string | undefined } | undefined;
  readonly #listeners = new Map<string, Set<Listener>>();

  constructor(url: string, protocols?: string | string[], options?: { headers?: Record<string, string> }) {
    this.url = url;
    this.protocols = protocols === undefined ? [] : Array.isArray(protocols) ? protocols : [protocols];
    this.options = options;
  }

  /** The text frames sent, parsed as JSON where they are JSON. */
  get textFrames(): string[] {
    return this.sent.filter((frame): frame is string => typeof frame === 'string');
  }

  /** Binary bytes sent, in all. */
  get audioBytes(): number {
    return this.sent.reduce((sum, frame) => sum + (typeof frame === 'string' ? 0 : frame.byteLength), 0);
  }

  open(): void {
    this.readyState = 1;
    this.#dispatch('open', {});
  }

  /** Delivers a server message (a string, or any payload). */
  receive(data: unknown): void {
    this.#dispatch('message', {
      data:
        typeof data === 'object' && !(data instanceof Blob) && !(data instanceof ArrayBuffer)
          ? JSON.stringify(data)
          : data,
    });
  }

  /** The server closes the connection. */
  serverClose(code = 1006, reason = ''): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.#dispatch('close', { code, reason });
  }

  send(data: string | ArrayBuffer | ArrayBufferView): void {
    if (this.readyState !== 1) throw new Error(`send on a socket in state ${this.readyState}`);
    if (typeof data === 'string') this.sent.push(data);
    else if (data instanceof ArrayBuffer) this.sent.push(new Uint8Array(data.slice(0)));
    else
      this.sent.push(new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)));
  }

  close(code?: number, reason?: string): void {
    if (this.readyState >= 2) return;
    this.readyState = 2;
    this.closedWith = { code, reason };
    queueMicrotask(() => {
      this.readyState = 3;
      this.#dispatch('close', { code: code ?? 1005, reason: reason ?? '' });
    });
  }

  addEventListener(type: string, listener: Listener): void {
    let set = this.#listeners.get(type);
    if (set === undefined) this.#listeners.set(type, (set = new Set()));
    set.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.#listeners.get(type)?.delete(listener);
  }

  #dispatch(type: string, event: object): void {
    for (const listener of [...(this.#listeners.get(type) ?? [])])
      (listener as (event: object) => void)(event);
  }
}

/** A constructor that records its sockets; they open by themselves unless `autoOpen` is false. */
export function fakeWebSockets(options: { autoOpen?: boolean; headers?: boolean } = {}): {
  WebSocket: WebSocketConstructorLike;
  sockets: FakeWebSocket[];
} {
  const sockets: FakeWebSocket[] = [];
  class Recorded extends FakeWebSocket {
    constructor(url: string, protocols?: string | string[], init?: { headers?: Record<string, string> }) {
      super(url, protocols, init);
      sockets.push(this);
      if (options.autoOpen !== false) queueMicrotask(() => this.open());
    }
  }
  if (options.headers === true) {
    // What resolveWebSocketTransport recognises Node's `ws` by.
    (Recorded.prototype as unknown as { terminate: () => void }).terminate = () => {};
  }
  return { WebSocket: Recorded, sockets };
}

/** A Soniox token as the server sends it. */
export function token(
  text: string,
  startMs: number,
  endMs: number,
  isFinal: boolean,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { text, start_ms: startMs, end_ms: endMs, confidence: 0.9, is_final: isFinal, ...extra };
}

/** Waits until `condition` holds, polling every 5 ms, for at most `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
