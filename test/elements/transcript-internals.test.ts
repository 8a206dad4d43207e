import { describe, expect, it } from 'vitest';
import { createTranscript, type Transcript } from '../../src/core/index.js';
import { parseDownloadFormats, renderDownload } from '../../src/elements/transcript/download.js';
import { SearchIndex, foldForSearch } from '../../src/elements/transcript/search.js';
import {
  buildTranscriptModel,
  firstStrongDirection,
} from '../../src/elements/transcript/transcript-model.js';
import { WordIndex } from '../../src/elements/transcript/word-index.js';

describe('WordIndex', () => {
  const words = [
    { start: 0, end: 0.4 },
    { start: 0.5, end: 0.9 },
    { start: 2, end: 2.5 },
  ];

  it('finds the last word to have started', () => {
    const index = new WordIndex(words);
    expect([0, 0.3, 0.45, 0.5, 1.5, 2, 2.5].map((time) => index.find(time))).toEqual([0, 0, 0, 1, 1, 2, 2]);
  });

  it('finds none before the first word and after the last one ends', () => {
    const index = new WordIndex(words);
    expect([-1, 2.6, Number.NaN, Infinity].map((time) => index.find(time))).toEqual([-1, -1, -1, -1]);
    expect(new WordIndex([]).find(0)).toBe(-1);
  });

  it('tolerates a media time a hair before the start it was asked to seek to', () => {
    expect(new WordIndex(words).find(0.4999)).toBe(1);
  });

  it('maps back to token indices when the words are not in time order', () => {
    // Two speakers talking over each other: token order is paragraph order, not time order.
    const index = new WordIndex([
      { start: 0, end: 1 },
      { start: 2, end: 3 },
      { start: 1.5, end: 1.8 },
    ]);
    expect([0.5, 1.6, 2.5].map((time) => index.find(time))).toEqual([0, 2, 1]);
  });
});

describe('foldForSearch', () => {
  it('removes niqqud, cantillation and accents and lowers case', () => {
    expect(foldForSearch('בְּרֵאשִׁ֖ית')).toBe('בראשית');
    expect(foldForSearch('Café CRÈME')).toBe('cafe creme');
  });

  it('drops punctuation and turns dashes, the maqaf included, into spaces', () => {
    expect(foldForSearch("don't, “stop”!")).toBe('dont stop');
    expect(foldForSearch('בית־הכנסת')).toBe('בית הכנסת');
    expect(foldForSearch('  well -  then ')).toBe('well then');
  });
});

describe('SearchIndex', () => {
  const index = new SearchIndex([{ text: 'Hello' }, { text: ',' }, { text: 'hello' }, { text: 'world.' }]);

  it('finds matches within and across tokens, without overlap', () => {
    expect(index.find('hello')).toEqual([
      { first: 0, last: 0 },
      { first: 2, last: 2 },
    ]);
    expect(index.find('hello wor')).toEqual([{ first: 2, last: 3 }]);
    expect(index.find('l')).toHaveLength(5);
  });

  it('finds nothing for a query that folds to nothing', () => {
    expect(index.find('  ...  ')).toEqual([]);
    expect(index.find('zebra')).toEqual([]);
  });
});

describe('buildTranscriptModel', () => {
  it('attaches punctuation-only words to their neighbours', () => {
    const model = buildTranscriptModel(
      createTranscript({
        provider: 'test',
        words: [
          { text: '“', start: 0, end: 0 },
          { text: 'Hi', start: 0, end: 0.3 },
          { text: '”', start: 0.3, end: 0.3 },
          { text: ',', start: 0.3, end: 0.3 },
          { text: ' she', start: 0.4, end: 0.6 },
          { text: 'said', start: 0.7, end: 0.9 },
          { text: '—', start: 1, end: 1 },
          { text: 'twice', start: 1.1, end: 1.4 },
        ],
      }),
    );
    expect(model.tokens.map((token) => [token.text, token.spaceBefore])).toEqual([
      ['“Hi”,', false],
      ['she', true],
      ['said', true],
      ['— twice', true],
    ]);
    expect(model.tokens[0]).toMatchObject({ start: 0, end: 0.3 });
  });

  it('keeps the words of unspaced scripts apart', () => {
    const model = buildTranscriptModel(
      createTranscript({
        provider: 'test',
        words: [
          { text: '你好', start: 0, end: 0.4 },
          { text: '世界', start: 0.5, end: 0.9 },
          { text: '。', start: 0.9, end: 0.9 },
        ],
      }),
    );
    expect(model.tokens.map((token) => [token.text, token.spaceBefore])).toEqual([
      ['你好', false],
      ['世界。', false],
    ]);
  });

  it('segments the words when the transcript has no segments', () => {
    const transcript: Transcript = {
      provider: 'test',
      text: 'a b',
      words: [
        { text: 'a', start: 0, end: 1, speaker: '1' },
        { text: 'b', start: 1, end: 2, speaker: '2' },
      ],
      segments: [],
      speakers: ['1', '2'],
      warnings: [],
    };
    const model = buildTranscriptModel(transcript);
    expect(
      model.paragraphs.map((paragraph) => [paragraph.speaker, paragraph.firstToken, paragraph.endToken]),
    ).toEqual([
      ['1', 0, 1],
      ['2', 1, 2],
    ]);
  });

  it('records the direction each paragraph takes and words in another language', () => {
    const model = buildTranscriptModel(
      createTranscript({
        provider: 'test',
        segments: [
          {
            text: '2024 שנה of code',
            start: 0,
            end: 3,
            language: 'he',
            words: [
              { text: '2024', start: 0, end: 1 },
              { text: 'שנה', start: 1, end: 2, language: 'he' },
              { text: 'of', start: 2, end: 2.5, language: 'en' },
            ],
          },
          { text: 'Plain', start: 4, end: 5, words: [] },
        ],
      }),
    );
    expect(model.paragraphs.map((paragraph) => paragraph.direction)).toEqual(['rtl', 'ltr']);
    expect(model.tokens.map((token) => token.language)).toEqual([undefined, undefined, 'en', undefined]);
  });

  it('skips empty words and empty segments', () => {
    const model = buildTranscriptModel(
      createTranscript({
        provider: 'test',
        segments: [
          { text: '', start: 0, end: 1, words: [{ text: '  ', start: 0, end: 1 }] },
          { text: 'x', start: 1, end: 2, words: [{ text: 'x', start: 1, end: 2 }] },
        ],
      }),
    );
    expect(model.paragraphs).toHaveLength(1);
    expect(model.tokens.map((token) => token.paragraph)).toEqual([0]);
  });
});

describe('firstStrongDirection', () => {
  it('skips digits and punctuation as dir="auto" does', () => {
    expect(firstStrongDirection('12, שלום')).toBe('rtl');
    expect(firstStrongDirection('"Hi" שלום')).toBe('ltr');
    expect(firstStrongDirection('123')).toBeUndefined();
  });
});

describe('parseDownloadFormats', () => {
  it('keeps known formats once, in the order written', () => {
    expect(parseDownloadFormats(' JSON  srt pdf srt ')).toEqual(['json', 'srt']);
    expect(parseDownloadFormats('')).toEqual([]);
    expect(parseDownloadFormats(null)).toEqual([]);
  });
});

describe('renderDownload', () => {
  it('names the file after a safe form of the transcript id', () => {
    const transcript = createTranscript({ provider: 'test', id: '../שיעור 3/a?b' });
    expect(renderDownload(transcript, 'vtt').name).toBe('שיעור-3-a-b.vtt');
    expect(renderDownload(createTranscript({ provider: 'test', id: '...' }), 'srt').name).toBe(
      'transcript.srt',
    );
  });
});
