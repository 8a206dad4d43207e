import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, transcribe } from '../../../../src/core/index.js';
import { createSoferAI, type SoferAIClient } from '../../../../src/core/providers/soferai/index.js';

function offlineClient() {
  let requests = 0;
  const soferai = createSoferAI({
    apiKey: 'key',
    fetch: async () => {
      requests++;
      return Response.json({});
    },
  });
  return { soferai, requests: () => requests };
}

async function rejection(call: () => Promise<unknown>): Promise<InvalidArgumentError> {
  const error = await call().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(InvalidArgumentError.isInstance(error), `expected InvalidArgumentError, got ${String(error)}`).toBe(
    true,
  );
  return error as InvalidArgumentError;
}

const url = 'https://example.com/audio.mp3';
const uuid = '0b5e8d0e-1c55-4d6e-9a43-7f9e2b7a1c10';
type Call = (soferai: SoferAIClient) => Promise<unknown>;

const cases: [string, Call, string][] = [
  ['no audio', (s) => s.transcribe.createTranscription({}), 'audioUrl'],
  [
    'two audio inputs',
    (s) => s.transcribe.createTranscription({ audioUrl: url, audio: new Blob(['x']) }),
    'audio',
  ],
  [
    'a non-http audio URL',
    (s) => s.transcribe.createTranscription({ audioUrl: 'ftp://example.com/a.mp3' }),
    'audioUrl',
  ],
  [
    'a data: URI as audioFile',
    (s) => s.transcribe.createTranscription({ audioFile: 'data:audio/mp3;base64,AAAA' }),
    'audioFile',
  ],
  [
    'audioFile that is not base64',
    (s) => s.transcribe.createTranscription({ audioFile: 'not base64!' }),
    'audioFile',
  ],
  ['an empty file', (s) => s.transcribe.createTranscription({ audio: new Blob([]) }), 'audio'],
  ['something that is not audio', (s) => s.transcribe.createTranscription({ audio: {} as Blob }), 'audio'],
  ['a relative URL as audio', (s) => s.transcribe.createTranscription({ audio: '/a.mp3' }), 'audio'],
  [
    'zero speakers',
    (s) => s.transcribe.createTranscription({ audioUrl: url, info: { numSpeakers: 0 } }),
    'info.numSpeakers',
  ],
  [
    'a fractional speaker count',
    (s) => s.transcribe.createTranscription({ audioUrl: url, info: { numSpeakers: 1.5 } }),
    'info.numSpeakers',
  ],
  [
    'both speaker settings',
    (s) =>
      s.transcribe.createTranscription({ audioUrl: url, info: { numSpeakers: 2, autoDetectSpeakers: true } }),
    'info.autoDetectSpeakers',
  ],
  [
    'an id that is not a UUID',
    (s) => s.transcribe.createTranscription({ audioUrl: url, info: { id: '42' } }),
    'info.id',
  ],
  [
    'a snake_case setting',
    (s) => s.transcribe.createTranscription({ audioUrl: url, info: { primary_language: 'he' } as never }),
    'info.primary_language',
  ],
  [
    'a language name',
    (s) => s.transcribe.createTranscription({ audioUrl: url, info: { primaryLanguage: 'Hebrew' } }),
    'info.primaryLanguage',
  ],
  [
    'no Hebrew-word format',
    (s) => s.transcribe.createTranscription({ audioUrl: url, info: { hebrewWordFormat: [] } }),
    'info.hebrewWordFormat',
  ],
  [
    'a repeated Hebrew-word format',
    (s) => s.transcribe.createTranscription({ audioUrl: url, info: { hebrewWordFormat: ['he', 'he'] } }),
    'info.hebrewWordFormat',
  ],
  ['a batch of nothing', (s) => s.transcribe.createBatchTranscription({}), 'options'],
  [
    'a batch of both kinds',
    (s) => s.transcribe.createBatchTranscription({ audioSources: [{ audioUrl: url }], batchFileId: uuid }),
    'options',
  ],
  [
    'an express batch over 10 sources',
    (s) =>
      s.transcribe.createBatchTranscription({
        audioSources: Array.from({ length: 11 }, () => ({ audioUrl: url })),
      }),
    'audioSources',
  ],
  [
    'an empty express batch',
    (s) => s.transcribe.createBatchTranscription({ audioSources: [] }),
    'audioSources',
  ],
  [
    'a batch source without a URL',
    (s) => s.transcribe.createBatchTranscription({ audioSources: [{ title: 'x' } as never] }),
    'audioSources[0].audioUrl',
  ],
  [
    'a base64 batch source',
    (s) =>
      s.transcribe.createBatchTranscription({
        audioSources: [{ audioUrl: url, audioFile: 'AAAA' } as never],
      }),
    'audioSources[0].audioFile',
  ],
  [
    'a repeated clientItemId',
    (s) =>
      s.transcribe.createBatchTranscription({
        audioSources: [
          { audioUrl: url, clientItemId: 'a' },
          { audioUrl: url, clientItemId: 'a' },
        ],
      }),
    'audioSources',
  ],
  [
    'an id in batch settings',
    (s) => s.transcribe.createBatchTranscription({ audioSources: [{ audioUrl: url }], info: { id: uuid } }),
    'info.id',
  ],
  [
    'express mode with a manifest',
    (s) => s.transcribe.createBatchTranscription({ batchFileId: uuid, processingMode: 'express' }),
    'processingMode',
  ],
  [
    'a manifest id that is not a UUID',
    (s) => s.transcribe.createBatchTranscription({ batchFileId: 'f' }),
    'batchFileId',
  ],
  [
    'a source with both speaker settings',
    (s) =>
      s.transcribe.createBatchTranscription({
        audioSources: [{ audioUrl: url, numSpeakers: 2, autoDetectSpeakers: false }],
      }),
    'audioSources[0].autoDetectSpeakers',
  ],
  ['a manifest of nothing', (s) => s.transcribe.uploadBatchFile({}), 'options'],
  [
    'a manifest over 500 items',
    (s) => s.transcribe.uploadBatchFile({ items: Array.from({ length: 501 }, () => ({ audioUrl: url })) }),
    'items',
  ],
  ['a batch id that is not a UUID', (s) => s.transcribe.getBatchStatus('batch-1'), 'batchId'],
  ['an empty transcription id', (s) => s.transcribe.getTranscriptionStatus(''), 'transcriptionId'],
  ['a transcription id that is not a UUID', (s) => s.transcribe.getTranscription('abc'), 'transcriptionId'],
  [
    'an empty filter',
    (s) => s.transcribe.getTranscription(uuid, { filterHebrewWordFormat: '' }),
    'filterHebrewWordFormat',
  ],
  ['waiting on a bad id', (s) => s.transcribe.wait('abc'), 'transcriptionId'],
  ['a negative poll interval', (s) => s.transcribe.wait(uuid, { intervalMs: -1 }), 'intervalMs'],
  ['a category without a name', (s) => s.categories.createCategory({ name: '  ' }), 'name'],
  ['a colour name', (s) => s.categories.createCategory({ name: 'A', colorHex: 'blue' }), 'colorHex'],
  ['a short hex colour', (s) => s.categories.createCategory({ name: 'A', colorHex: '#12345' }), 'colorHex'],
  ['updating a bad category id', (s) => s.categories.updateCategory('c', { name: 'A' }), 'categoryId'],
  [
    'a non-boolean auto-tag',
    (s) => s.categories.updateCategory(uuid, { autoTagEnabled: 'yes' as never }),
    'autoTagEnabled',
  ],
  [
    'a negative position',
    (s) => s.categories.addTranscriptionToCategory(uuid, uuid, { position: -1 }),
    'position',
  ],
  [
    'filing a bad transcription id',
    (s) => s.categories.addTranscriptionToCategory(uuid, 't'),
    'transcriptionId',
  ],
  [
    'removing from a bad category id',
    (s) => s.categories.removeTranscriptionFromCategory('c', uuid),
    'categoryId',
  ],
  [
    'categories of a bad transcription id',
    (s) => s.categories.getTranscriptionCategories('t'),
    'transcriptionId',
  ],
  ['extracting a non-URL', (s) => s.link.extract('yutorah lecture 5'), 'url'],
  ['outlining a bad id', (s) => s.timestamps.outline('t'), 'transcriptionId'],
  ['a non-boolean monotone', (s) => s.timestamps.outline(uuid, { monotone: 'yes' as never }), 'monotone'],
  ['a zero outline timeout', (s) => s.timestamps.outline(uuid, { timeout: 0 }), 'timeout'],
  ['measuring something that is not audio', (s) => s.utils.getDuration(42 as never), 'audio'],
];

describe('SoferAI request validation', () => {
  it.each(cases)('rejects %s before any request', async (_name, call, argument) => {
    const { soferai, requests } = offlineClient();
    const error = await rejection(() => call(soferai));
    expect(error.argument).toBe(argument);
    expect(requests()).toBe(0);
  });

  it('rejects a language SoferAI does not transcribe in transcribe() before any request', async () => {
    const { soferai, requests } = offlineClient();
    const error = await rejection(() =>
      transcribe({ provider: soferai, audio: new Blob(['x']), language: 'de' }),
    );
    expect(error.argument).toBe('language');
    expect(requests()).toBe(0);
  });

  it('rejects a bad providerOptions setting in transcribe() before any request', async () => {
    const { soferai, requests } = offlineClient();
    const error = await rejection(() =>
      transcribe({ provider: soferai, audio: url, providerOptions: { soferai: { model: '' } } }),
    );
    expect(error.argument).toBe('info.model');
    expect(requests()).toBe(0);
  });

  it('never throws synchronously', () => {
    const { soferai } = offlineClient();
    const pending = soferai.transcribe.getTranscription('bad');
    expect(pending).toBeInstanceOf(Promise);
    return expect(pending).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});
