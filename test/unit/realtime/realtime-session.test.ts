import { describe, expect, it } from 'vitest';
import { RealtimeError } from '../../../src/core/errors/index.js';
import { createSonioxRealtime } from '../../../src/core/providers/soniox/soniox-realtime.js';
import type { RealtimePart } from '../../../src/core/realtime/realtime-part.js';
import { fakeWebSockets, token, until, type FakeWebSocket } from './fake-websocket.js';

const pcm = { audioFormat: 'pcm_s16le', sampleRate: 16000, numChannels: 1 } as const;

async function connect(
  options: Record<string, unknown> = {},
  apiKey: string | (() => Promise<string>) = 'key_1',
) {
  const fake = fakeWebSockets();
  const parts: RealtimePart[] = [];
  const session = await createSonioxRealtime({ apiKey, WebSocket: fake.WebSocket }).connect({
    ...pcm,
    onPart: (part) => parts.push(part),
    ...options,
  });
  const socket = fake.sockets[0] as FakeWebSocket;
  return { session, socket, sockets: fake.sockets, parts };
}

const types = (parts: readonly RealtimePart[]) => parts.map((part) => part.type);

describe('a Soniox realtime session', () => {
  it('sends the configuration as its first frame, then audio as binary frames', async () => {
    const { session, socket } = await connect({ languageHints: ['en', 'he'], enableEndpointDetection: true });
    await session.sendAudio(new Uint8Array(640));
    expect(socket.url).toBe('wss://stt-rt.soniox.com/transcribe-websocket');
    expect(socket.protocols).toEqual(['soniox-api-key', 'key_1']);
    expect(JSON.parse(socket.sent[0] as string)).toEqual({
      model: 'stt-rt-v5',
      audio_format: 'pcm_s16le',
      sample_rate: 16000,
      num_channels: 1,
      language_hints: ['en', 'he'],
      enable_endpoint_detection: true,
    });
    expect(socket.sent[1]).toBeInstanceOf(Uint8Array);
    expect(socket.audioBytes).toBe(640);
    session.cancel();
  });

  it('turns server messages into partial, final, endpoint and session-end parts', async () => {
    const { session, socket, parts } = await connect();
    socket.receive({
      tokens: [token('Hel', 0, 200, true), token('lo', 200, 400, false)],
      final_audio_proc_ms: 200,
      total_audio_proc_ms: 400,
    });
    socket.receive({
      tokens: [token('lo', 200, 400, true), token(' wor', 500, 700, false)],
      final_audio_proc_ms: 400,
      total_audio_proc_ms: 700,
    });
    socket.receive({
      tokens: [token(' world', 500, 900, true), token('.', 900, 950, true), token('<end>', 950, 950, true)],
    });
    const ended = session.end();
    await until(() => socket.sent.at(-1) === '');
    socket.receive({ tokens: [], final_audio_proc_ms: 1000, total_audio_proc_ms: 1000, finished: true });
    const transcript = await ended;

    expect(types(parts)).toEqual([
      'session-start',
      'transcript-partial',
      'transcript-final',
      'transcript-partial',
      'transcript-final',
      'transcript-partial',
      'endpoint',
      'session-end',
    ]);
    // "Hel" is final but "lo" is not: the word is provisional as a whole.
    expect(parts[1]).toMatchObject({
      type: 'transcript-partial',
      text: 'Hello',
      words: [{ text: 'Hello', start: 0, end: 0.4 }],
    });
    // " wor" starts a new word, so "Hello" is complete and final.
    expect(parts[2]).toMatchObject({ type: 'transcript-final', text: 'Hello', words: [{ text: 'Hello' }] });
    expect(parts[3]).toMatchObject({ type: 'transcript-partial', text: 'wor' });
    // "world" and its period stay open until <end> closes the word.
    expect(parts[4]).toMatchObject({
      type: 'transcript-final',
      text: 'world.',
      words: [{ text: 'world.', start: 0.5, end: 0.95 }],
    });
    expect(parts[5]).toEqual({ type: 'transcript-partial', words: [], text: '' });
    expect(parts.at(-1)).toMatchObject({
      type: 'session-end',
      reason: 'finished',
      finalAudioProcMs: 1000,
      totalAudioProcMs: 1000,
    });
    expect(transcript.text).toBe('Hello world.');
    expect(session.state).toBe('ended');
    expect(socket.closedWith?.code).toBe(1000);
  });

  it('is an async iterable and a ReadableStream of the same parts', async () => {
    const { session, socket } = await connect({ onPart: undefined });
    socket.receive({ tokens: [token('Hi', 0, 100, true), token('<fin>', 100, 100, true)] });
    void session.end();
    await until(() => socket.sent.at(-1) === '');
    socket.receive({ tokens: [], finished: true });
    const seen: string[] = [];
    for await (const part of session) seen.push(part.type);
    expect(seen).toEqual(['session-start', 'transcript-final', 'finalized', 'session-end']);
  });

  it('does not pile parts up for a caller who only listens with on()', async () => {
    const { session, socket } = await connect({ onPart: undefined });
    const heard: string[] = [];
    session.on('transcript-final', (part) => heard.push(part.text));
    socket.receive({ tokens: [token('One', 0, 100, true), token('<end>', 100, 100, true)] });
    await until(() => heard.length === 1);
    // The stream starts when it is first read, not with the session.
    const reader = session.parts.getReader();
    socket.receive({ tokens: [token(' two', 200, 300, true), token('<end>', 300, 300, true)] });
    expect((await reader.read()).value).toMatchObject({ type: 'transcript-final', text: 'two' });
    expect(heard).toEqual(['One', 'two']);
    session.cancel();
  });

  it('keeps translations apart from the words', async () => {
    const { session, socket, parts } = await connect({
      translation: { type: 'one_way', targetLanguage: 'fr' },
    });
    expect(JSON.parse(socket.sent[0] as string)).toMatchObject({
      translation: { type: 'one_way', target_language: 'fr' },
    });
    const original = { translation_status: 'original', language: 'en' };
    const translated = { translation_status: 'translation', language: 'fr', source_language: 'en' };
    socket.receive({
      tokens: [
        token('Good', 0, 300, true, original),
        token(' morning', 300, 700, true, original),
        token('<end>', 700, 700, true),
        { text: 'Bon', is_final: true, ...translated },
        { text: 'jour', is_final: true, ...translated },
        { text: ' à', is_final: false, ...translated },
      ],
    });
    void session.end();
    await until(() => socket.sent.at(-1) === '');
    socket.receive({ tokens: [{ text: ' tous', is_final: true, ...translated }], finished: true });
    const transcript = await session.end();
    expect(transcript.text).toBe('Good morning');
    expect(parts.filter((part) => part.type === 'translation-final')).toEqual([
      { type: 'translation-final', text: 'Bonjour', language: 'fr', sourceLanguage: 'en' },
      { type: 'translation-final', text: ' tous', language: 'fr', sourceLanguage: 'en' },
    ]);
    expect(parts.find((part) => part.type === 'translation-partial')).toMatchObject({
      text: ' à',
      language: 'fr',
    });
    expect(transcript.providerMetadata).toEqual({
      soniox: { translation: { text: 'Bonjour tous', languages: ['fr'] } },
    });
  });

  it('handles frames in arrival order even when a Blob frame takes longer to read', async () => {
    const { session, socket, parts } = await connect();
    socket.receive(new Blob([JSON.stringify({ tokens: [token('One', 0, 100, true)] })]));
    socket.receive(
      JSON.stringify({ tokens: [token(' two', 200, 300, true), token('<fin>', 300, 300, true)] }),
    );
    await until(() => parts.some((part) => part.type === 'finalized'));
    expect(session.finalWords.map((word) => word.text)).toEqual(['One', 'two']);
    session.cancel();
  });

  it('ends with an error part carrying the provider code after an error message', async () => {
    const { session, socket, parts } = await connect();
    const ended = session.end();
    socket.receive({
      error_code: 400,
      error_message: 'Invalid model specified.',
      error_type: 'invalid_request',
    });
    socket.serverClose(1000);
    const error = await ended.catch((reason: unknown) => reason);
    expect(RealtimeError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 400, provider: 'soniox' });
    expect((error as Error).message).toContain('Invalid model specified.');
    expect(parts.at(-1)).toMatchObject({ type: 'error', code: 400 });
    expect(session.state).toBe('failed');
    await expect(session.sendAudio(new Uint8Array(2))).rejects.toThrow('Invalid model specified.');
  });

  it.each([
    ['not JSON', 'is not JSON'],
    [JSON.stringify({ tokens: [{ start_ms: 0, end_ms: 10, is_final: true }] }), 'tokens[0].text'],
    [JSON.stringify({ tokens: 'none' }), 'tokens'],
  ])('fails on a server frame that breaks the protocol: %s', async (frame, detail) => {
    const { session, socket, parts } = await connect();
    socket.receive(frame);
    await until(() => session.state === 'failed');
    const part = parts.at(-1) as { type: string; code: unknown; error: RealtimeError };
    expect(part).toMatchObject({ type: 'error', code: 'invalid_message' });
    expect(part.error.message).toContain(detail);
    expect((part.error.cause as Error).name).toBe('ResponseValidationError');
  });

  it('fails on a close without finished when reconnecting is off', async () => {
    const { session, socket, parts } = await connect({ reconnect: false });
    socket.serverClose(1000, 'bye');
    await until(() => session.state === 'failed');
    expect(parts.at(-1)).toMatchObject({ type: 'error', code: 'connection_closed' });
    expect((parts.at(-1) as { error: RealtimeError }).error).toMatchObject({
      closeCode: 1000,
      closeReason: 'bye',
    });
  });

  it('sends a keepalive when no audio flows, and none while it does', async () => {
    const { session, socket } = await connect({ keepaliveIntervalMs: 100 });
    const started = Date.now();
    while (Date.now() - started < 300) {
      await session.sendAudio(new Uint8Array(320));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(socket.textFrames.filter((frame) => frame.includes('keepalive'))).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 260));
    const keepalives = socket.textFrames.filter((frame) => frame.includes('keepalive'));
    expect(keepalives.length).toBeGreaterThanOrEqual(1);
    expect(keepalives.length).toBeLessThanOrEqual(3);
    expect(JSON.parse(keepalives[0] ?? '')).toEqual({ type: 'keepalive' });
    session.cancel();
  });

  it('sends finalize after the audio captured before it', async () => {
    const { session, socket } = await connect();
    void session.sendAudio(new Uint8Array(1000));
    await session.finalize({ trailingSilenceMs: 300 });
    expect(socket.sent.at(-2)).toBeInstanceOf(Uint8Array);
    expect(JSON.parse(socket.sent.at(-1) as string)).toEqual({ type: 'finalize', trailing_silence_ms: 300 });
    await expect(session.finalize({ trailingSilenceMs: -1 })).rejects.toThrow('trailingSilenceMs');
    session.cancel();
  });

  it('ends gracefully: all audio, then an empty text frame, then waits for finished', async () => {
    const { session, socket, parts } = await connect();
    void session.sendAudio(new Uint8Array(3200));
    let resolved = false;
    const ended = session.end().then((transcript) => {
      resolved = true;
      return transcript;
    });
    await until(() => socket.sent.at(-1) === '');
    expect(socket.audioBytes).toBe(3200);
    expect(session.state).toBe('ending');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(resolved).toBe(false);
    await expect(session.sendAudio(new Uint8Array(2))).rejects.toMatchObject({ code: 'invalid_state' });
    socket.receive({
      tokens: [token('Done', 0, 100, true)],
      final_audio_proc_ms: 100,
      total_audio_proc_ms: 100,
      finished: true,
    });
    expect((await ended).text).toBe('Done');
    expect(parts.at(-1)?.type).toBe('session-end');
  });

  it('cancels without finishing: no end-of-audio frame, a cancelled session-end', async () => {
    const controller = new AbortController();
    const { session, socket, parts } = await connect({ signal: controller.signal });
    await session.sendAudio(new Uint8Array(320));
    socket.receive({ tokens: [token('Half', 0, 100, true), token(' way', 100, 200, false)] });
    await until(() => parts.some((part) => part.type === 'transcript-partial'));
    controller.abort(new Error('user left'));
    expect(session.state).toBe('cancelled');
    expect(socket.closedWith?.code).toBe(1000);
    expect(socket.sent).not.toContain('');
    expect(parts.at(-1)).toMatchObject({ type: 'session-end', reason: 'cancelled' });
    await expect(session.end()).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('holds audio back while the socket buffer is above the high-water mark', async () => {
    const { session, socket } = await connect({ highWaterMark: 1000 });
    socket.bufferedAmount = 5000;
    let sent = false;
    const sending = session.sendAudio(new Uint8Array(640)).then(() => {
      sent = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sent).toBe(false);
    expect(socket.audioBytes).toBe(0);
    socket.bufferedAmount = 900;
    await sending;
    expect(socket.audioBytes).toBe(640);
    session.cancel();
  });

  it('reconnects after a retryable error with a fresh key, on the same timeline', async () => {
    let calls = 0;
    const { session, sockets, parts } = await connect(
      { reconnect: { initialDelayMs: 1, maxDelayMs: 5 } },
      async () => `key_${++calls}`,
    );
    const first = sockets[0] as FakeWebSocket;
    await session.sendAudio(new Uint8Array(32_000));
    first.receive({
      tokens: [
        token('One', 100, 400, true),
        token(' two', 600, 900, true),
        token('<end>', 900, 900, true),
        token(' thr', 1000, 1100, false),
      ],
      final_audio_proc_ms: 900,
    });
    first.receive({
      error_code: 503,
      error_message: 'Cannot continue request (code 7). Please restart the request.',
    });
    await until(
      () => sockets.length === 2 && sockets[1]?.readyState === 1 && (sockets[1]?.audioBytes ?? 0) > 0,
    );
    const second = sockets[1] as FakeWebSocket;
    expect(second.protocols).toEqual(['soniox-api-key', 'key_2']);
    // "two" ended at 0.9 s: everything after it is sent again, its times shifted back by 0.9 s.
    expect(second.audioBytes).toBe(32_000 - 0.9 * 32_000);
    second.receive({ tokens: [token('three', 100, 400, true), token('<end>', 400, 400, true)] });
    await until(() => session.finalWords.length === 3);
    expect(session.finalWords.map((word) => [word.text, word.start])).toEqual([
      ['One', 0.1],
      ['two', 0.6],
      ['three', 1],
    ]);
    expect(types(parts)).toContain('reconnecting');
    expect(parts.find((part) => part.type === 'reconnected')).toEqual({
      type: 'reconnected',
      attempt: 1,
      replayFromByte: 28_800,
      replayedBytes: 3200,
      offsetSeconds: 0.9,
      lostBytes: 0,
    });
    expect(parts.find((part) => part.type === 'reconnecting')).toMatchObject({
      attempt: 1,
      error: { code: 503 },
    });
    session.cancel();
  });

  it('keeps speaker labels stable across a reconnect', async () => {
    const { session, sockets } = await connect({
      enableSpeakerDiarization: true,
      reconnect: { initialDelayMs: 1 },
    });
    const first = sockets[0] as FakeWebSocket;
    await session.sendAudio(new Uint8Array(64_000));
    first.receive({
      tokens: [
        token('Hi', 0, 200, true, { speaker: '1' }),
        token(' there', 300, 500, true, { speaker: '2' }),
        token(' you', 600, 800, true, { speaker: '2' }),
        token('<end>', 800, 800, true),
      ],
    });
    await until(() => session.finalWords.length === 3);
    first.serverClose(1006);
    await until(() => sockets.length === 2 && (sockets[1]?.audioBytes ?? 0) > 0);
    const second = sockets[1] as FakeWebSocket;
    // The new connection numbers its voices afresh: its "1" is the voice heard last ("2").
    second.receive({
      tokens: [
        token('Yes', 0, 200, true, { speaker: '1' }),
        token(' no', 300, 500, true, { speaker: '2' }),
        token('<end>', 500, 500, true),
      ],
    });
    await until(() => session.finalWords.length === 5);
    expect(session.finalWords.map((word) => `${word.text}:${word.speaker}`)).toEqual([
      'Hi:1',
      'there:2',
      'you:2',
      'Yes:2',
      'no:1',
    ]);
    session.cancel();
  });

  it('fails after the reconnect attempts run out', async () => {
    const fake = fakeWebSockets();
    const parts: RealtimePart[] = [];
    const session = await createSonioxRealtime({ apiKey: 'k', WebSocket: fake.WebSocket }).connect({
      ...pcm,
      reconnect: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 2 },
      onPart: (part) => parts.push(part),
    });
    // Every later socket fails before opening.
    const sockets = fake.sockets;
    const originalLength = sockets.length;
    (sockets[0] as FakeWebSocket).serverClose(1006);
    await until(() => sockets.length > originalLength);
    for (let attempt = 0; attempt < 2; attempt++) {
      await until(() => sockets.length > originalLength + attempt);
      const socket = sockets[originalLength + attempt] as FakeWebSocket;
      socket.serverClose(1006);
    }
    await until(() => session.state === 'failed');
    expect(
      parts
        .filter((part) => part.type === 'reconnecting')
        .map((part) => (part as { attempt: number }).attempt),
    ).toEqual([1, 2]);
    expect(parts.at(-1)).toMatchObject({ type: 'error', code: 'reconnect_failed' });
  });
});
