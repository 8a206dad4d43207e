import { identifyAudioBytes, identifyAudioUrl, type AudioIdentity } from '../samples/identify-audio.js';
import type { SampleRegistry } from '../samples/sample-registry.js';
import { paginate, parseLimit } from '../shared/cursor-pagination.js';
import type { JobClock } from '../shared/job-clock.js';
import { emptyResponse, jsonResponse } from '../shared/json-response.js';
import type { MemoryStore } from '../shared/memory-store.js';
import type { Route } from '../shared/route-table.js';
import { sonioxErrors } from './soniox-errors.js';
import { invalidPathId, SONIOX_LIST_LIMIT, type SonioxStoredFile } from './soniox-files.js';
import { parseCreateTranscription } from './soniox-transcription-payload.js';
import { jobStatus, jobTranscript, transcriptionView, type SonioxJob } from './soniox-transcription.js';
import { canonicalUuid, readJsonPayload } from './soniox-validation.js';

/** At most this many transcriptions may be queued or processing at once. */
export const SONIOX_MAX_PENDING_TRANSCRIPTIONS = 100;

/** At most this many transcriptions may exist, whatever their status. */
export const SONIOX_MAX_TRANSCRIPTIONS = 2000;

/** What the transcription endpoints work on. */
export interface SonioxTranscriptionDeps {
  /** Uploaded files, read by `file_id`. */
  readonly files: MemoryStore<SonioxStoredFile>;
  /** The transcriptions. */
  readonly transcriptions: MemoryStore<SonioxJob>;
  /** The demo samples the sandbox recognises. */
  readonly samples: SampleRegistry;
  /** Time, and how long jobs take. */
  readonly clock: JobClock;
}

/**
The transcription endpoints: create, list (oldest first, cursor pages), count, get, delete and
the transcript.

A job is `queued`, then `processing` (when `audio_duration_ms` appears), then `completed`, over
the sandbox's job delays. Audio is judged when the job is created but the verdict shows only at
the end: bytes that are not audio, and an `audio_url` on host `unreachable.invalid`, end in `error`.
An uploaded demo sample (by hash) or an `audio_url` ending in a sample's file name gives its known
words; other audio gives placeholder words over its probed duration (10 s for an unknown URL).

Unconfirmed choices: an unknown `file_id` is 404 `file_not_found` (the error type Soniox uses for
files everywhere else); going over the pending (100) or total (2000) quota is 429 `limit_exceeded`
with the sandbox's own message; only a `processing` job refuses deletion (409), as the OpenAPI
describes; deleting a transcription keeps its uploaded file.
*/
export function sonioxTranscriptionRoutes(deps: SonioxTranscriptionDeps): Route[] {
  const { files, transcriptions, samples, clock } = deps;

  const findJob = (rawId: string): SonioxJob | Response => {
    const id = canonicalUuid(rawId);
    if (id === undefined) {
      return invalidPathId('transcription_id', rawId);
    }
    return transcriptions.get(id) ?? sonioxErrors.transcriptionNotFound();
  };

  return [
    {
      method: 'POST',
      path: '/v1/transcriptions',
      handler: async ({ request }) => {
        const body = await readJsonPayload(request);
        if (!body.ok) {
          return sonioxErrors.invalidRequest(body.errors);
        }
        const parsed = parseCreateTranscription(body.payload);
        if (!parsed.ok) {
          return sonioxErrors.invalidRequest(parsed.errors);
        }
        const payload = parsed.request;
        const stored = payload.file_id === null ? undefined : files.get(payload.file_id);
        if (payload.file_id !== null && stored === undefined) {
          return sonioxErrors.fileNotFound();
        }
        const pending = transcriptions.values().filter((job) => {
          const status = jobStatus(job, clock);
          return status === 'queued' || status === 'processing';
        }).length;
        if (pending >= SONIOX_MAX_PENDING_TRANSCRIPTIONS) {
          return sonioxErrors.limitExceeded(
            `Maximum number of pending transcriptions (${SONIOX_MAX_PENDING_TRANSCRIPTIONS}) reached. Wait for some to finish.`,
          );
        }
        if (transcriptions.size >= SONIOX_MAX_TRANSCRIPTIONS) {
          return sonioxErrors.limitExceeded(
            `Maximum number of transcriptions (${SONIOX_MAX_TRANSCRIPTIONS}) reached. Delete old transcriptions.`,
          );
        }
        const audioUrl = payload.audio_url ?? '';
        const audio: AudioIdentity =
          stored === undefined
            ? identifyAudioUrl(audioUrl, samples)
            : await identifyAudioBytes(stored.bytes, samples);
        const filename = stored === undefined ? urlFilename(audioUrl) : stored.file.filename;
        const job = transcriptions.create((id) => ({
          id,
          createdAtMs: clock.now(),
          request: payload,
          filename,
          audio,
        }));
        return jsonResponse(transcriptionView(job, clock), 201);
      },
    },
    {
      method: 'GET',
      path: '/v1/transcriptions',
      handler: ({ url }) => {
        const limit = parseLimit(url.searchParams.get('limit'), SONIOX_LIST_LIMIT);
        if (!limit.ok) {
          return sonioxErrors.invalidLimit(limit.issue);
        }
        const page = paginate(transcriptions, {
          scope: 'soniox.transcriptions',
          limit: limit.limit,
          cursor: url.searchParams.get('cursor'),
        });
        if (!page.ok) {
          return sonioxErrors.invalidCursor();
        }
        return jsonResponse({
          transcriptions: page.items.map((job) => transcriptionView(job, clock)),
          next_page_cursor: page.nextCursor,
        });
      },
    },
    {
      method: 'GET',
      path: '/v1/transcriptions/count',
      handler: () =>
        jsonResponse({ total: transcriptions.size, public_api: transcriptions.size, playground: 0 }),
    },
    {
      method: 'GET',
      path: '/v1/transcriptions/:transcription_id',
      handler: ({ params }) => {
        const job = findJob(params['transcription_id'] ?? '');
        return job instanceof Response ? job : jsonResponse(transcriptionView(job, clock));
      },
    },
    {
      method: 'DELETE',
      path: '/v1/transcriptions/:transcription_id',
      handler: ({ params }) => {
        const job = findJob(params['transcription_id'] ?? '');
        if (job instanceof Response) {
          return job;
        }
        if (jobStatus(job, clock) === 'processing') {
          return sonioxErrors.transcriptionInvalidState(
            'Cannot delete transcription with processing status.',
          );
        }
        transcriptions.delete(job.id);
        return emptyResponse(204);
      },
    },
    {
      method: 'GET',
      path: '/v1/transcriptions/:transcription_id/transcript',
      handler: ({ params }) => {
        const job = findJob(params['transcription_id'] ?? '');
        if (job instanceof Response) {
          return job;
        }
        const status = jobStatus(job, clock);
        if (status === 'error') {
          return sonioxErrors.transcriptionInvalidState('File transcription has failed.');
        }
        const transcript = status === 'completed' ? jobTranscript(job) : undefined;
        if (transcript === undefined) {
          return sonioxErrors.transcriptionInvalidState('Can only get transcript with completed status.');
        }
        return jsonResponse(transcript);
      },
    },
  ];
}

// The name Soniox shows for a URL's audio: the last path segment, else the host.
function urlFilename(audioUrl: string): string {
  try {
    const url = new URL(audioUrl);
    const last = url.pathname
      .split('/')
      .filter((segment) => segment !== '')
      .at(-1);
    if (last === undefined) {
      return url.hostname;
    }
    try {
      return decodeURIComponent(last);
    } catch {
      return last;
    }
  } catch {
    return audioUrl;
  }
}
