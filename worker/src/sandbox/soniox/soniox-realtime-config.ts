import {
  sonioxContainerAudioFormats,
  sonioxRawAudioFormats,
} from '../../../../src/core/providers/soniox/soniox-realtime-options.js';
import { sonioxRealtimeErrors, type SonioxRealtimeErrorMessage } from './soniox-realtime-errors.js';
import { SONIOX_MODELS } from './soniox-models.js';
import {
  parseCreateTranscription,
  type SonioxStructuredContext,
  type SonioxTranslationConfig,
} from './soniox-transcription-payload.js';
import {
  at,
  checkBool,
  checkEnum,
  checkInt,
  checkString,
  INVALID,
  requirePresent,
  valid,
  ValidationIssues,
  type Checked,
} from './soniox-validation.js';

/** A validated realtime session configuration (the first message), optional fields as `null`. */
export interface SonioxRealtimeSessionConfig {
  /** The deprecated in-message key, when sent. */
  readonly apiKey: string | null;
  /** The model as requested. */
  readonly model: string;
  /** `auto`, a container name or a raw format. */
  readonly audioFormat: string;
  /** Raw formats only. */
  readonly sampleRate: number | null;
  /** Raw formats only. */
  readonly numChannels: number | null;
  /** Expected languages. */
  readonly languageHints: readonly string[] | null;
  /** Adds `speaker` to tokens. */
  readonly diarization: boolean;
  /** Adds `language` to tokens. */
  readonly languageIdentification: boolean;
  /** Emits `<end>` after each utterance. */
  readonly endpointDetection: boolean;
  /** Translation, if any. */
  readonly translation: SonioxTranslationConfig | null;
  /** Context, structured or a string. */
  readonly context: SonioxStructuredContext | string | null;
  /** The caller's tracking string. */
  readonly clientReferenceId: string | null;
}

/** What {@link parseSonioxRealtimeConfig} found. */
export type SonioxRealtimeConfigResult =
  | { readonly ok: true; readonly config: SonioxRealtimeSessionConfig }
  | { readonly ok: false; readonly error: SonioxRealtimeErrorMessage };

const REALTIME_MODELS = new Set(
  SONIOX_MODELS.filter((model) => model.transcription_mode === 'real_time').map((model) => model.id),
);
const RAW_FORMATS: ReadonlySet<string> = new Set(sonioxRawAudioFormats);
const AUDIO_FORMATS = ['auto', ...sonioxContainerAudioFormats, ...sonioxRawAudioFormats] as const;
const ROOT = 'config';

/**
Reads the first message of a session the way the real service is documented to: a JSON object
with `model` (a real-time model; "Invalid model specified." otherwise, Soniox's own example) and
`audio_format` required, `sample_rate` and `num_channels` required for raw formats, and every
optional field typed and ranged. The fields it shares with async transcription (language hints,
diarization, language identification, translation, context) are checked by the same code as
`POST /v1/transcriptions`. Unknown fields are ignored.

Soniox returns one message per failure, not a field list; the sandbox reports the first problem
as `Invalid configuration: <field>: <pydantic-style message>`, its own wording.
*/
export function parseSonioxRealtimeConfig(text: string): SonioxRealtimeConfigResult {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fail(
      sonioxRealtimeErrors.invalidRequest('Invalid configuration: the first message must be JSON.'),
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail(
      sonioxRealtimeErrors.invalidRequest('Invalid configuration: the first message must be a JSON object.'),
    );
  }
  const payload = body as Record<string, unknown>;
  const issues = new ValidationIssues();

  const apiKey = checkString(payload['api_key'], at(ROOT, 'api_key'), issues);
  let model: Checked<string> = INVALID;
  if (requirePresent(payload, 'model', ROOT, issues)) {
    model = checkString(payload['model'], at(ROOT, 'model'), issues, { required: true });
    if (typeof model === 'string' && !REALTIME_MODELS.has(model)) {
      return fail(sonioxRealtimeErrors.invalidModel());
    }
  }
  let audioFormat: Checked<string> = INVALID;
  if (requirePresent(payload, 'audio_format', ROOT, issues)) {
    audioFormat = checkEnum(payload['audio_format'], AUDIO_FORMATS, at(ROOT, 'audio_format'), issues, {
      required: true,
    });
  }
  const raw = typeof audioFormat === 'string' && RAW_FORMATS.has(audioFormat);
  // Containers carry their own rate and channels: the fields are only read for raw formats.
  let sampleRate: Checked<number> = null;
  let numChannels: Checked<number> = null;
  if (raw) {
    if (requirePresent(payload, 'sample_rate', ROOT, issues)) {
      sampleRate = checkInt(payload['sample_rate'], at(ROOT, 'sample_rate'), issues, {
        min: 2000,
        max: 96_000,
        required: true,
      });
    }
    if (requirePresent(payload, 'num_channels', ROOT, issues)) {
      numChannels = checkInt(payload['num_channels'], at(ROOT, 'num_channels'), issues, {
        min: 1,
        max: 8,
        required: true,
      });
    }
  }
  const endpointDetection = checkBool(
    payload['enable_endpoint_detection'],
    at(ROOT, 'enable_endpoint_detection'),
    issues,
  );
  checkInt(payload['max_endpoint_delay_ms'], at(ROOT, 'max_endpoint_delay_ms'), issues, {
    min: 500,
    max: 3000,
  });
  checkNumber(payload['endpoint_sensitivity'], at(ROOT, 'endpoint_sensitivity'), issues, -1, 1);
  checkInt(
    payload['endpoint_latency_adjustment_level'],
    at(ROOT, 'endpoint_latency_adjustment_level'),
    issues,
    {
      min: 0,
      max: 3,
    },
  );
  const clientReferenceId = checkString(
    payload['client_reference_id'],
    at(ROOT, 'client_reference_id'),
    issues,
    {
      maxLength: 256,
    },
  );

  // The shared fields, checked by the async endpoint's own validator.
  const shared = parseCreateTranscription({
    model: 'stt-async-v5',
    audio_url: 'https://sandbox.invalid/audio',
    language_hints: payload['language_hints'],
    language_hints_strict: payload['language_hints_strict'],
    enable_speaker_diarization: payload['enable_speaker_diarization'],
    enable_language_identification: payload['enable_language_identification'],
    translation: payload['translation'],
    context: payload['context'],
  });
  if (!shared.ok) {
    for (const error of shared.errors) {
      issues.add(error.error_type, error.location.replace(/^body\.payload/, ROOT), error.message);
    }
  }

  const first = issues.errors[0];
  if (first !== undefined || !shared.ok) {
    const where = first?.location.replace(/^config\./, '') ?? 'config';
    return fail(
      sonioxRealtimeErrors.invalidRequest(`Invalid configuration: ${where}: ${first?.message ?? 'invalid'}`),
    );
  }
  return {
    ok: true,
    config: {
      apiKey: valid(apiKey),
      model: valid(model) ?? '',
      audioFormat: valid(audioFormat) ?? 'auto',
      sampleRate: valid(sampleRate),
      numChannels: valid(numChannels),
      languageHints: shared.request.language_hints,
      diarization: shared.request.enable_speaker_diarization,
      languageIdentification: shared.request.enable_language_identification,
      endpointDetection: valid(endpointDetection) ?? false,
      translation: shared.request.translation,
      context: shared.request.context,
      clientReferenceId: valid(clientReferenceId),
    },
  };
}

function fail(error: SonioxRealtimeErrorMessage): SonioxRealtimeConfigResult {
  return { ok: false, error };
}

/** A `float` field in pydantic's lax mode, within `[min, max]`. */
function checkNumber(
  value: unknown,
  location: string,
  issues: ValidationIssues,
  min: number,
  max: number,
): void {
  if (value === undefined || value === null) return;
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    issues.add('float_type', location, 'Input should be a valid number');
  } else if (number < min) {
    issues.add('greater_than_equal', location, `Input should be greater than or equal to ${min}`);
  } else if (number > max) {
    issues.add('less_than_equal', location, `Input should be less than or equal to ${max}`);
  }
}
