/**
An error message of the realtime WebSocket, as newer Soniox servers send it: the HTTP-like code
and message every server sends, plus `error_type`, `request_id` and `more_info`
(reference/soniox.md §4.6). The socket is closed right after it.
*/
export interface SonioxRealtimeErrorMessage {
  readonly error_code: number;
  readonly error_type: string;
  readonly error_message: string;
  readonly request_id: string;
  readonly more_info: string;
}

/** Builds an error message. */
export function sonioxRealtimeError(code: number, type: string, message: string): SonioxRealtimeErrorMessage {
  return {
    error_code: code,
    error_type: type,
    error_message: message,
    request_id: crypto.randomUUID(),
    more_info: `https://soniox.com/docs/api-reference/errors#${type.replace(/_/g, '-')}`,
  };
}

/**
The realtime errors the sandbox sends. Soniox documents the codes (400, 401, 402, 408, 429, 500,
503) and two messages verbatim ("Invalid model specified.", and the 503 "Cannot continue
request"); every other message is the sandbox's wording.
*/
export const sonioxRealtimeErrors = {
  /** 400: a configuration field is missing or invalid; `message` names it. */
  invalidRequest: (message: string) => sonioxRealtimeError(400, 'invalid_request', message),
  /** 400: the documented message for an unknown model. */
  invalidModel: () => sonioxRealtimeError(400, 'invalid_request', 'Invalid model specified.'),
  /** 401: no key at all. */
  missingApiKey: () =>
    sonioxRealtimeError(
      401,
      'unauthenticated',
      'Missing API key. Send it in the Authorization header, the soniox-api-key subprotocol or the api_key field.',
    ),
  /** 401: a key Soniox does not accept, with the REST API's wording. */
  invalidApiKey: () =>
    sonioxRealtimeError(
      401,
      'unauthenticated',
      'Incorrect API key provided. You can get an API key at https://console.soniox.com',
    ),
  /** 401: a temporary key past its expiry (it only limits opening sessions). */
  expiredTemporaryKey: () => sonioxRealtimeError(401, 'unauthenticated', 'Temporary API key has expired.'),
  /** 401: a single-use temporary key that already opened a session. */
  usedTemporaryKey: () =>
    sonioxRealtimeError(401, 'unauthenticated', 'Temporary API key has already been used.'),
  /** 401: a temporary key minted for another API (`tts_rt`). */
  wrongKeyUsage: () =>
    sonioxRealtimeError(
      401,
      'unauthenticated',
      'Temporary API key is not valid for speech-to-text (usage_type).',
    ),
  /** 408: neither audio nor keepalive for longer than the idle limit. */
  idleTimeout: (seconds: number) =>
    sonioxRealtimeError(
      408,
      'request_timeout',
      `Request timeout: no audio or keepalive received for ${seconds} seconds.`,
    ),
  /** 400: the session ran past its longest allowed duration. */
  sessionTooLong: (seconds: number) =>
    sonioxRealtimeError(400, 'invalid_request', `Maximum session duration of ${seconds} seconds exceeded.`),
  /** 503: the documented early termination of a best-effort session. */
  cannotContinue: (code: number) =>
    sonioxRealtimeError(
      503,
      'service_unavailable',
      `Cannot continue request (code ${code}). Please restart the request.`,
    ),
} as const;
