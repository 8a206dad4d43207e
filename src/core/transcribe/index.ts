export { transcribe, type TranscribeOptions } from './transcribe.js';
export type {
  ProviderCapabilities,
  ProviderTranscribeRequest,
  TranscribeProgress,
  TranscriptionProvider,
  TranscriptionProviderSource,
} from './transcription-provider.js';
export { followJobEvents, type JobEvent, type JobEventSource } from './job-events.js';
