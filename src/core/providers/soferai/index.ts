/**
The SoferAI client: single and batch transcription of Torah lectures (English with Hebrew words,
Hebrew, Yiddish), categories, outlines, link extraction, balance and duration, and the mapping of
SoferAI transcriptions to the normalized `Transcript`.

@module
*/
export {
  createSoferAI,
  soferaiApiOrigin,
  type SoferAIClient,
  type SoferAIOptions,
  type SoferAIRawRequest,
} from './soferai-client.js';
export type {
  SoferAIBalance,
  SoferAICategory,
  SoferAICategoryLink,
  SoferAICategoryTranscription,
  SoferAIDeleteCategoryResult,
  SoferAIDuration,
  SoferAIHealth,
  SoferAIHebrewWordFormat,
  SoferAILanguage,
  SoferAILink,
  SoferAISite,
  SoferAIStatus,
  SoferAITimestamp,
  SoferAITranscription,
  SoferAITranscriptionInfo,
  SoferAITranscriptionSummary,
} from './soferai-api.js';
export type {
  SoferAIBatch,
  SoferAIBatchFile,
  SoferAIBatchFileList,
  SoferAIBatchFileStatus,
  SoferAIBatchProgress,
  SoferAIBatchStatus,
} from './soferai-batch-api.js';
export type {
  SoferAIBatches,
  SoferAIBatchFileUploadOptions,
  SoferAICreateBatchOptions,
} from './soferai-batches.js';
export type { SoferAICategories, SoferAICategoryFields } from './soferai-categories.js';
export type { SoferAIHebrewWordDisplay, SoferAIWordForms } from './soferai-hebrew-words.js';
export type { SoferAICallOptions } from './soferai-ids.js';
export type { SoferAILinks } from './soferai-link.js';
export type {
  SoferAIBatchSource,
  SoferAIModel,
  SoferAIProcessingMode,
  SoferAITranscriptionSettings,
} from './soferai-options.js';
export { soferaiCapabilities, type SoferAIProviderOptions } from './soferai-provider.js';
export type { SoferAIOutlineOptions, SoferAITimestamps } from './soferai-timestamps.js';
export {
  soferaiToTranscript,
  type SoferAIToTranscriptOptions,
  type SoferAITranscriptMetadata,
} from './soferai-to-transcript.js';
export type {
  SoferAICreateTranscriptionOptions,
  SoferAIGetTranscriptionOptions,
  SoferAITranscribe,
  SoferAIWaitOptions,
} from './soferai-transcribe.js';
export type { SoferAIUtils } from './soferai-utils.js';
export type { OutlineConfidence, OutlineTopic } from '../../outline/index.js';
