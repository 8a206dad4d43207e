import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../../src/core/index.js';
import { ScriptivoxTranscriptionSchema } from '../../../../src/core/providers/scriptivox/scriptivox-api.js';
import { scriptivoxToTranscript } from '../../../../src/core/providers/scriptivox/index.js';

const fixture = (name: string) =>
  v.parse(
    ScriptivoxTranscriptionSchema,
    JSON.parse(readFileSync(`test/fixtures/scriptivox/${name}.json`, 'utf8')),
  );

describe('scriptivoxToTranscript', () => {
  it('maps utterances to segments with their speakers and words', () => {
    const transcript = scriptivoxToTranscript(fixture('transcription-completed'));
    expect(
      transcript.segments.map((segment) => [segment.speaker, segment.text, segment.words.length]),
    ).toEqual([
      ['SPEAKER 1', 'Hello, thanks for joining the call today.', 7],
      ['SPEAKER 2', 'Thanks for having me.', 4],
    ]);
    expect(transcript.speakers).toEqual(['SPEAKER 1', 'SPEAKER 2']);
    expect(transcript.text).toBe('Hello, thanks for joining the call today. Thanks for having me.');
    expect(transcript).toMatchObject({
      provider: 'scriptivox',
      id: 'txn-456',
      language: 'en',
      durationInSeconds: 120,
    });
  });

  it('keeps word confidences and gives words without a speaker their utterance’s', () => {
    const transcript = scriptivoxToTranscript(fixture('transcription-completed'));
    expect(transcript.words[0]).toEqual({
      text: 'Hello,',
      start: 0.5,
      end: 0.9,
      confidence: 0.98,
      speaker: 'SPEAKER 1',
    });
    expect(transcript.words[2]).toEqual({
      text: 'for',
      start: 1.3,
      end: 1.45,
      confidence: 0.96,
      speaker: 'SPEAKER 1',
    });
    expect(transcript.words).toHaveLength(11);
  });

  it('puts the cost and the utterance confidences in providerMetadata', () => {
    expect(scriptivoxToTranscript(fixture('transcription-completed')).providerMetadata).toEqual({
      scriptivox: { costCents: 0.6667, utteranceConfidences: [0.95, 0.91] },
    });
  });

  it('maps an unaligned, undiarized result to segments without words or speakers', () => {
    const transcript = scriptivoxToTranscript(fixture('transcription-unaligned'));
    expect(transcript.segments).toEqual([
      { text: 'Good morning.', start: 0.2, end: 1.4, words: [] },
      { text: 'See you soon.', start: 1.9, end: 3.6, words: [] },
    ]);
    expect(transcript.speakers).toEqual([]);
    expect(transcript.words).toEqual([]);
    expect(transcript.durationInSeconds).toBe(4);
  });

  it('reads the older flat error fields and refuses a job without a result', () => {
    const failed = fixture('transcription-failed-legacy');
    expect(failed.error).toEqual({ code: 'UNSUPPORTED_FORMAT', message: 'The file could not be read.' });
    expect(() => scriptivoxToTranscript(failed)).toThrow(InvalidArgumentError);
  });
});
