import type { ProviderCapabilities, TranscriptionProvider } from '../../transcribe/index.js';
import type { Warning } from '../../transcript/index.js';
import { omitUndefined } from '../shared/omit-undefined.js';
import { defaultMistralTranscriptionModel, mistralModelFamily } from './mistral-models.js';
import type { MistralTimestampGranularity } from './mistral-options.js';
import { mistralToTranscript } from './mistral-to-transcript.js';
import type { MistralTranscriptions } from './mistral-transcriptions.js';

/**
What Mistral honours of the common `transcribe()` options with a given model. Word timestamps
exist only on Voxtral 2 models (Voxtral 3 times segments only); nothing runs as a job, so there is
nothing to cancel: aborting drops the request.

@example
```ts
import { mistralCapabilities } from 'scribekit/mistral';

mistralCapabilities('voxtral-mini-2602').wordTimestamps; //=> true
```
*/
export function mistralCapabilities(model: string = defaultMistralTranscriptionModel): ProviderCapabilities {
  return {
    language: true,
    languageDetection: true,
    diarization: true,
    speakerCount: false,
    contextTerms: true,
    wordTimestamps: mistralModelFamily(model) === 'voxtral-2',
    audioUrl: true,
    cancellation: false,
  };
}

/**
Mistral behind the common `transcribe()`: one `audio.transcriptions.complete` call with segment
timestamps (and word timestamps on Voxtral 2), fitted to the model family's rules.
`providerOptions.mistral.model` picks another model for one call.
*/
export function createMistralTranscriptionProvider(
  transcriptions: MistralTranscriptions,
  model: string = defaultMistralTranscriptionModel,
): TranscriptionProvider {
  return {
    id: 'mistral',
    name: 'Mistral',
    capabilities: mistralCapabilities(model),
    async transcribe(request) {
      const native = request.providerOptions ?? {};
      const callModel = typeof native.model === 'string' ? native.model : model;
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
        family === 'voxtral-2' ? ['segment', 'word'] : ['segment'];
      // Voxtral 2 writes a phrase with underscores for its spaces (reference/mistral.md §0).
      const contextBias =
        family === 'voxtral-2'
          ? request.contextTerms?.map((term) => term.trim().replace(/\s+/g, '_'))
          : request.contextTerms;
      const isUrl = typeof request.audio === 'string' || request.audio instanceof URL;
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
        onUploadProgress: (progress) => request.onProgress?.({ stage: 'uploading', ...progress }),
      });
      return mistralToTranscript(result, { language: request.language, warnings });
    },
  };
}
