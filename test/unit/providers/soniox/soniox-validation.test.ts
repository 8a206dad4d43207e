import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../../src/core/index.js';
import { createSoniox } from '../../../../src/core/providers/soniox/index.js';

function offlineClient() {
  let requests = 0;
  const soniox = createSoniox({
    apiKey: 'key',
    fetch: async () => {
      requests++;
      return Response.json({});
    },
  });
  return { soniox, requests: () => requests };
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

describe('stt.create validation', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['neither input', {}, ''],
    ['both inputs', { audioUrl: url, fileId: 'f' }, ''],
    ['a model over 32 characters', { audioUrl: url, model: 'x'.repeat(33) }, 'model'],
    ['an empty model', { audioUrl: url, model: '' }, 'model'],
    ['a non-http audio URL', { audioUrl: 'ftp://example.com/a.mp3' }, 'audioUrl'],
    ['an audio URL with spaces', { audioUrl: 'https://example.com/a b.mp3' }, 'audioUrl'],
    ['an audio URL over 4096 characters', { audioUrl: `https://e.com/${'a'.repeat(4100)}` }, 'audioUrl'],
    [
      'a client reference id over 256 characters',
      { audioUrl: url, clientReferenceId: 'x'.repeat(257) },
      'clientReferenceId',
    ],
    [
      'more than 100 language hints',
      { audioUrl: url, config: { languageHints: Array(101).fill('en') } },
      'config.languageHints',
    ],
    [
      'a language hint over 10 characters',
      { audioUrl: url, config: { languageHints: ['en', 'x'.repeat(11)] } },
      'config.languageHints[1]',
    ],
    [
      'a non-boolean strictness',
      { audioUrl: url, config: { languageHintsStrict: 'yes' } },
      'config.languageHintsStrict',
    ],
    [
      'a non-boolean diarization',
      { audioUrl: url, config: { enableSpeakerDiarization: 1 } },
      'config.enableSpeakerDiarization',
    ],
    [
      'a non-boolean language identification',
      { audioUrl: url, config: { enableLanguageIdentification: 'on' } },
      'config.enableLanguageIdentification',
    ],
    [
      'a context string over 10,000 characters',
      { audioUrl: url, config: { context: 'x'.repeat(10_001) } },
      'config.context',
    ],
    [
      'an unknown structured context key',
      { audioUrl: url, config: { context: { topic: 'x' } } },
      'config.context',
    ],
    [
      'a structured context over the size limit',
      { audioUrl: url, config: { context: { text: 'x'.repeat(10_000) } } },
      'config.context',
    ],
    [
      'a translation of unknown type',
      { audioUrl: url, config: { translation: { type: 'three_way' } } },
      'config.translation.type',
    ],
    [
      'a one-way translation without a 2-letter target',
      { audioUrl: url, config: { translation: { type: 'one_way', targetLanguage: 'english' } } },
      'config.translation.targetLanguage',
    ],
    [
      'a two-way translation missing a language',
      { audioUrl: url, config: { translation: { type: 'two_way', languageA: 'en' } } },
      'config.translation.languageB',
    ],
    [
      'a webhook URL over 256 characters',
      { audioUrl: url, config: { webhookUrl: `https://e.com/${'a'.repeat(250)}` } },
      'config.webhookUrl',
    ],
    [
      'a non-http webhook URL',
      { audioUrl: url, config: { webhookUrl: 'mailto:me@example.com' } },
      'config.webhookUrl',
    ],
    [
      'a webhook header name without a value',
      { audioUrl: url, config: { webhookAuthHeaderName: 'Authorization' } },
      'config.webhookAuthHeaderValue',
    ],
    [
      'a webhook header value over 256 characters',
      { audioUrl: url, config: { webhookAuthHeaderName: 'A', webhookAuthHeaderValue: 'x'.repeat(257) } },
      'config.webhookAuthHeaderValue',
    ],
    [
      'an unknown config key',
      { audioUrl: url, config: { enableSpeakerTags: true } },
      'config.enableSpeakerTags',
    ],
  ];

  for (const [name, options, argument] of cases) {
    it(`rejects ${name} before sending`, async () => {
      const { soniox, requests } = offlineClient();
      const error = await rejection(() => soniox.stt.create(options));
      if (argument !== '') expect(error.argument).toBe(argument);
      expect(requests()).toBe(0);
    });
  }

  it('rejects a job before uploading its file', async () => {
    const { soniox, requests } = offlineClient();
    const error = await rejection(() =>
      soniox.stt.transcribeFromFile(new Blob([new Uint8Array([1, 2, 3])]), {
        config: { languageHints: [''] },
      }),
    );
    expect(error.argument).toBe('config.languageHints[0]');
    expect(requests()).toBe(0);
  });

  it('requires exactly one input in stt.transcribe', async () => {
    const { soniox } = offlineClient();
    const error = await rejection(() => soniox.stt.transcribe({ audioUrl: url, fileId: 'f' }));
    expect(error.message).toContain('exactly one of audioUrl, fileId and file');
  });
});

describe('other argument checks', () => {
  it('rejects a page size outside 1–1000', async () => {
    const { soniox, requests } = offlineClient();
    expect((await rejection(() => soniox.files.list({ limit: 0 }))).argument).toBe('limit');
    expect((await rejection(() => soniox.stt.list({ limit: 1001 }))).argument).toBe('limit');
    expect(requests()).toBe(0);
  });

  it('rejects an empty id', async () => {
    const { soniox } = offlineClient();
    expect((await rejection(() => soniox.files.get(''))).argument).toBe('fileId');
    expect((await rejection(() => soniox.stt.get('  '))).argument).toBe('transcriptionId');
  });

  it('rejects a poll interval under one second', async () => {
    const { soniox } = offlineClient();
    expect((await rejection(() => soniox.stt.wait('id', { intervalMs: 200 }))).argument).toBe('intervalMs');
  });

  const keyCases: [string, Record<string, unknown>, string][] = [
    ['an unknown usage type', { usageType: 'rest', expiresInSeconds: 60 }, 'usageType'],
    ['an expiry of 0', { usageType: 'transcribe_websocket', expiresInSeconds: 0 }, 'expiresInSeconds'],
    [
      'an expiry over 3600',
      { usageType: 'transcribe_websocket', expiresInSeconds: 3601 },
      'expiresInSeconds',
    ],
    ['a fractional expiry', { usageType: 'transcribe_websocket', expiresInSeconds: 1.5 }, 'expiresInSeconds'],
    [
      'a session cap over 18000',
      { usageType: 'transcribe_websocket', expiresInSeconds: 60, maxSessionDurationSeconds: 18_001 },
      'maxSessionDurationSeconds',
    ],
    [
      'a non-boolean single use',
      { usageType: 'transcribe_websocket', expiresInSeconds: 60, singleUse: 'yes' },
      'singleUse',
    ],
    [
      'a long client reference id',
      { usageType: 'transcribe_websocket', expiresInSeconds: 60, clientReferenceId: 'x'.repeat(257) },
      'clientReferenceId',
    ],
  ];
  for (const [name, options, argument] of keyCases) {
    it(`rejects a temporary key request with ${name}`, async () => {
      const { soniox, requests } = offlineClient();
      expect((await rejection(() => soniox.auth.createTemporaryApiKey(options as never))).argument).toBe(
        argument,
      );
      expect(requests()).toBe(0);
    });
  }

  it('rejects an unknown region', () => {
    expect(() => createSoniox({ region: 'mars' as never })).toThrow(InvalidArgumentError);
  });

  it('uses the region hosts', () => {
    expect(createSoniox({ apiKey: 'k', region: 'eu' }).baseUrl).toBe('https://api.eu.soniox.com');
    expect(createSoniox({ apiKey: 'k', region: 'jp' }).baseUrl).toBe('https://api.jp.soniox.com');
    expect(createSoniox({ apiKey: 'k' }).baseUrl).toBe('https://api.soniox.com');
    expect(createSoniox({ baseUrl: 'https://proxy.example/api/soniox/' }).baseUrl).toBe(
      'https://proxy.example/api/soniox',
    );
  });
});
