export { ScribeError, type ScribeErrorOptions } from './scribe-error.js';
export { ApiCallError, isRetryableStatus, type ApiCallErrorOptions } from './api-call-error.js';
export { NetworkError } from './network-error.js';
export { TimeoutError } from './timeout-error.js';
export { InvalidArgumentError } from './invalid-argument-error.js';
export { UnsupportedFeatureError } from './unsupported-feature-error.js';
export { RealtimeError } from './realtime-error.js';
export {
  ResponseValidationError,
  toResponseIssues,
  type ResponseIssue,
} from './response-validation-error.js';
export { TranscriptionFailedError } from './transcription-failed-error.js';
