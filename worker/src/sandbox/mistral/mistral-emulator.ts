import { judgeKey, readBearerToken } from '../shared/api-key.js';
import type { EmulatorContext, ProviderEmulator } from '../shared/provider-emulator.js';
import { createRouteTable, type Route } from '../shared/route-table.js';
import { mistralErrors } from './mistral-errors.js';

/** Mistral's global and regional API hosts. */
export const MISTRAL_HOSTS = ['api.mistral.ai', 'api.eu.mistral.ai', 'api.us.mistral.ai'] as const;

/**
The key a Mistral request carries: `Authorization: Bearer <key>`, or `x-api-key`, which several of
Mistral's own transcription curl samples send instead (whether every endpoint takes it is
unconfirmed).
*/
function readMistralKey(request: Request): string | undefined {
  return readBearerToken(request) ?? (request.headers.get('x-api-key')?.trim() || undefined);
}

/**
Creates the Mistral emulator. Its endpoints (`/v1/audio/transcriptions`, `/v1/files`, …) arrive
with later issues; until then every path is 404 for an authenticated request.

The key is checked before routing, as an API gateway in front of the service does, so a request
without a valid key gets 401 whatever its path.
*/
export function createMistralEmulator(_context: EmulatorContext): ProviderEmulator {
  const routes: Route[] = [];
  const table = createRouteTable(routes, {
    authenticateFirst: true,
    authenticate: (request) =>
      judgeKey(readMistralKey(request)) === 'accepted' ? undefined : mistralErrors.unauthorized(),
    notFound: () => mistralErrors.notFound(),
    methodNotAllowed: () => mistralErrors.methodNotAllowed(),
    internalError: () => mistralErrors.internalError(),
  });
  return { provider: 'mistral', hosts: MISTRAL_HOSTS, fetch: (request, url) => table.handle(request, url) };
}
