import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/core/errors/index.js';
import { buildCues, createTranscript, type Word } from '../../../src/core/transcript/index.js';

// Words one after another, each `length` seconds long, with no pause.
function spoken(text: string, length = 0.5, from = 0): Word[] {
  return text.split(' ').map((word, index) => ({
    text: word,
    start: from + index * length,
    end: from + (index + 1) * length,
  }));
}

function cueTexts(words: Word[], options: Parameters<typeof buildCues>[1]): string[] {
  return buildCues(createTranscript({ provider: 'test', words }), options).map((cue) => cue.text);
}

describe('buildCues', () => {
  it('gives no cues for an empty transcript', () => {
    expect(buildCues(createTranscript({ provider: 'test' }))).toEqual([]);
  });

  it('keeps a short segment in one cue', () => {
    const words = spoken('Hello there.');
    expect(buildCues(createTranscript({ provider: 'test', words }))).toEqual([
      { start: 0, end: 1, text: 'Hello there.', words },
    ]);
  });

  it('splits cues by characters at word boundaries', () => {
    expect(cueTexts(spoken('one two three four five six'), { maxCharactersPerCue: 10 })).toEqual([
      'one two',
      'three four',
      'five six',
    ]);
  });

  it('prefers cutting after a sentence end', () => {
    expect(cueTexts(spoken('It works. Then we ship it'), { maxCharactersPerCue: 20 })).toEqual([
      'It works.',
      'Then we ship it',
    ]);
  });

  it('cuts after a clause when that keeps at least half the cue before the cut', () => {
    expect(cueTexts(spoken('alpha beta gamma, delta epsilon'), { maxCharactersPerCue: 24 })).toEqual([
      'alpha beta gamma,',
      'delta epsilon',
    ]);
    expect(cueTexts(spoken('alpha beta, gamma delta epsilon'), { maxCharactersPerCue: 24 })).toEqual([
      'alpha beta, gamma delta',
      'epsilon',
    ]);
  });

  it('splits cues by duration', () => {
    const cues = buildCues(createTranscript({ provider: 'test', words: spoken('a b c d e', 1) }), {
      maxCueDurationInSeconds: 2.5,
    });
    expect(cues.map(({ text, start, end }) => ({ text, start, end }))).toEqual([
      { text: 'a b', start: 0, end: 2 },
      { text: 'c d', start: 2, end: 4 },
      { text: 'e', start: 4, end: 5 },
    ]);
  });

  it('uses the defaults of 84 characters and 7 seconds', () => {
    const long = spoken(Array.from({ length: 30 }, (_, index) => `w${index}`).join(' '), 0.1);
    expect(cueTexts(long, {}).every((text) => text.length <= 84)).toBe(true);
    expect(cueTexts(long, {})).toHaveLength(2);
    const slow = spoken('a b c d e f g h', 1);
    expect(cueTexts(slow, {})).toEqual(['a b c d e f g', 'h']);
  });

  it('gives a word longer than the limits a cue of its own', () => {
    const words = [
      { text: 'a', start: 0, end: 0.5 },
      { text: 'Pneumonoultramicroscopicsilicovolcanoconiosis', start: 0.5, end: 10 },
      { text: 'b', start: 10, end: 10.5 },
    ];
    expect(cueTexts(words, { maxCharactersPerCue: 10, maxCueDurationInSeconds: 7 })).toEqual([
      'a',
      'Pneumonoultramicroscopicsilicovolcanoconiosis',
      'b',
    ]);
  });

  it('never puts two speakers in one cue', () => {
    const transcript = createTranscript({
      provider: 'test',
      words: [
        { text: 'Yes', start: 0, end: 0.3, speaker: 'A' },
        { text: 'No', start: 0.3, end: 0.6, speaker: 'B' },
      ],
    });
    expect(buildCues(transcript).map((cue) => [cue.speaker, cue.text])).toEqual([
      ['A', 'Yes'],
      ['B', 'No'],
    ]);
  });

  it('ends a cue when the next one starts, so overlapping speech does not overlap cues', () => {
    const transcript = createTranscript({
      provider: 'test',
      words: [
        { text: 'I', start: 0, end: 0.5, speaker: 'A' },
        { text: 'think', start: 0.5, end: 2, speaker: 'A' },
        { text: 'Right', start: 1, end: 3, speaker: 'B' },
      ],
      segments: [
        { text: 'I think', start: 0, end: 2, speaker: 'A', words: [] },
        { text: 'Right', start: 1, end: 3, speaker: 'B', words: [] },
      ],
    });
    expect(buildCues(transcript).map(({ start, end, text }) => ({ start, end, text }))).toEqual([
      { start: 0, end: 1, text: 'I think' },
      { start: 1, end: 3, text: 'Right' },
    ]);
  });

  it('sorts cues by start time', () => {
    const transcript = createTranscript({
      provider: 'test',
      segments: [
        { text: 'second', start: 5, end: 6, words: [] },
        { text: 'first', start: 1, end: 2, words: [] },
      ],
    });
    expect(buildCues(transcript).map((cue) => cue.text)).toEqual(['first', 'second']);
  });

  it('divides a segment without words by its text, in proportion to word length', () => {
    const transcript = createTranscript({
      provider: 'test',
      segments: [{ text: 'aaaa bbbb cccc dddd', start: 0, end: 8, speaker: 'A', words: [] }],
    });
    expect(buildCues(transcript, { maxCharactersPerCue: 9 })).toEqual([
      { start: 0, end: 4, text: 'aaaa bbbb', speaker: 'A', words: [] },
      { start: 4, end: 8, text: 'cccc dddd', speaker: 'A', words: [] },
    ]);
  });

  it('segments a transcript that has words but no segments', () => {
    expect(buildCues({ words: spoken('a b'), segments: [] }).map((cue) => cue.text)).toEqual(['a b']);
  });

  it('does not count niqqud or bidi marks as characters', () => {
    // שָׁלוֹם is 4 letters and 4 marks: with the marks it would not fit beside a second word.
    const words = spoken('שָׁלוֹם \u200Fשלום');
    expect(cueTexts(words, { maxCharactersPerCue: 9 })).toEqual(['שָׁלוֹם \u200Fשלום']);
  });

  it('skips empty words', () => {
    const words = [
      { text: 'a', start: 0, end: 1 },
      { text: ' ', start: 1, end: 2 },
      { text: 'b', start: 2, end: 3 },
    ];
    const [cue] = buildCues(createTranscript({ provider: 'test', words }));
    expect(cue?.text).toBe('a b');
    expect(cue?.words).toEqual([words[0], words[2]]);
  });

  it('rejects options out of range', () => {
    const transcript = createTranscript({ provider: 'test' });
    for (const maxCharactersPerCue of [0, -5, 1.5, Number.NaN]) {
      expect(() => buildCues(transcript, { maxCharactersPerCue })).toThrow(InvalidArgumentError);
    }
    for (const maxCueDurationInSeconds of [0, -1, Number.NaN]) {
      expect(() => buildCues(transcript, { maxCueDurationInSeconds })).toThrow(InvalidArgumentError);
    }
    expect(() =>
      buildCues(transcript, { maxCharactersPerCue: Infinity, maxCueDurationInSeconds: Infinity }),
    ).not.toThrow();
  });

  it('rejects an invalid time in the transcript, naming it', () => {
    const segments = [
      {
        text: 'a b',
        start: 0,
        end: 1,
        words: [
          { text: 'a', start: 0, end: 1 },
          { text: 'b', start: -1, end: 1 },
        ],
      },
    ];
    expect(() => buildCues({ words: [], segments })).toThrow(
      expect.objectContaining({ argument: 'transcript.segments[0].words[1].start' }),
    );
    expect(() => buildCues({ words: [{ text: 'a', start: 2, end: 1 }], segments: [] })).toThrow(
      expect.objectContaining({ argument: 'transcript.words[0].end' }),
    );
  });
});
