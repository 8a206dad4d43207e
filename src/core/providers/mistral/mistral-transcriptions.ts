import { ResponseValidationError } from '../../errors/index.js';
import { redactUrl, type HttpClient, type HttpRequest } from '../../http/index.js';
import {
  MistralTranscriptionSchema,
  type MistralTranscription,
  type MistralTranscriptionStreamEvent,
} from './mistral-api.js';
import {
  toTranscriptionForm,
  validateTranscriptionRequest,
  type MistralTranscriptionRequest,
} from './mistral-options.js';
import { readMistralTranscriptionStream } from './mistral-stream.js';

/** The events of one streamed transcription, ending with `transcription.done`. */
export type MistralTranscriptionStream = AsyncGenerator<MistralTranscriptionStreamEvent, void, undefined>;

/** `mistral.audio.transcriptions`: a file to text in one request, whole or as a stream of events. */
export interface MistralTranscriptions {
  /**
  Transcribes a file and returns the whole result. Every field and the model family's rules are
  checked before anything is sent (`InvalidArgumentError`).
  */
  complete(request: MistralTranscriptionRequest): Promise<MistralTranscription>;
  /**
  Transcribes a file and streams the result as server-sent events: the language, text deltas,
  segments, then `transcription.done` with everything. Rejects with `ApiCallError` if Mistral
  refuses the request; iterate the result for the events (or call its `return()`: the response
  stays open until then). Aborting `signal` ends the iteration with the signal's reason.
  */
  stream(request: MistralTranscriptionRequest): Promise<MistralTranscriptionStream>;
}

const path = 'v1/audio/transcriptions';

/** Builds the `audio.transcriptions` namespace on an HTTP client. */
export function createMistralTranscriptions(http: HttpClient): MistralTranscriptions {
  async function send(request: MistralTranscriptionRequest, stream: boolean): Promise<HttpRequest> {
    const valid = validateTranscriptionRequest(request);
    return {
      method: 'POST',
      path,
      body: await toTranscriptionForm(valid, stream),
      headers: { Accept: stream ? 'text/event-stream' : 'application/json' },
      signal: request.signal,
      timeout: request.timeout ?? 300_000,
      // The call creates nothing on Mistral's side, so sending it again cannot duplicate anything;
      // the official SDK retries it too when retries are configured.
      safeToRetry: true,
      onUploadProgress: request.onUploadProgress,
    };
  }

  return {
    async complete(request) {
      return http.json(await send(request, false), MistralTranscriptionSchema);
    },
    async stream(request) {
      const response = await http.send(await send(request, true));
      const url = redactUrl(response.url || `${http.baseUrl}/${path}`);
      const operation = `POST ${url}`;
      const type = response.headers.get('content-type') ?? '';
      if (response.body === null || !/^text\/event-stream/i.test(type)) {
        await response.body?.cancel();
        throw new ResponseValidationError({
          provider: 'mistral',
          operation,
          issues: [
            { path: '', message: `expected an event stream, got ${type === '' ? 'no content type' : type}` },
          ],
        });
      }
      return readMistralTranscriptionStream(response.body, { operation, url, signal: request.signal });
    },
  };
}
