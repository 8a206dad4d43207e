import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/core/errors/index.js';
import {
  createTranscript,
  toJson,
  TranscriptSchema,
  type Transcript,
} from '../../../src/core/transcript/index.js';
import { englishInterview } from './fixtures.js';

describe('toJson', () => {
  it('writes keys in the order of the model, whatever order they were built in', () => {
    const shuffled = {
      warnings: [{ message: 'Guessed.', type: 'other' }],
      speakers: [],
      segments: [{ words: [{ end: 1, text: 'Hi', start: 0 }], end: 1, start: 0, text: 'Hi' }],
      words: [{ end: 1, text: 'Hi', start: 0 }],
      text: 'Hi',
      providerMetadata: { z: 1, a: { y: 2, b: 3 } },
      provider: 'test',
    } as Transcript;
    expect(toJson(shuffled)).toBe(
      '{"provider":"test","text":"Hi","words":[{"text":"Hi","start":0,"end":1}],' +
        '"segments":[{"text":"Hi","start":0,"end":1,"words":[{"text":"Hi","start":0,"end":1}]}],' +
        '"speakers":[],"warnings":[{"type":"other","message":"Guessed."}],' +
        '"providerMetadata":{"a":{"b":3,"y":2},"z":1}}',
    );
  });

  it('gives the same bytes for equal transcripts', () => {
    const transcript = englishInterview();
    const reordered = Object.fromEntries(Object.entries(transcript).reverse()) as Transcript;
    expect(toJson(reordered)).toBe(toJson(transcript));
  });

  it('parses back to the same transcript', () => {
    const transcript = englishInterview();
    expect(v.parse(TranscriptSchema, JSON.parse(toJson(transcript)))).toEqual(transcript);
  });

  it('indents when asked', () => {
    expect(toJson(createTranscript({ provider: 'test' }), { space: 2 })).toBe(
      '{\n  "provider": "test",\n  "text": "",\n  "words": [],\n  "segments": [],\n  "speakers": [],\n  "warnings": []\n}',
    );
  });

  it('leaves out undefined values and honours toJSON', () => {
    const transcript = createTranscript({
      provider: 'test',
      providerMetadata: { gone: undefined, when: new Date(0) },
    });
    expect(JSON.parse(toJson(transcript)).providerMetadata).toEqual({ when: '1970-01-01T00:00:00.000Z' });
  });

  it('keeps Hebrew text as is', () => {
    const transcript = createTranscript({ provider: 'test', words: [{ text: 'שָׁלוֹם', start: 0, end: 1 }] });
    expect(toJson(transcript)).toContain('"text":"שָׁלוֹם"');
  });

  it('rejects values JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => toJson(createTranscript({ provider: 'test', providerMetadata: cyclic }))).toThrow(
      expect.objectContaining({ argument: 'transcript.providerMetadata.self' }),
    );
    expect(() => toJson(createTranscript({ provider: 'test', providerMetadata: { n: 1n } }))).toThrow(
      InvalidArgumentError,
    );
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { a: 1 };
    const transcript = createTranscript({ provider: 'test', providerMetadata: { x: shared, y: shared } });
    expect(JSON.parse(toJson(transcript)).providerMetadata).toEqual({ x: { a: 1 }, y: { a: 1 } });
  });
});
