import { createSampleRegistry, type SampleRegistry } from '../samples/sample-registry.js';
import { judgeKey, readBearerToken } from '../shared/api-key.js';
import { MemoryStore } from '../shared/memory-store.js';
import type { EmulatorContext, ProviderEmulator } from '../shared/provider-emulator.js';
import { createRouteTable } from '../shared/route-table.js';
import { sonioxErrors } from './soniox-errors.js';
import { sonioxFileRoutes, type SonioxStoredFile } from './soniox-files.js';
import { SONIOX_TEMPORARY_KEY_PREFIX, SonioxKeyStore } from './soniox-key-store.js';
import { sonioxModelRoutes } from './soniox-models.js';
import {
  createSonioxRealtimeEmulator,
  isSonioxRealtimeHost,
  SONIOX_REALTIME_HOSTS,
  type SonioxRealtimeEmulator,
} from './soniox-realtime.js';
import { sonioxTemporaryKeyRoutes } from './soniox-temporary-keys.js';
import type { SonioxJob } from './soniox-transcription.js';
import { sonioxTranscriptionRoutes } from './soniox-transcriptions.js';

/**
Soniox's REST hosts: US (default), EU and JP.

The realtime WebSocket hosts (`stt-rt.soniox.com`, `stt-rt.eu.soniox.com`, `stt-rt.jp.soniox.com`)
belong to this emulator too: `fetch` sends them to its realtime half (`soniox-realtime.ts`).
*/
export const SONIOX_REST_HOSTS = ['api.soniox.com', 'api.eu.soniox.com', 'api.jp.soniox.com'] as const;

/** What a Soniox emulator holds; one per sandbox, shared by all three regions as one account. */
export interface SonioxState {
  /** Uploaded files, with their bytes. */
  readonly files: MemoryStore<SonioxStoredFile>;
  /** Transcriptions. */
  readonly transcriptions: MemoryStore<SonioxJob>;
  /** Temporary keys minted by `POST /v1/auth/temporary-api-key`, for the realtime emulator to check. */
  readonly keys: SonioxKeyStore;
  /** The demo samples the emulator recognises. */
  readonly samples: SampleRegistry;
}

/** A fresh, empty {@link SonioxState}; `samples` defaults to the demo samples. */
export function createSonioxState(options: { samples?: SampleRegistry } = {}): SonioxState {
  return {
    files: new MemoryStore(),
    transcriptions: new MemoryStore(),
    keys: new SonioxKeyStore(),
    samples: options.samples ?? createSampleRegistry(),
  };
}

/**
Creates the Soniox emulator: `Authorization: Bearer <key>` on every endpoint, Soniox's `ApiError`
body on every failure.

A temporary key (`temp:…`) is refused on every REST endpoint with 401 `unauthenticated`: Soniox
issues them for the WebSocket APIs only. Whether Soniox answers 401 or 403 is unconfirmed; 401 is
what any other key it does not accept gets.

Pass `state` to keep a handle on it (a test, or the realtime half reading `state.keys`). The
realtime hosts (`stt-rt.*`) go to `realtime`, which shares `state`.
*/
export function createSonioxEmulator(
  context: EmulatorContext,
  state: SonioxState = createSonioxState(),
  realtime: SonioxRealtimeEmulator = createSonioxRealtimeEmulator(state, context.clock),
): ProviderEmulator {
  const { clock } = context;
  const table = createRouteTable(
    [
      ...sonioxModelRoutes(),
      ...sonioxFileRoutes(state.files, clock),
      ...sonioxTranscriptionRoutes({ ...state, clock }),
      ...sonioxTemporaryKeyRoutes(state.keys, clock),
    ],
    {
      authenticate: (request) => {
        const key = readBearerToken(request);
        const refused = judgeKey(key) !== 'accepted' || key?.startsWith(SONIOX_TEMPORARY_KEY_PREFIX) === true;
        return refused ? sonioxErrors.unauthenticated() : undefined;
      },
      notFound: () => sonioxErrors.notFound(),
      methodNotAllowed: () => sonioxErrors.methodNotAllowed(),
      internalError: () => sonioxErrors.internalError(),
    },
  );
  return {
    provider: 'soniox',
    hosts: [...SONIOX_REST_HOSTS, ...SONIOX_REALTIME_HOSTS],
    fetch: (request, url) =>
      isSonioxRealtimeHost(url.hostname) ? realtime.fetch(request) : table.handle(request, url),
  };
}
