import { describe, expect, it } from 'vitest';
import { joinWords } from '../../../src/core/transcript/index.js';

const words = (...texts: string[]) => texts.map((text) => ({ text }));

describe('joinWords', () => {
  it('joins words with single spaces', () => {
    expect(joinWords(words('Hello', 'there.'))).toBe('Hello there.');
  });

  it('attaches closing punctuation to the word before', () => {
    expect(joinWords(words('Hello', ',', 'world', '!', 'Really', '?', '(yes', ')', 'ok', '…'))).toBe(
      'Hello, world! Really? (yes) ok…',
    );
  });

  it('attaches opening punctuation to the word after', () => {
    expect(joinWords(words('He', 'said', '“', 'hi', '”', 'and', '(', 'left', ')', '¿', 'Qué', '?'))).toBe(
      'He said “hi” and (left) ¿Qué?',
    );
  });

  it('keeps spaces around dashes and ambiguous quotes', () => {
    expect(joinWords(words('wait', '—', 'what', '-', 'no', '"'))).toBe('wait — what - no "');
  });

  it('ignores the leading space some providers put on words', () => {
    expect(joinWords(words(' Hello', ' world', '.'))).toBe('Hello world.');
  });

  it('turns line breaks inside words into spaces and skips empty words', () => {
    expect(joinWords(words('one\ntwo', '', '  ', 'three\r\n\tfour'))).toBe('one two three four');
  });

  it('keeps Hebrew punctuation, niqqud and bidi marks as they are', () => {
    expect(joinWords(words('שָׁלוֹם', ',', 'עולם', '׃', '\u200Fמה', '?'))).toBe('שָׁלוֹם, עולם׃ \u200Fמה?');
  });

  it('does not put spaces between Chinese or Japanese words', () => {
    expect(joinWords(words('我', '喜欢', '你', '。'))).toBe('我喜欢你。');
    expect(joinWords(words('東京', 'に', '行く', 'React', 'で'))).toBe('東京に行く React で');
  });

  it('returns an empty string for no words', () => {
    expect(joinWords([])).toBe('');
  });
});
