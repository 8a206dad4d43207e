import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { probeDuration } from '../../../src/core/audio/index.js';
import { outlineToChapters } from '../../../src/core/outline/index.js';
import { createSoferAI, soferaiToTranscript } from '../../../src/core/providers/soferai/index.js';
import { createSandbox } from '../../../worker/src/sandbox/index.js';
import { wordsText } from '../../../worker/src/sandbox/samples/demo-sample.js';
import { createSampleRegistry, sha256Hex } from '../../../worker/src/sandbox/samples/sample-registry.js';

const shiur = readFileSync(new URL('../../../demo/samples/shiur.wav', import.meta.url));
const bytes = (): ArrayBuffer =>
  shiur.buffer.slice(shiur.byteOffset, shiur.byteOffset + shiur.byteLength) as ArrayBuffer;

// What scripts/make-demo-samples.sh has espeak-ng say, part by part.
const parts = [
  'Today we learn the first mishnah of Berakhot. It asks about the evening Shema: ' +
    'מאימתי קורין את שמע בערבית? From when may we recite the Shema in the evening? From nightfall.',
  'Second, the morning Shema. The next mishnah asks when we may recite the morning Shema. ' +
    'Once one can tell blue from white, the mishnah says. Rabbi Eliezer says: blue from green.',
  'In conclusion, the Shema has two times. At night we recite it from nightfall, by day from first ' +
    'light. Both times follow what we see. Next, the blessings of the Shema.',
];
const hebrewLetters = /^[\u05D0-\u05EA]+[?]?$/u;

function soferaiOnSandbox() {
  let now = Date.parse('2026-11-22T10:00:00Z');
  const sandbox = createSandbox({ now: () => now, jobDelays: { queuedMs: 1000, processingMs: 1000 } });
  const soferai = createSoferAI({
    apiKey: 'sandbox-key',
    retry: false,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      // Each status poll moves the sandbox's clock on, so the job completes without real waiting.
      if (/\/status$/.test(new URL(request.url).pathname)) now += 1000;
      return sandbox.fetch(request);
    },
  });
  return soferai;
}

describe('demo sample: shiur.wav', () => {
  test('is registered under its real SHA-256 and length, with the words espeak-ng spoke', async () => {
    const sample = createSampleRegistry().byHash(await sha256Hex(bytes()));
    expect(sample?.id).toBe('shiur');
    expect(sample?.language).toBe('en');
    expect(wordsText(sample?.words ?? [])).toBe(parts.join(' '));
    const probe = await probeDuration(bytes());
    expect(sample?.durationMs).toBe(Math.round((probe.durationInSeconds ?? 0) * 1000));
    expect(sample?.durationMs).toBeGreaterThanOrEqual(25_000);
    expect(sample?.durationMs).toBeLessThanOrEqual(40_000);
    // The Hebrew question keeps its script and says so.
    const hebrew = (sample?.words ?? []).filter((word) => word.language === 'he');
    expect(hebrew.map((word) => word.text)).toEqual(['מאימתי', 'קורין', 'את', 'שמע', 'בערבית?']);
    for (const word of hebrew) expect(word.text).toMatch(hebrewLetters);
  });

  test("SoferAI's sandbox transcribes it with the sample's words, Hebrew ones marked by the mapper", async () => {
    const soferai = soferaiOnSandbox();
    const id = await soferai.transcribe.createTranscription({
      info: { title: 'Berakhot 1:1', primaryLanguage: 'en' },
      audio: new File([bytes()], 'shiur.wav', { type: 'audio/wav' }),
    });
    expect((await soferai.transcribe.wait(id, { intervalMs: 1 })).status).toBe('COMPLETED');
    const transcription = await soferai.transcribe.getTranscription(id);
    const sample = createSampleRegistry().byFileName('shiur.wav');
    expect(transcription.timestamps?.map((timestamp) => timestamp.word)).toEqual(
      sample?.words.map((word) => word.text),
    );
    expect(transcription.timestamps?.[0]).toMatchObject({ start: 0.04 });

    const transcript = soferaiToTranscript(transcription);
    expect(transcript.text).toBe(parts.join(' '));
    expect(transcript.durationInSeconds).toBe(38.93);
    expect(transcript.words.filter((word) => word.language === 'he').map((word) => word.text)).toEqual([
      'מאימתי',
      'קורין',
      'את',
      'שמע',
      'בערבית?',
    ]);
    // The pauses make paragraphs: the opening, the Hebrew question alone, its translation, and two parts.
    expect(transcript.segments.map((segment) => [segment.text, segment.language])).toEqual([
      ['Today we learn the first mishnah of Berakhot. It asks about the evening Shema:', 'en'],
      ['מאימתי קורין את שמע בערבית?', 'he'],
      ['From when may we recite the Shema in the evening? From nightfall.', 'en'],
      [parts[1], 'en'],
      [parts[2], 'en'],
    ]);
  });

  test("SoferAI's sandbox outlines it in three chapters, one per part, the last a conclusion", async () => {
    const soferai = soferaiOnSandbox();
    const id = await soferai.transcribe.createTranscription({
      info: { primaryLanguage: 'en' },
      audio: new File([bytes()], 'shiur.wav', { type: 'audio/wav' }),
    });
    await soferai.transcribe.wait(id, { intervalMs: 1 });
    const topics = await soferai.timestamps.outline(id, { monotone: true, conclusionBias: true });
    expect(
      topics.map((topic) => [topic.title, topic.startingPhrase, topic.startTimeSec, topic.confidence]),
    ).toEqual([
      ['Evening, Shema', 'Today we learn the first mishnah', 0.04, 'HIGH'],
      ['Morning, Shema', 'Second, the morning Shema. The next', 15.79, 'HIGH'],
      ['Conclusion: Shema, Times', 'In conclusion, the Shema has two', 28.56, 'HIGH'],
    ]);
    const chapters = outlineToChapters(topics, { durationInSeconds: 38.93 });
    expect(chapters.map((chapter) => [chapter.start, chapter.end])).toEqual([
      [0.04, 15.79],
      [15.79, 28.56],
      [28.56, 38.93],
    ]);
  });
});
