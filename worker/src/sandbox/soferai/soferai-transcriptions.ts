import type { JobClock } from '../shared/job-clock.js';
import { jsonResponse } from '../shared/json-response.js';
import type { Route } from '../shared/route-table.js';
import { resolveAudio } from './soferai-audio.js';
import { soferaiErrors } from './soferai-errors.js';
import { infoView, jobStatus, jobTranscript, type SoferaiJob } from './soferai-job.js';
import { createJob, parseSettings, SOFERAI_WORD_FORMATS, speakerConflict } from './soferai-request.js';
import type { SoferaiState } from './soferai-state.js';
import {
  checkEnum,
  checkString,
  INVALID,
  Issues,
  pathUuid,
  readJsonObject,
  requirePresent,
} from './soferai-validation.js';

/** Find a transcription by a path id: the job, or the 422 / 404 to send. */
export function findJob(state: SoferaiState, rawId: string): SoferaiJob | Response {
  const id = pathUuid(rawId, 'transcription_id');
  if (id instanceof Response) return id;
  return state.transcriptions.get(id) ?? soferaiErrors.transcriptionNotFound();
}

/**
`POST /v1/transcriptions/` (create), `GET /v1/transcriptions/` (list),
`GET /v1/transcriptions/{id}/status` and `GET /v1/transcriptions/{id}`.

A job is RECEIVED, then PROCESSING (when `duration` appears), then COMPLETED or FAILED over the
sandbox's job delays; audio the sandbox cannot decode, or an `audio_url` on `unreachable.invalid`,
ends FAILED. Create answers the bare JSON string id, as SoferAI does.

UNCONFIRMED, the sandbox's choices: create answers 200; a caller-chosen `info.id` already in use
is 409; before COMPLETED (and after FAILED) a transcription's `text` is empty and `timestamps`
null; the list is oldest first; `filter_hebrew_word_format` re-renders the Hebrew terms of English
speech in that one form and leaves Hebrew or Yiddish transcripts as they are.
*/
export function soferaiTranscriptionRoutes(state: SoferaiState, clock: JobClock): Route[] {
  return [
    {
      method: 'POST',
      path: '/v1/transcriptions/',
      handler: async ({ request }) => {
        const read = await readJsonObject(request);
        if (!read.ok) return read.response;
        const { body } = read;
        const issues = new Issues();
        const settings = requirePresent(body, 'info', ['body'], issues)
          ? parseSettings(body['info'], ['body', 'info'], issues)
          : undefined;
        const audioUrl = checkString(body['audio_url'], ['body', 'audio_url'], issues);
        const audioFile = checkString(body['audio_file'], ['body', 'audio_file'], issues);
        if (!issues.empty || settings === undefined || audioUrl === INVALID || audioFile === INVALID) {
          return issues.response();
        }
        const conflict = speakerConflict(settings);
        if (conflict !== undefined) return soferaiErrors.badRequest(conflict);
        if (settings.id !== null && state.transcriptions.has(settings.id)) {
          return soferaiErrors.transcriptionExists();
        }
        const audio = await resolveAudio(audioUrl, audioFile, state.samples);
        if (!audio.ok) return soferaiErrors.badRequest(audio.detail);
        const job = createJob(state, clock, {
          id: settings.id ?? undefined,
          settings,
          title: settings.title ?? 'Untitled',
          audio: audio.audio,
          clientItemId: null,
          standardBatch: false,
        });
        return jsonResponse(job.id);
      },
    },
    {
      method: 'GET',
      path: '/v1/transcriptions/',
      handler: () =>
        jsonResponse(
          state.transcriptions
            .values()
            .map((job) => ({ id: job.id, title: job.title, status: jobStatus(job, clock) })),
        ),
    },
    {
      method: 'GET',
      path: '/v1/transcriptions/:transcription_id/status',
      handler: ({ params }) => {
        const job = findJob(state, params['transcription_id'] ?? '');
        return job instanceof Response ? job : jsonResponse(infoView(job, clock));
      },
    },
    {
      method: 'GET',
      path: '/v1/transcriptions/:transcription_id',
      handler: ({ params, url }) => {
        const job = findJob(state, params['transcription_id'] ?? '');
        if (job instanceof Response) return job;
        const issues = new Issues();
        const filter = checkEnum(
          url.searchParams.get('filter_hebrew_word_format'),
          ['query', 'filter_hebrew_word_format'],
          issues,
          SOFERAI_WORD_FORMATS,
        );
        if (filter === INVALID) return issues.response();
        // Hebrew and Yiddish transcripts are in Hebrew letters throughout: nothing to filter.
        const hebrewScript = job.primaryLanguage === 'he' || job.primaryLanguage === 'yi';
        const formats = filter === null || hebrewScript ? job.hebrewWordFormat : [filter];
        const transcript = jobTranscript(job, clock, formats);
        return jsonResponse({
          text: transcript?.text ?? '',
          timestamps: transcript?.timestamps ?? null,
          info: infoView(job, clock),
        });
      },
    },
  ];
}
