import * as v from 'valibot';
import { ResponseValidationError, toResponseIssues } from '../errors/index.js';

/**
Parses `data` with a valibot schema, turning a mismatch into a `ResponseValidationError` that
names the path of every bad field and keeps the data.
*/
export function parseResponse<TSchema extends v.GenericSchema>(
  schema: TSchema,
  data: unknown,
  context: { provider: string; operation: string },
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  throw new ResponseValidationError({ ...context, issues: toResponseIssues(result.issues), data });
}
