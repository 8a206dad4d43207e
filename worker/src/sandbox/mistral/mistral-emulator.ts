import { createSampleRegistry, type SampleRegistry } from '../samples/sample-registry.js';
import { judgeKey, readBearerToken } from '../shared/api-key.js';
import { MemoryStore } from '../shared/memory-store.js';
import type { EmulatorContext, ProviderEmulator } from '../shared/provider-emulator.js';
import { createRouteTable } from '../shared/route-table.js';
import { mistralErrors } from './mistral-errors.js';
import { mistralFileRoutes, resolveSignedUrl, type MistralStoredFile } from './mistral-files.js';
import { MISTRAL_STREAM_EVENT_DELAY_MS } from './mistral-sse.js';
import { mistralTranscriptionRoutes } from './mistral-transcriptions.js';

/** Mistral's global and regional API hosts. */
export const MISTRAL_HOSTS = ['api.mistral.ai', 'api.eu.mistral.ai', 'api.us.mistral.ai'] as const;

/** What a Mistral emulator may be tuned with. */
export interface MistralEmulatorOptions {
  /** Wait between two events of a streamed transcription, in ms. Default 40; tests pass 0. */
  readonly streamEventDelayMs?: number | undefined;
  /** The demo samples it recognises. Default: the demo samples. */
  readonly samples?: SampleRegistry | undefined;
}

/**
The key a Mistral request carries: `Authorization: Bearer <key>`, or `x-api-key`, which several of
Mistral's own transcription curl samples send instead (whether every endpoint takes it is
unconfirmed).
*/
function readMistralKey(request: Request): string | undefined {
  return readBearerToken(request) ?? (request.headers.get('x-api-key')?.trim() || undefined);
}

/**
Creates the Mistral emulator: `POST /v1/audio/transcriptions` (whole or streamed), and the file
endpoints it uses (upload, signed URL, delete). All three regional hosts share one account.

The key is checked before routing, as an API gateway in front of the service does, so a request
without a valid key gets 401 whatever its path. The one exception is a signed URL from
`GET /v1/files/{id}/url`, which is meant to be fetched without a key.
*/
export function createMistralEmulator(
  context: EmulatorContext,
  options: MistralEmulatorOptions = {},
): ProviderEmulator {
  const { clock } = context;
  const delay = options.streamEventDelayMs ?? MISTRAL_STREAM_EVENT_DELAY_MS;
  if (!Number.isFinite(delay) || delay < 0) {
    throw new RangeError(
      `Mistral sandbox streamEventDelayMs must be a finite number of milliseconds ≥ 0, got ${delay}.`,
    );
  }
  const files = new MemoryStore<MistralStoredFile>();
  const table = createRouteTable(
    [
      ...mistralTranscriptionRoutes({
        files,
        samples: options.samples ?? createSampleRegistry(),
        clock,
        hosts: MISTRAL_HOSTS,
        streamEventDelayMs: delay,
      }),
      ...mistralFileRoutes(files, clock),
    ],
    {
      authenticateFirst: true,
      authenticate: (request) =>
        judgeKey(readMistralKey(request)) === 'accepted' ? undefined : mistralErrors.unauthorized(),
      notFound: () => mistralErrors.notFound(),
      methodNotAllowed: () => mistralErrors.methodNotAllowed(),
      internalError: () => mistralErrors.internalError(),
    },
  );
  return {
    provider: 'mistral',
    hosts: MISTRAL_HOSTS,
    async fetch(request, url) {
      if (request.method === 'GET' && url.searchParams.has('signature')) {
        const signed = resolveSignedUrl(files, MISTRAL_HOSTS, url.toString(), clock.now());
        if (signed !== undefined) {
          return new Response(signed.bytes, {
            headers: { 'content-type': signed.file.mimetype ?? 'application/octet-stream' },
          });
        }
      }
      return table.handle(request, url);
    },
  };
}
