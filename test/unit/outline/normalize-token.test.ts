import { describe, expect, it } from 'vitest';
import { normalizeToken, tokenize } from '../../../src/core/outline/normalize-token.js';
import { isStopWord } from '../../../src/core/outline/stop-words.js';

describe('normalizeToken', () => {
  it('folds case, punctuation and accents', () => {
    expect(normalizeToken("Today's,")).toBe('todays');
    expect(normalizeToken('Café')).toBe('cafe');
    expect(normalizeToken('—')).toBe('');
  });

  it('strips niqqud and cantillation and writes final letters as mid-word forms', () => {
    expect(normalizeToken('שָׁלוֹם')).toBe('שלומ');
    expect(normalizeToken('בְּרֵאשִׁ֖ית')).toBe('בראשית');
    expect(normalizeToken('ךםןףץ')).toBe('כמנפצ');
    expect(normalizeToken('ה׳')).toBe('ה');
    expect(normalizeToken('רמב״ם')).toBe('רמבמ');
  });
});

describe('tokenize', () => {
  it('splits on spaces, hyphens, dashes and the maqaf alike', () => {
    expect(tokenize('Rosh-Hashana — על־פי  the/law')).toEqual(['rosh', 'hashana', 'על', 'פי', 'the', 'law']);
  });
});

describe('isStopWord', () => {
  it('knows English, Hebrew (final letters folded) and fillers, not content words', () => {
    expect(['the', 'um', 'של', 'הם', 'און'].map(normalizeToken).every((token) => isStopWord(token))).toBe(
      true,
    );
    expect(['shabbos', 'candles', 'שבת'].some((token) => isStopWord(token))).toBe(false);
  });
});
