import { capabilitiesOf, mistralCapabilityEntry } from '../../transcribe/capabilities.js';
import type { ProviderCapabilities, TranscriptionProvider } from '../../transcribe/index.js';
import type { Warning } from '../../transcript/index.js';
import { omitUndefined } from '../shared/omit-undefined.js';
import { defaultMistralTranscriptionModel, mistralModelFamily } from './mistral-models.js';
import type { MistralTimestampGranularity } from './mistral-options.js';
import { mistralToTranscript } from './mistral-to-transcript.js';
import type { MistralTranscriptions } from './mistral-transcriptions.js';

/**
What Mistral honours of the common `transcribe()` options with a given model. Word timestamps
exist only on Voxtral 2 models (Voxtral 3 times segments only), and Voxtral 2 cannot take a
language together with timestamps, so it detects one; nothing runs as a job, so there is nothing
to cancel: aborting drops the request. The default model's are `providerCapabilities.mistral`.

@example
```ts
import { mistralCapabilities } from 'scribekit/mistral';

mistralCapabilities('voxtral-mini-2602').wordTimestamps; //=> true
```
*/
export function mistralCapabilities(model: string = defaultMistralTranscriptionModel): ProviderCapabilities {
  const voxtral2 = mistralModelFamily(model) === 'voxtral-2';
  return { ...capabilitiesOf(mistralCapabilityEntry), language: !voxtral2, wordTimestamps: voxtral2 };
}

/**
Mistral behind the common `transcribe()`: one `audio.transcriptions.complete` call with segment
timestamps (and word timestamps on Voxtral 2 unless `timestamps: 'segment'`), fitted to the model
family's rules. There is no job: progress goes from `uploading` to `processing` once the bytes are
sent (at once for a URL) and `completed`, without a `jobId`. `providerOptions.mistral.model` picks
another model for one call.
*/
export function createMistralTranscriptionProvider(
  transcriptions: MistralTranscriptions,
  model: string = defaultMistralTranscriptionModel,
): TranscriptionProvider {
  return {
    id: 'mistral',
    name: 'Mistral',
    capabilities: mistralCapabilities(model),
    capabilitiesFor: (native) => mistralCapabilities(modelOf(native, model)),
    async transcribe(request) {
      const native = request.providerOptions ?? {};
      const callModel = modelOf(native, model);
      const family = mistralModelFamily(callModel);
      const warnings: Warning[] = [];
      let language = request.language;
      // Voxtral 2 refuses a language with timestamps; a transcript without times is worth less than a language hint.
      if (family === 'voxtral-2' && language !== undefined) {
        warnings.push({
          type: 'unsupported',
          feature: 'language',
          message: `${callModel} cannot take a language together with timestamps; it detected the language instead`,
        });
        language = undefined;
      }
      const granularities: MistralTimestampGranularity[] =
        family === 'voxtral-2' && request.timestamps !== 'segment' ? ['segment', 'word'] : ['segment'];
      // Voxtral 2 writes a phrase with underscores for its spaces (reference/mistral.md §0).
      const contextBias =
        family === 'voxtral-2'
          ? request.contextTerms?.map((term) => term.trim().replace(/\s+/g, '_'))
          : request.contextTerms;
      const isUrl = typeof request.audio === 'string' || request.audio instanceof URL;
      let processing = false;
      const startProcessing = () => {
        if (processing) return;
        processing = true;
        request.onProgress?.({ stage: 'processing' });
      };
      if (isUrl) startProcessing();
      const source = isUrl
        ? { fileUrl: String(request.audio) }
        : {
            file: request.audio as Exclude<typeof request.audio, string | URL>,
            ...omitUndefined({ filename: request.filename }),
          };
      const result = await transcriptions.complete({
        model: callModel,
        ...source,
        ...omitUndefined({
          language,
          diarize: request.diarize,
          contextBias: contextBias === undefined ? undefined : [...contextBias],
          temperature: typeof native.temperature === 'number' ? native.temperature : undefined,
          signal: request.signal,
        }),
        timestampGranularities: granularities,
        onUploadProgress: (progress) => {
          // A URL's request carries only the form's fields: nothing the caller would call an upload.
          if (isUrl) return;
          request.onProgress?.({ stage: 'uploading', ...progress });
          // Every byte is sent: Mistral is transcribing while the request waits for its answer.
          if (progress.totalBytes !== undefined && progress.loadedBytes >= progress.totalBytes)
            startProcessing();
        },
      });
      const transcript = mistralToTranscript(result, { language: request.language, warnings });
      request.onProgress?.({ stage: 'completed' });
      return transcript;
    },
  };
}

/** The model of one call: `providerOptions.mistral.model`, or the client's. */
function modelOf(native: Record<string, unknown> | undefined, model: string): string {
  return typeof native?.model === 'string' ? native.model : model;
}
