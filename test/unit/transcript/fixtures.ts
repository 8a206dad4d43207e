import { createTranscript, type Transcript } from '../../../src/core/transcript/index.js';

/**
שָׁלוֹם with its marks in the order people type them (shin dot before qamats), which is not
Unicode normalized order: output that normalizes or reorders text would change its bytes.
*/
export const shalom = '\u05E9\u05C1\u05B8\u05DC\u05D5\u05B9\u05DD';

/** Two English speakers, with a pause before A's second turn. */
export function englishInterview(): Transcript {
  return createTranscript({
    provider: 'test',
    language: 'en',
    words: [
      { text: 'Hello', start: 0, end: 0.4, speaker: 'A' },
      { text: 'there.', start: 0.45, end: 0.9, speaker: 'A' },
      { text: 'Hi,', start: 1.2, end: 1.5, speaker: 'B' },
      { text: 'how', start: 1.6, end: 1.8, speaker: 'B' },
      { text: 'are', start: 1.85, end: 2, speaker: 'B' },
      { text: 'you?', start: 2.05, end: 2.4, speaker: 'B' },
      { text: 'Fine,', start: 4.5, end: 4.8, speaker: 'A' },
      { text: 'thanks.', start: 4.85, end: 5.3, speaker: 'A' },
    ],
  });
}

/** One Hebrew speaker, with niqqud on one word. */
export function hebrewGreeting(): Transcript {
  return createTranscript({
    provider: 'test',
    language: 'he',
    words: [
      { text: shalom, start: 0.5, end: 0.9, speaker: '1', language: 'he' },
      { text: 'לכולם,', start: 0.95, end: 1.5, speaker: '1', language: 'he' },
      { text: 'ברוכים', start: 1.6, end: 2, speaker: '1', language: 'he' },
      { text: 'הבאים.', start: 2.05, end: 2.6, speaker: '1', language: 'he' },
    ],
  });
}

/** A Hebrew sentence with an English word in it, kept as one segment. */
export function mixedHebrewEnglish(): Transcript {
  return createTranscript({
    provider: 'test',
    language: 'he',
    segmentation: { splitOnLanguageChange: false },
    words: [
      { text: 'אני', start: 0, end: 0.3, speaker: 'Dana', language: 'he' },
      { text: 'משתמש', start: 0.35, end: 0.8, speaker: 'Dana', language: 'he' },
      { text: 'בספרייה', start: 0.85, end: 1.4, speaker: 'Dana', language: 'he' },
      { text: 'React', start: 1.45, end: 1.9, speaker: 'Dana', language: 'en' },
      { text: 'כל', start: 2, end: 2.2, speaker: 'Dana', language: 'he' },
      { text: 'יום.', start: 2.25, end: 2.6, speaker: 'Dana', language: 'he' },
    ],
  });
}
