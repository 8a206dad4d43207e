import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/core/errors/index.js';
import { formatTimestamp } from '../../../src/core/transcript/index.js';

describe('formatTimestamp', () => {
  it('formats zero', () => {
    expect(formatTimestamp(0)).toBe('00:00:00.000');
  });

  it('uses a dot by default and a comma on request', () => {
    expect(formatTimestamp(3723.5)).toBe('01:02:03.500');
    expect(formatTimestamp(3723.5, { separator: ',' })).toBe('01:02:03,500');
    expect(formatTimestamp(3723.5, { separator: '.' })).toBe('01:02:03.500');
  });

  it('formats timestamps past one hour', () => {
    expect(formatTimestamp(3600)).toBe('01:00:00.000');
    expect(formatTimestamp(36_000 + 59 * 60 + 59.999)).toBe('10:59:59.999');
  });

  it('lets hours grow past 99', () => {
    expect(formatTimestamp(99 * 3600 + 3599.999)).toBe('99:59:59.999');
    expect(formatTimestamp(360_000)).toBe('100:00:00.000');
    expect(formatTimestamp(1234 * 3600 + 61.002, { separator: ',' })).toBe('1234:01:01,002');
  });

  it('rounds to the nearest millisecond', () => {
    expect(formatTimestamp(1.0004)).toBe('00:00:01.000');
    expect(formatTimestamp(1.0005)).toBe('00:00:01.001');
    expect(formatTimestamp(0.0004)).toBe('00:00:00.000');
  });

  it('carries a rounded-up millisecond into seconds, minutes and hours instead of writing 60', () => {
    expect(formatTimestamp(59.9996)).toBe('00:01:00.000');
    expect(formatTimestamp(3599.9996)).toBe('01:00:00.000');
    expect(formatTimestamp(359_999.9999, { separator: ',' })).toBe('100:00:00,000');
  });

  it('rejects negative, NaN and infinite times', () => {
    for (const value of [-0.001, -1, Number.NaN, Infinity, -Infinity]) {
      expect(() => formatTimestamp(value)).toThrow(InvalidArgumentError);
    }
    try {
      formatTimestamp(-1);
    } catch (error) {
      expect(InvalidArgumentError.isInstance(error) && error.argument).toBe('seconds');
    }
  });

  it('rejects times too large to count in milliseconds', () => {
    expect(() => formatTimestamp(1e20)).toThrow(InvalidArgumentError);
  });

  it('rejects another separator', () => {
    expect(() => formatTimestamp(1, { separator: ':' as ',' })).toThrow(InvalidArgumentError);
  });
});
