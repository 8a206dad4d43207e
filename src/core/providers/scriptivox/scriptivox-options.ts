import * as v from 'valibot';
import { InvalidArgumentError } from '../../errors/index.js';
import { validateArguments } from '../shared/validate-arguments.js';

// Request validation mirrors POST /v1/transcribe (https://www.scriptivox.com/docs/api-reference,
// reference/scriptivox.md §3) so a bad field fails here, named, before any upload or request.

const httpUrl = (max: number) =>
  v.pipe(
    v.string('must be a string'),
    v.maxLength(max, `must be at most ${max} characters`),
    v.regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL without spaces'),
  );

/** What a transcription job does, besides which audio. */
export interface ScriptivoxTranscribeSettings {
  /**
  The spoken language, such as `en` (Scriptivox's own list of 119 codes, some of three letters;
  Javanese is `jw`). Omit to detect, which can misclassify short or code-switched clips.
  */
  language?: string;
  /** Label who speaks each utterance; forces `align` on. */
  diarize?: boolean;
  /** How many speakers to expect (1–50); only with `diarize: true`, and noticeably more accurate. */
  speakerCount?: number;
  /**
  Word-level timestamps and confidences. Always sent, because the documented default disagrees
  between sources (reference/scriptivox.md §3).
  @default true
  */
  align?: boolean;
  /** Where Scriptivox POSTs `transcription.*` events; HTTPS recommended. */
  webhookUrl?: string;
  /**
  Sent as `Idempotency-Key` (at most 255 characters): a retry with the same key and body returns
  the first job instead of starting another. A fresh `crypto.randomUUID()` when omitted, so the
  client's own retries are always safe.
  */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/**
`transcribe.create`: a job from a `url` or an `uploadId`. Scriptivox resolves Google Drive,
Dropbox and OneDrive share links itself, so pass them as they are.
*/
export interface ScriptivoxCreateTranscriptionOptions extends ScriptivoxTranscribeSettings {
  url?: string;
  uploadId?: string;
}

const CreateTranscriptionSchema = v.pipe(
  v.strictObject(
    {
      url: v.optional(httpUrl(2048)),
      uploadId: v.optional(v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'))),
      language: v.optional(
        v.pipe(
          v.string('must be a string'),
          v.regex(/^[a-z]{2,3}$/, 'must be a language code such as "en" or "yue"'),
        ),
      ),
      diarize: v.optional(v.boolean('must be a boolean')),
      speakerCount: v.optional(
        v.pipe(
          v.number('must be a number'),
          v.integer('must be a whole number'),
          v.minValue(1, 'must be at least 1'),
          v.maxValue(50, 'must be at most 50'),
        ),
      ),
      align: v.optional(v.boolean('must be a boolean')),
      webhookUrl: v.optional(httpUrl(2048)),
      idempotencyKey: v.optional(
        v.pipe(
          v.string('must be a string'),
          v.minLength(1, 'must not be empty'),
          v.maxLength(255, 'must be at most 255 characters'),
        ),
      ),
    },
    (issue) => `is not a Scriptivox transcription option (${String(issue.input)})`,
  ),
  v.forward(
    v.partialCheck(
      [['diarize'], ['speakerCount']],
      (request) => request.speakerCount === undefined || request.diarize === true,
      'needs `diarize: true`',
    ),
    ['speakerCount'],
  ),
);

/** A create request that passed {@link validateCreateTranscription}. */
export type ValidScriptivoxCreateTranscription = v.InferOutput<typeof CreateTranscriptionSchema>;

/** Checks a create request: every field, and exactly one of `url` and `uploadId`. */
export function validateCreateTranscription(
  options: ScriptivoxCreateTranscriptionOptions,
): ValidScriptivoxCreateTranscription {
  const { signal: _signal, ...fields } = options ?? {};
  const valid = validateArguments(CreateTranscriptionSchema, fields);
  if ((valid.url === undefined) === (valid.uploadId === undefined)) {
    throw new InvalidArgumentError({
      argument: valid.url === undefined ? 'url' : 'uploadId',
      message: 'exactly one of url and uploadId is required',
    });
  }
  return valid;
}

/** The JSON body of `POST /v1/transcribe`; `align` is always explicit. */
export function createTranscriptionBody(
  request: ValidScriptivoxCreateTranscription,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (request.url !== undefined) body.url = request.url;
  if (request.uploadId !== undefined) body.upload_id = request.uploadId;
  if (request.language !== undefined) body.language = request.language;
  if (request.diarize !== undefined) body.diarize = request.diarize;
  if (request.speakerCount !== undefined) body.speaker_count = request.speakerCount;
  body.align = request.align ?? true;
  if (request.webhookUrl !== undefined) body.webhook_url = request.webhookUrl;
  return body;
}

/** Options of `transcriptions.list`. */
export interface ScriptivoxListOptions {
  /** Only jobs with this status. */
  status?: 'created' | 'downloading' | 'pending' | 'processing' | 'completed' | 'failed';
  /** Created at or after this instant. */
  from?: Date | string;
  /** Created before this instant. */
  to?: Date | string;
  /**
  Items per page, 1–200.
  @default 50
  */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  /**
  Newest first (`desc`) or oldest first.
  @default 'desc'
  */
  order?: 'asc' | 'desc';
  signal?: AbortSignal;
}

const instant = v.union(
  [
    v.pipe(
      v.date(),
      v.check((date) => !Number.isNaN(date.getTime()), 'must be a valid date'),
    ),
    v.pipe(
      v.string(),
      v.check((text) => !Number.isNaN(Date.parse(text)), 'must be an ISO 8601 timestamp'),
    ),
  ],
  'must be a Date or an ISO 8601 timestamp',
);

const ListSchema = v.strictObject(
  {
    status: v.optional(
      v.picklist(
        ['created', 'downloading', 'pending', 'processing', 'completed', 'failed'],
        'must be a Scriptivox job status',
      ),
    ),
    from: v.optional(instant),
    to: v.optional(instant),
    limit: v.optional(
      v.pipe(
        v.number('must be a number'),
        v.integer('must be a whole number'),
        v.minValue(1, 'must be at least 1'),
        v.maxValue(200, 'must be at most 200'),
      ),
    ),
    cursor: v.optional(v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'))),
    order: v.optional(v.picklist(['asc', 'desc'], 'must be "asc" or "desc"')),
  },
  (issue) => `is not a Scriptivox list option (${String(issue.input)})`,
);

/** Checks list options and turns them into query parameters. */
export function listQuery(options: ScriptivoxListOptions): Record<string, string | number | undefined> {
  const { signal: _signal, ...fields } = options;
  const valid = validateArguments(ListSchema, fields);
  const iso = (value: Date | string | undefined) =>
    value === undefined
      ? undefined
      : value instanceof Date
        ? value.toISOString()
        : new Date(value).toISOString();
  return {
    status: valid.status,
    from: iso(valid.from),
    to: iso(valid.to),
    limit: valid.limit,
    cursor: valid.cursor,
    order: valid.order,
  };
}
