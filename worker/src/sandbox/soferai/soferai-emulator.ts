import { judgeKey, readBearerToken } from '../shared/api-key.js';
import type { EmulatorContext, ProviderEmulator } from '../shared/provider-emulator.js';
import { createRouteTable } from '../shared/route-table.js';
import { soferaiAccountRoutes } from './soferai-account.js';
import { soferaiBatchRoutes } from './soferai-batches.js';
import { soferaiCategoryRoutes } from './soferai-categories.js';
import { soferaiDurationRoutes } from './soferai-duration.js';
import { soferaiErrors } from './soferai-errors.js';
import { soferaiLinkRoutes } from './soferai-links.js';
import { soferaiOutlineRoutes } from './soferai-outline.js';
import { createSoferaiState, type SoferaiState } from './soferai-state.js';
import { soferaiTranscriptionRoutes } from './soferai-transcriptions.js';

/** SoferAI's production host. */
export const SOFERAI_HOSTS = ['api.sofer.ai'] as const;

/**
Creates the SoferAI emulator: `Authorization: Bearer <key>` except on the public endpoints
(health and link), and paths matched exactly, trailing slash included. FastAPI would redirect a
slash mismatch with 307; the sandbox answers 404 instead, because following that redirect would
leave the sandbox for the real host.

Pass `state` to keep a handle on it, or to fund the account differently (`createSoferaiState`).
*/
export function createSoferaiEmulator(
  context: EmulatorContext,
  state: SoferaiState = createSoferaiState(),
): ProviderEmulator {
  const { clock } = context;
  const table = createRouteTable(
    [
      ...soferaiAccountRoutes(state, clock),
      ...soferaiTranscriptionRoutes(state, clock),
      ...soferaiBatchRoutes(state, clock),
      ...soferaiCategoryRoutes(state, clock),
      ...soferaiLinkRoutes(),
      ...soferaiOutlineRoutes(state, clock),
      ...soferaiDurationRoutes(state),
    ],
    {
      authenticate: (request) => {
        const verdict = judgeKey(readBearerToken(request));
        if (verdict === 'missing') {
          return soferaiErrors.notAuthenticated();
        }
        return verdict === 'rejected' ? soferaiErrors.invalidKey() : undefined;
      },
      notFound: () => soferaiErrors.notFound(),
      methodNotAllowed: () => soferaiErrors.methodNotAllowed(),
      internalError: () => soferaiErrors.internalError(),
    },
  );
  return { provider: 'soferai', hosts: SOFERAI_HOSTS, fetch: (request, url) => table.handle(request, url) };
}
