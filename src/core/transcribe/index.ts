export { transcribe, type TranscribeOptions } from './transcribe.js';
export {
  providerCapabilities,
  providerIds,
  type ProviderCapabilityEntry,
  type ProviderId,
} from './capabilities.js';
export type {
  ProviderCapabilities,
  ProviderTranscribeRequest,
  TimestampGranularity,
  TranscribeProgress,
  TranscriptionProvider,
  TranscriptionProviderSource,
} from './transcription-provider.js';
export { followJobEvents, type JobEvent, type JobEventSource } from './job-events.js';
