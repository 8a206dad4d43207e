import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox } from '../index.js';

/** What {@link serveSandbox} accepts. */
export interface ServeSandboxOptions {
  /** The sandbox to serve. Default: a fresh `createSandbox()`. */
  sandbox?: Sandbox | undefined;
  /** The port on 127.0.0.1. Default 0: any free port. */
  port?: number | undefined;
  /**
  A real host (e.g. `api.mistral.ai`) that receives every request whose path does not start with
  a sandbox host, so a client that only takes an origin can be pointed at the server.
  */
  defaultHost?: string | undefined;
}

/** A running sandbox server. */
export interface SandboxServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** The base URL that stands for a real host: `urlFor('api.soniox.com')` is `<origin>/api.soniox.com`. */
  urlFor(host: string): string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

// Connection-level headers describe the hop to this server, not the request to the real host.
const HOP_BY_HOP = new Set([
  'connection',
  'expect',
  'host',
  'http2-settings',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
Serves a sandbox over HTTP on 127.0.0.1 (never another interface), for tests and for official
clients that insist on a base URL.

A request for `/<real-host>/<path>` goes to `https://<real-host>/<path>`; with `defaultHost`, any
other path goes to `https://<defaultHost>/<path>`. Request bodies are streamed into the sandbox
and response bodies streamed back, with status, headers and body preserved. A client that
disconnects aborts its request's signal and cancels the response body; the server keeps serving.
*/
export async function serveSandbox(options: ServeSandboxOptions = {}): Promise<SandboxServer> {
  const sandbox = options.sandbox ?? createSandbox();
  const defaultHost = options.defaultHost;
  if (defaultHost !== undefined && sandbox.providerForHost(defaultHost) === undefined) {
    throw new TypeError(
      `serveSandbox: defaultHost ${defaultHost} is not a sandbox host (${sandbox.hosts.join(', ')}).`,
    );
  }

  const server = createServer((incoming, outgoing) => {
    void handle(sandbox, defaultHost, incoming, outgoing);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    urlFor(host) {
      if (sandbox.providerForHost(host) === undefined) {
        throw new TypeError(`serveSandbox: ${host} is not a sandbox host (${sandbox.hosts.join(', ')}).`);
      }
      return `${origin}/${host}`;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}

async function handle(
  sandbox: Sandbox,
  defaultHost: string | undefined,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): Promise<void> {
  // Without listeners, an error on a torn-down socket would be thrown out of the server.
  incoming.on('error', () => {});
  outgoing.on('error', () => {});
  const aborter = new AbortController();
  outgoing.on('close', () => {
    if (!outgoing.writableFinished) {
      aborter.abort(new Error('The client disconnected.'));
    }
  });

  try {
    const url = realUrl(incoming.url ?? '/', sandbox, defaultHost);
    if (url === undefined) {
      sendSandboxError(
        outgoing,
        'sandbox_unknown_host',
        `No sandbox host in the path ${incoming.url ?? '/'}.`,
      );
      return;
    }
    const request = toRequest(incoming, url, aborter.signal);
    const response = await sandbox.fetch(request);
    await writeResponse(response, incoming.method === 'HEAD', outgoing, aborter.signal);
    if (!incoming.complete) {
      // The sandbox answered without reading the whole body: drain the rest so the socket can be reused.
      await request.body?.cancel().catch(() => {});
      incoming.resume();
    }
  } catch (error) {
    if (aborter.signal.aborted) {
      outgoing.destroy();
      return;
    }
    if (outgoing.headersSent) {
      outgoing.destroy(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    sendSandboxError(outgoing, 'sandbox_adapter_error', `The sandbox adapter failed: ${message}`, 500);
  }
}

/** Maps `/<host>/<rest>` (or, with a default host, any path) to the real URL; `undefined` when neither applies. */
function realUrl(path: string, sandbox: Sandbox, defaultHost: string | undefined): URL | undefined {
  const match = /^\/([^/?#]+)(.*)$/s.exec(path);
  const first = match?.[1];
  if (first !== undefined && sandbox.providerForHost(first) !== undefined) {
    const rest = match?.[2] ?? '';
    return new URL(`https://${first}${rest.startsWith('/') || rest === '' ? rest : `/${rest}`}`);
  }
  if (defaultHost !== undefined) {
    return new URL(`https://${defaultHost}${path.startsWith('/') ? path : `/${path}`}`);
  }
  if (first !== undefined && first.includes('.')) {
    // Looks like a host the sandbox does not know: let the sandbox give its own 502.
    try {
      return new URL(`https://${first}${match?.[2] ?? ''}`);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function toRequest(incoming: IncomingMessage, url: URL, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) {
      continue;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      headers.append(name, item);
    }
  }
  const method = incoming.method ?? 'GET';
  const hasBody =
    method !== 'GET' &&
    method !== 'HEAD' &&
    (incoming.headers['transfer-encoding'] !== undefined ||
      Number(incoming.headers['content-length'] ?? '0') > 0);
  // `duplex` is required by Node's fetch for a streamed body but missing from the DOM typings.
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (hasBody) {
    init.body = bodyStream(incoming);
    init.duplex = 'half';
  }
  return new Request(url, init);
}

/**
A web stream over the incoming body that pauses the socket while the sandbox is not reading.

Once the sandbox cancels the stream (or answers without reading it), further data is discarded so
the connection can finish.
*/
function bodyStream(incoming: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const fail = (error: Error): void => {
          if (open) {
            open = false;
            controller.error(error);
          }
        };
        incoming.on('data', (chunk: Buffer) => {
          if (!open) {
            return;
          }
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) {
            incoming.pause();
          }
        });
        incoming.once('end', () => {
          if (open) {
            open = false;
            controller.close();
          }
        });
        incoming.once('error', fail);
        incoming.once('close', () => {
          if (!incoming.complete) {
            fail(new Error('The client disconnected before sending the whole request body.'));
          }
        });
      },
      pull() {
        incoming.resume();
      },
      cancel() {
        open = false;
        incoming.resume();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );
}

async function writeResponse(
  response: Response,
  isHead: boolean,
  outgoing: ServerResponse,
  signal: AbortSignal,
): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') {
      headers[name] = value;
    }
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) {
    headers['set-cookie'] = cookies;
  }
  if (signal.aborted) {
    await response.body?.cancel(signal.reason).catch(() => {});
    return;
  }
  if (response.statusText === '') {
    outgoing.writeHead(response.status, headers);
  } else {
    outgoing.writeHead(response.status, response.statusText, headers);
  }

  if (response.body === null || isHead) {
    await response.body?.cancel().catch(() => {});
    outgoing.end();
    return;
  }
  const reader = response.body.getReader();
  const cancel = (): void => {
    reader.cancel(signal.reason).catch(() => {});
  };
  signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || signal.aborted) {
        break;
      }
      if (!outgoing.write(value)) {
        await drained(outgoing);
      }
    }
  } finally {
    signal.removeEventListener('abort', cancel);
  }
  if (!signal.aborted) {
    outgoing.end();
  }
}

function drained(outgoing: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (outgoing.destroyed) {
      resolve();
      return;
    }
    const done = (): void => {
      outgoing.off('drain', done);
      outgoing.off('close', done);
      resolve();
    };
    outgoing.on('drain', done);
    outgoing.on('close', done);
  });
}

function sendSandboxError(outgoing: ServerResponse, code: string, message: string, status = 502): void {
  outgoing.writeHead(status, { 'content-type': 'application/json' });
  outgoing.end(JSON.stringify({ error: { code, message } }));
}
