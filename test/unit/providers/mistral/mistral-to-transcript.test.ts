import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { MistralTranscriptionSchema } from '../../../../src/core/providers/mistral/mistral-api.js';
import { mistralToTranscript } from '../../../../src/core/providers/mistral/index.js';

const fixture = (name: string) =>
  v.parse(MistralTranscriptionSchema, JSON.parse(readFileSync(`test/fixtures/mistral/${name}.json`, 'utf8')));

describe('mistralToTranscript', () => {
  it('maps segments with their speaker_id, trimmed text and times', () => {
    const transcript = mistralToTranscript(fixture('transcription-diarized'));
    expect(transcript.segments).toEqual([
      {
        text: 'Hello, thanks for joining the call today.',
        start: 0.5,
        end: 3.2,
        speaker: 'speaker_1',
        words: [],
      },
      { text: 'Thanks for having me.', start: 3.6, end: 5.1, speaker: 'speaker_2', words: [] },
    ]);
    expect(transcript.speakers).toEqual(['speaker_1', 'speaker_2']);
    expect(transcript.text).toBe('Hello, thanks for joining the call today. Thanks for having me.');
    expect(transcript.words).toEqual([]);
    expect(transcript.provider).toBe('mistral');
  });

  it('takes the billed seconds as the duration when they cover the timestamps, and keeps usage', () => {
    const transcript = mistralToTranscript(fixture('transcription-diarized'));
    expect(transcript.durationInSeconds).toBe(6);
    expect(transcript.providerMetadata).toEqual({
      mistral: {
        model: 'voxtral-mini-transcribe-3-0',
        usage: expect.objectContaining({ promptAudioSeconds: 6, totalTokens: 90, requestCount: 1 }),
      },
    });
  });

  it('falls back to the requested language when Mistral reports none', () => {
    expect(mistralToTranscript(fixture('transcription-diarized')).language).toBeUndefined();
    expect(mistralToTranscript(fixture('transcription-diarized'), { language: 'en' }).language).toBe('en');
    expect(mistralToTranscript(fixture('transcription-plain'), { language: 'fr' }).language).toBe('en');
  });

  it('keeps the text of a response without timestamps, with no segments or words', () => {
    const transcript = mistralToTranscript(fixture('transcription-plain'));
    expect(transcript.text).toBe(
      'This week, I traveled to Chicago to deliver my final farewell address to the nation.',
    );
    expect(transcript.segments).toEqual([]);
    expect(transcript.durationInSeconds).toBe(5);
  });

  it('puts returned words into the segment their midpoint falls in, with its speaker', () => {
    const transcript = mistralToTranscript(fixture('transcription-words'));
    expect(transcript.words).toEqual([
      { text: 'Hello', start: 0.1, end: 0.4, speaker: 'speaker_1' },
      { text: 'there.', start: 0.5, end: 1.0, speaker: 'speaker_1' },
      { text: 'Goodbye.', start: 1.5, end: 2.2, speaker: 'speaker_2' },
    ]);
    expect(transcript.segments.map((segment) => segment.words.map((word) => word.text))).toEqual([
      ['Hello', 'there.'],
      ['Goodbye.'],
    ]);
  });

  it('leaves out segments without times and does not trust whole seconds below the last timestamp', () => {
    const transcript = mistralToTranscript({
      model: 'm',
      text: 'a b',
      language: undefined,
      segments: [
        { text: 'a', start: 0, end: 1.7, score: undefined, speakerId: undefined },
        { text: 'b', start: undefined, end: undefined, score: undefined, speakerId: undefined },
      ],
      words: [],
      usage: {
        promptTokens: 0,
        completionTokens: 0,
        totalTokens: 0,
        promptAudioSeconds: 1,
        serviceTier: undefined,
        requestCount: undefined,
      },
    });
    expect(transcript.segments).toHaveLength(1);
    expect(transcript.durationInSeconds).toBe(1.7);
    expect(transcript.text).toBe('a b');
  });
});
