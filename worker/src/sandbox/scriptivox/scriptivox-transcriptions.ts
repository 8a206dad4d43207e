import { identifyAudioBytes, identifyAudioUrl, type AudioIdentity } from '../samples/identify-audio.js';
import type { SampleRegistry } from '../samples/sample-registry.js';
import type { JobClock } from '../shared/job-clock.js';
import { emptyResponse, jsonResponse } from '../shared/json-response.js';
import type { MemoryStore } from '../shared/memory-store.js';
import type { Route } from '../shared/route-table.js';
import { hashScriptivoxKey, readScriptivoxKey } from './scriptivox-api-key.js';
import {
  scriptivoxError,
  scriptivoxInvalidRequest,
  scriptivoxTranscriptionNotFound,
} from './scriptivox-errors.js';
import { EXPORT_CONTENT_TYPES, exportResult, type ScriptivoxExportFormat } from './scriptivox-exports.js';
import { fingerprintOf, type IdempotencyStore } from './scriptivox-idempotency.js';
import { costCents, isInFlight, jobState, type ScriptivoxJob } from './scriptivox-job.js';
import { jobResult } from './scriptivox-result.js';
import { SCRIPTIVOX_UPLOAD_TTL_MS, type ScriptivoxUpload } from './scriptivox-uploads.js';
import { parseTranscribeRequest, readJsonBody } from './scriptivox-validation.js';
import { transcriptionBody } from './scriptivox-view.js';

/** What the job endpoints work on. */
export interface ScriptivoxTranscriptionDeps {
  readonly jobs: MemoryStore<ScriptivoxJob>;
  readonly uploads: MemoryStore<ScriptivoxUpload>;
  readonly idempotency: IdempotencyStore;
  readonly samples: SampleRegistry;
  readonly clock: JobClock;
}

/**
The job endpoints: `POST /v1/transcribe` (with `Idempotency-Key`), `GET /v1/transcribe/{id}` (and
its `?format=srt|vtt|text` exports), `POST /v1/transcribe/{id}/cancel` and `DELETE /v1/transcribe/{id}`.

A job moves `created` → `downloading` (URL) or `pending` (upload) → `processing` → `completed`
over the sandbox's job delays. An unreachable URL (host `unreachable.invalid`), bytes that are not
audio, audio under 1 s or over 10 h fail when processing would start. Cancel is idempotent and
releases the reservation; on a finished job it is 409 `CONFLICT` (except a cancelled one, where it
repeats). Delete is a soft delete, idempotent, and 409 `CONFLICT` while the job runs. An export
before completion is 409 `CONFLICT` (the sandbox's choice; Scriptivox does not say).
*/
export function scriptivoxTranscriptionRoutes(deps: ScriptivoxTranscriptionDeps): Route[] {
  const { jobs, uploads, idempotency, samples, clock } = deps;
  const findJob = (id: string): ScriptivoxJob | undefined => {
    const job = jobs.get(id);
    return job === undefined || job.deletedAtMs !== null ? undefined : job;
  };

  return [
    {
      method: 'POST',
      path: '/v1/transcribe',
      handler: async ({ request }) => {
        const key = request.headers.get('idempotency-key');
        if (key !== null && (key.trim() === '' || key.length > 255)) {
          void request.body?.cancel().catch(() => {});
          return scriptivoxInvalidRequest('Idempotency-Key must be 1 to 255 characters.');
        }
        const body = await readJsonBody(request);
        if (!body.ok) {
          return body.response;
        }
        if (key !== null) {
          const verdict = idempotency.begin(key, fingerprintOf(body.value));
          if (verdict.kind === 'replay') {
            return jsonResponse(verdict.body, 200, { 'idempotent-replay': 'true' });
          }
          if (verdict.kind === 'conflict') {
            return scriptivoxError(
              422,
              'IDEMPOTENCY_KEY_CONFLICT',
              'This Idempotency-Key was used with a different request body.',
            );
          }
          if (verdict.kind === 'locked') {
            return scriptivoxError(
              409,
              'IDEMPOTENCY_KEY_LOCKED',
              'A request with this Idempotency-Key is still in progress.',
            );
          }
        }
        try {
          const created = await createJob(request, body.value);
          if (created instanceof Response) {
            if (key !== null) idempotency.release(key);
            return created;
          }
          if (key !== null) idempotency.complete(key, created);
          return jsonResponse(created);
        } catch (error) {
          if (key !== null) idempotency.release(key);
          throw error;
        }
      },
    },
    {
      method: 'GET',
      path: '/v1/transcribe/:id',
      handler: ({ params, url }) => {
        const job = findJob(params['id'] ?? '');
        if (job === undefined) {
          return scriptivoxTranscriptionNotFound();
        }
        const format = url.searchParams.get('format');
        return format === null
          ? jsonResponse(transcriptionBody(job, clock, { withResult: true }))
          : exportJob(job, format, url);
      },
    },
    {
      method: 'POST',
      path: '/v1/transcribe/:id/cancel',
      handler: ({ params }) => {
        const job = findJob(params['id'] ?? '');
        if (job === undefined) {
          return scriptivoxTranscriptionNotFound();
        }
        const state = jobState(job, clock);
        const alreadyCancelled = job.cancelledAtMs !== null;
        if (!alreadyCancelled && !isInFlight(state.status)) {
          return scriptivoxError(
            409,
            'CONFLICT',
            `The transcription is already ${state.status} and cannot be cancelled.`,
          );
        }
        const released =
          !alreadyCancelled && state.status === 'processing' && state.durationSeconds !== null
            ? costCents(state.durationSeconds)
            : 0;
        const cancelled = alreadyCancelled
          ? job
          : (jobs.update(job.id, (current) => ({ ...current, cancelledAtMs: clock.now() })) ?? job);
        return jsonResponse({
          id: cancelled.id,
          status: 'failed',
          error: jobState(cancelled, clock).error,
          released_cents: released,
        });
      },
    },
    {
      method: 'DELETE',
      path: '/v1/transcribe/:id',
      handler: ({ params }) => {
        const job = jobs.get(params['id'] ?? '');
        if (job === undefined) {
          return scriptivoxTranscriptionNotFound();
        }
        if (job.deletedAtMs === null) {
          if (isInFlight(jobState(job, clock).status)) {
            return scriptivoxError(
              409,
              'CONFLICT',
              'The transcription is still in progress: cancel it first.',
            );
          }
          jobs.update(job.id, (current) => ({ ...current, deletedAtMs: clock.now() }));
        }
        return emptyResponse(204);
      },
    },
  ];

  async function createJob(
    request: Request,
    body: unknown,
  ): Promise<{ id: string; status: 'created'; message: string } | Response> {
    const parsed = parseTranscribeRequest(body);
    if (!parsed.ok) {
      return parsed.response;
    }
    const jobRequest = parsed.request;
    let upload: ScriptivoxUpload | undefined;
    if (jobRequest.uploadId !== null) {
      upload = uploads.get(jobRequest.uploadId);
      const refusal = uploadRefusal(upload);
      if (refusal !== undefined) {
        return refusal;
      }
    }
    // The key was checked by the route table; only its hash is kept.
    const keyHash = await hashScriptivoxKey(readScriptivoxKey(request) ?? '');
    const audio: AudioIdentity =
      upload?.bytes === null || upload?.bytes === undefined
        ? identifyAudioUrl(jobRequest.url ?? '', samples)
        : await identifyAudioBytes(upload.bytes, samples);
    const job = jobs.create((id) => ({
      id,
      createdAtMs: clock.now(),
      request: jobRequest,
      fileSizeBytes: upload?.bytes?.byteLength ?? null,
      audio,
      keyHash,
      cancelledAtMs: null,
      deletedAtMs: null,
      webhooksSent: new Set(),
    }));
    if (upload !== undefined) {
      uploads.update(upload.id, (current) => ({ ...current, usedBy: job.id }));
    }
    return {
      id: job.id,
      status: 'created',
      message:
        'Transcription created. The file will be fetched and processed; poll GET /v1/transcribe/{id} for updates.',
    };
  }

  function uploadRefusal(upload: ScriptivoxUpload | undefined): Response | undefined {
    if (upload === undefined) {
      return scriptivoxError(404, 'UPLOAD_NOT_FOUND', 'Upload not found.');
    }
    if (upload.usedBy !== null) {
      return scriptivoxError(
        400,
        'UPLOAD_ALREADY_USED',
        'This upload is already attached to a transcription.',
      );
    }
    if (clock.now() > upload.issuedAtMs + SCRIPTIVOX_UPLOAD_TTL_MS) {
      return scriptivoxError(
        400,
        'UPLOAD_EXPIRED',
        'The upload expired: upload URLs are valid for one hour.',
      );
    }
    if (upload.bytes === null) {
      return scriptivoxError(400, 'FILE_NOT_UPLOADED', 'The file was not uploaded to the upload URL.');
    }
    return undefined;
  }

  function exportJob(job: ScriptivoxJob, format: string, url: URL): Response {
    if (format !== 'srt' && format !== 'vtt' && format !== 'text') {
      return scriptivoxInvalidRequest('`format` must be srt, vtt or text.');
    }
    const rawMaxWords = url.searchParams.get('max_words');
    const maxWords = rawMaxWords === null ? null : Number(rawMaxWords);
    if (maxWords !== null && (!Number.isInteger(maxWords) || maxWords < 1)) {
      return scriptivoxInvalidRequest('`max_words` must be a positive integer.');
    }
    const state = jobState(job, clock);
    if (state.status !== 'completed' || (job.audio.kind !== 'sample' && job.audio.kind !== 'audio')) {
      return scriptivoxError(
        409,
        'CONFLICT',
        `The transcription is ${state.status}; exports need a completed one.`,
      );
    }
    const text = exportResult(jobResult(job.audio, job.request), format as ScriptivoxExportFormat, {
      maxWords,
      includeSpeakers: url.searchParams.get('include_speakers') === 'true',
    });
    return new Response(text, { headers: { 'content-type': EXPORT_CONTENT_TYPES[format] } });
  }
}
