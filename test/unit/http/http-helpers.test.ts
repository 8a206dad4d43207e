import { describe, expect, it } from 'vitest';
import { buildUrl, parseRetryAfter, redactUrl } from '../../../src/core/http/index.js';
import { ApiCallError, InvalidArgumentError, ScribeError } from '../../../src/core/errors/index.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');
  it('reads delta-seconds', () => expect(parseRetryAfter('7', now)).toBe(7_000));
  it('reads an HTTP date', () => expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000));
  it('treats a past date as no wait', () =>
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0));
  it('ignores garbage and absence', () => {
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('  ', now)).toBeUndefined();
  });
});

describe('redactUrl', () => {
  it('redacts secret-looking query parameters and credentials', () => {
    expect(redactUrl('https://user:pw@up.example/a?X-Amz-Signature=abc&api_key=k&id=1')).toBe(
      'https://up.example/a?X-Amz-Signature=REDACTED&api_key=REDACTED&id=1',
    );
  });
  it('drops the query of something it cannot parse', () =>
    expect(redactUrl('not a url?token=x')).toBe('not a url'));
});

describe('buildUrl', () => {
  it('rejects a relative base URL where there is no page', () => {
    expect(() => buildUrl('/api/soniox', 'v1/files')).toThrow(InvalidArgumentError);
  });
});

describe('error guards', () => {
  it('recognise an error from another copy of the package by its Symbol.for brand', () => {
    const foreign = Object.assign(new Error('x'), {
      [Symbol.for('scribekit.error')]: true,
      [Symbol.for('scribekit.error.ApiCallError')]: true,
    });
    expect(ApiCallError.isInstance(foreign)).toBe(true);
    expect(ScribeError.isInstance(foreign)).toBe(true);
    expect(InvalidArgumentError.isInstance(foreign)).toBe(false);
    expect(ScribeError.isInstance(new Error('plain'))).toBe(false);
    expect(ScribeError.isInstance(null)).toBe(false);
  });
  it('have literal names', () => {
    const error = new ApiCallError({ provider: 'soniox', method: 'GET', url: 'https://x', status: 500 });
    expect(error.name).toBe('ApiCallError');
    expect(error).toBeInstanceOf(ScribeError);
    expect(error).toBeInstanceOf(Error);
  });
});
