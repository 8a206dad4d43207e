import type { SonioxValidationError } from './soniox-errors.js';

/*
Soniox validates request bodies with pydantic (v2, lax mode) and reports each failure as one
`validation_errors` entry: pydantic's error type, its location joined with dots
(`body.payload.language_hints.3`), and its message. The checks below reproduce the pydantic types
and messages for the field types Soniox's payloads use, JSON input only.
*/

/** Marks a field that failed its check; the failure is already recorded in the issues. */
export const INVALID: unique symbol = Symbol('invalid');

/** A checked field: its value, `null` when absent or null, or {@link INVALID}. */
export type Checked<T> = T | null | typeof INVALID;

/** The field errors found so far, in the order pydantic reports them. */
export class ValidationIssues {
  readonly #errors: SonioxValidationError[] = [];

  /** Records one error. */
  add(errorType: string, location: string, message: string): void {
    this.#errors.push({ error_type: errorType, location, message });
  }

  /** Whether nothing failed. */
  get empty(): boolean {
    return this.#errors.length === 0;
  }

  /** The errors, as `validation_errors` lists them. */
  get errors(): readonly SonioxValidationError[] {
    return [...this.#errors];
  }
}

/** A checked value once validation has passed: {@link INVALID} cannot remain, so it reads as `null`. */
export function valid<T>(value: Checked<T>): T | null {
  return value === INVALID ? null : value;
}

/** `location.key`, the way pydantic locations are joined. */
export function at(location: string, key: string | number): string {
  return `${location}.${key}`;
}

/** Records `missing` when a required key is absent; `true` when it is present (even as `null`). */
export function requirePresent(
  object: Record<string, unknown>,
  key: string,
  location: string,
  issues: ValidationIssues,
): boolean {
  if (object[key] === undefined) {
    issues.add('missing', at(location, key), 'Field required');
    return false;
  }
  return true;
}

/** Rules of {@link checkString}. */
export interface StringRules {
  /** The most characters (code points) allowed. */
  readonly maxLength?: number;
  /** A pattern the whole string must match, with the source pydantic quotes in its message. */
  readonly pattern?: { readonly regex: RegExp; readonly source: string };
  /** When true, `null` is refused like any other non-string. */
  readonly required?: boolean;
}

/** A `str` (or `str | None`) field: only JSON strings pass; pydantic does not turn numbers into strings. */
export function checkString(
  value: unknown,
  location: string,
  issues: ValidationIssues,
  rules: StringRules = {},
): Checked<string> {
  if (value === undefined || (value === null && rules.required !== true)) {
    return null;
  }
  if (typeof value !== 'string') {
    issues.add('string_type', location, 'Input should be a valid string');
    return INVALID;
  }
  const length = [...value].length;
  if (rules.maxLength !== undefined && length > rules.maxLength) {
    issues.add(
      'string_too_long',
      location,
      `String should have at most ${rules.maxLength} character${rules.maxLength === 1 ? '' : 's'}`,
    );
    return INVALID;
  }
  if (rules.pattern !== undefined && !rules.pattern.regex.test(value)) {
    issues.add('string_pattern_mismatch', location, `String should match pattern '${rules.pattern.source}'`);
    return INVALID;
  }
  return value;
}

/** Rules of {@link checkInt}. */
export interface IntRules {
  /** The smallest value allowed. */
  readonly min?: number;
  /** The largest value allowed. */
  readonly max?: number;
  /** When true, `null` is refused. */
  readonly required?: boolean;
}

/**
An `int` field in pydantic's lax mode: integral JSON numbers (`60` and `60.0`) and strings of
digits pass; fractions, booleans and anything else do not.
*/
export function checkInt(
  value: unknown,
  location: string,
  issues: ValidationIssues,
  rules: IntRules = {},
): Checked<number> {
  if (value === undefined || (value === null && rules.required !== true)) {
    return null;
  }
  let number: number;
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (!Number.isInteger(value)) {
      issues.add(
        'int_from_float',
        location,
        'Input should be a valid integer, got a number with a fractional part',
      );
      return INVALID;
    }
    number = value;
  } else if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) {
    number = Number(value.trim());
  } else if (typeof value === 'string') {
    issues.add(
      'int_parsing',
      location,
      'Input should be a valid integer, unable to parse string as an integer',
    );
    return INVALID;
  } else {
    issues.add('int_type', location, 'Input should be a valid integer');
    return INVALID;
  }
  if (rules.min !== undefined && number < rules.min) {
    issues.add('greater_than_equal', location, `Input should be greater than or equal to ${rules.min}`);
    return INVALID;
  }
  if (rules.max !== undefined && number > rules.max) {
    issues.add('less_than_equal', location, `Input should be less than or equal to ${rules.max}`);
    return INVALID;
  }
  return number;
}

const TRUE_STRINGS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_STRINGS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

/**
A `bool | None` field in lax mode: `true`/`false`, the numbers `0`/`1`, and pydantic's yes/no
strings; other numbers and strings are `bool_parsing`, other types `bool_type`.
*/
export function checkBool(value: unknown, location: string, issues: ValidationIssues): Checked<boolean> {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'number') {
    if (value === 0 || value === 1) {
      return value === 1;
    }
    issues.add('bool_parsing', location, 'Input should be a valid boolean, unable to interpret input');
    return INVALID;
  }
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_STRINGS.has(word) || FALSE_STRINGS.has(word)) {
      return TRUE_STRINGS.has(word);
    }
    issues.add('bool_parsing', location, 'Input should be a valid boolean, unable to interpret input');
    return INVALID;
  }
  issues.add('bool_type', location, 'Input should be a valid boolean');
  return INVALID;
}

/** A `Literal[...]` or enum field; `null` passes only when it is not `required`. */
export function checkEnum<T extends string>(
  value: unknown,
  allowed: readonly T[],
  location: string,
  issues: ValidationIssues,
  rules: { readonly required?: boolean } = {},
): Checked<T> {
  if (value === undefined || (value === null && rules.required !== true)) {
    return null;
  }
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) {
    return value as T;
  }
  const quoted = allowed.map((option) => `'${option}'`);
  const list =
    quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1) ?? ''}` : (quoted[0] ?? '');
  issues.add('enum', location, `Input should be ${list}`);
  return INVALID;
}

/** A `list[...] | None` field; each item is checked at `location.<index>`. */
export function checkList<T>(
  value: unknown,
  location: string,
  issues: ValidationIssues,
  item: (value: unknown, location: string) => Checked<T>,
  rules: { readonly maxItems?: number } = {},
): Checked<T[]> {
  if (value === undefined || value === null) {
    return null;
  }
  if (!Array.isArray(value)) {
    issues.add('list_type', location, 'Input should be a valid list');
    return INVALID;
  }
  if (rules.maxItems !== undefined && value.length > rules.maxItems) {
    issues.add(
      'too_long',
      location,
      `List should have at most ${rules.maxItems} item${rules.maxItems === 1 ? '' : 's'} after validation, not ${value.length}`,
    );
    return INVALID;
  }
  const items: T[] = [];
  let failed = false;
  for (const [index, entry] of (value as unknown[]).entries()) {
    const checked = item(entry, at(location, index));
    if (checked === INVALID || checked === null) {
      failed ||= checked === INVALID;
      continue;
    }
    items.push(checked);
  }
  return failed ? INVALID : items;
}

/** A nested model field: a JSON object passes; `model` names the pydantic class for the message. */
export function checkObject(
  value: unknown,
  location: string,
  issues: ValidationIssues,
  model: string,
): Record<string, unknown> | null | typeof INVALID {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    issues.add('model_type', location, `Input should be a valid dictionary or instance of ${model}`);
    return INVALID;
  }
  return value as Record<string, unknown>;
}

const UUID_GROUPS = [8, 4, 4, 4, 12] as const;

/**
Why `text` is not a UUID in pydantic's words (after `Input should be a valid UUID, `), or
`undefined` when it is one. Accepts what pydantic accepts: any case, with or without hyphens, an
optional `urn:uuid:` prefix.
*/
export function uuidProblem(text: string): string | undefined {
  const body = text.toLowerCase().startsWith('urn:uuid:') ? text.slice(9) : text;
  const bad = /[^0-9a-fA-F-]/u.exec(body);
  if (bad !== null) {
    return `invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${bad[0]}\` at ${bad.index + 1}`;
  }
  if (!body.includes('-')) {
    return body.length === 32
      ? undefined
      : `invalid length: expected length 32 for simple format, found ${body.length}`;
  }
  const groups = body.split('-');
  if (groups.length !== UUID_GROUPS.length) {
    return `invalid group count: expected ${UUID_GROUPS.length}, found ${groups.length}`;
  }
  for (const [index, expected] of UUID_GROUPS.entries()) {
    const found = groups[index]?.length ?? 0;
    if (found !== expected) {
      return `invalid group length in group ${index}: expected ${expected}, found ${found}`;
    }
  }
  return undefined;
}

/** A UUID in the lower-case hyphenated form stored ids use, or `undefined` when `text` is not one. */
export function canonicalUuid(text: string): string | undefined {
  if (uuidProblem(text) !== undefined) {
    return undefined;
  }
  const hex = (text.toLowerCase().startsWith('urn:uuid:') ? text.slice(9) : text)
    .replace(/-/g, '')
    .toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A `UUID | None` field; the value comes back canonical (lower case, hyphenated). */
export function checkUuid(value: unknown, location: string, issues: ValidationIssues): Checked<string> {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value !== 'string') {
    issues.add('uuid_type', location, 'UUID input should be a string, bytes or UUID object');
    return INVALID;
  }
  const problem = uuidProblem(value);
  if (problem !== undefined) {
    issues.add('uuid_parsing', location, `Input should be a valid UUID, ${problem}`);
    return INVALID;
  }
  return canonicalUuid(value) ?? INVALID;
}

/** The outcome of {@link readJsonPayload}. */
export type JsonPayload =
  | { readonly ok: true; readonly payload: Record<string, unknown> }
  | { readonly ok: false; readonly errors: readonly SonioxValidationError[] };

/**
Reads a request body as the JSON object a payload model expects.

An empty body is `missing` at `body.payload`; invalid JSON is `json_invalid` at `body`; JSON that is not an object is `model_attributes_type`
at `body.payload`, the location every payload field hangs from.
*/
export async function readJsonPayload(request: Request): Promise<JsonPayload> {
  const text = await request.text();
  if (text.trim() === '') {
    return {
      ok: false,
      errors: [{ error_type: 'missing', location: 'body.payload', message: 'Field required' }],
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {
      ok: false,
      errors: [{ error_type: 'json_invalid', location: 'body', message: 'JSON decode error' }],
    };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return {
      ok: false,
      errors: [
        {
          error_type: 'model_attributes_type',
          location: 'body.payload',
          message: 'Input should be a valid dictionary or object to extract fields from',
        },
      ],
    };
  }
  return { ok: true, payload: parsed as Record<string, unknown> };
}
