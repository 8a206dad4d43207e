import { validateArguments } from '../shared/validate-arguments.js';
import { SoferAIIdSchema } from './soferai-options.js';

/** Checks that an id is a UUID, as every SoferAI path id is, and returns it as one path segment. */
export function idSegment(value: unknown, argument: string): string {
  return encodeURIComponent(validateArguments(SoferAIIdSchema, value, argument));
}

/** Options every call takes. */
export interface SoferAICallOptions {
  /** Cancels the call. */
  signal?: AbortSignal;
}
