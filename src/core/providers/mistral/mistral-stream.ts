import type * as v from 'valibot';
import { ApiCallError, ResponseValidationError } from '../../errors/index.js';
import { parseResponse } from '../../http/index.js';
import { readEventStream } from '../shared/read-event-stream.js';
import { MistralStreamEventSchemas, type MistralTranscriptionStreamEvent } from './mistral-api.js';

/** What {@link readMistralTranscriptionStream} reports errors against. */
export interface MistralStreamContext {
  /** `POST https://api.mistral.ai/v1/audio/transcriptions`, for error messages. */
  operation: string;
  /** The request URL (redacted), for a mid-stream error. */
  url: string;
  signal?: AbortSignal | undefined;
}

/**
The SSE protocol of `POST /v1/audio/transcriptions` with `stream=true` (reference/mistral.md §4):

1. Each event has an `event:` line naming its type and a `data:` line of JSON that repeats the type.
2. `transcription.language`, `transcription.text.delta` and `transcription.segment` arrive in an
   undocumented order; `transcription.done` carries the whole result and is the last event.
3. There is no `[DONE]` sentinel; one is tolerated and ends the stream like `done`.
4. Unknown event types are skipped, so a type Mistral adds cannot break the stream.
5. Whether a failure partway through arrives as an event is unconfirmed: an `error` event in the
   realtime API's shape (`{ error: { message, code } }`) becomes an `ApiCallError`.
6. A body that ends before `transcription.done` is a `ResponseValidationError`: the text is incomplete.
*/
export async function* readMistralTranscriptionStream(
  body: ReadableStream<Uint8Array>,
  context: MistralStreamContext,
): AsyncGenerator<MistralTranscriptionStreamEvent, void, undefined> {
  for await (const message of readEventStream(body, context.signal)) {
    if (message.data.trim() === '[DONE]') return;
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch (error) {
      throw new ResponseValidationError({
        provider: 'mistral',
        operation: context.operation,
        issues: [
          { path: '', message: `an event's data is not JSON: ${JSON.stringify(message.data.slice(0, 120))}` },
        ],
        data: message.data,
        cause: error,
      });
    }
    const type = message.event ?? (isRecord(data) && typeof data.type === 'string' ? data.type : undefined);
    if (type === 'error') throw midStreamError(data, context);
    if (type === undefined || !Object.hasOwn(MistralStreamEventSchemas, type)) continue;
    const schema = MistralStreamEventSchemas[type as keyof typeof MistralStreamEventSchemas];
    const event = parseResponse(schema as v.GenericSchema<unknown, MistralTranscriptionStreamEvent>, data, {
      provider: 'mistral',
      operation: `${context.operation} (${type} event)`,
    });
    yield event;
    if (event.type === 'transcription.done') return;
  }
  throw new ResponseValidationError({
    provider: 'mistral',
    operation: context.operation,
    issues: [{ path: '', message: 'the event stream ended before transcription.done' }],
  });
}

function midStreamError(data: unknown, context: MistralStreamContext): ApiCallError {
  const error = isRecord(data) && isRecord(data.error) ? data.error : isRecord(data) ? data : {};
  const code =
    typeof error.code === 'number' || typeof error.code === 'string' ? String(error.code) : undefined;
  const status = Number(code);
  return new ApiCallError({
    provider: 'mistral',
    method: 'POST',
    url: context.url,
    // The HTTP status was 200 by then; a code that looks like a status says more about the failure.
    status: Number.isInteger(status) && status >= 400 && status < 600 ? status : 500,
    code,
    providerMessage:
      typeof error.message === 'string' ? error.message : JSON.stringify(error.message ?? data),
    data,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
