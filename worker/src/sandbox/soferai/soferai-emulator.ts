import { judgeKey, readBearerToken } from '../shared/api-key.js';
import type { EmulatorContext, ProviderEmulator } from '../shared/provider-emulator.js';
import { createRouteTable } from '../shared/route-table.js';
import { soferaiAccountRoutes } from './soferai-account.js';
import { soferaiErrors } from './soferai-errors.js';

/** SoferAI's production host. */
export const SOFERAI_HOSTS = ['api.sofer.ai'] as const;

/**
Creates the SoferAI emulator: `Authorization: Bearer <key>` except on the public endpoints, and
paths matched exactly, trailing slash included. FastAPI would redirect a slash mismatch with 307;
the sandbox answers 404 instead, because following that redirect would leave the sandbox for the
real host.
*/
export function createSoferaiEmulator(_context: EmulatorContext): ProviderEmulator {
  const table = createRouteTable([...soferaiAccountRoutes()], {
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
  });
  return { provider: 'soferai', hosts: SOFERAI_HOSTS, fetch: (request, url) => table.handle(request, url) };
}
