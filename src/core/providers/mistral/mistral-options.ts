import * as v from 'valibot';
import { normalizeAudioInput } from '../../audio/index.js';
import { InvalidArgumentError } from '../../errors/index.js';
import type { UploadProgress } from '../../http/index.js';
import { validateArguments } from '../shared/validate-arguments.js';
import { mistralModelFamily, type MistralTranscriptionModel } from './mistral-models.js';

/** The timestamp granularities Mistral knows; Voxtral 3 models accept only `segment`. */
export type MistralTimestampGranularity = 'segment' | 'word';

/** Audio bytes to send as the `file` part: a `File` or `Blob`, bytes, or a stream of bytes. */
export type MistralAudioFile = Blob | ArrayBuffer | Uint8Array | ReadableStream<Uint8Array>;

/**
A transcription request: exactly one of `file`, `fileUrl` and `fileId`, the model, and options.
Field names are the camelCase of Mistral's form fields (`context_bias` → `contextBias`).
*/
export interface MistralTranscriptionRequest {
  /** The model, such as `voxtral-mini-transcribe-3-0`; its family decides which combinations are allowed. */
  model: MistralTranscriptionModel;
  /** The audio itself. */
  file?: MistralAudioFile;
  /** The name of the `file` part; defaults to the `File`'s name or `audio.<extension>`. */
  filename?: string;
  /** An http(s) URL Mistral fetches itself, such as a signed URL from `files.getSignedUrl`. */
  fileUrl?: string;
  /** The id of a file uploaded with `files.upload` (purpose `audio`). */
  fileId?: string;
  /** The spoken language (`en`). Voxtral 2 models refuse it together with timestamps. */
  language?: string;
  /** Voxtral 3: report the detected language in `language`. Not with `language`. */
  returnLanguage?: boolean;
  /** Sampling temperature; Mistral does not document a range for transcription. */
  temperature?: number;
  /** Label speakers (`speakerId` on segments). Voxtral 3 also needs `timestampGranularities: ['segment']`. */
  diarize?: boolean;
  /**
  Words and phrases to recognize reliably. Voxtral 2: at most 100 entries without spaces or commas
  (write `farewell_address`); Voxtral 3: free phrases sharing the context window with the audio.
  */
  contextBias?: readonly string[];
  /** Which timings to return; Voxtral 3 models accept only `segment`. */
  timestampGranularities?: readonly MistralTimestampGranularity[];
  signal?: AbortSignal;
  /** Upload progress of the `file` part, in bytes. */
  onUploadProgress?: (progress: UploadProgress) => void;
  /**
  Time limit for Mistral's answer in milliseconds, or `false` for none. A whole file is transcribed
  before the answer starts, so the default matches the official SDK's.
  @default 300000
  */
  timeout?: number | false;
}

const nonEmpty = v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'));
const isAudioBytes = (input: unknown): boolean =>
  input instanceof Blob ||
  input instanceof ArrayBuffer ||
  input instanceof Uint8Array ||
  (typeof ReadableStream !== 'undefined' && input instanceof ReadableStream);

// The form fields of POST /v1/audio/transcriptions (https://docs.mistral.ai/api/#tag/audio.transcriptions,
// reference/mistral.md §2). Unknown keys are rejected so a typo surfaces instead of being dropped.
const TranscriptionRequestSchema = v.strictObject(
  {
    model: nonEmpty,
    file: v.optional(
      v.custom<MistralAudioFile>(
        isAudioBytes,
        'must be a File, Blob, ArrayBuffer, Uint8Array or ReadableStream',
      ),
    ),
    filename: v.optional(nonEmpty),
    fileUrl: v.optional(
      v.pipe(
        v.string('must be a string'),
        v.regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL without spaces'),
      ),
    ),
    fileId: v.optional(nonEmpty),
    language: v.optional(
      v.pipe(
        v.string('must be a string'),
        v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language code such as "en"'),
      ),
    ),
    returnLanguage: v.optional(v.boolean('must be a boolean')),
    temperature: v.optional(v.pipe(v.number('must be a number'), v.finite('must be a finite number'))),
    diarize: v.optional(v.boolean('must be a boolean')),
    contextBias: v.optional(v.array(nonEmpty, 'must be an array of strings')),
    timestampGranularities: v.optional(
      v.pipe(
        v.array(v.picklist(['segment', 'word'], 'must be "segment" or "word"'), 'must be an array'),
        v.check((items) => new Set(items).size === items.length, 'must not repeat a granularity'),
      ),
    ),
  },
  (issue) => `is not a Mistral transcription option (${String(issue.input)})`,
);

/** A request whose fields passed {@link validateTranscriptionRequest}. */
export type ValidMistralTranscriptionRequest = v.InferOutput<typeof TranscriptionRequestSchema>;

/**
Checks a transcription request before anything is sent: each field's shape, exactly one audio
source, and the combinations the model's family refuses.
*/
export function validateTranscriptionRequest(
  request: MistralTranscriptionRequest,
): ValidMistralTranscriptionRequest {
  const { signal: _signal, onUploadProgress: _progress, timeout: _timeout, ...fields } = request ?? {};
  const valid = validateArguments(TranscriptionRequestSchema, fields);
  const sources = (['file', 'fileUrl', 'fileId'] as const).filter((key) => valid[key] !== undefined);
  if (sources.length !== 1) {
    throw new InvalidArgumentError({
      argument: sources[1] ?? 'file',
      message: `exactly one of file, fileUrl and fileId is required (got ${sources.length === 0 ? 'none' : sources.join(' and ')})`,
    });
  }
  checkModelRules(valid);
  return valid;
}

function checkModelRules(request: ValidMistralTranscriptionRequest): void {
  const granularities = request.timestampGranularities ?? [];
  // return_language asks for the language Mistral detected, which `language` overrides (reference/mistral.md §2).
  if (request.returnLanguage === true && request.language !== undefined) {
    throw new InvalidArgumentError({
      argument: 'returnLanguage',
      message: 'cannot be combined with `language`: the language is then the one you set',
      value: true,
    });
  }
  const family = mistralModelFamily(request.model);
  if (family === 'voxtral-2') {
    // https://docs.mistral.ai/studio/audio/speech-to-text/transcribe-files (Voxtral 2 docs, reference/mistral.md §0):
    // "use one or the other", enforced by @ai-sdk/mistral for the same models.
    if (request.language !== undefined && granularities.length > 0) {
      throw new InvalidArgumentError({
        argument: 'language',
        message: `${request.model} (Voxtral 2) refuses language together with timestampGranularities: send one or the other`,
        value: request.language,
      });
    }
    const bias = request.contextBias ?? [];
    if (bias.length > 100) {
      throw new InvalidArgumentError({
        argument: 'contextBias',
        message: `${request.model} (Voxtral 2) takes at most 100 entries`,
        value: bias.length,
      });
    }
    const bad = bias.findIndex((entry) => /[\s,]/.test(entry));
    if (bad !== -1) {
      throw new InvalidArgumentError({
        argument: `contextBias[${bad}]`,
        message: `${request.model} (Voxtral 2) takes single terms without spaces or commas; join a phrase with underscores (farewell_address)`,
        value: bias[bad],
      });
    }
  }
  if (family === 'voxtral-3') {
    // https://docs.mistral.ai/studio/audio/migrate-from-voxtral-2: `word` gets HTTP 400 on Voxtral 3.
    if (granularities.includes('word')) {
      throw new InvalidArgumentError({
        argument: 'timestampGranularities',
        message: `${request.model} (Voxtral 3) times segments only: use ["segment"]`,
        value: granularities,
      });
    }
    // https://docs.mistral.ai/studio/audio/speech-to-text/diarize-speakers: the request fails without segment timestamps.
    if (request.diarize === true && !granularities.includes('segment')) {
      throw new InvalidArgumentError({
        argument: 'diarize',
        message: `${request.model} (Voxtral 3) diarizes only with timestampGranularities: ["segment"]`,
        value: true,
      });
    }
  }
}

/**
Builds the multipart body the way the official SDK does: arrays as repeated fields, booleans and
numbers as their strings, `diarize` and `stream` always sent (reference/mistral.md §2).
*/
export async function toTranscriptionForm(
  request: ValidMistralTranscriptionRequest,
  stream: boolean,
): Promise<FormData> {
  const form = new FormData();
  form.append('model', request.model);
  if (request.file !== undefined) {
    const input = await normalizeAudioInput(request.file, { filename: request.filename });
    if (input.kind === 'url') {
      throw new InvalidArgumentError({
        argument: 'file',
        message: 'must be audio bytes; pass a URL as `fileUrl`',
      });
    }
    // FormData needs a Blob: a stream is gathered first.
    const blob = input.kind === 'blob' ? input.blob : await new Response(input.stream).blob();
    form.append('file', blob, input.filename);
  }
  if (request.fileUrl !== undefined) form.append('file_url', request.fileUrl);
  if (request.fileId !== undefined) form.append('file_id', request.fileId);
  if (request.language !== undefined) form.append('language', request.language);
  if (request.returnLanguage !== undefined) form.append('return_language', String(request.returnLanguage));
  if (request.temperature !== undefined) form.append('temperature', String(request.temperature));
  form.append('stream', String(stream));
  form.append('diarize', String(request.diarize ?? false));
  for (const entry of request.contextBias ?? []) form.append('context_bias', entry);
  for (const granularity of request.timestampGranularities ?? [])
    form.append('timestamp_granularities', granularity);
  return form;
}
