import { describe, expect, it } from 'vitest';
import { TranscriptionFailedError, transcribe, type TranscribeProgress } from '../../../../src/core/index.js';
import {
  soferaiCapabilities,
  type SoferAITranscriptMetadata,
} from '../../../../src/core/providers/soferai/index.js';
import { foxText, harness, silentWav, speechFile } from './soferai-harness.js';

const fast = { soferai: { waitIntervalMs: 1 } };

describe('transcribe() with SoferAI', () => {
  it('uploads as base64, reports progress in order and returns the normalized transcript', async () => {
    const { soferai } = harness();
    const progress: TranscribeProgress['stage'][] = [];
    const transcript = await transcribe({
      provider: soferai,
      audio: speechFile(),
      language: 'en',
      providerOptions: fast,
      onProgress: (update) => {
        if (progress.at(-1) !== update.stage) progress.push(update.stage);
      },
    });
    expect(progress).toEqual(['uploading', 'queued', 'processing', 'completed']);
    expect(transcript.provider).toBe('soferai');
    expect(transcript.text).toBe(foxText);
    expect(transcript.words).toHaveLength(9);
    expect(transcript.language).toBe('en');
    expect(transcript.durationInSeconds).toBeCloseTo(3.44, 1);
    expect(transcript.warnings).toEqual([]);
  });

  it('transcribes a URL without uploading, labelling the speakers it was told to expect', async () => {
    const { soferai } = harness();
    const progress: TranscribeProgress['stage'][] = [];
    const transcript = await transcribe({
      provider: soferai,
      audio: 'https://media.example.com/talk.mp3',
      diarize: true,
      speakerCount: 2,
      providerOptions: fast,
      onProgress: (update) => progress.push(update.stage),
    });
    expect(progress).not.toContain('uploading');
    expect(transcript.speakers).toEqual(['1', '2']);
    expect(transcript.text).toContain('sandbox');
    const info = (transcript.providerMetadata?.['soferai'] as SoferAITranscriptMetadata).info;
    expect(info.numSpeakers).toBe(2);
  });

  it('asks SoferAI to detect speakers when diarize comes without a count', async () => {
    const { soferai } = harness();
    const transcript = await transcribe({
      provider: soferai,
      audio: silentWav(10),
      diarize: true,
      providerOptions: fast,
    });
    const info = (transcript.providerMetadata?.['soferai'] as SoferAITranscriptMetadata).info;
    expect(info.numSpeakers).toBe(2);
    expect(transcript.speakers.length).toBe(2);
  });

  it('transcribes Hebrew right to left and shows Hebrew words in the form asked for', async () => {
    const { soferai } = harness();
    const hebrew = await transcribe({
      provider: soferai,
      audio: silentWav(5),
      language: 'he',
      providerOptions: fast,
    });
    expect(hebrew.language).toBe('he');
    expect(hebrew.text).toMatch(/^זהו תמלול של ארגז החול\./);
    const english = await transcribe({
      provider: soferai,
      audio: silentWav(5),
      providerOptions: { soferai: { waitIntervalMs: 1, hebrewWords: 'hebrew', title: 'Shiur' } },
    });
    expect(english.text).toContain('of a שיעור.');
    expect(english.text).not.toContain('shiur');
  });

  it('warns about the options SoferAI ignores', async () => {
    const { soferai } = harness();
    const transcript = await transcribe({
      provider: soferai,
      audio: speechFile(),
      contextTerms: ['Rambam'],
      providerOptions: fast,
    });
    expect(transcript.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported', feature: 'contextTerms' }),
    ]);
  });

  it('rejects with TranscriptionFailedError for undecodable audio and when funds run out', async () => {
    const failed = await transcribe({
      provider: harness().soferai,
      audio: new Uint8Array(2048).fill(9),
      providerOptions: fast,
    }).catch((caught: unknown) => caught);
    expect(TranscriptionFailedError.isInstance(failed)).toBe(true);
    expect((failed as TranscriptionFailedError).code).toBe('FAILED');
    const broke = await transcribe({
      provider: harness({ depositCents: 0 }).soferai,
      audio: speechFile(),
      providerOptions: fast,
    }).catch((caught: unknown) => caught);
    expect((broke as TranscriptionFailedError).code).toBe('INSUFFICIENT_FUNDS');
  });

  it('stops waiting when aborted: SoferAI cannot cancel a transcription', async () => {
    expect(soferaiCapabilities.cancellation).toBe(false);
    const { soferai } = harness({ step: 0 });
    const controller = new AbortController();
    const run = transcribe({
      provider: soferai,
      audio: speechFile(),
      signal: controller.signal,
      providerOptions: fast,
      onProgress: (update) => {
        if (update.stage === 'queued') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
