/// <reference lib="deno.ns" />
// The built core (dist/core.js), loaded in Deno the way a Deno user would load it.
import { assert, assertEquals } from './assert.ts';
import { ApiCallError, InvalidArgumentError, ScribeError } from '../../dist/core.js';

Deno.test('the built core loads in Deno and its error guards work', () => {
  const error = new ApiCallError({
    provider: 'soniox',
    method: 'GET',
    url: 'https://api.soniox.com/v1/files',
    status: 503,
  });
  assert(ScribeError.isInstance(error));
  assert(ApiCallError.isInstance(error));
  assert(!InvalidArgumentError.isInstance(error));
  assertEquals(error.isRetryable, true);
});
