import { InvalidArgumentError, UnsupportedFeatureError } from '../../errors/index.js';
import type { RealtimeAuthentication } from '../../realtime/realtime-part.js';
import type { SonioxRealtimeAuthentication } from './soniox-realtime-options.js';

/** The subprotocol that announces a key in the next protocol entry (reference/soniox.md §4.2). */
export const SONIOX_API_KEY_SUBPROTOCOL = 'soniox-api-key';

// RFC 6455 subprotocols are RFC 7230 tokens: a browser's WebSocket constructor throws on anything
// else, such as the colon of the legacy `temp:…` temporary keys.
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Whether `key` may travel as a WebSocket subprotocol. */
export function isSubprotocolToken(key: string): boolean {
  return token.test(key);
}

/**
Decides how the key of one connection is sent.

`auto` prefers the `Authorization` header where the transport can send headers (Node's `ws`, a
Workers `fetch` upgrade), then the `soniox-api-key` subprotocol when the key is a valid token
(temporary keys in browsers), and falls back to the deprecated `api_key` field of the first
message, which Soniox refuses from 2027-01-15. A forced method that cannot work throws.
*/
export function chooseSonioxAuthentication(
  preference: SonioxRealtimeAuthentication,
  key: string,
  headersSupported: boolean,
): RealtimeAuthentication {
  switch (preference) {
    case 'header':
      if (!headersSupported) {
        throw new UnsupportedFeatureError({
          provider: 'soniox',
          feature: 'realtime header authentication',
          message:
            'Soniox realtime: this WebSocket cannot send an Authorization header (a browser WebSocket never can); use authentication "subprotocol" with a temporary key, or pass Node\'s `ws` as `WebSocket`',
        });
      }
      return 'header';
    case 'subprotocol':
      if (!isSubprotocolToken(key)) {
        throw new InvalidArgumentError({
          argument: 'apiKey',
          message:
            'cannot be sent as a WebSocket subprotocol: it has characters outside the RFC 7230 token set (a legacy "temp:" key has a colon); use authentication "message" or "auto"',
        });
      }
      return 'subprotocol';
    case 'message':
      return 'message';
    case 'auto':
      if (headersSupported) return 'header';
      return isSubprotocolToken(key) ? 'subprotocol' : 'message';
  }
}
