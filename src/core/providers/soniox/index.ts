/**
The Soniox client: files, async transcription, models, temporary keys and webhooks, and the
mapping of Soniox tokens to the normalized `Transcript`.

@module
*/
export {
  createSoniox,
  type SonioxClient,
  type SonioxOptions,
  type SonioxRawRequest,
} from './soniox-client.js';
export type {
  SonioxCount,
  SonioxFile,
  SonioxFilePage,
  SonioxModel,
  SonioxTemporaryApiKey,
  SonioxToken,
  SonioxTranscript,
  SonioxTranscription,
  SonioxTranscriptionPage,
  SonioxTranscriptionStatus,
} from './soniox-api.js';
export type { SonioxFiles, SonioxListOptions, SonioxUploadOptions } from './soniox-files.js';
export {
  defaultSonioxAsyncModel,
  type SonioxAsyncModel,
  type SonioxContext,
  type SonioxTemporaryApiKeyRequest,
  type SonioxTranscriptionConfig,
  type SonioxTranslation,
} from './soniox-options.js';
export { sonioxCapabilities } from './soniox-provider.js';
export { sonioxApiOrigin, sonioxRealtimeUrl, type SonioxRegion } from './soniox-regions.js';
export type {
  SonioxCreateTranscriptionOptions,
  SonioxFileOptions,
  SonioxStt,
  SonioxTranscribeAndWaitOptions,
  SonioxTranscribeCommon,
  SonioxTranscribeOptions,
  SonioxWaitOptions,
} from './soniox-stt.js';
export {
  sonioxToTranscript,
  sonioxTokensToWords,
  sonioxTranslation,
  type SonioxTranslationText,
} from './soniox-to-transcript.js';
export type {
  SonioxWebhookAuth,
  SonioxWebhookEvent,
  SonioxWebhookResult,
  SonioxWebhooks,
} from './soniox-webhooks.js';
export {
  connectSonioxRealtime,
  createSonioxRealtime,
  type SonioxRealtime,
  type SonioxRealtimeClientOptions,
  type SonioxRealtimeSession,
} from './soniox-realtime.js';
export {
  defaultSonioxRealtimeModel,
  sonioxContainerAudioFormats,
  sonioxRawAudioFormats,
  type SonioxAudioFormat,
  type SonioxRawAudioFormat,
  type SonioxRealtimeAuthentication,
  type SonioxRealtimeConfig,
  type SonioxRealtimeConnectOptions,
  type SonioxRealtimeModel,
} from './soniox-realtime-options.js';
