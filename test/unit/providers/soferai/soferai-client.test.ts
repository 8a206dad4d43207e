import { describe, expect, it } from 'vitest';
import { ApiCallError, TimeoutError } from '../../../../src/core/index.js';
import type { SoferAITranscriptionInfo } from '../../../../src/core/providers/soferai/index.js';
import { foxText, harness, silentWav, speech, speechFile } from './soferai-harness.js';

const fast = { intervalMs: 1 };

describe('soferai.balance and soferai.health', () => {
  it('reads the balance in cents and the health', async () => {
    const { soferai } = harness();
    expect(await soferai.balance.getBalance()).toEqual({
      totalBalance: 10_000,
      availableBalance: 10_000,
      pendingBalance: 0,
      allTimeDeposits: 10_000,
      allTimeSpend: 0,
    });
    expect(await soferai.health.getHealth()).toEqual({ status: 'ok' });
  });

  it('maps a rejected key to ApiCallError 401 with the FastAPI detail', async () => {
    const { soferai } = harness({ apiKey: 'invalid' });
    const error = await soferai.balance.getBalance().catch((caught: unknown) => caught);
    expect(ApiCallError.isInstance(error)).toBe(true);
    expect((error as ApiCallError).status).toBe(401);
    expect((error as ApiCallError).providerMessage).toBe('Invalid API key');
  });

  it('sends raw requests through the escape hatch, trailing slash kept', async () => {
    const { soferai } = harness();
    const response = await soferai.request({ method: 'GET', path: 'v1/health/' });
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('soferai.transcribe', () => {
  it('creates from an audio URL, waits through each status and reads the known words', async () => {
    const { soferai } = harness();
    const id = await soferai.transcribe.createTranscription({
      audioUrl: 'https://media.example.com/lectures/speech.wav',
      info: { title: 'Fox', primaryLanguage: 'en' },
    });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const statuses: string[] = [];
    const done = await soferai.transcribe.wait(id, {
      ...fast,
      onStatusChange: (info) => statuses.push(info.status),
    });
    expect(statuses).toEqual(['PROCESSING', 'COMPLETED']);
    expect(done).toMatchObject({
      id,
      title: 'Fox',
      status: 'COMPLETED',
      primaryLanguage: 'en',
      numSpeakers: 1,
    });
    expect(done.durationInSeconds).toBeCloseTo(3.439, 2);
    const transcription = await soferai.transcribe.getTranscription(id);
    expect(transcription.text).toBe(foxText);
    expect(transcription.timestamps.map((timestamp) => timestamp.word).join(' ')).toBe(foxText);
    expect(transcription.timestamps[3]).toEqual({ word: 'fox', start: 1.023, end: 1.331 });
    expect(await soferai.transcribe.getTranscriptionStatus(id)).toEqual(done);
    expect(await soferai.transcribe.listTranscriptions()).toEqual([
      { id, title: 'Fox', status: 'COMPLETED' },
    ]);
  });

  it('sends a File as base64 audio_file and recognises the demo sample by its bytes', async () => {
    const { soferai } = harness();
    const progress: (number | undefined)[] = [];
    const id = await soferai.transcribe.createTranscription({
      audio: speechFile(),
      info: { id: '0b5e8d0e-1c55-4d6e-9a43-7f9e2b7a1c10' },
      onUploadProgress: (update) => progress.push(update.totalBytes),
    });
    expect(id).toBe('0b5e8d0e-1c55-4d6e-9a43-7f9e2b7a1c10');
    // The JSON body carries the file as base64: about 4/3 of its size.
    expect(progress.at(-1)).toBeGreaterThan(speech.byteLength * 1.33);
    await soferai.transcribe.wait(id, fast);
    expect((await soferai.transcribe.getTranscription(id)).text).toBe(foxText);
  });

  it('sends pre-encoded base64 and a byte stream alike', async () => {
    const { soferai, finish } = harness();
    const fromBase64 = await soferai.transcribe.createTranscription({ audioFile: speech.toString('base64') });
    const stream = new Blob([speech]).stream();
    const fromStream = await soferai.transcribe.createTranscription({ audio: stream });
    finish();
    for (const id of [fromBase64, fromStream]) {
      expect((await soferai.transcribe.getTranscription(id)).text).toBe(foxText);
    }
  });

  it('sends an http(s) URL given as audio as audio_url', async () => {
    const { soferai, finish } = harness();
    const id = await soferai.transcribe.createTranscription({
      audio: new URL('https://cdn.example.com/x/speech.wav'),
    });
    finish();
    expect((await soferai.transcribe.getTranscription(id)).text).toBe(foxText);
  });

  it('returns a marked sandbox transcript for unknown audio, with both Hebrew forms, and filters them', async () => {
    const { soferai, finish } = harness();
    const id = await soferai.transcribe.createTranscription({
      audio: silentWav(8),
      info: { numSpeakers: 2 },
    });
    finish();
    const transcription = await soferai.transcribe.getTranscription(id);
    expect(transcription.text).toContain('sandbox transcript of a <i>shiur</i> שיעור.');
    expect(transcription.info.hebrewWordFormat).toEqual(['en', 'he']);
    expect(transcription.info.durationInSeconds).toBe(8);
    const shiur = transcription.timestamps.filter((timestamp) => timestamp.hebrewWordFormat !== undefined);
    expect(shiur.slice(0, 2)).toEqual([
      expect.objectContaining({ word: 'shiur', hebrewWordFormat: ['en'], speaker: '1' }),
      expect.objectContaining({ word: 'שיעור.', hebrewWordFormat: ['he'], speaker: '1' }),
    ]);
    expect(new Set(transcription.timestamps.map((timestamp) => timestamp.speaker))).toEqual(
      new Set(['1', '2']),
    );
    const hebrewOnly = await soferai.transcribe.getTranscription(id, { filterHebrewWordFormat: 'he' });
    expect(hebrewOnly.text).toContain('of a שיעור.');
    expect(hebrewOnly.text).not.toContain('shiur');
    const latinOnly = await soferai.transcribe.getTranscription(id, { filterHebrewWordFormat: 'en' });
    expect(latinOnly.text).not.toMatch(/[\u0590-\u05FF]/);
  });

  it('maps a missing transcription to ApiCallError 404', async () => {
    const { soferai } = harness();
    const error = await soferai.transcribe
      .getTranscriptionStatus('7d1c1a6e-0000-4000-8000-000000000000')
      .catch((caught: unknown) => caught);
    expect((error as ApiCallError).status).toBe(404);
    expect((error as ApiCallError).providerMessage).toBe('Transcription not found');
  });
});

describe('transcribe.wait', () => {
  it('ends FAILED for audio the service cannot decode', async () => {
    const { soferai } = harness();
    const id = await soferai.transcribe.createTranscription({ audio: new Uint8Array(4096).fill(7) });
    expect((await soferai.transcribe.wait(id, fast)).status).toBe('FAILED');
    expect(await soferai.transcribe.getTranscription(id)).toMatchObject({ text: '', timestamps: [] });
  });

  it('ends FAILED for a URL the service cannot download', async () => {
    const { soferai } = harness();
    const id = await soferai.transcribe.createTranscription({
      audioUrl: 'https://unreachable.invalid/a.mp3',
    });
    expect((await soferai.transcribe.wait(id, fast)).status).toBe('FAILED');
  });

  it('ends INSUFFICIENT_FUNDS at once when the balance cannot cover the audio', async () => {
    const { soferai } = harness({ depositCents: 0 });
    const id = await soferai.transcribe.createTranscription({ audio: speechFile() });
    const seen: SoferAITranscriptionInfo[] = [];
    const done = await soferai.transcribe.wait(id, { ...fast, onStatusChange: (info) => seen.push(info) });
    expect(done.status).toBe('INSUFFICIENT_FUNDS');
    expect(seen).toHaveLength(1);
    expect(await soferai.balance.getBalance()).toMatchObject({ totalBalance: 0, pendingBalance: 0 });
  });

  it('gives up with TimeoutError', async () => {
    const { soferai } = harness({ step: 0 });
    const id = await soferai.transcribe.createTranscription({ audio: speechFile() });
    const error = await soferai.transcribe
      .wait(id, { intervalMs: 5, timeoutMs: 30 })
      .catch((caught: unknown) => caught);
    expect(TimeoutError.isInstance(error)).toBe(true);
  });

  it('stops waiting when aborted, with the abort reason', async () => {
    const { soferai } = harness({ step: 0 });
    const id = await soferai.transcribe.createTranscription({ audio: speechFile() });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await soferai.transcribe
      .wait(id, { intervalMs: 5, signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('soferai balance accounting', () => {
  it('holds the charge while running and spends it once completed', async () => {
    const { soferai, advance } = harness();
    // 30 minutes of v1 with speaker labels: (120 + 30) cents/h × 0.5 h = 75 cents.
    const id = await soferai.transcribe.createTranscription({
      audio: silentWav(1800),
      info: { autoDetectSpeakers: true },
    });
    expect(await soferai.balance.getBalance()).toMatchObject({
      totalBalance: 10_000,
      pendingBalance: 75,
      availableBalance: 9_925,
    });
    advance(2_000);
    expect(await soferai.balance.getBalance()).toEqual({
      totalBalance: 9_925,
      availableBalance: 9_925,
      pendingBalance: 0,
      allTimeDeposits: 10_000,
      allTimeSpend: 75,
    });
    expect((await soferai.transcribe.getTranscriptionStatus(id)).numSpeakers).toBe(2);
  });
});

describe('batches', () => {
  it('runs an express batch of URLs and reports its progress', async () => {
    const { soferai, advance } = harness();
    const batch = await soferai.transcribe.createBatchTranscription({
      audioSources: [
        { audioUrl: 'https://media.example.com/speech.wav', clientItemId: 'a' },
        { audioUrl: 'https://unreachable.invalid/b.mp3', title: 'Broken' },
      ],
      batchTitle: 'Week 1',
    });
    expect(batch).toMatchObject({ totalCount: 2, status: 'RECEIVED' });
    expect(batch.transcriptionIds).toHaveLength(2);
    // The harness's clock moves 1 s on each status read: the items start processing.
    const running = await soferai.transcribe.getBatchStatus(batch.batchId);
    expect(running).toMatchObject({
      status: 'PROCESSING',
      pendingCount: 2,
      completedCount: 0,
      failedCount: 0,
    });
    advance(1_000);
    const done = await soferai.transcribe.getBatchStatus(batch.batchId);
    expect(done).toMatchObject({ status: 'COMPLETED', pendingCount: 0, completedCount: 1, failedCount: 1 });
    expect(done.transcriptions.map((info) => [info.title, info.clientItemId, info.status])).toEqual([
      ['Week 1 - Item 1', 'a', 'COMPLETED'],
      ['Broken', undefined, 'FAILED'],
    ]);
  });

  it('uploads a manifest and runs it as a standard batch', async () => {
    const { soferai, finish } = harness();
    const file = await soferai.transcribe.uploadBatchFile({
      items: [
        { audioUrl: 'https://media.example.com/one.mp3' },
        { audioUrl: 'https://media.example.com/two.mp3' },
      ],
      title: 'Archive',
    });
    expect(file).toMatchObject({ itemCount: 2, status: 'VALID', title: undefined });
    expect(file.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect((await soferai.transcribe.getBatchFile(file.id)).title).toBe('Archive');
    expect((await soferai.transcribe.listBatchFiles()).files.map((item) => item.id)).toEqual([file.id]);
    const batch = await soferai.transcribe.createBatchTranscription({ batchFileId: file.id });
    finish();
    expect((await soferai.transcribe.getBatchStatus(batch.batchId)).completedCount).toBe(2);
  });

  it('marks a manifest with a bad item INVALID and names the item', async () => {
    const { soferai } = harness();
    const file = await soferai.transcribe.uploadBatchFile({
      jsonl: '{"audio_url": "https://media.example.com/one.mp3"}\n{"title": "no url"}\n',
    });
    expect(file.status).toBe('INVALID');
    expect(file.validationErrors).toEqual(['Item 2: audio_url must be a direct http(s) URL']);
    const error = await soferai.transcribe
      .createBatchTranscription({ batchFileId: file.id })
      .catch((caught: unknown) => caught);
    expect((error as ApiCallError).status).toBe(400);
  });
});

describe('soferai.categories', () => {
  it('creates, lists, gets, updates and deletes categories, with 409 and 404', async () => {
    const { soferai } = harness();
    const category = await soferai.categories.createCategory({ name: 'Gemara', colorHex: '#3b82f6' });
    expect(category).toMatchObject({ name: 'Gemara', colorHex: '#3b82f6', transcriptionCount: 0 });
    const duplicate = await soferai.categories
      .createCategory({ name: ' gemara ' })
      .catch((caught: unknown) => caught);
    expect((duplicate as ApiCallError).status).toBe(409);
    expect(await soferai.categories.listCategories()).toEqual([category]);
    expect(await soferai.categories.getCategory(category.id)).toEqual(category);
    const renamed = await soferai.categories.updateCategory(category.id, {
      name: 'Talmud',
      description: 'Daf',
    });
    expect(renamed).toMatchObject({
      id: category.id,
      name: 'Talmud',
      colorHex: '#3b82f6',
      description: 'Daf',
    });
    expect(await soferai.categories.deleteCategory(category.id)).toEqual({
      message: 'Category deleted successfully',
      deletedId: category.id,
    });
    const gone = await soferai.categories.getCategory(category.id).catch((caught: unknown) => caught);
    expect((gone as ApiCallError).status).toBe(404);
  });

  it('files transcriptions in order of position and finds them both ways', async () => {
    const { soferai, finish } = harness();
    const category = await soferai.categories.createCategory({ name: 'Parsha' });
    const first = await soferai.transcribe.createTranscription({
      audioUrl: 'https://m.example.com/a.mp3',
      info: { title: 'A' },
    });
    const second = await soferai.transcribe.createTranscription({
      audioUrl: 'https://m.example.com/b.mp3',
      info: { title: 'B' },
    });
    finish();
    expect(await soferai.categories.addTranscriptionToCategory(category.id, first, { position: 5 })).toEqual({
      message: 'Transcription added to category',
      categoryId: category.id,
      transcriptionId: first,
    });
    await soferai.categories.addTranscriptionToCategory(category.id, second, { position: 1 });
    expect(await soferai.categories.getCategoryTranscriptions(category.id)).toEqual([
      { id: second, title: 'B', status: 'COMPLETED', position: 1 },
      { id: first, title: 'A', status: 'COMPLETED', position: 5 },
    ]);
    expect((await soferai.categories.getTranscriptionCategories(first)).map((item) => item.id)).toEqual([
      category.id,
    ]);
    expect((await soferai.categories.getCategory(category.id)).transcriptionCount).toBe(2);
    await soferai.categories.removeTranscriptionFromCategory(category.id, first);
    expect(await soferai.categories.getTranscriptionCategories(first)).toEqual([]);
    const missing = await soferai.categories
      .addTranscriptionToCategory('7d1c1a6e-0000-4000-8000-000000000000', first)
      .catch((caught: unknown) => caught);
    expect((missing as ApiCallError).status).toBe(404);
  });
});

describe('soferai.link', () => {
  it('lists the supported sites and extracts a lecture page', async () => {
    const { soferai } = harness();
    const sites = await soferai.link.getSupportedSites();
    expect(sites.map((site) => site.name)).toContain('YUTorah');
    const link = await soferai.link.extract(
      'https://www.yutorah.org/lectures/1116616/Praying-for-Rain-and-the-International-Traveler',
    );
    expect(link).toEqual({
      title: 'Sandbox lecture 1116616 (YUTorah)',
      downloadUrl: 'https://media.scribekit-sandbox.invalid/yutorah/1116616.mp3',
      fileFormat: 'audio/mp3',
      fileName: '1116616.mp3',
    });
    const unsupported = await soferai.link
      .extract('https://example.com/a')
      .catch((caught: unknown) => caught);
    expect((unsupported as ApiCallError).status).toBe(400);
    const notFound = await soferai.link
      .extract('https://torahanytime.com/whatever/0000000')
      .catch((caught: unknown) => caught);
    expect((notFound as ApiCallError).status).toBe(404);
  });
});

describe('soferai.timestamps.outline', () => {
  it('outlines a completed transcription into aligned topics', async () => {
    const { soferai, finish } = harness();
    const id = await soferai.transcribe.createTranscription({ audio: silentWav(60) });
    const early = await soferai.timestamps.outline(id).catch((caught: unknown) => caught);
    expect((early as ApiCallError).status).toBe(400);
    finish();
    const topics = await soferai.timestamps.outline(id, { monotone: true, conclusionBias: true });
    expect(topics.length).toBeGreaterThanOrEqual(3);
    expect(topics.at(-1)?.title).toMatch(/^Conclusion: /);
    const starts = topics.map((topic) => topic.startTimeSec ?? -1);
    expect(starts[0]).toBe(0);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(topics.every((topic) => topic.confidence === 'HIGH' && topic.tokenSpan !== null)).toBe(true);
  });
});

describe('soferai.utils.getDuration', () => {
  it('measures bytes and URLs', async () => {
    const { soferai } = harness();
    expect(await soferai.utils.getDuration(speechFile())).toEqual({ durationInSeconds: 3.439 });
    expect(await soferai.utils.getDuration('https://media.example.com/speech.wav')).toEqual({
      durationInSeconds: 3.439,
    });
    expect(await soferai.utils.getDuration(new Uint8Array(64).fill(3))).toEqual({ durationInSeconds: 0 });
  });
});
