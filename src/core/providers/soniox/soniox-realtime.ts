/*
The Soniox realtime speech-to-text WebSocket protocol, as this client speaks it
(https://soniox.com/docs/stt/api-reference/websocket-api; reference/soniox.md §4, §5, §7.2–7.3).

1. Endpoint. `wss://stt-rt.soniox.com/transcribe-websocket`, or `stt-rt.eu.soniox.com` /
   `stt-rt.jp.soniox.com` by region. No query parameters. One socket carries one session and is
   never reused.
2. Authentication, chosen per connection with a freshly resolved key:
   a. `Authorization: Bearer <key>` on the upgrade request, where the runtime can send headers
      (Node's `ws`, a Cloudflare Workers `fetch` upgrade);
   b. else the subprotocol list `["soniox-api-key", <key>]` (browsers, temporary keys), only when
      the key is an RFC 7230 token; Soniox is said to echo `soniox-api-key` back;
   c. else the deprecated `api_key` field of the first frame. Soniox refuses connections that
      authenticate only this way from 2027-01-15.
   Never more than one: header and subprotocol together are reported to be refused with 400.
3. First frame. Immediately after `open`, one JSON text frame: the session configuration
   (`model`, `audio_format`, `sample_rate` and `num_channels` for raw formats, and the optional
   fields), validated before the socket is opened.
4. Audio frames. Binary frames of any size, in capture order, at about real-time pace; the client
   holds back while `bufferedAmount` exceeds its high-water mark.
5. Control frames (JSON text): `{"type":"keepalive"}` after `keepaliveIntervalMs` without audio
   (Soniox closes after 20 s with neither, with error 408); `{"type":"finalize"}` with an optional
   `trailing_silence_ms`, answered by a final `<fin>` token.
6. End of audio. An empty text frame `""`. The server finalizes everything, sends the remaining
   tokens, then a message with `finished: true`, then closes the socket.
7. Server frames (JSON text). Results: `tokens` (the newly final tokens first, then the whole
   provisional tail, which replaces the previous one), `final_audio_proc_ms`,
   `total_audio_proc_ms`, `finished`. Errors: `error_code` (HTTP-like) and `error_message`, plus
   `error_type` and `request_id` on newer servers; the server closes the socket right after.
   `<end>` (endpoint detection) and `<fin>` (finalize) are final control tokens, never words.
   Translation tokens (`translation_status: "translation"`) carry no timing and are kept apart.
8. Close codes. Soniox documents none, so no code means success by itself: a session succeeded
   once `finished: true` arrived (whatever close follows), failed with the provider's error once an
   error message arrived (408, 500 and 503 may be retried on a new connection), and was lost on
   any other close, including a clean 1000 without `finished`. A lost session is reconnected:
   a fresh key, a new socket and configuration, the audio since the last final word sent again,
   and times shifted so the transcript's timeline continues.
*/
import { InvalidArgumentError } from '../../errors/index.js';
import { resolveApiKey } from '../../http/resolve-api-key.js';
import type { ApiKey } from '../../http/client-options.js';
import { resolveWebSocketTransport } from '../../realtime/open-websocket.js';
import type { RealtimeProtocol } from '../../realtime/realtime-protocol.js';
import { openRealtimeSession, type RealtimeSession } from '../../realtime/realtime-session.js';
import { resolveRealtimeSessionOptions } from '../../realtime/realtime-session-options.js';
import { toWebSocketUrl, type WebSocketConstructorLike } from '../../realtime/websocket-like.js';
import { validateArguments } from '../shared/validate-arguments.js';
import { omitUndefined } from './soniox-options.js';
import { chooseSonioxAuthentication, SONIOX_API_KEY_SUBPROTOCOL } from './soniox-realtime-auth.js';
import {
  SonioxRealtimeConnectOptionsSchema,
  sonioxRawAudioRate,
  sonioxRealtimeConfigMessage,
  type SonioxRealtimeConnectOptions,
} from './soniox-realtime-options.js';
import { createSonioxRealtimeDecoder } from './soniox-realtime-words.js';
import { isSonioxRegion, sonioxRealtimeUrl, type SonioxRegion } from './soniox-regions.js';

/** What {@link createSonioxRealtime} takes; the same fields as `createSoniox` where they overlap. */
export interface SonioxRealtimeClientOptions {
  /**
  The key, or a function resolving one. A function is called again for every connection, so a
  reconnect gets a fresh single-use temporary key.
  */
  apiKey?: ApiKey | undefined;
  /** The region whose realtime host to use, unless `realtimeUrl` is given. @default 'us' */
  region?: SonioxRegion | undefined;
  /** The WebSocket URL instead of the region's (`ws(s)://`, or `http(s)://` turned into `ws(s)://`). */
  realtimeUrl?: string | undefined;
  /**
  The WebSocket constructor. Defaults to the global one; in Node 20 pass `ws`, which can also
  send the `Authorization` header. In Cloudflare Workers, sockets are opened with `fetch` instead.
  */
  WebSocket?: WebSocketConstructorLike | undefined;
  /** The `fetch` used for a Cloudflare Workers upgrade. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Extra headers for the upgrade request, where the runtime can send headers. */
  headers?: Record<string, string> | undefined;
}

/** A live Soniox session: parts, the running transcript, audio in. */
export type SonioxRealtimeSession = RealtimeSession;

/** The realtime half of a Soniox client. */
export interface SonioxRealtime {
  /** The WebSocket URL sessions connect to unless `connect` is given another. */
  readonly url: string;
  /**
  Opens a session and resolves once it is connected and configured. Options are checked first:
  a bad one throws `InvalidArgumentError` naming it, before any connection.
  */
  connect(options?: SonioxRealtimeConnectOptions): Promise<SonioxRealtimeSession>;
}

/**
Creates the Soniox realtime client: live transcription over Soniox's WebSocket, as a typed stream
of parts, with automatic reconnection that loses no audio.

@example
```ts
import { createSonioxRealtime } from 'scribekit/soniox';

// In a browser: a temporary key from your server for each connection (no key in the page).
const realtime = createSonioxRealtime({
  apiKey: async () => (await (await fetch('/api/soniox/temporary-api-key', { method: 'POST' })).json()).apiKey,
});
const session = await realtime.connect({
  audioFormat: 'pcm_s16le',
  sampleRate: 16000,
  numChannels: 1,
  languageHints: ['en', 'he'],
  enableEndpointDetection: true,
});
session.on('transcript-partial', (part) => showTail(part.text));
session.on('transcript-final', (part) => appendText(part.text));
for await (const chunk of microphonePcm()) await session.sendAudio(chunk);
const transcript = await session.end();
```

@example
```ts
import WebSocket from 'ws';
import { createSonioxRealtime } from 'scribekit/soniox';

// In Node: `ws` sends the key as an Authorization header.
const session = await createSonioxRealtime({ apiKey: env.SONIOX_API_KEY, WebSocket }).connect({
  audioFormat: 'auto',
});
for await (const part of session) console.log(part.type);
```
*/
export function createSonioxRealtime(clientOptions: SonioxRealtimeClientOptions = {}): SonioxRealtime {
  if (clientOptions.region !== undefined && !isSonioxRegion(clientOptions.region)) {
    throw new InvalidArgumentError({
      argument: 'region',
      message: 'must be "us", "eu" or "jp"',
      value: clientOptions.region,
    });
  }
  const realtimeUrl = clientOptions.realtimeUrl;
  if (realtimeUrl !== undefined && !/^(wss?|https?):\/\/[^\s]+$/i.test(realtimeUrl)) {
    throw new InvalidArgumentError({
      argument: 'realtimeUrl',
      message: 'must be an absolute ws(s):// or http(s):// URL without spaces',
      value: realtimeUrl,
    });
  }
  const url = toWebSocketUrl(realtimeUrl ?? sonioxRealtimeUrl(clientOptions.region));

  return {
    url,
    async connect(options = {}) {
      const valid = validateArguments(SonioxRealtimeConnectOptionsSchema, options);
      const apiKey = clientOptions.apiKey;
      if (apiKey === undefined) {
        throw new InvalidArgumentError({
          argument: 'apiKey',
          message:
            'is required for Soniox realtime: pass a key, or a function that fetches a temporary key from your server for each connection',
        });
      }
      const transport = resolveWebSocketTransport(
        { WebSocket: clientOptions.WebSocket, fetch: clientOptions.fetch },
        'Soniox',
      );
      const preference = valid.authentication ?? 'auto';
      // A forced method the runtime cannot use fails now, before a key is fetched.
      if (preference === 'header') chooseSonioxAuthentication('header', '', transport.headers);
      const sessionUrl = valid.url === undefined ? url : toWebSocketUrl(valid.url);

      const protocol: RealtimeProtocol = {
        provider: 'soniox',
        async connection({ headersSupported }) {
          const key = await resolveApiKey(apiKey, 'Soniox');
          if (key === undefined)
            throw new InvalidArgumentError({ argument: 'apiKey', message: 'is required' });
          const authentication = chooseSonioxAuthentication(preference, key, headersSupported);
          return {
            url: sessionUrl,
            protocols: authentication === 'subprotocol' ? [SONIOX_API_KEY_SUBPROTOCOL, key] : [],
            headers: {
              ...clientOptions.headers,
              ...(authentication === 'header' ? { Authorization: `Bearer ${key}` } : {}),
            },
            firstFrame: JSON.stringify(
              sonioxRealtimeConfigMessage(valid, authentication === 'message' ? key : undefined),
            ),
            authentication,
          };
        },
        createDecoder: createSonioxRealtimeDecoder,
        audio: sonioxRawAudioRate(valid),
        keepaliveFrame: JSON.stringify({ type: 'keepalive' }),
        endFrame: '',
        finalizeFrame: ({ trailingSilenceMs }) =>
          JSON.stringify(omitUndefined({ type: 'finalize', trailing_silence_ms: trailingSilenceMs })),
      };
      return openRealtimeSession({
        protocol,
        transport,
        options: resolveRealtimeSessionOptions(valid),
        metadata: (translation) => (translation.text === '' ? undefined : { soniox: { translation } }),
      });
    },
  };
}

/**
Connects a Soniox realtime session in one call: {@link createSonioxRealtime} with the client
options, then `connect` with the rest.

@example
```ts
import { connectSonioxRealtime } from 'scribekit/soniox';

const session = await connectSonioxRealtime({ apiKey: getTemporaryKey, audioFormat: 'auto' });
```
*/
export async function connectSonioxRealtime(
  options: SonioxRealtimeClientOptions & SonioxRealtimeConnectOptions,
): Promise<SonioxRealtimeSession> {
  const { apiKey, region, realtimeUrl, WebSocket, fetch, headers, ...connectOptions } = options;
  return createSonioxRealtime({ apiKey, region, realtimeUrl, WebSocket, fetch, headers }).connect(
    connectOptions,
  );
}
