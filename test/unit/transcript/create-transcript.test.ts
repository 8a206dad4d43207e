import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/core/errors/index.js';
import { createTranscript } from '../../../src/core/transcript/index.js';
import { englishInterview } from './fixtures.js';

describe('createTranscript', () => {
  it('fills text, segments, speakers, duration and warnings from words', () => {
    const transcript = englishInterview();
    expect(transcript.text).toBe('Hello there. Hi, how are you? Fine, thanks.');
    expect(transcript.segments.map((segment) => [segment.speaker, segment.text])).toEqual([
      ['A', 'Hello there.'],
      ['B', 'Hi, how are you?'],
      ['A', 'Fine, thanks.'],
    ]);
    expect(transcript.speakers).toEqual(['A', 'B']);
    expect(transcript.durationInSeconds).toBe(5.3);
    expect(transcript.warnings).toEqual([]);
  });

  it('gives an empty transcript for no words', () => {
    expect(createTranscript({ provider: 'mistral' })).toEqual({
      provider: 'mistral',
      text: '',
      words: [],
      segments: [],
      speakers: [],
      warnings: [],
    });
  });

  it('keeps what it is given', () => {
    const segments = [{ text: 'Shalom.', start: 0, end: 2, speaker: '2', words: [] }];
    const transcript = createTranscript({
      provider: 'soferai',
      id: 'job-1',
      text: 'Provider text',
      language: 'he',
      durationInSeconds: 10,
      segments,
      speakers: ['1', '2'],
      chapters: [{ title: 'Intro', start: 0 }],
      warnings: [{ type: 'unsupported', feature: 'diarize', message: 'Not supported.' }],
      providerMetadata: { model: 'x' },
    });
    expect(transcript).toEqual({
      provider: 'soferai',
      id: 'job-1',
      text: 'Provider text',
      language: 'he',
      durationInSeconds: 10,
      words: [],
      segments,
      speakers: ['1', '2'],
      chapters: [{ title: 'Intro', start: 0 }],
      warnings: [{ type: 'unsupported', feature: 'diarize', message: 'Not supported.' }],
      providerMetadata: { model: 'x' },
    });
    expect(transcript.segments).not.toBe(segments);
  });

  it('builds text and speakers from given segments without words', () => {
    const transcript = createTranscript({
      provider: 'mistral',
      segments: [
        { text: 'First\nline.', start: 0, end: 2, speaker: 'B', words: [] },
        { text: '', start: 2, end: 3, words: [] },
        { text: 'Second.', start: 3, end: 4.5, speaker: 'A', words: [] },
      ],
    });
    expect(transcript.text).toBe('First line. Second.');
    expect(transcript.speakers).toEqual(['B', 'A']);
    expect(transcript.durationInSeconds).toBe(4.5);
  });

  it('passes segmentation options to buildSegments', () => {
    const transcript = createTranscript({
      provider: 'test',
      words: [
        { text: 'one', start: 0, end: 1 },
        { text: 'two', start: 3, end: 4 },
      ],
      segmentation: { maxPauseInSeconds: 5 },
    });
    expect(transcript.segments).toHaveLength(1);
  });

  it('leaves out keys it has no value for', () => {
    const transcript = createTranscript({ provider: 'test', id: undefined, language: undefined });
    expect(Object.keys(transcript).sort()).toEqual([
      'provider',
      'segments',
      'speakers',
      'text',
      'warnings',
      'words',
    ]);
  });

  it('rejects an invalid transcript, naming the field', () => {
    const call = () =>
      createTranscript({
        provider: 'test',
        segments: [{ text: 'x', start: 0, end: 1, words: [] }],
        words: [{ text: 'x', start: 0, end: 1, confidence: 2 }],
      });
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(expect.objectContaining({ argument: 'words[0].confidence' }));
    expect(() =>
      createTranscript({ provider: 'test', words: [{ text: 'x', start: Number.NaN, end: 1 }] }),
    ).toThrow(expect.objectContaining({ argument: 'words[0].start' }));
    expect(() =>
      createTranscript({ provider: 'test', segments: [{ text: 'x', start: 2, end: 1, words: [] }] }),
    ).toThrow(expect.objectContaining({ argument: 'segments[0].end' }));
  });
});
