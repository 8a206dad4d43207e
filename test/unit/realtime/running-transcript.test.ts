import { describe, expect, it } from 'vitest';
import { createSonioxRealtime } from '../../../src/core/providers/soniox/soniox-realtime.js';
import { RunningTranscript } from '../../../src/core/realtime/running-transcript.js';
import type { Word } from '../../../src/core/transcript/index.js';
import { fakeWebSockets, token, until, type FakeWebSocket } from './fake-websocket.js';

/** Words whose every field read is counted, to see which operations touch earlier words. */
function countedWords(count: number, reads: { count: number }): Word[] {
  return Array.from({ length: count }, (_, index) => {
    const word = { text: `w${index}`, start: index, end: index + 0.5 };
    return new Proxy(word, {
      get(target, key, receiver) {
        reads.count++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  });
}

describe('RunningTranscript', () => {
  it('appends final words and replaces the tail without reading the words before', () => {
    const reads = { count: 0 };
    const running = new RunningTranscript('soniox');
    running.appendFinal(countedWords(50_000, reads));
    reads.count = 0;
    for (let index = 0; index < 100; index++) {
      running.appendFinal([{ text: `n${index}`, start: 50_000 + index, end: 50_000 + index + 0.5 }]);
      running.replacePartial([{ text: 'tail', start: 50_100, end: 50_101 }]);
      void running.finalText;
      void running.text;
      void running.finalEnd;
      void running.finalWords.length;
    }
    expect(reads.count).toBe(0);
    expect(running.finalWords).toHaveLength(50_100);
    expect(running.finalText.endsWith('n98 n99')).toBe(true);
    // A snapshot does read everything: the counter sees it.
    running.transcript();
    expect(reads.count).toBeGreaterThan(50_000);
  });

  it('joins text with the spacing rules of joinWords and keeps the tail apart', () => {
    const running = new RunningTranscript('soniox');
    expect(
      running.appendFinal([
        { text: 'Hello', start: 0, end: 0.4 },
        { text: ',', start: 0.4, end: 0.45 },
      ]),
    ).toBe('Hello,');
    expect(running.appendFinal([{ text: 'world', start: 0.5, end: 0.9, language: 'en' }])).toBe('world');
    running.replacePartial([{ text: '!', start: 0.9, end: 0.95 }]);
    expect(running.finalText).toBe('Hello, world');
    expect(running.text).toBe('Hello, world!');
    expect(running.language).toBe('en');
    expect(running.transcript().text).toBe('Hello, world');
    expect(running.transcript({ includePartial: true }).text).toBe('Hello, world!');
  });
});

describe('a session’s work per message', () => {
  /** Feeds `finalWords` final words, then times `messages` small messages. */
  async function timePerMessage(finalWords: number, messages: number): Promise<number> {
    const fake = fakeWebSockets();
    let finals = 0;
    const session = await createSonioxRealtime({ apiKey: 'k', WebSocket: fake.WebSocket }).connect({
      audioFormat: 'pcm_s16le',
      sampleRate: 16000,
      numChannels: 1,
      onPart: (part) => {
        if (part.type === 'transcript-final') finals += part.words.length;
      },
    });
    const socket = fake.sockets[0] as FakeWebSocket;
    let ms = 0;
    const batch = 500;
    for (let sent = 0; sent < finalWords; sent += batch) {
      const tokens = [];
      for (let index = sent; index < Math.min(finalWords, sent + batch); index++)
        tokens.push(token(` w${index}`, ms, (ms += 10), true));
      tokens.push(token(' next', ms, ms + 5, false));
      socket.receive({ tokens });
    }
    await until(() => finals === finalWords, 30_000);
    const started = performance.now();
    for (let index = 0; index < messages; index++) {
      socket.receive({
        tokens: [
          token(` m${index}`, ms, (ms += 10), true),
          token(' a', ms, ms + 5, false),
          token(' b', ms + 5, ms + 9, false),
        ],
        final_audio_proc_ms: ms,
      });
    }
    await until(() => finals === finalWords + messages, 30_000);
    const elapsed = performance.now() - started;
    expect(session.finalWords).toHaveLength(finalWords + messages);
    session.cancel();
    return elapsed / messages;
  }

  it('does not grow with the transcript (100 words vs 50,000)', async () => {
    await timePerMessage(100, 200); // warm-up
    const small = await timePerMessage(100, 400);
    const large = await timePerMessage(50_000, 400);
    // Linear work would make the large case hundreds of times slower; the bound is generous.
    expect(large).toBeLessThan(small * 5 + 0.2);
  });
});
