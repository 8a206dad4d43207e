import { identifyAudioBytes, identifyAudioUrl, type AudioIdentity } from '../samples/identify-audio.js';
import type { SampleRegistry } from '../samples/sample-registry.js';
import type { JobClock } from '../shared/job-clock.js';
import { jsonResponse } from '../shared/json-response.js';
import type { MemoryStore } from '../shared/memory-store.js';
import type { Route } from '../shared/route-table.js';
import { mistralFileNotFound, mistralInvalidRequest, mistralUnknownModel } from './mistral-errors.js';
import { resolveSignedUrl, type MistralStoredFile } from './mistral-files.js';
import { mistralSandboxFamily, type MistralSandboxFamily } from './mistral-models.js';
import { transcriptionBody, type MistralTranscriptionBody } from './mistral-result.js';
import { sseResponse, type MistralSseEvent } from './mistral-sse.js';
import { parseTranscriptionForm, type MistralTranscriptionForm } from './mistral-transcription-form.js';

/** What the transcription endpoint works on. */
export interface MistralTranscriptionDeps {
  /** Uploaded files, for `file_id` and signed `file_url`s. */
  readonly files: MemoryStore<MistralStoredFile>;
  readonly samples: SampleRegistry;
  readonly clock: JobClock;
  /** The emulator's own hosts, to recognise its signed URLs. */
  readonly hosts: readonly string[];
  /** Wait between two streamed events, in ms. */
  readonly streamEventDelayMs: number;
}

/**
`POST /v1/audio/transcriptions`, whole (JSON) or streamed (`stream=true`: server-sent events).

Checks, in order: the form's shape (422), the model (404 `unknown_model`), exactly one audio source,
`turn_detection` (realtime only), `return_language` with `language`, then the family's rules:
Voxtral 3 refuses `word` timestamps and diarization without `segment` timestamps; Voxtral 2 refuses
`language` with timestamps, and `context_bias` entries with spaces or commas or more than 100 of
them (400s, reference/mistral.md §0). The exact messages are the sandbox's wording.

A demo sample (by hash, or a URL ending in its file name) gives its words; other audio gives
placeholder words over its probed length (10 s for an unknown URL). Bytes that are not audio, and a
URL on `unreachable.invalid`, get a 400.
*/
export function mistralTranscriptionRoutes(deps: MistralTranscriptionDeps): Route[] {
  return [
    {
      method: 'POST',
      path: '/v1/audio/transcriptions',
      handler: async ({ request }) => {
        const parsed = await parseTranscriptionForm(request);
        if (!parsed.ok) {
          return parsed.response;
        }
        const { form } = parsed;
        const family = mistralSandboxFamily(form.model);
        if (family === undefined) {
          return mistralUnknownModel(form.model);
        }
        const refusal = checkRules(form, family);
        if (refusal !== undefined) {
          return refusal;
        }
        const audio = await identify(form, deps);
        if (audio instanceof Response) {
          return audio;
        }
        if (audio.kind === 'undecodable') {
          return mistralInvalidRequest(
            'The audio file could not be decoded. Check that it is a supported audio format.',
            'file',
          );
        }
        if (audio.kind === 'unreachable') {
          return mistralInvalidRequest(`Could not download the file at ${audio.url}.`, 'file_url');
        }
        const body = transcriptionBody(audio, form, family);
        return form.stream ? sseResponse(streamEvents(body), deps.streamEventDelayMs) : jsonResponse(body);
      },
    },
  ];
}

function checkRules(form: MistralTranscriptionForm, family: MistralSandboxFamily): Response | undefined {
  const sources = [form.file, form.fileUrl, form.fileId].filter((source) => source !== null).length;
  if (sources !== 1) {
    return mistralInvalidRequest('Exactly one of file, file_url or file_id must be provided.');
  }
  if (form.hasTurnDetection) {
    return mistralInvalidRequest(
      'turn_detection is only supported by realtime transcription.',
      'turn_detection',
    );
  }
  if (form.returnLanguage && form.language !== null) {
    return mistralInvalidRequest('return_language cannot be combined with language.', 'return_language');
  }
  const granularities = form.timestampGranularities;
  if (family === 'voxtral-3') {
    if (granularities.includes('word')) {
      return mistralInvalidRequest(
        `Model ${form.model} only supports segment timestamps.`,
        'timestamp_granularities',
      );
    }
    if (form.diarize && !granularities.includes('segment')) {
      return mistralInvalidRequest('Diarization requires timestamp_granularities=segment.', 'diarize');
    }
    return undefined;
  }
  if (form.language !== null && granularities.length > 0) {
    return mistralInvalidRequest(
      `Model ${form.model} does not support language together with timestamps.`,
      'language',
    );
  }
  if (form.contextBias.length > 100) {
    return mistralInvalidRequest('context_bias accepts at most 100 entries.', 'context_bias');
  }
  if (form.contextBias.some((entry) => /[\s,]/.test(entry) || entry === '')) {
    return mistralInvalidRequest('context_bias entries may not contain spaces or commas.', 'context_bias');
  }
  return undefined;
}

async function identify(
  form: MistralTranscriptionForm,
  deps: MistralTranscriptionDeps,
): Promise<AudioIdentity | Response> {
  if (form.file !== null) {
    return identifyAudioBytes(await form.file.arrayBuffer(), deps.samples);
  }
  if (form.fileId !== null) {
    const stored = deps.files.get(form.fileId);
    return stored === undefined
      ? mistralFileNotFound(form.fileId)
      : identifyAudioBytes(stored.bytes, deps.samples);
  }
  const url = form.fileUrl ?? '';
  const signed = resolveSignedUrl(deps.files, deps.hosts, url, deps.clock.now());
  return signed === undefined
    ? identifyAudioUrl(url, deps.samples)
    : identifyAudioBytes(signed.bytes, deps.samples);
}

/**
The stream of a finished body: the language when it is known, then each segment's words as text
deltas followed by the segment itself (when segments were asked for), then `transcription.done`.
The real order is undocumented (reference/mistral.md §4); this one reads naturally.
*/
function streamEvents(body: MistralTranscriptionBody): MistralSseEvent[] {
  const events: MistralSseEvent[] = [];
  if (body.language !== null) {
    events.push({ type: 'transcription.language', data: { audio_language: body.language } });
  }
  const words = body.text.split(' ').filter((word) => word !== '');
  const runs = body.segments.length > 0 ? body.segments.map((segment) => segment.text.split(' ')) : [words];
  let first = true;
  for (const [index, run] of runs.entries()) {
    for (const word of run) {
      events.push({ type: 'transcription.text.delta', data: { text: first ? word : ` ${word}` } });
      first = false;
    }
    const segment = body.segments[index];
    if (segment !== undefined) {
      const { type: _type, ...fields } = segment;
      events.push({ type: 'transcription.segment', data: fields });
    }
  }
  events.push({ type: 'transcription.done', data: { ...body } });
  return events;
}
