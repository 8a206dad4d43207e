import {
  providerIds,
  type ProviderId,
  type TranscriptionProvider,
  type TranscriptionProviderSource,
} from '../../core/index.js';
import { createMistral } from '../../core/providers/mistral/index.js';
import { createScriptivox } from '../../core/providers/scriptivox/index.js';
import { createSoferAI } from '../../core/providers/soferai/index.js';
import { createSoniox } from '../../core/providers/soniox/index.js';
import { createXhrFetch } from '../controllers/xhr-fetch.js';

/** The providers `<scribe-upload provider="…">` can reach through the scribekit Worker. */
export const workerProviders: readonly ProviderId[] = providerIds;

/**
A client for `provider` behind the scribekit Worker at `endpoint` (its `/api` base), sending with
XMLHttpRequest so uploads report their progress. `undefined` for a provider not in
{@link workerProviders}.

The Worker holds the keys, so the clients carry none. Scriptivox's file upload is the one request
that does not go to `<endpoint>/scriptivox`: its bytes go to the presigned URL `POST /v1/upload`
answers with (the storage host, or the Worker's relay in sandbox mode).
*/
export function createProviderClient(
  provider: string,
  endpoint: string,
): TranscriptionProviderSource | undefined {
  const baseUrl = `${endpoint.replace(/\/+$/, '')}/${provider}`;
  switch (provider) {
    case 'soniox':
      return createSoniox({ baseUrl, fetch: createXhrFetch() });
    case 'soferai':
      return createSoferAI({ baseUrl, fetch: createXhrFetch() });
    case 'mistral':
      return createMistral({ baseUrl, fetch: createXhrFetch() });
    case 'scriptivox':
      return createScriptivox({ baseUrl, fetch: createXhrFetch() });
    default:
      return undefined;
  }
}

/** The provider behind a client, or the provider itself. */
export function toTranscriptionProvider(source: TranscriptionProviderSource): TranscriptionProvider {
  return 'transcriptionProvider' in source ? source.transcriptionProvider : source;
}
