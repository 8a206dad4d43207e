import { identifyAudioUrl } from '../samples/identify-audio.js';
import { sha256Hex } from '../samples/sample-registry.js';
import type { JobClock } from '../shared/job-clock.js';
import { jsonResponse } from '../shared/json-response.js';
import type { Route } from '../shared/route-table.js';
import { soferaiErrors } from './soferai-errors.js';
import { infoView, jobStatus } from './soferai-job.js';
import { createJob, parseSettings, speakerConflict, type TranscriptionSettings } from './soferai-request.js';
import type { SoferaiBatchFile, SoferaiManifestItem, SoferaiState } from './soferai-state.js';
import {
  checkBool,
  checkEnum,
  checkInt,
  checkList,
  checkObject,
  checkString,
  checkUuid,
  INVALID,
  Issues,
  pathUuid,
  readJsonObject,
  requirePresent,
  type Location,
} from './soferai-validation.js';

/** An express batch holds at most this many sources. */
export const SOFERAI_MAX_EXPRESS_SOURCES = 10;
/** A manifest holds at most this many items. */
export const SOFERAI_MAX_MANIFEST_ITEMS = 500;

/**
Batch transcription (reference/soferai.md §2.6, §3.4): `POST /v1/transcriptions/batch`,
`GET /v1/transcriptions/batch/{id}/status`, and the manifests of standard batches
(`POST` / `GET /v1/transcriptions/batch-files`, `GET /v1/transcriptions/batch-files/{id}`).

Express batches take 1–10 `audio_sources`, standard ones the id of a `VALID` manifest; the mode
defaults to standard. Items become transcriptions on the same clock as single ones; standard
items bill at the standard price. A manifest is validated at once (`VALID` or `INVALID`, never
`PENDING_VALIDATION`). UNCONFIRMED, the sandbox's choices: the 400 wording; a source with
`audio_file` is refused (base64 left batches in SDK 1.0.0); a batch is COMPLETED once none is
pending and at least one completed, FAILED when all failed.
*/
export function soferaiBatchRoutes(state: SoferaiState, clock: JobClock): Route[] {
  return [
    {
      method: 'POST',
      path: '/v1/transcriptions/batch',
      handler: async ({ request }) => {
        const read = await readJsonObject(request);
        if (!read.ok) return read.response;
        const { body } = read;
        const issues = new Issues();
        const settings = requirePresent(body, 'info', ['body'], issues)
          ? parseSettings(body['info'], ['body', 'info'], issues)
          : undefined;
        const mode = checkEnum(body['processing_mode'], ['body', 'processing_mode'], issues, [
          'standard',
          'express',
        ]);
        const sources = checkList(body['audio_sources'], ['body', 'audio_sources'], issues, (item, loc) =>
          parseItem(item, loc, issues),
        );
        const batchFileId = checkUuid(body['batch_file_id'], ['body', 'batch_file_id'], issues);
        const batchTitle = checkString(body['batch_title'], ['body', 'batch_title'], issues);
        if (!issues.empty || settings === undefined || mode === INVALID || sources === INVALID) {
          return issues.response();
        }
        if (batchFileId === INVALID || batchTitle === INVALID) return issues.response();
        const conflict =
          speakerConflict(settings) ?? sources?.map(speakerConflict).find((found) => found !== undefined);
        if (conflict !== undefined) return soferaiErrors.badRequest(conflict);
        let items: readonly SoferaiManifestItem[];
        if ((mode ?? 'standard') === 'express') {
          if (
            sources === null ||
            batchFileId !== null ||
            sources.length === 0 ||
            sources.length > SOFERAI_MAX_EXPRESS_SOURCES
          ) {
            return soferaiErrors.badRequest(
              `Express batches take audio_sources (1 to ${SOFERAI_MAX_EXPRESS_SOURCES}) and no batch_file_id.`,
            );
          }
          if (sources.some((source) => source.has_audio_file)) {
            return soferaiErrors.badRequest(
              'Batch items take audio_url only; base64 audio_file is not accepted.',
            );
          }
          items = sources;
        } else {
          if (batchFileId === null || sources !== null) {
            return soferaiErrors.badRequest('Standard batches take a batch_file_id and no audio_sources.');
          }
          const file = state.batchFiles.get(batchFileId);
          if (file === undefined) return soferaiErrors.batchFileNotFound();
          if (file.status !== 'VALID') return soferaiErrors.badRequest('The batch file is not VALID.');
          items = file.items;
        }
        const ids = items.map((item, index) => {
          const itemSettings: TranscriptionSettings = {
            ...settings,
            id: null,
            ...(item.num_speakers !== null || item.auto_detect_speakers !== null
              ? { num_speakers: item.num_speakers, auto_detect_speakers: item.auto_detect_speakers }
              : {}),
          };
          const fallback = batchTitle === null ? `Item ${index + 1}` : `${batchTitle} - Item ${index + 1}`;
          return createJob(state, clock, {
            settings: itemSettings,
            title: item.title ?? fallback,
            audio: identifyAudioUrl(item.audio_url, state.samples),
            clientItemId: item.client_item_id,
            standardBatch: (mode ?? 'standard') === 'standard',
          }).id;
        });
        const batch = state.batches.create((id) => ({ id, transcriptionIds: ids }));
        return jsonResponse({
          batch_id: batch.id,
          transcription_ids: ids,
          total_count: ids.length,
          status: 'RECEIVED',
        });
      },
    },
    {
      method: 'GET',
      path: '/v1/transcriptions/batch/:batch_id/status',
      handler: ({ params }) => {
        const id = pathUuid(params['batch_id'] ?? '', 'batch_id');
        if (id instanceof Response) return id;
        const batch = state.batches.get(id);
        if (batch === undefined) return soferaiErrors.batchNotFound();
        const jobs = batch.transcriptionIds.flatMap((jobId) => state.transcriptions.get(jobId) ?? []);
        const statuses = jobs.map((job) => jobStatus(job, clock));
        const completed = statuses.filter((status) => status === 'COMPLETED').length;
        const pending = statuses.filter((status) => status === 'RECEIVED' || status === 'PROCESSING').length;
        const failed = statuses.length - completed - pending;
        const status =
          pending > 0
            ? statuses.every((item) => item === 'RECEIVED')
              ? 'RECEIVED'
              : 'PROCESSING'
            : completed > 0
              ? 'COMPLETED'
              : 'FAILED';
        return jsonResponse({
          batch_id: batch.id,
          status,
          total_count: jobs.length,
          completed_count: completed,
          failed_count: failed,
          pending_count: pending,
          transcriptions: jobs.map((job) => infoView(job, clock)),
        });
      },
    },
    {
      method: 'POST',
      path: '/v1/transcriptions/batch-files',
      handler: async ({ request }) => {
        const read = await readJsonObject(request);
        if (!read.ok) return read.response;
        return uploadManifest(read.body, state, clock);
      },
    },
    {
      method: 'GET',
      path: '/v1/transcriptions/batch-files',
      handler: () =>
        jsonResponse({ files: state.batchFiles.values().map(manifestSummary), next_cursor: null }),
    },
    {
      method: 'GET',
      path: '/v1/transcriptions/batch-files/:batch_file_id',
      handler: ({ params }) => {
        const id = pathUuid(params['batch_file_id'] ?? '', 'batch_file_id');
        if (id instanceof Response) return id;
        const file = state.batchFiles.get(id);
        if (file === undefined) return soferaiErrors.batchFileNotFound();
        return jsonResponse({
          ...manifestSummary(file),
          description: file.description,
          validation_errors: file.validation_errors,
        });
      },
    },
  ];
}

/** A batch source as validated, noting a (refused) `audio_file`. */
type ParsedItem = SoferaiManifestItem & { readonly has_audio_file: boolean };

function parseItem(value: unknown, loc: Location, issues: Issues): ParsedItem | typeof INVALID | null {
  const item = checkObject(value, loc, issues);
  if (item === null) {
    issues.add(
      'model_attributes_type',
      loc,
      'Input should be a valid dictionary or object to extract fields from',
      value,
    );
    return INVALID;
  }
  if (item === INVALID) return INVALID;
  const hasAudioFile = item['audio_file'] !== undefined && item['audio_file'] !== null;
  const audioUrl = hasAudioFile
    ? checkString(item['audio_url'], [...loc, 'audio_url'], issues)
    : requirePresent(item, 'audio_url', loc, issues)
      ? checkString(item['audio_url'], [...loc, 'audio_url'], issues)
      : INVALID;
  const title = checkString(item['title'], [...loc, 'title'], issues);
  const clientItemId = checkString(item['client_item_id'], [...loc, 'client_item_id'], issues);
  const numSpeakers = checkInt(item['num_speakers'], [...loc, 'num_speakers'], issues, { min: 1 });
  const autoDetect = checkBool(item['auto_detect_speakers'], [...loc, 'auto_detect_speakers'], issues);
  if ([audioUrl, title, clientItemId, numSpeakers, autoDetect].includes(INVALID)) return INVALID;
  return {
    audio_url: (audioUrl as string | null) ?? '',
    title: title as string | null,
    client_item_id: clientItemId as string | null,
    num_speakers: numSpeakers as number | null,
    auto_detect_speakers: autoDetect as boolean | null,
    has_audio_file: hasAudioFile,
  };
}

async function uploadManifest(
  body: Record<string, unknown>,
  state: SoferaiState,
  clock: JobClock,
): Promise<Response> {
  const issues = new Issues();
  const contentType = requirePresent(body, 'content_type', ['body'], issues)
    ? checkEnum(body['content_type'], ['body', 'content_type'], issues, ['json', 'jsonl'])
    : INVALID;
  const jsonl = checkString(body['jsonl'], ['body', 'jsonl'], issues);
  const metadata = checkObject(body['metadata'], ['body', 'metadata'], issues);
  const title =
    metadata === INVALID || metadata === null
      ? null
      : checkString(metadata['title'], ['body', 'metadata', 'title'], issues);
  const description =
    metadata === INVALID || metadata === null
      ? null
      : checkString(metadata['description'], ['body', 'metadata', 'description'], issues);
  if (!issues.empty || contentType === INVALID || contentType === null || jsonl === INVALID)
    return issues.response();
  let rawItems: unknown[];
  if (contentType === 'json') {
    if (!Array.isArray(body['json_items']))
      return soferaiErrors.badRequest('content_type json needs json_items, a list.');
    rawItems = body['json_items'];
  } else {
    if (jsonl === null)
      return soferaiErrors.badRequest('content_type jsonl needs jsonl, one JSON item per line.');
    rawItems = jsonl
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        try {
          return JSON.parse(line) as unknown;
        } catch {
          return line;
        }
      });
  }
  if (rawItems.length === 0 || rawItems.length > SOFERAI_MAX_MANIFEST_ITEMS) {
    return soferaiErrors.badRequest(`A batch file holds 1 to ${SOFERAI_MAX_MANIFEST_ITEMS} items.`);
  }
  const errors: string[] = [];
  const items: SoferaiManifestItem[] = [];
  const clientIds = new Set<string>();
  rawItems.forEach((raw, index) => {
    const itemIssues = new Issues();
    const item = parseItem(raw, ['item', index], itemIssues);
    if (
      item === INVALID ||
      item === null ||
      item.has_audio_file ||
      !/^https?:\/\/\S+$/i.test(item.audio_url)
    ) {
      errors.push(`Item ${index + 1}: audio_url must be a direct http(s) URL`);
    } else if (item.client_item_id !== null && clientIds.has(item.client_item_id)) {
      errors.push(`Item ${index + 1}: client_item_id ${item.client_item_id} is repeated`);
    } else if (speakerConflict(item) !== undefined) {
      errors.push(`Item ${index + 1}: num_speakers and auto_detect_speakers are mutually exclusive`);
    } else {
      if (item.client_item_id !== null) clientIds.add(item.client_item_id);
      const { has_audio_file: _ignored, ...kept } = item;
      items.push(kept);
    }
  });
  const content = contentType === 'json' ? JSON.stringify(rawItems) : (jsonl ?? '');
  const bytes = new Uint8Array(new TextEncoder().encode(content));
  const checksum = await sha256Hex(bytes);
  const file = state.batchFiles.create((id): SoferaiBatchFile => ({
    id,
    created_at: new Date(clock.now()).toISOString(),
    item_count: rawItems.length,
    size_bytes: bytes.byteLength,
    checksum,
    status: errors.length === 0 ? 'VALID' : 'INVALID',
    validation_errors: errors,
    title: title === INVALID ? null : title,
    description: description === INVALID ? null : description,
    items,
  }));
  return jsonResponse({
    batch_file_id: file.id,
    item_count: file.item_count,
    size_bytes: file.size_bytes,
    created_at: file.created_at,
    status: file.status,
    checksum,
    ...(errors.length === 0 ? {} : { validation_errors: errors }),
  });
}

function manifestSummary(file: SoferaiBatchFile): Record<string, unknown> {
  return {
    id: file.id,
    created_at: file.created_at,
    item_count: file.item_count,
    size_bytes: file.size_bytes,
    status: file.status,
    checksum: file.checksum,
    title: file.title,
  };
}
