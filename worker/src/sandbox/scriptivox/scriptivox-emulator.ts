import { createSampleRegistry, type SampleRegistry } from '../samples/sample-registry.js';
import { judgeKey } from '../shared/api-key.js';
import { MemoryStore } from '../shared/memory-store.js';
import type { EmulatorContext, ProviderEmulator } from '../shared/provider-emulator.js';
import { createRouteTable } from '../shared/route-table.js';
import { readScriptivoxKey } from './scriptivox-api-key.js';
import { scriptivoxBalanceRoutes } from './scriptivox-balance.js';
import { scriptivoxErrors } from './scriptivox-errors.js';
import { IdempotencyStore } from './scriptivox-idempotency.js';
import type { ScriptivoxJob } from './scriptivox-job.js';
import { scriptivoxLedger } from './scriptivox-ledger.js';
import { scriptivoxListRoutes } from './scriptivox-list.js';
import { handleStorageRequest, SCRIPTIVOX_STORAGE_HOST } from './scriptivox-storage.js';
import { scriptivoxTranscriptionRoutes } from './scriptivox-transcriptions.js';
import { scriptivoxUploadRoutes, type ScriptivoxUpload } from './scriptivox-uploads.js';
import { deliverDueWebhooks, type DeliverWebhook } from './scriptivox-webhooks.js';

export { readScriptivoxKey } from './scriptivox-api-key.js';

/** Scriptivox's API host, and the storage host its presigned upload URLs point at. */
export const SCRIPTIVOX_HOSTS = ['api.scriptivox.com', SCRIPTIVOX_STORAGE_HOST] as const;

/** What a Scriptivox emulator may be given. */
export interface ScriptivoxEmulatorOptions {
  /** Delivers the signed webhooks of jobs that have a `webhook_url`. Default: none are sent. */
  readonly deliverWebhook?: DeliverWebhook | undefined;
  /** The demo samples it recognises. Default: the demo samples. */
  readonly samples?: SampleRegistry | undefined;
}

/**
Creates the Scriptivox emulator: jobs from a URL or the three-step upload, exports, the job list,
the balance with reservations and charges, idempotent creation, and signed webhooks.

Paths are routed before the key is checked, so an unknown path is 404 and a wrong method 405
(with `Allow`) even without a key; Scriptivox does not say which comes first. The storage host
takes no key: its URLs are presigned. Webhooks that have come due go out before each request is
answered.
*/
export function createScriptivoxEmulator(
  context: EmulatorContext,
  options: ScriptivoxEmulatorOptions = {},
): ProviderEmulator {
  const { clock } = context;
  const jobs = new MemoryStore<ScriptivoxJob>();
  const uploads = new MemoryStore<ScriptivoxUpload>();
  const table = createRouteTable(
    [
      ...scriptivoxBalanceRoutes(clock, () => scriptivoxLedger(jobs, clock)),
      ...scriptivoxUploadRoutes(uploads, clock),
      ...scriptivoxTranscriptionRoutes({
        jobs,
        uploads,
        idempotency: new IdempotencyStore(),
        samples: options.samples ?? createSampleRegistry(),
        clock,
      }),
      ...scriptivoxListRoutes(jobs, clock),
    ],
    {
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
    },
  );
  return {
    provider: 'scriptivox',
    hosts: SCRIPTIVOX_HOSTS,
    async fetch(request, url) {
      await deliverDueWebhooks(jobs, clock, options.deliverWebhook);
      if (url.hostname.toLowerCase().replace(/\.$/, '') === SCRIPTIVOX_STORAGE_HOST) {
        return handleStorageRequest(request, url, uploads, clock);
      }
      return table.handle(request, url);
    },
  };
}
