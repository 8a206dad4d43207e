import { describe, expect, it } from 'vitest';
import { ApiCallError, InvalidArgumentError } from '../../../../src/core/index.js';
import {
  createMistral,
  type MistralTranscriptionRequest,
} from '../../../../src/core/providers/mistral/index.js';
import { createSandbox } from '../../../../worker/src/sandbox/index.js';

const audio = new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/wav' });

function counted() {
  const sandbox = createSandbox({ streamEventDelayMs: 0 });
  const sent: Request[] = [];
  const mistral = createMistral({
    apiKey: 'sandbox-key',
    retry: false,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      sent.push(request);
      return sandbox.fetch(request);
    },
  });
  return { mistral, sent };
}

const cases: [string, Record<string, unknown>, string][] = [
  ['a missing model', { model: undefined, file: audio }, 'model'],
  ['no audio source', {}, 'file'],
  ['two audio sources', { file: audio, fileUrl: 'https://example.com/a.mp3' }, 'fileUrl'],
  ['a non-http fileUrl', { fileUrl: 'ftp://example.com/a.mp3' }, 'fileUrl'],
  ['a URL given as file', { file: 'https://example.com/a.mp3' as never }, 'file'],
  ['a language that is not a code', { file: audio, language: 'English' }, 'language'],
  ['a temperature that is not finite', { file: audio, temperature: Number.NaN }, 'temperature'],
  [
    'an unknown granularity',
    { file: audio, timestampGranularities: ['char' as never] },
    'timestampGranularities[0]',
  ],
  [
    'a repeated granularity',
    { file: audio, timestampGranularities: ['segment', 'segment'] },
    'timestampGranularities',
  ],
  ['an empty context_bias entry', { file: audio, contextBias: [''] }, 'contextBias[0]'],
  ['a misspelled option', { file: audio, contextBiass: ['x'] }, 'contextBiass'],
  ['returnLanguage with language', { file: audio, returnLanguage: true, language: 'en' }, 'returnLanguage'],
  [
    'language with timestamps on Voxtral 2',
    { model: 'voxtral-mini-2602', file: audio, language: 'en', timestampGranularities: ['segment'] },
    'language',
  ],
  [
    'a context_bias phrase with a space on Voxtral 2',
    { model: 'voxtral-mini-latest', file: audio, contextBias: ['Chicago', 'farewell address'] },
    'contextBias[1]',
  ],
  [
    'a context_bias entry with a comma on Voxtral 2',
    { model: 'voxtral-mini-2602', file: audio, contextBias: ['a,b'] },
    'contextBias[0]',
  ],
  [
    'more than 100 context_bias entries on Voxtral 2',
    {
      model: 'voxtral-mini-2602',
      file: audio,
      contextBias: Array.from({ length: 101 }, (_, index) => `term${index}`),
    },
    'contextBias',
  ],
  [
    'word timestamps on Voxtral 3',
    { file: audio, timestampGranularities: ['segment', 'word'] },
    'timestampGranularities',
  ],
  [
    'diarization without segment timestamps on Voxtral 3',
    { model: 'voxtral-small-transcribe-latest', file: audio, diarize: true },
    'diarize',
  ],
];

describe('audio.transcriptions argument checks', () => {
  for (const [what, fields, argument] of cases) {
    it(`rejects ${what} before any request`, async () => {
      const { mistral, sent } = counted();
      const request = { model: 'voxtral-mini-transcribe-3-0', ...fields } as MistralTranscriptionRequest;
      for (const call of [mistral.audio.transcriptions.complete, mistral.audio.transcriptions.stream]) {
        const error = await call(request).catch((caught: unknown) => caught);
        expect(InvalidArgumentError.isInstance(error), String(error)).toBe(true);
        expect((error as InvalidArgumentError).argument).toBe(argument);
      }
      expect(sent).toHaveLength(0);
    });
  }

  it('allows Voxtral 3 phrases, and Voxtral 2 single terms joined with underscores', async () => {
    const { mistral, sent } = counted();
    const file = new Blob([new Uint8Array(64)]);
    for (const request of [
      {
        model: 'voxtral-mini-transcribe-3-0',
        contextBias: ['farewell address, Chicago'],
        timestampGranularities: ['segment'] as const,
      },
      {
        model: 'voxtral-mini-2602',
        contextBias: ['farewell_address'],
        timestampGranularities: ['word'] as const,
      },
    ]) {
      // Not audio: the sandbox answers 400, which proves the request was sent.
      const error = await mistral.audio.transcriptions
        .complete({ ...request, file, timestampGranularities: [...request.timestampGranularities] })
        .catch((caught: unknown) => caught);
      expect((error as ApiCallError).status).toBe(400);
    }
    expect(sent).toHaveLength(2);
  });

  it('sends an unknown model without family rules and surfaces Mistral’s answer', async () => {
    const { mistral, sent } = counted();
    const error = await mistral.audio.transcriptions
      .complete({
        model: 'voxtral-future-9',
        file: audio,
        language: 'en',
        diarize: true,
        timestampGranularities: ['word'],
      })
      .catch((caught: unknown) => caught);
    expect(sent).toHaveLength(1);
    expect(ApiCallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 404, code: 'unknown_model' });
  });
});

describe('files and client argument checks', () => {
  it('rejects bad file calls before any request', async () => {
    const { mistral, sent } = counted();
    const attempts: [Promise<unknown>, string][] = [
      [mistral.files.upload('https://example.com/a.mp3'), 'audio'],
      [mistral.files.upload(audio, { purpose: '' }), 'purpose'],
      [mistral.files.getSignedUrl('file-1', { expiryHours: 0 }), 'expiryHours'],
      [mistral.files.getSignedUrl('file-1', { expiryHours: 169 }), 'expiryHours'],
      [mistral.files.getSignedUrl(''), 'fileId'],
      [mistral.files.delete(' '), 'fileId'],
    ];
    for (const [attempt, argument] of attempts) {
      const error = await attempt.catch((caught: unknown) => caught);
      expect((error as InvalidArgumentError).argument).toBe(argument);
    }
    expect(sent).toHaveLength(0);
  });

  it('rejects an unknown region and a missing key', async () => {
    expect(() => createMistral({ region: 'mars' as never })).toThrow(InvalidArgumentError);
    const error = await createMistral()
      .files.delete('x')
      .catch((caught: unknown) => caught);
    expect((error as InvalidArgumentError).argument).toBe('apiKey');
  });
});
