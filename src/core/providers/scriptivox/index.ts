/**
The Scriptivox client: asynchronous transcription jobs from a URL or an upload, exports, the job
list, balance, signed webhooks, and the mapping of a result to the normalized `Transcript`.

@module
*/
export {
  createScriptivox,
  type ScriptivoxClient,
  type ScriptivoxOptions,
  type ScriptivoxRawRequest,
  type ScriptivoxTranscriptions,
} from './scriptivox-client.js';
export type {
  ScriptivoxBalance,
  ScriptivoxCancelled,
  ScriptivoxError,
  ScriptivoxResult,
  ScriptivoxTranscription,
  ScriptivoxTranscriptionPage,
  ScriptivoxTranscriptionStatus,
  ScriptivoxUpload,
  ScriptivoxUtterance,
  ScriptivoxWebhookEvent,
  ScriptivoxWord,
} from './scriptivox-api.js';
export { scriptivoxMediaType, scriptivoxMediaTypes } from './scriptivox-media-types.js';
export type {
  ScriptivoxCreateTranscriptionOptions,
  ScriptivoxListOptions,
  ScriptivoxTranscribeSettings,
} from './scriptivox-options.js';
export { scriptivoxCapabilities } from './scriptivox-provider.js';
export { scriptivoxToTranscript } from './scriptivox-to-transcript.js';
export type {
  ScriptivoxCreatedTranscription,
  ScriptivoxCreateFromFileOptions,
  ScriptivoxExportOptions,
  ScriptivoxTranscribe,
  ScriptivoxWaitOptions,
} from './scriptivox-transcribe.js';
export type { ScriptivoxUploadOptions, ScriptivoxUploads } from './scriptivox-uploads.js';
export type {
  ScriptivoxWebhookHeaders,
  ScriptivoxWebhookResult,
  ScriptivoxWebhooks,
  ScriptivoxWebhookVerifyOptions,
} from './scriptivox-webhooks.js';
