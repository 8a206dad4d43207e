import { judgeKey } from '../shared/api-key.js';
import type { EmulatorContext, ProviderEmulator } from '../shared/provider-emulator.js';
import { createRouteTable } from '../shared/route-table.js';
import { scriptivoxBalanceRoutes } from './scriptivox-balance.js';
import { scriptivoxErrors } from './scriptivox-errors.js';

/** Scriptivox's API host. */
export const SCRIPTIVOX_HOSTS = ['api.scriptivox.com'] as const;

/**
The key a Scriptivox request carries: the raw key in `Authorization` (what the quickstart sends),
the same with a `Bearer ` prefix, or `X-Api-Key`.
*/
export function readScriptivoxKey(request: Request): string | undefined {
  const authorization = request.headers.get('authorization')?.trim();
  if (authorization !== undefined && authorization !== '') {
    return authorization.replace(/^bearer[ \t]+/i, '').trim() || undefined;
  }
  return request.headers.get('x-api-key')?.trim() || undefined;
}

/**
Creates the Scriptivox emulator. Paths are routed before the key is checked, so an unknown path
is 404 and a wrong method 405 (with `Allow`) even without a key; Scriptivox does not say which
comes first.
*/
export function createScriptivoxEmulator(context: EmulatorContext): ProviderEmulator {
  const table = createRouteTable([...scriptivoxBalanceRoutes(context.clock)], {
    authenticate: (request) => {
      const verdict = judgeKey(readScriptivoxKey(request));
      if (verdict === 'missing') {
        return scriptivoxErrors.missingKey();
      }
      return verdict === 'rejected' ? scriptivoxErrors.invalidKey() : undefined;
    },
    notFound: () => scriptivoxErrors.notFound(),
    methodNotAllowed: (request) => scriptivoxErrors.methodNotAllowed(request.method),
    internalError: () => scriptivoxErrors.internalError(),
  });
  return {
    provider: 'scriptivox',
    hosts: SCRIPTIVOX_HOSTS,
    fetch: (request, url) => table.handle(request, url),
  };
}
