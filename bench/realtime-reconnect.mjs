// Section 3, realtime: audio bytes sent against bytes captured across three forced reconnects.
// Our Soniox session streams 16 kHz PCM to the realtime sandbox served over `ws` on 127.0.0.1 (the
// setup of test/unit/realtime/realtime-reconnect.test.ts); the sandbox drops the socket three times
// mid-stream, and every connection gets a fresh single-use key minted through the sandbox's REST
// endpoint. Sent must equal captured + replayed, every captured byte must reach the server, and no
// final word may be lost or duplicated.
import { pathToFileURL } from 'node:url';
import { compileForNode } from './lib/compile.mjs';

// Each of the first three sessions is dropped after a different amount of its own audio.
const dropAfter = [41_000, 57_600, 33_333];
const burstCount = 24;
const chunkBytes = 3200;
const bytesPerSecond = 32_000;

async function mintKey(sandbox) {
  const response = await sandbox.fetch(
    new Request('https://api.soniox.com/v1/auth/temporary-api-key', {
      method: 'POST',
      headers: { Authorization: 'Bearer server-key', 'content-type': 'application/json' },
      body: JSON.stringify({ usage_type: 'transcribe_websocket', expires_in_seconds: 60, single_use: true }),
    }),
  );
  return (await response.json()).api_key;
}

export async function measureReconnect() {
  const lib = await import(
    pathToFileURL(
      await compileForNode(
        'realtime-reconnect',
        [
          "export { default as WebSocket } from 'ws';",
          "export { createSonioxRealtime } from './src/core/providers/soniox/soniox-realtime.ts';",
          "export { createSandbox } from './worker/src/sandbox/index.ts';",
          "export { serveRealtimeSandbox } from './test/helpers/serve-realtime-sandbox.ts';",
          "export { toneBursts, chunks } from './test/unit/realtime/pcm.ts';",
        ].join('\n'),
      ),
    ).href
  );
  const sessions = [];
  const sandbox = lib.createSandbox({
    sonioxRealtime: {
      dropAfterAudioBytes: (index) => dropAfter[index - 1],
      onSessionEnd: (info) => sessions.push(info),
    },
  });
  const server = await lib.serveRealtimeSandbox(sandbox);
  try {
    if (!server.origin.startsWith('http://127.0.0.1:')) throw new Error(`not local: ${server.origin}`);
    let keys = 0;
    const { pcm, bursts } = lib.toneBursts(burstCount);
    const parts = [];
    let captured = 0;
    const began = performance.now();
    const session = await lib
      .createSonioxRealtime({
        apiKey: async () => {
          keys++;
          return mintKey(sandbox);
        },
        WebSocket: lib.WebSocket,
        realtimeUrl: server.urlFor(),
      })
      .connect({
        audioFormat: 'pcm_s16le',
        sampleRate: 16000,
        numChannels: 1,
        reconnect: { initialDelayMs: 5, maxDelayMs: 20 },
        onPart: (part) => parts.push(part),
      });
    for (const chunk of lib.chunks(pcm, chunkBytes)) {
      captured += chunk.byteLength;
      await session.sendAudio(chunk);
      // Not real time, but a pause lets results arrive before each drop (as the test does).
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const transcript = await session.end();
    const seconds = (performance.now() - began) / 1000;

    const reconnected = parts.filter((part) => part.type === 'reconnected');
    const stats = session.stats;
    // Every captured byte reached the server, as the test defines it: each connection starts where
    // audio was still unsettled (no gap, no going back), and the last one received everything.
    const starts = [0, ...reconnected.map((part) => part.replayFromByte)];
    const received = sessions.map((info) => info.audioBytes);
    let noGap = starts.length === received.length;
    for (let index = 1; index < starts.length; index++) {
      if (starts[index] > starts[index - 1] + (received[index - 1] ?? 0)) noGap = false;
      if (starts[index] < starts[index - 1]) noGap = false;
    }
    const reachedEnd = starts.at(-1) + (received.at(-1) ?? 0) === captured;

    // One final word per tone burst, where the burst is: none lost, none twice.
    const words = [...session.finalWords];
    const near = (word, burst) => Math.abs(word.start - burst.start) <= 0.03;
    const matches = bursts.map((burst) => words.filter((word) => near(word, burst)).length);
    const lost = matches.filter((count) => count === 0).length;
    const unmatched = words.filter((word) => !bursts.some((burst) => near(word, burst))).length;
    const duplicated = matches.reduce((sum, count) => sum + Math.max(0, count - 1), 0) + unmatched;

    return {
      status: 'measured',
      method: `Our createSonioxRealtime() session (ws WebSocket, a fresh single-use temporary key minted through the sandbox's REST endpoint for every connection) streams ${(pcm.byteLength / bytesPerSecond).toFixed(1)} s of 16 kHz mono PCM (${burstCount} tone bursts, the audio of test/unit/realtime/realtime-reconnect.test.ts) in ${chunkBytes}-byte chunks, 3 ms apart, to the realtime sandbox served over ws on 127.0.0.1; the sandbox drops the socket (TCP terminate, close 1006) after ${dropAfter.map((bytes) => bytes.toLocaleString('en-US')).join(', ')} bytes of the first three connections' audio. Captured = bytes the source produced; sent, replayed and connections from session.stats; received per connection from the sandbox. "Every captured byte reached the server": each connection starts at or before where the previous one's audio ended (no gap) and the last one received everything to the end.`,
      audioSeconds: pcm.byteLength / bytesPerSecond,
      capturedBytes: captured,
      statsCapturedBytes: stats.capturedBytes,
      sentBytes: stats.sentBytes,
      replayedBytes: stats.replayedBytes,
      connections: stats.connections,
      reconnects: reconnected.length,
      keysMinted: keys,
      sessionOutcomes: sessions.map((info) => info.outcome),
      receivedBytesPerConnection: received,
      replayFromBytes: starts.slice(1),
      sentEqualsCapturedPlusReplayed: stats.sentBytes === captured + stats.replayedBytes,
      everyCapturedByteReachedServer: noGap && reachedEnd && stats.capturedBytes === captured,
      bursts: bursts.length,
      finalWords: words.length,
      transcriptWordsMatch: transcript.words.length === words.length,
      finalWordsLost: lost,
      finalWordsDuplicated: duplicated,
      seconds,
    };
  } finally {
    await server.close();
  }
}

export function reconnectMarkdown(result) {
  if (result === undefined) return [];
  if (result.status !== 'measured')
    return ['', `Audio across forced reconnects: ${result.status} — ${result.reason}`];
  const bytes = (value) => `${value.toLocaleString('en-US')} B`;
  const yes = (value) => (value ? 'yes' : '**no**');
  return [
    '',
    `Audio bytes across three forced reconnects. Method: ${result.method}`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| bytes captured (the source) | ${bytes(result.capturedBytes)} |`,
    `| bytes sent (session.stats) | ${bytes(result.sentBytes)} |`,
    `| bytes replayed after reconnects | ${bytes(result.replayedBytes)} (from bytes ${result.replayFromBytes.map((value) => value.toLocaleString('en-US')).join(', ')}) |`,
    `| reconnects observed / connections / keys minted | ${result.reconnects} / ${result.connections} / ${result.keysMinted} (sandbox outcomes: ${result.sessionOutcomes.join(', ')}) |`,
    `| bytes received by the server, per connection | ${result.receivedBytesPerConnection.map((value) => value.toLocaleString('en-US')).join(' / ')} |`,
    `| sent = captured + replayed | ${yes(result.sentEqualsCapturedPlusReplayed)} (${bytes(result.sentBytes)} = ${bytes(result.capturedBytes)} + ${bytes(result.replayedBytes)}) |`,
    `| every captured byte reached the server | ${yes(result.everyCapturedByteReachedServer)} |`,
    `| final words lost / duplicated | ${result.finalWordsLost} / ${result.finalWordsDuplicated} (${result.finalWords} final words for ${result.bursts} bursts) |`,
  ];
}
