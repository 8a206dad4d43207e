import { judgeKey, readBearerToken } from '../shared/api-key.js';
import { MemoryStore } from '../shared/memory-store.js';
import type { EmulatorContext, ProviderEmulator } from '../shared/provider-emulator.js';
import { createRouteTable } from '../shared/route-table.js';
import { sonioxErrors } from './soniox-errors.js';
import { sonioxFileRoutes, type SonioxFile } from './soniox-files.js';
import { sonioxModelRoutes } from './soniox-models.js';

/**
Soniox's REST hosts: US (default), EU and JP.

The realtime WebSocket hosts (`stt-rt.soniox.com`, `stt-rt.eu.soniox.com`, `stt-rt.jp.soniox.com`)
join this emulator with the realtime protocol; `fetch` will then dispatch on the host.
*/
export const SONIOX_REST_HOSTS = ['api.soniox.com', 'api.eu.soniox.com', 'api.jp.soniox.com'] as const;

/** What a Soniox emulator holds; one per sandbox, shared by all three regions as one account. */
export interface SonioxState {
  /** Uploaded files. */
  readonly files: MemoryStore<SonioxFile>;
}

/**
Creates the Soniox emulator: `Authorization: Bearer <key>` on every endpoint, Soniox's `ApiError`
body on every failure.
*/
export function createSonioxEmulator(_context: EmulatorContext): ProviderEmulator {
  const state: SonioxState = { files: new MemoryStore() };
  const table = createRouteTable([...sonioxModelRoutes(), ...sonioxFileRoutes(state.files)], {
    authenticate: (request) =>
      judgeKey(readBearerToken(request)) === 'accepted' ? undefined : sonioxErrors.unauthenticated(),
    notFound: () => sonioxErrors.notFound(),
    methodNotAllowed: () => sonioxErrors.methodNotAllowed(),
    internalError: () => sonioxErrors.internalError(),
  });
  return {
    provider: 'soniox',
    hosts: SONIOX_REST_HOSTS,
    fetch: (request, url) => table.handle(request, url),
  };
}
