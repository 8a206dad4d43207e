import { InvalidArgumentError } from '../errors/index.js';
import type { ApiKey } from './client-options.js';

/**
Resolves an {@link ApiKey} to a string, or `undefined` when none was configured. A function that
fails, or returns something other than a non-empty string, gives an `InvalidArgumentError` that
never repeats the returned value.
*/
export async function resolveApiKey(
  apiKey: ApiKey | undefined,
  provider: string,
): Promise<string | undefined> {
  if (apiKey === undefined) return undefined;
  let key: unknown;
  try {
    key = typeof apiKey === 'function' ? await apiKey() : apiKey;
  } catch (error) {
    throw new InvalidArgumentError({
      argument: 'apiKey',
      message: `the ${provider} apiKey function threw: ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    });
  }
  if (typeof key !== 'string' || key.trim() === '') {
    throw new InvalidArgumentError({
      argument: 'apiKey',
      message: `the ${provider} API key must be a non-empty string (got ${key === '' ? 'an empty string' : typeof key})`,
    });
  }
  return key;
}
