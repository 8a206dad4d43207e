export type { ApiKey, ClientOptions, RetryOptions } from './client-options.js';
export {
  buildUrl,
  createHttpClient,
  type AuthScheme,
  type HttpClient,
  type HttpClientConfig,
  type HttpRequest,
  type QueryValue,
} from './create-http-client.js';
export { readErrorBody, type ErrorBodyDetails } from './error-body.js';
export { parseResponse } from './parse-response.js';
export { redactUrl } from './redact-url.js';
export { parseRetryAfter, retryableStatusCodes } from './retry-policy.js';
export { uploadProgressField, type ScribeRequestInit, type UploadProgress } from './upload-progress.js';
