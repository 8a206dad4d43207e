import { InvalidArgumentError } from '../../errors/index.js';
import { toWebSocketUrl } from '../../realtime/websocket-like.js';
import type { SonioxRealtime, SonioxRealtimeClientOptions } from './soniox-realtime.js';
import { sonioxRealtimeUrl } from './soniox-regions.js';

/**
`soniox.realtime` for `createSoniox`: the same API as `createSonioxRealtime`, whose code (the
session engine, reconnects, validation) is loaded on the first `connect()`, so a page that only
transcribes files never downloads it.
*/
export function lazySonioxRealtime(options: SonioxRealtimeClientOptions): SonioxRealtime {
  if (options.realtimeUrl !== undefined && !/^(wss?|https?):\/\/[^\s]+$/i.test(options.realtimeUrl)) {
    throw new InvalidArgumentError({
      argument: 'realtimeUrl',
      message: 'must be an absolute ws(s):// or http(s):// URL without spaces',
      value: options.realtimeUrl,
    });
  }
  let realtime: Promise<SonioxRealtime> | undefined;
  return {
    url: toWebSocketUrl(options.realtimeUrl ?? sonioxRealtimeUrl(options.region)),
    async connect(connectOptions) {
      realtime ??= import('./soniox-realtime.js').then((module) => module.createSonioxRealtime(options));
      return (await realtime).connect(connectOptions);
    },
  };
}
