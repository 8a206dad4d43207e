import * as v from 'valibot';
import {
  realtimeSessionOptionEntries,
  type RealtimeSessionOptions,
} from '../../realtime/realtime-session-options.js';
import {
  configToWire,
  omitUndefined,
  SonioxTranscriptionConfigSchema,
  type SonioxContext,
  type SonioxTranscriptionConfig,
  type SonioxTranslation,
} from './soniox-options.js';

// The session configuration of the realtime WebSocket, validated like the server validates it
// (https://soniox.com/docs/stt/api-reference/websocket-api, reference/soniox.md §4.3–4.4), so a
// bad field fails here, named, before a socket is opened.

/** Current realtime model names; others (aliases, newer models) are accepted as strings. */
export type SonioxRealtimeModel = 'stt-rt-v5' | 'stt-rt-v4' | (string & {});

/** The realtime model used when none is given. */
export const defaultSonioxRealtimeModel = 'stt-rt-v5';

/** Raw audio formats: they carry no header, so `sampleRate` and `numChannels` are required. */
export const sonioxRawAudioFormats = [
  'pcm_s8',
  'pcm_s8le',
  'pcm_s8be',
  'pcm_s16le',
  'pcm_s16be',
  'pcm_s24le',
  'pcm_s24be',
  'pcm_s32le',
  'pcm_s32be',
  'pcm_u8',
  'pcm_u8le',
  'pcm_u8be',
  'pcm_u16le',
  'pcm_u16be',
  'pcm_u24le',
  'pcm_u24be',
  'pcm_u32le',
  'pcm_u32be',
  'pcm_f32le',
  'pcm_f32be',
  'pcm_f64le',
  'pcm_f64be',
  'mulaw',
  'alaw',
] as const;

/** Container formats the server recognises by their header (as `auto` does). */
export const sonioxContainerAudioFormats = [
  'aac',
  'aiff',
  'amr',
  'asf',
  'flac',
  'mp3',
  'ogg',
  'wav',
  'webm',
] as const;

/** A raw audio format. */
export type SonioxRawAudioFormat = (typeof sonioxRawAudioFormats)[number];

/** What `audioFormat` accepts: `auto` (detect the container), a container name, or a raw format. */
export type SonioxAudioFormat = 'auto' | SonioxRawAudioFormat | (typeof sonioxContainerAudioFormats)[number];

/** The realtime session configuration: the first message of the WebSocket, in camelCase. */
export interface SonioxRealtimeConfig {
  /** @default 'stt-rt-v5' */
  model?: SonioxRealtimeModel | undefined;
  /**
  The audio's format. `auto` works for containers (WebM/Opus from `MediaRecorder`, Ogg, WAV, MP3,
  FLAC, …); raw PCM (`pcm_s16le`) needs `sampleRate` and `numChannels`. Reconnects replay audio
  precisely only for raw formats.

  @default 'auto'
  */
  audioFormat?: SonioxAudioFormat | undefined;
  /** Samples per second of raw audio (2,000–96,000). */
  sampleRate?: number | undefined;
  /** Channels of raw audio (1–8). */
  numChannels?: number | undefined;
  /** Expected languages (ISO codes, at most 100). */
  languageHints?: string[] | undefined;
  /** Lean harder on `languageHints` (best with one language). */
  languageHintsStrict?: boolean | undefined;
  /** Context: plain text, or structured; about 10,000 characters at most. */
  context?: string | SonioxContext | undefined;
  /** Label each word with a speaker (endpoint detection lowers its accuracy). */
  enableSpeakerDiarization?: boolean | undefined;
  /** Label each word with its language. */
  enableLanguageIdentification?: boolean | undefined;
  /** Detect the end of utterances: `endpoint` parts, and words finalized sooner. */
  enableEndpointDetection?: boolean | undefined;
  /** The longest wait before an endpoint, 500–3000 ms (server default 2000). */
  maxEndpointDelayMs?: number | undefined;
  /** From -1 to 1 (server default 0): higher emits endpoints more readily (v5 models). */
  endpointSensitivity?: number | undefined;
  /** 0–3 (server default 0): higher gives earlier endpoints and more segments (v5 models). */
  endpointLatencyAdjustmentLevel?: number | undefined;
  /** Translation, one way or two ways; kept apart in `translation-*` parts. */
  translation?: SonioxTranslation | undefined;
  /** Your id for the session in Soniox's usage logs (at most 256 characters); ignored with a temporary key. */
  clientReferenceId?: string | undefined;
}

/** How the key reaches Soniox; see `createSonioxRealtime`. */
export type SonioxRealtimeAuthentication = 'auto' | 'header' | 'subprotocol' | 'message';

/** Options of `connect()`: the session configuration, the connection, and the session's behaviour. */
export interface SonioxRealtimeConnectOptions extends SonioxRealtimeConfig, RealtimeSessionOptions {
  /** The WebSocket URL, instead of the client's (`ws(s)://` or `http(s)://`). */
  url?: string | undefined;
  /**
  How the key is sent: `auto` picks the `Authorization` header where the runtime can send one,
  else the `soniox-api-key` subprotocol when the key is a valid subprotocol token, else the
  deprecated `api_key` field of the first message (refused by Soniox from 2027-01-15).

  @default 'auto'
  */
  authentication?: SonioxRealtimeAuthentication | undefined;
}

const integer = (min: number, max: number, unit = '') =>
  v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(min, `must be at least ${min}${unit}`),
    v.maxValue(max, `must be at most ${max}${unit}`),
  );

const transcriptionEntries = SonioxTranscriptionConfigSchema.pipe[0].entries;
const rawFormats: ReadonlySet<string> = new Set(sonioxRawAudioFormats);

/** The valibot schema of {@link SonioxRealtimeConnectOptions}; unknown keys are rejected so typos surface. */
export const SonioxRealtimeConnectOptionsSchema = v.pipe(
  v.strictObject(
    {
      model: v.optional(
        v.pipe(
          v.string('must be a string'),
          v.minLength(1, 'must not be empty'),
          v.maxLength(64, 'must be at most 64 characters'),
        ),
      ),
      audioFormat: v.optional(
        v.picklist(
          ['auto', ...sonioxContainerAudioFormats, ...sonioxRawAudioFormats],
          'must be "auto", a container format (webm, ogg, wav, …) or a raw format such as "pcm_s16le"',
        ),
      ),
      // Ranges from the legacy documentation; the current API does not state them.
      sampleRate: v.optional(integer(2000, 96_000, ' Hz')),
      numChannels: v.optional(integer(1, 8)),
      languageHints: transcriptionEntries.languageHints,
      languageHintsStrict: transcriptionEntries.languageHintsStrict,
      context: transcriptionEntries.context,
      enableSpeakerDiarization: transcriptionEntries.enableSpeakerDiarization,
      enableLanguageIdentification: transcriptionEntries.enableLanguageIdentification,
      enableEndpointDetection: v.optional(v.boolean('must be a boolean')),
      maxEndpointDelayMs: v.optional(integer(500, 3000, ' ms')),
      endpointSensitivity: v.optional(
        v.pipe(
          v.number('must be a number'),
          v.finite('must be a finite number'),
          v.minValue(-1, 'must be at least -1'),
          v.maxValue(1, 'must be at most 1'),
        ),
      ),
      endpointLatencyAdjustmentLevel: v.optional(integer(0, 3)),
      translation: transcriptionEntries.translation,
      clientReferenceId: v.optional(
        v.pipe(v.string('must be a string'), v.maxLength(256, 'must be at most 256 characters')),
      ),
      url: v.optional(
        v.pipe(
          v.string('must be a string'),
          v.regex(
            /^(wss?|https?):\/\/[^\s]+$/i,
            'must be an absolute ws(s):// or http(s):// URL without spaces',
          ),
        ),
      ),
      authentication: v.optional(
        v.picklist(
          ['auto', 'header', 'subprotocol', 'message'],
          'must be "auto", "header", "subprotocol" or "message"',
        ),
      ),
      ...realtimeSessionOptionEntries,
    },
    (issue) => `is not a Soniox realtime option (${String(issue.input)})`,
  ),
  // Raw audio has no header to read the rate and channels from; the server refuses it without them.
  v.forward(
    v.partialCheck(
      [['audioFormat'], ['sampleRate']],
      (options) => !isRaw(options.audioFormat) || options.sampleRate !== undefined,
      'is required with a raw audioFormat',
    ),
    ['sampleRate'],
  ),
  v.forward(
    v.partialCheck(
      [['audioFormat'], ['numChannels']],
      (options) => !isRaw(options.audioFormat) || options.numChannels !== undefined,
      'is required with a raw audioFormat',
    ),
    ['numChannels'],
  ),
  // A container states its own rate and channels; values given here would be silently ignored.
  v.forward(
    v.partialCheck(
      [['audioFormat'], ['sampleRate']],
      (options) => isRaw(options.audioFormat) || options.sampleRate === undefined,
      'only applies to a raw audioFormat such as "pcm_s16le"',
    ),
    ['sampleRate'],
  ),
  v.forward(
    v.partialCheck(
      [['audioFormat'], ['numChannels']],
      (options) => isRaw(options.audioFormat) || options.numChannels === undefined,
      'only applies to a raw audioFormat such as "pcm_s16le"',
    ),
    ['numChannels'],
  ),
);

function isRaw(format: string | undefined): boolean {
  return format !== undefined && rawFormats.has(format);
}

/**
The first message of a session, snake_case as sent. `apiKey` is only given for the deprecated
`message` authentication.
*/
export function sonioxRealtimeConfigMessage(
  config: SonioxRealtimeConfig | v.InferOutput<typeof SonioxRealtimeConnectOptionsSchema>,
  apiKey: string | undefined,
): Record<string, unknown> {
  return omitUndefined({
    api_key: apiKey,
    model: config.model ?? defaultSonioxRealtimeModel,
    audio_format: config.audioFormat ?? 'auto',
    sample_rate: config.sampleRate,
    num_channels: config.numChannels,
    ...configToWire(
      omitUndefined({
        languageHints: config.languageHints,
        languageHintsStrict: config.languageHintsStrict,
        enableSpeakerDiarization: config.enableSpeakerDiarization,
        enableLanguageIdentification: config.enableLanguageIdentification,
        context: config.context,
        translation: config.translation,
      }) as SonioxTranscriptionConfig,
    ),
    enable_endpoint_detection: config.enableEndpointDetection,
    max_endpoint_delay_ms: config.maxEndpointDelayMs,
    endpoint_sensitivity: config.endpointSensitivity,
    endpoint_latency_adjustment_level: config.endpointLatencyAdjustmentLevel,
    client_reference_id: config.clientReferenceId,
  });
}

const bitsByFamily: Record<string, number> = {
  s8: 8,
  u8: 8,
  s16: 16,
  u16: 16,
  s24: 24,
  u24: 24,
  s32: 32,
  u32: 32,
  f32: 32,
  f64: 64,
};

/**
Bytes per second and per sample frame of raw audio, so a reconnect can replay from an exact
time; `undefined` for `auto` and containers.
*/
export function sonioxRawAudioRate(
  config: Pick<SonioxRealtimeConfig, 'audioFormat' | 'sampleRate' | 'numChannels'>,
): { bytesPerSecond: number; frameBytes: number } | undefined {
  const format = config.audioFormat;
  if (
    format === undefined ||
    !isRaw(format) ||
    config.sampleRate === undefined ||
    config.numChannels === undefined
  ) {
    return undefined;
  }
  const family = /^pcm_([suf]\d+)/.exec(format)?.[1];
  const bits = family === undefined ? 8 : (bitsByFamily[family] ?? 8);
  const frameBytes = (bits / 8) * config.numChannels;
  return { bytesPerSecond: frameBytes * config.sampleRate, frameBytes };
}
