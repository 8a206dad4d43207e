import * as v from 'valibot';
import { ResponseValidationError, toResponseIssues } from '../../errors/index.js';
import { SonioxTokenSchema, type SonioxToken } from './soniox-api.js';

/** A realtime token: a {@link SonioxToken} that is final or still provisional. */
export interface SonioxRealtimeToken extends SonioxToken {
  /** Final tokens are sent once and never change; the others are replaced by the next message. */
  readonly isFinal: boolean;
}

/** A server message of the realtime WebSocket, in camelCase. */
export interface SonioxRealtimeResponse {
  /** The tokens that just became final, then the current provisional tail. */
  readonly tokens: readonly SonioxRealtimeToken[];
  /** Audio finalized so far, in ms of this connection's audio. */
  readonly finalAudioProcMs: number | undefined;
  /** Audio processed so far, in ms. */
  readonly totalAudioProcMs: number | undefined;
  /** `true` on the last message after the end of audio. */
  readonly finished: boolean;
  /** Set when the message is an error; the server closes the socket right after. */
  readonly error:
    | { readonly code: number | string; readonly message: string; readonly type: string | undefined }
    | undefined;
}

/**
A result or error message (https://soniox.com/docs/stt/api-reference/websocket-api, reference
§4.6). Loose: a field Soniox adds cannot break parsing; `error_type`, `request_id` and `more_info`
come only from newer servers.
*/
const SonioxRealtimeResponseSchema = v.object({
  tokens: v.nullish(v.array(v.looseObject({ is_final: v.nullish(v.boolean()) }))),
  final_audio_proc_ms: v.nullish(v.number()),
  total_audio_proc_ms: v.nullish(v.number()),
  finished: v.nullish(v.boolean()),
  error_code: v.nullish(v.union([v.number(), v.string()])),
  error_message: v.nullish(v.string()),
  error_type: v.nullish(v.string()),
});

const operation = 'realtime message';

/**
Parses one text frame of the realtime WebSocket. Throws `ResponseValidationError` for a frame that
is not JSON or not a Soniox message. As the official SDK does, a message with either
`error_code` or `error_message` is an error.
*/
export function parseSonioxRealtimeResponse(text: string): SonioxRealtimeResponse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ResponseValidationError({
      provider: 'soniox',
      operation,
      issues: [{ path: '', message: 'is not JSON' }],
      data: text.slice(0, 1000),
      cause: error,
    });
  }
  const result = v.safeParse(SonioxRealtimeResponseSchema, data);
  if (!result.success) {
    throw new ResponseValidationError({
      provider: 'soniox',
      operation,
      issues: toResponseIssues(result.issues),
      data,
    });
  }
  const message = result.output;
  if (
    (message.error_code !== undefined && message.error_code !== null) ||
    (message.error_message !== undefined && message.error_message !== null)
  ) {
    return {
      tokens: [],
      finalAudioProcMs: undefined,
      totalAudioProcMs: undefined,
      finished: false,
      error: {
        code: message.error_code ?? 'unknown',
        message: message.error_message ?? 'unknown error',
        type: message.error_type ?? undefined,
      },
    };
  }
  const tokens: SonioxRealtimeToken[] = [];
  for (const [index, raw] of (message.tokens ?? []).entries()) {
    const token = v.safeParse(SonioxTokenSchema, raw);
    if (!token.success) {
      throw new ResponseValidationError({
        provider: 'soniox',
        operation,
        issues: toResponseIssues(token.issues).map((issue) => ({
          ...issue,
          path: `tokens[${index}]${issue.path === '' ? '' : `.${issue.path}`}`,
        })),
        data,
      });
    }
    tokens.push({ ...token.output, isFinal: raw.is_final === true });
  }
  return {
    tokens,
    finalAudioProcMs: message.final_audio_proc_ms ?? undefined,
    totalAudioProcMs: message.total_audio_proc_ms ?? undefined,
    finished: message.finished === true,
    error: undefined,
  };
}
