/**
The Mistral (Voxtral) client: file transcription, whole or streamed as server-sent events, the
files API it uses, the Voxtral 2 and 3 request rules, and the mapping of a transcription to the
normalized `Transcript`.

@module
*/
export {
  createMistral,
  type MistralClient,
  type MistralOptions,
  type MistralRawRequest,
} from './mistral-client.js';
export type {
  MistralDeletedFile,
  MistralFile,
  MistralSegment,
  MistralSignedUrl,
  MistralTranscription,
  MistralTranscriptionStreamEvent,
  MistralUsage,
  MistralWord,
} from './mistral-api.js';
export type { MistralFiles, MistralUploadOptions } from './mistral-files.js';
export {
  defaultMistralTranscriptionModel,
  mistralModelFamily,
  type MistralModelFamily,
  type MistralTranscriptionModel,
} from './mistral-models.js';
export type {
  MistralAudioFile,
  MistralTimestampGranularity,
  MistralTranscriptionRequest,
} from './mistral-options.js';
export { mistralCapabilities } from './mistral-provider.js';
export { mistralApiOrigin, type MistralRegion } from './mistral-regions.js';
export { mistralToTranscript, type MistralToTranscriptOptions } from './mistral-to-transcript.js';
export type { MistralTranscriptions, MistralTranscriptionStream } from './mistral-transcriptions.js';
