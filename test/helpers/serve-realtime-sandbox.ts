import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type RawData } from 'ws';
import type { Sandbox } from '../../worker/src/sandbox/index.js';

/** A running realtime sandbox server. */
export interface RealtimeSandboxServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** The `ws://` URL standing for a real realtime URL: `<origin>/stt-rt.soniox.com/transcribe-websocket`. */
  urlFor(host?: string, path?: string): string;
  /** Stops listening and drops open sockets. */
  close(): Promise<void>;
}

/**
Serves a sandbox's realtime WebSockets on 127.0.0.1 with `ws`, the Node stand-in for workerd's
`WebSocketPair`: an upgrade to `/<real-host>/<path>` is judged by `sandbox.upgrade` (as
`https://<real-host>/<path>`), and an accepted one is attached to its session. A refused upgrade
gets the sandbox's HTTP response. `drop()` terminates the TCP connection (close code 1006).
*/
export async function serveRealtimeSandbox(sandbox: Sandbox): Promise<RealtimeSandboxServer> {
  const selected = new WeakMap<IncomingMessage, string | undefined>();
  const webSockets = new WebSocketServer({
    noServer: true,
    handleProtocols: (_protocols, request) => selected.get(request) ?? false,
  });
  const server = createServer((_incoming, outgoing) => {
    outgoing.writeHead(426, { 'content-type': 'application/json' });
    outgoing.end(JSON.stringify({ error: { code: 'upgrade_required', message: 'WebSocket only.' } }));
  });

  server.on('upgrade', (incoming: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', () => {});
    const match = /^\/([^/?#]+)(.*)$/s.exec(incoming.url ?? '/');
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
        headers.append(name, item);
    }
    const request = new Request(`https://${match?.[1] ?? 'unknown.invalid'}${match?.[2] ?? '/'}`, {
      headers,
    });
    const answer = sandbox.upgrade?.(request) ?? {
      accepted: false as const,
      response: Response.json(
        { error: { code: 'no_realtime', message: 'This sandbox serves no WebSockets.' } },
        { status: 501 },
      ),
    };
    if (!answer.accepted) {
      void refuse(socket, answer.response);
      return;
    }
    selected.set(incoming, answer.protocol);
    webSockets.handleUpgrade(incoming, socket, head, (ws) => {
      const handlers = answer.attach({
        send: (data) => ws.send(data),
        close: (code, reason) => ws.close(code, reason),
        drop: () => ws.terminate(),
      });
      ws.on('message', (data: RawData, isBinary: boolean) =>
        handlers.message(isBinary ? toBytes(data) : toBytes(data).toString()),
      );
      ws.on('close', (code: number) => handlers.closed(code));
      ws.on('error', () => {});
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    urlFor: (host = 'stt-rt.soniox.com', path = '/transcribe-websocket') =>
      `ws://127.0.0.1:${port}/${host}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of webSockets.clients) client.terminate();
        webSockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function toBytes(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

async function refuse(socket: Socket, response: Response): Promise<void> {
  const body = await response.text();
  const lines = [`HTTP/1.1 ${response.status} ${response.statusText || 'Refused'}`];
  response.headers.forEach((value, name) => lines.push(`${name}: ${value}`));
  lines.push(`content-length: ${Buffer.byteLength(body)}`, 'connection: close');
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}
