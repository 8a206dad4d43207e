import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../../src/core/index.js';
import {
  createScriptivox,
  type ScriptivoxCreateTranscriptionOptions,
} from '../../../../src/core/providers/scriptivox/index.js';

function counted() {
  let requests = 0;
  const scriptivox = createScriptivox({
    apiKey: 'sk_live_test',
    fetch: async () => {
      requests++;
      return Response.json({});
    },
  });
  return { scriptivox, requests: () => requests };
}

const url = 'https://cdn.example.com/a.mp3';
const createCases: [string, Record<string, unknown>, string][] = [
  ['no audio', {}, 'url'],
  ['both url and uploadId', { url, uploadId: 'u1' }, 'uploadId'],
  ['a non-http url', { url: 'file:///etc/passwd' }, 'url'],
  ['a url over 2048 characters', { url: `https://example.com/${'a'.repeat(2040)}` }, 'url'],
  ['a language that is not a code', { url, language: 'English' }, 'language'],
  ['speakerCount without diarize', { url, speakerCount: 2 }, 'speakerCount'],
  ['speakerCount above 50', { url, diarize: true, speakerCount: 51 }, 'speakerCount'],
  ['a fractional speakerCount', { url, diarize: true, speakerCount: 1.5 }, 'speakerCount'],
  ['a non-boolean align', { url, align: 'yes' }, 'align'],
  ['a non-http webhookUrl', { url, webhookUrl: 'mailto:me@example.com' }, 'webhookUrl'],
  ['an idempotency key over 255 characters', { url, idempotencyKey: 'k'.repeat(256) }, 'idempotencyKey'],
  ['a misspelled option', { url, diarise: true }, 'diarise'],
];

describe('transcribe argument checks', () => {
  for (const [what, options, argument] of createCases) {
    it(`rejects ${what} before any request`, async () => {
      const { scriptivox, requests } = counted();
      const error = await scriptivox.transcribe
        .create(options as ScriptivoxCreateTranscriptionOptions)
        .catch((caught: unknown) => caught);
      expect(InvalidArgumentError.isInstance(error), String(error)).toBe(true);
      expect((error as InvalidArgumentError).argument).toBe(argument);
      expect(requests()).toBe(0);
    });
  }

  it('checks the job before spending an upload, and the file name before asking for one', async () => {
    const { scriptivox, requests } = counted();
    const bytes = new Uint8Array([1, 2, 3]);
    const attempts: [Promise<unknown>, string][] = [
      [scriptivox.transcribe.createFromFile(bytes, { filename: 'a.mp3', speakerCount: 3 }), 'speakerCount'],
      [scriptivox.transcribe.createFromFile(bytes), 'filename'],
      [scriptivox.transcribe.createFromFile(bytes, { filename: 'notes.txt' }), 'filename'],
      [scriptivox.transcribe.createFromFile(bytes, { filename: '../a.mp3' }), 'filename'],
      [scriptivox.transcribe.createFromFile(url), 'audio'],
      [scriptivox.uploads.create({ filename: '.hidden.mp3' }), 'filename'],
      [scriptivox.transcribe.getExport('id', { format: 'docx' as never }), 'format'],
      [scriptivox.transcribe.getExport('id', { format: 'srt', maxWords: 0 }), 'maxWords'],
      [scriptivox.transcribe.get(''), 'transcriptionId'],
      [scriptivox.transcribe.cancel(' '), 'transcriptionId'],
      [scriptivox.transcribe.delete(''), 'transcriptionId'],
      [scriptivox.transcribe.wait('id', { intervalMs: 100 }), 'intervalMs'],
      [scriptivox.transcriptions.list({ limit: 201 }), 'limit'],
      [scriptivox.transcriptions.list({ order: 'newest' as never }), 'order'],
      [scriptivox.transcriptions.list({ from: 'yesterday' }), 'from'],
      [scriptivox.transcriptions.list({ status: 'done' as never }), 'status'],
    ];
    for (const [attempt, argument] of attempts) {
      const error = await attempt.catch((caught: unknown) => caught);
      expect(InvalidArgumentError.isInstance(error), String(error)).toBe(true);
      expect((error as InvalidArgumentError).argument).toBe(argument);
    }
    expect(requests()).toBe(0);
  });

  it('needs a key or a proxy base URL', async () => {
    const error = await createScriptivox()
      .balance.get()
      .catch((caught: unknown) => caught);
    expect((error as InvalidArgumentError).argument).toBe('apiKey');
    let sentAuthorization: string | null = 'unset';
    const viaProxy = createScriptivox({
      baseUrl: 'https://app.example.com/api/scriptivox/',
      fetch: async (input, init) => {
        sentAuthorization = new Request(input, init).headers.get('authorization');
        return Response.json({ balance_cents: 1 });
      },
    });
    expect((await viaProxy.balance.get()).balanceCents).toBe(1);
    expect(sentAuthorization).toBeNull();
  });
});
