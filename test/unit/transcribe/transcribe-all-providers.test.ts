import { describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  providerCapabilities,
  transcribe,
  type ProviderCapabilities,
  type ProviderId,
  type ProviderTranscribeRequest,
  type TranscribeOptions,
  type TranscribeProgress,
  type Transcript,
  type TranscriptionProvider,
  type TranscriptionProviderSource,
} from '../../../src/core/index.js';
import { createMistral, mistralCapabilities } from '../../../src/core/providers/mistral/index.js';
import type { ScriptivoxClient } from '../../../src/core/providers/scriptivox/index.js';
import type { SoferAIClient } from '../../../src/core/providers/soferai/index.js';
import type { SonioxClient } from '../../../src/core/providers/soniox/index.js';
import {
  foxSeconds,
  foxText,
  foxUrl,
  mistralSandbox,
  scriptivoxSandbox,
  soferaiSandbox,
  sonioxSandbox,
  speech,
  speechFile,
  type ProviderSandbox,
  type SandboxClockOptions,
} from './provider-sandboxes.js';

// One suite, four providers: the facade must behave the same wherever the providers allow it,
// and say so (a warning, an InvalidArgumentError) where they do not. Each case builds its client
// on a fresh sandbox; everything provider-specific is in the case, everything else is shared.

type Stage = TranscribeProgress['stage'];

interface ProviderCase {
  id: ProviderId;
  sandbox(options?: SandboxClockOptions): ProviderSandbox;
  /** Options every call needs to run fast on the sandbox (SoferAI's poll interval). */
  fast: Record<string, unknown>;
  /** Whether the provider runs a queued job (and so reports `queued`, with a job id). */
  hasJobs: boolean;
  /** A combination the provider refuses, and the argument the error names. */
  rejected: { options: Partial<TranscribeOptions>; argument: string | RegExp };
  /** How to abort mid-job: on a progress stage, or while a request matching `holding` is in flight. */
  abort: { at: Stage } | { holding: RegExp };
  /** After an aborted call: what the sandbox holds, and what the client asked of it. */
  afterAbort(sandbox: ProviderSandbox): Promise<void>;
  /** A `providerOptions` entry of this provider and the marker it leaves in the request. */
  own: { options: Record<string, unknown>; marker: string };
}

const cases: ProviderCase[] = [
  {
    id: 'soniox',
    sandbox: sonioxSandbox,
    fast: {},
    hasJobs: true,
    // Soniox takes about 10,000 characters of context; the client refuses more before uploading.
    rejected: { options: { contextTerms: ['x'.repeat(10_001)] }, argument: /context/ },
    abort: { at: 'queued' },
    async afterAbort({ client }) {
      // Soniox cannot delete a running job: it is deleted, with its file, once it settles.
      const soniox = client as SonioxClient;
      await expect.poll(async () => (await soniox.stt.count()).total, { timeout: 5_000 }).toBe(0);
      expect((await soniox.files.count()).total).toBe(0);
    },
    own: {
      options: { config: { context: { general: [{ key: 'domain', value: 'marker-soniox' }] } } },
      marker: 'marker-soniox',
    },
  },
  {
    id: 'soferai',
    sandbox: soferaiSandbox,
    fast: { waitIntervalMs: 1 },
    hasJobs: true,
    rejected: { options: { language: 'de' }, argument: 'language' },
    abort: { at: 'queued' },
    async afterAbort({ client }) {
      // SoferAI has no way to stop a transcription: it runs on, and the call only stops waiting.
      expect(providerCapabilities.soferai.cancellation).toBe(false);
      expect(await (client as SoferAIClient).transcribe.listTranscriptions()).toHaveLength(1);
    },
    own: { options: { title: 'marker-soferai' }, marker: 'marker-soferai' },
  },
  {
    id: 'mistral',
    sandbox: mistralSandbox,
    fast: {},
    hasJobs: false,
    // Voxtral 2 takes single terms only: a comma cannot be joined away.
    rejected: {
      options: { contextTerms: ['fox, dog'], providerOptions: { mistral: { model: 'voxtral-mini-2602' } } },
      argument: 'contextBias[0]',
    },
    // One request and no job: the abort drops the request in flight.
    abort: { holding: /^POST \/v1\/audio\/transcriptions$/ },
    async afterAbort(sandbox) {
      expect(providerCapabilities.mistral.cancellation).toBe(false);
      // Nothing was stored on the way: the one request is all there was.
      expect(sandbox.paths()).toEqual(['POST /v1/audio/transcriptions']);
    },
    own: { options: { temperature: 0.3125 }, marker: '0.3125' },
  },
  {
    id: 'scriptivox',
    sandbox: scriptivoxSandbox,
    fast: {},
    hasJobs: true,
    // Scriptivox's 400 for an unknown language would come after the upload; the adapter refuses first.
    rejected: { options: { language: 'xx' }, argument: 'language' },
    abort: { at: 'queued' },
    async afterAbort(sandbox) {
      // Cancelled (releasing the reserved balance), then deleted.
      const scriptivox = sandbox.client as ScriptivoxClient;
      await expect
        .poll(async () => (await scriptivox.transcriptions.list()).items.length, { timeout: 5_000 })
        .toBe(0);
      expect(sandbox.paths()).toContainEqual(expect.stringMatching(/^POST \/v1\/transcribe\/[^/]+\/cancel$/));
    },
    own: {
      options: { webhookUrl: 'https://hooks.example.com/marker-scriptivox' },
      marker: 'marker-scriptivox',
    },
  },
];

/** The common options a provider may not honour, the capability that says so, and the warning it earns. */
const ignorable: {
  capability: keyof ProviderCapabilities;
  options: Partial<TranscribeOptions>;
  feature: string;
}[] = [
  { capability: 'language', options: { language: 'en' }, feature: 'language' },
  { capability: 'diarization', options: { diarize: true }, feature: 'diarize' },
  { capability: 'speakerCount', options: { diarize: true, speakerCount: 2 }, feature: 'speakerCount' },
  { capability: 'contextTerms', options: { contextTerms: ['Zyxquark'] }, feature: 'contextTerms' },
  { capability: 'wordTimestamps', options: { timestamps: 'word' }, feature: 'timestamps' },
];

const foxWords = foxText.split(' ');

/** Checks that the transcript is the fox sentence, timed in order within the audio, by words where the provider times them. */
function expectFox(transcript: Transcript, capabilities: ProviderCapabilities): void {
  expect(transcript.text).toBe(foxText);
  const duration = transcript.durationInSeconds;
  expect(duration).toBeGreaterThan(foxSeconds - 0.1);
  // Mistral bills (and reports) whole seconds.
  expect(duration).toBeLessThan(foxSeconds + 1);
  const timed = capabilities.wordTimestamps ? transcript.words : transcript.segments;
  if (capabilities.wordTimestamps) expect(transcript.words.map((word) => word.text)).toEqual(foxWords);
  else expect(transcript.segments.map((segment) => segment.text).join(' ')).toBe(foxText);
  expect(timed.length).toBeGreaterThan(0);
  let previousStart = 0;
  for (const item of timed) {
    expect(item.start).toBeGreaterThanOrEqual(previousStart);
    expect(item.end).toBeGreaterThanOrEqual(item.start);
    expect(item.end).toBeLessThanOrEqual((duration ?? 0) + 0.01);
    previousStart = item.start;
  }
  // The first spoken word of the sample starts within its first half second, and the last ends after 2.5 s.
  expect(timed[0]?.start).toBeLessThan(0.5);
  expect(timed.at(-1)?.end).toBeGreaterThan(2.5);
}

/** A provider that records the request each call hands it, before passing it on. */
function recording(source: TranscriptionProviderSource): {
  provider: TranscriptionProvider;
  requests: ProviderTranscribeRequest[];
} {
  const inner = 'transcriptionProvider' in source ? source.transcriptionProvider : source;
  const requests: ProviderTranscribeRequest[] = [];
  return {
    requests,
    provider: {
      id: inner.id,
      name: inner.name,
      capabilities: inner.capabilities,
      transcribe: (request) => {
        requests.push(request);
        return inner.transcribe(request);
      },
    },
  };
}

describe.each(cases)('transcribe() with $id', (providerCase) => {
  const { id } = providerCase;
  const capabilities = providerCapabilities[id];
  const providerOptions = (extra: Record<string, unknown> = {}) => ({
    [id]: { ...providerCase.fast, ...extra },
  });

  it('describes itself by the row of the capability table', () => {
    const { provider } = recording(providerCase.sandbox().client);
    expect(provider.id).toBe(id);
    expect(provider.name).toBe(capabilities.name);
    const {
      id: _id,
      name: _name,
      model: _model,
      defaultLanguage: _default,
      docs: _docs,
      ...row
    } = capabilities;
    expect(provider.capabilities).toEqual(row);
  });

  it(
    'transcribes the fox sample, reporting bytes then each stage in order',
    { timeout: 15_000 },
    async () => {
      const sandbox = providerCase.sandbox({ step: 1_000 });
      const progress: TranscribeProgress[] = [];
      const transcript = await transcribe({
        provider: sandbox.client,
        audio: speechFile(),
        onProgress: (update) => progress.push(update),
        providerOptions: providerOptions(),
      });

      expect(transcript.provider).toBe(id);
      expectFox(transcript, capabilities);
      expect(transcript.warnings).toEqual([]);

      const stages = progress
        .map((update) => update.stage)
        .filter((stage, index, all) => stage !== all[index - 1]);
      expect(stages).toEqual(
        providerCase.hasJobs
          ? ['uploading', 'queued', 'processing', 'completed']
          : ['uploading', 'processing', 'completed'],
      );
      const uploads = progress.filter((update) => update.stage === 'uploading');
      for (const [index, update] of uploads.entries()) {
        expect(update.loadedBytes).toBeGreaterThanOrEqual(uploads[index - 1]?.loadedBytes ?? 0);
        expect(update.loadedBytes).toBeLessThanOrEqual(update.totalBytes ?? Infinity);
      }
      // What went up is at least the file, however it was wrapped (multipart, base64 JSON, a PUT).
      expect(uploads.at(-1)?.loadedBytes).toBe(uploads.at(-1)?.totalBytes);
      expect(uploads.at(-1)?.totalBytes).toBeGreaterThanOrEqual(speech.byteLength);
      const jobIds = new Set(
        progress.map((update) => (update.stage === 'uploading' ? 'upload' : update.jobId)),
      );
      jobIds.delete('upload');
      if (providerCase.hasJobs) {
        expect(jobIds.size).toBe(1);
        expect([...jobIds][0]).toEqual(expect.any(String));
      } else {
        expect([...jobIds]).toEqual([undefined]);
      }
    },
  );

  it('labels speakers with diarize', { timeout: 15_000 }, async () => {
    const { client } = providerCase.sandbox();
    const transcript = await transcribe({
      provider: client,
      audio: speechFile(),
      diarize: true,
      providerOptions: providerOptions(),
    });
    if (!capabilities.diarization) {
      expect(transcript.warnings).toEqual([
        expect.objectContaining({ type: 'unsupported', feature: 'diarize' }),
      ]);
      return;
    }
    expect(transcript.warnings).toEqual([]);
    expect(transcript.speakers.length).toBeGreaterThan(0);
    const labelled = capabilities.wordTimestamps ? transcript.words : transcript.segments;
    expect(labelled.length).toBeGreaterThan(0);
    for (const item of labelled) expect(transcript.speakers).toContain(item.speaker);
  });

  it('refuses speakerCount without diarize before any request', async () => {
    const sandbox = providerCase.sandbox();
    const error = await transcribe({
      provider: sandbox.client,
      audio: speechFile(),
      speakerCount: 2,
      providerOptions: providerOptions(),
    }).catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ argument: 'speakerCount' });
    expect(sandbox.sent).toHaveLength(0);
  });

  it('warns about each option it ignores, and about nothing it honours', { timeout: 15_000 }, async () => {
    const sandbox = providerCase.sandbox();
    const options = Object.assign(
      {},
      ...ignorable.map((entry) => entry.options),
    ) as Partial<TranscribeOptions>;
    const transcript = await transcribe({
      provider: sandbox.client,
      audio: speechFile(),
      ...options,
      providerOptions: providerOptions(),
    });
    const expected = ignorable
      .filter((entry) => !capabilities[entry.capability])
      .map((entry) => entry.feature);
    expect(expected.length).toBeGreaterThan(0);
    expect(transcript.warnings.map((warning) => [warning.type, warning.feature])).toEqual(
      expected.map((feature) => ['unsupported', feature]),
    );
    expect(transcript.text).toBe(foxText);
    // What is ignored is not sent either.
    const bodies = (await sandbox.bodies()).join('\n');
    expect(bodies.includes('Zyxquark')).toBe(capabilities.contextTerms);
  });

  it('refuses a combination the provider rejects before any request', async () => {
    const sandbox = providerCase.sandbox();
    const { providerOptions: extra, ...options } = providerCase.rejected.options;
    const error = await transcribe({
      provider: sandbox.client,
      audio: speechFile(),
      ...options,
      providerOptions: { [id]: { ...providerCase.fast, ...extra?.[id] } },
    }).catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toMatch(providerCase.rejected.argument);
    expect(sandbox.sent).toHaveLength(0);
  });

  it(
    'rejects with the abort reason when aborted mid-job, and stops the job where it can',
    { timeout: 15_000 },
    async () => {
      const sandbox = providerCase.sandbox();
      const controller = new AbortController();
      const reason = new DOMException('The user left.', 'AbortError');
      const { abort } = providerCase;
      if ('holding' in abort) sandbox.hold(abort.holding, () => controller.abort(reason));
      const progress: Stage[] = [];
      const error = await transcribe({
        provider: sandbox.client,
        audio: speechFile(),
        signal: controller.signal,
        onProgress: (update) => {
          progress.push(update.stage);
          if ('at' in abort && update.stage === abort.at) controller.abort(reason);
        },
        providerOptions: providerOptions(),
      }).catch((caught: unknown) => caught);
      expect(error).toBe(reason);
      expect(progress).not.toContain('completed');
      await providerCase.afterAbort(sandbox);
    },
  );

  it.runIf(capabilities.audioUrl)(
    'transcribes from a URL without uploading',
    { timeout: 15_000 },
    async () => {
      const sandbox = providerCase.sandbox();
      const progress: Stage[] = [];
      const transcript = await transcribe({
        provider: sandbox.client,
        audio: foxUrl,
        onProgress: (update) => progress.push(update.stage),
        providerOptions: providerOptions(),
      });
      expectFox(transcript, capabilities);
      expect(progress).not.toContain('uploading');
      expect(progress.at(-1)).toBe('completed');
      expect((await sandbox.bodies()).some((body) => body.includes(foxUrl))).toBe(true);
      expect(sandbox.paths().some((path) => /\/(files|upload)$/.test(path))).toBe(false);
    },
  );

  it('times segments only when asked to, without a warning', { timeout: 15_000 }, async () => {
    const sandbox = providerCase.sandbox();
    const transcript = await transcribe({
      provider: sandbox.client,
      audio: speechFile(),
      timestamps: 'segment',
      providerOptions: providerOptions(),
    });
    expect(transcript.warnings).toEqual([]);
    expect(transcript.segments.map((segment) => segment.text).join(' ')).toBe(foxText);
    expect(transcript.segments[0]?.end).toBeGreaterThan(2.5);
  });

  it('hands providerOptions to their provider only', { timeout: 15_000 }, async () => {
    const sandbox = providerCase.sandbox();
    const { provider, requests } = recording(sandbox.client);
    const everyones = Object.fromEntries(
      cases.map((other) => [other.id, { ...other.fast, ...other.own.options }]),
    );
    // With context terms too: a provider's own context must not be replaced by them.
    const transcript = await transcribe({
      provider,
      audio: speechFile(),
      contextTerms: ['Zyxquark'],
      providerOptions: everyones,
    });
    expect(transcript.text).toBe(foxText);
    expect(requests[0]?.providerOptions).toEqual(everyones[id]);
    const bodies = (await sandbox.bodies()).join('\n');
    for (const other of cases) expect(bodies.includes(other.own.marker), other.id).toBe(other.id === id);
  });
});

describe('the capability table', () => {
  it('has a row per provider, with its languages, documented limits and docs', () => {
    expect(Object.keys(providerCapabilities)).toEqual(cases.map((providerCase) => providerCase.id));
    for (const [id, row] of Object.entries(providerCapabilities)) {
      expect(row.id).toBe(id);
      expect(row.docs).toMatch(/^https:\/\//);
      expect(row.languages === 'any' || row.languages.every((code) => /^[a-z]{2,3}$/.test(code))).toBe(true);
      if (row.maxFileBytes !== undefined) expect(row.maxFileBytes).toBeGreaterThan(100_000_000);
    }
    expect(providerCapabilities.mistral.model).toBe('voxtral-mini-transcribe-3-0');
    expect(providerCapabilities.scriptivox.languages).toHaveLength(119);
    expect(providerCapabilities.soferai.languages).toEqual(['en', 'he', 'yi', 'fr']);
  });
});

describe('transcribe() with a Mistral model of other capabilities', () => {
  it('takes the capabilities of the configured model: Voxtral 2 times words but takes no language', async () => {
    const sandbox = mistralSandbox();
    const v2 = createMistral({ apiKey: 'k', transcriptionModel: 'voxtral-mini-2602' });
    expect(v2.transcriptionProvider.capabilities).toEqual({
      ...mistralCapabilities(),
      language: false,
      wordTimestamps: true,
    });
    const { client } = sandbox;
    const transcript = await transcribe({
      provider: client,
      audio: speechFile(),
      language: 'en',
      timestamps: 'word',
      providerOptions: { mistral: { model: 'voxtral-mini-2602' } },
    });
    expect(transcript.words.map((word) => word.text)).toEqual(foxWords);
    // One warning for the language, the model's own, not the generic one as well.
    expect(transcript.warnings).toEqual([
      expect.objectContaining({ feature: 'language', message: expect.stringContaining('voxtral-mini-2602') }),
    ]);
    const form = await sandbox.sent[0]?.formData();
    expect(form?.get('language')).toBeNull();
    expect(form?.getAll('timestamp_granularities')).toEqual(['segment', 'word']);
  });

  it('asks Voxtral 2 for segments only with timestamps: "segment"', async () => {
    const sandbox = mistralSandbox();
    const transcript = await transcribe({
      provider: sandbox.client,
      audio: speechFile(),
      timestamps: 'segment',
      providerOptions: { mistral: { model: 'voxtral-mini-2602' } },
    });
    expect(transcript.words).toEqual([]);
    expect((await sandbox.sent[0]?.formData())?.getAll('timestamp_granularities')).toEqual(['segment']);
  });
});

describe('transcribe() with Scriptivox and timestamps: "segment"', () => {
  it('skips word alignment unless speakers are labelled, which needs it', async () => {
    const plain = scriptivoxSandbox();
    await transcribe({ provider: plain.client, audio: foxUrl, timestamps: 'segment' });
    expect(JSON.parse((await plain.bodies())[0] ?? '{}')).toMatchObject({ align: false });
    const diarized = scriptivoxSandbox();
    await transcribe({ provider: diarized.client, audio: foxUrl, timestamps: 'segment', diarize: true });
    expect(JSON.parse((await diarized.bodies())[0] ?? '{}')).toMatchObject({ align: true, diarize: true });
  });

  it('sends a regional language tag as its bare code', async () => {
    const sandbox = scriptivoxSandbox();
    const transcript = await transcribe({ provider: sandbox.client, audio: foxUrl, language: 'en-US' });
    expect(transcript.text).toBe(foxText);
    expect(JSON.parse((await sandbox.bodies())[0] ?? '{}')).toMatchObject({ language: 'en' });
  });
});
