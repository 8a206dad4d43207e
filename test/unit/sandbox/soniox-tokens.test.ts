import { describe, expect, test } from 'vitest';
import type { SampleWord } from '../../../worker/src/sandbox/samples/demo-sample.js';
import {
  sonioxTokens,
  wordPieces,
  type SonioxTokenOptions,
} from '../../../worker/src/sandbox/soniox/soniox-tokens.js';

const plain: SonioxTokenOptions = {
  language: 'en',
  durationMs: 5000,
  diarization: false,
  languageIdentification: false,
  translation: null,
};

const texts = (words: string[]) => wordPieces(words.join('')).map((piece) => piece.text);

describe('wordPieces', () => {
  test('short words stay whole; longer ones split in pieces of about four letters', () => {
    expect(texts(['Hello'])).toEqual(['Hel', 'lo']);
    expect(texts(['fox'])).toEqual(['fox']);
    expect(texts(['over'])).toEqual(['over']);
    expect(texts(['transcript'])).toEqual(['tran', 'scr', 'ipt']);
  });

  test('trailing punctuation is a piece of its own', () => {
    expect(wordPieces('dog.')).toEqual([
      { text: 'dog', kind: 'first', weight: 3 },
      { text: '.', kind: 'punctuation', weight: 0 },
    ]);
    expect(texts(['Really?!'])).toEqual(['Rea', 'lly', '?!']);
    expect(texts(['...'])).toEqual(['...']);
  });

  test('never separates a letter from its combining marks', () => {
    const pieces = texts(['שָׁלוֹם']);
    expect(pieces.join('')).toBe('שָׁלוֹם');
    for (const piece of pieces) {
      expect(piece).not.toMatch(/^\p{M}/u);
    }
  });
});

describe('sonioxTokens', () => {
  const words: SampleWord[] = [
    { text: 'Hello', startMs: 100, endMs: 600 },
    { text: 'there.', startMs: 700, endMs: 1000 },
    { text: 'Hi!', startMs: 1500, endMs: 1800, speaker: '2' },
  ];

  test('sub-word pieces with leading spaces, timed within their words, joining to the text', () => {
    const tokens = sonioxTokens(words, plain);
    expect(tokens.map((token) => [token.text, token.start_ms, token.end_ms])).toEqual([
      ['Hel', 100, 400],
      ['lo', 400, 600],
      [' the', 700, 880],
      ['re', 880, 1000],
      ['.', 1000, 1060],
      [' Hi', 1500, 1800],
      ['!', 1800, 1860],
    ]);
    expect(tokens.map((token) => token.text).join('')).toBe('Hello there. Hi!');
    expect(sonioxTokens(words, plain)).toEqual(tokens);
  });

  test('punctuation never overlaps the next word nor passes the end of the audio', () => {
    const tight: SampleWord[] = [
      { text: 'a,', startMs: 0, endMs: 100 },
      { text: 'b.', startMs: 120, endMs: 200 },
    ];
    const tokens = sonioxTokens(tight, { ...plain, durationMs: 230 });
    expect(tokens.find((token) => token.text === ',')).toMatchObject({ start_ms: 100, end_ms: 120 });
    expect(tokens.at(-1)).toMatchObject({ text: '.', start_ms: 200, end_ms: 230 });
  });

  test('diarization: speaker on every token, a word without one is speaker 1', () => {
    const tokens = sonioxTokens(words, { ...plain, diarization: true });
    expect(tokens.map((token) => token.speaker)).toEqual(['1', '1', '1', '1', '1', '2', '2']);
    expect(
      tokens.every((token) => token.language === undefined && token.translation_status === undefined),
    ).toBe(true);
  });

  test('language identification: a word language overrides the sample language', () => {
    const mixed: SampleWord[] = [
      { text: 'Shalom', startMs: 0, endMs: 400, language: 'he' },
      { text: 'friends.', startMs: 500, endMs: 900 },
    ];
    const tokens = sonioxTokens(mixed, { ...plain, languageIdentification: true });
    expect(tokens.map((token) => token.language)).toEqual(['he', 'he', 'en', 'en', 'en']);
  });

  test('two-way translation: each utterance in either language is followed by its translation; others are "none"', () => {
    const mixed: SampleWord[] = [
      { text: 'Hello.', startMs: 0, endMs: 400 },
      { text: 'Hola.', startMs: 500, endMs: 900, language: 'es' },
      { text: 'Ciao.', startMs: 1000, endMs: 1400, language: 'it' },
    ];
    const tokens = sonioxTokens(mixed, {
      ...plain,
      translation: { type: 'two_way', language_a: 'en', language_b: 'es' },
    });
    expect(
      tokens.map((token) => [token.text, token.translation_status, token.language, token.source_language]),
    ).toEqual([
      ['Hel', 'original', 'en', undefined],
      ['lo', 'original', 'en', undefined],
      ['.', 'original', 'en', undefined],
      [' [es]', 'translation', 'es', 'en'],
      [' Hel', 'translation', 'es', 'en'],
      ['lo', 'translation', 'es', 'en'],
      ['.', 'translation', 'es', 'en'],
      [' Hola', 'original', 'es', undefined],
      ['.', 'original', 'es', undefined],
      [' [en]', 'translation', 'en', 'es'],
      [' Hola', 'translation', 'en', 'es'],
      ['.', 'translation', 'en', 'es'],
      [' Ciao', 'none', 'it', undefined],
      ['.', 'none', 'it', undefined],
    ]);
    for (const token of tokens) {
      const timed = token.start_ms !== undefined && token.end_ms !== undefined;
      expect(timed).toBe(token.translation_status !== 'translation');
    }
  });
});
