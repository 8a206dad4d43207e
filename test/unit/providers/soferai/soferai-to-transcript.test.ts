import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Transcript } from '../../../../src/core/index.js';
import { SoferAITranscriptionSchema } from '../../../../src/core/providers/soferai/soferai-api.js';
import {
  soferaiToTranscript,
  type SoferAITranscriptMetadata,
  type SoferAITranscription,
} from '../../../../src/core/providers/soferai/index.js';

const fixture = (name: string): SoferAITranscription =>
  v.parse(SoferAITranscriptionSchema, JSON.parse(readFileSync(`test/fixtures/soferai/${name}.json`, 'utf8')));
const metadataOf = (transcript: Transcript) =>
  transcript.providerMetadata?.['soferai'] as SoferAITranscriptMetadata;

describe('soferaiToTranscript', () => {
  it('keeps both forms of Hebrew words by default, marked by script, with speakers and duration', () => {
    const transcript = soferaiToTranscript(fixture('transcription-en-both'));
    expect(transcript.text).toBe(
      "Welcome to today's shiur שיעור. We will learn Kriat Shema קריאת שמע together. Any questions?",
    );
    expect(transcript).toMatchObject({
      provider: 'soferai',
      id: '3f2b8c1e-7a44-4d0b-9c2e-5b1f0a9d6e21',
      language: 'en',
      durationInSeconds: 7.5,
      speakers: ['1', '2'],
      warnings: [],
    });
    expect(transcript.words.slice(3, 5)).toEqual([
      { text: 'shiur', start: 1.05, end: 1.5, speaker: '1', language: 'he-Latn' },
      { text: 'שיעור.', start: 1.05, end: 1.5, speaker: '1', language: 'he' },
    ]);
    // The switch between English and Hebrew words does not cut a segment; the change of speaker does.
    expect(transcript.segments.map((segment) => segment.speaker)).toEqual(['1', '2']);
    const forms = metadataOf(transcript).wordForms;
    expect(forms).toHaveLength(transcript.words.length);
    expect(forms[0]).toBeNull();
    expect(forms[3]).toEqual({
      script: 'transliteration',
      hebrew: 'שיעור',
      transliteration: 'shiur',
      group: 0,
    });
    expect(forms.slice(8, 12)).toEqual([
      { script: 'transliteration', hebrew: 'קריאת שמע', transliteration: 'Kriat Shema', group: 1 },
      { script: 'transliteration', hebrew: 'קריאת שמע', transliteration: 'Kriat Shema', group: 1 },
      { script: 'hebrew', hebrew: 'קריאת שמע', transliteration: 'Kriat Shema', group: 1 },
      { script: 'hebrew', hebrew: 'קריאת שמע', transliteration: 'Kriat Shema', group: 1 },
    ]);
    expect(metadataOf(transcript).text).toContain('<i>shiur</i>');
  });

  it('labels the words SoferAI leaves unmarked with the primary language, so English paragraphs stay English', () => {
    const transcript = soferaiToTranscript(fixture('transcription-en-both'));
    expect(transcript.words[0]?.language).toBe('en');
    expect(transcript.segments.map((segment) => segment.language)).toEqual(['en', 'en']);
  });

  it('shows only the Hebrew letters, keeping the transliteration in the metadata', () => {
    const transcript = soferaiToTranscript(fixture('transcription-en-both'), { hebrewWords: 'hebrew' });
    expect(transcript.text).toBe(
      "Welcome to today's שיעור. We will learn קריאת שמע together. Any questions?",
    );
    const forms = metadataOf(transcript).wordForms;
    expect(forms).toHaveLength(transcript.words.length);
    expect(forms[3]).toMatchObject({ script: 'hebrew', transliteration: 'shiur' });
  });

  it('shows only the transliteration', () => {
    const transcript = soferaiToTranscript(fixture('transcription-en-both'), {
      hebrewWords: 'transliteration',
    });
    expect(transcript.text).toBe(
      "Welcome to today's shiur. We will learn Kriat Shema together. Any questions?",
    );
    expect(transcript.words.filter((word) => word.language === 'he')).toEqual([]);
  });

  it('pairs the forms whichever comes first, tagged or in <i> tags', () => {
    const transcript = soferaiToTranscript(fixture('transcription-hebrew-first'), {
      hebrewWords: 'transliteration',
    });
    expect(transcript.text).toBe("Today's shiur is short.");
    expect(transcript.words[1]).toEqual({ text: 'shiur', start: 0.45, end: 0.9, language: 'he-Latn' });
    expect(metadataOf(transcript).wordForms[1]).toEqual({
      script: 'transliteration',
      hebrew: 'שיעור',
      transliteration: 'shiur',
      group: 0,
    });
    // No duration from SoferAI: the last word's end.
    expect(transcript.durationInSeconds).toBe(1.5);
  });

  it('splits hybrid tokens into their two forms, sharing the token time', () => {
    const transcript = soferaiToTranscript(fixture('transcription-hybrid'));
    expect(transcript.text).toBe('The Gemara גמרא asks a kashya קושיא.');
    expect(transcript.words.slice(1, 3)).toEqual([
      { text: 'Gemara', start: 0.22, end: 0.8, language: 'he-Latn' },
      { text: 'גמרא', start: 0.22, end: 0.8, language: 'he' },
    ]);
    expect(soferaiToTranscript(fixture('transcription-hybrid'), { hebrewWords: 'hebrew' }).text).toBe(
      'The גמרא asks a קושיא.',
    );
  });

  it('keeps a lone transliteration whatever form is asked for', () => {
    const transcript = soferaiToTranscript(fixture('transcription-en-transliterated'), {
      hebrewWords: 'hebrew',
    });
    expect(transcript.text).toBe('We say Shema every morning.');
    expect(metadataOf(transcript).wordForms[2]).toEqual({
      script: 'transliteration',
      transliteration: 'Shema',
      group: 0,
    });
  });

  it('renders Hebrew right to left: language he, words as written, niqqud kept', () => {
    const transcript = soferaiToTranscript(fixture('transcription-he'));
    expect(transcript.language).toBe('he');
    expect(transcript.text).toBe('שָׁלוֹם לְכֻלָּם, הַיּוֹם נִלְמַד אֶת הִלְכוֹת שַׁבָּת.');
    expect(transcript.words.every((word) => word.language === 'he')).toBe(true);
    expect(metadataOf(transcript).wordForms.every((form) => form === null)).toBe(true);
    expect(transcript.durationInSeconds).toBe(3.87);
  });

  it('renders Yiddish with language yi', () => {
    const transcript = soferaiToTranscript(fixture('transcription-yi'));
    expect(transcript.language).toBe('yi');
    expect(transcript.words).toHaveLength(5);
    expect(transcript.text).toBe('גוט מאָרגן, היינט לערנען מיר.');
  });

  it('keeps the text, without tags, when SoferAI sent no timestamps', () => {
    const fixtureWithout = fixture('transcription-no-timestamps');
    expect(soferaiToTranscript(fixtureWithout)).toMatchObject({
      text: "Welcome to today's shiur שיעור on Kriat Shema קריאת שמע.",
      words: [],
      durationInSeconds: 1802.5,
    });
    expect(soferaiToTranscript(fixtureWithout, { hebrewWords: 'hebrew' }).text).toBe(
      "Welcome to today's שיעור on קריאת שמע.",
    );
    expect(soferaiToTranscript(fixtureWithout, { hebrewWords: 'transliteration' }).text).toBe(
      "Welcome to today's shiur on Kriat Shema.",
    );
  });

  it('warns when the transcription is not completed', () => {
    const pending = fixture('transcription-no-timestamps');
    const transcript = soferaiToTranscript({
      ...pending,
      text: '',
      info: { ...pending.info, status: 'PROCESSING' },
    });
    expect(transcript.warnings).toEqual([expect.objectContaining({ type: 'other' })]);
  });
});
