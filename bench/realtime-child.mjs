// Realtime per-message cost as a session grows: our Soniox session and @soniox/node's, fed the
// same server messages through an in-memory WebSocket, block by block, alternating.
// Usage: node --expose-gc realtime-child.mjs <compiled module> <max words> [block size]
import { pathToFileURL } from 'node:url';
import { RealtimeSegmentBuffer, SonioxNodeClient } from '@soniox/node';
import { MemorySocket, serverMessages } from './lib/realtime-messages.mjs';
import { sonioxTranscript, speech } from './lib/speech.mjs';
import { median } from './lib/stats.mjs';

const [modulePath, maxWordsArgument, blockSizeArgument] = process.argv.slice(2);
const maxWords = Number(maxWordsArgument);
const lib = await import(pathToFileURL(modulePath).href);

globalThis.WebSocket = MemorySocket;

const words = speech({ maxWords: maxWords + 2000, seed: 3 });
const { tokens } = sonioxTranscript(words, lib.sonioxTokens);
const messages = serverMessages(tokens);
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function openOurs() {
  const session = await lib.createSonioxRealtime({ apiKey: 'bench-key', WebSocket: MemorySocket }).connect({
    audioFormat: 'auto',
    enableSpeakerDiarization: true,
    enableLanguageIdentification: true,
    onPart: () => {},
  });
  return { session, socket: MemorySocket.last };
}

async function openPeer() {
  const session = new SonioxNodeClient({ api_key: 'bench-key' }).realtime.stt({
    model: 'stt-rt-v4',
    audio_format: 'auto',
    enable_speaker_diarization: true,
    enable_language_identification: true,
  });
  const finalTokens = [];
  const segments = new RealtimeSegmentBuffer();
  // What an app built on the official SDK keeps: the final tokens, and stable segments as they settle.
  session.on('result', (result) => {
    for (const token of result.tokens) if (token.is_final) finalTokens.push(token);
    segments.add(result);
  });
  await session.connect();
  return { session, socket: MemorySocket.last, finalTokens };
}

// Warm both up on throwaway sessions, so the first checkpoint is not JIT compilation.
const warm = [await openOurs(), await openPeer()];
for (const text of messages.slice(0, 10_000)) for (const { socket } of warm) socket.receive(text);
await settle();
warm[0].session.cancel();
warm[1].session.close?.();
globalThis.gc?.();

const { session: ours, socket: oursSocket } = await openOurs();
const { session: peerSession, socket: peerSocket, finalTokens: peerFinalTokens } = await openPeer();

const blockSize = Number(blockSizeArgument ?? 100);
const blocks = [];
for (let start = 0, block = 0; start + blockSize <= messages.length; start += blockSize, block++) {
  const wordsBefore = ours.finalWords.length;
  if (wordsBefore >= maxWords) break;
  const slice = messages.slice(start, start + blockSize);
  const timings = {};
  for (const [name, socket] of block % 2 === 0
    ? [
        ['ours', oursSocket],
        ['peer', peerSocket],
      ]
    : [
        ['peer', peerSocket],
        ['ours', oursSocket],
      ]) {
    const began = performance.now();
    for (const text of slice) socket.receive(text);
    await settle();
    timings[name] = ((performance.now() - began) * 1000) / blockSize;
  }
  blocks.push({ wordsBefore, oursMicroseconds: timings.ours, peerMicroseconds: timings.peer });
}
const measuredWords = ours.finalWords.length;
ours.cancel();
peerSession.close?.();

// Snapshots on a session of their own: their garbage would otherwise slow the blocks measured next.
const snapshots = [];
const snapshotAt = [1_000, 10_000, 50_000, 100_000].filter((words) => words <= maxWords);
const { session: growing, socket: growingSocket } = await openOurs();
for (const [index, text] of messages.entries()) {
  if (snapshotAt.length === 0) break;
  growingSocket.receive(text);
  // Messages are handled on promises: let them run now and then before looking at the word count.
  if (index % 50 !== 0) continue;
  await settle();
  if (growing.finalWords.length < snapshotAt[0]) continue;
  const durations = [];
  for (let rep = 0; rep < 3; rep++) {
    const began = performance.now();
    growing.transcript();
    durations.push(performance.now() - began);
  }
  snapshots.push({ words: snapshotAt.shift(), transcriptMs: median(durations) });
}
growing.cancel();

const result = {
  blockSize,
  messages: blocks.length * blockSize,
  words: measuredWords,
  peerFinalTokens: peerFinalTokens.length,
  blocks,
  snapshots,
};
console.log(JSON.stringify(result));
process.exit(0);
