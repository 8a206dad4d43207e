import type { SampleRegistry } from '../samples/sample-registry.js';
import { normalizeHost } from '../router.js';
import { readBearerToken } from '../shared/api-key.js';
import { jsonResponse } from '../shared/json-response.js';
import type { JobClock } from '../shared/job-clock.js';
import { sonioxError, sonioxErrors } from './soniox-errors.js';
import type { SonioxKeyStore } from './soniox-key-store.js';
import { SonioxRealtimeSession, type SonioxRealtimeEmulatorOptions } from './soniox-realtime-session.js';
import type { SandboxSocket, SandboxUpgrade } from './soniox-realtime-socket.js';

export type { SonioxRealtimeEmulatorOptions, SonioxRealtimeSessionInfo } from './soniox-realtime-session.js';
export type { SandboxSocket, SandboxSocketHandlers, SandboxUpgrade } from './soniox-realtime-socket.js';

/** The realtime STT hosts: US (default), EU and JP. */
export const SONIOX_REALTIME_HOSTS = [
  'stt-rt.soniox.com',
  'stt-rt.eu.soniox.com',
  'stt-rt.jp.soniox.com',
] as const;

/** Whether `host` is one of {@link SONIOX_REALTIME_HOSTS} (case, a port and a trailing dot ignored). */
export function isSonioxRealtimeHost(host: string): boolean {
  return (SONIOX_REALTIME_HOSTS as readonly string[]).includes(normalizeHost(host));
}

/** The one realtime path. */
export const SONIOX_REALTIME_PATH = '/transcribe-websocket';

/** The subprotocol that announces a key in the next entry of `Sec-WebSocket-Protocol`. */
const KEY_SUBPROTOCOL = 'soniox-api-key';

/** The realtime half of the Soniox emulator. */
export interface SonioxRealtimeEmulator {
  /**
  Judges a WebSocket upgrade request for the realtime URL, for any runtime: refused with an HTTP
  response, or accepted with the subprotocol to echo and a session to attach to the socket.
  */
  upgrade(request: Request): SandboxUpgrade;
  /**
  Handles a request to a realtime host inside workerd: completes the upgrade with a
  `WebSocketPair` and answers 101. Elsewhere (no `WebSocketPair`) a runtime adapter must call
  {@link upgrade} itself; this answers 501 then.
  */
  fetch(request: Request): Promise<Response>;
}

/** What the realtime emulator shares with the REST half: the key store and the samples. */
export interface SonioxRealtimeEmulatorState {
  readonly keys: SonioxKeyStore;
  readonly samples: SampleRegistry;
}

/**
Creates the realtime emulator over the REST emulator's state, so a temporary key minted by
`POST /v1/auth/temporary-api-key` opens a session here.

The upgrade request is judged before the session starts:

- a path other than `/transcribe-websocket` is 404, a request without `Upgrade: websocket` 426;
- `Sec-WebSocket-Protocol: soniox-api-key, <key>` carries the key (the sandbox then echoes
  `soniox-api-key`), as does `Authorization: Bearer <key>`; both at once are refused with 400, as
  third-party clients report of the real service;
- the key itself, or its absence, is only judged when the configuration arrives, and refused
  in-band (an error message and a close), the way a browser can see it.
*/
export function createSonioxRealtimeEmulator(
  state: SonioxRealtimeEmulatorState,
  clock: JobClock,
  options: SonioxRealtimeEmulatorOptions = {},
): SonioxRealtimeEmulator {
  let sessions = 0;

  const upgrade = (request: Request): SandboxUpgrade => {
    const url = new URL(request.url);
    if (!isSonioxRealtimeHost(url.hostname)) {
      return {
        accepted: false,
        response: jsonResponse(
          {
            error: {
              code: 'sandbox_unknown_host',
              message: `The sandbox has no realtime service at ${url.host}.`,
            },
          },
          502,
        ),
      };
    }
    if (url.pathname !== SONIOX_REALTIME_PATH) return { accepted: false, response: sonioxErrors.notFound() };
    if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
      return {
        accepted: false,
        response: sonioxError(426, 'invalid_request', 'This endpoint only accepts WebSocket connections.'),
      };
    }
    const offered = (request.headers.get('sec-websocket-protocol') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    const keyIndex = offered.indexOf(KEY_SUBPROTOCOL);
    const subprotocolKey = keyIndex === -1 ? undefined : offered[keyIndex + 1];
    if (keyIndex !== -1 && subprotocolKey === undefined) {
      return {
        accepted: false,
        response: sonioxError(
          400,
          'invalid_request',
          'The soniox-api-key subprotocol must be followed by the API key.',
        ),
      };
    }
    const bearer = readBearerToken(request);
    if (bearer !== undefined && subprotocolKey !== undefined) {
      return {
        accepted: false,
        response: sonioxError(
          400,
          'invalid_request',
          'Send the API key either in the Authorization header or in the soniox-api-key subprotocol, not both.',
        ),
      };
    }
    const connectionKey =
      bearer !== undefined
        ? { key: bearer, method: 'header' as const }
        : subprotocolKey !== undefined
          ? { key: subprotocolKey, method: 'subprotocol' as const }
          : undefined;
    return {
      accepted: true,
      protocol: subprotocolKey === undefined ? undefined : KEY_SUBPROTOCOL,
      attach: (socket: SandboxSocket) =>
        new SonioxRealtimeSession(socket, {
          keys: state.keys,
          samples: state.samples,
          clock,
          options,
          connectionKey,
          nextIndex: () => ++sessions,
        }).handlers,
    };
  };

  return {
    upgrade,
    async fetch(request) {
      const answer = upgrade(request);
      if (!answer.accepted) return answer.response;
      const Pair = (globalThis as { WebSocketPair?: new () => Record<0 | 1, WorkerdSocket> }).WebSocketPair;
      if (Pair === undefined) {
        return sonioxError(
          501,
          'internal_error',
          'This runtime has no WebSocketPair: serve the realtime sandbox through a Node adapter instead.',
        );
      }
      const pair = new Pair();
      const client = pair[0];
      const server = pair[1];
      server.accept();
      // Newer compatibility dates deliver binary frames as Blobs unless asked otherwise.
      if ('binaryType' in server) server.binaryType = 'arraybuffer';
      const handlers = answer.attach({
        send: (data) => server.send(data),
        close: (code, reason) => server.close(code, reason),
        // workerd cannot drop a connection without a close frame; 1011 is the nearest abnormal close.
        drop: () => server.close(1011, 'sandbox: connection dropped'),
      });
      server.addEventListener('message', (event) => handlers.message(event.data));
      server.addEventListener('close', (event) => handlers.closed(event.code));
      server.addEventListener('error', () => handlers.closed(undefined));
      const headers = new Headers();
      if (answer.protocol !== undefined) headers.set('Sec-WebSocket-Protocol', answer.protocol);
      return new Response(null, { status: 101, headers, webSocket: client } as ResponseInit);
    },
  };
}

/** The part of workerd's `WebSocket` the emulator uses (typed here so the sandbox also compiles without workers-types). */
interface WorkerdSocket {
  binaryType?: string;
  accept(): void;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message', listener: (event: { data: string | ArrayBuffer | Blob }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number }) => void): void;
  addEventListener(type: 'error', listener: () => void): void;
}
