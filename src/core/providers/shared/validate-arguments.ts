import * as v from 'valibot';
import { InvalidArgumentError } from '../../errors/index.js';

/**
Checks a caller's arguments against a valibot schema before anything is sent. The first problem
becomes an `InvalidArgumentError` whose `argument` is the field's path as the caller wrote it
(`config.languageHints[2]`), prefixed with `root` when given.
*/
export function validateArguments<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  root = '',
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  let path = root;
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    path += typeof key === 'number' ? `[${key}]` : path === '' ? String(key) : `.${String(key)}`;
  }
  throw new InvalidArgumentError({
    argument: path === '' ? 'options' : path,
    message: issue.message,
    value: issue.input,
  });
}

/** Checks that an id is a non-empty string and returns it encoded as one URL path segment. */
export function pathSegment(value: unknown, argument: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidArgumentError({ argument, message: 'must be a non-empty string', value });
  }
  return encodeURIComponent(value);
}
