import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/core/errors/index.js';
import { buildSegments, type Word } from '../../../src/core/transcript/index.js';

function word(text: string, start: number, end: number, extra: Partial<Word> = {}): Word {
  return { text, start, end, ...extra };
}

function texts(words: Word[], options?: Parameters<typeof buildSegments>[1]): string[] {
  return buildSegments(words, options).map((segment) => segment.text);
}

describe('buildSegments', () => {
  it('returns no segments for no words', () => {
    expect(buildSegments([])).toEqual([]);
  });

  it('starts a new segment when the speaker changes', () => {
    const words = [
      word('Hi', 0, 0.3, { speaker: 'A' }),
      word('there.', 0.35, 0.7, { speaker: 'A' }),
      word('Hello!', 0.8, 1.2, { speaker: 'B' }),
    ];
    expect(buildSegments(words)).toEqual([
      { text: 'Hi there.', start: 0, end: 0.7, speaker: 'A', words: [words[0], words[1]] },
      { text: 'Hello!', start: 0.8, end: 1.2, speaker: 'B', words: [words[2]] },
    ]);
  });

  it('starts a new segment after a pause longer than maxPauseInSeconds', () => {
    const words = [word('one', 0, 1), word('two', 2.5, 3), word('three', 4.6, 5)];
    expect(texts(words)).toEqual(['one two', 'three']);
    expect(texts(words, { maxPauseInSeconds: 2 })).toEqual(['one two three']);
    expect(texts(words, { maxPauseInSeconds: 0 })).toEqual(['one', 'two', 'three']);
  });

  it('measures the pause from the latest end so far', () => {
    const words = [word('long', 0, 5), word('short', 1, 1.5), word('next', 6, 6.5)];
    expect(texts(words)).toEqual(['long short next']);
  });

  it('starts a new segment when the language changes, unless told not to', () => {
    const words = [
      word('אני', 0, 0.3, { language: 'he' }),
      word('אוהב', 0.35, 0.7, { language: 'he' }),
      word('React', 0.75, 1, { language: 'en' }),
      word('מאוד', 1.05, 1.4, { language: 'he' }),
    ];
    expect(texts(words)).toEqual(['אני אוהב', 'React', 'מאוד']);
    const [segment, ...rest] = buildSegments(words, { splitOnLanguageChange: false });
    expect(rest).toEqual([]);
    expect(segment).toMatchObject({ text: 'אני אוהב React מאוד', language: 'he' });
  });

  it('takes the language most of the words have, the first one on a tie', () => {
    const words = [word('a', 0, 1, { language: 'en' }), word('ב', 1, 2, { language: 'he' })];
    expect(buildSegments(words, { splitOnLanguageChange: false })[0]?.language).toBe('en');
  });

  it('starts a new segment when it would outlast maxSegmentDurationInSeconds', () => {
    const words = [word('a', 0, 1), word('b', 1, 2), word('c', 2, 3), word('d', 3, 4), word('e', 4, 14)];
    expect(texts(words, { maxSegmentDurationInSeconds: 2 })).toEqual(['a b', 'c d', 'e']);
  });

  it('lets words without a speaker or language continue the current segment', () => {
    const words = [
      word('so', 0, 0.2),
      word('yes', 0.3, 0.5, { speaker: 'A', language: 'en' }),
      word('!', 0.5, 0.5),
      word('no', 0.6, 0.8, { speaker: 'B' }),
    ];
    const segments = buildSegments(words);
    expect(segments.map(({ text, speaker, language }) => ({ text, speaker, language }))).toEqual([
      { text: 'so yes!', speaker: 'A', language: 'en' },
      { text: 'no', speaker: 'B', language: undefined },
    ]);
    expect('language' in (segments[1] as object)).toBe(false);
  });

  it('keeps the words themselves, in order', () => {
    const words = [word('a', 0, 1), word('b', 1, 2)];
    const [segment] = buildSegments(words);
    expect(segment?.words[0]).toBe(words[0]);
    expect(segment?.words[1]).toBe(words[1]);
  });

  it('rejects a word with an invalid time, naming it', () => {
    expect(() => buildSegments([word('a', 0, 1), word('b', 2, 1)])).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError', argument: 'words[1].end' }),
    );
    expect(() => buildSegments([word('a', Number.NaN, 1)])).toThrow(InvalidArgumentError);
    expect(() => buildSegments([word('a', -1, 1)])).toThrow(InvalidArgumentError);
  });

  it('rejects options out of range', () => {
    expect(() => buildSegments([], { maxPauseInSeconds: -1 })).toThrow(InvalidArgumentError);
    expect(() => buildSegments([], { maxPauseInSeconds: Number.NaN })).toThrow(InvalidArgumentError);
    expect(() => buildSegments([], { maxSegmentDurationInSeconds: 0 })).toThrow(InvalidArgumentError);
  });
});
