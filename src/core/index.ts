/**
scribekit core: the provider-neutral pieces that run unchanged in browsers, Deno, Cloudflare
Workers and Node — the normalized `Transcript` and its formats, audio input and probing, share
links, the error hierarchy and client options.

@module
*/
export {
  ApiCallError,
  InvalidArgumentError,
  NetworkError,
  RealtimeError,
  ResponseValidationError,
  ScribeError,
  TimeoutError,
  TranscriptionFailedError,
  UnsupportedFeatureError,
  isRetryableStatus,
  type ApiCallErrorOptions,
  type ResponseIssue,
  type ScribeErrorOptions,
} from './errors/index.js';
export type { ApiKey, ClientOptions, RetryOptions } from './http/index.js';
export {
  audioContainers,
  normalizeAudioInput,
  probeDuration,
  sniffContainer,
  type AudioContainer,
  type AudioFormat,
  type AudioInput,
  type AudioProbe,
  type BlobAudioInput,
  type ByteSource,
  type DurationMethod,
  type NormalizeAudioInputOptions,
  type NormalizedAudioInput,
  type ProbeDurationOptions,
  type StreamAudioInput,
  type UrlAudioInput,
} from './audio/index.js';
export { resolveShareLink, type ResolvedShareLink, type ShareLinkSource } from './share-links/index.js';
export {
  ChapterSchema,
  SegmentSchema,
  TranscriptSchema,
  WarningSchema,
  WordSchema,
  buildCues,
  buildSegments,
  createTranscript,
  formatTimestamp,
  joinWords,
  parseVttChapters,
  toJson,
  toSrt,
  toText,
  toVtt,
  toVttChapters,
  type BuildSegmentsOptions,
  type Chapter,
  type CreateTranscriptInput,
  type Cue,
  type CueOptions,
  type FormatTimestampOptions,
  type JsonOptions,
  type Segment,
  type SrtOptions,
  type TextOptions,
  type Transcript,
  type VttChaptersOptions,
  type VttOptions,
  type Warning,
  type Word,
} from './transcript/index.js';
export {
  followJobEvents,
  transcribe,
  type JobEvent,
  type JobEventSource,
  type ProviderCapabilities,
  type ProviderTranscribeRequest,
  type TranscribeOptions,
  type TranscribeProgress,
  type TranscriptionProvider,
  type TranscriptionProviderSource,
} from './transcribe/index.js';
export { uploadProgressField, type ScribeRequestInit, type UploadProgress } from './http/index.js';
export {
  alignOutline,
  outlineToChapters,
  type AlignOutlineOptions,
  type OutlineConfidence,
  type OutlineToChaptersOptions,
  type OutlineTopic,
  type OutlineTopicInput,
} from './outline/index.js';
