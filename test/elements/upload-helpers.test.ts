import { describe, expect, it } from 'vitest';
import { acceptsFile } from '../../src/elements/upload/accepts-file.js';
import { formatBytes, formatDuration, formatUsd } from '../../src/elements/upload/format.js';
import { parseSize } from '../../src/elements/upload/parse-size.js';
import { estimateCostInUsd, transcriptionPrices } from '../../src/elements/upload/pricing.js';

describe('parseSize', () => {
  it('reads byte counts and sizes with decimal and binary units', () => {
    expect(parseSize('1048576')).toBe(1_048_576);
    expect(parseSize(2048)).toBe(2048);
    expect(parseSize('500MB')).toBe(500_000_000);
    expect(parseSize('1.5 gb')).toBe(1_500_000_000);
    expect(parseSize('1GiB')).toBe(1024 ** 3);
    expect(parseSize('100KB')).toBe(100_000);
  });

  it('returns undefined for anything else', () => {
    for (const value of ['', 'lots', '5 parsecs', '-1', 'MB', null, undefined, Number.NaN, -5]) {
      expect(parseSize(value)).toBeUndefined();
    }
  });
});

describe('acceptsFile', () => {
  const wav = { name: 'Talk.WAV', type: 'audio/wav' };

  it('matches MIME types, wildcards and extensions as <input accept> does', () => {
    expect(acceptsFile(wav, 'audio/*,video/*')).toBe(true);
    expect(acceptsFile(wav, 'audio/wav')).toBe(true);
    expect(acceptsFile(wav, '.mp3, .wav')).toBe(true);
    expect(acceptsFile(wav, 'video/*,.mp3')).toBe(false);
    expect(acceptsFile({ name: 'notes.pdf', type: 'application/pdf' }, 'audio/*')).toBe(false);
  });

  it('accepts anything for an empty list, and lets an untyped file pass MIME patterns', () => {
    expect(acceptsFile(wav, '')).toBe(true);
    expect(acceptsFile({ name: 'talk.opus', type: '' }, 'audio/*')).toBe(true);
    expect(acceptsFile({ name: 'talk.opus', type: '' }, '.mp3')).toBe(false);
  });
});

describe('estimateCostInUsd', () => {
  it('prices Soniox async transcription at $0.10 an hour, with its source', () => {
    expect(estimateCostInUsd('soniox', 3600)).toBeCloseTo(0.1);
    expect(estimateCostInUsd('soniox', 720)).toBeCloseTo(0.02);
    expect(transcriptionPrices.soniox?.source).toMatch(/^https:\/\/soniox\.com\//);
    expect(transcriptionPrices.soniox?.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives no estimate without a price or a duration', () => {
    expect(estimateCostInUsd('unknown', 3600)).toBeUndefined();
    expect(estimateCostInUsd('toString', 3600)).toBeUndefined();
    expect(estimateCostInUsd('soniox', undefined)).toBeUndefined();
  });
});

describe('format', () => {
  it('formats bytes, durations and dollars', () => {
    expect(formatBytes(999, 'en')).toBe('999 bytes');
    expect(formatBytes(3_240_000, 'en')).toBe('3.2 MB');
    expect(formatBytes(110_076, 'en')).toBe('110 kB');
    expect(formatDuration(3.44)).toBe('0:03');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatUsd(0.02, 'en')).toBe('$0.02');
  });
});
