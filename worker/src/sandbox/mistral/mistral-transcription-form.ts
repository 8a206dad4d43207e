import { mistralValidationError, type MistralValidationIssue } from './mistral-errors.js';

/** A timestamp granularity. */
export type MistralGranularity = 'segment' | 'word';

/** The form fields of `POST /v1/audio/transcriptions`, parsed the way the API's pydantic model does. */
export interface MistralTranscriptionForm {
  readonly model: string;
  readonly file: File | null;
  readonly fileUrl: string | null;
  readonly fileId: string | null;
  readonly language: string | null;
  readonly returnLanguage: boolean;
  readonly temperature: number | null;
  readonly stream: boolean;
  readonly diarize: boolean;
  readonly contextBias: readonly string[];
  readonly timestampGranularities: readonly MistralGranularity[];
  /** Whether the request carried `turn_detection`, which only realtime accepts. */
  readonly hasTurnDetection: boolean;
}

/** The parsed form, or the 422 the API answers for a malformed one. */
export type ParsedTranscriptionForm =
  | { readonly ok: true; readonly form: MistralTranscriptionForm }
  | { readonly ok: false; readonly response: Response };

// Pydantic's lax boolean strings (https://docs.pydantic.dev/latest/api/standard_library_types/#booleans).
const TRUE = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

/**
Reads the multipart (or urlencoded) body. Shape errors (a missing `model`, a string where a file
belongs, a boolean or number that does not parse, an unknown granularity) are collected into one
422 `{ detail: [...] }`, the FastAPI shape the SDK models as `HTTPValidationError`; the rules about
combinations are checked afterwards and answered with 400s.
*/
export async function parseTranscriptionForm(request: Request): Promise<ParsedTranscriptionForm> {
  // A body that is not a form has none of the fields: the same 422 for a missing model.
  const form = await request.formData().catch(() => new FormData());
  const issues: MistralValidationIssue[] = [];
  const text = (name: string): string | null => {
    const value = form.get(name);
    if (value === null) return null;
    if (typeof value !== 'string') {
      issues.push({
        loc: ['body', name],
        msg: 'Input should be a valid string',
        type: 'string_type',
        input: value.name,
      });
      return null;
    }
    return value;
  };
  const flag = (name: string): boolean => {
    const value = text(name);
    if (value === null) return false;
    const lower = value.trim().toLowerCase();
    if (TRUE.has(lower)) return true;
    if (!FALSE.has(lower)) {
      issues.push({
        loc: ['body', name],
        msg: 'Input should be a valid boolean, unable to interpret input',
        type: 'bool_parsing',
        input: value,
      });
    }
    return false;
  };

  const model = text('model');
  if (model === null && !form.has('model')) {
    issues.push({ loc: ['body', 'model'], msg: 'Field required', type: 'missing', input: null });
  }
  const filePart = form.get('file');
  let file: File | null = null;
  if (typeof filePart === 'string') {
    issues.push({
      loc: ['body', 'file'],
      msg: "Expected UploadFile, received: <class 'str'>",
      type: 'value_error',
      input: filePart,
    });
  } else {
    file = filePart;
  }
  const temperatureText = text('temperature');
  let temperature: number | null = null;
  if (temperatureText !== null) {
    temperature = Number(temperatureText);
    if (temperatureText.trim() === '' || !Number.isFinite(temperature)) {
      issues.push({
        loc: ['body', 'temperature'],
        msg: 'Input should be a valid number, unable to parse string as a number',
        type: 'float_parsing',
        input: temperatureText,
      });
      temperature = null;
    }
  }
  const granularities: MistralGranularity[] = [];
  form.getAll('timestamp_granularities').forEach((value, index) => {
    if (value === 'segment' || value === 'word') {
      granularities.push(value);
    } else {
      issues.push({
        loc: ['body', 'timestamp_granularities', index],
        msg: "Input should be 'segment' or 'word'",
        type: 'enum',
        input: typeof value === 'string' ? value : value.name,
        ctx: { expected: "'segment' or 'word'" },
      });
    }
  });
  const contextBias = form
    .getAll('context_bias')
    .filter((value): value is string => typeof value === 'string');
  const parsed = {
    fileUrl: text('file_url'),
    fileId: text('file_id'),
    language: text('language'),
    returnLanguage: flag('return_language'),
    stream: flag('stream'),
    diarize: flag('diarize'),
  };
  if (issues.length > 0 || model === null) {
    return { ok: false, response: mistralValidationError(issues) };
  }
  return {
    ok: true,
    form: {
      model,
      file,
      temperature,
      contextBias,
      timestampGranularities: granularities,
      hasTurnDetection: form.has('turn_detection'),
      ...parsed,
    },
  };
}
