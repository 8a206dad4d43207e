import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/core/index.js';
import { outlineToChapters, type OutlineTopic } from '../../../src/core/outline/index.js';

const topic = (title: string, start: number | null, confidence: string, scoreNorm: number): OutlineTopic => ({
  title,
  startingPhrase: title,
  startTimeSec: start,
  matchedText: start === null ? '' : title,
  scoreNorm,
  confidence,
  tokenSpan: start === null ? null : [0, 1],
  matchedContent: null,
  contentCoverage: null,
  longestContentRunSoft: null,
  longestContentRunStrict: null,
});

const topics = [
  topic('Opening', 0, 'HIGH', 0.97),
  topic('Questions', 312.5, 'MEDIUM', 0.61),
  topic('Lost', null, 'NONE', 0.12),
  topic('Middle', 95, 'LOW', 0.34),
  topic('Future bucket', 400, 'VERY_HIGH', 2),
];

describe('outlineToChapters', () => {
  it('orders found topics by start and ends each where the next begins', () => {
    expect(outlineToChapters(topics, { durationInSeconds: 600 })).toEqual([
      { title: 'Opening', start: 0, end: 95, confidence: 0.97 },
      { title: 'Middle', start: 95, end: 312.5, confidence: 0.34 },
      { title: 'Questions', start: 312.5, end: 400, confidence: 0.61 },
      { title: 'Future bucket', start: 400, end: 600, confidence: 1 },
    ]);
  });

  it('leaves the last end out without a duration, and drops topics under minConfidence', () => {
    expect(outlineToChapters(topics, { minConfidence: 'MEDIUM' })).toEqual([
      { title: 'Opening', start: 0, end: 312.5, confidence: 0.97 },
      { title: 'Questions', start: 312.5, confidence: 0.61 },
    ]);
  });

  it('rejects a bad duration or bucket', () => {
    expect(() => outlineToChapters(topics, { durationInSeconds: -1 })).toThrow(InvalidArgumentError);
    expect(() => outlineToChapters(topics, { minConfidence: 'NONE' as never })).toThrow(/minConfidence/);
  });
});
