import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  ChapterSchema,
  SegmentSchema,
  TranscriptSchema,
  WarningSchema,
  WordSchema,
} from '../../../src/core/transcript/index.js';

function issuePaths(result: v.SafeParseResult<v.GenericSchema>): string[] {
  return result.success ? [] : result.issues.map((issue) => v.getDotPath(issue) ?? '');
}

describe('WordSchema', () => {
  it('accepts a word with its optional fields', () => {
    const word = { text: 'שָׁלוֹם', start: 0.5, end: 0.9, confidence: 0.97, speaker: '1', language: 'he' };
    expect(v.parse(WordSchema, word)).toEqual(word);
  });

  it('accepts a zero-length word', () => {
    expect(v.safeParse(WordSchema, { text: '.', start: 1, end: 1 }).success).toBe(true);
  });

  it('rejects a word that ends before it starts, at `end`', () => {
    const result = v.safeParse(WordSchema, { text: 'x', start: 2, end: 1 });
    expect(issuePaths(result)).toEqual(['end']);
  });

  it('rejects negative, NaN and infinite times', () => {
    for (const start of [-0.1, Number.NaN, Infinity]) {
      expect(issuePaths(v.safeParse(WordSchema, { text: 'x', start, end: 1 }))).toContain('start');
    }
  });

  it('rejects a confidence outside 0 to 1', () => {
    expect(v.safeParse(WordSchema, { text: 'x', start: 0, end: 1, confidence: 1.2 }).success).toBe(false);
    expect(v.safeParse(WordSchema, { text: 'x', start: 0, end: 1, confidence: -0.1 }).success).toBe(false);
  });

  it('drops unknown keys rather than rejecting them', () => {
    expect(v.parse(WordSchema, { text: 'x', start: 0, end: 1, script: 'hybrid' })).toEqual({
      text: 'x',
      start: 0,
      end: 1,
    });
  });
});

describe('SegmentSchema', () => {
  it('accepts a segment without words', () => {
    expect(v.safeParse(SegmentSchema, { text: 'Hi.', start: 0, end: 1, words: [] }).success).toBe(true);
  });

  it('reports a bad word at its path', () => {
    const result = v.safeParse(SegmentSchema, {
      text: 'Hi.',
      start: 0,
      end: 1,
      words: [{ text: 'Hi.', start: 0.5, end: 0.2 }],
    });
    expect(issuePaths(result)).toEqual(['words.0.end']);
  });
});

describe('ChapterSchema', () => {
  it('accepts a chapter without an end', () => {
    expect(v.safeParse(ChapterSchema, { title: 'Intro', start: 0 }).success).toBe(true);
  });

  it('rejects an end before the start', () => {
    expect(issuePaths(v.safeParse(ChapterSchema, { title: 'Intro', start: 5, end: 4 }))).toEqual(['end']);
  });
});

describe('WarningSchema', () => {
  it('requires the feature of an unsupported warning', () => {
    expect(
      v.safeParse(WarningSchema, { type: 'unsupported', feature: 'diarize', message: 'No.' }).success,
    ).toBe(true);
    expect(v.safeParse(WarningSchema, { type: 'unsupported', message: 'No.' }).success).toBe(false);
  });

  it('accepts other warnings with or without a feature', () => {
    expect(v.safeParse(WarningSchema, { type: 'other', message: 'Truncated.' }).success).toBe(true);
    expect(
      v.safeParse(WarningSchema, { type: 'other', feature: 'language', message: 'Guessed.' }).success,
    ).toBe(true);
  });

  it('rejects an unknown type', () => {
    expect(v.safeParse(WarningSchema, { type: 'fatal', message: 'x' }).success).toBe(false);
  });
});

describe('TranscriptSchema', () => {
  const minimal = { provider: 'soniox', text: '', words: [], segments: [], speakers: [], warnings: [] };

  it('accepts a minimal transcript', () => {
    expect(v.parse(TranscriptSchema, minimal)).toEqual(minimal);
  });

  it('accepts every optional field', () => {
    const full = {
      ...minimal,
      id: 'job-1',
      language: 'he',
      durationInSeconds: 12.5,
      chapters: [{ title: 'Intro', start: 0, end: 3, confidence: 0.5 }],
      providerMetadata: { model: 'stt-async-v5', nested: { a: [1, 2] } },
    };
    expect(v.parse(TranscriptSchema, full)).toEqual(full);
  });

  it('rejects a negative duration', () => {
    expect(issuePaths(v.safeParse(TranscriptSchema, { ...minimal, durationInSeconds: -1 }))).toEqual([
      'durationInSeconds',
    ]);
  });

  it('rejects a missing required field', () => {
    const { warnings: _warnings, ...withoutWarnings } = minimal;
    expect(issuePaths(v.safeParse(TranscriptSchema, withoutWarnings))).toEqual(['warnings']);
  });
});
