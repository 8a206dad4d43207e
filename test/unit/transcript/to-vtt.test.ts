import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/core/errors/index.js';
import { createTranscript, toVtt } from '../../../src/core/transcript/index.js';
import { englishInterview, hebrewGreeting, mixedHebrewEnglish, shalom } from './fixtures.js';

describe('toVtt', () => {
  it('writes a WEBVTT header and cues with voice spans', () => {
    expect(toVtt(englishInterview())).toBe(
      [
        'WEBVTT',
        '',
        '00:00:00.000 --> 00:00:00.900',
        '<v A>Hello there.</v>',
        '',
        '00:00:01.200 --> 00:00:02.400',
        '<v B>Hi, how are you?</v>',
        '',
        '00:00:04.500 --> 00:00:05.300',
        '<v A>Fine, thanks.</v>',
        '',
      ].join('\n'),
    );
  });

  it('leaves voice spans out when asked, or when there is no speaker', () => {
    expect(toVtt(englishInterview(), { voiceSpans: false })).toContain('\nHello there.\n');
    const unlabelled = createTranscript({ provider: 'test', words: [{ text: 'Hi', start: 0, end: 1 }] });
    expect(toVtt(unlabelled)).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHi\n');
  });

  it('keeps Hebrew and mixed-direction text byte for byte, with no bidi controls added', () => {
    expect(toVtt(hebrewGreeting())).toBe(
      `WEBVTT\n\n00:00:00.500 --> 00:00:02.600\n<v 1>${shalom} לכולם, ברוכים הבאים.</v>\n`,
    );
    expect(toVtt(mixedHebrewEnglish())).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:02.600\n<v Dana>אני משתמש בספרייה React כל יום.</v>\n',
    );
  });

  it('escapes &, < and > in text and speaker names', () => {
    const transcript = createTranscript({
      provider: 'test',
      words: [
        { text: 'a<b>', start: 0, end: 1, speaker: 'Tom & <Jerry>' },
        { text: 'R&D', start: 1, end: 2, speaker: 'Tom & <Jerry>' },
      ],
    });
    expect(toVtt(transcript)).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Tom &amp; &lt;Jerry&gt;>a&lt;b&gt; R&amp;D</v>\n',
    );
  });

  it('keeps --> in text from starting a new cue', () => {
    const transcript = createTranscript({
      provider: 'test',
      words: [
        { text: '00:00:01.000', start: 0, end: 1 },
        { text: '-->', start: 1, end: 2 },
        { text: '00:00:02.000', start: 2, end: 3 },
      ],
    });
    expect(toVtt(transcript)).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n00:00:01.000 --&gt; 00:00:02.000\n',
    );
  });

  it('formats timestamps past one hour and past 100 hours', () => {
    const transcript = createTranscript({
      provider: 'test',
      words: [
        { text: 'late', start: 3725.25, end: 3726.5 },
        { text: 'later', start: 362_000.1234, end: 362_001 },
      ],
    });
    expect(toVtt(transcript)).toBe(
      'WEBVTT\n\n01:02:05.250 --> 01:02:06.500\nlate\n\n100:33:20.123 --> 100:33:21.000\nlater\n',
    );
  });

  it('writes only the header for an empty transcript', () => {
    expect(toVtt(createTranscript({ provider: 'test' }))).toBe('WEBVTT\n');
  });

  it('rejects options out of range', () => {
    expect(() => toVtt(englishInterview(), { maxCueDurationInSeconds: -1 })).toThrow(InvalidArgumentError);
  });
});
