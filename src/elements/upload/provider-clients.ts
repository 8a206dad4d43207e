import type { TranscriptionProvider, TranscriptionProviderSource } from '../../core/index.js';
import { createSoniox } from '../../core/providers/soniox/index.js';
import { createXhrFetch } from '../controllers/xhr-fetch.js';

/** The providers `<scribe-upload provider="…">` can reach through the scribekit Worker. */
export const workerProviders = ['soniox'] as const;

/**
A client for `provider` behind the scribekit Worker at `endpoint` (its `/api` base), sending with
XMLHttpRequest so uploads report their progress. `undefined` for a provider not in
{@link workerProviders}.
*/
export function createProviderClient(
  provider: string,
  endpoint: string,
): TranscriptionProviderSource | undefined {
  const baseUrl = `${endpoint.replace(/\/+$/, '')}/${provider}`;
  switch (provider) {
    case 'soniox':
      return createSoniox({ baseUrl, fetch: createXhrFetch() });
    default:
      return undefined;
  }
}

/** The provider behind a client, or the provider itself. */
export function toTranscriptionProvider(source: TranscriptionProviderSource): TranscriptionProvider {
  return 'transcriptionProvider' in source ? source.transcriptionProvider : source;
}
