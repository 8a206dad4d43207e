import { describe, expect, test } from 'vitest';
import { createSandbox } from '../../../worker/src/sandbox/index.js';
import { deriveTopics } from '../../../worker/src/sandbox/soferai/soferai-outline.js';
import { soferaiSandboxWords } from '../../../worker/src/sandbox/soferai/soferai-words.js';

interface Topic {
  title: string;
  starting_phrase: string;
  start_time_sec: number | null;
  matched_text: string;
  score_norm: number;
  confidence: string;
  token_span: [number, number] | null;
}

async function completedTranscription(audioUrl = 'https://media.example.com/lecture.mp3') {
  let now = Date.parse('2026-03-01T12:00:00.000Z');
  const sandbox = createSandbox({ now: () => now, jobDelays: { queuedMs: 1000, processingMs: 1000 } });
  const call = async (path: string, body: unknown) => {
    const response = await sandbox.fetch(
      new Request(`https://api.sofer.ai${path}`, {
        method: 'POST',
        headers: { Authorization: 'Bearer k', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const id = (await call('/v1/transcriptions/', { audio_url: audioUrl, info: {} })).body as string;
  const early = await call('/v1/timestamps/outline', { transcription_id: id });
  now += 2000;
  const outline = async (flags: Record<string, unknown> = {}) =>
    (await call('/v1/timestamps/outline', { transcription_id: id, ...flags })).body as Topic[];
  return { id, early, outline, call };
}

describe('SoferAI sandbox: outline topics', () => {
  test('cuts the words at sentence starts, one part per 30 words, the last titled a conclusion', () => {
    const words = soferaiSandboxWords(60_000, 'en', 1);
    const topics = deriveTopics(words);
    expect(topics).toHaveLength(5);
    expect(topics[0]).toEqual({
      title: 'Sandbox, Transcript',
      startingPhrase: 'This is a sandbox transcript of',
    });
    expect(topics.at(-1)?.title).toMatch(/^Conclusion: /);
    for (const topic of topics) {
      const first = topic.startingPhrase.split(' ')[0];
      expect(['This', 'The', 'They']).toContain(first);
    }
    expect(deriveTopics(words)).toEqual(topics);
    expect(deriveTopics([])).toEqual([]);
  });
});

describe('SoferAI sandbox: POST /v1/timestamps/outline', () => {
  test('refuses a transcription that is not completed, and unknown or malformed ids', async () => {
    const { early, call } = await completedTranscription();
    expect(early).toEqual({ status: 400, body: { detail: 'Transcription is RECEIVED, not COMPLETED' } });
    expect(
      (await call('/v1/timestamps/outline', { transcription_id: '7d1c1a6e-0000-4000-8000-000000000000' }))
        .status,
    ).toBe(404);
    expect((await call('/v1/timestamps/outline', { transcription_id: 'x' })).status).toBe(422);
    expect((await call('/v1/timestamps/outline', {})).status).toBe(422);
  });

  test('aligns every topic in order with monotone, and gives the same answer every time', async () => {
    const { outline } = await completedTranscription();
    const topics = await outline({ monotone: true, conclusion_bias: true });
    expect(topics).toHaveLength(1);
    const long = await completedTranscription('https://media.example.com/lecture.mp3');
    expect(await long.outline({ monotone: true })).toEqual(await long.outline({ monotone: true }));
  });

  test('without monotone a repeated opening is found at its first occurrence; with it, in order', async () => {
    // A 60 s demo-less recording: the sandbox's three sentences repeat, and so do the topics' openings.
    let now = Date.parse('2026-03-01T12:00:00.000Z');
    const sandbox = createSandbox({ now: () => now, jobDelays: { queuedMs: 0, processingMs: 0 } });
    const post = async (path: string, body: unknown) =>
      (await (
        await sandbox.fetch(
          new Request(`https://api.sofer.ai${path}`, {
            method: 'POST',
            headers: { Authorization: 'Bearer k' },
            body: JSON.stringify(body),
          }),
        )
      ).json()) as unknown;
    const samples = 60 * 8000;
    const wav = Buffer.alloc(44 + samples, 128);
    wav.write('RIFF', 0, 'ascii');
    wav.writeUInt32LE(36 + samples, 4);
    wav.write('WAVEfmt ', 8, 'ascii');
    wav.writeUInt32LE(16, 16);
    wav.writeUInt16LE(1, 20);
    wav.writeUInt16LE(1, 22);
    wav.writeUInt32LE(8000, 24);
    wav.writeUInt32LE(8000, 28);
    wav.writeUInt16LE(1, 32);
    wav.writeUInt16LE(8, 34);
    wav.write('data', 36, 'ascii');
    wav.writeUInt32LE(samples, 40);
    const id = (await post('/v1/transcriptions/', {
      audio_file: wav.toString('base64'),
      info: {},
    })) as string;
    now += 1;
    const free = (await post('/v1/timestamps/outline', { transcription_id: id })) as Topic[];
    const ordered = (await post('/v1/timestamps/outline', {
      transcription_id: id,
      monotone: true,
    })) as Topic[];
    const biased = (await post('/v1/timestamps/outline', {
      transcription_id: id,
      conclusion_bias: true,
    })) as Topic[];
    expect(free).toHaveLength(5);
    const starts = ordered.map((topic) => topic.start_time_sec ?? -1);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(new Set(starts).size).toBe(5);
    // The same openings, searched from the start each time, land on their first occurrences.
    expect(new Set(free.map((topic) => topic.start_time_sec)).size).toBeLessThan(5);
    expect(ordered.every((topic) => topic.confidence === 'HIGH' && topic.score_norm === 1)).toBe(true);
    // The conclusion is looked for in the last third only.
    expect(biased.at(-1)?.start_time_sec).toBeGreaterThanOrEqual(40);
    expect(free.at(-1)?.start_time_sec).toBeLessThan(40);
    expect(ordered[1]).toMatchObject({ token_span: [expect.any(Number), expect.any(Number)] });
  });
});
