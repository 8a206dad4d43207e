import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { createSonioxRealtime } from '../../../src/core/providers/soniox/soniox-realtime.js';
import type { RealtimePart, RealtimeReconnectedPart } from '../../../src/core/realtime/realtime-part.js';
import { createSandbox, type SonioxRealtimeSessionInfo } from '../../../worker/src/sandbox/index.js';
import { serveRealtimeSandbox, type RealtimeSandboxServer } from '../../helpers/serve-realtime-sandbox.js';
import { chunks, toneBursts } from './pcm.js';

let server: RealtimeSandboxServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Mints a single-use temporary key through the sandbox's REST endpoint, as a site's server would. */
async function mintKey(sandbox: ReturnType<typeof createSandbox>): Promise<string> {
  const response = await sandbox.fetch(
    new Request('https://api.soniox.com/v1/auth/temporary-api-key', {
      method: 'POST',
      headers: { Authorization: 'Bearer server-key', 'content-type': 'application/json' },
      body: JSON.stringify({ usage_type: 'transcribe_websocket', expires_in_seconds: 60, single_use: true }),
    }),
  );
  return ((await response.json()) as { api_key: string }).api_key;
}

describe('reconnecting against the sandbox', () => {
  it('loses and duplicates no final word when the socket drops three times mid-stream', async () => {
    const sessions: SonioxRealtimeSessionInfo[] = [];
    // Each of the first three sessions is dropped after a different amount of its own audio.
    const dropAfter = [41_000, 57_600, 33_333];
    const sandbox = createSandbox({
      sonioxRealtime: {
        dropAfterAudioBytes: (index) => dropAfter[index - 1],
        onSessionEnd: (info) => sessions.push(info),
      },
    });
    server = await serveRealtimeSandbox(sandbox);
    let keys = 0;
    const { pcm, bursts } = toneBursts(24);
    const parts: RealtimePart[] = [];
    const realtime = createSonioxRealtime({
      apiKey: async () => {
        keys++;
        return mintKey(sandbox);
      },
      WebSocket,
      realtimeUrl: server.urlFor(),
    });
    const session = await realtime.connect({
      audioFormat: 'pcm_s16le',
      sampleRate: 16000,
      numChannels: 1,
      reconnect: { initialDelayMs: 5, maxDelayMs: 20 },
      onPart: (part) => parts.push(part),
    });
    for (const chunk of chunks(pcm, 3200)) {
      await session.sendAudio(chunk);
      // Near real time is not needed, but pausing lets results arrive before each drop.
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const transcript = await session.end();

    const reconnected = parts.filter((part): part is RealtimeReconnectedPart => part.type === 'reconnected');
    expect(reconnected).toHaveLength(3);
    expect(sessions.map((info) => info.outcome)).toEqual(['dropped', 'dropped', 'dropped', 'finished']);
    // A fresh single-use key for every connection (a reused one would have been refused).
    expect(keys).toBe(4);

    // One final word per tone burst, in order, where the burst is: none lost, none twice.
    const words = session.finalWords;
    expect(words).toHaveLength(bursts.length);
    for (const [index, burst] of bursts.entries()) {
      const word = words[index];
      expect(word?.start).toBeGreaterThanOrEqual(burst.start - 0.03);
      expect(word?.start).toBeLessThanOrEqual(burst.start + 0.03);
      expect(word?.end).toBeGreaterThanOrEqual(burst.end - 0.03);
      // A word ends with its period, a token that lasts up to 60 ms past the sound.
      expect(word?.end).toBeLessThanOrEqual(burst.end + 0.07);
    }
    for (let index = 1; index < words.length; index++) {
      expect(words[index]?.start).toBeGreaterThanOrEqual(words[index - 1]?.end ?? Infinity);
    }
    expect(transcript.words).toEqual([...words]);

    // Every captured byte reached the server: each connection starts where audio was still
    // unsettled (no gap), and the last one received everything to the end.
    const starts = [0, ...reconnected.map((part) => part.replayFromByte)];
    const received = sessions.map((info) => info.audioBytes);
    expect(received.slice(0, 3)).toEqual(dropAfter);
    for (let index = 1; index < starts.length; index++) {
      expect(starts[index]).toBeLessThanOrEqual((starts[index - 1] ?? 0) + (received[index - 1] ?? 0));
      expect(starts[index]).toBeGreaterThanOrEqual(starts[index - 1] ?? Infinity);
    }
    expect((starts.at(-1) ?? 0) + (received.at(-1) ?? 0)).toBe(pcm.byteLength);
    expect(session.stats.capturedBytes).toBe(pcm.byteLength);
    expect(session.stats.sentBytes).toBe(pcm.byteLength + session.stats.replayedBytes);
    expect(session.stats.connections).toBe(4);
    for (const part of reconnected) expect(part.offsetSeconds).toBe(part.replayFromByte / 32_000);
    // The replays started after words already final, and sent again audio already sent once.
    expect(reconnected.every((part) => part.replayFromByte > 0 && part.replayedBytes > 0)).toBe(true);
  });

  it('continues the timeline across a drop of a session that was all speech', async () => {
    const sandbox = createSandbox({
      sonioxRealtime: { dropAfterAudioBytes: (index) => (index === 1 ? 80_000 : undefined) },
    });
    server = await serveRealtimeSandbox(sandbox);
    // Long bursts: several words each, finalized one by one while the burst goes on.
    const { pcm, bursts } = toneBursts(3, { burstMs: 2000, gapMs: 600 });
    const session = await createSonioxRealtime({
      apiKey: 'sandbox-key',
      WebSocket,
      realtimeUrl: server.urlFor(),
    }).connect({
      audioFormat: 'pcm_s16le',
      sampleRate: 16000,
      numChannels: 1,
      reconnect: { initialDelayMs: 5 },
    });
    for (const chunk of chunks(pcm, 1600)) await session.sendAudio(chunk);
    await session.end();
    // A 2 s burst holds five 400 ms word slots.
    expect(session.finalWords).toHaveLength(bursts.length * 5);
    for (let index = 1; index < session.finalWords.length; index++) {
      expect(session.finalWords[index]?.start).toBeGreaterThan(
        session.finalWords[index - 1]?.start ?? Infinity,
      );
    }
    expect(session.stats.connections).toBe(2);
  });
});
