import { describe, expect, it } from 'vitest';
import { createTranscript, toText } from '../../../src/core/transcript/index.js';
import { englishInterview, hebrewGreeting, mixedHebrewEnglish, shalom } from './fixtures.js';

describe('toText', () => {
  it('writes one paragraph per segment', () => {
    expect(toText(englishInterview())).toBe('Hello there.\n\nHi, how are you?\n\nFine, thanks.');
  });

  it('adds speaker labels', () => {
    expect(toText(englishInterview(), { speakerLabels: true })).toBe(
      'A: Hello there.\n\nB: Hi, how are you?\n\nA: Fine, thanks.',
    );
  });

  it('adds timestamps, rounded down to the second', () => {
    expect(toText(englishInterview(), { timestamps: true, speakerLabels: true })).toBe(
      '[00:00:00] A: Hello there.\n\n[00:00:01] B: Hi, how are you?\n\n[00:00:04] A: Fine, thanks.',
    );
  });

  it('formats timestamps past one hour and past 100 hours', () => {
    const transcript = createTranscript({
      provider: 'test',
      words: [
        { text: 'late', start: 3725.9, end: 3726.5 },
        { text: 'later', start: 360_059.9999, end: 360_061 },
      ],
    });
    expect(toText(transcript, { timestamps: true })).toBe('[01:02:05] late\n\n[100:00:59] later');
  });

  it('keeps Hebrew and mixed-direction text byte for byte', () => {
    expect(toText(hebrewGreeting(), { speakerLabels: true })).toBe(`1: ${shalom} לכולם, ברוכים הבאים.`);
    expect(toText(mixedHebrewEnglish())).toBe('אני משתמש בספרייה React כל יום.');
    expect(toText(mixedHebrewEnglish(), { speakerLabels: true })).toBe(
      '\u2068Dana\u2069: אני משתמש בספרייה React כל יום.',
    );
  });

  it('segments a transcript that has words but no segments', () => {
    const { words, text } = englishInterview();
    expect(toText({ words, segments: [], text })).toBe('Hello there.\n\nHi, how are you?\n\nFine, thanks.');
  });

  it('falls back to the text when there are no words or segments', () => {
    expect(toText({ words: [], segments: [], text: ' Just\ntext ' })).toBe('Just text');
  });

  it('skips empty segments and gives an empty string for an empty transcript', () => {
    const transcript = createTranscript({
      provider: 'test',
      segments: [
        { text: ' ', start: 0, end: 1, words: [] },
        { text: 'Hi', start: 1, end: 2, words: [] },
      ],
    });
    expect(toText(transcript)).toBe('Hi');
    expect(toText(createTranscript({ provider: 'test' }))).toBe('');
  });
});
