import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { SonioxTranscriptSchema } from '../../../../src/core/providers/soniox/soniox-api.js';
import { sonioxToTranscript, sonioxTokensToWords } from '../../../../src/core/providers/soniox/index.js';

const fixture = (name: string) =>
  v.parse(SonioxTranscriptSchema, JSON.parse(readFileSync(`test/fixtures/soniox/${name}.json`, 'utf8')));

describe('sonioxToTranscript', () => {
  it('merges sub-word tokens into words, punctuation attached, in seconds', () => {
    const transcript = sonioxToTranscript(fixture('transcript-diarized'));
    expect(transcript.words.map((word) => word.text)).toEqual([
      'Hello,',
      'world.',
      'How',
      'are',
      'you?',
      "I'm",
      'fine.',
    ]);
    expect(transcript.words[0]).toEqual({
      text: 'Hello,',
      start: 0.12,
      end: 0.39,
      confidence: 0.92,
      speaker: '1',
      language: 'en',
    });
  });

  it('builds segments on speaker change and collects speakers in order', () => {
    const transcript = sonioxToTranscript(fixture('transcript-diarized'));
    expect(transcript.segments.map((segment) => [segment.speaker, segment.text])).toEqual([
      ['1', 'Hello, world. How are you?'],
      ['2', "I'm fine."],
    ]);
    expect(transcript.speakers).toEqual(['1', '2']);
    expect(transcript.text).toBe("Hello, world. How are you? I'm fine.");
    expect(transcript.language).toBe('en');
    expect(transcript.provider).toBe('soniox');
    expect(transcript.id).toBe('73d4357d-cad2-4338-a60d-ec6f2044f721');
  });

  it('takes the duration from the transcription job', () => {
    const transcript = sonioxToTranscript(fixture('transcript-diarized'), {
      id: 'x',
      status: 'completed',
      createdAt: '2026-11-22T00:00:00Z',
      model: 'stt-async-v5',
      audioDurationMs: 3050,
      enableSpeakerDiarization: true,
      enableLanguageIdentification: false,
    } as never);
    expect(transcript.durationInSeconds).toBe(3.05);
    expect(transcript.providerMetadata).toEqual({ soniox: { model: 'stt-async-v5' } });
  });

  it('keeps translation tokens out of the words and puts them in providerMetadata', () => {
    const transcript = sonioxToTranscript(fixture('transcript-translated'));
    expect(transcript.text).toBe('Good morning.');
    expect(transcript.providerMetadata).toEqual({
      soniox: { translation: { text: 'Buenos días.', languages: ['es'] } },
    });
  });

  it('skips realtime control tokens', () => {
    const words = sonioxTokensToWords([
      { text: 'Hi', startMs: 0, endMs: 100 },
      { text: '<end>', startMs: 100, endMs: 100 },
      { text: ' there', startMs: 200, endMs: 400 },
      { text: '<fin>', startMs: 400, endMs: 400 },
    ] as never);
    expect(words.map((word) => word.text)).toEqual(['Hi', 'there']);
  });

  it('starts a new word at a language change even without a space (code-switching)', () => {
    const words = sonioxTokensToWords([
      { text: ' שלום', startMs: 0, endMs: 300, language: 'he' },
      { text: 'hello', startMs: 300, endMs: 600, language: 'en' },
    ] as never);
    expect(words.map((word) => [word.text, word.language])).toEqual([
      ['שלום', 'he'],
      ['hello', 'en'],
    ]);
  });

  it('maps an empty transcript to an empty Transcript', () => {
    const transcript = sonioxToTranscript({ id: 'empty', text: '', tokens: [] });
    expect(transcript).toMatchObject({ text: '', words: [], segments: [], speakers: [], warnings: [] });
  });
});
