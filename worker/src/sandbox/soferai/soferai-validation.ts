import { soferaiValidationError, type FastApiValidationIssue } from './soferai-errors.js';

/*
SoferAI's request models are pydantic (v2) models behind FastAPI, so a body of the wrong shape is
a 422 listing each bad field with pydantic's type, location and message. The checks below
reproduce those for the field types SoferAI's bodies use (JSON input). Rules that join fields
("audio_url or audio_file, not both") are the service's own and answer 400.
*/

/** Marks a field that failed its check; the failure is already recorded. */
export const INVALID: unique symbol = Symbol('invalid');

/** A checked field: its value, `null` when absent or null, or {@link INVALID}. */
export type Checked<T> = T | null | typeof INVALID;

/** A field's location: `['body', 'info', 'num_speakers']`. */
export type Location = readonly (string | number)[];

/** The validation issues of one request. */
export class Issues {
  readonly #issues: FastApiValidationIssue[] = [];

  /** Records one issue. */
  add(type: string, loc: Location, msg: string, input: unknown, ctx?: Record<string, unknown>): void {
    this.#issues.push({ type, loc, msg, input, ...(ctx === undefined ? {} : { ctx }) });
  }

  /** Whether nothing failed. */
  get empty(): boolean {
    return this.#issues.length === 0;
  }

  /** The 422 response listing every issue. */
  response(): Response {
    return soferaiValidationError(this.#issues);
  }
}

/** The outcome of {@link readJsonObject}: the body's fields, or the 422 to send. */
export type BodyResult =
  | { readonly ok: true; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly response: Response };

/** Reads a JSON object body the way FastAPI does: bad JSON or a non-object is 422. */
export async function readJsonObject(request: Request): Promise<BodyResult> {
  const issues = new Issues();
  const text = await request.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    issues.add('json_invalid', ['body', 0], 'JSON decode error', {}, { error: String(error) });
    return { ok: false, response: issues.response() };
  }
  const object = checkObject(body, ['body'], issues);
  if (object === null) missing(['body'], issues);
  return object === INVALID || object === null
    ? { ok: false, response: issues.response() }
    : { ok: true, body: object };
}

function missing(loc: Location, issues: Issues): Issues {
  issues.add('missing', loc, 'Field required', null);
  return issues;
}

/** A nested model: `null` when absent, {@link INVALID} when not an object. */
export function checkObject(value: unknown, loc: Location, issues: Issues): Checked<Record<string, unknown>> {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    issues.add(
      'model_attributes_type',
      loc,
      'Input should be a valid dictionary or object to extract fields from',
      value,
    );
    return INVALID;
  }
  return value as Record<string, unknown>;
}

/** Records `missing` for a required field that is absent; `true` when it is present. */
export function requirePresent(
  object: Record<string, unknown>,
  key: string,
  loc: Location,
  issues: Issues,
): boolean {
  if (object[key] === undefined) {
    missing([...loc, key], issues);
    return false;
  }
  return true;
}

/** A `str` field; pydantic does not turn numbers into strings. */
export function checkString(
  value: unknown,
  loc: Location,
  issues: Issues,
  options: { minLength?: number } = {},
): Checked<string> {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    issues.add('string_type', loc, 'Input should be a valid string', value);
    return INVALID;
  }
  if (options.minLength !== undefined && [...value].length < options.minLength) {
    issues.add('string_too_short', loc, `String should have at least ${options.minLength} character`, value, {
      min_length: options.minLength,
    });
    return INVALID;
  }
  return value;
}

/** A `bool` field (JSON booleans only). */
export function checkBool(value: unknown, loc: Location, issues: Issues): Checked<boolean> {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'boolean') {
    issues.add('bool_type', loc, 'Input should be a valid boolean', value);
    return INVALID;
  }
  return value;
}

/** An `int` field, with an optional lower bound. */
export function checkInt(
  value: unknown,
  loc: Location,
  issues: Issues,
  options: { min?: number } = {},
): Checked<number> {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    issues.add('int_type', loc, 'Input should be a valid integer', value);
    return INVALID;
  }
  if (!Number.isInteger(value)) {
    issues.add(
      'int_from_float',
      loc,
      'Input should be a valid integer, got a number with a fractional part',
      value,
    );
    return INVALID;
  }
  if (options.min !== undefined && value < options.min) {
    issues.add('greater_than_equal', loc, `Input should be greater than or equal to ${options.min}`, value, {
      ge: options.min,
    });
    return INVALID;
  }
  return value;
}

/** One of a string enum's values. */
export function checkEnum<T extends string>(
  value: unknown,
  loc: Location,
  issues: Issues,
  values: readonly T[],
): Checked<T> {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    const expected = values.map((item) => `'${item}'`);
    const wording =
      expected.length > 1 ? `${expected.slice(0, -1).join(', ')} or ${expected.at(-1)}` : (expected[0] ?? '');
    issues.add('enum', loc, `Input should be ${wording}`, value, { expected: wording });
    return INVALID;
  }
  return value as T;
}

/** A list field whose items are checked by `item`. */
export function checkList<T>(
  value: unknown,
  loc: Location,
  issues: Issues,
  item: (value: unknown, loc: Location) => Checked<T>,
): Checked<T[]> {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) {
    issues.add('list_type', loc, 'Input should be a valid list', value);
    return INVALID;
  }
  const items: T[] = [];
  let failed = false;
  value.forEach((entry: unknown, index) => {
    const checked = item(entry, [...loc, index]);
    if (checked === INVALID || checked === null) failed ||= checked === INVALID;
    else items.push(checked);
  });
  return failed ? INVALID : items;
}

/** A UUID field, returned lower-case and hyphenated. */
export function checkUuid(value: unknown, loc: Location, issues: Issues): Checked<string> {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    issues.add('uuid_type', loc, 'UUID input should be a string, bytes or UUID object', value);
    return INVALID;
  }
  const uuid = canonicalUuid(value);
  if (uuid === undefined) {
    issues.add('uuid_parsing', loc, 'Input should be a valid UUID', value);
    return INVALID;
  }
  return uuid;
}

/** A UUID in any of the forms Python's `uuid.UUID` reads, lower-case and hyphenated; `undefined` otherwise. */
export function canonicalUuid(raw: string): string | undefined {
  const hex = raw
    .trim()
    .replace(/^urn:uuid:/i, '')
    .replace(/^\{(.*)\}$/, '$1')
    .replace(/-/g, '')
    .toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A path UUID: the canonical id, or the 422 FastAPI sends for a malformed one. */
export function pathUuid(raw: string, name: string): string | Response {
  const issues = new Issues();
  const uuid = checkUuid(raw, ['path', name], issues);
  return typeof uuid === 'string' ? uuid : issues.response();
}
