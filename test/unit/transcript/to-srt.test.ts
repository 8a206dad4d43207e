import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/core/errors/index.js';
import { createTranscript, toSrt } from '../../../src/core/transcript/index.js';
import { englishInterview, hebrewGreeting, mixedHebrewEnglish, shalom } from './fixtures.js';

describe('toSrt', () => {
  it('writes numbered, blank-line separated cues', () => {
    expect(toSrt(englishInterview())).toBe(
      [
        '1',
        '00:00:00,000 --> 00:00:00,900',
        'Hello there.',
        '',
        '2',
        '00:00:01,200 --> 00:00:02,400',
        'Hi, how are you?',
        '',
        '3',
        '00:00:04,500 --> 00:00:05,300',
        'Fine, thanks.',
        '',
      ].join('\n'),
    );
  });

  it('puts speaker labels in front when asked', () => {
    expect(toSrt(englishInterview(), { speakerLabels: true })).toBe(
      [
        '1',
        '00:00:00,000 --> 00:00:00,900',
        'A: Hello there.',
        '',
        '2',
        '00:00:01,200 --> 00:00:02,400',
        'B: Hi, how are you?',
        '',
        '3',
        '00:00:04,500 --> 00:00:05,300',
        'A: Fine, thanks.',
        '',
      ].join('\n'),
    );
  });

  it('keeps Hebrew text byte for byte', () => {
    const srt = toSrt(hebrewGreeting(), { speakerLabels: true });
    const expected = `1\n00:00:00,500 --> 00:00:02,600\n1: ${shalom} לכולם, ברוכים הבאים.\n`;
    expect(srt).toBe(expected);
    expect(new TextEncoder().encode(srt)).toEqual(new TextEncoder().encode(expected));
    expect(srt).not.toBe(srt.normalize('NFC'));
  });

  it('keeps mixed Hebrew and English text in logical order', () => {
    expect(toSrt(mixedHebrewEnglish())).toBe(
      '1\n00:00:00,000 --> 00:00:02,600\nאני משתמש בספרייה React כל יום.\n',
    );
  });

  it('isolates a Latin speaker label in front of Hebrew text so the line stays right to left', () => {
    expect(toSrt(mixedHebrewEnglish(), { speakerLabels: true })).toBe(
      '1\n00:00:00,000 --> 00:00:02,600\n\u2068Dana\u2069: אני משתמש בספרייה React כל יום.\n',
    );
    const english = createTranscript({
      provider: 'test',
      words: [{ text: 'Hello.', start: 0, end: 1, speaker: 'דנה' }],
    });
    expect(toSrt(english, { speakerLabels: true })).toContain('\u2068דנה\u2069: Hello.');
  });

  it('formats timestamps past one hour and past 100 hours', () => {
    const transcript = createTranscript({
      provider: 'test',
      words: [
        { text: 'late', start: 3725.25, end: 3726.5 },
        { text: 'very late', start: 360_000, end: 360_001.0005 },
      ],
    });
    expect(toSrt(transcript)).toBe(
      '1\n01:02:05,250 --> 01:02:06,500\nlate\n\n2\n100:00:00,000 --> 100:00:01,001\nvery late\n',
    );
  });

  it('keeps -->, < and & in text from breaking the file', () => {
    const transcript = createTranscript({
      provider: 'test',
      words: [
        { text: 'a', start: 0, end: 1 },
        { text: '-->', start: 1, end: 2 },
        { text: 'b--->c', start: 2, end: 3 },
        { text: '<i>x</i>', start: 3, end: 4 },
        { text: 'R&D', start: 4, end: 5 },
      ],
    });
    expect(toSrt(transcript)).toBe('1\n00:00:00,000 --> 00:00:05,000\na -> b->c <i>x</i> R&D\n');
  });

  it('turns line breaks inside a word into spaces', () => {
    const transcript = createTranscript({
      provider: 'test',
      words: [{ text: 'one\n\ntwo', start: 0, end: 1 }],
    });
    expect(toSrt(transcript)).toBe('1\n00:00:00,000 --> 00:00:01,000\none two\n');
  });

  it('writes nothing for an empty transcript', () => {
    expect(toSrt(createTranscript({ provider: 'test' }))).toBe('');
  });

  it('splits long segments into several cues', () => {
    const words = 'one two three four five six'
      .split(' ')
      .map((text, index) => ({ text, start: index, end: index + 1 }));
    expect(
      toSrt(createTranscript({ provider: 'test', words, segmentation: { maxPauseInSeconds: 5 } }), {
        maxCharactersPerCue: 14,
      }),
    ).toBe(
      [
        '1',
        '00:00:00,000 --> 00:00:03,000',
        'one two three',
        '',
        '2',
        '00:00:03,000 --> 00:00:06,000',
        'four five six',
        '',
      ].join('\n'),
    );
  });

  it('rejects options out of range', () => {
    expect(() => toSrt(englishInterview(), { maxCharactersPerCue: 0 })).toThrow(InvalidArgumentError);
  });
});
